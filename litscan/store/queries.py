"""Reading records: which records a filter selects, read back as ``StoredRecord``, and the counts the
digest needs straight from the indexed columns."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..models import Record, Tags, record_from_dict
from .schema import IN_PMIDS, STORED_COLUMNS


@dataclass(frozen=True)
class StoredRecord:
    """A record as the store holds it: the citation, its tags and its history."""

    record: Record
    tags: Tags
    first_seen: str
    last_changed: str
    topics: tuple[str, ...] = ()
    retracted_at: str | None = None
    deleted_at: str | None = None
    registrations: str | None = None  # as stored (JSON, ``litscan.pubmed.links``); None before schema 4

    @property
    def pmid(self) -> str:
        return self.record.pmid


@dataclass(frozen=True)
class CommitSpan:
    """A stretch of the store's commit order: the writes numbered above ``after`` up to ``through``.

    A digest reads the number of the last write it can see (``Store.commit_mark``) and takes the
    writes up to it; a write that commits later has a higher number and falls in the next digest.
    """

    after: int | None  # None: from the first write
    through: int


@dataclass(frozen=True)
class RecordFilter:
    """Which records a query returns; ``None`` means no restriction."""

    topic: str | None = None
    conditions: Sequence[str] = ()  # any of these
    routes: Sequence[str] = ()  # any of these
    designs: Sequence[str] = ()
    on_topic: bool | None = None
    published_from: str | None = None  # ISO date, compared with pub_date
    published_to: str | None = None
    added_since: str | None = None  # ISO timestamp, compared with first_seen (or topic first_seen)
    added_until: str | None = None
    retracted_since: str | None = None  # ISO timestamp, compared with retracted_at (when first seen retracted)
    retracted_until: str | None = None
    added_in: CommitSpan | None = None  # entered the store (or the topic) in these writes
    retracted_in: CommitSpan | None = None  # first seen retracted in these writes
    include_deleted: bool = False
    pmids: Sequence[str] = ()
    undecided_in: str | None = None  # no screening decision in this topic yet


class RecordTags(NamedTuple):
    """A record's publication year and tag ids: what the evidence map and the trend chart count."""

    year: int | None
    conditions: list[str]
    routes: list[str]


_UNTAGGED = Tags(on_topic=False, conditions=(), routes=(), design="other")
_COLUMNS = ", ".join(f"r.{c}" for c in STORED_COLUMNS) + (
    ", (SELECT json_group_array(topic) FROM record_topics t WHERE t.pmid = r.pmid) AS topics"
)


def query(db: sqlite3.Connection, filters: RecordFilter) -> Iterator[StoredRecord]:
    """Stored records matching the filter, newest publication first, then PMID.

    One statement, read a row at a time: memory holds one record whatever the store's size (SQLite
    sorts on disk past its cache), and the whole read sees the store as it was when it began.
    """
    sql, params = _select(filters, _COLUMNS)
    for row in db.execute(sql + " ORDER BY r.pub_date DESC, r.pmid DESC", params):
        yield _stored_record(row)


def pages(db: sqlite3.Connection, filters: RecordFilter, size: int) -> Iterator[list[StoredRecord]]:
    """The records the filter selects in PMID order, ``size`` at a time.

    Each page is a query of its own that resumes after the last PMID of the one before, so nothing
    is held open between pages: memory holds one page, and a long reader neither keeps the store's
    write-ahead log from being checkpointed nor sees more than one page's worth stale.
    """
    if size < 1:
        raise ValueError(f"page size must be at least 1, not {size}")
    after: int | None = None
    while True:
        resume = [] if after is None else [("r.pmid > ?", [after])]
        sql, params = _select(filters, _COLUMNS + ", r.pmid AS page_key", resume)
        rows = db.execute(sql + " ORDER BY r.pmid LIMIT ?", [*params, size]).fetchall()
        if not rows:
            return
        yield [_stored_record(row) for row in rows]
        after = rows[-1]["page_key"]


def _stored_record(row: sqlite3.Row) -> StoredRecord:
    tags = row["tags"]
    return StoredRecord(
        record=record_from_dict(json.loads(row["data"])),
        tags=Tags.from_dict(json.loads(tags)) if tags else _UNTAGGED,
        first_seen=row["first_seen"],
        last_changed=row["last_changed"],
        topics=tuple(sorted(json.loads(row["topics"]))),
        retracted_at=row["retracted_at"],
        deleted_at=row["deleted_at"],
        registrations=row["registrations"],
    )


def count(db: sqlite3.Connection, filters: RecordFilter) -> int:
    sql, params = _select(filters, "COUNT(*) AS n")
    return int(db.execute(sql, params).fetchone()["n"])


def topic_pmids(db: sqlite3.Connection, topic: str, pmids: Iterable[str]) -> set[str]:
    """Which of ``pmids`` the store already holds for ``topic`` (deleted ones included)."""
    rows = db.execute(
        f"SELECT pmid FROM record_topics WHERE topic = ? AND pmid {IN_PMIDS}",
        (topic, json.dumps([int(p) for p in pmids])),
    )
    return {str(row["pmid"]) for row in rows}


