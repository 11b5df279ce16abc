"""Digest of 10,000 new records: how long it takes to write, and how the page does in Chromium.

    python benchmarks/digest.py                     # 10,000 generated records, the tagger's verdicts
    python benchmarks/digest.py --all-on-topic      # stress: every record on-topic (the heaviest page)
    python benchmarks/digest.py --records 1000 --keep /tmp/site
    python benchmarks/digest.py --memory 20000 200000 --stores /tmp/stores   # peak RSS of `litscan digest`

Records come from the shared generator (``make_pubmed_xml.py``), are parsed and stored with the
topic's tagger (not timed), then ``write_digest`` is timed: the page, its CSV/RIS/BibTeX, the archive
page and the Atom feed. The page is then opened from file:// in headless Debian Chromium (Playwright,
``/usr/bin/chromium``; never a downloaded browser) and measured against the digest issue's targets:

* page size (one self-contained file);
* the load event, and when the full list is drawn (the script unpacks its data after load);
* DOM nodes once the list is drawn;
* each filter, and clearing them, from the change to the next painted frame.

Load and every filter are measured ``--loads`` times (a fresh page each time) and the medians reported;
the machine is shared, so read the figures next to each other rather than alone.

``--memory`` instead runs ``litscan digest`` (a first digest: every record of the store) in a child
process of its own for stores of each size and prints its peak memory (max RSS): a digest that holds
none of the period's records takes about the same memory at 20,000 and 200,000 records.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from common import add_generator_argument, generate, run_child

from litscan.config import default_topic_path, load_topic
from litscan.digest.writer import write_digest
from litscan.models import Record, Tags
from litscan.pipeline.prepare import store_records
from litscan.pubmed.xml_reader import iter_records
from litscan.store import Store
from litscan.tagging.tagger import Tagger

CHROMIUM = os.environ.get("LITSCAN_CHROMIUM", "/usr/bin/chromium")
TARGETS = {"size_mb": 10.0, "load_s": 1.5, "nodes": 50_000, "filter_ms": 200.0}

# Each action changes the page the way a reader does; its time runs to the next painted frame.
FILTERS: list[tuple[str, str]] = [
    ("design: randomised trials", "set('#f-design', 'rct')"),
    ("condition: neuropathic pain (group)", "set('#f-condition', 'neuropathic')"),
    ("route: oral", "set('#f-route', 'oral')"),
    ("clear", "click('#f-clear')"),
    ("design: trials and reviews", "set('#f-design', 'strong')"),
    ("map cell: CRPS × intravenous", "click('td[data-condition=crps][data-route=intravenous] button')"),
    ("clear", "click('#f-clear')"),
    ("search: 'ketamine placebo'", "type('ketamine placebo')"),
    ("on-topic only", "click('#f-ontopic')"),
    ("show 30 more", "click('#more')"),
    ("clear", "click('#f-clear')"),
]
MEASURE = """async (action) => {
  const set = (sel, value) => { const el = document.querySelector(sel); el.value = value;
    el.dispatchEvent(new Event('change', {bubbles: true})); };
  const click = (sel) => document.querySelector(sel).click();
  const type = (text) => { const el = document.getElementById('f-text'); el.value = text;
    el.dispatchEvent(new Event('input', {bubbles: true})); };
  const painted = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  const shown = () => document.getElementById('f-status').textContent;
  const before = shown();
  const t0 = performance.now();
  eval(action);
  await painted();
  // a search applies after a pause in typing: wait until the list has changed
  for (let i = 0; i < 100 && shown() === before && action.startsWith('type'); i++) { await painted(); }
  return [performance.now() - t0, shown()];
}"""
IMPORT_CHILD = """
import json, sys, time
from litscan.cli import cli
start = time.perf_counter()
cli.main(["import", sys.argv[1], "--db", sys.argv[2]], prog_name="litscan", standalone_mode=False)
seconds = time.perf_counter() - start
count = 0
"""
DIGEST_CHILD = """
import json, sys, time
from litscan.cli import cli
start = time.perf_counter()
cli.main(["-q", "digest", "--db", sys.argv[1], "--reports", sys.argv[2], "--since", "1900-01-01"],
         prog_name="litscan", standalone_mode=False)
