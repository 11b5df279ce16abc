"""Evidence for every decision, on topic or not and each condition: never empty text, decisive first."""

from __future__ import annotations

import pytest

from litscan.models import AbstractSection, Record, Tags
from litscan.tagging.explain import explain_tags, explanation
from litscan.tagging.tagger import Tagger

from .records import record

# Invented records, one for each way a decision is reached.
RECORDS = {
    "not mentioned": record("Pregabalin for fibromyalgia", "We randomised 90 women to pregabalin or placebo."),
    "only mentioned": record(
        "Pregabalin for fibromyalgia", "We randomised 90 women to pregabalin. Ketamine has been used before."
    ),
    "off-topic context": record("Esketamine for treatment-resistant depression", "Sixty adults received esketamine."),
    "no population": record("Ketamine in adults", ("METHODS", "Forty adults received ketamine before surgery.")),
    "acute pain": record("Ketamine for acute migraine attacks", "Forty adults received ketamine."),
    "a condition": record("Ketamine for CRPS", ("METHODS", "Twelve adults with CRPS received ketamine.")),
    "a chronic population": record("Ketamine for pain", "We treated 30 patients of a pain clinic with ketamine."),
    "a model": record(
        "Ketamine in rats", "Rats given complete Freund's adjuvant received ketamine; hyperalgesia fell."
    ),
    "a mixed population": record(
        "Ketamine infusions in a pain service",
        "We reviewed 80 patients. Diagnoses were CRPS, fibromyalgia and migraine.",
    ),
    "no text": Record(pmid="5"),
    "title only": Record(pmid="6", title="Ketamine"),
    "abstract only": Record(pmid="7", abstract_sections=(AbstractSection("Ketamine helped 12 adults with CRPS."),)),
}


def assert_every_decision_has_evidence(tags: Tags, where: str) -> None:
    assert tags.on_topic_evidence and all(e.text.strip() for e in tags.on_topic_evidence), f"{where}: on_topic"
    for cid in tags.conditions:
        evidence = tags.condition_evidence.get(cid, ())
        assert evidence and all(e.text.strip() for e in evidence), f"{where}: condition {cid}"


@pytest.mark.parametrize("name", list(RECORDS))
def test_every_decision_has_evidence_text(tagger: Tagger, name: str) -> None:
    assert_every_decision_has_evidence(tagger(RECORDS[name]), name)


@pytest.mark.parametrize(
    ("name", "on_topic", "first_reason"),
    [
        ("not mentioned", False, "named nowhere"),
        ("only mentioned", False, "only mentioned"),
        ("off-topic context", False, "about depression"),
        ("no population", False, "no chronic pain condition"),
        ("acute pain", False, "acute pain here"),
        ("a condition", True, "a chronic pain condition"),
        ("a chronic population", True, "a chronic pain population"),
        ("a model", True, "a chronic pain model"),
        ("a mixed population", True, "a mixed population"),
    ],
)
def test_the_decisive_evidence_comes_first(tagger: Tagger, name: str, on_topic: bool, first_reason: str) -> None:
    tags = tagger(RECORDS[name])
    assert tags.on_topic is on_topic
    assert first_reason in tags.on_topic_evidence[0].reason


def test_evidence_names_the_rule_that_matched(tagger: Tagger) -> None:
    tags = tagger(RECORDS["a condition"])
    assert "condition 'crps'.patterns[" in tags.condition_evidence["crps"][0].reason
    tags = tagger(RECORDS["off-topic context"])
    assert "[topic.off_topic.depression]" in tags.on_topic_evidence[0].reason


def test_the_decisive_condition_mention_comes_first(tagger: Tagger) -> None:
    tags = tagger(
        record(
            "Ketamine infusions",
            (
                "METHODS",
                "We enrolled adults with pain syndromes such as CRPS. Twenty adults with CRPS received ketamine.",
            ),
        )
    )
    first = tags.condition_evidence["crps"][0]
    assert first.text.startswith("Twenty adults")  # the population itself, before the mention as an example


def test_explain_marks_the_decisive_piece(tagger: Tagger) -> None:
    rec = RECORDS["off-topic context"]
    tags = tagger(rec)
    text = explain_tags(rec, tags)
    assert "- decided by: about depression" in text and "- also: ketamine is the studied" in text
    data = explanation(rec, tags)
    assert data["on_topic"]["decided_by"] == data["on_topic"]["evidence"][0]
    assert data["on_topic"]["decided_by"]["text"]
