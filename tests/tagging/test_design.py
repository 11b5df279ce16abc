"""The design the record states of its own study; publication types fill in where it is silent."""

from __future__ import annotations

import pytest

from litscan.tagging.tagger import Tagger

from .records import record, tag


@pytest.mark.parametrize(
    ("title", "text", "design"),
    [
        ("Ketamine for CRPS: study protocol", "Sixty patients will be randomized to ketamine or placebo.", "protocol"),
        (
            "Ketamine in chronic pain",
            "We systematically searched MEDLINE and Embase for trials of ketamine.",
            "systematic_review",
        ),
        (
            "Ketamine and neuropathic pain in rats",
            "Ketamine reversed allodynia in rats after nerve ligation.",
            "preclinical",
        ),
        ("Ketamine for fibromyalgia", "Thirty patients were randomly assigned to ketamine or midazolam.", "rct"),
        (
            "Ketamine for fibromyalgia",
            "Thirty patients received open-label ketamine for four weeks.",
            "nonrandomized_trial",
        ),
        (
            "Ketamine for fibromyalgia",
            "A double-blind placebo-controlled trial of ketamine in 20 patients.",
            "nonrandomized_trial",
        ),
        ("Ketamine for CRPS", "We describe two patients with CRPS who responded to ketamine.", "case_report"),
        (
            "Ketamine for CRPS",
            "In this retrospective case series, 40 patients with CRPS received ketamine.",
            "observational",
        ),
        ("Oral ketamine in chronic pain: a narrative review", "Ketamine is used in pain clinics.", "review"),
        ("Consensus guidelines on ketamine infusions for chronic pain", "A panel reviewed the evidence.", "guideline"),
        ("Ketamine for chronic pain", "A pooled post hoc analysis of two phase 3, double-blind studies.", "rct"),
        (
            "Ketamine for CRPS according to current guidelines",
            "The study protocol was approved by the ethics committee. Forty patients were randomized.",
            "rct",
        ),
        (
            "Ketamine for CRPS: a review of 40 consecutive patients",
            "We retrospectively reviewed the records of 40 patients.",
            "observational",
        ),
    ],
)
def test_design_from_what_the_abstract_says(tagger: Tagger, title: str, text: str, design: str) -> None:
    assert tag(tagger, title, text).design == design


def test_a_review_that_cites_randomised_trials_is_a_review(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine for chronic pain: where are we now?",
        "In this review we summarise the evidence. Randomized trials of intravenous ketamine "
        "showed short-term relief in CRPS.",
    )
    assert tags.design == "review"


def test_calls_for_randomised_trials_do_not_make_a_case_report_an_rct(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine for cluster headache: report of two cases",
        ("CASE REPORTS", "Two men with chronic cluster headache received ketamine."),
        ("CONCLUSION", "Randomized, placebo-controlled studies are warranted."),
    )
    assert tags.design == "case_report"


def test_abstract_wins_over_publication_type(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine for neuropathic pain",
        "We searched PubMed and Embase and pooled 12 trials in a meta-analysis.",
        types=("Review",),
    )
    assert tags.design == "systematic_review"


def test_publication_type_fills_in_when_the_abstract_is_silent(tagger: Tagger) -> None:
    tags = tag(tagger, "Ketamine and chronic pain", types=("Journal Article", "Case Reports"))
    assert tags.design == "case_report"
    assert tags.design_evidence[0].field == "publication_type"


def test_a_recommended_trial_is_not_the_studys_own_design(tagger: Tagger) -> None:
    rec = record(
        "Oral ketamine for painful diabetic neuropathy: an open-label study",
        (
            None,
            "Twelve adults with painful diabetic neuropathy took oral ketamine for 4 weeks in a "
            "single-arm, open-label design. Pain scores fell. The result merits a randomised trial.",
        ),
    )
    assert tagger(rec).design == "nonrandomized_trial"


def test_a_few_described_people_are_a_case_report_not_a_cohort(tagger: Tagger) -> None:
    rec = record(
        "Burning perineal pain relieved by ketamine: three patients",
        (
            None,
            "We describe three women with refractory pudendal neuralgia who responded to "
            "low-dose oral ketamine taken for several months.",
        ),
    )
    assert tagger(rec).design == "case_report"
