"""The attack of issue 15: kill the main process of a multi-worker import at random moments.

Before, a forked worker outlived it, blocked on its pipe and holding the store's lock, and every
later import exited 75 for ever (8 of 10 moments). Now no litscan process may remain, the next
command must get the store, and the database must be whole.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from litscan.cli import cli
from litscan.pipeline.demo import sample_path
from litscan.store import Store
from tests.pipeline.sample_files import litscan_with_small_chunks, repeated_sample

# Kills per signal, 10 in all: alternately at any time from the start and while workers run.
MOMENTS = {signal.SIGKILL: 4, signal.SIGTERM: 3, signal.SIGHUP: 3}


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return repeated_sample(tmp_path_factory.mktemp("kill") / "big.xml", at_least=2 << 20)


def session_members(session: int) -> list[int]:
    """Live processes of a session (the import and anything it started)."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[3]) == session and fields[0] != "Z":
            members.append(int(entry.name))
    return members


def has_children(pid: int) -> bool:
    """Whether process ``pid`` has started another (its workers are forked by it). One small file
    read: scanning the whole process table every few milliseconds while waiting cost ~0.3 s of CPU a kill."""
    try:
        return bool(Path(f"/proc/{pid}/task/{pid}/children").read_text().split())
    except OSError:  # gone, or a kernel without the file: the whole table, as after the kill
        return len(session_members(pid)) >= 2


def kill_at(command: list[str], signum: int, delay: float, after_workers: bool) -> tuple[int, list[int]]:
    """Start ``command`` in a session of its own and kill its main process ``delay`` seconds after it
    started (or after its workers did); (workers seen at the kill, processes left after it)."""
    started = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while after_workers and not has_children(started.pid) and started.poll() is None:
        assert time.monotonic() < deadline, "the import never started its workers"
        time.sleep(0.005)
    time.sleep(delay)
    workers = len(session_members(started.pid)) - 1
    os.kill(started.pid, signum)
    started.wait()
    deadline = time.monotonic() + 3
    while (left := session_members(started.pid)) and time.monotonic() < deadline:
        time.sleep(0.02)
    for pid in left:  # never leave a process behind, even when the test fails
        os.kill(pid, signal.SIGKILL)
    return workers, left


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM, signal.SIGHUP], ids=lambda s: s.name)
def test_killing_an_import_at_random_moments_never_locks_the_store(sample_file, tmp_path, signum):
    db = tmp_path / "store.sqlite"
    command = litscan_with_small_chunks("import", str(sample_file), "--db", str(db), "--workers", "2")
    seed = random.randrange(1 << 30)
    chance = random.Random(seed)
    report = []
    for moment in range(MOMENTS[signum]):
        after_workers = moment % 2 == 1
        delay = chance.uniform(0, 0.4) if after_workers else chance.uniform(0.05, 1.5)
        workers, left = kill_at(command, signum, delay, after_workers)
        report.append((round(delay, 3), after_workers, workers, left))
        assert not left, f"seed {seed}: processes left after {signum!r}: {report}"
        with Store.open(db) as store, store.exclusive(wait_seconds=1):
            assert store.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert any(workers for _, _, workers, _ in report), f"seed {seed}: no kill came while workers ran: {report}"
    done = CliRunner().invoke(cli, ["import", str(sample_path()), "--db", str(db)])  # the next command
    assert done.exit_code == 0, done.output
    with sqlite3.connect(db) as connection:
        statuses = [status for (status,) in connection.execute("SELECT status FROM runs ORDER BY id")]
    assert statuses[-1] == "ok" and "running" not in statuses  # each killed run is marked interrupted
