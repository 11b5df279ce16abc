"""What a condition's context makes of it: denied, a result that is negative, a hypothesis the study
tests, and an abbreviation defined in the background and used of the study's own patients.

A negative result ("ketamine did not reduce pain in CRPS") still names the study's population; a
denied condition ("none with neuropathic pain") does not; the study's own hypothesis names its
population; an abbreviation the background defines counts where the methods use it.
"""

from __future__ import annotations

import pytest

from litscan.models import Record
from litscan.tagging.tagger import Tagger

from .records import record

_CRPS_TRIAL = ("METHODS", "Sixty patients with CRPS were randomised.")
_RANDOMISED = ("METHODS", "Sixty patients were randomised.")

SCOPES: list[tuple[str, tuple[str, ...], Record]] = [
    (
        "a negative result",
        ("crps",),
        record("Ketamine for CRPS", _CRPS_TRIAL, ("RESULTS", "Ketamine did not reduce pain in CRPS at 12 weeks.")),
    ),
    (
        "not superior in the population",
        ("crps",),
        record("Ketamine for CRPS", _CRPS_TRIAL, ("RESULTS", "Ketamine was not superior to placebo in CRPS.")),
    ),
    (
        "a negative conclusion",
        ("crps",),
        record("Ketamine for CRPS", _CRPS_TRIAL, ("CONCLUSIONS", "Ketamine cannot be recommended for CRPS.")),
    ),
    (
        "none with another condition",
        ("fibromyalgia",),
        record(
            "Ketamine for widespread pain",
            ("METHODS", "Thirty women with fibromyalgia, none with neuropathic pain, received ketamine."),
        ),
    ),
    (
        "neither one nor another",
        ("fibromyalgia",),
        record(
            "Ketamine for widespread pain",
            ("METHODS", "Thirty women with fibromyalgia but neither migraine nor neuropathic pain received ketamine."),
        ),
    ),
    (
        "no history of",
        ("fibromyalgia",),
        record(
            "Ketamine for widespread pain",
            ("METHODS", "Thirty women with fibromyalgia but no history of migraine received ketamine."),
        ),
    ),
    (
        "an outcome that did not occur",
        ("fibromyalgia",),
        record(
            "Ketamine for widespread pain",
            ("METHODS", "Thirty women with fibromyalgia received ketamine."),
            ("RESULTS", "No patient developed CRPS."),
        ),
    ),
    (
        "ruled out",
        ("crps",),
        record(
            "Ketamine in CRPS",
            ("METHODS", "Twenty patients with CRPS, in whom neuropathic pain was ruled out, received ketamine."),
        ),
    ),
    (
        "the objective's question",
        ("crps",),
        record(
            "Ketamine: a randomized trial",
            ("OBJECTIVE", "To determine whether ketamine might relieve pain in CRPS."),
            _RANDOMISED,
        ),
    ),
    (
        "the study's hypothesis in the background",
        ("crps",),
        record(
            "Ketamine: a randomized trial",
            ("BACKGROUND", "We hypothesized that ketamine may reduce pain in CRPS."),
            _RANDOMISED,
        ),
    ),
    (
        "the hypothesis tested, unlabelled",
        ("crps",),
        record(
            "Ketamine: a randomized trial",
            "We tested the hypothesis that ketamine could relieve CRPS pain. Sixty patients were randomised.",
        ),
    ),
]


@pytest.mark.parametrize(("case", "rows", "rec"), SCOPES, ids=[c[0] for c in SCOPES])
def test_what_the_context_makes_of_a_condition(tagger: Tagger, case: str, rows: tuple[str, ...], rec: Record) -> None:
    assert tagger.tag(rec).conditions == rows, case


ABBREVIATIONS = [
    (
        "trigeminal_neuralgia",
        "Trigeminal neuralgia (TN) is a severe facial pain.",
        "We gave ketamine to 20 TN patients.",
    ),
    ("central_poststroke_pain", "Central post-stroke pain (CPSP) is difficult to treat.", "Twenty patients with CPSP"),
    ("chronic_postsurgical_pain", "Chronic postsurgical pain (CPSP) follows many operations.", "Twenty with CPSP"),
    ("fibromyalgia", "Fibromyalgia (FM) is common.", "Thirty FM patients"),
    ("diabetic_neuropathy", "Painful diabetic neuropathy (PDN) affects many diabetics.", "Thirty patients with PDN"),
    ("low_back_pain", "Chronic low back pain (CLBP) is common.", "Thirty patients with CLBP"),
    ("chronic_pain_general", "Chronic non-cancer pain (CNCP) is common.", "Thirty patients with CNCP"),
    ("chronic_postsurgical_pain", "Persistent postsurgical pain (PPP) is common.", "Thirty patients with PPP"),
    ("cancer_pain", "Cancer-related pain (CRP) is common.", "Thirty patients with CRP"),
]


@pytest.mark.parametrize(("row", "defined", "used"), ABBREVIATIONS, ids=[a[2] for a in ABBREVIATIONS])
@pytest.mark.parametrize("labelled", [True, False], ids=["sections", "unlabelled"])
def test_an_abbreviation_defined_in_the_background_names_the_study_population(
    tagger: Tagger, row: str, defined: str, used: str, labelled: bool
) -> None:
    methods = f"{used} received ketamine." if "ketamine" not in used else used
    if labelled:
        rec = record(
            "Ketamine: a clinical study", ("BACKGROUND", defined), ("METHODS", methods), ("RESULTS", "Pain fell.")
        )
    else:
        rec = record("Ketamine: a clinical study", f"{defined} {methods} Pain fell.")
    tags = tagger.tag(rec)
    assert tags.conditions == (row,)
    assert tags.on_topic
