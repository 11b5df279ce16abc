"""The SQLite store: every record once, by PMID, with its tags, topics and history.

Schema facts are declarative (``MIGRATIONS``) and applied by ``ensure_schema``,
which is safe on every open. Writes happen in one transaction per batch, so a
failure leaves the store exactly as it was before that batch. Deleted records
are tombstoned (``deleted_at``), never removed.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import StoreError, StoreLockedError
from ..models import Deletion, ParsedItem, Record, Tags, json_bytes, record_from_dict

SCHEMA_VERSION = 1
PAGE_SIZE = 16384

MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE records (
        pmid          INTEGER PRIMARY KEY,
        version       INTEGER NOT NULL DEFAULT 1,
        kind          TEXT NOT NULL DEFAULT 'article',
        data          TEXT NOT NULL,           -- the whole Record as JSON
        content_hash  TEXT NOT NULL,
        title         TEXT,
        year          INTEGER,
        pub_date      TEXT,                    -- ISO to the precision known
        created_date  TEXT,                    -- Entrez create date [crdt]
        revised_date  TEXT,
        doi           TEXT,
        pmcid         TEXT,
        journal       TEXT,
        status        TEXT,
        retracted     INTEGER NOT NULL DEFAULT 0,
        on_topic      INTEGER,
        design        TEXT,
        conditions    TEXT NOT NULL DEFAULT '[]',  -- JSON list of condition ids
        routes        TEXT NOT NULL DEFAULT '[]',  -- JSON list of route ids
        tags          TEXT,                    -- the Tags dataclass with its evidence, JSON
        tagger        TEXT,                    -- fingerprint of the vocabulary that tagged it
        first_seen    TEXT NOT NULL,           -- when this PMID first entered the store (UTC)
        last_changed  TEXT NOT NULL,           -- when its content last changed
        retracted_at  TEXT,                    -- when we first saw it flagged retracted
        deleted_at    TEXT                     -- tombstone: NLM deleted the citation
    );
    CREATE INDEX records_first_seen ON records(first_seen);
    CREATE INDEX records_year ON records(year);
    CREATE INDEX records_design ON records(design);
    CREATE TABLE record_conditions (
        pmid INTEGER NOT NULL REFERENCES records(pmid), condition TEXT NOT NULL,
        PRIMARY KEY (pmid, condition)) WITHOUT ROWID;
    CREATE INDEX record_conditions_condition ON record_conditions(condition);
    CREATE TABLE record_routes (
        pmid INTEGER NOT NULL REFERENCES records(pmid), route TEXT NOT NULL,
        PRIMARY KEY (pmid, route)) WITHOUT ROWID;
    CREATE INDEX record_routes_route ON record_routes(route);
    CREATE TABLE record_topics (
        pmid INTEGER NOT NULL REFERENCES records(pmid), topic TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        PRIMARY KEY (pmid, topic)) WITHOUT ROWID;
    CREATE INDEX record_topics_topic ON record_topics(topic, first_seen);
    CREATE TABLE topic_state (
        topic TEXT PRIMARY KEY,
        state TEXT NOT NULL DEFAULT '{}',      -- JSON owned by the fetch stage (watermarks)
        updated_at TEXT NOT NULL
    );
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,                    -- import | fetch | digest
        topic TEXT,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL DEFAULT 'running',  -- running | ok | failed
        detail TEXT NOT NULL DEFAULT '{}'      -- JSON: inputs, counts, requests, message
    );
    CREATE TABLE digests (
        id INTEGER PRIMARY KEY,
        topic TEXT NOT NULL,
        period_start TEXT NOT NULL,
        period_end TEXT NOT NULL,
        path TEXT NOT NULL,
        created_at TEXT NOT NULL,
        counts TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX digests_topic ON digests(topic, period_end);
    """,
}


def _set_wal(connection: sqlite3.Connection) -> None:
    # Switching a new file to WAL needs a lock SQLite's busy timeout does not wait for; when
    # another process is creating the same store at that moment, wait for it here instead.
    deadline = time.monotonic() + 30
    while True:
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