def on_topic_tags(db: sqlite3.Connection, topic: str, until: str, through: int | None = None) -> Iterator[RecordTags]:
    """Year and tag ids of every live on-topic record that entered ``topic`` before ``until``
    (or, given ``through``, in the writes up to that commit number).

    Read straight from the indexed columns: decoding every stored record just to
    count it would dominate the time of a digest of a large store; yielded one at a
    time, so counting a large store holds none of them.
    """
    entered, bound = ("rt.first_seen < ?", until) if through is None else ("rt.seq <= ?", through)
    rows = db.execute(
        "SELECT r.year, r.conditions, r.routes FROM records r "
        "JOIN record_topics rt ON rt.pmid = r.pmid AND rt.topic = ? "
        f"WHERE r.on_topic = 1 AND r.deleted_at IS NULL AND {entered}",
        (topic, bound),
    )
    return (RecordTags(row["year"], json.loads(row["conditions"]), json.loads(row["routes"])) for row in rows)


def registered_pmids(db: sqlite3.Connection, trial_id: str) -> list[str]:
    """The live records that name registration ``trial_id`` (as stored, any registry), in PMID order."""
    rows = db.execute(
        "SELECT DISTINCT g.pmid FROM record_registrations g JOIN records r ON r.pmid = g.pmid "
        "WHERE g.trial_id = ? AND r.deleted_at IS NULL ORDER BY g.pmid",
        (trial_id,),
    )
    return [str(row["pmid"]) for row in rows]


def topic_first_seen(db: sqlite3.Connection, topic: str) -> str | None:
    """When the topic's first record entered the store (None: it has none)."""
    row = db.execute("SELECT MIN(first_seen) AS first FROM record_topics WHERE topic = ?", (topic,)).fetchone()
    first: str | None = row["first"]
    return first


def commit_mark(db: sqlite3.Connection, before: str | None = None) -> int:
    """The number of the last write committed (and stamped before ``before``); 0 for none."""
    if before is None:
        return int(db.execute("SELECT COALESCE(MAX(seq), 0) FROM commits").fetchone()[0])
    return int(db.execute("SELECT COALESCE(MAX(seq), 0) FROM commits WHERE at < ?", (before,)).fetchone()[0])


def _select(filters: RecordFilter, columns: str, extra: Sequence[tuple[str, list[Any]]] = ()) -> tuple[str, list[Any]]:
    joins = ""
    params: list[Any] = []
    entered = ("r.first_seen", "r.seq")
    if filters.topic:
        joins = " JOIN record_topics rt ON rt.pmid = r.pmid AND rt.topic = ?"
        params.append(filters.topic)
        entered = ("rt.first_seen", "rt.seq")  # entered the store *for this topic*
    where = ["r.deleted_at IS NULL"] if not filters.include_deleted else []
    for conditions in (_by_tags(filters), _by_dates(filters, entered[0]), _by_commits(filters, entered[1]), extra):
        for condition, values in conditions:
            where.append(condition)
            params.extend(values)
    sql = f"SELECT {columns} FROM records r{joins}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql, params


def _marks(values: Sequence[str]) -> str:
    return ",".join("?" * len(values))


def _by_tags(filters: RecordFilter) -> Iterator[tuple[str, list[Any]]]:
    """(SQL condition, its parameters) for the PMIDs and tags asked for."""
    if filters.pmids:
        yield f"r.pmid {IN_PMIDS}", [json.dumps([int(p) for p in filters.pmids])]
    if filters.conditions:
        marks = _marks(filters.conditions)
        yield f"r.pmid IN (SELECT pmid FROM record_conditions WHERE condition IN ({marks}))", list(filters.conditions)
    if filters.routes:
        marks = _marks(filters.routes)
        yield f"r.pmid IN (SELECT pmid FROM record_routes WHERE route IN ({marks}))", list(filters.routes)
    if filters.designs:
        yield f"r.design IN ({_marks(filters.designs)})", list(filters.designs)
    if filters.on_topic is not None:
        yield "r.on_topic = ?", [int(filters.on_topic)]
    if filters.undecided_in is not None:
        yield "r.pmid NOT IN (SELECT pmid FROM screening_decisions WHERE topic = ?)", [filters.undecided_in]


def _by_commits(filters: RecordFilter, seq_column: str) -> Iterator[tuple[str, list[Any]]]:
    """(SQL condition, its parameters) for the stretches of the commit order asked for."""
    for column, span in ((seq_column, filters.added_in), ("r.retracted_seq", filters.retracted_in)):
        if span is not None:
            yield f"{column} <= ?", [span.through]
            if span.after is not None:
                yield f"{column} > ?", [span.after]


def _by_dates(filters: RecordFilter, seen_column: str) -> Iterator[tuple[str, list[Any]]]:
    """(SQL condition, its parameters) for the publication, entry and retraction dates asked for."""
    # A partial date (a year, a year-month) is in a range when any day of it is: "1999-06" is on or
    # after 1999-06-15 (its last days are), "1999" on or before 1999-03-01 (its first days are).
    if filters.published_from:
        start = filters.published_from
        yield "(r.pub_date >= ? OR r.pub_date IN (?, ?))", [start, start[:4], start[:7]]
    if filters.published_to:
        # "2024" and "2024-03" sort before "2024-03-05"; pad the bound so the whole period counts.
        yield "r.pub_date <= ?", [filters.published_to + "\uffff"]
    if filters.added_since:
        yield f"{seen_column} >= ?", [filters.added_since]
    if filters.added_until:
        yield f"{seen_column} < ?", [filters.added_until]
    if filters.retracted_since:
        yield "r.retracted_at >= ?", [filters.retracted_since]
    if filters.retracted_until:
        yield "r.retracted_at < ?", [filters.retracted_until]
