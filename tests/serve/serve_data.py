"""A small store for the screening app's tests: invented records, tagged by the bundled topic's real tagger.

601  systematic review of IV ketamine in CRPS (structured abstract)      undecided
602  randomised trial of oral ketamine in fibromyalgia                   undecided
603  cohort of ketamine infusions in neuropathic pain                    undecided
604  hostile title and abstract (script and markup)                     undecided
605  ketamine for acute pain in the emergency department (off topic)     undecided
606  randomised trial, included before the tests start                   decided
607  trial excluded, then given a new abstract by PubMed                 changed since screened
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from litscan.config import Topic, default_topic_path, load_topic
from litscan.models import AbstractSection, Author, PartialDate, PublicationType, Record
from litscan.pipeline.prepare import store_records
from litscan.screening.decisions import Choice, decide
from litscan.store import Store
from litscan.tagging.tagger import Tagger

HOSTILE_TITLE = 'Ketamine <script>window.pwned=1</script> for "CRPS" & more'
HOSTILE_TEXT = 'Adults with chronic pain received oral ketamine <img src=x onerror="window.pwned=2">.'
UNDECIDED = ("601", "602", "603", "604", "605", "607")


@cache
def topic() -> Topic:
    return load_topic(default_topic_path())


@cache
def tagger() -> Tagger:
    return Tagger.for_topic(topic())


def _record(pmid: str, title: str, sections: tuple[AbstractSection, ...], year: int = 2025) -> Record:
    return Record(
        pmid=pmid,
        title=title,
        abstract_sections=sections,
        journal="Journal of Invented Results",
        pub_date=PartialDate(year, 3, 2),
        authors=(Author("Doe", "Jane", "J"), Author("Roe", "Rick", "R")),
        publication_types=(PublicationType("Journal Article", "D016428"),),
        languages=("eng",),
        doi=f"10.5555/inv.{pmid}",
    )


def _plain(text: str) -> tuple[AbstractSection, ...]:
    return (AbstractSection(text),)


RECORDS = [
    _record(
        "601",
        "Intravenous ketamine for complex regional pain syndrome: a systematic review and meta-analysis",
        (
            AbstractSection("To summarise trials of ketamine in complex regional pain syndrome.", "OBJECTIVE"),
            AbstractSection(
                "We searched five databases and pooled randomised trials of intravenous ketamine infusions.",
                "METHODS",
            ),
            AbstractSection("Intravenous ketamine reduced pain at four weeks.", "RESULTS"),
        ),
    ),
    _record(
        "602",
        "Oral ketamine versus placebo in fibromyalgia: a randomised double-blind trial",
        _plain("Sixty adults with fibromyalgia were randomly assigned to oral ketamine or placebo for six weeks."),
        year=2024,
    ),
    _record(
        "603",
        "Ketamine infusions for chronic neuropathic pain: a retrospective cohort",
        _plain("We reviewed 80 patients with chronic neuropathic pain given intravenous ketamine infusions."),
        year=2023,
    ),
    _record("604", HOSTILE_TITLE, _plain(HOSTILE_TEXT), year=2022),
    _record(
        "605",
        "Ketamine versus morphine for acute pain after limb fracture in the emergency department",
        _plain("In this randomized trial, 120 adults with fractures received intravenous ketamine or morphine."),
    ),
    _record(
        "606",
        "Intranasal ketamine for chronic migraine: a randomised crossover trial",
        _plain("Forty adults with chronic migraine were randomly assigned to intranasal ketamine or placebo."),
    ),
    _record(
        "607",
        "Subcutaneous ketamine in cancer pain: a pilot trial",
        _plain("Twenty adults with cancer pain received subcutaneous ketamine."),
    ),
]
REVISED_607 = _record(
    "607",
    "Subcutaneous ketamine in cancer pain: a pilot trial",
    _plain("Twenty-two adults with refractory cancer pain received subcutaneous ketamine for a week."),
)


def fill(db_path: Path) -> Topic:
    """Write the store described above at ``db_path``; returns its topic."""
    chosen = topic()
    with Store.open(db_path) as store:
        store_records(store, RECORDS, tagger=tagger(), topic=chosen.name)
        decide(store, chosen, ["606"], Choice("include"), by="earlier")
        decide(store, chosen, ["607"], Choice("exclude", "wrong_design"), by="earlier")
        store_records(store, [REVISED_607], tagger=tagger(), topic=chosen.name)
    return chosen


def latest(db_path: Path) -> dict[str, tuple[str, str | None, str | None]]:
    """Each decided record's latest (decision, reason, note), by PMID."""
    with Store.open(db_path) as store:
        return {pmid: (d.decision, d.reason, d.note) for pmid, d in store.latest_decisions(topic().name).items()}


def decision_count(db_path: Path) -> int:
    with Store.open(db_path) as store:
        return sum(len(store.decision_history(topic().name, pmid)) for pmid in (r.pmid for r in RECORDS))
