"""The writer lock, attacked: a symlink to the same store, a forked child, a holder that is gone, a
holder that is alive, runs killed mid-way."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from litscan.errors import StoreError, StoreLockedError
from litscan.store import Store
from litscan.store.lock import lock_path

# A process that locks the store the way litscan before this version did (an flock, no PID
# recorded, or the PID when ``record`` is set), starts a child that inherits the descriptor and
# outlives it, prints the child's PID and exits: the stale lock of issue 15.
ORPHAN_MAKER = textwrap.dedent(
    """
    import fcntl, os, socket, sys, time
    handle = open(sys.argv[1], "a+")
    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    if sys.argv[2] == "record":
        handle.write(f"{os.getpid()} {socket.gethostname()}\\n"); handle.flush()
    child = os.fork()
    if child == 0:
        os.setsid()
        time.sleep(60)
        os._exit(0)
    print(child, flush=True)
    if sys.argv[2] == "stay":
        time.sleep(60)
    """
)


def orphan_holding(lock: Path, mode: str) -> tuple[int, subprocess.Popen[str]]:
    maker = subprocess.Popen([sys.executable, "-c", ORPHAN_MAKER, str(lock), mode], stdout=subprocess.PIPE, text=True)
    assert maker.stdout is not None
    child = int(maker.stdout.readline())
    if mode != "stay":
        maker.wait(timeout=10)
    return child, maker


def end(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


def locked_out(path: Path, wait: float = 0.3) -> bool:
    """Whether a writer opening ``path`` gives up, the store being held by someone else."""
    with Store.open(path) as store:
        try:
            with store.exclusive(wait_seconds=wait):
                return False
        except StoreLockedError:
            return True


def test_a_symlink_or_a_relative_path_to_the_store_meets_the_same_lock(tmp_path, monkeypatch):
    real = tmp_path / "data" / "store.sqlite"
    real.parent.mkdir()
    link = tmp_path / "link.sqlite"
    with Store.open(real) as first, first.exclusive():
        link.symlink_to(real)
        assert locked_out(link)
        monkeypatch.chdir(tmp_path / "data")
        assert locked_out(Path("store.sqlite"))
    assert lock_path(link) == lock_path(real) == Path(f"{real.resolve()}.lock")


def test_a_forked_child_does_not_keep_the_store_locked(db_path):
    with Store.open(db_path) as store:
        with store.exclusive():
            child = os.fork()
            if child == 0:  # a worker that outlives its parent's hold on the store
                time.sleep(5)
                os._exit(0)
        try:
            start = time.monotonic()
            with Store.open(db_path) as other, other.exclusive(wait_seconds=2):
                assert time.monotonic() - start < 1
        finally:
            end(child)
            os.waitpid(child, 0)


@pytest.mark.parametrize("mode", ["record", "unrecorded"])
def test_a_stale_lock_whose_holder_is_gone_is_taken_over_with_a_warning(db_path, caplog, mode):
    Store.open(db_path).close()
    orphan, _ = orphan_holding(lock_path(db_path), mode)
    try:
        caplog.set_level(logging.WARNING, logger="litscan.store.lock")
        start = time.monotonic()
        with Store.open(db_path) as store, store.exclusive(wait_seconds=5):
            assert time.monotonic() - start < 2
            assert lock_path(db_path).read_text() == f"{os.getpid()} {socket.gethostname()}\n"
            assert locked_out(db_path)  # and it is ours alone
        [warning] = [r.getMessage() for r in caplog.records]
        assert "took over the lock of litscan process" in warning and "\n" not in warning
        assert os.kill(orphan, 0) is None  # the orphan still runs: nothing of ours killed it
    finally:
        end(orphan)


def test_a_live_holder_is_never_taken_over(db_path):
    Store.open(db_path).close()
    child, holder = orphan_holding(lock_path(db_path), "stay")
    try:
        assert locked_out(db_path, wait=0.5)
    finally:
        end(child)
        holder.kill()
        holder.wait()


def test_runs_of_processes_that_are_gone_are_marked_interrupted(store):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(gone.stdout)
    with store.transaction() as db:
        db.execute("INSERT INTO runs(kind, started_at) VALUES ('import', '2025-01-01T00:00:00Z')")  # before pids
        db.execute(
            "INSERT INTO runs(kind, started_at, pid, host) VALUES ('fetch', '2025-01-02T00:00:00Z', ?, ?)",
            (dead_pid, socket.gethostname()),
        )
        db.execute(
            "INSERT INTO runs(kind, started_at, pid, host) VALUES ('fetch', '2025-01-03T00:00:00Z', 1, 'elsewhere')"
        )
    alive = store.start_run("import", "t")  # this process's own run: alive
    store.start_run("import", "t")
    by_id = {run["id"]: run for run in store.runs()}
    assert [by_id[i]["status"] for i in (1, 2, 3)] == ["interrupted", "interrupted", "running"]
    assert by_id[1]["detail"] == {"error": "its process ended before the run finished"}
    assert by_id[alive]["status"] == "running" and by_id[alive]["pid"] == os.getpid()


def test_a_lock_file_that_cannot_be_opened_is_one_store_error(db_path):
    Store.open(db_path).close()
    lock_path(db_path).mkdir()  # as good as a read-only folder, even for root
    with (
        Store.open(db_path) as store,
        pytest.raises(StoreError, match="cannot open the store's lock file"),
        store.exclusive(wait_seconds=1),
    ):
        pass


def test_a_stale_lock_that_cannot_be_replaced_is_one_store_error(db_path, monkeypatch):
    Store.open(db_path).close()
    orphan, _ = orphan_holding(lock_path(db_path), "record")
    try:

        def refused(*args: object, **kwargs: object) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr("litscan.store.lock.tempfile.mkstemp", refused)
        with (
            Store.open(db_path) as store,
            pytest.raises(StoreError, match="cannot be replaced") as raised,
            store.exclusive(wait_seconds=1),
        ):
            pass
        assert "\n" not in str(raised.value) and "Permission denied" in str(raised.value)
    finally:
        end(orphan)
