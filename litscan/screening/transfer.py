"""Decisions in and out of the store: a file of decisions (ASReview LAB's table, Rayyan's RIS or CSV export, or a
plain ``pmid,decision,reason,note`` table) imported all or nothing, and a topic's decisions exported as any
of them, so that what goes out comes back the same.

An import reads and checks the whole file first (its format, every row's decision and reason) and
records nothing if any of it is wrong, naming the line. Rows are matched to the topic's records by
PMID, else DOI, else title; rows that match no record of the topic (a review tool's project often
holds records from other databases) are counted and named, not recorded. A row that repeats the
decision the store holds, or is older than it, changes nothing, so importing a file twice is harmless.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from ..config import Topic
from ..errors import InputError
from ..files import atomic_write_text, read_named_file
from ..store import RecordFilter, Store, StoredRecord
from .asreview_csv import is_asreview, read_asreview, write_asreview
from .decisions import Choice, Planned, check_choice, record
from .file_rows import FileDecision
from .listing import ScreeningItem, screening_items
from .plain_csv import is_plain, read_plain, write_plain
from .rayyan import is_rayyan_table, read_rayyan_ris, read_rayyan_table, write_rayyan_ris
from .ris_file import looks_like_ris, read_ris
from .table import read_table

IMPORT_FORMATS = ("asreview", "rayyan", "csv")
EXPORT_FORMATS = ("csv", "ris", "asreview")
MAX_BYTES = 256 << 20  # a decisions file of a quarter gigabyte is not one


@dataclass
class ImportResult:
    """What an import did."""

    format: str
    recorded: int = 0
    unchanged: int = 0  # the store already held this decision
    older: int = 0  # the store's decision was made after the file's
    no_decision: int = 0  # rows the file gives no decision for (not seen, undecided)
    unmatched: list[str] = field(default_factory=list)  # how each row that matched no record named it

    def line(self) -> str:
        text = f"{self.recorded} decisions recorded ({self.format})"
        text += f", {self.unchanged} already recorded, {self.older} older than the store's"
        text += f", {self.no_decision} rows without a decision"
        if self.unmatched:
            shown = ", ".join(self.unmatched[:3]) + (", ..." if len(self.unmatched) > 3 else "")
            text += f", {len(self.unmatched)} rows match no record of the topic ({shown})"
        return text


def _text(path: Path) -> str:
    data = read_named_file(path, "file of decisions", InputError)
    if len(data) > MAX_BYTES:
        raise InputError(f"{len(data) >> 20} MB is too large for a file of decisions", path=str(path))
    if data.startswith(b"PK\x03\x04"):
        raise InputError("a spreadsheet or zip file, not text: save it as CSV first", path=str(path))
    if b"\0" in data:
        raise InputError("not a text file (CSV, TSV or RIS)", path=str(path))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # ASReview and spreadsheets also write Latin-1


def read_decisions(
    path: Path, format: str | None = None, reasons: Sequence[str] = ()
) -> tuple[str, list[FileDecision]]:
    """(the format, each row's decision) of a decisions file; the format is found from the content unless given."""
    if format is not None and format not in IMPORT_FORMATS:
        raise InputError(f"unknown format {format!r} (choose from {', '.join(IMPORT_FORMATS)})", path=str(path))
    text = _text(path)
    where = str(path)
    if not text.strip():
        raise InputError("the file is empty: no decisions in it", path=where)
    if format in (None, "rayyan") and looks_like_ris(text):
        return "rayyan", read_rayyan_ris(read_ris(text, where), where)
    table = read_table(text, where)
    if format is None:
        format = "rayyan" if is_rayyan_table(table) else "asreview" if is_asreview(table) else "csv"
        if format == "csv" and not is_plain(table):
            raise InputError(
                "cannot tell the format: no ASReview label column (included, asreview_label), no Rayyan notes "
                "and no pmid,decision columns; name it with --format",
                path=where,
            )
    if format == "rayyan":
        return format, read_rayyan_table(table)
    return format, read_asreview(table, reasons) if format == "asreview" else read_plain(table)


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


class _Index:
    """The topic's records by PMID, DOI and title, for matching a file's rows to them."""

    def __init__(self, items: Iterable[ScreeningItem]) -> None:
        self.items = {item.pmid: item for item in items}
        self.dois: dict[str, list[str]] = {}
        self.titles: dict[str, list[str]] = {}
        for item in self.items.values():
            if item.doi:
                self.dois.setdefault(item.doi.lower(), []).append(item.pmid)
            if item.title and _key(item.title):
                self.titles.setdefault(_key(item.title), []).append(item.pmid)

    def match(self, row: FileDecision) -> str | None:
        if row.pmid:
            return row.pmid if row.pmid in self.items else None  # a PMID is PubMed's word: no second guess
        for found in (self.dois.get(row.doi or ""), self.titles.get(_key(row.title or ""))):
            if found and len(found) == 1:
                return found[0]
        return None


def _described(row: FileDecision) -> str:
    if row.pmid:
        return f"PMID {row.pmid}"
    if row.doi:
        return f"DOI {row.doi}"
    return f"line {row.line}"


def _reason_id(text: str, topic: Topic) -> str | None:
    """A reason as a file words it (id or label, any case or punctuation) as the topic's reason id."""
    wanted = _key(text)
    return next(
        (reason for reason, label in topic.screening.reasons.items() if wanted in (_key(reason), _key(label))), None
    )


def _choice(row: FileDecision, topic: Topic, path: str) -> Choice:
    """The row's choice with its reasons as the topic's ids; an unknown reason names the row's line."""
    where = f"line {row.line}"
    ids = []
    for text in row.reasons:
        reason = _reason_id(text, topic)
        if reason is None:
            known = ", ".join(topic.screening.reasons) or "none"
            raise InputError(
                f"exclusion reason {text[:60]!r} is not one of topic {topic.name}'s (reasons: {known}; "
                f"add it to [screening.reasons] in {topic.path or 'the topic file'})",
                path=path,
                where=where,
            )
        ids.append(reason)
    ids = list(dict.fromkeys(ids))
    note = row.note
    if len(ids) > 1:  # a decision keeps one reason; the others stay in its note
        note = "; ".join(n for n in (note, "also excluded for: " + ", ".join(ids[1:])) if n)
    return check_choice(topic, Choice(row.decision or "", ids[0] if ids else None, note), where=where, path=path)


def import_decisions(
    store: Store, topic: Topic, path: Path, *, format: str | None = None, by: str | None = None
) -> ImportResult:
    """Import a file of decisions into ``topic`` (see the module's docstring); all of it, or none."""
    format, rows = read_decisions(Path(path), format, list(topic.screening.reasons))
    result = ImportResult(format)
    with store.transaction():
        index = _Index(screening_items(store, topic))
        planned: dict[str, Planned] = {}
        for row in rows:
            if row.decision is None:
                result.no_decision += 1
                continue
            choice = _choice(row, topic, str(path))
            pmid = index.match(row)
            if pmid is None:
                result.unmatched.append(_described(row))
                continue
            planned[pmid] = Planned(pmid, choice, row.by, row.at)  # a record named twice: the later row counts
        wanted = []
        for item in planned.values():
            current = index.items[item.pmid]
            if (current.decision, current.reason, current.note) == (
                item.choice.decision,
                item.choice.reason,
                item.choice.note,
            ):
                result.unchanged += 1
            elif item.at and current.at and current.at > item.at:
                result.older += 1
            else:
                wanted.append(item)
        result.recorded = len(record(store, topic, wanted, by=by, source=f"import:{format}")) if wanted else 0
    return result


def _with_records(
    store: Store, topic: Topic, items: list[ScreeningItem]
) -> Iterator[tuple[ScreeningItem, StoredRecord]]:
    """Each item with its stored record, read a page of PMIDs at a time."""
    size = 500
    for start in range(0, len(items), size):
        page = items[start : start + size]
        found = {
            stored.pmid: stored
            for stored in store.query(
                RecordFilter(topic=topic.name, pmids=[item.pmid for item in page], include_deleted=True)
            )
        }
        for item in page:
            yield item, found[item.pmid]


def export_decisions(store: Store, topic: Topic, out: IO[str], *, format: str = "csv", undecided: bool = False) -> int:
    """Write the topic's decisions (and, with ``undecided``, its undecided records too) in PMID order; returns
    how many records were written."""
    if format not in EXPORT_FORMATS:
        raise InputError(f"unknown format {format!r} (choose from {', '.join(EXPORT_FORMATS)})")
    items = [item for item in screening_items(store, topic) if undecided or item.decision is not None]
    if format == "csv":
        return write_plain(items, out)
    pairs = _with_records(store, topic, items)
    return write_rayyan_ris(pairs, out) if format == "ris" else write_asreview(pairs, out)


def export_to(
    store: Store, topic: Topic, output: Path | None, stream: IO[str], *, format: str = "csv", undecided: bool = False
) -> int:
    """``export_decisions`` into ``output`` (written whole or not at all), else onto ``stream``."""
    if output is None:
        return export_decisions(store, topic, stream, format=format, undecided=undecided)
    text = io.StringIO()
    count = export_decisions(store, topic, text, format=format, undecided=undecided)
    atomic_write_text(output, text.getvalue())  # an OutputError naming the file if it cannot be written
    return count
