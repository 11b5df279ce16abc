"""Screening decisions in the store: writing them (never over an earlier one), and reading each record's
latest decision, its whole trail, and a topic's records beside their decisions.

A decision is stored with the record's content hash at that moment, read inside the same write, so
it says exactly which version of the record was judged.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ..errors import StoreError
from .schema import DECISION_COLUMNS, IN_PMIDS


@dataclass(frozen=True)
class Decision:
    """One screening decision as stored: what was decided of a topic's record, by whom, when, from where."""

    id: int
    topic: str
    pmid: str
    decision: str  # include | exclude | maybe
    reason: str | None  # an exclusion reason id of the topic (None: given without one)
    note: str | None
    by: str
    at: str  # ISO-8601 UTC
    source: str  # cli | web | import:asreview | import:rayyan | import:csv
    content_hash: str  # the record's content hash when decided
    screened_hash: str  # what the screener judged (``litscan.screening.revision``)


class NewDecision(NamedTuple):
    """A decision to write; the store adds the record's current content hash."""

    topic: str
    pmid: int
    decision: str
    reason: str | None
    note: str | None
    by: str
    at: str
    source: str
    screened_hash: str


@dataclass(frozen=True)
class ScreeningRow:
    """A topic's record beside its latest decision: what listing, ordering and counting need, from indexed
    columns (the record's JSON only where it changed since it was decided, to tell what changed)."""

    pmid: str
    entered: str  # when the record entered the topic (record_topics.first_seen)
    title: str | None
    doi: str | None
    on_topic: bool
    design: str
    pub_date: str | None
    retracted: bool
    withdrawn: bool  # NLM deleted the citation
    decision: Decision | None
    revised_data: str | None  # the record's JSON when its content hash differs from the decided one


_DECISION_SELECT = f"SELECT id, {', '.join(DECISION_COLUMNS)} FROM screening_decisions"
_INSERT = (
    f"INSERT INTO screening_decisions({', '.join(DECISION_COLUMNS)}) "
    "SELECT ?, pmid, ?, ?, ?, ?, ?, ?, content_hash, ? FROM records WHERE pmid = ?"
)
_LATEST = "(SELECT MAX(x.id) FROM screening_decisions x WHERE x.topic = rt.topic AND x.pmid = rt.pmid)"
_ROWS = (
    "SELECT rt.pmid, rt.first_seen AS entered, r.title, r.doi, r.on_topic, r.design, r.pub_date, r.retracted, "
    "r.deleted_at, CASE WHEN d.content_hash != r.content_hash THEN r.data END AS revised_data, "
    f"d.id AS d_id, {', '.join(f'd.{c} AS d_{c}' for c in DECISION_COLUMNS)} "
    "FROM record_topics rt JOIN records r ON r.pmid = rt.pmid "
    f"LEFT JOIN screening_decisions d ON d.id = {_LATEST} "
    "WHERE rt.topic = ?"
)


def _decision(row: sqlite3.Row, prefix: str = "") -> Decision:
    def value(column: str) -> str:
        return str(row[prefix + column])

    return Decision(
        id=int(row[prefix + "id"]),
        topic=value("topic"),
        pmid=value("pmid"),
        decision=value("decision"),
        reason=row[prefix + "reason"],
        note=row[prefix + "note"],
        by=value("decided_by"),
        at=value("decided_at"),
        source=value("source"),
        content_hash=value("content_hash"),
        screened_hash=value("screened_hash"),
    )


def add_decisions(db: sqlite3.Connection, decisions: Sequence[NewDecision]) -> list[int]:
    """Write the decisions (the caller holds the transaction); returns their ids, in order."""
    ids = []
    for new in decisions:
        cursor = db.execute(
            _INSERT,
            (new.topic, new.decision, new.reason, new.note, new.by, new.at, new.source, new.screened_hash, new.pmid),
        )
        if cursor.rowcount != 1:
            raise StoreError(f"PMID {new.pmid} is not in the store; no decision was recorded")
        ids.append(int(cursor.lastrowid or 0))
    return ids


def latest(db: sqlite3.Connection, topic: str, pmids: Iterable[str] | None = None) -> dict[str, Decision]:
    """The latest decision of each of the topic's decided records (of ``pmids``, if given), by PMID."""
    sql = _DECISION_SELECT + " d WHERE d.topic = ? AND d.id = (SELECT MAX(x.id) FROM screening_decisions x "
    sql += "WHERE x.topic = d.topic AND x.pmid = d.pmid)"
    params: list[object] = [topic]
    if pmids is not None:
        sql += f" AND d.pmid {IN_PMIDS}"
        params.append(json.dumps([int(p) for p in pmids]))
    return {decision.pmid: decision for decision in map(_decision, db.execute(sql, params))}


def history(db: sqlite3.Connection, topic: str, pmid: str) -> list[Decision]:
    """Every decision made on one record of the topic, oldest first."""
    rows = db.execute(_DECISION_SELECT + " WHERE topic = ? AND pmid = ? ORDER BY id", (topic, int(pmid)))
    return [_decision(row) for row in rows]


def screening_rows(db: sqlite3.Connection, topic: str) -> Iterator[ScreeningRow]:
    """Every record of the topic (withdrawn ones too) with its latest decision, in PMID order.

    Yielded as read: a topic of 200,000 records is counted without holding them all.
    """
    rows = db.execute(_ROWS + " ORDER BY rt.pmid", (topic,))
    return (
        ScreeningRow(
            pmid=str(row["pmid"]),
            entered=row["entered"],
            title=row["title"],
            doi=row["doi"],
            on_topic=bool(row["on_topic"]),
            design=row["design"] or "other",
            pub_date=row["pub_date"],
            retracted=bool(row["retracted"]),
            withdrawn=row["deleted_at"] is not None,
            decision=_decision(row, "d_") if row["d_id"] is not None else None,
            revised_data=row["revised_data"],
        )
        for row in rows
    )
