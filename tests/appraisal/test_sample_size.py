"""Sample size: participants read from the abstract; studies and participants for a review; never a
dose, an age, a percentage, a year, a p-value or a duration."""

from __future__ import annotations

import pytest

from litscan.appraisal.sample_size import SampleSize, sample_size

from .records import plain, structured


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        ("Patients with chronic pain (n = 40) received drug X.", 40),
        ("Forty patients were randomised to drug X or placebo.", 40),
        ("A total of 120 participants were enrolled across three sites.", 120),
        ("One hundred fifty-four patients were included (placebo, 75; drug X, 79).", 154),
        ("We studied 1,034 adults with chronic back pain.", 1034),
        ("The trial enrolled 36 healthy volunteers.", 36),
        ("Of 212 patients screened, 80 were randomised.", 80),
        ("A total of 78 patients were randomized; 76 patients completed the study.", 78),
        ("Fifty-two patients in the treatment group and fifty patients in the placebo group were analysed.", 102),
        # a noun followed by more person words: the first counts ("men and women", "including 76 men")
        ("We studied 1,833 men and women enrolled in a cohort of older adults.", 1833),
        ("The cohort consisted of 128 patients including 76 men and 52 women.", 128),
        ("In a retrospective study, 178 children and adolescents with epilepsy took drug X.", 178),
        ("We reviewed 41 patients with adolescent scoliosis who wore a brace.", 41),
        # the whole a part is counted against, whatever the part did
        ("Twelve (9%) of a total of 140 patients needed a second operation.", 140),
        ("Pain returned in 57 out of the 209 patients within five years.", 209),
        ("The analyses were based on a total of 2,500 patients in a primary care group.", 2500),
        ("A total of 129 patients were classified as either tolerant or naive to opioids.", 129),
    ],
)
def test_participants(text: str, participants: int) -> None:
    found = sample_size(structured(("METHODS", text)), "rct")
    assert found is not None
    assert (found.participants, found.studies, found.animals) == (participants, None, False)


@pytest.mark.parametrize(
    "text",
    [
        "Patients received 40 mg of drug X twice daily for 12 weeks.",
        "Adults aged 40 to 65 years were eligible; a 58-year-old woman was the first.",
        "Pain fell by 40% (P = 0.04) within 2 days.",
        "Records from 2010 to 2019 were reviewed.",
        "Patients with type 2 diabetes and grade 3 pain were eligible.",
        "The 95% confidence interval was 1.2 to 3.4.",
    ],
)
def test_numbers_that_count_no_participants(text: str) -> None:
    assert sample_size(structured(("METHODS", text)), "rct") is None


def test_counts_in_the_background_are_other_studies() -> None:
    record = structured(
        ("BACKGROUND", "A trial of 500 patients found no effect."), ("METHODS", "We enrolled 24 patients.")
    )
    found = sample_size(record, "rct")
    assert found is not None and found.participants == 24


def test_an_outcome_count_is_not_the_sample() -> None:
    record = plain("We treated 30 patients with drug X for four weeks. Eight patients reported nausea.")
    found = sample_size(record, "nonrandomized_trial")
    assert found is not None and found.participants == 30


@pytest.mark.parametrize(
    ("text", "studies", "participants"),
    [
        ("Twelve RCTs (n = 845) met the inclusion criteria.", 12, 845),
        ("We included 9 studies with 412 patients.", 9, 412),
        ("Of 807 records identified, 20 studies were included, involving 2,279 participants.", 20, 2279),
        ("Seventeen trials were included; most gave drug X intravenously.", 17, None),
    ],
)
def test_a_review_counts_studies_and_their_participants(text: str, studies: int, participants: int | None) -> None:
    found = sample_size(structured(("RESULTS", text)), "systematic_review")
    assert found is not None
    assert (found.studies, found.participants) == (studies, participants)


def test_review_authors_are_not_studies() -> None:
    record = structured(("METHODS", "Two reviewers screened the studies."), ("RESULTS", "Five RCTs were included."))
    found = sample_size(record, "systematic_review")
    assert found is not None and found.studies == 5
    record = structured(
        ("METHODS", "Data were extracted by 3 review authors."), ("RESULTS", "Nine trials were included.")
    )
    found = sample_size(record, "systematic_review")
    assert found is not None and found.studies == 9


def test_a_case_report_without_a_count_describes_one_patient() -> None:
    record = plain("We describe a 62-year-old woman with refractory pain who improved on drug X.")
    found = sample_size(record, "case_report")
    assert found is not None and found.participants == 1
    assert sample_size(record, "observational") is None  # only the design says it is a single case


def test_a_case_series_counts_its_cases() -> None:
    found = sample_size(plain("We report three patients whose pain resolved on drug X."), "case_report")
    assert found is not None and found.participants == 3
    found = sample_size(plain("We describe 3 cases of pain after surgery that resolved on drug X."), "case_report")
    assert found is not None and found.participants == 3


def test_animals_are_marked_as_such() -> None:
    found = sample_size(plain("Thirty-two male rats were randomly divided into four groups."), "preclinical")
    assert found is not None and (found.participants, found.animals) == (32, True)
    assert found.text == "32 animals"
    found = sample_size(plain("Groups of 10 male and 10 female rats were fed drug X for a year."), "preclinical")
    assert found is not None and found.animals  # "male" and "female" describe the rats


def test_a_list_number_is_not_a_count() -> None:
    assert sample_size(plain("(1) Male rats were fed drug X for two weeks."), "preclinical") is None


def test_a_protocol_gives_its_planned_sample() -> None:
    found = sample_size(structured(("METHODS", "The trial will randomise 56 adults to drug X or placebo.")), "protocol")
    assert found is not None and (found.participants, found.planned) == (56, True)
    assert found.text == "56 participants planned"


def test_the_title_counts_too() -> None:
    record = structured(("RESULTS", "Pain fell."), title="Drug X in 462 cancer survivors: a randomised trial")
    found = sample_size(record, "rct")
    assert found is not None and found.participants == 462


def test_the_evidence_holds_the_words_it_was_read_from() -> None:
    found = sample_size(structured(("METHODS", "Forty patients were randomised.")), "rct")
    assert found is not None and "40 patients were randomised" in found.evidence


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (SampleSize(participants=1), "1 participant"),
        (SampleSize(participants=1200), "1,200 participants"),
        (SampleSize(studies=1, participants=30), "1 study, 30 participants"),
        (SampleSize(studies=17), "17 studies"),
    ],
)
def test_as_a_reader_sees_it(size: SampleSize, text: str) -> None:
    assert size.text == text
