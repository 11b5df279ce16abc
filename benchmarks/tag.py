"""Tagging throughput: litscan's tagger against a naive keyword tagger (the "peer"), same records.

    python benchmarks/tag.py                          # 10,000 generated records
    python benchmarks/tag.py --size 30000 --generator ../shared/bench/make_pubmed_xml.py
    python benchmarks/tag.py some.xml.gz

The records are parsed once (not timed); each tagger then labels every record
on one core, in a child process of its own so its peak memory (max RSS) is
its own. Each runs ``--repeat`` times in back-to-back pairs; the ratio is the pairs' median.
The peer is what a first attempt looks like: one regex per label
searched over title + abstract, no notion of whose route or which sentence,
no evidence. The ratio says what the extra rules cost.
"""

from __future__ import annotations

import statistics

from common import litscan_build, race_against_naive, rate

CHILD = """
import json, re, sys, time
from litscan.models import Record
from litscan.pubmed.xml_reader import iter_records
from litscan.config import default_topic_path, load_topic
from litscan.tagging.tagger import Tagger

records = [r for r in iter_records(sys.argv[1]) if isinstance(r, Record)]
which = sys.argv[2]
if which == "litscan":
    tag = Tagger.for_topic(load_topic(default_topic_path())).tag
else:
    KETAMINE = re.compile(r"ketamine", re.I)
    CONDITIONS = {c: re.compile(p, re.I) for c, p in {
        "crps": r"complex regional|crps|reflex sympathetic", "neuropathic_pain": r"neuropathic|neuralgia",
        "fibromyalgia": r"fibromyalgia", "cancer_pain": r"cancer pain", "headache": r"migraine|headache",
        "phantom_limb_pain": r"phantom", "low_back_pain": r"back pain",
        "chronic_pain_general": r"chronic pain"}.items()}
    ROUTES = {r: re.compile(p, re.I) for r, p in {
        "intravenous": r"intravenous|infusion", "oral": r"\\boral\\b", "intranasal": r"intranasal|nasal",
        "topical": r"topical|cream", "subcutaneous": r"subcutaneous", "intramuscular": r"intramuscular",
        "sublingual_buccal": r"sublingual|buccal", "neuraxial": r"intrathecal|epidural",
        "inhaled": r"inhal|nebuli"}.items()}
    DESIGNS = [(d, re.compile(p, re.I)) for d, p in (
        ("systematic_review", r"systematic review|meta-analysis"), ("rct", r"randomi[sz]ed"),
        ("case_report", r"case report"), ("observational", r"retrospective|cohort"),
        ("preclinical", r"\\brats?\\b|mice"), ("review", r"review"))]

    def tag(record):
        text = (record.title or "") + " " + (record.abstract or "")
        conditions = [c for c, p in CONDITIONS.items() if p.search(text)]
        routes = [r for r, p in ROUTES.items() if p.search(text)]
        design = next((d for d, p in DESIGNS if p.search(text)), "other")
        return bool(KETAMINE.search(text) and conditions), conditions, routes, design

start = time.perf_counter()
for record in records:
    tag(record)
seconds = time.perf_counter() - start
count = len(records)
"""


def main() -> None:
    ours, peer, pairs = race_against_naive(__doc__.splitlines()[0], CHILD)
    print(f"litscan: {litscan_build()}")
    print(
        f"{'records':>8}  {'litscan rec/s':>13}  {'naive rec/s':>11}  {'ratio':>6}  "
        f"{'litscan peak MB':>15}  {'naive peak MB':>13}  {'ratio range':>11}"
    )
    print(
        f"{int(ours['records']):>8}  {rate(ours):>13,.0f}  {rate(peer):>11,.0f}  "
        f"{statistics.median(pairs):>5.2f}x  {ours['peak_mb']:>15.0f}  {peer['peak_mb']:>13.0f}  "
        f"{min(pairs):>5.2f}-{max(pairs):.2f}x"
    )


if __name__ == "__main__":
    main()
