"""Screening decisions in the store: what they hold, that they outlive later runs, that bad input changes
nothing, and that a record PubMed revises is flagged and shown again."""

from __future__ import annotations

import pytest

from litscan.errors import InputError
from litscan.screening import Choice, choice_from_options, decide, screening_list

from . import screening_data as data


def _count(store) -> int:
    return store.connection.execute("SELECT COUNT(*) FROM screening_decisions").fetchone()[0]


def _undecided(store, topic) -> list[str]:
    return [item.pmid for item in screening_list(store, topic, undecided=True)]


def test_a_decision_holds_its_reason_note_reviewer_and_time(store):
    topic = data.make_topic()
    data.fill(store)
    decide(store, topic, ["14"], Choice("exclude", "wrong_population", "  depression,\n not pain "), by="Ana")
    decide(store, topic, ["12"], Choice("include"), by="Ben", at="2026-02-03T10:00:00.000000Z")
    decide(store, topic, ["15"], Choice("maybe", note="ask Ben"))
    latest = store.latest_decisions(data.TOPIC)
    assert (latest["14"].decision, latest["14"].reason, latest["14"].note) == (
        "exclude",
        "wrong_population",
        "depression, not pain",
    )
    assert latest["14"].by == "Ana" and latest["14"].at.startswith("20") and latest["14"].source == "cli"
    assert (latest["12"].decision, latest["12"].by, latest["12"].at) == (
        "include",
        "Ben",
        "2026-02-03T10:00:00.000000Z",
    )
    assert latest["15"].decision == "maybe" and latest["15"].by  # the OS user when nobody is named
    assert sorted(_undecided(store, topic)) == ["11", "13", "16"]


def test_a_later_decision_adds_to_the_trail_and_counts(store):
    topic = data.make_topic()
    data.fill(store)
    decide(store, topic, ["13"], Choice("maybe"), by="Ana")
    decide(store, topic, ["13"], Choice("include"), by="Ben")
    assert [d.decision for d in store.decision_history(data.TOPIC, "13")] == ["maybe", "include"]
    assert store.latest_decisions(data.TOPIC)["13"].by == "Ben"


def test_decisions_outlive_later_runs_and_decided_records_are_not_new_again(store):
    topic = data.make_topic()
    data.fill(store)
    decide(store, topic, ["11", "12", "13", "14", "15", "16"], Choice("include"))
    # A second update stores a new record and fetches record 11 again unchanged.
    data._update(store, [data.record("21"), data.record("11")], data.SECOND, already=1, identified=2)
    data.revise(store, "12")  # the same content again
    assert _undecided(store, topic) == ["21"]
    assert len(store.latest_decisions(data.TOPIC)) == 6


@pytest.mark.parametrize(
    ("change", "flagged"),
    [
        ({"abstract_sections": data.NEW_ABSTRACT}, True),
        ({"comments_corrections": data.RETRACTION}, True),
        ({"title": "Randomised trial of ketamine in fibromyalgia: corrected title"}, True),
        ({"mesh": data.NEW_MESH}, False),  # indexing, not what the screener read
        ({"volume": "9", "pages": "1-9"}, False),
    ],
)
def test_a_revised_record_is_flagged_changed_since_screened_and_shown_again(store, change, flagged):
    topic = data.make_topic()
    data.fill(store)
    decide(store, topic, list(data.RECORDS), Choice("exclude", "wrong_design"))
    data.revise(store, "12", **change)
    [item] = [i for i in screening_list(store, topic) if i.pmid == "12"]
    assert item.changed_since_screened is flagged
    assert item.decision == "exclude"  # the decision stays; the flag asks for a second look
    assert _undecided(store, topic) == (["12"] if flagged else [])
    if flagged:
        decide(store, topic, ["12"], Choice("exclude", "wrong_design"))  # screened again: the flag clears
        assert _undecided(store, topic) == []


@pytest.mark.parametrize(
    ("pmids", "choice", "message"),
    [
        (["12", "999"], Choice("include"), "PMID 999 not in the store"),
        (["12", "abc"], Choice("include"), "abc"),
        (["12"], Choice("exclude", "too_small"), "'too_small' is not an exclusion reason of topic t"),
        (["12"], Choice("include", "wrong_design"), "goes only with exclude"),
        (["12"], Choice("perhaps"), "not one of include, exclude, maybe"),
        ([], Choice("include"), "no PMID"),
    ],
)
def test_bad_input_is_one_line_and_records_nothing(store, pmids, choice, message):
    topic = data.make_topic()
    data.fill(store)
    with pytest.raises(InputError, match=message) as raised:
        decide(store, topic, pmids, choice)
    assert "\n" not in str(raised.value)
    assert _count(store) == 0


def test_a_record_of_another_topic_is_refused(store):
    data.fill(store)
    from litscan.pipeline.prepare import store_records

    store_records(store, [data.record("21")], tagger=data.tagger, topic="other")
    with pytest.raises(InputError, match="not a record of topic t"):
        decide(store, data.make_topic(), ["12", "21"], Choice("include"))
    assert _count(store) == 0


@pytest.mark.parametrize(
    ("include", "exclude", "maybe", "expected"),
    [
        (True, None, False, Choice("include")),
        (False, "wrong_design", False, Choice("exclude", "wrong_design")),
        (False, None, True, Choice("maybe")),
    ],
)
def test_the_command_line_options_make_one_choice(include, exclude, maybe, expected):
    assert choice_from_options(include, exclude, maybe, None) == expected


@pytest.mark.parametrize(
    ("include", "exclude", "maybe"), [(True, "x", False), (False, None, False), (True, None, True)]
)
def test_not_exactly_one_choice_is_refused(include, exclude, maybe):
    with pytest.raises(InputError, match="exactly one"):
        choice_from_options(include, exclude, maybe, None)


def test_an_empty_reason_is_refused():
    with pytest.raises(InputError, match="needs a reason"):
        choice_from_options(False, " ", False, None)
