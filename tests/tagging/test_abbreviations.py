"""An abbreviation the record defines counts as the phrase it stands for."""

from __future__ import annotations

from litscan.tagging.tagger import Tagger

from .records import tag


def test_abbreviation_defined_once_counts_later(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine after surgery",
        "Persistent post-surgical pain (PPSP) follows many operations. We randomised 80 patients "
        "to ketamine or saline and recorded PPSP at 6 months.",
    )
    assert "chronic_postsurgical_pain" in tags.conditions


def test_letters_the_record_defines_as_something_else_name_no_condition(tagger: Tagger) -> None:
    # "PLP" is phantom limb pain in the vocabulary; here the record says what it means
    tags = tag(
        tagger,
        "Vitamin B6 in patients taking ketamine",
        "Serum pyridoxal-5'-phosphate (PLP) was measured in 40 adults taking oral ketamine for neuropathic pain. "
        "PLP was low in 10 of them.",
    )
    assert "phantom_limb_pain" not in tags.conditions
    assert tags.conditions == ("neuropathic_pain",)


def test_letters_defined_as_their_own_condition_still_count(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Oral ketamine after amputation",
        "Amputees with phantom limb pain (PLP) took oral ketamine for 6 weeks. PLP fell by a third.",
    )
    assert tags.conditions == ("phantom_limb_pain",)


def test_an_abbreviation_defined_otherwise_leaves_the_condition_named_in_full(tagger: Tagger) -> None:
    # "SCI" defined as a scale here: the injury, named in full with its pain, is still the population
    tags = tag(
        tagger,
        "Ketamine after spinal cord injury",
        "The Sleep Comfort Index (SCI) was recorded in 20 adults with neuropathic pain after spinal cord injury "
        "who received ketamine infusions. Pain fell.",
    )
    assert tags.conditions == ("spinal_cord_injury_pain",)
