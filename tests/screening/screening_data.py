"""Invented records for the screening tests: a topic with exclusion reasons, records of several designs
on and off topic, stored at fixed times, and helpers to revise them as PubMed would."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from litscan.config import ScreeningSettings, Topic
from litscan.models import AbstractSection, CommentCorrection, MeshHeading, PartialDate, Record, Tags
from litscan.pipeline.prepare import store_records
from litscan.store import Store

from ..conftest import make_record

TOPIC = "t"
REASONS = {
    "wrong_population": "Wrong population",
    "acute_pain_only": "Acute pain only",
    "wrong_design": "Wrong study design",
}
VOCAB = Path(__file__).resolve().parents[2] / "queries" / "chronic-pain.vocab.toml"
FIRST = "2026-02-01T09:00:00.000000Z"
SECOND = "2026-03-01T09:00:00.000000Z"

# pmid -> (title, on topic, design, publication year)
RECORDS = {
    "11": ("Observational cohort on ketamine in CRPS", True, "observational", 2024),
    "12": ("Randomised trial of ketamine in fibromyalgia", True, "rct", 2023),
    "13": ("Systematic review of ketamine for neuropathic pain", True, "systematic_review", 2022),
    "14": ("Randomised trial of esketamine for depression", False, "rct", 2025),
    "15": ("Case report of topical ketamine", True, "case_report", 2025),
    "16": ("Randomised trial of oral ketamine in cancer pain", True, "rct", 2025),
}
LATER = {"21": ("Randomised trial of intranasal ketamine in migraine", True, "rct", 2026)}


def make_topic(**screening: object) -> Topic:
    return Topic(
        name=TOPIC,
        title="Test topic",
        term="ketamine",
        start=dt.date(2020, 1, 1),
        vocabulary_path=VOCAB,
        screening=ScreeningSettings(reasons=dict(REASONS)) if not screening else ScreeningSettings(**screening),  # type: ignore[arg-type]
    )


def write_topic_file(folder: Path, extra: str = "") -> Path:
    """The topic as a file, for the command line."""
    reasons = "\n".join(f'{rid} = "{label}"' for rid, label in REASONS.items())
    path = folder / f"{TOPIC}.toml"
    path.write_text(
        f'name = "{TOPIC}"\nterm = "ketamine"\nstart = 2020-01-01\nvocabulary = "{VOCAB}"\n{extra}\n'
        f"[screening.reasons]\n{reasons}\n",
        encoding="utf-8",
    )
    return path


def record(pmid: str, table: dict[str, tuple[str, bool, str, int]] | None = None, **changes: object) -> Record:
    title, _, _, year = (table or {**RECORDS, **LATER})[pmid]
    base = make_record(
        pmid,
        title,
        pub_date=PartialDate(year, 1, 1),
        abstract_sections=(AbstractSection("Adults with chronic pain received ketamine.", "METHODS", "METHODS"),),
        doi=f"10.5555/screen.{pmid}",
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def tagger(rec: Record) -> Tags:
    _, on_topic, design, _ = {**RECORDS, **LATER}[rec.pmid]
    return Tags(on_topic=on_topic, conditions=("crps",), routes=("intravenous",), design=design)


def fill(store: Store, *, later: bool = False) -> None:
    """The first update's records (and, with ``later``, the second's), each in a run of its own."""
    _update(store, [record(p) for p in RECORDS], FIRST, already=0, identified=len(RECORDS))
    if later:
        _update(store, [record(p) for p in LATER] + [record("11")], SECOND, already=1, identified=2)


def _update(store: Store, records: list[Record], at: str, *, already: int, identified: int) -> None:
    run = store.start_run("fetch", TOPIC, {"window": {"crdt": "2026/01/01..2026/02/01"}})
    store.connection.execute("UPDATE runs SET started_at = ? WHERE id = ?", (at, run))
    store.connection.commit()
    store_records(store, records, tagger=tagger, topic=TOPIC, now=at)
    store.finish_run(run, "ok", {"identified": identified, "already_stored": already})


def revise(store: Store, pmid: str, **changes: object) -> None:
    """Store a revised version of a record, as a later fetch would."""
    store_records(store, [record(pmid, **changes)], tagger=tagger, topic=TOPIC)


NEW_ABSTRACT = (
    AbstractSection("Adults with chronic pain received ketamine; pain fell by half.", "RESULTS", "RESULTS"),
)
NEW_MESH = (MeshHeading("Ketamine", "D007649", True),)
RETRACTION = (CommentCorrection("RetractionIn", "J Invented. 2026;1:1", "99"),)
