"""Fetch politeness: requests used per N records against the minimum, and the busiest second.

    python benchmarks/fetch.py                       # 200, 2,000 and 12,000 records, clean and faulty
    python benchmarks/fetch.py --sizes 12000 --no-clean
    python benchmarks/fetch.py --down                # also: how long until a dead service is given up
    python benchmarks/fetch.py --trickle             # also: ... and one that sends a byte every 5 s

Runs litscan's real client (real pacing, no API key: 3 requests/s) in-process
against the fake E-utilities of tests/fake_eutils.py on 127.0.0.1. For each
size it backfills N records, then adds 40 new records and retracts 15 old ones
and runs the increment. "faulty" serves 5xx, 429 with and without Retry-After,
truncated XML, in-band ERROR bodies, a dropped connection and a history server
that forgets every WebEnv. The minimum is what any client needs at litscan's
batch size: ceil(N / 9,999) esearch pages plus ceil(N / 500) efetch calls
(and, for the increment, two searches and one efetch).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import math
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("fake_eutils", ROOT / "tests" / "fake_eutils.py")
assert _spec and _spec.loader
fake_eutils = importlib.util.module_from_spec(_spec)
sys.modules["fake_eutils"] = fake_eutils
_spec.loader.exec_module(fake_eutils)

from litscan.config import load_topic  # noqa: E402
from litscan.errors import FetchError  # noqa: E402
from litscan.pipeline.run import run_topic  # noqa: E402
from litscan.pubmed.eutils import EFETCH_BATCH, ESEARCH_CEILING, EutilsClient  # noqa: E402
from litscan.store import Store  # noqa: E402
from litscan.tagging.tagger import Tagger  # noqa: E402

FAULTS = ["500", "429", "error", "429-retry-after", "truncated", "rate-json-200", "drop", "502", "error", "truncated"]


def scenario(n: int, faulty: bool, workdir: Path) -> list[tuple]:
    topic = load_topic(ROOT / "queries" / "ketamine-chronic-pain.toml")
    today = dt.datetime.now(dt.UTC).date()
    records = fake_eutils.make_records(
        n, first_day=today - dt.timedelta(days=900), last_day=today - dt.timedelta(days=10)
    )
    rows = []
    with (
        fake_eutils.FakeEutils(records, forget_history=faulty) as fake,
        Store.open(workdir / f"fetch-{n}-{faulty}.sqlite") as store,
    ):
        if faulty:
            for i, kind in enumerate(FAULTS):
                fake.inject_at(2 + 4 * i, kind)
        client = EutilsClient(fake.url, email="bench@example.org")
        tagger = Tagger.for_topic(topic)
        label = "faulty" if faulty else "clean"

        start = time.perf_counter()
        result = run_topic(store, topic, client, tagger=tagger, reports_dir=None)
        seconds = time.perf_counter() - start
        minimum = math.ceil(n / ESEARCH_CEILING) + math.ceil(n / EFETCH_BATCH)
        rows.append(
            (
                f"backfill {n:,}",
                label,
                result.summary.new,
                len(fake.requests),
                minimum,
                fake.max_in_window(1.0),
                fake.count(answer="over-rate"),
                seconds,
                result.ok,
            )
        )

        before = len(fake.requests)
        fake.add([fake_eutils.FakeRecord(90_000_000 + i, today, today) for i in range(40)])
        fake.retract([r.pmid for r in records[:15]], on=today)
        start = time.perf_counter()
        result = run_topic(store, topic, client, tagger=tagger, reports_dir=None)
        seconds = time.perf_counter() - start
        rows.append(
            (
                "  +40 new, 15 retracted",
                label,
                result.summary.new + result.summary.updated,
                len(fake.requests) - before,
                3,
                fake.max_in_window(1.0),
                fake.count(answer="over-rate"),
                seconds,
                result.ok,
            )
        )
    return rows


def time_to_give_up() -> float:
    """A service that refuses every connection: seconds until the client gives up (default budget)."""
    client = EutilsClient("http://127.0.0.1:9/")
    start = time.perf_counter()
    try:
        client.esearch("ketamine")
    except FetchError as exc:
        print(f"down service: {exc}")
    return time.perf_counter() - start


def time_to_give_up_trickling() -> float:
    """A service that sends one byte every 5 s (no read ever times out): seconds until the client gives up."""
    with fake_eutils.FakeEutils(fake_eutils.make_records(5), trickle_seconds=5.0) as fake:
        fake.inject("trickle", times=100)
        client = EutilsClient(fake.url)
        start = time.perf_counter()
        try:
            client.esearch("ketamine")
        except FetchError as exc:
            print(f"trickling service: {exc}")
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000, 12000])
    parser.add_argument("--no-clean", action="store_true", help="only the faulty runs")
    parser.add_argument("--no-faults", action="store_true", help="only the clean runs")
    parser.add_argument("--down", action="store_true", help="also time giving up on a dead service")
    parser.add_argument("--trickle", action="store_true", help="also time giving up on a trickling service")
    args = parser.parse_args()
    header = ("run", "server", "stored", "requests", "minimum", "max/1s", "429s", "seconds", "ok")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            for faulty in (
                ([False] if args.no_faults else []) + ([] if args.no_clean else [True])
                if args.no_faults or args.no_clean
                else (False, True)
            ):
                rows.extend(scenario(n, faulty, Path(tmp)))
    widths = [max(len(header[i]), *(len(_cell(r[i])) for r in rows)) for i in range(len(header))]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    for row in rows:
        print("  ".join(_cell(c).ljust(w) for c, w in zip(row, widths, strict=True)))
    if args.down:
        print(f"down service given up after {time_to_give_up():.0f} s")
    if args.trickle:
        print(f"trickling service given up after {time_to_give_up_trickling():.0f} s")


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.1f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


if __name__ == "__main__":
    main()
