"""Sentence ends: a period before a capital, unless an abbreviation, an initial or an item's number precedes it."""

from __future__ import annotations

import pytest

from litscan.tagging.sentences import sentence_spans, split_sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Pain fell. Mood rose!  Sleep? Yes.", ["Pain fell.", "Mood rose!", "Sleep?", "Yes."]),
        ("Drugs, e.g. Ketamine, vs. Placebo.", ["Drugs, e.g. Ketamine, vs. Placebo."]),
        ("As shown by J. Smith et al. Ketamine helps.", ["As shown by J. Smith et al. Ketamine helps."]),
        ("See Fig. 2 and No. 3 below. Results follow.", ["See Fig. 2 and No. 3 below.", "Results follow."]),
        ("It rose in 2019. Then it fell.", ["It rose in 2019.", "Then it fell."]),
        ("Adults with CRPS type 1. Patients took it.", ["Adults with CRPS type 1.", "Patients took it."]),
        # listed items: each starts at its number
        ("1. Made in vitro. 2. We propose a model.", ["1. Made in vitro.", "2. We propose a model."]),
        ("Given i.v. Ketamine was safe.", ["Given i.v. Ketamine was safe."]),
        ("One (n = 3). (Two) [three].", ["One (n = 3).", "(Two) [three]."]),
        ("lower case. after a period", ["lower case. after a period"]),
        ("", []),
    ],
)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


def test_spans_are_offsets_in_the_whole_text_and_read_only_their_part() -> None:
    text = "Title words\nFirst one. Second one."
    start = text.index("First")
    spans = sentence_spans(text, start, len(text))
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one."]
    assert spans[0][0] == start
