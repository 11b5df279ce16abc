"""An aetiology list of a general population the title names adds no rows; a list analysed, or named again, does."""

from __future__ import annotations

import pytest

from litscan.tagging.tagger import Tagger

from .records import tag

TITLE = "Topical ketamine cream in neuropathic pain syndromes: a randomised trial"


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # the eligible causes of the population the title names: one mixed neuropathic population
        (
            "Sixty adults with painful diabetic neuropathy, postherpetic neuralgia or post-traumatic neuropathic "
            "pain were randomised to ketamine or placebo cream. Pain fell by 1.2 points in both arms.",
            ("neuropathic_pain",),
        ),
        # two conditions are no list of causes
        (
            "Forty adults with painful diabetic neuropathy or postherpetic neuralgia were randomised to ketamine or "
            "placebo cream.",
            ("postherpetic_neuralgia", "diabetic_neuropathy"),
        ),
    ],
)
def test_an_aetiology_list_of_the_titled_population(tagger: Tagger, text: str, rows: tuple[str, ...]) -> None:
    assert tag(tagger, TITLE, text).conditions == rows


def test_a_listed_cause_named_again_keeps_its_row(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        TITLE,
        "Sixty adults with painful diabetic neuropathy, postherpetic neuralgia or post-traumatic neuropathic pain "
        "were randomised to ketamine or placebo cream. Only in postherpetic neuralgia did pain fall more with "
        "ketamine (p = 0.03).",
    )
    assert "postherpetic_neuralgia" in tags.conditions
    assert "diabetic_neuropathy" not in tags.conditions


def test_a_list_under_no_general_title_keeps_its_rows(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Topical ketamine cream: a randomised trial",
        "Sixty adults with painful diabetic neuropathy, postherpetic neuralgia or complex regional pain syndrome "
        "were randomised to ketamine or placebo cream.",
    )
    assert set(tags.conditions) == {"crps", "postherpetic_neuralgia", "diabetic_neuropathy"}
