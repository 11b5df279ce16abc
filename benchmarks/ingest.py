"""Ingest throughput: `litscan import` (parse + tag + store) against pubmed_parser's parse alone.

    python benchmarks/ingest.py                      # 10,000 records, then 30,000 for the memory check
    python benchmarks/ingest.py --sizes 10000 --generator ../shared/bench/make_pubmed_xml.py
    python benchmarks/ingest.py --repeat 5            # five pairs of runs

Both sides read the same generated ``.xml.gz`` and each runs in a child process
of its own, so peak memory (max RSS) is that side's alone. Two figures:

* in process: time measured around the work inside the child (interpreter
  start-up excluded for both);
* whole command, as a user (or cron) waits for it: ``litscan import FILE --db DB``
  against ``python -c`` running pubmed_parser's ``parse_medline_xml`` over the
  same file, each timed from the start of the process to its exit.

Both start from compiled bytecode (``compile_bytecode``), and the in-process runs come first:
the whole commands find the caches a second ``litscan import`` finds (the tagger's pattern
readings, regex programs and parsed rule files, in a cache folder of the benchmark's own), as a
scheduled import does.

Each side runs ``--repeat`` times, in back-to-back pairs that take turns to go
first; the ratio is the median of the pairs' ratios (the rates are each side's
median), and the last column gives the lowest and highest pair.
pubmed_parser is a benchmark-only dependency: ``pip install '.[bench]'``.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import add_generator_argument, add_repeat_argument, generate, litscan_build, race, rate

LITSCAN_CHILD = """
import json, sys, time
from litscan.cli import cli
path, db = sys.argv[1], sys.argv[2]
start = time.perf_counter()
try:
    cli.main(["import", path, "--db", db], prog_name="litscan", standalone_mode=False)
finally:
    seconds = time.perf_counter() - start
import sqlite3
count = sqlite3.connect(db).execute("SELECT COUNT(*) FROM records").fetchone()[0]
"""

PUBMED_PARSER_CHILD = """
import json, sys, time
import pubmed_parser
start = time.perf_counter()
count = sum(1 for item in pubmed_parser.parse_medline_xml(sys.argv[1]) if not item.get("delete"))
seconds = time.perf_counter() - start
"""

PUBMED_PARSER_COMMAND = "import sys, pubmed_parser; sum(1 for _ in pubmed_parser.parse_medline_xml(sys.argv[1]))"


def timed_command(command: list[str]) -> tuple[float, float]:
    """Wall seconds from the process's start to its exit, and its peak memory in MB (the process itself)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{command[0]} failed: {process.stderr.read().decode() if process.stderr else status}")
    return seconds, usage.ru_maxrss / 1024


def whole_commands(path: Path, db: Path, repeat: int) -> tuple[list[float], list[float], list[float], float, float]:
    """Pairs of whole-command runs taking turns to go first: litscan's and the peer's seconds, pair ratios."""
    litscan = shutil.which("litscan") or str(Path(sys.executable).with_name("litscan"))
    ours_command = [litscan, "import", str(path), "--db", str(db)]
    peer_command = [sys.executable, "-c", PUBMED_PARSER_COMMAND, str(path)]
    ours: list[float] = []
    peer: list[float] = []
    peaks = [0.0, 0.0]
    for turn in range(max(1, repeat)):
        _remove_store(db)
        order = [(ours_command, ours, 0), (peer_command, peer, 1)]
        for command, times, side in order if turn % 2 == 0 else order[::-1]:
            seconds, peak = timed_command(command)
            times.append(seconds)
            peaks[side] = max(peaks[side], peak)
    ratios = [p / o for o, p in zip(ours, peer, strict=True)]
    return ours, peer, ratios, peaks[0], peaks[1]


def compile_bytecode() -> None:
    """Compile litscan's modules as ``pip install`` does: both sides then start from bytecode.

    pubmed_parser (and numpy, which it imports) were compiled when pip installed them. An editable
    checkout run with PYTHONDONTWRITEBYTECODE has no bytecode, and would parse its ~100 modules at
    every start (0.1 s here).
    """
    spec = importlib.util.find_spec("litscan")
    if spec is not None and spec.origin is not None:
        compileall.compile_dir(Path(spec.origin).parent, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000])
    add_generator_argument(parser)
    add_repeat_argument(parser)
    parser.add_argument("--input", type=Path, help="use this .xml.gz instead of generating one")
    args = parser.parse_args()
    compile_bytecode()
    print(f"litscan: {litscan_build()}")
    print(
        f"{'records':>8}  {'litscan rec/s':>13}  {'pubmed_parser rec/s':>19}  {'ratio':>6}  "
        f"{'litscan peak MB (main/worker)':>29}  {'pubmed_parser peak MB':>21}  {'ratio range':>11}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        # A cache folder of the benchmark's own, filled by the first runs as one import fills a user's: the
        # caller's may hold the programs of every vocabulary edited lately (up to its 4 MB bound), read at start.
        os.environ["LITSCAN_CACHE_DIR"] = str(Path(tmp) / "cache")
        inputs = [(args.input, None)] if args.input else [(Path(tmp) / f"bench-{n}.xml.gz", n) for n in args.sizes]
        for path, size in inputs:
            if size is not None:
                generate(args.generator, size, path)
            db = Path(tmp) / f"bench-{path.stem}.sqlite"
            ours, peer, pairs = race(
                (LITSCAN_CHILD, str(path), str(db)),
                (PUBMED_PARSER_CHILD, str(path)),
                args.repeat,
                before_ours=lambda db=db: _remove_store(db),
            )
            print(
                f"{int(ours['records']):>8}  {rate(ours):>13,.0f}  {rate(peer):>19,.0f}  "
                f"{statistics.median(pairs):>5.2f}x  {ours['peak_mb']:>22.0f} / {ours['worker_peak_mb']:<4.0f}  "
                f"{peer['peak_mb']:>21.0f}  {min(pairs):>5.2f}-{max(pairs):.2f}x"
            )
            if ours["records"] != peer["records"]:
                print(f"  note: record counts differ (litscan {ours['records']}, pubmed_parser {peer['records']})")
            mine, theirs, ratios, my_peak, their_peak = whole_commands(path, db, args.repeat)
            print(
                f"{'':>8}  whole command: litscan import {statistics.median(mine):.2f} s, pubmed_parser "
                f"{statistics.median(theirs):.2f} s, ratio {statistics.median(ratios):.2f}x "
                f"({min(ratios):.2f}-{max(ratios):.2f}x); peak MB {my_peak:.0f} / {their_peak:.0f}"
            )


def _remove_store(db: Path) -> None:
    """Every run imports into a new store, as the first did."""
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)


if __name__ == "__main__":
    main()
