"""A small store for the digest tests: invented records with fixed tags and fixed timestamps.

Timeline (all UTC, topic "t"):
  2026-01-05  four older records enter (one is later retracted)
  2026-01-10  the previous digest ends here
  2026-01-12  this period's records enter, and PMID 105 comes back flagged retracted
  2026-01-20  one more record enters, after the period under test
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from litscan.config import DigestSettings, EmailSettings, Topic
from litscan.models import (
    AbstractSection,
    Author,
    Evidence,
    PartialDate,
    PublicationType,
    Record,
    Tags,
)
from litscan.pipeline.prepare import store_records
from litscan.store import Store

TOPIC_NAME = "t"
OLD = "2026-01-05T09:00:00.000000Z"
PREVIOUS_END = "2026-01-10T00:00:00.000000Z"
NEW = "2026-01-12T09:00:00.000000Z"
LATER = "2026-01-20T09:00:00.000000Z"
RAN_AT = "2026-01-15T06:00:00.000000Z"

HOSTILE_TITLE = 'Ketamine <script>window.pwned=1</script> for "CRPS" & more'
HOSTILE_ABSTRACT = 'It <img src=x onerror="window.pwned=2"> worked.'
HOSTILE_JOURNAL = "<b onmouseover=alert(1)>Journal</b>"


def make_topic(tmp_path: Path) -> Topic:
    vocab = tmp_path / "v.vocab.toml"
    vocab.write_text("# not read: the tests pin the built-in labels\n", encoding="utf-8")
    return Topic(
        name=TOPIC_NAME,
        title="Ketamine & chronic pain <test>",
        term='ketamine[tiab] AND "pain"[tiab]',
        start=dt.date(2000, 1, 1),
        vocabulary_path=vocab,
        description="Invented records.",
        digest=DigestSettings(),
        email=EmailSettings(),
    )


def _record(
    pmid: str,
    title: str,
    *,
    year: int = 2025,
    abstract: str | None = "Adults received ketamine.",
    journal: str = "Journal of Invented Results",
    **extra: object,
) -> Record:
    sections = ()
    if abstract is not None:
        sections = (
            AbstractSection("Pain persists.", "BACKGROUND", "BACKGROUND"),
            AbstractSection(abstract, "CONCLUSIONS", "CONCLUSIONS"),
        )
    values: dict[str, object] = dict(
        pmid=pmid,
        title=title,
        journal=journal,
        pub_date=PartialDate(year, 3, 2),
        abstract_sections=sections,
        volume="12",
        issue="4",
        pages="101-9",
        authors=(
            Author("Doe", "Jane", "J"),
            Author("Roe", "Rick", "R"),
            Author("Poe", "Ada", "A"),
            Author("Moe", "Bo", "B"),
        ),
        doi=f"10.5555/inv.{pmid}",
        languages=("eng",),
        publication_types=(PublicationType("Journal Article", "D016428"),),
    )
    values.update(extra)
    return Record(**values)  # type: ignore[arg-type]


def _tags(on_topic: bool, conditions: tuple[str, ...], routes: tuple[str, ...], design: str) -> Tags:
    return Tags(
        on_topic=on_topic,
        conditions=conditions,
        routes=routes,
        design=design,
        design_evidence=(Evidence("title", design.replace("_", " "), "design stated"),),
        condition_evidence={c: (Evidence("title", c.replace("_", " "), "condition named"),) for c in conditions},
        route_evidence={r: (Evidence("abstract:METHODS", r, "route stated for ketamine"),) for r in routes},
    )


# pmid -> (record, tags, when it enters)
OLD_RECORDS = {
    "101": (
        _record("101", "Older trial of IV ketamine in CRPS", year=2019),
        _tags(True, ("crps",), ("intravenous",), "rct"),
        OLD,
    ),
    "102": (
        _record("102", "Older cohort in fibromyalgia", year=2018),
        _tags(True, ("fibromyalgia",), ("oral",), "observational"),
        OLD,
    ),
    "103": (
        _record("103", "Older review of neuropathic pain", year=2015),
        _tags(True, ("postherpetic_neuralgia",), ("topical",), "review"),
        OLD,
    ),
    "105": (
        _record("105", "A paper later retracted", year=2020),
        _tags(True, ("cancer_pain",), ("subcutaneous",), "case_report"),
        OLD,
    ),
}
PERIOD_RECORDS = {
    "201": (
        _record("201", "Systematic review of IV ketamine in CRPS", year=2025),
        _tags(True, ("crps",), ("intravenous",), "systematic_review"),
        NEW,
    ),
    "202": (
        _record("202", "Randomised trial of oral ketamine in trigeminal neuralgia", year=2026, pmcid="PMC999"),
        _tags(True, ("trigeminal_neuralgia",), ("oral",), "rct"),
        NEW,
    ),
    "203": (
        _record("203", "Randomised trial in painful diabetic and other neuropathic pain", year=2024),
        _tags(True, ("diabetic_neuropathy", "neuropathic_pain"), ("intravenous", "oral"), "rct"),
        NEW,
    ),
    "204": (
        _record("204", "Cohort of fibromyalgia patients", year=2025, abstract=None),
        _tags(True, ("fibromyalgia",), (), "observational"),
        NEW,
    ),
    "205": (
        _record("205", HOSTILE_TITLE, year=2025, abstract=HOSTILE_ABSTRACT, journal=HOSTILE_JOURNAL),
        _tags(True, ("crps",), ("topical",), "case_report"),
        NEW,
    ),
    "206": (_record("206", "Esketamine for depression", year=2025), _tags(False, (), ("intranasal",), "rct"), NEW),
}
LATER_RECORDS = {
    "301": (
        _record("301", "Entered after the period", year=2026),
        _tags(True, ("crps",), ("intravenous",), "rct"),
        LATER,
    ),
}
RETRACTED = _record(
    "105",
    "A paper later retracted",
    year=2020,
    publication_types=(PublicationType("Retracted Publication", "D016441"),),
)

ALL_TAGS = {
    pmid: tags for group in (OLD_RECORDS, PERIOD_RECORDS, LATER_RECORDS) for pmid, (_, tags, _) in group.items()
}


def tagger(record: Record) -> Tags:
    return ALL_TAGS[record.pmid]


def fill(store: Store, *, with_previous_digest: bool = True, later: bool = True) -> None:
    """Load the timeline above into ``store``."""
    store_records(store, [r for r, _, _ in OLD_RECORDS.values()], tagger=tagger, topic=TOPIC_NAME, now=OLD)
    if with_previous_digest:
        store.add_digest(
            TOPIC_NAME,
            OLD,
            PREVIOUS_END,
            "/nonexistent/previous.html",
            {"new": 4, "on_topic": 4, "trials": 1, "systematic_reviews": 0},
        )
    store_records(
        store, [r for r, _, _ in PERIOD_RECORDS.values()] + [RETRACTED], tagger=tagger, topic=TOPIC_NAME, now=NEW
    )
    if later:
        store_records(store, [r for r, _, _ in LATER_RECORDS.values()], tagger=tagger, topic=TOPIC_NAME, now=LATER)
