"""Sentences: split where they end, not at abbreviations; an opening like "We conclude" starts a conclusion."""

from __future__ import annotations

from litscan.appraisal.sentences import sentences_of, split_sentences

from .records import plain


def test_abbreviations_decimals_and_units_do_not_end_a_sentence() -> None:
    text = (
        "Drug X (0.5 mg/kg i.v. every day) was compared with drug Y, e.g. in adults. "
        "Pain fell more with X vs. Y (P < 0.05). Et al. is not a name here."
    )
    assert split_sentences(text) == [
        "Drug X (0.5 mg/kg i.v. every day) was compared with drug Y, e.g. in adults.",
        "Pain fell more with X vs. Y (P < 0.05).",
        "Et al. is not a name here.",
    ]


def test_a_sentence_may_start_with_a_number_or_a_bracket() -> None:
    assert split_sentences("Pain fell. 30 adults improved. (All were followed.)") == [
        "Pain fell.",
        "30 adults improved.",
        "(All were followed.)",
    ]


def test_a_conclusion_opening_in_the_second_half_makes_the_rest_conclusions() -> None:
    record = plain(
        "Pain is common. We gave drug X to adults. Pain fell in most. In conclusion, drug X works. It is cheap."
    )
    roles = [s.role for s in sentences_of(record)]
    assert roles == ["unlabelled", "unlabelled", "unlabelled", "conclusions", "conclusions"]


def test_a_conclusion_opening_in_the_first_half_is_not_a_conclusion() -> None:
    record = plain("This study shows how drug X is given. We gave it to adults. Pain fell in most. It is cheap.")
    assert all(s.role == "unlabelled" for s in sentences_of(record))


def test_sentences_know_their_place_and_lower_case() -> None:
    sentences = sentences_of(plain("One. Two. Three."))
    assert [(s.index, s.total, s.position, s.low) for s in sentences] == [
        (0, 3, 0.0, "one."),
        (1, 3, 0.5, "two."),
        (2, 3, 1.0, "three."),
    ]