# Timestamps are ISO-8601 UTC with microseconds, so text order is time order.
TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).strftime(TIMESTAMP_FORMAT)


def parse_timestamp(stamp: str) -> dt.datetime:
    """A store timestamp (or any ISO-8601 text) as an aware datetime."""
    return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))


@dataclass
class BatchSummary:
    """What one import or fetch did to the store."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    skipped: int = 0  # deletions of PMIDs we never had, and anything else not stored
    new_pmids: list[str] = field(default_factory=list)
    updated_pmids: list[str] = field(default_factory=list)

    def add(self, other: BatchSummary) -> None:
        self.new += other.new
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.deleted += other.deleted
        self.skipped += other.skipped
        self.new_pmids.extend(other.new_pmids)
        self.updated_pmids.extend(other.updated_pmids)

    def counts(self) -> dict[str, int]:
        return {
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "deleted": self.deleted,
            "skipped": self.skipped,
        }

    def line(self) -> str:
        return (
            f"{self.new} new, {self.updated} updated, {self.deleted} deleted, {self.unchanged + self.skipped} skipped"
        )


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

    @property
    def pmid(self) -> str:
        return self.record.pmid


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
    include_deleted: bool = False
    pmids: Sequence[str] = ()


Tagger = Callable[[Record], Tags]


class Store:
    """A litscan database. Open with ``Store.open(path)``; use as a context manager."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self.connection = connection
        self.path = path

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Store:
        path = Path(path)
        if path.parent and not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            connection = sqlite3.connect(path, isolation_level=None, timeout=30)
            # A stored record (its JSON and tags) is 3-8 KB: on SQLite's default 4 KB pages most would
            # spill into overflow pages. 16 KB pages hold them whole; imports write ~20% faster and
            # commit ~35% faster. Only a new file takes this; an existing one keeps its page size.
            connection.execute(f"PRAGMA page_size={PAGE_SIZE}")
            _set_wal(connection)
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute("PRAGMA foreign_keys=ON")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: cannot open as a litscan database ({exc})") from None
        store = cls(connection, path)
        store.ensure_schema()
        return store

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    # -- schema ---------------------------------------------------------------

    def ensure_schema(self) -> None:
        try:
            current = self.connection.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a SQLite database ({exc})") from None
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema version {current} is newer than this litscan ({SCHEMA_VERSION}); upgrade litscan"
            )
        if current == SCHEMA_VERSION:
            return
        with self.transaction():
            # Two processes opening a new file at once: the second waits here, then must see the first's work.
            current = self.connection.execute("PRAGMA user_version").fetchone()[0]
            for version in range(current + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[version].split(";"):
                    if statement.strip():
                        self.connection.execute(statement)
            self.connection.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it lands, or none of it.

        Nested use becomes a savepoint, so an import can hold one transaction
        for a whole file while each batch inside it stays all-or-nothing.
        """
        if self.connection.in_transaction:
            self.connection.execute("SAVEPOINT nested")
            try:
                yield self.connection
            except BaseException:
                self.connection.execute("ROLLBACK TO nested")
                self.connection.execute("RELEASE nested")
                raise
            else:
                self.connection.execute("RELEASE nested")
            return
        try:
            self.connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreLockedError(f"{self.path}: database is busy ({exc})") from None
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        else:
            self.connection.execute("COMMIT")

    @contextmanager
    def exclusive(self, wait_seconds: float = 10.0) -> Iterator[None]:
        """Hold the store's writer lock for a whole run; a second run waits, then gives up."""
        lock_path = Path(f"{self.path}.lock")
        handle = lock_path.open("a+")
        deadline = time.monotonic() + wait_seconds
        try:
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise StoreLockedError(
                            f"{self.path}: another litscan run is using this store; try again when it finishes"
                        ) from None
                    time.sleep(0.2)
            yield
        finally:
            handle.close()

    # -- writing --------------------------------------------------------------

    def upsert(
        self,
        items: Iterable[ParsedItem],
        *,
        tagger: Tagger,
        topic: str | None = None,
        tagger_id: str | None = None,
        now: str | None = None,
    ) -> BatchSummary:
        """Store one batch in one transaction; tag only what is new or changed.

        A record already stored with the same content keeps its row (and its
        first_seen); a changed one is rewritten and re-tagged; a deletion
        tombstones the PMID. The whole batch lands, or nothing does.
        """
        pending: list[_Pending | PreparedRecord | Deletion] = []
        for item in items:
            if isinstance(item, Deletion):
                pending.append(item)
            else:
                data = json_bytes(item)
                pending.append(_Pending(int(item.pmid), data, _content_hash(data), item))
        return self._write(pending, tagger, topic, tagger_id, now)

    def upsert_prepared(
        self,
        items: Iterable[PreparedRecord | Deletion],
        *,
        topic: str | None = None,
        tagger_id: str | None = None,
        now: str | None = None,
    ) -> BatchSummary:
        """Like ``upsert`` for records already tagged and serialised (by ``prepare_record``,
        typically in worker processes)."""
        return self._write(list(items), None, topic, tagger_id, now)

    def _write(
        self,
        items: list[_Pending | PreparedRecord | Deletion],
        tagger: Tagger | None,
        topic: str | None,
        tagger_id: str | None,
        now: str | None,
    ) -> BatchSummary:
        now = now or utc_now()
        records: dict[int, _Pending | PreparedRecord] = {}
        deletions: dict[int, None] = {}
        # Within a batch, what comes later wins; a record deleted later in the same batch is
        # still stored, then tombstoned, as it would be had the two come in separate batches.
        for item in items:
            if isinstance(item, Deletion):
                deletions[int(item.pmid)] = None
            else:
                records[item.pmid] = item
                deletions.pop(item.pmid, None)
        summary = BatchSummary()
        with self.transaction() as db:
            existing = self._existing([*records, *deletions])
            inserts: list[tuple[Any, ...]] = []
            updates: list[tuple[Any, ...]] = []
            link_rows: list[tuple[int, tuple[str, ...], tuple[str, ...]]] = []
            for pmid, item in records.items():
                old = existing.get(pmid)
                if old is not None and old[0] == item.digest and old[1] is None and old[3] == tagger_id:
                    summary.unchanged += 1
                    continue
                if isinstance(item, _Pending):
                    assert tagger is not None
                    item = prepare_record(item.record, tagger, tagger_id, data=item.data, digest=item.digest)
                if old is None:
                    inserts.append((*item.row, now, now, now if item.retracted else None))
                    summary.new += 1
                    summary.new_pmids.append(str(pmid))
                else:
                    retracted_at = old[2] or (now if item.retracted else None)
                    changed = old[0] != item.digest or old[1] is not None
                    updates.append((*item.row[1:], now if changed else None, retracted_at, pmid))
                    if changed:
                        summary.updated += 1
                        summary.updated_pmids.append(str(pmid))
                    else:
                        summary.unchanged += 1  # only re-tagged under a new vocabulary
                link_rows.append((pmid, item.conditions, item.routes))
            if inserts:
                db.executemany(_INSERT_SQL, inserts)
            if updates:
                db.executemany(_UPDATE_SQL, updates)
            if link_rows:
                self._write_links(link_rows, replace=bool(updates))
            if topic:
                db.executemany(
                    "INSERT OR IGNORE INTO record_topics(pmid, topic, first_seen) VALUES (?, ?, ?)",
                    [(pmid, topic, now) for pmid in records],
                )
            for pmid in deletions:
                old = existing.get(pmid)
                live = pmid in records or (old is not None and old[1] is None)
                if not live:
                    summary.skipped += 1
                    continue
                db.execute("UPDATE records SET deleted_at = ?, last_changed = ? WHERE pmid = ?", (now, now, pmid))
                summary.deleted += 1
        return summary

    def _existing(self, pmids: list[int]) -> dict[int, tuple[str, str | None, str | None, str | None]]:
        rows = self.connection.execute(
            f"SELECT pmid, content_hash, deleted_at, retracted_at, tagger FROM records WHERE pmid {_IN_PMIDS}",
            (json.dumps(pmids),),
        )
        return {
            pmid: (digest, deleted_at, retracted_at, tagger) for pmid, digest, deleted_at, retracted_at, tagger in rows
        }

    def _write_links(self, rows: Sequence[tuple[int, Sequence[str], Sequence[str]]], *, replace: bool) -> None:
        db = self.connection
        if replace:
            pmids = [(pmid,) for pmid, _, _ in rows]
            db.executemany("DELETE FROM record_conditions WHERE pmid = ?", pmids)
            db.executemany("DELETE FROM record_routes WHERE pmid = ?", pmids)
        db.executemany(
            "INSERT INTO record_conditions(pmid, condition) VALUES (?, ?)",
            [(pmid, c) for pmid, conditions, _ in rows for c in conditions],
        )
        db.executemany(
            "INSERT INTO record_routes(pmid, route) VALUES (?, ?)",
            [(pmid, r) for pmid, _, routes in rows for r in routes],
        )

    def retag(self, tagger: Tagger, tagger_id: str | None = None, batch_size: int = 2000) -> int:
        """Recompute every record's tags (after a vocabulary change); returns how many."""
        pmids = [row[0] for row in self.connection.execute("SELECT pmid FROM records ORDER BY pmid")]
        for start in range(0, len(pmids), batch_size):
            chunk = pmids[start : start + batch_size]
            stored = list(self.query(RecordFilter(pmids=[str(p) for p in chunk], include_deleted=True)))
            with self.transaction() as db:
                link_rows = []
                for item in stored:
                    tags = tagger(item.record)
                    db.execute(
                        f"UPDATE records SET on_topic=?, design=?, conditions=?, routes=?, tags={_TEXT}, tagger=? "
                        "WHERE pmid=?",
                        (*_tag_columns(tags, tagger_id), int(item.pmid)),
                    )
                    link_rows.append((int(item.pmid), tags.conditions, tags.routes))
                self._write_links(link_rows, replace=True)
        return len(pmids)

    # -- reading --------------------------------------------------------------

    def get(self, pmid: str | int) -> StoredRecord | None:
        found = list(self.query(RecordFilter(pmids=[str(pmid)], include_deleted=True)))
        return found[0] if found else None

    def count(self, filters: RecordFilter | None = None) -> int:
        sql, params = _select(filters or RecordFilter(), "COUNT(*)")
        return self.connection.execute(sql, params).fetchone()[0]

    def query(self, filters: RecordFilter | None = None) -> Iterator[StoredRecord]:
        """Stored records matching the filter, newest publication first, then PMID."""
        filters = filters or RecordFilter()
        columns = (
            "r.data, r.tags, r.first_seen, r.last_changed, r.retracted_at, r.deleted_at, "
            "(SELECT json_group_array(topic) FROM record_topics t WHERE t.pmid = r.pmid)"
        )
        sql, params = _select(filters, columns)
        sql += " ORDER BY r.pub_date DESC, r.pmid DESC"
        for data, tags, first_seen, last_changed, retracted_at, deleted_at, topics in self.connection.execute(
            sql, params
        ):
            yield StoredRecord(
                record=record_from_dict(json.loads(data)),
                tags=Tags.from_dict(json.loads(tags)) if tags else _UNTAGGED,
                first_seen=first_seen,
                last_changed=last_changed,
                topics=tuple(sorted(json.loads(topics))),
                retracted_at=retracted_at,
                deleted_at=deleted_at,
            )

    def topic_pmids(self, topic: str, pmids: Iterable[str]) -> set[str]:
        """Which of ``pmids`` the store already holds for ``topic`` (deleted ones included)."""
        rows = self.connection.execute(
            f"SELECT pmid FROM record_topics WHERE topic = ? AND pmid {_IN_PMIDS}",
            (topic, json.dumps([int(p) for p in pmids])),
        )
        return {str(row[0]) for row in rows}

    # -- topic state, runs and digests ------------------------------------------

    def topic_state(self, topic: str) -> dict[str, Any]:
        row = self.connection.execute("SELECT state FROM topic_state WHERE topic = ?", (topic,)).fetchone()
        return json.loads(row[0]) if row else {}

    def save_topic_state(self, topic: str, state: dict[str, Any]) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO topic_state(topic, state, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT(topic) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
                (topic, json.dumps(state, sort_keys=True), utc_now()),
            )

    def start_run(self, kind: str, topic: str | None = None, detail: dict[str, Any] | None = None) -> int:
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO runs(kind, topic, started_at, detail) VALUES (?, ?, ?, ?)",
                (kind, topic, utc_now(), json.dumps(detail or {}, sort_keys=True)),
            )
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int, status: str, detail: dict[str, Any] | None = None) -> None:
        with self.transaction() as db:
            old = db.execute("SELECT detail FROM runs WHERE id = ?", (run_id,)).fetchone()
            merged = {**(json.loads(old[0]) if old else {}), **(detail or {})}
            db.execute(
                "UPDATE runs SET finished_at = ?, status = ?, detail = ? WHERE id = ?",
                (utc_now(), status, json.dumps(merged, sort_keys=True), run_id),
            )

    def runs(self, topic: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
        sql = "SELECT id, kind, topic, started_at, finished_at, status, detail FROM runs"
        params: list[Any] = []
        if topic:
            sql += " WHERE topic = ?"
            params.append(topic)
        sql += " ORDER BY id DESC LIMIT ?"
        params.append(limit)
        keys = ("id", "kind", "topic", "started_at", "finished_at", "status", "detail")
        rows = []
        for row in self.connection.execute(sql, params):
            item = dict(zip(keys, row, strict=True))
            item["detail"] = json.loads(item["detail"])
            rows.append(item)
        return rows

    def add_digest(self, topic: str, period_start: str, period_end: str, path: str, counts: dict[str, Any]) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO digests(topic, period_start, period_end, path, created_at, counts) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (topic, period_start, period_end, path, utc_now(), json.dumps(counts)),
            )

    def digests(self, topic: str) -> list[dict[str, Any]]:
        keys = ("period_start", "period_end", "path", "created_at", "counts")
        rows = []
        for row in self.connection.execute(
            "SELECT period_start, period_end, path, created_at, counts FROM digests "
            "WHERE topic = ? ORDER BY period_end DESC, id DESC",
            (topic,),
        ):
            item = dict(zip(keys, row, strict=True))
            item["counts"] = json.loads(item["counts"])
            rows.append(item)
        return rows


