"""Routes: the route of the intervention in this study, not of another drug or an anatomical word."""

from __future__ import annotations

import pytest

from litscan.tagging.tagger import Tagger

from .records import tag


@pytest.mark.parametrize(
    "sentence",
    [
        "Patients took oral morphine and received ketamine as needed.",
        "Intravenous lidocaine was given before ketamine.",
        "Ketamine was applied by the investigators; rescue pethidine 1 mg/kg was given intramuscularly.",
        "Ketamine reduced pain in patients with oral mucositis.",
        "Ketamine was studied in adults after oral surgery.",
    ],
)
def test_route_word_of_another_drug_or_anatomy_is_not_a_ketamine_route(tagger: Tagger, sentence: str) -> None:
    tags = tag(tagger, "Ketamine for cancer pain", ("METHODS", sentence))
    assert not {"oral", "intravenous", "intramuscular"} & set(tags.routes)


def test_route_stated_for_ketamine_is_labelled(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine for neuropathic pain",
        (
            "METHODS",
            "Twenty patients received oral ketamine 0.5 mg/kg three times daily after an "
            "intravenous test dose of ketamine; morphine was given orally.",
        ),
    )
    assert tags.routes == ("intravenous", "oral")
    assert tags.route_evidence["oral"][0].field == "abstract:METHODS"


def test_route_only_in_a_speculative_conclusion_yields_to_the_studied_route(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine infusion for phantom limb pain",
        ("METHODS", "Twelve amputees received intravenous ketamine 0.4 mg/kg."),
        ("CONCLUSIONS", "Oral ketamine could be an alternative for long-term use."),
    )
    assert tags.routes == ("intravenous",)


def test_route_noun_after_the_route_word_belongs_to_the_drug_before(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine for spinal cord injury pain",
        ("METHODS", "Group A received ketamine 0.2 mg/kg as a single epidural injection and oral gabapentin 300 mg."),
    )
    assert tags.routes == ("neuraxial",)


def test_route_word_of_a_drug_not_in_the_vocabulary_is_not_taken(tagger: Tagger) -> None:
    tags = tag(
        tagger, "Ketamine for cancer pain", ("METHODS", "Patients received oral nefopam and intravenous ketamine.")
    )
    assert tags.routes == ("intravenous",)


def test_two_routes_compared_for_ketamine(tagger: Tagger) -> None:
    tags = tag(
        tagger, "Ketamine routes", ("METHODS", "Children received intramuscular (IM) versus intravenous (IV) ketamine.")
    )
    assert tags.routes == ("intravenous", "intramuscular")


def test_adverb_after_ketamine_binds_to_it(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine for cancer pain",
        ("METHODS", "Ketamine or placebo was delivered subcutaneously for five days."),
    )
    assert tags.routes == ("subcutaneous",)


def test_infusion_with_no_route_is_intravenous_in_people(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine infusion for complex regional pain syndrome",
        "Fifteen patients with CRPS received a 4-day ketamine infusion.",
    )
    assert tags.routes == ("intravenous",)
    assert "no route stated" in tags.route_evidence["intravenous"][0].reason


def test_infusion_in_rats_gets_no_route(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine infusion in a rat model of neuropathic pain",
        "Rats with spared nerve injury received a ketamine infusion; allodynia was measured.",
    )
    assert tags.design == "preclinical"
    assert tags.routes == ()


def test_ketamine_given_before_the_study_adds_no_route(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Sublingual ketamine for chronic pain",
        (
            "METHODS",
            "Patients who had previously responded to intravenous ketamine were switched to "
            "sublingual ketamine lozenges.",
        ),
    )
    assert tags.routes == ("sublingual_buccal",)


def test_mouthwash_is_topical_not_oral(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine mouthwash for mucositis pain in cancer",
        "A woman with tongue carcinoma used a ketamine oral rinse four times a day.",
    )
    assert tags.routes == ("topical",)


def test_no_route_without_ketamine(tagger: Tagger) -> None:
    tags = tag(tagger, "Oral pregabalin for diabetic neuropathy", "We randomised 60 patients to pregabalin.")
    assert tags.routes == ()
