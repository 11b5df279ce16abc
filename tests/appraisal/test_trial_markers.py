"""Trial markers come from how this study was run, never from the trials it cites or calls for."""

from __future__ import annotations

import pytest

from litscan.appraisal.trial_markers import MARKERS, trial_markers

from .records import mesh, plain, structured, typed


@pytest.mark.parametrize(
    ("methods", "markers"),
    [
        (
            "Adults were randomly assigned to drug X or placebo in a double-blind design.",
            ("randomised", "double-blind", "placebo-controlled"),
        ),
        (
            "In this randomised, triple-blind, crossover trial, each adult received drug X.",
            ("randomised", "triple-blind", "crossover"),
        ),
        (
            "Adults received drug X or an equal volume of normal saline in random order.",
            ("randomised", "placebo-controlled", "crossover"),
        ),
        ("This single-blind trial compared drug X with drug Y.", ("single-blind", "active-controlled")),
        ("An open-label, single-arm study of drug X.", ("open-label",)),
        ("A non-randomised comparison of drug X and usual care.", ()),
        (
            "A randomised trial with an assessor-blinded outcome and an active comparator.",
            ("randomised", "single-blind", "active-controlled"),
        ),
        ("Adults were randomised to drug X versus drug Y.", ("randomised", "active-controlled")),
        ("Adults were randomised to drug X versus placebo.", ("randomised", "placebo-controlled")),
    ],
)
def test_markers_from_the_methods(methods: str, markers: tuple[str, ...]) -> None:
    record = structured(("METHODS", methods), title="Drug X for chronic pain")
    assert trial_markers(record, "nonrandomized_trial") == markers


def test_the_background_and_calls_for_future_trials_give_no_marker() -> None:
    record = structured(
        ("BACKGROUND", "Earlier randomised, placebo-controlled trials of drug X were double-blind."),
        ("METHODS", "We reviewed the charts of 40 adults who received drug X."),
        ("CONCLUSIONS", "Randomised, placebo-controlled crossover trials are needed."),
    )
    assert trial_markers(record, "observational") == ()


def test_in_unstructured_text_a_background_opening_gives_no_marker() -> None:
    record = plain(
        "Double-blind placebo-controlled trials in rats suggest drug X works. "
        "We gave drug X to 12 adults for a month. Pain fell in 8."
    )
    assert trial_markers(record, "nonrandomized_trial") == ()


def test_the_design_tag_and_publication_type_say_randomised() -> None:
    record = structured(("METHODS", "Adults received drug X or placebo."))
    assert "randomised" in trial_markers(record, "rct")
    assert "randomised" in trial_markers(
        structured(("METHODS", "Adults received drug X."), publication_types=typed("Randomized Controlled Trial")), None
    )


def test_double_blind_outranks_an_open_label_extension() -> None:
    record = structured(("METHODS", "A double-blind phase was followed by an open-label extension."))
    assert trial_markers(record, "rct") == ("randomised", "double-blind")


@pytest.mark.parametrize(
    ("record", "design", "markers"),
    [
        (
            plain(
                "Nerve injury causes pain. Rats received drug X or vehicle-treated controls. Drug X reduced allodynia."
            ),
            "preclinical",
            ("placebo-controlled", "animal"),
        ),
        (
            plain("Neurons fire in pain. Cultured neurons were exposed to drug X in vitro. Firing fell."),
            "preclinical",
            ("in vitro",),
        ),
        (plain("Drug X was studied. Allodynia fell."), "preclinical", ("animal",)),
        (plain("Drug X was studied. Allodynia fell.", mesh=mesh("Animals", "Rats")), None, ("animal",)),
        (plain("Drug X was studied. Allodynia fell.", mesh=mesh("Animals", "Humans")), None, ()),
    ],
)
def test_animal_and_in_vitro_work(record: object, design: str | None, markers: tuple[str, ...]) -> None:
    assert trial_markers(record, design) == markers  # type: ignore[arg-type]


def test_animal_models_cited_by_a_human_study_do_not_make_it_animal_work() -> None:
    record = structured(("METHODS", "Based on rat models, we randomised 40 adults to drug X or placebo."))
    assert "animal" not in trial_markers(record, "rct")


def test_reviews_and_guidelines_carry_no_trial_markers() -> None:
    record = structured(("METHODS", "We included randomised, double-blind, placebo-controlled trials."))
    for design in ("systematic_review", "review", "guideline"):
        assert trial_markers(record, design) == ()


def test_markers_come_in_a_fixed_order() -> None:
    record = structured(("METHODS", "Crossover, placebo-controlled, double-blind, randomised."))
    found = trial_markers(record, "rct")
    assert list(found) == sorted(found, key=MARKERS.index)
