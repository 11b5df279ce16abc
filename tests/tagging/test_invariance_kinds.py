"""Tags that hold when an abstract says the same thing another way (``benchmarks/invariance.py`` finds the
kinds): typeset spaces and Unicode hyphens, a route word with or without its hyphen, a dose rate that
ends a sentence, an abbreviation defined either way round, a long word between a route and the drug.
Each case is one invented abstract written several ways; every way must get the same tags.
"""

from __future__ import annotations

import pytest

from litscan.models import Tags
from litscan.tagging.tagger import Tagger

from .records import record


def _key(tags: Tags) -> tuple[bool, str, tuple[str, ...], tuple[str, ...]]:
    return tags.on_topic, tags.design, tuple(sorted(tags.conditions)), tuple(sorted(tags.routes))


TRIAL = (
    "In this double-blind, randomised, placebo-controlled trial, 40 patients with chronic post-operative "
    "neuropathic pain received intravenous ketamine 0.5 mg/kg or saline over 40 min."
)
# The same sentence as publishers typeset it: no-break and thin spaces, Unicode and non-breaking hyphens, en dashes.
TYPESET = [
    TRIAL,
    TRIAL.replace(" ", "\u00a0"),
    TRIAL.replace("0.5 mg", "0.5\u2009mg").replace("40 min", "40\u202fmin").replace("40 patients", "40\u00a0patients"),
    TRIAL.replace("-", "\u2010"),
    TRIAL.replace("-", "\u2011"),
    TRIAL.replace("-", "\u2013"),
]


@pytest.mark.parametrize("text", TYPESET, ids=["ascii", "nbsp", "thin", "u2010", "u2011", "en-dash"])
def test_typeset_spaces_and_hyphens_read_as_plain_ones(tagger: Tagger, text: str) -> None:
    tags = tagger.tag(record("Ketamine for neuropathic pain after surgery", text))
    plain = tagger.tag(record("Ketamine for neuropathic pain after surgery", TRIAL))
    assert _key(tags) == _key(plain)
    assert tags.on_topic and tags.design == "rct" and tags.routes == ("intravenous",)
    assert "chronic_postsurgical_pain" in tags.conditions


def test_evidence_quotes_the_records_own_characters(tagger: Tagger) -> None:
    text = TRIAL.replace(" ", "\u00a0").replace("-", "\u2010")
    tags = tagger.tag(record("Ketamine for neuropathic pain after surgery", text))
    quoted = [*tags.design_evidence, *(e for group in tags.route_evidence.values() for e in group)]
    assert quoted
    for evidence in quoted:
        if evidence.field.startswith("abstract"):
            assert text[evidence.start : evidence.end] == evidence.text
            assert "\u00a0" in evidence.text


@pytest.mark.parametrize(
    ("words", "route"),
    [
        ("intrathecal ketamine", "neuraxial"),
        ("intra-thecal ketamine", "neuraxial"),
        ("intra thecal ketamine", "neuraxial"),
        ("ketamine given intra-thecally", "neuraxial"),
        ("epi-dural ketamine", "neuraxial"),
        ("sub-arachnoid ketamine", "neuraxial"),
        ("trans-dermal ketamine", "topical"),
        ("ketamine applied trans-dermally", "topical"),
        ("ketamine given sub-lingually", "sublingual_buccal"),
        ("trans-mucosal ketamine", "sublingual_buccal"),
        ("ketamine given intra-venously", "intravenous"),
        ("ketamine given sub-cutaneously", "subcutaneous"),
        ("ketamine given intra-muscularly", "intramuscular"),
    ],
)
def test_a_route_word_with_or_without_its_hyphen(tagger: Tagger, words: str, route: str) -> None:
    tags = tagger.tag(record("Ketamine for cancer pain", f"Twelve patients with refractory cancer pain had {words}."))
    assert tags.routes == (route,)


@pytest.mark.parametrize(
    "rate",
    ["0.3 mg/kg/h", "0.3 mg/kg/hr", "0.3 mg/kg per hour", "0.3 mg/kg/h (n = 20)", "0.3 mg kg\u22121 h\u22121"],
)
def test_a_dose_rate_ending_a_sentence_ends_it(tagger: Tagger, rate: str) -> None:
    """ "mg/kg/h." is a unit, not an initial, and "h−1." an exponent, not a number: the next sentence, with
    its own route, is a sentence of its own."""
    tags = tagger.tag(
        record(
            "Ketamine for complex regional pain syndrome",
            f"Patients with CRPS received ketamine at {rate}. Oral ketamine was then continued for four weeks.",
        )
    )
    assert tags.routes == ("intravenous", "oral")


def test_an_initial_still_ends_no_sentence(tagger: Tagger) -> None:
    from litscan.tagging.sentences import split_sentences

    assert split_sentences("As J. Smith showed, it helps. Ketamine was infused at 1 mg/kg/h. Pain fell.") == [
        "As J. Smith showed, it helps.",
        "Ketamine was infused at 1 mg/kg/h.",
        "Pain fell.",
    ]


@pytest.mark.parametrize(
    "definition",
    ["trigeminal neuralgia (TN)", "TN (trigeminal neuralgia)"],
    ids=["phrase-first", "abbreviation-first"],
)
def test_an_abbreviation_defined_either_way_round(tagger: Tagger, definition: str) -> None:
    tags = tagger.tag(
        record(
            "Ketamine for refractory facial pain",
            ("BACKGROUND", f"Facial pain disorders such as {definition} are hard to treat."),
            ("METHODS", "Twelve patients with TN received intravenous ketamine."),
        )
    )
    assert "trigeminal_neuralgia" in tags.conditions


