"""Conditions: only the record's own population counts, specific conditions before general ones."""

from __future__ import annotations

import pytest

from litscan.tagging.tagger import Tagger

from .records import tag


def test_general_neuropathic_pain_yields_to_the_specific_row(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine infusion for phantom limb pain",
        "We treated 10 amputees with neuropathic phantom limb pain with ketamine.",
    )
    assert tags.conditions == ("phantom_limb_pain",)


def test_condition_in_a_speculative_conclusion_is_not_the_population(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Intravenous ketamine for fibromyalgia",
        ("METHODS", "Twenty women with fibromyalgia received ketamine."),
        ("CONCLUSIONS", "Ketamine may also be useful in complex regional pain syndrome."),
    )
    assert tags.conditions == ("fibromyalgia",)


def test_diagnoses_listed_in_a_mixed_population_add_nothing(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine infusions for refractory chronic pain: a clinic audit",
        "We audited 50 patients treated with ketamine. Diagnoses included CRPS (n = 20), "
        "fibromyalgia (n = 10) and back pain (n = 20).",
    )
    assert tags.conditions == ("chronic_pain_general",)


def test_subgroup_with_results_of_its_own_is_kept(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine for refractory chronic pain: a cohort study",
        "We followed 200 patients with refractory chronic pain after ketamine. Patients with "
        "fibromyalgia improved less than the others.",
    )
    assert tags.conditions == ("fibromyalgia", "chronic_pain_general")


def test_mesh_heading_adds_a_condition(tagger: Tagger) -> None:
    tags = tag(
        tagger, "Ketamine in outpatients", "We studied 20 adults given ketamine.", mesh=(("Fibromyalgia", "D005356"),)
    )
    assert tags.conditions == ("fibromyalgia",)
    assert tags.condition_evidence["fibromyalgia"][0].field == "mesh"


# --- context: what the words around a mention make of it --------------------------------------


def test_a_denied_condition_is_not_the_population(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Perioperative ketamine and persistent pain after thoracotomy",
        ("METHODS", "We randomised 90 adults without chronic pain or diabetic neuropathy before thoracotomy."),
    )
    assert tags.conditions == ("chronic_postsurgical_pain",)


def test_examples_of_a_general_population_add_nothing(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine infusions for chronic pain: a review",
        "We review ketamine for chronic pain conditions such as fibromyalgia, migraine and CRPS.",
    )
    assert tags.conditions == ("chronic_pain_general",)
    tags = tag(
        tagger,
        "Ketamine: a review",
        "We found four trials in fibromyalgia, migraine and other chronic pain conditions.",
    )
    assert tags.conditions == ("chronic_pain_general",)


def test_a_review_restricted_to_named_conditions_gets_them(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine for fibromyalgia and CRPS: a systematic review",
        "We searched MEDLINE for trials including patients with fibromyalgia or CRPS and found nine.",
    )
    assert tags.conditions == ("crps", "fibromyalgia")


def test_a_share_of_a_mixed_population_adds_nothing(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Oral ketamine for intractable chronic pain: a retrospective study",
        ("RESULTS", "Of 60 patients (neuropathic pain 55%), two thirds improved."),
    )
    assert tags.conditions == ("chronic_pain_general",)


def test_only_a_list_of_several_diagnoses_is_a_mixed_population(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine infusions in a pain service",
        "We reviewed 80 patients given ketamine. The most common diagnoses were CRPS, fibromyalgia and headache.",
    )
    assert tags.conditions == ("chronic_pain_general",)
    assert "mixed population" in tags.condition_evidence["chronic_pain_general"][0].reason


def test_diagnoses_analysed_as_subgroups_keep_the_general_population(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine infusions in chronic pain patients: a cohort",
        "We analysed outcomes overall and by diagnosis (neuropathic pain, CRPS and fibromyalgia).",
    )
    assert tags.conditions == ("crps", "neuropathic_pain", "fibromyalgia", "chronic_pain_general")


