"""Rayyan's decisions: read from the notes it exports them in (RIS ``N1`` or the CSV's ``notes`` column), and
written back into RIS the same way.

Rayyan appends its data to a record's notes as ``|``-separated parts::

    RAYYAN-INCLUSION: {"Alice"=>"Included", "Bob"=>"Maybe"} | RAYYAN-LABELS: pilot, __EXR__wrong dose
    | RAYYAN-EXCLUSION-REASONS: wrong population,wrong outcome | USER-NOTES: {"Alice"=>["a note"]}

Each reviewer's vote is Included, Excluded or Maybe. Reviewers who agree give the decision; when
they disagree the record is "maybe", with a note saying who voted what, for someone to settle.
Exclusion reasons (also labels prefixed ``__EXR__``) must be the topic's reasons, by id or label.
ASReview's RIS notes (``ASReview_relevant``, ``ASReview_irrelevant``, ``ASReview_not_seen``) are read too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO

from ..citations import ris_entry
from ..errors import InputError
from ..store import StoredRecord
from .asreview_csv import PMID_COLUMNS
from .file_rows import FileDecision, clean, doi_of, pmid_cell, pmid_in
from .listing import ScreeningItem
from .ris_file import RisRecord
from .table import Table

_PART = re.compile(r"(RAYYAN-INCLUSION|RAYYAN-LABELS|RAYYAN-EXCLUSION-REASONS|USER-NOTES):")
_QUOTED = r'"((?:[^"\\]|\\.)*)"'
_VOTE = re.compile(rf"\s*{_QUOTED}\s*=>\s*{_QUOTED}\s*,?")
_NOTES = re.compile(rf"\s*{_QUOTED}\s*=>\s*\[((?:\s*{_QUOTED}\s*,?)*)\]\s*,?")
_VOTES = {"included": "include", "excluded": "exclude", "maybe": "maybe"}
_WORDS = {"include": "Included", "exclude": "Excluded", "maybe": "Maybe"}
_ASREVIEW = {"ASReview_relevant": "include", "ASReview_irrelevant": "exclude"}
EXR = "__EXR__"


@dataclass(frozen=True)
class RayyanNote:
    """What Rayyan's part of a note says."""

    votes: tuple[tuple[str, str], ...] = ()  # (reviewer, include | exclude | maybe)
    reasons: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _braces(text: str, part: str, where: str, path: str) -> str:
    body = text.strip()
    if not (body.startswith("{") and body.endswith("}")):
        raise InputError(f"cannot read {part} (expected {{...}}, got {body[:60]!r})", path=path, where=where)
    return body[1:-1]


def _parse_votes(body: str, where: str, path: str) -> tuple[tuple[str, str], ...]:
    votes = []
    position = 0
    while position < len(body.rstrip()):
        found = _VOTE.match(body, position)
        if not found:
            raise InputError(
                f"cannot read RAYYAN-INCLUSION near {body[position : position + 40]!r}", path=path, where=where
            )
        word = _unquote(found.group(2))
        if word.lower() not in _VOTES:
            raise InputError(
                f"Rayyan decision {word[:40]!r} is not Included, Excluded or Maybe", path=path, where=where
            )
        votes.append((_unquote(found.group(1)), _VOTES[word.lower()]))
        position = found.end()
    return tuple(votes)


def _parse_notes(body: str, where: str, path: str) -> tuple[str, ...]:
    notes: list[str] = []
    position = 0
    while position < len(body.rstrip()):
        found = _NOTES.match(body, position)
        if not found:
            raise InputError(f"cannot read USER-NOTES near {body[position : position + 40]!r}", path=path, where=where)
        notes.extend(_unquote(text) for text in re.findall(_QUOTED, found.group(2)))
        position = found.end()
    return tuple(notes)


def parse_note(text: str, where: str, path: str) -> RayyanNote | None:
    """Rayyan's parts of a note (None: the note has none); a part that does not parse names ``where``."""
    starts = list(_PART.finditer(text))
    if not starts:
        return None
    votes: tuple[tuple[str, str], ...] = ()
    reasons: list[str] = []
    notes: tuple[str, ...] = ()
    for index, start in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        value = text[start.end() : end].strip().removesuffix("|").strip()
        part = start.group(1)
        if part == "RAYYAN-INCLUSION":
            votes = _parse_votes(_braces(value, part, where, path), where, path)
        elif part == "USER-NOTES":
            notes = _parse_notes(_braces(value, part, where, path), where, path)
        else:
            items = [item.strip() for item in value.split(",") if item.strip()]
            if part == "RAYYAN-LABELS":
                items = [item.removeprefix(EXR) for item in items if item.startswith(EXR)]
            reasons.extend(item.removeprefix(EXR) for item in items)
    return RayyanNote(votes, tuple(dict.fromkeys(reasons)), notes)