@pytest.mark.parametrize(
    "antagonist",
    ["NMDA receptor antagonist", "N-methyl-D-aspartate receptor antagonist", "N-methyl-D-aspartate (NMDA) antagonist"],
)
def test_a_long_word_between_route_and_drug_keeps_the_drug_in_reach(tagger: Tagger, antagonist: str) -> None:
    tags = tagger.tag(
        record(
            "Ketamine for central pain after spinal cord injury",
            f"Pain was measured before and after the intravenous infusion of either the {antagonist} ketamine "
            "or placebo in nine patients with spinal cord injury pain.",
        )
    )
    assert tags.routes == ("intravenous",)


PURPOSE = "This study evaluated oral ketamine in twelve patients with phantom limb pain after amputation."
RESULT = "Pain intensity fell by half at four weeks."


@pytest.mark.parametrize(
    "sections",
    [
        (("BACKGROUND", PURPOSE), ("RESULTS", RESULT)),
        (("INTRODUCTION", PURPOSE), ("FINDINGS", RESULT)),
        (f"{PURPOSE} {RESULT}",),
    ],
    ids=["background", "introduction", "unlabelled"],
)
def test_this_study_evaluated_states_the_purpose_in_a_background_section(
    tagger: Tagger, sections: tuple[str | tuple[str, str], ...]
) -> None:
    tags = tagger.tag(record("Ketamine after amputation", *sections))
    assert tags.routes == ("oral",)
    assert tags.conditions == ("phantom_limb_pain",)


ONE_PATIENT = (
    "Ketamine was administered intravenously to a patient with established stump pain in a double-blind, "
    "saline-controlled fashion. Stump pain was relieved for 31 hours."
)


@pytest.mark.parametrize(
    "sections",
    [
        (("BACKGROUND", "Stump pain is hard to treat."), ("CASE REPORT", ONE_PATIENT)),
        (("BACKGROUND", "Stump pain is hard to treat."), ("METHODS", ONE_PATIENT)),
        (f"Stump pain is hard to treat. {ONE_PATIENT}",),
        (ONE_PATIENT.replace("double-blind, saline-controlled", "placebo-controlled crossover"),),
    ],
    ids=["case-report-label", "methods-label", "unlabelled", "crossover"],
)
def test_a_blinded_trial_in_one_patient_is_a_case_report(
    tagger: Tagger, sections: tuple[str | tuple[str, str], ...]
) -> None:
    assert tagger.tag(record("Ketamine for stump pain", *sections)).design == "case_report"


def test_a_blinded_trial_in_a_group_stays_a_trial(tagger: Tagger) -> None:
    text = ONE_PATIENT.replace("to a patient", "to 14 patients")
    assert tagger.tag(record("Ketamine for stump pain", text)).design == "nonrandomized_trial"


@pytest.mark.parametrize(
    "rate",
    [
        "0.1 mg/kg/h",
        "0.1 mg kg\u22121 h\u22121",
        "0.1 mg\u00b7kg\u207b\u00b9\u00b7h\u207b\u00b9",
        "0.1 mg.kg-1.h-1",
        "2 \u00b5g/kg/min",
        "2 \u00b5g kg\u22121 min\u22121",
        "5 mg/h",
    ],
)
def test_an_infusion_rate_however_its_units_are_written(tagger: Tagger, rate: str) -> None:
    tags = tagger.tag(
        record(
            "Ketamine for complex regional pain syndrome",
            f"Twenty patients with CRPS received ketamine {rate} for 4 days.",
        )
    )
    assert tags.routes == ("intravenous",)


@pytest.mark.parametrize("dose", ["0.5 mg/kg/day", "0.5 mg kg\u22121 day\u22121", "50 mg"])
def test_a_daily_dose_is_no_infusion(tagger: Tagger, dose: str) -> None:
    tags = tagger.tag(
        record("Ketamine for complex regional pain syndrome", f"Twenty patients with CRPS took ketamine {dose}.")
    )
    assert tags.routes == ()


@pytest.mark.parametrize(
    "age", ["a 58-year-old woman", "a 58 year old woman", "a 58-years-old woman", "a 58 years old woman"]
)
def test_a_patients_age_however_it_is_hyphenated(tagger: Tagger, age: str) -> None:
    tags = tagger.tag(
        record(
            "Ketamine for refractory cancer pain",
            f"We describe {age} with refractory cancer pain who was treated with a double-blind ketamine challenge.",
        )
    )
    assert tags.design == "case_report"


@pytest.mark.parametrize("subacute", ["subacute", "sub-acute", "post-acute"])
def test_subacute_is_not_acute(tagger: Tagger, subacute: str) -> None:
    """A hyphen makes "acute" a word of its own, but "sub-acute" treatment of a chronic migraine is no acute attack."""
    tags = tagger.tag(
        record(
            f"Intravenous ketamine for {subacute} treatment of refractory chronic migraine: a case series",
            "We reviewed 60 patients with refractory chronic migraine admitted for five days of intravenous ketamine.",
        )
    )
    assert tags.on_topic and tags.conditions == ("headache",)
