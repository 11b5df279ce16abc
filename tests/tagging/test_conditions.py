"""Conditions: only the record's own population counts, specific conditions before general ones."""

from __future__ import annotations

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