seconds = time.perf_counter() - start
count = 0
"""
COUNT_NODES = "(() => { let n = 0; const w = document.createTreeWalker(document, NodeFilter.SHOW_ALL); "
COUNT_NODES += "while (w.nextNode()) n++; return n; })()"


def build(args: argparse.Namespace, tmp: Path) -> tuple[Path, dict[str, Any]]:
    """Generate, store and digest the records; the page and what writing it took."""
    topic = load_topic(default_topic_path())
    tagger = Tagger.for_topic(topic)

    def tag(record: Record) -> Tags:
        tags = tagger.tag(record)
        return dataclasses.replace(tags, on_topic=True) if args.all_on_topic else tags

    source = tmp / "bench.xml.gz"
    generate(args.generator, args.records, source)
    reports = args.keep or tmp / "reports"
    with Store.open(tmp / "bench.sqlite") as store:
        started = time.perf_counter()
        store_records(store, iter_records(source), tagger=tag, topic=topic.name)
        loaded = time.perf_counter() - started
        before_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        wall, cpu = time.perf_counter(), time.process_time()
        result = write_digest(store, topic, reports_dir=reports)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    figures = {
        "counts": result.counts,
        "load_store_s": loaded,
        "digest_s": wall,
        "digest_cpu_s": cpu,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_before_mb": before_rss,
        "files": {p.name: p.stat().st_size / 1e6 for p in result.path.parent.iterdir() if p.is_file()},
    }
    return result.path, figures


def measure(page_path: Path, loads: int) -> dict[str, Any]:
    """The page in headless Chromium at 1440×900: load, list drawn, DOM nodes, filter times."""
    from playwright.sync_api import sync_playwright

    out: dict[str, Any] = {"loads": [], "lists": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for _ in range(loads):
            context = browser.new_context(viewport={"width": 1440, "height": 900})
            page = context.new_page()
            page.goto(page_path.as_uri())
            page.wait_for_function("document.documentElement.dataset.ready === 'all'", timeout=60_000)
            load, listed = page.evaluate(
                "[performance.getEntriesByType('navigation')[0].loadEventEnd,"
                " performance.getEntriesByName('litscan:list')[0].startTime]"
            )
            out["loads"].append(load / 1000)
            out["lists"].append(listed / 1000)
            out["nodes"] = page.evaluate(COUNT_NODES)
            context.close()
        rounds = []
        for _ in range(loads):
            context = browser.new_context(viewport={"width": 1440, "height": 900})
            page = context.new_page()
            page.goto(page_path.as_uri())
            page.wait_for_function("document.documentElement.dataset.ready === 'all'", timeout=60_000)
            page.wait_for_timeout(500)  # a reader's first look, while the page prepares its search
            timings = []
            for _name, action in FILTERS:
                timings.append(page.evaluate(MEASURE, action))
                page.wait_for_timeout(300)  # a reader looks before the next choice
            rounds.append(timings)
            context.close()
        browser.close()
    # the median of the rounds for each action, with what it showed
    out["filters"] = [
        (name, statistics.median(r[i][0] for r in rounds), rounds[0][i][1]) for i, (name, _) in enumerate(FILTERS)
    ]
    return out


def report(size_mb: float, built: dict[str, Any], page: dict[str, Any]) -> None:
    counts = built["counts"]
    load, listed = statistics.median(page["loads"]), statistics.median(page["lists"])
    worst = max(ms for _, ms, _ in page["filters"])

    def target(name: str, ok: bool) -> str:
        return f"[target {name}: {'ok' if ok else 'OVER'}]"

    loads = ", ".join(f"{s:.2f}" for s in page["loads"])
    print(f"records:           {counts['new']:,} new, {counts['on_topic']:,} on topic")
    print(f"digest written in: {built['digest_s']:.1f} s ({built['digest_cpu_s']:.1f} s CPU): page, CSV, RIS, BibTeX")
    print(f"peak RSS:          {built['peak_rss_mb']:.0f} MB (after storing them: {built['rss_before_mb']:.0f} MB)")
    print(f"page size:         {size_mb:.2f} MB  {target('≤ 10 MB', size_mb <= TARGETS['size_mb'])}")
    print(f"load event:        {load:.2f} s, median of {loads}  {target('≤ 1.5 s', load <= TARGETS['load_s'])}")
    print(f"list drawn:        {listed:.2f} s after navigation (the data is unpacked after the load event)")
    print(f"DOM nodes:         {page['nodes']:,} at load  {target('≤ 50,000', page['nodes'] <= TARGETS['nodes'])}")
    print(f"filters, to the next painted frame  {target('≤ 200 ms each', worst <= TARGETS['filter_ms'])}")
    for name, ms, status in page["filters"]:
        print(f"  {name:38} {ms:7.1f} ms   {status}")
    others = ", ".join(
        f"{name} {mb:.2f} MB" for name, mb in sorted(built["files"].items()) if not name.endswith("html")
    )
    print(f"other files:       {others}")


def memory(sizes: list[int], stores: Path, generator: Path, repeat: int) -> None:
    """Peak RSS of `litscan digest` over every record of stores of each size (each store imported once)."""
    stores.mkdir(parents=True, exist_ok=True)
    print(f"{'records':>8}  {'peak MB (each run)':<24}  {'median':>6}  {'seconds':>8}  {'page MB':>8}")
    medians = []
    for size in sizes:
        db = stores / f"digest-{size}.sqlite"
        if not db.exists():
            source = generate(generator, size, stores / f"digest-{size}.xml.gz")
            partial = db.with_name(db.name + ".partial")
            run_child(IMPORT_CHILD, str(source), str(partial))
            partial.rename(db)
            source.unlink()
        peaks, seconds = [], []
        for _ in range(repeat):
            with tempfile.TemporaryDirectory() as reports:
                report = run_child(DIGEST_CHILD, str(db), reports)
                page_mb = max(p.stat().st_size for p in Path(reports).rglob("*.html")) / 1e6
            peaks.append(report["peak_mb"])
            seconds.append(report["seconds"])
        medians.append(statistics.median(peaks))
        each = ", ".join(f"{p:.0f}" for p in peaks)
        print(f"{size:>8}  {each:<24}  {medians[-1]:>6.0f}  {statistics.median(seconds):>8.0f}  {page_mb:>8.1f}")
    if len(sizes) > 1:
        print(f"peak MB from {sizes[0]:,} to {sizes[-1]:,} records: {medians[0]:.0f} -> {medians[-1]:.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    add_generator_argument(parser)
    parser.add_argument("--all-on-topic", action="store_true", help="mark every record on-topic (the heaviest page)")
    parser.add_argument("--loads", type=int, default=3, help="page loads (and filter rounds) to take the median of")
    parser.add_argument("--keep", type=Path, help="write the reports folder here to look at it")
    parser.add_argument("--memory", type=int, nargs="+", metavar="RECORDS", help="peak RSS of litscan digest")
    parser.add_argument("--stores", type=Path, help="with --memory: a folder for the stores, reused when present")
    args = parser.parse_args()
    if args.memory:
        with tempfile.TemporaryDirectory() as tmp:
            memory(args.memory, args.stores or Path(tmp), args.generator, args.loads)
        return
    with tempfile.TemporaryDirectory() as tmp:
        page_path, built = build(args, Path(tmp))
        size_mb = page_path.stat().st_size / 1e6
        page = measure(page_path, args.loads)
    report(size_mb, built, page)


if __name__ == "__main__":
    main()
