"""The tagger on gold-shaped records written for the tests (``tests/fixtures/gold_shapes.jsonl``).

Each invented record states one of the hard kinds of issue 12 (a survey that lists conditions, a
condition named to compare or in speculation, the specific neuropathic row, a perioperative study with
or without a chronic outcome, volunteers, other indications, unusual routes...) and carries the label
the taxonomy's conventions give it. They go through parse, store and tag like the shared gold.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from litscan.models import Evidence, Record, Tags
from litscan.tagging.evaluate import load_gold, tag_gold
from litscan.tagging.explain import explain_tags, explanation
from litscan.tagging.tagger import Tagger

SHAPES = Path(__file__).resolve().parents[1] / "fixtures" / "gold_shapes.jsonl"


@pytest.fixture(scope="module")
def tagged(tagger: Tagger) -> list[tuple[dict[str, Any], Tags, Record]]:
    return tag_gold(load_gold(SHAPES), tagger)


def _name(item: dict[str, Any]) -> str:
    return f"line {item['_line']} ({item['why']})"


def _sound(evidence: tuple[Evidence, ...]) -> bool:
    return bool(evidence) and all(e.text.strip() and e.reason.strip() for e in evidence)


def test_no_decision_lacks_evidence(tagged: list[tuple[dict[str, Any], Tags, Record]]) -> None:
    empty = []
    for item, tags, _ in tagged:
        if not _sound(tags.on_topic_evidence):
            empty.append(f"{_name(item)}: on_topic {tags.on_topic}")
        empty += [f"{_name(item)}: {c}" for c in tags.conditions if not _sound(tags.condition_evidence.get(c, ()))]
    assert len(tagged) > 40
    assert empty == []


def test_the_decisive_piece_comes_first_in_explain_and_in_its_data(
    tagged: list[tuple[dict[str, Any], Tags, Record]],
) -> None:
    for item, tags, record in tagged:
        data = explanation(record, tags)
        assert data["on_topic"]["decided_by"] == tags.on_topic_evidence[0].as_dict(), _name(item)
        for c in data["conditions"]:
            assert c["decided_by"] == tags.condition_evidence[c["value"]][0].as_dict(), _name(item)
        text = explain_tags(record, tags)
        after = text.split("On topic: ", 1)[1].splitlines()
        assert after[1].startswith(f"  - decided by: {tags.on_topic_evidence[0].reason}"), _name(item)


def test_off_topic_decisions_say_why_in_the_record_s_own_words(
    tagged: list[tuple[dict[str, Any], Tags, Record]],
) -> None:
    off = [(item, tags, record) for item, tags, record in tagged if not tags.on_topic]
    assert len(off) >= 10
    for item, tags, record in off:
        decisive = tags.on_topic_evidence[0]
        assert decisive.text in f"{record.title} {record.abstract}", _name(item)


def test_on_topic_and_conditions_follow_the_conventions(tagged: list[tuple[dict[str, Any], Tags, Record]]) -> None:
    wrong = []
    for item, tags, _ in tagged:
        labels = item["labels"]
        if tags.on_topic is not labels["on_topic"]:
            wrong.append(f"{_name(item)}: on_topic {tags.on_topic}")
        if sorted(tags.conditions) != labels["conditions"]:
            wrong.append(f"{_name(item)}: conditions {sorted(tags.conditions)}, not {labels['conditions']}")
    assert wrong == []
