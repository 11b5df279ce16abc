"""The process ends with the command's status and output, and its exit handlers run, after the quick exit."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.pipeline.sample_files import repeated_sample


def _run(body: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    script = "import atexit, sys, threading, time\nfrom litscan.process_exit import end_process\n" + textwrap.dedent(
        body
    )
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, timeout=60, check=False
    )


@pytest.mark.parametrize(("code", "status"), [(None, 0), (0, 0), (3, 3), (256 + 2, 2)])
def test_status_is_the_one_sys_exit_gives(tmp_path: Path, code: object, status: int) -> None:
    assert _run(f"end_process({code!r})", tmp_path).returncode == status


def test_a_text_is_printed_and_the_status_is_one(tmp_path: Path) -> None:
    done = _run("end_process('Error: the store is locked')", tmp_path)
    assert (done.returncode, done.stderr) == (1, "Error: the store is locked\n")


def test_exit_handlers_run_and_buffered_output_is_written(tmp_path: Path) -> None:
    done = _run(
        """
        atexit.register(lambda: open("handler-ran", "w").close())
        sys.stdout.write("summary without a newline")  # a pipe is block-buffered: still in the buffer
        end_process(0)
        """,
        tmp_path,
    )
    assert done.returncode == 0
    assert done.stdout == "summary without a newline"
    assert (tmp_path / "handler-ran").exists()


def test_a_live_thread_is_waited_for(tmp_path: Path) -> None:
    done = _run(
        """
        def late():
            time.sleep(0.3)
            open("thread-done", "w").close()
        threading.Thread(target=late).start()
        end_process(5)
        """,
        tmp_path,
    )
    assert done.returncode == 5
    assert (tmp_path / "thread-done").exists()


def test_the_litscan_command_keeps_its_error_status_and_message(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "litscan", "import", str(tmp_path / "missing.xml"), "--db", str(tmp_path / "s.db")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert done.returncode != 0
    assert "missing.xml" in done.stderr and "no such file" in done.stderr


def test_a_command_stopped_by_a_closed_pipe_leaves_the_store_closed(tmp_path: Path) -> None:
    # `litscan export | head -1`: the export stops half-way, a cursor still open in the exception's frames.
    db = tmp_path / "s.db"
    source = repeated_sample(tmp_path / "big.xml", at_least=600_000)  # more CSV than a pipe holds
    litscan = [sys.executable, "-m", "litscan"]
    subprocess.run([*litscan, "import", str(source), "--db", str(db)], check=True, capture_output=True, timeout=120)
    export = subprocess.Popen(
        [*litscan, "export", "--db", str(db), "--format", "csv"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        cwd=tmp_path,
    )
    assert export.stdout is not None
    assert export.stdout.readline().startswith(b"pmid,")
    export.stdout.close()
    assert export.wait(timeout=60) != 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("s.db")) == ["s.db", "s.db.lock"]
