"""Appraisal throughput: litscan's appraise() against a naive appraiser (the "peer"), same records.

    python benchmarks/appraise.py                          # 10,000 generated records
    python benchmarks/appraise.py --input some.xml.gz      # e.g. real abstracts
    python benchmarks/appraise.py --size 30000 --generator ../shared/bench/make_pubmed_xml.py

The records are parsed once (not timed); each side then appraises every record on one core, in a
child process of its own. The peer is what a first attempt looks like: the CONCLUSIONS section or the
abstract's last sentence as the finding, the first "N patients" as the sample, one keyword search a
marker. The ratio says what ranking sentences, rejecting calls for more research and reading numbers
in context cost.
"""

from __future__ import annotations

import statistics

from common import race_against_naive, rate

CHILD = """
import json, re, sys, time
from litscan.models import Record
from litscan.pubmed.xml_reader import iter_records
from litscan.appraisal import appraise

records = [r for r in iter_records(sys.argv[1]) if isinstance(r, Record)]
if sys.argv[2] == "naive":
    SAMPLE = re.compile(r"\\b(\\d+) (?:patients|participants|subjects)\\b", re.I)
    MARKERS = {m: re.compile(p, re.I) for m, p in {
        "randomised": r"randomi[sz]ed", "double-blind": r"double[- ]blind", "placebo-controlled": r"placebo",
        "crossover": r"cross-?over", "animal": r"\\b(?:rats?|mice)\\b"}.items()}

    def appraise(record):
        sections = record.abstract_sections
        conclusion = next((s.text for s in sections if (s.category or "") == "CONCLUSIONS"), None)
        if conclusion is None and sections:
            conclusion = re.split(r"(?<=[.!?])\\s+", sections[-1].text.strip())[-1]
        text = (record.title or "") + " " + (record.abstract or "")
        sample = SAMPLE.search(text)
        return conclusion, sample and int(sample.group(1)), [m for m, p in MARKERS.items() if p.search(text)]

start = time.perf_counter()
for record in records:
    appraise(record)
seconds = time.perf_counter() - start
count = len(records)
"""


def main() -> None:
    ours, peer, pairs = race_against_naive(__doc__.splitlines()[0], CHILD)
    print(f"{'records':>8}  {'litscan rec/s':>13}  {'naive rec/s':>11}  {'ratio':>6}  {'ratio range':>11}")
    print(
        f"{int(ours['records']):>8}  {rate(ours):>13,.0f}  {rate(peer):>11,.0f}  "
        f"{statistics.median(pairs):>5.2f}x  {min(pairs):>5.2f}-{max(pairs):.2f}x"
    )


if __name__ == "__main__":
    main()
