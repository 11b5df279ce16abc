"""Invented records for the appraisal tests: every sentence here was written for them."""

from __future__ import annotations

from litscan.models import AbstractSection, MeshHeading, PublicationType, Record

_CATEGORY = {
    "BACKGROUND": "BACKGROUND",
    "OBJECTIVE": "OBJECTIVE",
    "METHODS": "METHODS",
    "RESULTS": "RESULTS",
    "CONCLUSIONS": "CONCLUSIONS",
}


def structured(*sections: tuple[str, str], title: str = "Drug X for chronic pain", **fields: object) -> Record:
    """A record with labelled sections: ("METHODS", "text"), ...; the NLM category follows the label."""
    parts = tuple(
        AbstractSection(text, label=label, category=_CATEGORY.get(label, "UNASSIGNED")) for label, text in sections
    )
    return Record(pmid="1", title=title, abstract_sections=parts, **fields)  # type: ignore[arg-type]


def plain(text: str, title: str = "Drug X for chronic pain", **fields: object) -> Record:
    """A record whose abstract is one unlabelled section."""
    return Record(pmid="1", title=title, abstract_sections=(AbstractSection(text),), **fields)  # type: ignore[arg-type]


def typed(*names: str) -> tuple[PublicationType, ...]:
    return tuple(PublicationType(name) for name in names)


def mesh(*descriptors: str) -> tuple[MeshHeading, ...]:
    return tuple(MeshHeading(d) for d in descriptors)
