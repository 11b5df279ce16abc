"""Writing records: new rows, changed rows, tag links, topic links and tombstones, one batch at a time.

The store writes what it is given: rows the pipeline has already serialised, hashed and tagged
(``RecordRow``), deletions, and ``Unchanged`` for records it found already stored as they are. A
record stored with the same content and tagger keeps its row (and its first_seen); a changed one is
rewritten; a deletion tombstones the PMID (``deleted_at``), never removes it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ..errors import StoreError
from ..models import Deletion
from .schema import IN_PMIDS, RECORD_COLUMNS, STATE_COLUMNS, RecordRow, TagColumns, placeholder

_INSERT = (
    f"INSERT INTO records({', '.join(RECORD_COLUMNS)}, first_seen, last_changed, retracted_at, seq, retracted_seq, "
    f"registrations) VALUES ({', '.join(placeholder(c) for c in RECORD_COLUMNS)}, ?, ?, ?, ?, ?, CAST(? AS TEXT))"
)
_UPDATE = (
    f"UPDATE records SET {', '.join(f'{c}={placeholder(c)}' for c in RECORD_COLUMNS[1:])}, "
    "last_changed=COALESCE(?, last_changed), retracted_at=?, retracted_seq=COALESCE(retracted_seq, ?), "
    "registrations=CAST(? AS TEXT), deleted_at=NULL WHERE pmid=?"
)
_UPDATE_TAGS = f"UPDATE records SET {', '.join(f'{c}={placeholder(c)}' for c in TagColumns._fields)} WHERE pmid=?"


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
        text = f"{self.new} new, {self.updated} updated, {self.unchanged} unchanged, {self.deleted} deleted"
        if self.skipped:
            text += f", {_deletions_ignored(self.skipped)}"
        return text


def _deletions_ignored(count: int) -> str:
    """What ``skipped`` counts, in words: deletion notices with nothing stored to delete."""
    if count == 1:
        return "1 deletion of a PMID not stored or already deleted (nothing to delete)"
    return f"{count} deletions of PMIDs not stored or already deleted (nothing to delete)"


class Unchanged(NamedTuple):
    """A record ``unchanged`` found stored as it is: linked to the batch's topic and counted, not rewritten."""

    pmid: int
    content_hash: str
    tagger: str | None


Item = RecordRow | Unchanged | Deletion


def stored_states(db: sqlite3.Connection, pmids: Sequence[int]) -> dict[int, sqlite3.Row]:
    """What the store holds of these PMIDs (``STATE_COLUMNS``), by PMID."""
    rows = db.execute(f"SELECT {', '.join(STATE_COLUMNS)} FROM records WHERE pmid {IN_PMIDS}", (json.dumps(pmids),))
    return {row["pmid"]: row for row in rows}


def _is_current(old: sqlite3.Row | None, content_hash: str, tagger: str | None) -> bool:
    return (
        old is not None
        and old["content_hash"] == content_hash
        and old["deleted_at"] is None
        and old["tagger"] == tagger
    )


def unchanged(db: sqlite3.Connection, content_hashes: Mapping[int, str], tagger: str | None) -> set[int]:
    """Which PMIDs the store holds live with this content hash, tagged by ``tagger``: nothing to redo."""
    states = stored_states(db, list(content_hashes))
    return {pmid for pmid, digest in content_hashes.items() if _is_current(states.get(pmid), digest, tagger)}


def upsert(db: sqlite3.Connection, items: Iterable[Item], *, topic: str | None, now: str) -> BatchSummary:
    """Write one batch (the caller holds the transaction); what comes later in it wins."""
    records, deletions = _latest(items)
    existing = stored_states(db, [*records, *deletions])
    summary = BatchSummary()
    new, changed = _sort_out(records, existing, summary)
    stamp = Stamp(now, next_commit(db, now))
    _insert(db, new, stamp, summary)
    _update(db, changed, existing, stamp, summary)
    if topic:
        _link_topic(db, topic, records, stamp)
    _tombstone(db, deletions, records, existing, now, summary)
    return summary


