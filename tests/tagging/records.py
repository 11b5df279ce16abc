"""Records written for the tagging tests: a title and sections, tagged with the project's vocabulary.

Every text in these tests is invented; each states one fact about how abstracts are written and
what the tag must be.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from litscan.models import AbstractSection, MeshHeading, PublicationType, Record, Tags
from litscan.tagging.tagger import Tagger

VOCABULARY = Path(__file__).resolve().parents[2] / "queries" / "chronic-pain.vocab.toml"


def record(
    title: str,
    *sections: str | tuple[str | None, str],
    types: tuple[str, ...] = ("Journal Article",),
    mesh: tuple[tuple[str, str], ...] = (),
) -> Record:
    """A new PubMed record: sections are plain text or (LABEL, text)."""
    parts = []
    for section in sections:
        if isinstance(section, tuple):
            parts.append(AbstractSection(section[1], label=section[0], category=section[0]))
        else:
            parts.append(AbstractSection(section))
    return Record(
        pmid="1",
        title=title,
        abstract_sections=tuple(parts),
        publication_types=tuple(PublicationType(t) for t in types),
        mesh=tuple(MeshHeading(name, ui) for name, ui in mesh),
    )


def tag(tagger: Tagger, *args: Any, **kwargs: Any) -> Tags:
    return tagger.tag(record(*args, **kwargs))