def test_speculation_is_scoped_to_its_clause(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Oral ketamine in palliative care: a review",
        "Studies of oral ketamine for cancer and neuropathic pain show mixed results, which could be due to "
        "metabolism. Ketamine may also help in fibromyalgia.",
    )
    assert tags.conditions == ("neuropathic_pain", "cancer_pain")


def test_a_condition_named_to_compare_with_other_work_is_not_the_population(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Intravenous ketamine for postherpetic neuralgia",
        "Ten patients with postherpetic neuralgia received ketamine; relief was similar to that reported in "
        "diabetic neuropathy.",
    )
    assert tags.conditions == ("postherpetic_neuralgia",)


# --- the most specific row, with the taxonomy's conventions -------------------------------------


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # cancer pain called neuropathic gets both rows; chemotherapy-induced neuropathy the specific one
        (
            "Ketamine for neuropathic cancer pain",
            "Twenty patients received oral ketamine.",
            ("neuropathic_pain", "cancer_pain"),
        ),
        (
            "Ketamine for painful neuropathy in patients treated for cancer",
            "Thirty patients with chemotherapy-induced peripheral neuropathy received topical ketamine.",
            ("chemotherapy_neuropathy",),
        ),
        # chronic neck pain and whiplash are chronic spinal pain
        ("Ketamine in chronic whiplash-associated pain", "Thirty adults received ketamine.", ("low_back_pain",)),
        # neuropathic facial pain is trigeminal; facial pain not called neuropathic is general
        ("Ketamine for neuropathic facial pain", "Eight adults received ketamine.", ("trigeminal_neuralgia",)),
        (
            "Ketamine for persistent idiopathic facial pain",
            "Eight adults received ketamine.",
            ("chronic_pain_general",),
        ),
        # painful osteoarthritis is chronic pain with no row of its own
        ("Ketamine in patients with knee osteoarthritis", "Sixty adults received ketamine.", ("chronic_pain_general",)),
        # an animal model described in words apart
        ("Ketamine in diabetic rats with peripheral neuropathy", "Rats received ketamine.", ("diabetic_neuropathy",)),
        # a hospice population is cancer pain only where its pain is the subject
        ("Ketamine for pain in hospice patients", "Ten patients received ketamine.", ("cancer_pain",)),
        # the back pain of patients having spine surgery, and the chronic pain the surgery may leave
        (
            "Ketamine in patients with chronic low back pain undergoing lumbar fusion",
            "We randomised 100 patients; persistent postsurgical pain was assessed at 6 months.",
            ("low_back_pain", "chronic_postsurgical_pain"),
        ),
        # "breast cancer surgery" is an operation: its persistent pain is post-surgical, not cancer pain
        (
            "Ketamine to prevent persistent pain after breast cancer surgery",
            "We randomised 120 women.",
            ("chronic_postsurgical_pain",),
        ),
    ],
)
def test_most_specific_row(tagger: Tagger, title: str, text: str, expected: tuple[str, ...]) -> None:
    assert tag(tagger, title, text).conditions == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another drug's result in a clause of its own: not the record's population
        (
            "Ketamine reduced pain in CRPS, whereas oral memantine failed in phantom limb pain.",
            ("crps",),
        ),
        # the same clause names ketamine: both conditions are the record's
        ("Ketamine and memantine reduced pain in CRPS and in phantom limb pain.", ("crps", "phantom_limb_pain")),
        # no ketamine in the sentence: the population of an other-drug study is still named
        ("We randomised 40 patients with phantom limb pain to memantine or placebo.", ("phantom_limb_pain",)),
    ],
)
def test_a_condition_in_another_drug_s_clause_is_not_the_population(
    tagger: Tagger, text: str, expected: tuple[str, ...]
) -> None:
    tags = tag(tagger, "NMDA antagonists in chronic pain: a review", ("RESULTS", text))
    assert tags.conditions == expected


