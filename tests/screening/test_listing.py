"""The screening list: most likely inclusions first (on topic, then design strength, then newest), what each
entry says, and the text the command line prints."""

from __future__ import annotations

from litscan.models import Deletion
from litscan.pipeline.prepare import store_records
from litscan.screening import Choice, decide, screening_list
from litscan.screening.listing import format_list

from . import screening_data as data


def test_on_topic_then_design_strength_then_newest(store):
    data.fill(store)
    order = [item.pmid for item in screening_list(store, data.make_topic())]
    # systematic review; trials newest first (16: 2025, 12: 2023); cohort; case report; the off-topic trial last
    assert order == ["13", "16", "12", "11", "15", "14"]


def test_a_retracted_paper_comes_after_the_others_of_its_design(store):
    data.fill(store)
    data.revise(store, "16", comments_corrections=data.RETRACTION)
    order = [item.pmid for item in screening_list(store, data.make_topic())]
    assert order == ["13", "12", "16", "11", "15", "14"]


def test_withdrawn_records_come_last(store):
    data.fill(store)
    store_records(store, [Deletion("13")], tagger=data.tagger, topic=data.TOPIC)
    items = screening_list(store, data.make_topic())
    assert items[-1].pmid == "13" and items[-1].withdrawn


def test_the_undecided_list_keeps_the_order_and_drops_decided_records(store):
    topic = data.make_topic()
    data.fill(store)
    decide(store, topic, ["16", "11"], Choice("include"))
    assert [i.pmid for i in screening_list(store, topic, undecided=True)] == ["13", "12", "15", "14"]
    assert [i.pmid for i in screening_list(store, topic)] == ["13", "16", "12", "11", "15", "14"]


def test_an_entry_as_data_has_the_keys_the_json_promises(store):
    topic = data.make_topic()
    data.fill(store)
    decide(store, topic, ["14"], Choice("exclude", "wrong_population", "not pain"), by="Ana")
    entry = next(i for i in screening_list(store, topic) if i.pmid == "14").as_dict()
    assert {"pmid", "decision", "changed_since_screened"} <= set(entry)
    assert (entry["pmid"], entry["decision"], entry["reason"], entry["note"], entry["by"]) == (
        "14",
        "exclude",
        "wrong_population",
        "not pain",
        "Ana",
    )
    assert entry["changed_since_screened"] is False and entry["url"].endswith("/14/")


def test_the_text_list_marks_decisions_and_revisions(store):
    topic = data.make_topic()
    data.fill(store)
    decide(store, topic, ["12"], Choice("exclude", "wrong_design"))
    data.revise(store, "12", abstract_sections=data.NEW_ABSTRACT)
    lines = format_list(screening_list(store, topic)).splitlines()
    assert lines[1].split("\t")[:3] == ["16", "-", "rct"]
    assert lines[2].split("\t")[:2] == ["12", "exclude:wrong_design!"]
