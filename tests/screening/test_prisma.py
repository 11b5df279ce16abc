"""PRISMA 2020 counts per update and in total: exactly the issue's keys, counts that add up, a fetch run's
search counts, and the flow diagram as SVG."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from lxml import etree

from litscan.config import load_topic
from litscan.screening import Choice, decide, prisma_report
from litscan.screening.flow_diagram import diagram
from litscan.screening.prisma import KEYS, format_report
from litscan.store import RecordFilter
from tests.fake_eutils import FakeRecord, make_records
from tests.pipeline.test_run import TOPIC_FILE, fake_server, fast_client, run

from . import screening_data as data

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def bundled():
    """The bundled topic (its reasons), searched from 2020 on against the fake E-utilities."""
    return dataclasses.replace(load_topic(TOPIC_FILE), start=dt.date(2020, 1, 1))


def _decide_some(store, topic) -> None:
    decide(store, topic, ["12", "16"], Choice("include"))
    decide(store, topic, ["14"], Choice("exclude", "wrong_population"))
    decide(store, topic, ["15"], Choice("exclude", "wrong_design"))
    decide(store, topic, ["13"], Choice("maybe"))
    decide(store, topic, ["21"], Choice("exclude", "acute_pain_only"))


def _adds_up(block: dict) -> None:
    assert block["identified"] == block["already_stored"] + block["new"]
    assert block["new"] == block["screened"] + block["awaiting"]
    assert block["screened"] == block["included"] + block["excluded"] + block["maybe"]
    assert sum(block["excluded_by_reason"].values()) == block["excluded"]


def test_counts_per_update_and_in_total(store):
    topic = data.make_topic()
    data.fill(store, later=True)
    _decide_some(store, topic)
    report = prisma_report(store, topic).as_dict()
    assert set(report) == {"total", "updates"}
    assert all(list(block) == list(KEYS) for block in [report["total"], *report["updates"]])
    first, second = report["updates"]
    assert (first["identified"], first["already_stored"], first["new"]) == (6, 0, 6)
    assert (first["screened"], first["awaiting"]) == (5, 1)
    assert (first["included"], first["excluded"], first["maybe"]) == (2, 2, 1)
    assert first["excluded_by_reason"] == {"wrong_population": 1, "acute_pain_only": 0, "wrong_design": 1}
    assert (second["identified"], second["already_stored"], second["new"], second["excluded"]) == (2, 1, 1, 1)
    assert second["excluded_by_reason"]["acute_pain_only"] == 1
    total = report["total"]
    assert (total["identified"], total["new"], total["screened"], total["awaiting"]) == (8, 7, 6, 1)
    for block in [total, *report["updates"]]:
        _adds_up(block)


def test_a_revised_decision_still_counts_by_its_decision(store):
    topic = data.make_topic()
    data.fill(store)
    decide(store, topic, ["12"], Choice("include"))
    data.revise(store, "12", comments_corrections=data.RETRACTION)
    [update] = prisma_report(store, topic).updates
    assert (update.counts.included, update.counts.changed_since_screened) == (1, 1)
    assert "changed since screened (to screen again): 1" in format_report(prisma_report(store, topic))


def test_a_store_without_runs_counts_everything_in_one_update(store):
    from litscan.pipeline.prepare import store_records

    store_records(store, [data.record(p) for p in data.RECORDS], tagger=data.tagger, topic=data.TOPIC)
    report = prisma_report(store, data.make_topic()).as_dict()
    assert len(report["updates"]) == 1 and report["total"]["identified"] == report["total"]["new"] == 6


def test_the_flow_diagram_is_svg_with_the_latest_updates_counts(store):
    topic = data.make_topic()
    data.fill(store, later=True)
    _decide_some(store, topic)
    svg = etree.fromstring(diagram(prisma_report(store, topic)).encode())
    assert svg.tag == f"{SVG}svg" and svg.get("role") == "img"
    texts = " ".join(t.text or "" for t in svg.iter(f"{SVG}text")).replace("\u00a0", " ")
    assert "Records identified from PubMed (n = 2)" in texts
    assert "already in the store from earlier searches (n = 1)" in texts
    assert "Acute pain only (n = 1)" in texts
    assert "Studies included in the previous version of the review (n = 2)" in texts
    assert "Total studies included in the review (n = 2)" in texts
    assert "2 records identified" in svg.find(f"{SVG}desc").text


def test_a_fetch_run_records_what_the_search_found(store, bundled):
    records = make_records(40, first_day=dt.date(2026, 5, 1), last_day=dt.date(2026, 5, 31))
    with fake_server(records) as fake:
        client = fast_client(fake.url)
        assert run(store, bundled, client).ok
        pmids = sorted(item.pmid for item in store.query(RecordFilter(topic=bundled.name)))
        decide(store, bundled, pmids[:3], Choice("include"))
        decide(store, bundled, pmids[3:5], Choice("exclude", "duplicate"))
        fake.add([FakeRecord(41_000_000 + i, dt.date(2026, 6, 3), dt.date(2026, 6, 3)) for i in range(4)])
        fake.retract([int(pmids[0])], on=dt.date(2026, 6, 3))
        assert run(store, bundled, client, now=dt.datetime(2026, 6, 4, tzinfo=dt.UTC)).ok
    report = prisma_report(store, bundled).as_dict()
    first, second = report["updates"]
    assert (first["identified"], first["already_stored"], first["new"]) == (40, 0, 40)
    assert (first["included"], first["excluded"], first["excluded_by_reason"]["duplicate"]) == (3, 2, 2)
    latest_run = store.runs(bundled.name)[0]["detail"]
    # what the second search listed: the 4 new records, the retracted one and those in the window's overlap
    assert second["new"] == 4 and second["already_stored"] == latest_run["already_stored"] >= 1
    assert second["identified"] == latest_run["identified"]  # every record listed was stored already or is new
    for block in [report["total"], first, second]:
        _adds_up(block)
    flagged = prisma_report(store, bundled).updates[0].counts.changed_since_screened
    assert flagged == 1