class Stamp(NamedTuple):
    """When a write happened, by the clock and in the store's commit order."""

    at: str
    seq: int


def next_commit(db: sqlite3.Connection, now: str) -> int:
    """The commit number of the write the caller's transaction is making (see schema version 3)."""
    cursor = db.execute("INSERT INTO commits(at) VALUES (?)", (now,))
    return int(cursor.lastrowid or 0)


def _latest(items: Iterable[Item]) -> tuple[dict[int, RecordRow | Unchanged], dict[int, None]]:
    # A record deleted later in the same batch is still stored, then tombstoned, as it would be
    # had the two come in separate batches; a deletion followed by the record again is dropped.
    records: dict[int, RecordRow | Unchanged] = {}
    deletions: dict[int, None] = {}
    for item in items:
        if isinstance(item, Deletion):
            deletions[int(item.pmid)] = None
        else:
            records[item.pmid] = item
            deletions.pop(item.pmid, None)
    return records, deletions


def _sort_out(
    records: dict[int, RecordRow | Unchanged], existing: dict[int, sqlite3.Row], summary: BatchSummary
) -> tuple[list[RecordRow], list[RecordRow]]:
    """The rows to insert and the rows to rewrite; what is stored as it is only counts."""
    new: list[RecordRow] = []
    changed: list[RecordRow] = []
    for pmid, item in records.items():
        old = existing.get(pmid)
        if isinstance(item, Unchanged):
            if not _is_current(old, item.content_hash, item.tagger):
                raise StoreError(f"PMID {pmid} changed in the store after it was found unchanged")
            summary.unchanged += 1
        elif _is_current(old, item.citation.content_hash, item.tags.tagger):
            summary.unchanged += 1
        elif old is None:
            new.append(item)
        else:
            changed.append(item)
    return new, changed


def _insert(db: sqlite3.Connection, rows: list[RecordRow], stamp: Stamp, summary: BatchSummary) -> None:
    if not rows:
        return
    now, seq = stamp
    db.executemany(
        _INSERT,
        [
            (
                *row.citation,
                *row.tags,
                now,
                now,
                *((now, seq, seq) if row.citation.retracted else (None, seq, None)),
                row.registrations,
            )
            for row in rows
        ],
    )
    _write_links(db, [row.pmid for row in rows])
    summary.new += len(rows)
    summary.new_pmids.extend(str(row.pmid) for row in rows)


def _update(
    db: sqlite3.Connection, rows: list[RecordRow], existing: dict[int, sqlite3.Row], stamp: Stamp, summary: BatchSummary
) -> None:
    if not rows:
        return
    now, seq = stamp
    revised = _revised(db, rows, existing)
    values: list[tuple[Any, ...]] = []
    for row in rows:
        old = existing[row.pmid]
        retracted_at = old["retracted_at"] or (now if row.citation.retracted else None)
        retracted_seq = seq if row.citation.retracted else None  # kept where one is stored already
        changed = row.pmid in revised or old["deleted_at"] is not None
        values.append(
            (
                *row.citation[1:],
                *row.tags,
                now if changed else None,
                retracted_at,
                retracted_seq,
                row.registrations,
                row.pmid,
            )
        )
        if changed:
            summary.updated += 1
            summary.updated_pmids.append(str(row.pmid))
        else:
            summary.unchanged += 1  # only re-tagged under a new vocabulary
    db.executemany(_UPDATE, values)
    pmids = [row.pmid for row in rows]
    _delete_links(db, pmids)
    _write_links(db, pmids)


