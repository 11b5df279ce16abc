"""What the benchmark scripts share: the input generator and the measuring child process."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
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


def add_generator_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--generator", type=Path, default=DEFAULT_GENERATOR,
                        help="make_pubmed_xml.py from the shared bench folder")


def generate(generator: Path, records: int, path: Path) -> Path:
    """Write ``records`` synthetic PubMed records to ``path`` (.xml or .xml.gz)."""
    subprocess.run([sys.executable, str(generator), str(records), str(path)], check=True)
    return path


def run_child(code: str, *args: str) -> dict[str, float]:
    """Run ``code`` (which sets ``seconds`` and ``count``) in a fresh interpreter; its report."""
    done = subprocess.run([sys.executable, "-c", code + REPORT, *args], capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{done.stderr.strip()}")
    return json.loads(done.stdout.strip().splitlines()[-1])
