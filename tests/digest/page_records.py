"""A second small store for the page's own tests: one period holding every kind of card the page draws.

Invented records (every sentence written for these tests): a systematic review and trials with sample
sizes in their abstracts, a retracted trial, a protocol and a narrative review (no results), a record
that states no route and one that states two, a title a spreadsheet would run as a formula, and two
off-topic records with different reasons. One older record gives the map its all-time counts; an older
off-topic record is flagged retracted in the period.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from litscan.config import DigestSettings, EmailSettings, Topic
from litscan.models import AbstractSection, Author, Evidence, PartialDate, PublicationType, Record, Tags
from litscan.pipeline.prepare import store_records
from litscan.store import Store

TOPIC = "p"
OLD = "2026-02-02T09:00:00.000000Z"
NEW = "2026-03-03T09:00:00.000000Z"
SINCE = "2026-03-01"
UNTIL = "2026-03-07"
RAN_AT = "2026-03-08T06:00:00.000000Z"
FORMULA_TITLE = '=HYPERLINK("http://invalid.example","ketamine") case of phantom limb pain'
RETRACTED = PublicationType("Retracted Publication", "D016441")


def make_topic(tmp_path: Path) -> Topic:
    vocab = tmp_path / "p.vocab.toml"
    vocab.write_text("# not read: the tests pin the built-in labels\n", encoding="utf-8")
    return Topic(
        name=TOPIC,
        title="Drug X for pain",
        term="drug x",
        start=dt.date(2000, 1, 1),
        vocabulary_path=vocab,
        digest=DigestSettings(),
        email=EmailSettings(),
    )


def _record(pmid: str, title: str, sections: list[tuple[str, str]], *, year: int = 2025, **extra: object) -> Record:
    parts = tuple(AbstractSection(text, label or None, label or None) for label, text in sections)
    values: dict[str, object] = dict(
        pmid=pmid,
        title=title,
        journal="Invented Journal of Pain",
        pub_date=PartialDate(year, 6, 1),
        abstract_sections=parts,
        authors=(Author("Doe", "Jane", "J"), Author("Roe", "Rick", "R")),
        doi=f"10.5555/p.{pmid}",
        languages=("eng",),
        publication_types=(PublicationType("Journal Article", "D016428"),),
    )
    values.update(extra)
    return Record(**values)  # type: ignore[arg-type]


def _tags(design: str, conditions: tuple[str, ...], routes: tuple[str, ...], **extra: object) -> Tags:
    return Tags(
        on_topic=bool(extra.pop("on_topic", True)),
        conditions=conditions,
        routes=routes,
        design=design,
        design_evidence=(Evidence("title", design.replace("_", " "), "design stated"),),
        condition_evidence={c: (Evidence("title", c.replace("_", " "), "condition named"),) for c in conditions},
        route_evidence={r: (Evidence("abstract:METHODS", r, "route stated for drug x"),) for r in routes},
        on_topic_evidence=extra.pop("why", ()),  # type: ignore[arg-type]
    )


STUDIED = Evidence("title", "drug x", "drug x is the studied intervention (title)")

# pmid -> (record, tags)
PERIOD = {
    "401": (
        _record(
            "401",
            "Drug X for complex regional pain syndrome: a systematic review",
            [
                ("METHODS", "We searched five databases for randomised trials of drug X."),
                (
                    "RESULTS",
                    "We included 12 studies with 1,340 participants. Pain fell by 1.9 points (95% CI 1.2-2.6).",
                ),
                ("CONCLUSIONS", "Drug X reduced pain in complex regional pain syndrome compared with placebo."),
            ],
            year=2026,
        ),
        _tags("systematic_review", ("crps",), ("intravenous",)),
    ),
    "402": (
        _record(
            "402",
            "Oral and intravenous drug X in trigeminal neuralgia: a randomised trial",
            [
                ("METHODS", "Forty adults were randomised to drug X or placebo in a double-blind trial."),
                ("RESULTS", "Attacks fell by 45% with drug X and by 10% with placebo (P = 0.002)."),
                ("CONCLUSIONS", "Drug X reduced attacks of trigeminal neuralgia. Further research is needed."),
                ("TRIAL REGISTRATION", "ClinicalTrials.gov NCT01234567."),
            ],
        ),
        _tags("rct", ("trigeminal_neuralgia",), ("oral", "intravenous")),
    ),
    "403": (
        _record(
            "403",
            "Drug X infusions in complex regional pain syndrome: a randomised trial",
            [
                ("METHODS", "Sixty patients were randomised to drug X or saline."),
                ("CONCLUSIONS", "Drug X halved pain scores compared with saline."),
            ],
            publication_types=(PublicationType("Randomized Controlled Trial", "D016449"), RETRACTED),
        ),
        _tags("rct", ("crps",), ("intravenous",)),
    ),
    "404": (
        _record(
            "404",
            "Drug X in fibromyalgia: a cohort",
            [("RESULTS", "Of 212 patients followed for a year, pain improved in 48%.")],
        ),
        _tags("observational", ("fibromyalgia",), ()),
    ),
    "405": (
        _record(
            "405", "Drug X for cancer pain: a trial protocol", [("METHODS", "The trial will randomise 80 adults.")]
        ),
        _tags("protocol", ("cancer_pain",), ("subcutaneous",)),
    ),
    "406": (
        _record(
            "406", "Drug X for headache: a narrative review", [("", "Drug X has been used for headache for decades.")]
        ),
        _tags("review", ("headache",), ("intranasal",)),
    ),
    "407": (
        _record(
            "407", FORMULA_TITLE, [("CASE", "A 40-year-old man with phantom limb pain improved on topical drug X.")]
        ),
        _tags("case_report", ("phantom_limb_pain",), ("topical",)),
    ),
    "408": (
        _record(
            "408",
            "Drug X in a rat model of neuropathic pain",
            [("RESULTS", "Thirty rats received drug X; mechanical allodynia was reduced compared with vehicle.")],
        ),
        _tags("preclinical", ("neuropathic_pain",), ("intravenous",)),
    ),
    "409": (
        _record(
            "409",
            "Drug X for treatment-resistant depression: a randomised trial",
            [("CONCLUSIONS", "Drug X relieved depression within a day compared with placebo.")],
        ),
        _tags(
            "rct",
            (),
            ("intranasal",),
            on_topic=False,
            why=(STUDIED, Evidence("title", "depression", 'about depression ("depression"), not chronic pain')),
        ),
    ),
    "410": (
        _record("410", "Opioid rotation in cancer pain", [("RESULTS", "Rotation helped 30 of 50 patients.")]),
        _tags("observational", (), (), on_topic=False, why=(Evidence("abstract", "", "drug x is not mentioned"),)),
    ),
}
OLDER = {
    "301": (
        _record("301", "An older trial of drug X in CRPS", [("RESULTS", "Pain fell with drug X.")], year=2019),
        _tags("rct", ("crps",), ("intravenous",)),
    ),
    "302": (
        _record("302", "An older off-topic paper", [("RESULTS", "Nothing about pain.")], year=2018),
        _tags("other", (), (), on_topic=False, why=(Evidence("abstract", "", "drug x is not mentioned"),)),
    ),
}
RETRACTED_LATER = _record(
    "302", "An older off-topic paper", [("RESULTS", "Nothing about pain.")], year=2018, publication_types=(RETRACTED,)
)

ALL = {pmid: tags for group in (PERIOD, OLDER) for pmid, (_, tags) in group.items()}


def fill(store: Store) -> None:
    tagger = lambda record: ALL[record.pmid]  # noqa: E731
    store_records(store, [r for r, _ in OLDER.values()], tagger=tagger, topic=TOPIC, now=OLD)
    store_records(store, [r for r, _ in PERIOD.values()] + [RETRACTED_LATER], tagger=tagger, topic=TOPIC, now=NEW)
