"""The store's tables: the migrations that build them, and the one definition of each table's columns.

``ensure_schema`` applies ``MIGRATIONS`` and is safe on every open. A migration is history and never
changes once released: a new column comes as a new version, and joins the column lists below, from
which every insert, update and select is written.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import NamedTuple

from ..errors import StoreError
from .connection import transaction

SCHEMA_VERSION = 5

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
    # The process that ran a run, and its host: a run still 'running' whose process is gone was killed
    # ('interrupted'). No comment may follow a column SQLite appends to its copy of the CREATE TABLE.
    2: """
    ALTER TABLE runs ADD COLUMN pid INTEGER;
    ALTER TABLE runs ADD COLUMN host TEXT
    """,
    # The store's commit order. Each write takes the next number inside its transaction, and writers
    # take turns, so numbers grow in the order writes commit: a digest that reads up to number N
    # has seen every write numbered N or less, and every later write is numbered above N. A
    # record, its entry into a topic and its retraction carry the number of the write that made
    # them; digests carry the numbers they end at. Stores from before get numbers in the order of
    # their timestamps.
    3: """
    CREATE TABLE commits (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at  TEXT NOT NULL
    );
    CREATE INDEX commits_at ON commits(at);
    ALTER TABLE records ADD COLUMN seq INTEGER;
    ALTER TABLE records ADD COLUMN retracted_seq INTEGER;
    ALTER TABLE record_topics ADD COLUMN seq INTEGER;
    ALTER TABLE digests ADD COLUMN seq_start INTEGER;
    ALTER TABLE digests ADD COLUMN seq_end INTEGER;
    INSERT INTO commits(at) SELECT stamp FROM (
        SELECT first_seen AS stamp FROM records
        UNION SELECT first_seen FROM record_topics
        UNION SELECT retracted_at FROM records WHERE retracted_at IS NOT NULL
    ) ORDER BY stamp;
    UPDATE records SET seq = (SELECT seq FROM commits WHERE at = records.first_seen);
    UPDATE records SET retracted_seq = (SELECT seq FROM commits WHERE at = records.retracted_at)
        WHERE retracted_at IS NOT NULL;
    UPDATE record_topics SET seq = (SELECT seq FROM commits WHERE at = record_topics.first_seen);
    UPDATE digests SET
        seq_start = (SELECT COALESCE(MAX(seq), 0) FROM commits WHERE at < digests.period_start),
        seq_end = (SELECT COALESCE(MAX(seq), 0) FROM commits WHERE at < digests.period_end);
    CREATE INDEX record_topics_seq ON record_topics(topic, seq)
    """,
    # Screening decisions: one row per decision ever made, never updated or deleted, so a later
    # decision adds to a record's trail; the latest row (highest id) of a topic and record is its
    # decision. A decision keeps the record's content hash and what the screener judged (title,
    # abstract, retraction and correction notices: ``screened_hash``), to tell when PubMed has
    # revised the record since. (IF NOT EXISTS: a store whose version number was set back keeps its decisions.)
    4: """
    CREATE TABLE IF NOT EXISTS screening_decisions (
        id            INTEGER PRIMARY KEY,
        topic         TEXT NOT NULL,
        pmid          INTEGER NOT NULL REFERENCES records(pmid),
        decision      TEXT NOT NULL CHECK (decision IN ('include', 'exclude', 'maybe')),
        reason        TEXT,
        note          TEXT,
        decided_by    TEXT NOT NULL,
        decided_at    TEXT NOT NULL,
        source        TEXT NOT NULL,
        content_hash  TEXT NOT NULL,
        screened_hash TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS screening_decisions_record ON screening_decisions(topic, pmid, id)
    """,
    # Trial registrations (litscan.pubmed.links): each record's, as JSON with the fingerprint of the
    # registry file that found them, and an index from a registry id to the records that name it
    # (several reports of one trial). Records stored before have none (NULL), and are worked out
    # when read.
    5: """
    ALTER TABLE records ADD COLUMN registrations TEXT;
    CREATE TABLE record_registrations (
        registry TEXT NOT NULL, trial_id TEXT NOT NULL, pmid INTEGER NOT NULL REFERENCES records(pmid),
        source TEXT NOT NULL,
        PRIMARY KEY (trial_id, registry, pmid)) WITHOUT ROWID;
    CREATE INDEX record_registrations_pmid ON record_registrations(pmid)
    """,
}


# --- records ---------------------------------------------------------------------------------


class CitationColumns(NamedTuple):
    """The records columns that come from the citation, in table order."""

    pmid: int
    version: int
    kind: str
    data: bytes  # the whole Record as UTF-8 JSON
    content_hash: str
    title: str | None
    year: int | None
    pub_date: str | None
    created_date: str | None
    revised_date: str | None
    doi: str | None
    pmcid: str | None
    journal: str | None
    status: str | None
    retracted: int


class TagColumns(NamedTuple):
    """The records columns that hold the record's tags, in table order."""

    on_topic: int
    design: str
    conditions: str  # JSON list of condition ids
    routes: str  # JSON list of route ids
    tags: bytes  # the Tags with their evidence, UTF-8 JSON
    tagger: str | None  # fingerprint of the vocabulary that tagged it


class RecordRow(NamedTuple):
    """One record as the store writes it: what the pipeline prepares, and the store stores as given.

    Plain tuples of strings and numbers, so it crosses a process boundary cheaply.
    """

    citation: CitationColumns
    tags: TagColumns
    # The record's trial registrations as JSON (``litscan.pubmed.links.registrations_json``): the
    # records column schema 4 added, written after the store's own columns.
    registrations: bytes | None = None

    @property
    def pmid(self) -> int:
        return self.citation.pmid


# The columns the caller writes; the store itself keeps first_seen, last_changed, retracted_at, deleted_at
# and the commit numbers (seq, retracted_seq).
RECORD_COLUMNS = CitationColumns._fields + TagColumns._fields
# What a stored record is read back from (``StoredRecord``).
STORED_COLUMNS = ("data", "tags", "first_seen", "last_changed", "retracted_at", "deleted_at", "registrations")
# What deciding how to write a record again needs to know of its stored row.
STATE_COLUMNS = ("pmid", "content_hash", "tagger", "retracted_at", "deleted_at")
# data and tags arrive as UTF-8 JSON bytes (``json_bytes``); CAST stores them as the TEXT they are,
# without a decode in Python and an encode in the sqlite3 module.
JSON_BYTES_COLUMNS = frozenset({"data", "tags"})
# Any number of PMIDs as one bound parameter (a JSON array): SQLite caps the number of "?" in a statement.
IN_PMIDS = "IN (SELECT value FROM json_each(?))"


def placeholder(column: str) -> str:
    """The SQL parameter for a records column, as its value is bound."""
    return "CAST(? AS TEXT)" if column in JSON_BYTES_COLUMNS else "?"


# --- bookkeeping -----------------------------------------------------------------------------

RUN_COLUMNS = ("id", "kind", "topic", "started_at", "finished_at", "status", "detail", "pid", "host")
DIGEST_COLUMNS = ("period_start", "period_end", "path", "created_at", "counts", "seq_start", "seq_end")
DECISION_COLUMNS = (
    "topic",
    "pmid",
    "decision",
    "reason",
    "note",
    "decided_by",
    "decided_at",
    "source",
    "content_hash",
    "screened_hash",
)


# What every litscan store holds from schema version 1 on (later versions only add to it).
_STORE_TABLES = frozenset(
    {"records", "record_conditions", "record_routes", "record_topics", "topic_state", "runs", "digests"}
)


def check_store_file(connection: sqlite3.Connection, path: Path) -> None:
    """Refuse, before anything in it changes, a file that is neither a litscan store nor new and empty.

    Another program's SQLite file (its own ``records`` table, say) would otherwise be migrated,
    switched to WAL and written into.
    """
    try:
        # One read transaction: another run creating the store commits its tables and its version together,
        # and three reads outside one could see its version before and its tables after (a "foreign" file).
        connection.execute("BEGIN")
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            columns = {row[1] for row in connection.execute("PRAGMA table_info(records)")}
        finally:
            connection.execute("COMMIT")
    except sqlite3.Error as exc:
        not_sqlite = getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_NOTADB
        raise StoreError(
            f"{path}: {'not a SQLite database' if not_sqlite else 'cannot read the database'} ({exc})"
        ) from None
    tables = {name for name in tables if not name.startswith("sqlite_")}
    if version == 0 and not tables:
        return  # a new store
    if version == 0 or not tables.issuperset(_STORE_TABLES) or not columns.issuperset(RECORD_COLUMNS):
        shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
        raise StoreError(
            f"{path}: not a litscan database (its tables: {shown or 'none'}); left untouched: "
            "give --db a litscan store or a new file"
        )


def ensure_schema(connection: sqlite3.Connection, path: Path) -> None:
    """Bring the file up to ``SCHEMA_VERSION``; a file already there is left untouched."""
    try:
        current = connection.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a SQLite database ({exc})") from None
    if current > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: schema version {current} is newer than this litscan ({SCHEMA_VERSION}); upgrade litscan"
        )
    if current == SCHEMA_VERSION:
        return
    with transaction(connection, path):
        # Two processes opening a new file at once: the second waits here, then must see the first's work.
        current = connection.execute("PRAGMA user_version").fetchone()[0]
        for version in range(current + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[version].split(";"):
                if statement.strip():
                    connection.execute(statement)
        connection.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
