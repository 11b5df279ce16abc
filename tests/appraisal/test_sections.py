"""Abstract sections get their role from labels, NLM categories and headings written inside the text."""

from __future__ import annotations

import pytest

from litscan.appraisal.sections import passages, role_of_label, split_inline

from .records import plain, structured


@pytest.mark.parametrize(
    ("label", "category", "role"),
    [
        ("CONCLUSIONS", "CONCLUSIONS", "conclusions"),
        ("Interpretation", None, "conclusions"),
        ("RESULTS", "RESULTS", "results"),
        ("Measurements and main results", "METHODS", "results"),
        ("Main outcome measures", "METHODS", "methods"),
        ("Case presentation", "METHODS", "results"),
        ("TRIAL REGISTRATION", "UNASSIGNED", "trailer"),
        ("Funding", "BACKGROUND", "trailer"),
        ("PATIENTS AND METHODS", "METHODS", "methods"),
        ("AIMS", "OBJECTIVE", "objective"),
        ("Something new", "RESULTS", "results"),  # an unknown heading falls back to its category
        (None, None, "unlabelled"),
    ],
)
def test_role_of_a_heading(label: str | None, category: str | None, role: str) -> None:
    assert role_of_label(label, category) == role


def test_a_heading_with_a_colon_inside_unstructured_text_starts_a_passage() -> None:
    parts = split_inline(
        "Pain is common. Methods: We gave drug X to adults. Conclusions: Drug X lowered pain.", "unlabelled", None
    )
    assert [(p.role, p.label, p.text) for p in parts] == [
        ("unlabelled", None, "Pain is common."),
        ("methods", "Methods", "We gave drug X to adults."),
        ("conclusions", "Conclusions", "Drug X lowered pain."),
    ]


def test_a_bare_heading_before_a_capital_starts_a_passage_but_a_sentence_word_does_not() -> None:
    parts = split_inline("Adults took part. RESULTS Pain fell by half. Results were kept private.", "unlabelled", None)
    assert [p.role for p in parts] == ["unlabelled", "results"]
    assert parts[1].text == "Pain fell by half. Results were kept private."


def test_a_bare_materials_and_methods_heading_starts_a_passage() -> None:
    text = "Pain is common. MATERIALS AND METHODS From 2008 to 2012, 74 patients took drug X."
    parts = split_inline(text, "background", "BACKGROUND")
    assert [(p.role, p.label) for p in parts] == [("background", "BACKGROUND"), ("methods", "MATERIALS AND METHODS")]


def test_text_without_headings_is_one_passage() -> None:
    assert [p.text for p in split_inline("Drug X lowered pain in 12 adults.", "results", "RESULTS")] == [
        "Drug X lowered pain in 12 adults."
    ]


def test_passages_keep_reading_order_and_skip_empty_sections() -> None:
    record = structured(("BACKGROUND", "Pain is common."), ("RESULTS", "  "), ("CONCLUSIONS", "Drug X helped."))
    assert [(p.role, p.text) for p in passages(record)] == [
        ("background", "Pain is common."),
        ("conclusions", "Drug X helped."),
    ]


def test_an_unlabelled_record_with_inline_headings() -> None:
    record = plain("Objective: To test drug X. Results: Pain fell. Trial registration: NCT01234567.")
    assert [p.role for p in passages(record)] == ["objective", "results", "trailer"]
