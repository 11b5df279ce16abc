"""The store's SQLite connection: how a file is opened (page size, WAL, pragmas) and how writes are grouped
into transactions."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from ..errors import StoreError, StoreLockedError

# A stored record (its JSON and tags) is 3-8 KB: on SQLite's default 4 KB pages most would spill into
# overflow pages. 16 KB pages hold them whole; imports write ~20% faster and commit ~35% faster.
# Only a new file takes this; an existing one keeps its page size.
PAGE_SIZE = 16384


def _none(value: None) -> None:
    return value


# The sqlite3 module binds exact ints, floats and strs at once, but hands every other parameter (the
# JSON bytes and the NULLs of each stored row) to its adaptation protocol, which looks for
# ``__adapt__`` on a type and builds an AttributeError message each time: ~1,800 instructions a
# parameter, ~10K a stored record. A registered adapter is found first. These give back the value
# itself (``bytes(b)`` is ``b``), so what is bound and stored is the same.
sqlite3.register_adapter(bytes, bytes)
sqlite3.register_adapter(type(None), _none)


def connect(path: Path) -> sqlite3.Connection:
    """Open ``path`` (created if new), rows readable by column name; nothing in the file changes yet."""
    try:
        connection = sqlite3.connect(path, isolation_level=None, timeout=30)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the database ({exc})") from None
    connection.row_factory = sqlite3.Row
    return connection


def configure(connection: sqlite3.Connection, path: Path) -> None:
    """Page size (for a new file), WAL, and the pragmas every litscan connection runs with."""
    try:
        connection.execute(f"PRAGMA page_size={PAGE_SIZE}")
        _set_wal(connection)
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute("PRAGMA foreign_keys=ON")
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open as a litscan database ({exc})") from None


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
def first_load(connection: sqlite3.Connection) -> Iterator[None]:
    """Load a store that holds nothing yet through a rollback journal, not the WAL; WAL again after.

    A large transaction in WAL mode writes every page twice, to the WAL and then, at the commit's
    checkpoint, into the file, syncs both and deletes the WAL: 0.2 s after the last record of a
    10,000-record first import, with nothing else left to do. With a rollback journal the pages of a
    new file go straight into it and none is journaled (SQLite journals only pages that were there
    before the transaction); a crash or an error still leaves the store as it was. Done only when no
    other connection has the store open (a reader keeps it in WAL); one that opens it meanwhile waits
    for the load to end, as there is nothing in it to read yet.
    """
    synchronous = connection.execute("PRAGMA synchronous").fetchone()[0]
    switched = not connection.in_transaction and _journal_mode(connection, "delete")
    if switched:  # with a rollback journal, NORMAL leaves a power cut a small chance to corrupt the file
        connection.execute("PRAGMA synchronous=FULL")
    try:
        yield
    finally:
        if switched:
            connection.execute(f"PRAGMA synchronous={synchronous}")
            _journal_mode(connection, "wal")  # else a reader came meanwhile: Store.open sets WAL again


def _journal_mode(connection: sqlite3.Connection, mode: str) -> bool:
    """Switch to journal ``mode`` now or not at all: False when another connection holds the file."""
    timeout = connection.execute("PRAGMA busy_timeout").fetchone()[0]
    connection.execute("PRAGMA busy_timeout=0")
    try:
        return bool(connection.execute(f"PRAGMA journal_mode={mode}").fetchone()[0] == mode)
    except sqlite3.OperationalError:  # locked
        return False
    finally:
        connection.execute(f"PRAGMA busy_timeout={timeout}")


@contextmanager
def transaction(connection: sqlite3.Connection, path: Path, *, savepoint: bool = True) -> Iterator[sqlite3.Connection]:
    """One write transaction: all of it lands, or none of it.

    Nested use becomes a savepoint, so an import can hold one transaction
    for a whole file while each batch inside it stays all-or-nothing; with
    ``savepoint=False`` it joins the transaction under way, for a caller whose
    transaction already makes the whole of it land or not. An
    SQLite error inside becomes a ``StoreError`` naming the file and SQLite's
    own reason ("database or disk is full", "attempt to write a readonly
    database"), whatever the undoing that follows it says.
    """
    if connection.in_transaction and not savepoint:
        try:
            yield connection
        except sqlite3.Error as exc:
            raise _store_error(exc, path) from None  # the transaction under way is undone by its owner
        return
    if connection.in_transaction:
        connection.execute("SAVEPOINT nested")
        try:
            yield connection
        except sqlite3.Error as exc:
            _undo(connection, "ROLLBACK TO nested", "RELEASE nested")
            raise _store_error(exc, path) from None
        except BaseException:
            _undo(connection, "ROLLBACK TO nested", "RELEASE nested")
            raise
        connection.execute("RELEASE nested")
        return
    try:
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise _store_error(exc, path) from None
    try:
        yield connection
        connection.execute("COMMIT")
    except sqlite3.Error as exc:
        _undo(connection, "ROLLBACK")
        raise _store_error(exc, path) from None
    except BaseException:
        _undo(connection, "ROLLBACK")
        raise


def _undo(connection: sqlite3.Connection, *statements: str) -> None:
    # After SQLITE_FULL or an I/O error SQLite may have rolled back already: undoing again would
    # fail ("cannot rollback - no transaction is active") and hide the reason.
    if connection.in_transaction:
        with suppress(sqlite3.Error):
            for statement in statements:
                connection.execute(statement)


def _store_error(exc: sqlite3.Error, path: Path) -> StoreError:
    """SQLite's error as litscan's, naming the file: busy (try later) or not (look at the file)."""
    if getattr(exc, "sqlite_errorcode", None) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return StoreLockedError(f"{path}: database is busy ({exc})")
    return StoreError(f"{path}: cannot write the database ({exc})")
