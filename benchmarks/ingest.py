"""Ingest throughput: `litscan import` (parse + tag + store) against pubmed_parser's parse alone.

    python benchmarks/ingest.py                      # 10,000 records, then 30,000 for the memory check
    python benchmarks/ingest.py --sizes 10000 --generator ../shared/bench/make_pubmed_xml.py
    python benchmarks/ingest.py --repeat 5            # five pairs of runs

Both sides read the same generated ``.xml.gz`` and each runs in a child process
of its own, so peak memory (max RSS) is that side's alone. Time is measured
around the work inside the child (interpreter start-up excluded for both).
Each side runs ``--repeat`` times, in back-to-back pairs that take turns to go
first; the ratio is the median of the pairs' ratios (the rates are each side's
median), and the last column gives the lowest and highest pair.
pubmed_parser is a benchmark-only dependency: ``pip install '.[bench]'``.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from common import add_generator_argument, add_repeat_argument, generate, race, rate

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000])
    add_generator_argument(parser)
    add_repeat_argument(parser)
    parser.add_argument("--input", type=Path, help="use this .xml.gz instead of generating one")
    args = parser.parse_args()

    print(
        f"{'records':>8}  {'litscan rec/s':>13}  {'pubmed_parser rec/s':>19}  {'ratio':>6}  "
        f"{'litscan peak MB (main/worker)':>29}  {'pubmed_parser peak MB':>21}  {'ratio range':>11}"
    )
    with tempfile.TemporaryDirectory() as tmp:
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


def _remove_store(db: Path) -> None:
    """Every run imports into a new store, as the first did."""
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)


if __name__ == "__main__":
    main()