# Any number of PMIDs as one bound parameter (a JSON array): SQLite caps the number of "?" in a statement.
_IN_PMIDS = "IN (SELECT value FROM json_each(?))"

_UNTAGGED = Tags(on_topic=False, conditions=(), routes=(), design="other")

_RECORD_COLUMNS = (
    "pmid, version, kind, data, content_hash, title, year, pub_date, created_date, "
    "revised_date, doi, pmcid, journal, status, retracted, on_topic, design, conditions, "
    "routes, tags, tagger"
)
# data and tags arrive as UTF-8 JSON bytes (``json_bytes``); CAST stores them as the TEXT they are,
# without a decode in Python and an encode in the sqlite3 module.
_TEXT = "CAST(? AS TEXT)"
_INSERT_SQL = (
    f"INSERT INTO records({_RECORD_COLUMNS}, first_seen, last_changed, retracted_at) "
    f"VALUES (?,?,?,{_TEXT},{','.join('?' * 15)},{_TEXT},?,?,?,?)"
)
_UPDATE_SQL = (
    f"UPDATE records SET version=?, kind=?, data={_TEXT}, content_hash=?, title=?, year=?, pub_date=?, "
    "created_date=?, revised_date=?, doi=?, pmcid=?, journal=?, status=?, retracted=?, on_topic=?, "
    f"design=?, conditions=?, routes=?, tags={_TEXT}, tagger=?, last_changed=COALESCE(?, last_changed), "
    "retracted_at=?, deleted_at=NULL WHERE pmid=?"
)


