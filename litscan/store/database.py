"""The ``Store``: one litscan database file, and every question the other stages ask of it.

Each method is a short call into the module that does that job: ``schema`` (tables and
migrations), ``records`` (writing), ``queries`` (reading), ``runs`` and ``digests`` (bookkeeping),
``screening`` (decisions), ``lock`` (one writer at a time). Writes happen in one transaction per
call, so a failure leaves the store exactly as it was before that call.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any

from ..errors import StoreError
from . import digests as digest_log
from . import queries, records, screening
from . import runs as run_log
from .connection import configure, connect, first_load, transaction
from .flushing import PageFlusher
from .lock import writer_lock
from .queries import CommitSpan, RecordFilter, RecordTags, StoredRecord
from .records import BatchSummary, Item
from .schema import TagColumns, check_store_file, ensure_schema
from .screening import Decision, NewDecision, ScreeningRow
from .timestamps import utc_now


class Store:
    """A litscan database. Open with ``Store.open(path)``; use as a context manager."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self.connection = connection
        self.path = path
        self._flusher = PageFlusher(path)

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Store:
        """Open (creating if needed) the store at ``path``; its schema is brought up to date."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{path}: cannot create its folder ({exc.strerror or exc})") from None
        store = cls(connect(path), path)
        try:
            check_store_file(store.connection, path)  # before configure() switches the file to WAL
            configure(store.connection, path)
            store.ensure_schema()
        except BaseException:
            store.close()
            raise
        return store

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()
        self._flusher.close()  # after the connection: closing its descriptor drops the file's locks

    def ensure_schema(self) -> None:
        ensure_schema(self.connection, self.path)

    def transaction(self, *, savepoint: bool = True) -> AbstractContextManager[sqlite3.Connection]:
        """One write transaction: all of it lands, or none of it; nested use becomes a savepoint
        (``savepoint=False``: joins the transaction under way, whose owner undoes all of it on an error)."""
        return transaction(self.connection, self.path, savepoint=savepoint)

    def first_load(self) -> AbstractContextManager[None]:
        """Around the transaction that loads a store holding no records yet: a rollback journal
        instead of the WAL while it lasts, so each page is written once (``connection.first_load``), and
        synced to the disk as it goes, not all at the commit (``flushing``)."""
        if self.connection.execute("SELECT 1 FROM records LIMIT 1").fetchone() is not None:
            return nullcontext()
        return self._first_load()

    @contextmanager
    def _first_load(self) -> Iterator[None]:
        with first_load(self.connection):
            self._flusher.start()
            try:
                yield
            finally:
                self._flusher.stop()

    def exclusive(self, wait_seconds: float = 10.0) -> AbstractContextManager[None]:
        """Hold the store's writer lock for a whole run; a second run waits, then gives up."""
        return writer_lock(self.path, wait_seconds)

    # -- writing records ----------------------------------------------------------------------

    def upsert(
        self, items: Iterable[Item], *, topic: str | None = None, now: str | None = None, savepoint: bool = True
    ) -> BatchSummary:
        """Store one batch of prepared rows, ``Unchanged`` records and deletions, all of it or none.

        Rows are written as given (``litscan.pipeline.prepare`` makes them); a row whose content
        and tagger are stored already only counts as unchanged. Records are linked to ``topic``.
        Inside a transaction whose owner undoes the whole of it on any error (an import's file),
        ``savepoint=False`` keeps the batch from taking a savepoint of its own: SQLite copies every
        page a savepoint changes to a temporary file (102 MB for a 10,000-record import), and the
        store's writes took ~10% longer for it.
        """
        with self.transaction(savepoint=savepoint) as db:
            return records.upsert(db, items, topic=topic, now=now or utc_now())

    def unchanged(self, content_hashes: Mapping[int, str], tagger: str | None) -> set[int]:
        """Which PMIDs the store holds live with this content hash, tagged by ``tagger``: nothing to redo.

        Ask inside the transaction that writes the batch, so the answer still holds when it is written.
        """
        return records.unchanged(self.connection, content_hashes, tagger)

    def write_tags(self, rows: Iterable[tuple[int, TagColumns]]) -> None:
        """Replace stored records' tags (a re-tag under a new vocabulary), all of them or none."""
        with self.transaction() as db:
            records.write_tags(db, rows)

    def pmids(self) -> list[int]:
        """Every stored PMID, tombstones included, in order."""
        return records.all_pmids(self.connection)

    # -- reading records ----------------------------------------------------------------------

    def get(self, pmid: str | int) -> StoredRecord | None:
        found = list(self.query(RecordFilter(pmids=[str(pmid)], include_deleted=True)))
        return found[0] if found else None

    def count(self, filters: RecordFilter | None = None) -> int:
        return queries.count(self.connection, filters or RecordFilter())

    def query(self, filters: RecordFilter | None = None) -> Iterator[StoredRecord]:
        """Stored records matching the filter, newest publication first, then PMID."""
        return queries.query(self.connection, filters or RecordFilter())

    def pages(self, filters: RecordFilter | None = None, size: int = 500) -> Iterator[list[StoredRecord]]:
        """The records ``filters`` selects in PMID order, ``size`` at a time, each page read on its own:
        for reading a large period (a digest) in bounded memory without holding the store open."""
        return queries.pages(self.connection, filters or RecordFilter(), size)

    def topic_pmids(self, topic: str, pmids: Iterable[str]) -> set[str]:
        """Which of ``pmids`` the store already holds for ``topic`` (deleted ones included)."""
        return queries.topic_pmids(self.connection, topic, pmids)

    def on_topic_tags(self, topic: str, until: str, through: int | None = None) -> Iterator[RecordTags]:
        """Year and tag ids of every live on-topic record that entered ``topic`` before ``until``
        (given ``through``, in the writes up to that commit number)."""
        return queries.on_topic_tags(self.connection, topic, until, through)

    def commit_mark(self, before: str | None = None) -> int:
        """The number of the last write committed (stamped before ``before``): what a reader has seen."""
        return queries.commit_mark(self.connection, before)

    def registered_pmids(self, trial_id: str) -> list[str]:
        """The live records that name this trial registration (several reports of one trial)."""
        return queries.registered_pmids(self.connection, trial_id)

    def topic_first_seen(self, topic: str) -> str | None:
        """When the topic's first record entered the store (None: it has none)."""
        return queries.topic_first_seen(self.connection, topic)

    # -- topic state, runs and digests --------------------------------------------------------

    def topic_state(self, topic: str) -> dict[str, Any]:
        return run_log.topic_state(self.connection, topic)

    def save_topic_state(self, topic: str, state: dict[str, Any]) -> None:
        with self.transaction() as db:
            run_log.save_topic_state(db, topic, state)

    def start_run(self, kind: str, topic: str | None = None, detail: dict[str, Any] | None = None) -> int:
        with self.transaction() as db:
            return run_log.start_run(db, kind, topic, detail)

    def finish_run(self, run_id: int, status: str, detail: dict[str, Any] | None = None) -> None:
        with self.transaction() as db:
            run_log.finish_run(db, run_id, status, detail)

    def runs(self, topic: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
        return run_log.runs(self.connection, topic, limit)

    def add_digest(
        self,
        topic: str,
        period_start: str,
        period_end: str,
        path: str,
        counts: dict[str, Any],
        commits: CommitSpan | None = None,
    ) -> None:
        with self.transaction() as db:
            digest_log.add_digest(db, topic, period_start, period_end, path, counts, commits)

    def digests(self, topic: str) -> list[dict[str, Any]]:
        return digest_log.digests(self.connection, topic)

    # -- screening decisions ------------------------------------------------------------------

    def add_decisions(self, decisions: Sequence[NewDecision]) -> list[int]:
        """Record decisions, all of them or none; earlier decisions stay as they were (a trail)."""
        with self.transaction() as db:
            return screening.add_decisions(db, decisions)

    def latest_decisions(self, topic: str, pmids: Iterable[str] | None = None) -> dict[str, Decision]:
        """Each decided record's latest decision in ``topic`` (of ``pmids``, if given), by PMID."""
        return screening.latest(self.connection, topic, pmids)

    def decision_history(self, topic: str, pmid: str) -> list[Decision]:
        """Every decision made on a record in ``topic``, oldest first."""
        return screening.history(self.connection, topic, pmid)

    def screening_rows(self, topic: str) -> Iterator[ScreeningRow]:
        """Every record of ``topic`` (withdrawn ones too) beside its latest decision, in PMID order, as read."""
        return screening.screening_rows(self.connection, topic)