def test_polyneuropathy_is_neuropathic_pain(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine for painful polyneuropathy",
        ("METHODS", "Twenty adults with painful polyneuropathy of unknown cause received ketamine or placebo."),
    )
    assert tags.conditions == ("neuropathic_pain",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the causes of one pain, listed without results of their own: the pain itself
        (
            "Sixty adults with chronic neuropathic pain from nerve injury, postherpetic neuralgia or "
            "radiculopathy received ketamine or lidocaine.",
            ("neuropathic_pain",),
        ),
        # one cause: the specific row
        (
            "Sixty adults with neuropathic pain after spinal cord injury received ketamine.",
            ("spinal_cord_injury_pain",),
        ),
    ],
)
def test_the_listed_causes_of_one_pain_add_nothing(tagger: Tagger, text: str, expected: tuple[str, ...]) -> None:
    tags = tag(tagger, "Ketamine infusions: a randomised trial", ("METHODS", text))
    assert tags.conditions == expected


@pytest.mark.parametrize(
    "result",
    ["Chronic pain at 3 months was reported by 8% and 9%.", "At 6 months, 8% and 9% reported persistent wound pain."],
)
@pytest.mark.parametrize(
    ("title", "after_surgery"),
    [
        ("Ketamine during caesarean section: a randomised trial", True),
        # not a surgical title: the chronic pain is not the surgery's
        ("Ketamine infusions: a randomised trial", False),
    ],
)
def test_chronic_pain_followed_up_after_surgery_is_chronic_post_surgical_pain(
    tagger: Tagger, title: str, after_surgery: bool, result: str
) -> None:
    tags = tag(tagger, title, ("METHODS", "Women were randomised to ketamine or saline."), ("RESULTS", result))
    assert ("chronic_postsurgical_pain" in tags.conditions) is after_surgery
    if after_surgery:
        assert tags.conditions == ("chronic_postsurgical_pain",)
        assert tags.on_topic is True
        assert "[topic.off_topic.surgery.leaves]" in tags.condition_evidence["chronic_postsurgical_pain"][0].reason


@pytest.mark.parametrize(
    ("title", "text", "conditions"),
    [
        # the class a condition is said to belong to is no population of its own
        (
            "Ketamine infusion in complex regional pain syndrome, a neuropathic pain condition",
            "Twenty patients with CRPS type I received a 4-day intravenous ketamine infusion.",
            ("crps",),
        ),
        (
            "Intravenous ketamine for CRPS",
            "CRPS is a chronic neuropathic pain disorder. Twenty patients with CRPS received ketamine.",
            ("crps",),
        ),
        # a breakdown of a mixed population by count: its parts are shares of it
        (
            "Topical ketamine for neuropathic pain: a randomized trial",
            "Patients with neuropathic pain (postherpetic neuralgia 12, post-traumatic neuropathy 20, "
            "radiculopathy 8) were randomized to ketamine cream or placebo.",
            ("neuropathic_pain",),
        ),
        # named to compare, in a few words
        (
            "Oral ketamine for fibromyalgia: a case series",
            "We describe three women with fibromyalgia who took oral ketamine. Central sensitisation, as in "
            "neuropathic pain, may explain the response.",
            ("fibromyalgia",),
        ),
        # an outcome measure's name
        (
            "Intravenous ketamine for chronic low back pain: a randomized trial",
            "Patients with chronic low back pain were randomized to ketamine or midazolam. Neuropathic pain "
            "symptoms were measured with the painDETECT questionnaire.",
            ("low_back_pain",),
        ),
        # a population that has the class is still that population
        (
            "Ketamine for neuropathic pain conditions: an open study",
            "Patients with a neuropathic pain condition received oral ketamine for 4 weeks.",
            ("neuropathic_pain",),
        ),
    ],
)
def test_a_condition_named_as_a_class_share_comparison_or_measure_is_not_the_population(
    tagger: Tagger, title: str, text: str, conditions: tuple[str, ...]
) -> None:
    assert tag(tagger, title, text).conditions == conditions


@pytest.mark.parametrize(
    "sentence",
    [
        "Thirty-five patients with CRPS were compared to 15 patients with chronic pancreatitis.",
        "As a control group, 5 patients with chronic pancreatitis were studied.",
    ],
)
def test_a_control_group_is_not_the_population(tagger: Tagger, sentence: str) -> None:
    tags = tag(tagger, "Serum markers after ketamine infusions in CRPS", sentence)
    assert "chronic_pain_general" not in tags.conditions and "crps" in tags.conditions