def _revised(db: sqlite3.Connection, rows: list[RecordRow], existing: dict[int, sqlite3.Row]) -> set[int]:
    """The rewritten rows whose content PubMed revised, as against rows a newer litscan only reads more of.

    A newer release stores fields an older one never read (vernacular titles, erroneous authors), so
    its serialised record differs for every stored PMID. Counting those as updated would list a whole
    re-imported baseline as revised; only a value both readings hold, and hold differently, counts.
    """
    differing = [row for row in rows if existing[row.pmid]["content_hash"] != row.citation.content_hash]
    if not differing:
        return set()
    query = f"SELECT pmid, data FROM records WHERE pmid {IN_PMIDS}"
    stored = dict(db.execute(query, (json.dumps([row.pmid for row in differing]),)))
    return {
        row.pmid
        for row in differing
        if not _same_where_both_hold(json.loads(stored[row.pmid]), json.loads(row.citation.data))
    }


def _same_where_both_hold(old: Any, new: Any) -> bool:
    """Equal, ignoring object keys only one side has (fields added or dropped between releases)."""
    if isinstance(old, dict) and isinstance(new, dict):
        return all(_same_where_both_hold(old[key], new[key]) for key in old.keys() & new.keys())
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(map(_same_where_both_hold, old, new))
    return bool(old == new)


def write_tags(db: sqlite3.Connection, rows: Iterable[tuple[int, TagColumns]]) -> None:
    """Replace stored records' tags (a re-tag under a new vocabulary); nothing else of them changes."""
    rows = list(rows)
    db.executemany(_UPDATE_TAGS, [(*tags, pmid) for pmid, tags in rows])
    pmids = [pmid for pmid, _ in rows]
    _delete_links(db, pmids)
    _write_links(db, pmids)


def _delete_links(db: sqlite3.Connection, pmids: list[int]) -> None:
    params = [(pmid,) for pmid in pmids]
    db.executemany("DELETE FROM record_conditions WHERE pmid = ?", params)
    db.executemany("DELETE FROM record_routes WHERE pmid = ?", params)
    db.executemany("DELETE FROM record_registrations WHERE pmid = ?", params)


def _write_links(db: sqlite3.Connection, pmids: list[int]) -> None:
    """The condition, route and registration link tables: the store's index of these rows' JSON columns.

    SQLite reads the ids from the JSON columns itself: nothing is decoded in Python, nothing extra
    crosses the worker pipes, and it is no slower than inserting id tuples handed over with each row.
    """
    written = json.dumps(pmids)
    for table, column, source in (
        ("record_conditions", "condition", "conditions"),
        ("record_routes", "route", "routes"),
    ):
        db.execute(
            f"INSERT INTO {table}(pmid, {column}) SELECT r.pmid, tag.value FROM records r, json_each(r.{source}) tag "
            f"WHERE r.pmid {IN_PMIDS}",
            (written,),
        )
    db.execute(
        "INSERT OR IGNORE INTO record_registrations(registry, trial_id, pmid, source) "
        "SELECT json_extract(f.value, '$.key'), json_extract(f.value, '$.id'), r.pmid, "
        "json_extract(f.value, '$.source') "
        f"FROM records r, json_each(r.registrations, '$.found') f WHERE r.pmid {IN_PMIDS}",
        (written,),
    )


def _link_topic(db: sqlite3.Connection, topic: str, records: Iterable[int], stamp: Stamp) -> None:
    db.executemany(
        "INSERT OR IGNORE INTO record_topics(pmid, topic, first_seen, seq) VALUES (?, ?, ?, ?)",
        [(pmid, topic, *stamp) for pmid in records],
    )


def _tombstone(
    db: sqlite3.Connection,
    deletions: Iterable[int],
    records: Mapping[int, object],
    existing: dict[int, sqlite3.Row],
    now: str,
    summary: BatchSummary,
) -> None:
    for pmid in deletions:
        old = existing.get(pmid)
        live = pmid in records or (old is not None and old["deleted_at"] is None)
        if not live:
            summary.skipped += 1
            continue
        db.execute("UPDATE records SET deleted_at = ?, last_changed = ? WHERE pmid = ?", (now, now, pmid))
        summary.deleted += 1


def all_pmids(db: sqlite3.Connection) -> list[int]:
    """Every stored PMID, tombstones included, in order."""
    return [row["pmid"] for row in db.execute("SELECT pmid FROM records ORDER BY pmid")]
