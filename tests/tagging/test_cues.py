"""Which sentences count: the record's own study, not its background, exclusions or earlier treatment."""

from __future__ import annotations

from pathlib import Path

import pytest

from litscan.errors import ConfigError
from litscan.tagging.cues import Cue, classify, is_counted, load_cues
from litscan.tagging.document import Role, Sentence
from litscan.tagging.tagger import Tagger

from .records import tag


def test_condition_named_only_in_background_is_not_labelled(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine in complex regional pain syndrome",
        ("BACKGROUND", "Fibromyalgia and migraine are common reasons to try ketamine."),
        ("METHODS", "Twelve adults with CRPS received a ketamine infusion."),
    )
    assert tags.conditions == ("crps",)


def test_opening_sentence_before_the_study_is_background_in_a_plain_abstract(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine for refractory pain",
        "Postherpetic neuralgia has been treated with many drugs. We gave ketamine to 15 patients "
        "with complex regional pain syndrome and measured pain for 3 months.",
    )
    assert tags.conditions == ("crps",)


@pytest.mark.parametrize(
    ("study", "own"),
    [
        ("In 14 adult patients with CRPS, ketamine lowered pain scores.", True),
        ("In 14 of the adult patients with CRPS, ketamine lowered pain scores.", True),  # three words between
        ("In 14 of the tired adult patients with CRPS, ketamine lowered pain scores.", False),  # four
        ("In many adult patients with CRPS, ketamine lowered pain scores.", False),  # no number
        ("In A14 adult patients with CRPS, ketamine lowered pain scores.", False),  # the number starts no word
    ],
)
def test_a_counted_population_introduces_the_study(tagger: Tagger, study: str, own: bool) -> None:
    # Before the sentence that introduces the study, an unlabelled abstract's opening is background.
    tags = tag(tagger, "Ketamine for refractory pain", f"Postherpetic neuralgia is hard to treat. {study}")
    assert tags.conditions == (("crps",) if own else ("crps", "postherpetic_neuralgia"))


def test_condition_among_exclusion_criteria_is_not_labelled(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Intravenous ketamine for chronic low back pain",
        (
            "METHODS",
            "We randomised 40 adults with chronic low back pain. Patients with diabetic "
            "neuropathy or fibromyalgia were excluded.",
        ),
    )
    assert tags.conditions == ("low_back_pain",)


@pytest.mark.parametrize(
    ("study", "routes", "conditions"),
    [
        # the exclusion is the clause after the semicolon: the randomised arms before it are the study's
        (
            "Forty patients with CRPS were randomised to intravenous ketamine or placebo; patients on "
            "oral opioids or with fibromyalgia were excluded.",
            ("intravenous",),
            ("crps",),
        ),
        # a semicolon inside brackets joins no clauses: the exclusion covers the whole sentence
        (
            "Forty patients with CRPS were randomised. Patients (those on oral ketamine; those with "
            "fibromyalgia) were excluded.",
            (),
            ("crps",),
        ),
    ],
)
def test_an_exclusion_clause_covers_its_own_clause_of_the_sentence(
    tagger: Tagger, study: str, routes: tuple[str, ...], conditions: tuple[str, ...]
) -> None:
    tags = tag(tagger, "Ketamine for complex regional pain syndrome", study)
    assert (tags.routes, tags.conditions) == (routes, conditions)


def test_comparison_with_previous_studies_adds_no_condition(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Oral ketamine for trigeminal neuralgia: a case series",
        "We describe three patients with trigeminal neuralgia treated with oral ketamine. "
        "Previous studies in phantom limb pain reported similar relief.",
    )
    assert tags.conditions == ("trigeminal_neuralgia",)


# --- the cue file and the classification, on their own ------------------------------------------


