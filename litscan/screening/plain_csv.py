"""Decisions as a plain spreadsheet: one row a record, ``pmid,decision,reason,note`` (and optionally ``by``,
``at``), read and written. Decisions are include, exclude or maybe; an exclusion's reason is one of the
topic's reason ids (or labels)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO

from ..errors import InputError
from ..export import csv_cell
from ..pubmed.pmid import is_pmid, not_a_pmid
from .file_rows import FileDecision, clean, timestamp
from .listing import ScreeningItem
from .table import Table

COLUMNS = ("pmid", "decision", "reason", "note", "by", "at", "changed_since_screened", "title")
_DECISIONS = {"include": "include", "included": "include", "exclude": "exclude", "excluded": "exclude"}
_DECISIONS |= {"maybe": "maybe"}


def is_plain(table: Table) -> bool:
    return "pmid" in table.columns and "decision" in table.columns


def read_plain(table: Table) -> list[FileDecision]:
    """Each row's decision; a row with an empty decision has none. A bad PMID or decision names its line."""
    for column in ("pmid", "decision"):
        if column not in table.columns:
            raise InputError(f"no {column!r} column (a plain table has pmid,decision,reason,note)", path=table.path)
    rows = []
    for line, cells in table.rows:
        where = f"line {line}"
        pmid = (cells.get("pmid") or "").strip()
        if not is_pmid(pmid):
            raise InputError(not_a_pmid(pmid), path=table.path, where=where)
        word = (clean(cells.get("decision")) or "").lower()
        if word and word not in _DECISIONS:
            raise InputError(
                f"decision {word[:40]!r} is not one of include, exclude, maybe", path=table.path, where=where
            )
        reason = clean(cells.get("reason"))
        rows.append(
            FileDecision(
                line=line,
                pmid=pmid,
                decision=_DECISIONS.get(word),
                reasons=(reason,) if reason else (),
                note=clean(cells.get("note")),
                by=clean(cells.get("by")),
                at=timestamp(cells.get("at")),
            )
        )
    return rows


def write_plain(items: Iterable[ScreeningItem], out: IO[str]) -> int:
    """One row a record (``COLUMNS``); returns how many."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for item in items:
        values = {**item.as_dict(), "changed_since_screened": "yes" if item.changed_since_screened else ""}
        writer.writerow([csv_cell(column, values[column]) for column in COLUMNS])
        count += 1
    return count