def _decision(note: RayyanNote) -> tuple[str | None, str | None, str | None]:
    """(decision, reviewers, a note on any disagreement)."""
    if not note.votes:
        return None, None, None
    reviewers = ", ".join(name for name, _ in note.votes)
    decisions = {decision for _, decision in note.votes}
    if len(decisions) == 1:
        return decisions.pop(), reviewers, None
    said = "; ".join(f"{name}: {_WORDS[decision]}" for name, decision in note.votes)
    return "maybe", reviewers, f"Rayyan reviewers disagree ({said})"


def decision_from_notes(
    notes: Iterable[str], line: int, path: str, *, pmid: str | None, doi: str | None, title: str | None
) -> FileDecision:
    """A record's decision from its notes (Rayyan's, or ASReview's RIS labels)."""
    where = f"line {line}"
    decision = by = disagreement = None
    found = RayyanNote()
    for text in notes:
        parsed = parse_note(text, where, path)
        if parsed is not None:
            found = parsed
            decision, by, disagreement = _decision(parsed)
        for label, value in _ASREVIEW.items():
            if label in text:
                decision = value
    note = "; ".join(n for n in (disagreement, *found.notes) if n) or None
    reasons = found.reasons if decision == "exclude" else ()  # Rayyan keeps reasons a later vote undid
    return FileDecision(line, pmid, doi, title, decision, reasons, clean(note), by)


def read_rayyan_ris(records: list[RisRecord], path: str) -> list[FileDecision]:
    """Each RIS record's decision, matched later by PMID (AN, a PubMed link), DOI or title."""
    rows = []
    for record in records:
        accession = (record.first("AN") or "").strip()
        links = " ".join(record.values("UR", "L1", "L2", "LK", "N1", "M1"))
        rows.append(
            decision_from_notes(
                record.values("N1"),
                record.line_of("N1"),
                path,
                pmid=pmid_cell(accession) or pmid_in(links),
                doi=doi_of(record.first("DO")) or doi_of(links),
                title=clean(record.first("TI", "T1")),
            )
        )
    return rows


def is_rayyan_table(table: Table) -> bool:
    return "notes" in table.columns and any("RAYYAN-" in cells.get("notes", "") for _, cells in table.rows)


def read_rayyan_table(table: Table) -> list[FileDecision]:
    """Each row's decision from Rayyan's CSV export (its ``notes`` column)."""
    pmid_column = table.first_column(*PMID_COLUMNS)
    return [
        decision_from_notes(
            [cells.get("notes", "")],
            line,
            table.path,
            pmid=(pmid_cell(cells.get(pmid_column)) if pmid_column else None) or pmid_in(cells.get("url")),
            doi=doi_of(cells.get("doi")) or doi_of(cells.get("url")),
            title=clean(cells.get("title")),
        )
        for line, cells in table.rows
    ]


def rayyan_note(item: ScreeningItem) -> str | None:
    """The N1 text Rayyan writes for a decision (None for an undecided record)."""
    if item.decision is None:
        return None
    name = (item.by or "litscan").replace("\\", "\\\\").replace('"', '\\"')
    parts = [f'RAYYAN-INCLUSION: {{"{name}"=>"{_WORDS[item.decision]}"}}']
    if item.reason:
        parts.append(f"RAYYAN-EXCLUSION-REASONS: {item.reason}")
    if item.note:
        note = item.note.replace("\\", "\\\\").replace('"', '\\"')
        parts.append(f'USER-NOTES: {{"{name}"=>["{note}"]}}')
    return " | ".join(parts)


def write_rayyan_ris(items: Iterable[tuple[ScreeningItem, StoredRecord]], out: IO[str]) -> int:
    """Each record as RIS with its decision in an ``N1`` note as Rayyan writes it; returns how many."""
    count = 0
    for item, stored in items:
        entry = ris_entry(stored)
        note = rayyan_note(item)
        if note is not None:
            entry = entry.removesuffix("ER  - \n") + f"N1  - {note}\nER  - \n"
        out.write(entry + "\n")
        count += 1
    return count