class PreparedRecord(NamedTuple):
    """A record tagged and serialised, ready to write: what worker processes hand the store.

    Plain strings and tuples, so it crosses a process boundary cheaply.
    """

    pmid: int
    digest: str
    row: tuple[Any, ...]  # column values in the order of _RECORD_COLUMNS
    conditions: tuple[str, ...]
    routes: tuple[str, ...]
    retracted: bool


class _Pending(NamedTuple):
    """A record serialised but not yet tagged: tagging waits until we know it changed."""

    pmid: int
    data: bytes
    digest: str
    record: Record


def _content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _tag_columns(tags: Tags, tagger_id: str | None) -> tuple[Any, ...]:
    """on_topic, design, conditions, routes, tags, tagger: the tag part of a records row."""
    return (
        int(tags.on_topic),
        tags.design,
        json_bytes(tags.conditions).decode(),
        json_bytes(tags.routes).decode(),
        json_bytes(tags),
        tagger_id,
    )


def prepare_record(
    record: Record, tagger: Tagger, tagger_id: str | None, *, data: bytes | None = None, digest: str | None = None
) -> PreparedRecord:
    """Tag and serialise one record into the row the store writes."""
    data = data if data is not None else json_bytes(record)
    digest = digest or _content_hash(data)
    tags = tagger(record)
    row = (
        int(record.pmid),
        record.version,
        record.kind,
        data,
        digest,
        record.title,
        record.year,
        record.pub_date.iso() if record.pub_date else None,
        record.created_date,
        record.revised_date,
        record.doi,
        record.pmcid,
        record.journal,
        record.status,
        int(record.retracted),
        *_tag_columns(tags, tagger_id),
    )
    return PreparedRecord(int(record.pmid), digest, row, tags.conditions, tags.routes, record.retracted)


