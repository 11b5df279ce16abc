"""A record's title and abstract as text pieces, each marked with the tag evidence that covers it.

The tagger stores each tag's evidence as a field name (``title``, ``abstract``, ``abstract:METHODS``),
the sentence that decided and its offsets in that field (``litscan explain`` prints the same). Here
the sentence is found again in the record's text (by its offsets, else by searching for it, since
two unlabelled sections share one field name) and the words the reason quotes ("route "oral"
stated for ketamine") are marked inside it, so a screener sees at a glance why a record was tagged.
Evidence that is not in the text (MeSH headings, publication types) is listed, not marked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise

from ..digest.labels import Labels
from ..models import Evidence, Record, Tags

_QUOTED = re.compile(r"[\"“]([^\"”]{1,80})[\"”]")


@dataclass(frozen=True)
class Why:
    """One piece of evidence for one tag, as the screen names it."""

    tag: str  # "Route: Oral"
    reason: str
    field: str
    text: str


@dataclass(frozen=True)
class Piece:
    """A run of text, and the evidence covering it (none: plain text)."""

    text: str
    tags: tuple[str, ...] = ()  # the tags whose evidence sentence covers it
    key: bool = False  # the words a reason quotes

    @property
    def marked(self) -> bool:
        return bool(self.tags)


@dataclass(frozen=True)
class Section:
    """The title or one abstract section, cut into pieces."""

    label: str | None
    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class Marked:
    """A record's text as the screen shows it, and every piece of evidence for its tags."""

    title: Section
    abstract: tuple[Section, ...]
    evidence: tuple[Why, ...]


@dataclass(frozen=True)
class _Span:
    field: int  # index into the record's fields: 0 the title, then the abstract sections
    start: int
    end: int
    tag: str
    key: bool


def tag_evidence(tags: Tags, labels: Labels) -> Iterator[tuple[str, Evidence]]:
    """Each tag's name as a screener reads it, with each piece of its evidence."""
    topic_word = "On topic" if tags.on_topic else "Off topic"
    for item in tags.on_topic_evidence:
        yield topic_word, item
    for item in tags.design_evidence:
        yield f"Design: {labels.design(tags.design)}", item
    for cid in tags.conditions:
        for item in tags.condition_evidence.get(cid, ()):
            yield f"Condition: {labels.condition(cid)}", item
    for rid in tags.routes:
        for item in tags.route_evidence.get(rid, ()):
            yield f"Route: {labels.route(rid)}", item


def mark_record(record: Record, tags: Tags, labels: Labels) -> Marked:
    """The record's title and abstract sections with the evidence of its tags marked in them."""
    fields: list[tuple[str, str | None, str]] = [("title", None, record.title or "")]
    for section in record.abstract_sections:
        label = section.label or None
        fields.append((f"abstract:{label}" if label else "abstract", label, section.text))
    spans: list[_Span] = []
    whys: list[Why] = []
    for tag, item in tag_evidence(tags, labels):
        whys.append(Why(tag, item.reason, item.field, " ".join(item.text.split())))
        spans.extend(_locate(fields, tag, item))
    sections = [
        Section(label, tuple(_pieces(text, [s for s in spans if s.field == i])))
        for i, (_, label, text) in enumerate(fields)
    ]
    return Marked(sections[0], tuple(sections[1:]), tuple(whys))


def _locate(fields: list[tuple[str, str | None, str]], tag: str, item: Evidence) -> list[_Span]:
    """Where one piece of evidence stands in the record's fields: its sentence and the quoted words in it."""
    wanted = item.text.strip()
    if not wanted:
        return []
    for index, (name, _, text) in enumerate(fields):
        if name != item.field:
            continue
        start = _find(text, wanted, item.start)
        if start is None:
            continue
        end = start + len(wanted)
        spans = [_Span(index, start, end, tag, False)]
        for quoted in _QUOTED.findall(item.reason):
            at = text.lower().find(quoted.lower(), start, end)
            if at >= 0:
                spans.append(_Span(index, at, at + len(quoted), tag, True))
        return spans
    return []


def _find(text: str, wanted: str, offset: int | None) -> int | None:
    """Where ``wanted`` starts in ``text``: at the stored offset (give or take the spaces it was trimmed
    of), else its first occurrence; None if the text no longer holds it (the record was revised)."""
    if offset is not None and 0 <= offset <= len(text):
        skipped = len(text[offset:]) - len(text[offset:].lstrip())
        if text.startswith(wanted, offset + skipped):
            return offset + skipped
    found = text.find(wanted)
    return found if found >= 0 else None


def _pieces(text: str, spans: Iterable[_Span]) -> Iterator[Piece]:
    """``text`` cut at every span's edges; each piece carries the tags covering it."""
    spans = list(spans)
    cuts = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    for start, end in pairwise(cuts):
        covering = [s for s in spans if s.start <= start and end <= s.end]
        keys = [s for s in covering if s.key]  # quoted words name the tags that quote them, not the sentence's
        yield Piece(text[start:end], tuple(dict.fromkeys(s.tag for s in keys or covering)), bool(keys))
