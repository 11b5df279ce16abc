"""Digest rendering: time and page size of a digest of 10,000 new records.

    python benchmarks/digest.py                     # 10,000 generated records, the tagger's verdicts
    python benchmarks/digest.py --all-on-topic      # stress: every record on-topic and shown in full

Records come from the shared generator (``make_pubmed_xml.py``), are parsed and
stored with the topic's tagger (not timed), then ``write_digest`` is timed: the
page, its CSV/RIS/BibTeX, the archive page and the Atom feed. Off-topic records
are listed compactly (no abstract), so ``--all-on-topic`` is the heaviest page.
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
import time
from pathlib import Path

from common import add_generator_argument, generate

from litscan.config import default_topic_path, load_topic
from litscan.digest.writer import write_digest
from litscan.models import Record, Tags
from litscan.pipeline.prepare import store_records
from litscan.pubmed.xml_reader import iter_records
from litscan.store import Store
from litscan.tagging.tagger import Tagger

SIZE_LIMIT_MB = 15


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    add_generator_argument(parser)
    parser.add_argument("--all-on-topic", action="store_true", help="mark every record on-topic (the heaviest page)")
    parser.add_argument("--keep", type=Path, help="copy the reports folder here to look at it")
    args = parser.parse_args()

    topic = load_topic(default_topic_path())
    tagger = Tagger.for_topic(topic)

    def tag(record: Record) -> Tags:
        tags = tagger.tag(record)
        return dataclasses.replace(tags, on_topic=True) if args.all_on_topic else tags

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "bench.xml.gz"
        generate(args.generator, args.records, source)
        reports = args.keep or Path(tmp) / "reports"
        with Store.open(Path(tmp) / "bench.sqlite") as store:
            started = time.perf_counter()
            store_records(store, iter_records(source), tagger=tag, topic=topic.name)
            loaded = time.perf_counter() - started
            started = time.perf_counter()
            result = write_digest(store, topic, reports_dir=reports)
            seconds = time.perf_counter() - started
        page_mb = result.path.stat().st_size / 1e6
        files = {p.suffix: p.stat().st_size / 1e6 for p in result.path.parent.iterdir() if p.is_file()}
    print(
        f"records stored:    {result.counts['new']:,} ({result.counts['on_topic']:,} on topic), "
        f"load {loaded:.1f} s (not part of the digest)"
    )
    print(f"digest written in: {seconds:.2f} s (page, CSV, RIS, BibTeX, index.html, feed.xml)")
    print(f"page size:         {page_mb:.2f} MB (limit {SIZE_LIMIT_MB} MB)")
    print(
        "other files:       "
        + ", ".join(f"{name} {size:.2f} MB" for name, size in sorted(files.items()) if name != ".html")
    )
    if page_mb > SIZE_LIMIT_MB:
        print(f"note: the page is over the {SIZE_LIMIT_MB} MB target")


if __name__ == "__main__":
    main()