def _select(filters: RecordFilter, columns: str) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    joins = ""
    seen_column = "r.first_seen"
    if filters.topic:
        joins = " JOIN record_topics rt ON rt.pmid = r.pmid AND rt.topic = ?"
        params.append(filters.topic)
        seen_column = "rt.first_seen"  # entered the store *for this topic*
    if not filters.include_deleted:
        where.append("r.deleted_at IS NULL")
    if filters.pmids:
        where.append(f"r.pmid {_IN_PMIDS}")
        params.append(json.dumps([int(p) for p in filters.pmids]))
    if filters.conditions:
        marks = ",".join("?" * len(filters.conditions))
        where.append(f"r.pmid IN (SELECT pmid FROM record_conditions WHERE condition IN ({marks}))")
        params.extend(filters.conditions)
    if filters.routes:
        marks = ",".join("?" * len(filters.routes))
        where.append(f"r.pmid IN (SELECT pmid FROM record_routes WHERE route IN ({marks}))")
        params.extend(filters.routes)
    if filters.designs:
        where.append(f"r.design IN ({','.join('?' * len(filters.designs))})")
        params.extend(filters.designs)
    if filters.on_topic is not None:
        where.append("r.on_topic = ?")
        params.append(int(filters.on_topic))
    if filters.published_from:
        where.append("r.pub_date >= ?")
        params.append(filters.published_from)
    if filters.published_to:
        # "2024" and "2024-03" sort before "2024-03-05"; pad the bound so the whole period counts.
        where.append("r.pub_date <= ?")
        params.append(filters.published_to + "\uffff")
    if filters.added_since:
        where.append(f"{seen_column} >= ?")
        params.append(filters.added_since)
    if filters.added_until:
        where.append(f"{seen_column} < ?")
        params.append(filters.added_until)
    sql = f"SELECT {columns} FROM records r{joins}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql, params
