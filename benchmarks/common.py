"""What the benchmark scripts share: the input generator and the measuring child process."""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

# make_pubmed_xml.py lives in the shared folder beside the checkout (../shared/bench).
DEFAULT_GENERATOR = Path(__file__).resolve().parents[2] / "shared" / "bench" / "make_pubmed_xml.py"

# Appended to every child's code: its peak memory (max RSS) is that side's alone; "worker_peak_mb" is
# the largest of the processes it started (0 when it started none).
REPORT = """
import resource as _resource
print(json.dumps({"seconds": seconds, "records": count,
                  "peak_mb": _resource.getrusage(_resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "worker_peak_mb": _resource.getrusage(_resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def add_repeat_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="pairs of runs, one of each side; the median pair ratio is reported (default 3)",
    )


def add_generator_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--generator", type=Path, default=DEFAULT_GENERATOR, help="make_pubmed_xml.py from the shared bench folder"
    )


def generate(generator: Path, records: int, path: Path) -> Path:
    """Write ``records`` synthetic PubMed records to ``path`` (.xml or .xml.gz)."""
    subprocess.run([sys.executable, str(generator), str(records), str(path)], check=True)
    return path


def run_child(code: str, *args: str) -> dict[str, float]:
    """Run ``code`` (which sets ``seconds`` and ``count``) in a fresh interpreter; its report.

    ``-P``: the child imports the installed litscan (compiled by ``setup.py`` where it could be), not
    a checkout in the working directory.
    """
    done = subprocess.run(
        [sys.executable, "-P", "-c", code + REPORT, *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{done.stderr.strip()}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def litscan_build() -> str:
    """How the installed litscan runs parsing and tagging: compiled (mypyc, ``setup.py``) or pure Python."""
    code = "import litscan; print(litscan.build())"
    return subprocess.run([sys.executable, "-P", "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def race(
    ours: tuple[str, ...], peer: tuple[str, ...], repeat: int, before_ours: Callable[[], None] = lambda: None
) -> tuple[dict[str, float], dict[str, float], list[float]]:
    """Run both children ``repeat`` times as back-to-back pairs: median rates, largest peaks, pair ratios.

    A shared machine's speed drifts by up to 2x within a minute, so each comparison is made within
    one pair of runs, the two sides taking turns to go first; the median of the pair ratios is the
    figure to read. ``before_ours`` resets what our child writes (a database). Each side's report is
    its median-rate run with the largest peaks of all its runs.
    """
    ours_runs: list[dict[str, float]] = []
    peer_runs: list[dict[str, float]] = []
    for turn in range(max(1, repeat)):
        before_ours()
        if turn % 2 == 0:
            ours_runs.append(run_child(*ours))
            peer_runs.append(run_child(*peer))
        else:
            peer_runs.append(run_child(*peer))
            ours_runs.append(run_child(*ours))
    pairs = [rate(o) / rate(p) for o, p in zip(ours_runs, peer_runs, strict=True)]
    return _median_run(ours_runs), _median_run(peer_runs), pairs


def race_against_naive(description: str, child: str) -> tuple[dict[str, float], dict[str, float], list[float]]:
    """``race`` of ``child`` run as "litscan" and as "naive" over one file: the command line's
    (``input``, ``--size``, ``--generator``, ``--repeat``), a file generated when none is given."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("input", nargs="?", type=Path, help="a PubMed .xml/.xml.gz (default: generate one)")
    parser.add_argument("--size", type=int, default=10_000, help="records to generate")
    add_generator_argument(parser)
    add_repeat_argument(parser)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.input
        if path is None:
            path = generate(args.generator, args.size, Path(tmp) / f"bench-{args.size}.xml.gz")
        return race((child, str(path), "litscan"), (child, str(path), "naive"), args.repeat)


def _median_run(runs: list[dict[str, float]]) -> dict[str, float]:
    median = statistics.median_low([rate(r) for r in runs])
    chosen = dict(next(r for r in runs if rate(r) == median))
    for key in ("peak_mb", "worker_peak_mb"):
        chosen[key] = max(r[key] for r in runs)
    return chosen


def rate(run: dict[str, float]) -> float:
    """Records per second of one child's report."""
    return run["records"] / run["seconds"]
