"""Export memory: peak RSS of `litscan export` in each format, at two store sizes, beside the in-memory way.

    python benchmarks/memory.py                          # stores of 20,000 and 100,000 generated records
    python benchmarks/memory.py --sizes 5000 20000 --formats csv json
    python benchmarks/memory.py --keep /tmp/litscan-memory   # keep (and reuse) the generated stores

Each store is imported from the shared generator's records (not measured). Each export runs in a
child process of its own, so its peak memory (max RSS) is that export's alone; the output goes to
a file. An export that streams from the store takes the same memory from both stores. The
reference builds the CSV from a pandas DataFrame of every record, as litscan did before: its
memory grows with the store.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from common import add_generator_argument, generate, run_child

FORMATS = ("csv", "json", "ris", "bibtex")

EXPORT_CHILD = """
import json, sqlite3, sys, time
from litscan.cli import cli
db, fmt, out = sys.argv[1], sys.argv[2], sys.argv[3]
start = time.perf_counter()
cli.main(["export", "--db", db, "--format", fmt, "-o", out], prog_name="litscan", standalone_mode=False)
seconds = time.perf_counter() - start
count = sqlite3.connect(db).execute("SELECT COUNT(*) FROM records WHERE deleted_at IS NULL").fetchone()[0]
"""

DATAFRAME_CHILD = """
import json, sys, time
import pandas
from litscan.export import CSV_COLUMNS, summary_row
from litscan.store import Store
db, out = sys.argv[1], sys.argv[2]
start = time.perf_counter()
with Store.open(db) as store:
    frame = pandas.DataFrame([summary_row(item) for item in store.query()], columns=list(CSV_COLUMNS))
frame.to_csv(out, index=False)
count = len(frame)
seconds = time.perf_counter() - start
"""

IMPORT_CHILD = """
import json, sys, time
from litscan.cli import cli
start = time.perf_counter()
cli.main(["import", sys.argv[1], "--db", sys.argv[2]], prog_name="litscan", standalone_mode=False)
seconds = time.perf_counter() - start
count = 0
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 100_000])
    parser.add_argument("--formats", nargs="+", choices=FORMATS, default=list(FORMATS))
    parser.add_argument("--keep", type=Path, help="a folder for the generated stores, reused when present")
    add_generator_argument(parser)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        peaks: dict[str, list[float]] = {}
        print(f"{'records':>8}  {'format':<22}  {'peak MB':>8}  {'seconds':>8}  {'file MB':>8}")
        for size in args.sizes:
            db = _store(folder, size, args.generator)
            rows = [(f"litscan export {fmt}", EXPORT_CHILD, fmt) for fmt in args.formats]
            rows.append(("DataFrame CSV (before)", DATAFRAME_CHILD, None))
            for label, code, fmt in rows:
                out = Path(tmp) / f"out-{size}.{fmt or 'frame.csv'}"
                report = run_child(code, str(db), *([fmt] if fmt else []), str(out))
                peaks.setdefault(label, []).append(report["peak_mb"])
                print(
                    f"{int(report['records']):>8}  {label:<22}  {report['peak_mb']:>8.0f}  "
                    f"{report['seconds']:>8.1f}  {out.stat().st_size / 1e6:>8.0f}"
                )
                out.unlink()
        if len(args.sizes) > 1:
            print(f"\npeak MB from {args.sizes[0]:,} to {args.sizes[-1]:,} records:")
            for label, values in peaks.items():
                print(f"  {label:<22}  {values[0]:>6.0f} -> {values[-1]:<6.0f} ({values[-1] - values[0]:+.0f} MB)")


def _store(folder: Path, size: int, generator: Path) -> Path:
    """A store of ``size`` generated records, imported once and kept in ``folder``."""
    db = folder / f"memory-{size}.sqlite"
    if not db.exists():
        source = generate(generator, size, folder / f"memory-{size}.xml.gz")
        partial = db.with_name(db.name + ".partial")
        run_child(IMPORT_CHILD, str(source), str(partial))  # closed (and checkpointed) when the child ends
        partial.rename(db)
        source.unlink()
    return db


if __name__ == "__main__":
    main()
