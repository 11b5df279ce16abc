"""Every route and design decision carries evidence a reader can check, the decisive piece first."""

from __future__ import annotations

import pytest

from litscan.models import Evidence, Tags
from litscan.tagging.explain import explanation
from litscan.tagging.tagger import Tagger

from .records import record

# Invented records, one for each way a route or design gets decided (stated, listed, inferred, indexed, none).
RECORDS = [
    ("Oral ketamine for CRPS: a randomised trial", ("METHODS", "Forty patients were randomised to oral ketamine.")),
    (
        "Ketamine in chronic pain: a narrative review",
        "Ketamine can be given by many routes: intravenous, subcutaneous, oral and rectal.",
    ),
    ("Ketamine for cancer pain", ("METHODS", "Twelve patients received a ketamine infusion over 4 hours.")),
    ("Ketamine for neuropathic pain", "A 60-year-old man with neuropathic pain took ketamine lozenges."),
    ("Ketamine for pain", ""),
    ("", "Patients with fibromyalgia received intranasal ketamine and completed diaries."),
    ("", ""),
]


def decisions(tags: Tags) -> list[tuple[str, tuple[Evidence, ...]]]:
    return [("design", tags.design_evidence), *((r, tags.route_evidence.get(r, ())) for r in tags.routes)]


@pytest.mark.parametrize(("title", "text"), RECORDS)
def test_no_route_or_design_decision_lacks_evidence(tagger: Tagger, title: str, text: str | tuple[str, str]) -> None:
    tags = tagger.tag(record(title, text) if text else record(title))
    for what, evidence in decisions(tags):
        assert evidence, what
        for e in evidence:
            assert e.text.strip() and e.reason.strip(), (what, e)


@pytest.mark.parametrize("types", [("Journal Article",), ("Randomized Controlled Trial",)])
def test_a_record_with_no_text_says_why_its_design_was_decided(tagger: Tagger, types: tuple[str, ...]) -> None:
    tags = tagger.tag(record("", types=types))
    assert tags.design_evidence[0].text.strip()
    assert tags.design_evidence[0].reason


def test_explanation_and_export_show_the_decisive_route_evidence_first(tagger: Tagger) -> None:
    rec = record(
        "Ketamine in chronic pain",
        (
            "METHODS",
            "Ketamine has several routes of administration: intravenous, rectal and oral. "
            "Twenty patients took oral ketamine for 3 months.",
        ),
    )
    tags = tagger.tag(rec)
    oral = next(r for r in explanation(rec, tags)["routes"] if r["value"] == "oral")
    assert oral["evidence"][0]["reason"] == 'route "oral" stated for ketamine'
    assert tags.evidence_dict()["routes"]["oral"][0] == oral["evidence"][0]
    assert tags.evidence_dict()["design"][0]["text"]
