"""A first load's pages synced while it runs: the file, its locks and the load as they were without it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from litscan.pipeline.prepare import store_records
from litscan.store import flushing
from litscan.store.flushing import PageFlusher
from tests.conftest import fixed_tagger, make_record

OTHER_WRITER = """
import sqlite3, sys
try:
    sqlite3.connect(sys.argv[1], timeout=0).execute("BEGIN IMMEDIATE")
except sqlite3.OperationalError as exc:
    print(exc)
else:
    print("wrote")
"""


def other_process_writes(db_path: Path) -> str:
    """What a writer in another process gets: 'wrote', or SQLite's reason it could not."""
    return subprocess.run(
        [sys.executable, "-c", OTHER_WRITER, str(db_path)], capture_output=True, text=True, check=True
    ).stdout.strip()


def count_syncs(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[int]:
    """The syncs of ``path``'s file from here on (one entry each)."""
    inode = path.stat().st_ino
    synced: list[int] = []
    real = os.fdatasync

    def spy(descriptor: int) -> None:
        if os.fstat(descriptor).st_ino == inode:
            synced.append(descriptor)
        real(descriptor)

    monkeypatch.setattr(flushing.os, "fdatasync", spy)
    return synced


def wait_for(condition: object, seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:  # type: ignore[operator]
        time.sleep(0.005)


def test_the_file_is_synced_while_started_and_not_once_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "file"
    path.write_bytes(b"page" * 4096)
    synced = count_syncs(monkeypatch, path)
    flusher = PageFlusher(path, interval=0.002)
    flusher.start()
    wait_for(lambda: len(synced) >= 3)
    flusher.stop()
    assert len(synced) >= 3 and flusher.syncs == len(synced)
    stopped_at = len(synced)
    time.sleep(0.03)
    assert len(synced) == stopped_at
    flusher.close()


def test_a_first_load_is_synced_while_it_runs_and_stored_whole(
    store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(flushing, "INTERVAL_SECONDS", 0.002)
    store._flusher = PageFlusher(db_path)  # made with the interval above
    synced = count_syncs(monkeypatch, db_path)
    with store.first_load(), store.transaction():
        store_records(store, [make_record(str(n)) for n in range(1, 201)], tagger=fixed_tagger())
        wait_for(lambda: len(synced) >= 2)
        assert len(synced) >= 2, "synced before the commit"
        assert other_process_writes(db_path) == "database is locked"
    assert store.count() == 200
    after_commit = len(synced)
    time.sleep(0.03)
    assert len(synced) == after_commit, "no sync once the load is over"


def descriptors_of(path: Path) -> int:
    """How many of this process's open descriptors are ``path``'s file."""
    inode = path.stat().st_ino
    count = 0
    for name in os.listdir("/proc/self/fd"):
        try:
            count += os.stat(f"/proc/self/fd/{name}").st_ino == inode
        except OSError:
            continue  # the descriptor listdir itself used, closed since
    return count


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="lists descriptors through /proc")
def test_the_flusher_keeps_its_descriptor_until_the_store_is_closed(store, db_path: Path) -> None:
    # Closing any descriptor of the file drops every POSIX lock the process holds on it, SQLite's
    # included: the flusher's stays open for as long as the store's connection may hold one.
    before = descriptors_of(db_path)
    with store.first_load(), store.transaction():
        store_records(store, [make_record("1")], tagger=fixed_tagger())
        assert descriptors_of(db_path) == before + 1
    assert descriptors_of(db_path) == before + 1, "still open after the load"
    with store.transaction():
        store_records(store, [make_record("2")], tagger=fixed_tagger())
        assert other_process_writes(db_path) == "database is locked"
    store.close()
    assert descriptors_of(db_path) == 0
    assert other_process_writes(db_path) == "wrote"
