"""The key finding states what a study found: never a call for more research, a limitation, a
registration, funding, ethics approval or a method; records without results get a plain statement."""

from __future__ import annotations

import pytest

from litscan.appraisal.key_finding import NO_RESULT, PROTOCOL, key_finding

from .records import plain, structured, typed

FINDING = "Drug X lowered pain more than placebo (mean difference 1.2 points, P = 0.01)."


@pytest.mark.parametrize(
    "bad",
    [
        "Further randomised trials are needed to confirm these findings.",
        "Larger studies with longer follow-up are warranted.",
        "More research is required before drug X can be recommended.",
        "The role of drug X remains to be determined in future work.",
        "Drug X should be investigated in other pain conditions.",
        "This study has several limitations, including its small sample.",
        "The results should be interpreted with caution given the low quality of evidence.",
        "The trial was registered at ClinicalTrials.gov (NCT01234567).",
        "PROSPERO registration: CRD42020123456.",
        "This work was funded by the National Institute of Invented Health (grant 12345).",
        "The authors declare no conflicts of interest.",
        "The study was approved by the institutional ethics committee and all patients gave informed consent.",
        "The aim of this study was to assess whether drug X reduces pain.",
        "P values below 0.05 were considered statistically significant.",
    ],
)
def test_a_bad_sentence_in_the_conclusions_is_never_quoted(bad: str) -> None:
    record = structured(("RESULTS", FINDING), ("CONCLUSIONS", bad))
    found = key_finding(record, "rct")
    assert found is not None
    assert found.text == FINDING
    assert found.source == "results"


def test_a_conclusion_that_states_the_finding_is_preferred_to_a_results_sentence() -> None:
    record = structured(
        ("RESULTS", FINDING),
        ("CONCLUSIONS", "Drug X reduced chronic pain compared with placebo. Further trials are needed."),
    )
    found = key_finding(record, "rct")
    assert found is not None
    assert (found.text, found.source, found.label) == (
        "Drug X reduced chronic pain compared with placebo.",
        "conclusions",
        "CONCLUSIONS",
    )
    assert found.figures == FINDING  # the numbers behind a conclusion that gives none


def test_a_finding_followed_by_a_call_for_research_is_cut_before_the_call() -> None:
    record = structured(
        (
            "CONCLUSIONS",
            "Drug X relieved pain in most adults with neuropathy, but larger trials are needed to confirm it.",
        )
    )
    found = key_finding(record, "nonrandomized_trial")
    assert found is not None
    assert found.text == "Drug X relieved pain in most adults with neuropathy …"


def test_a_limitation_in_a_leading_clause_is_cut_off_the_front() -> None:
    record = structured(
        (
            "CONCLUSIONS",
            "Although limited by the small sample size, drug X clearly improved sleep and reduced pain scores.",
        )
    )
    found = key_finding(record, "observational")
    assert found is not None
    assert found.text == "… drug X clearly improved sleep and reduced pain scores."


def test_a_conclusion_label_written_inside_unstructured_text_is_recognised() -> None:
    record = plain(
        "Chronic pain is common. We randomised 60 adults to drug X or placebo. "
        "Pain fell in 20 of 30 on drug X and 8 of 30 on placebo (P = 0.002). "
        "Conclusions: Drug X was effective for chronic pain. Future research should test other doses."
    )
    found = key_finding(record, "rct")
    assert found is not None
    assert (found.text, found.source, found.label) == (
        "Drug X was effective for chronic pain.",
        "conclusions",
        "Conclusions",
    )
    assert found.figures == "Pain fell in 20 of 30 on drug X and 8 of 30 on placebo (P = 0.002)."


def test_in_unstructured_text_a_finding_beats_background_and_methods() -> None:
    record = plain(
        "Drug X has been used for decades in anaesthesia. We treated 12 adults with drug X for four weeks. "
        "Pain scores decreased significantly from 7 to 3 (P < 0.001). More studies are needed."
    )
    found = key_finding(record, "nonrandomized_trial")
    assert found is not None
    assert found.text == "Pain scores decreased significantly from 7 to 3 (P < 0.001)."
    assert found.source == "abstract"


def test_a_question_is_not_a_finding() -> None:
    record = plain("Pain is common. Does drug X reduce pain more than placebo? We will find out.")
    assert key_finding(record, None) == key_finding(record, "other")
    found = key_finding(record, None)
    assert found is not None and found.text == NO_RESULT and found.is_statement


@pytest.mark.parametrize(
    ("design", "types", "statement"),
    [
        ("protocol", (), PROTOCOL),
        ("review", (), "Narrative review: no results reported."),
        ("review", ("Editorial",), "Editorial: no study results."),
        ("review", ("Letter", "Comment"), "Letter: no study results."),
    ],
)
def test_records_that_report_no_result_say_so(design: str, types: tuple[str, ...], statement: str) -> None:
    record = structured(("RESULTS", FINDING), publication_types=typed(*types))
    found = key_finding(record, design)
    assert found is not None
    assert (found.text, found.source, found.is_statement) == (statement, "statement", True)


def test_an_abstract_cut_before_its_results_says_so() -> None:
    record = structured(
        ("BACKGROUND", "Chronic pain is common and hard to treat."),
        ("METHODS", "We randomised 80 adults to drug X or placebo and measured pain at 4 weeks."),
    )
    found = key_finding(record, "rct")
    assert found is not None and found.text == NO_RESULT


def test_a_baseline_comparison_is_not_a_finding() -> None:
    record = structured(
        ("METHODS", "We randomised 80 adults."),
        ("RESULTS", "The mean age was 54 years, with no significant difference between the groups."),
    )
    found = key_finding(record, "rct")
    assert found is not None and found.text == NO_RESULT


def test_no_abstract_gives_nothing_unless_the_design_explains_it() -> None:
    bare = structured()
    assert key_finding(bare, "rct") is None
    found = key_finding(bare, "protocol")
    assert found is not None and found.text == PROTOCOL


def test_the_first_conclusion_is_the_main_one() -> None:
    record = structured(
        (
            "CONCLUSIONS",
            "Drug X reduced pain after surgery. Drug X also reduced nausea after surgery. Drug X is cheap.",
        )
    )
    found = key_finding(record, "rct")
    assert found is not None and found.text == "Drug X reduced pain after surgery."
