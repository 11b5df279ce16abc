"""ASReview LAB's tables of decisions, read and written.

ASReview exports the dataset it was given with its labels added: ``asreview_label`` (LAB 2 and
later; also ``asreview_time``, ``asreview_note``, ``asreview_user_name`` and one
``asreview_tag_<group>_<tag>`` column per tag) or ``included`` (LAB 1), 1 for relevant, 0 for
irrelevant, empty (or -1) for not seen. It reads labels back from the first of the same column
names it finds. Records are matched to the store by a PMID column (``pmid``, ``pubmed_id``...), a
PubMed link, the DOI or the title. ASReview has no "maybe" and no exclusion reasons: a tag named
after one of the topic's reasons gives the reason, and the ``litscan_*`` columns this module
writes carry what ASReview cannot, so a file exported here comes back whole.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO

from ..errors import InputError
from ..export import csv_cell
from ..store import StoredRecord
from .file_rows import FileDecision, clean, doi_of, pmid_cell, pmid_in, timestamp
from .listing import ScreeningItem
from .table import Table

# ASReview's own order of preference for the label column (asreview.data.base).
LABEL_COLUMNS = (
    "asreview_label",
    "included",
    "label",
    "final_included",
    "label_included",
    "included_label",
    "included_final",
    "included_flag",
    "include",
)
PMID_COLUMNS = ("pmid", "pubmed_id", "pubmed id", "pubmed-id", "pubmedid", "pmid_id")
_LABELS = {"1": "include", "yes": "include", "y": "include", "true": "include"}
_LABELS |= {"0": "exclude", "no": "exclude", "n": "exclude", "false": "exclude"}
_UNSEEN = {"", "-1", "nan", "na", "none", "null"}
_OURS = ("litscan_decision", "litscan_reason", "litscan_note", "litscan_by", "litscan_at")
COLUMNS = ("record_id", "pmid", "title", "abstract", "authors", "year", "journal", "doi", "url", "included", *_OURS)


def is_asreview(table: Table) -> bool:
    return table.first_column(*LABEL_COLUMNS) is not None


def _label(value: str, path: str, where: str) -> str | None:
    text = value.strip().lower()
    if text.endswith(".0"):
        text = text[:-2]  # 1.0 / 0.0 / -1.0: a label column read as numbers somewhere on the way
    if text in _UNSEEN:
        return None
    if text not in _LABELS:
        raise InputError(f"label {value[:40]!r} is not 1, 0 or empty", path=path, where=where)
    return _LABELS[text]


def _reasons_from_tags(table: Table, cells: dict[str, str], reasons: Iterable[str]) -> tuple[str, ...]:
    """Reasons given as ASReview tags: a checked ``asreview_tag_<group>_<reason id>`` column."""
    tags = [c for c in table.columns if c.startswith("asreview_tag_") and (cells.get(c) or "").strip() in ("1", "1.0")]
    return tuple(reason for reason in reasons for tag in tags if tag.endswith("_" + reason))


def read_asreview(table: Table, reasons: Iterable[str] = ()) -> list[FileDecision]:
    """Each row's decision (none for a record not seen); a label that is not 1, 0 or empty names its line."""
    label_column = table.first_column(*LABEL_COLUMNS)
    if label_column is None:
        raise InputError(f"no label column (ASReview writes {', '.join(LABEL_COLUMNS[:2])})", path=table.path)
    pmid_column = table.first_column(*PMID_COLUMNS)
    reasons = tuple(reasons)
    rows = []
    for line, cells in table.rows:
        where = f"line {line}"
        decision = _label(cells.get(label_column, ""), table.path, where)
        ours = (clean(cells.get("litscan_decision")) or "").lower()
        if ours in ("include", "exclude", "maybe"):
            decision = ours  # written by litscan: "maybe" travels here, ASReview sees it as not seen
        pmid = pmid_cell(cells.get(pmid_column)) if pmid_column else None
        given = clean(cells.get("litscan_reason"))
        rows.append(
            FileDecision(
                line=line,
                pmid=pmid or pmid_in(cells.get("url")),
                doi=doi_of(cells.get("doi")),
                title=clean(cells.get("title") or cells.get("primary_title")),
                decision=decision,
                reasons=(given,) if given else _reasons_from_tags(table, cells, reasons),
                note=clean(cells.get("litscan_note") or cells.get("asreview_note") or cells.get("exported_notes_1")),
                by=clean(
                    cells.get("litscan_by") or cells.get("asreview_user_name") or cells.get("asreview_user_email")
                ),
                at=timestamp(cells.get("litscan_at") or cells.get("asreview_time")),
            )
        )
    return rows


def _included(decision: str | None) -> str:
    return {"include": "1", "exclude": "0"}.get(decision or "", "")


def write_asreview(items: Iterable[tuple[ScreeningItem, StoredRecord]], out: IO[str]) -> int:
    """A dataset ASReview LAB reads (title, abstract, authors, DOI, URL, ``included``), with litscan's columns."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for item, stored in items:
        record = stored.record
        values: dict[str, str | int | None] = {
            "record_id": item.pmid,
            "pmid": item.pmid,
            "title": record.title or record.vernacular_title,
            "abstract": record.abstract,
            "authors": "; ".join(a.display_name for a in record.authors if a.valid and a.display_name) or None,
            "year": record.year,
            "journal": record.journal,
            "doi": record.doi,
            "url": record.url,
            "included": _included(item.decision),
            "litscan_decision": item.decision,
            "litscan_reason": item.reason,
            "litscan_note": item.note,
            "litscan_by": item.by,
            "litscan_at": item.at,
        }
        writer.writerow([csv_cell(column, values[column]) for column in COLUMNS])
        count += 1
    return count