def test_every_cue_of_the_file_is_a_named_flag_and_every_flag_has_patterns() -> None:
    cues = load_cues()
    assert {c.name for c in cues} == {flag.name.lower() for flag in Cue if flag.name}
    assert all(c.flag is Cue[c.name.upper()] and c.patterns for c in cues)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[own]\npatterns = ['we(']\n", "bad regular expression"),
        ("[ours]\npatterns = ['we']\n", "unknown cue"),
        ("[own]\npatterns = []\n", "needs patterns"),
        ("[own\n", "not valid TOML"),
    ],
)
def test_a_broken_cue_file_is_a_config_error_naming_the_file(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "cues.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as caught:
        load_cues(path)
    assert str(path) in str(caught.value)


def sentences(*specs: tuple[Role, int], segments: tuple[int, ...] | None = None) -> list[Sentence]:
    """One sentence per (role, cue flags), each in its own field unless ``segments`` says otherwise."""
    return [
        Sentence(i * 10, i * 10 + 9, segments[i] if segments else i, role, int(cues))
        for i, (role, cues) in enumerate(specs)
    ]


def test_exclusions_and_earlier_treatment_are_not_the_study_but_may_state_its_design() -> None:
    marked = sentences(
        (Role.METHODS, Cue.EXCLUSION),
        (Role.METHODS, Cue.HISTORY | Cue.OWN),
        (Role.CONCLUSION, Cue.FUTURE),
        (Role.BACKGROUND, Cue.HISTORY),
    )
    classify(marked)
    assert [s.own for s in marked] == [False, False, False, False]
    assert [s.states_design for s in marked] == [True, True, False, False]


def test_a_background_section_speaks_of_the_study_only_where_it_states_its_purpose() -> None:
    marked = sentences((Role.BACKGROUND, Cue.OWN), (Role.BACKGROUND, Cue.PURPOSE), (Role.METHODS, Cue.BACKGROUND))
    classify(marked)
    assert [s.own for s in marked] == [False, True, False]


def test_an_unlabelled_abstract_opens_with_background_until_the_study_is_introduced() -> None:
    marked = sentences(
        (Role.TITLE, 0),
        (Role.UNLABELLED, 0),
        (Role.UNLABELLED, Cue.COUNTED),
        (Role.UNLABELLED, Cue.BACKGROUND),
        segments=(0, 1, 1, 1),
    )
    classify(marked)
    assert [s.own for s in marked] == [True, False, True, False]


@pytest.mark.parametrize("opening", [Role.BACKGROUND, Role.OBJECTIVE, Role.METHODS])
def test_unlabelled_opening_text_before_a_labelled_section_that_opens_the_study_is_background(opening: Role) -> None:
    marked = sentences(
        (Role.TITLE, 0),
        (Role.UNLABELLED, 0),
        (Role.UNLABELLED, 0),
        (opening, Cue.PURPOSE),
        (Role.RESULTS, 0),
        segments=(0, 1, 1, 2, 3),
    )
    classify(marked)
    assert [s.own for s in marked] == [True, False, False, True, True]


def test_an_unlabelled_body_before_a_labelled_conclusion_stays_the_study() -> None:
    marked = sentences((Role.TITLE, 0), (Role.UNLABELLED, 0), (Role.UNLABELLED, 0), (Role.CONCLUSION, 0))
    classify(marked)
    assert [s.own for s in marked][:3] == [True, True, True]


@pytest.mark.parametrize(
    "statement",
    [
        "Neuropathic pain affects millions of people worldwide.",
        "Neuropathic pain is common and hard to treat.",
        "Neuropathic pain affects up to 8% of adults.",
        "Neuropathic pain is a major public health problem.",
    ],
)
def test_how_common_a_condition_is_is_background(tagger: Tagger, statement: str) -> None:
    tags = tag(
        tagger,
        "Ketamine during anaesthesia for knee arthroscopy",
        f"{statement} Recovery after ketamine anaesthesia was faster than after propofol.",
    )
    assert "neuropathic_pain" not in tags.conditions
    assert not tags.on_topic


def test_a_structured_abstract_whose_opening_has_no_label_reads_as_one_with_it(tagger: Tagger) -> None:
    """Some journals leave the first section unlabelled: a background that names a chronic pain stays background."""
    opening = "Persistent pain follows groin hernia repair in one patient in ten."
    parts = [
        ("OBJECTIVE", "To compare ketamine with saline added to a nerve block for hernia repair."),
        ("METHODS", "Sixty adults scheduled for elective inguinal hernia repair were randomized to the two blocks."),
        ("RESULTS", "Rescue morphine in the first 24 hours was lower with ketamine."),
    ]
    title = "Ketamine added to an ilioinguinal nerve block"
    unlabelled_opening = tag(tagger, title, opening, *parts)
    labelled = tag(tagger, title, ("BACKGROUND", opening), *parts)
    assert not labelled.on_topic
    assert (unlabelled_opening.on_topic, unlabelled_opening.conditions) == (labelled.on_topic, labelled.conditions)


@pytest.mark.parametrize("count", ["seventeen", "eighty-two", "nineteen", "seventy"])
def test_a_count_spelled_out_introduces_the_study(tagger: Tagger, count: str) -> None:
    tags = tag(
        tagger,
        "Ketamine in chronic facial pain",
        f"The effect of ketamine in {count} patients with neuropathic orofacial pain was examined. The patients "
        "were given an intramuscular test dose. Pain fell in most.",
    )
    assert tags.conditions == ("trigeminal_neuralgia",)


@pytest.mark.parametrize(
    "statement",
    [
        "Chronic pain affects millions of adults.",
        "Chronic pain is common and costly.",
        "Chronic pain affects 20% of adults.",
    ],
)
def test_how_common_a_condition_is_names_no_population_of_the_study(tagger: Tagger, statement: str) -> None:
    """Where the study's own sentences name no population, the background's condition is theirs ("CRPS is hard to
    treat. Twenty patients received ketamine"), but not a statement of how common a condition is in the world."""
    tags = tag(
        tagger,
        "Preparing ketamine infusions in a hospital pharmacy",
        f"{statement} Ketamine is one treatment. We describe how ketamine infusions are prepared in our pharmacy.",
    )
    assert not tags.on_topic
    assert tags.conditions == ()


def test_the_background_still_names_the_population_of_a_study_that_names_none(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine infusions: a pilot study",
        "Complex regional pain syndrome is hard to treat. In this pilot study, twenty patients received ketamine.",
    )
    assert tags.on_topic and tags.conditions == ("crps",)


def test_conclusions_and_speculation_are_not_firm() -> None:
    marked = sentences((Role.RESULTS, 0), (Role.CONCLUSION, 0), (Role.RESULTS, Cue.SPECULATIVE))
    classify(marked)
    assert [s.firm for s in marked] == [True, False, False]


@pytest.mark.parametrize(
    ("text", "counted"),
    [("in 14 adult patients", True), ("in 14 of the adult patients", True), ("in A14 adult patients", False)],
)
def test_a_counted_noun_needs_a_number_starting_a_word(text: str, counted: bool) -> None:
    assert is_counted(text, 0, text.index("patients")) is counted


def test_a_call_for_future_work_introduces_no_study() -> None:
    marked = sentences(
        (Role.UNLABELLED, 0),
        (Role.UNLABELLED, Cue.OWN | Cue.FUTURE),
        (Role.UNLABELLED, 0),
        segments=(0, 0, 0),
    )
    classify(marked)
    # no sentence introduces the study: the opening and the plain sentences count, future work does not
    assert [s.own for s in marked] == [True, False, True]


def test_definitions_and_general_statements_are_background(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine in pain management",
        ("BACKGROUND", "We review ketamine for chronic pain."),
        (
            "RESULTS",
            "Neuropathic pain arises from a lesion of the somatosensory system. Ketamine is an NMDA antagonist used "
            "in fibromyalgia. Ketamine helped most patients with chronic pain.",
        ),
    )
    assert tags.conditions == ("chronic_pain_general",)


def test_a_conclusion_without_a_section_label_is_not_firm(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine infusion for complex regional pain syndrome",
        "We treated 20 patients with CRPS. In conclusion, ketamine is useful in fibromyalgia too.",
    )
    assert tags.conditions == ("crps",)
