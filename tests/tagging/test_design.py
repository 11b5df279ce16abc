"""The design the record states of its own study; publication types fill in where it is silent."""

from __future__ import annotations

import pytest

from litscan.tagging.tagger import Tagger

from .records import record, tag


@pytest.mark.parametrize(
    ("title", "text", "design"),
    [
        ("Ketamine for CRPS: study protocol", "Sixty patients will be randomized to ketamine or placebo.", "protocol"),
        (
            "Ketamine in chronic pain",
            "We systematically searched MEDLINE and Embase for trials of ketamine.",
            "systematic_review",
        ),
        (
            "Ketamine and neuropathic pain in rats",
            "Ketamine reversed allodynia in rats after nerve ligation.",
            "preclinical",
        ),
        ("Ketamine for fibromyalgia", "Thirty patients were randomly assigned to ketamine or midazolam.", "rct"),
        (
            "Ketamine for fibromyalgia",
            "Thirty patients received open-label ketamine for four weeks.",
            "nonrandomized_trial",
        ),
        (
            "Ketamine for fibromyalgia",
            "A double-blind placebo-controlled trial of ketamine in 20 patients.",
            "nonrandomized_trial",
        ),
        ("Ketamine for CRPS", "We describe two patients with CRPS who responded to ketamine.", "case_report"),
        (
            "Ketamine for CRPS",
            "In this retrospective case series, 40 patients with CRPS received ketamine.",
            "observational",
        ),
        ("Oral ketamine in chronic pain: a narrative review", "Ketamine is used in pain clinics.", "review"),
        ("Consensus guidelines on ketamine infusions for chronic pain", "A panel reviewed the evidence.", "guideline"),
        ("Ketamine for chronic pain", "A pooled post hoc analysis of two phase 3, double-blind studies.", "rct"),
        (
            "Ketamine for CRPS according to current guidelines",
            "The study protocol was approved by the ethics committee. Forty patients were randomized.",
            "rct",
        ),
        (
            "Ketamine for CRPS: a review of 40 consecutive patients",
            "We retrospectively reviewed the records of 40 patients.",
            "observational",
        ),
    ],
)
def test_design_from_what_the_abstract_says(tagger: Tagger, title: str, text: str, design: str) -> None:
    assert tag(tagger, title, text).design == design


def test_a_review_that_cites_randomised_trials_is_a_review(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine for chronic pain: where are we now?",
        "In this review we summarise the evidence. Randomized trials of intravenous ketamine "
        "showed short-term relief in CRPS.",
    )
    assert tags.design == "review"


def test_calls_for_randomised_trials_do_not_make_a_case_report_an_rct(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine for cluster headache: report of two cases",
        ("CASE REPORTS", "Two men with chronic cluster headache received ketamine."),
        ("CONCLUSION", "Randomized, placebo-controlled studies are warranted."),
    )
    assert tags.design == "case_report"


def test_abstract_wins_over_publication_type(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine for neuropathic pain",
        "We searched PubMed and Embase and pooled 12 trials in a meta-analysis.",
        types=("Review",),
    )
    assert tags.design == "systematic_review"


def test_publication_type_fills_in_when_the_abstract_is_silent(tagger: Tagger) -> None:
    tags = tag(tagger, "Ketamine and chronic pain", types=("Journal Article", "Case Reports"))
    assert tags.design == "case_report"
    assert tags.design_evidence[0].field == "publication_type"


def test_a_recommended_trial_is_not_the_studys_own_design(tagger: Tagger) -> None:
    rec = record(
        "Oral ketamine for painful diabetic neuropathy: an open-label study",
        (
            None,
            "Twelve adults with painful diabetic neuropathy took oral ketamine for 4 weeks in a "
            "single-arm, open-label design. Pain scores fell. The result merits a randomised trial.",
        ),
    )
    assert tagger(rec).design == "nonrandomized_trial"


def test_a_few_described_people_are_a_case_report_not_a_cohort(tagger: Tagger) -> None:
    rec = record(
        "Burning perineal pain relieved by ketamine: three patients",
        (
            None,
            "We describe three women with refractory pudendal neuralgia who responded to "
            "low-dose oral ketamine taken for several months.",
        ),
    )
    assert tagger(rec).design == "case_report"


@pytest.mark.parametrize(
    ("title", "text", "design"),
    [
        (  # a search of named databases and a count of included studies: systematic, whatever it calls itself
            "Oral ketamine in chronic pain: a review",
            "A literature search of MEDLINE and Embase identified 22 relevant articles. Most were case series.",
            "systematic_review",
        ),
        (  # databases named as sources, no count: a narrative review; its lists of evidence are the literature's
            "Ketamine in palliative care",
            "Several databases were used to collect trials, literature reviews, and case reports on ketamine. "
            "Ketamine may help complex pain.",
            "review",
        ),
        (  # a letter about another team's study
            "Ketamine infusions work in some patients",
            "We read with interest the observational report of Smith et al. on ketamine infusions in CRPS.",
            "review",
        ),
        (  # a cited study's design is not this one's
            "Ketamine for CRPS",
            "The retrospective study of Jones et al. reported benefit. Twelve patients received open-label ketamine.",
            "nonrandomized_trial",
        ),
        (  # a method taken from cited work is still this study's
            "Ketamine for CRPS",
            "As described by Smith et al., 40 patients were randomized to ketamine or placebo.",
            "rct",
        ),
        (  # a randomised trial still to be done is not this study's allocation
            "Topical ketamine for radiation dermatitis pain: a pilot study",
            ("PURPOSE", "To assess topical ketamine and the feasibility of a randomized trial."),
            "nonrandomized_trial",
        ),
        (
            "Ketamine for CRPS",
            "Prior to randomization, 40 patients were screened; they were then randomized to ketamine or saline.",
            "rct",
        ),
        (  # a registration: future tense, no results
            "Ketamine and mindfulness for chronic pain",
            "Participants will receive four ketamine infusions. Researchers will compare the two groups.",
            "protocol",
        ),
        (
            "Esketamine for chronic visceral pain",
            ("BRIEF SUMMARY", "Esketamine may relieve visceral pain with depression. This study aims to explore it."),
            "protocol",
        ),
        (  # future tense in a review that has found its articles already
            "Oral ketamine in palliative care: a review of the literature",
            "We will analyse the clinical data on oral ketamine. After a search of five databases, a total of "
            "19 articles were included. We will include a case report.",
            "systematic_review",
        ),
        ("Ketamine therapy for chronic pain: practice considerations", "Ketamine clinics need standards.", "guideline"),
        (  # the protocol of a review still to be done
            "Ketamine and other NMDA antagonists for chronic pain",
            ("OBJECTIVES", "This is a protocol for a Cochrane Review. The objectives are to assess ketamine."),
            "protocol",
        ),
    ],
)
def test_design_from_the_studys_own_method(tagger: Tagger, title: str, text: str, design: str) -> None:
    tags = tag(tagger, title, text)
    assert tags.design == design
    assert tags.design_evidence and all(e.text and e.reason for e in tags.design_evidence)


@pytest.mark.parametrize(
    ("text", "design", "reason"),
    [
        (
            "A woman aged 43 presented with burning pain of the right hand. We started ketamine. "
            "She was free of pain after 5 days.",
            "case_report",
            "one patient described",
        ),
        (
            "In this paper, three patients with difficult neuropathic pain will be described. They took ketamine.",
            "case_report",
            "described one by one",
        ),
        (
            "We used ketamine to treat 11 children with uncontrolled cancer pain. Pain improved in 8 of them.",
            "observational",
            "a group of 11",
        ),
        ("We describe four women with pudendal neuralgia who took ketamine.", "observational", "a group of 4"),
        (
            "Patients with CRPS underwent a 4-day ketamine infusion. Outcome was rated without knowledge of "
            "the patient's thresholds.",
            "observational",
            "a group of patients",
        ),
        (
            "This study compared cognition in ketamine users and controls. One hundred users and 100 controls took "
            "memory tests.",
            "observational",
            "a group of 100",
        ),
        (
            "Ketamine blocks the NMDA receptor. It can reduce pain, but side effects limit its use.",
            "review",
            "no study population",
        ),
    ],
)
def test_with_no_design_stated_the_population_decides(tagger: Tagger, text: str, design: str, reason: str) -> None:
    tags = tag(tagger, "Ketamine and pain", text)
    assert tags.design == design
    evidence = tags.design_evidence[0]
    assert reason in evidence.reason and evidence.text


def test_a_search_with_a_count_says_both_in_its_evidence(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine for cancer pain",
        ("METHODS", "Eight databases were searched."),
        ("RESULTS", "Thirty-five studies were included."),
    )
    assert tags.design == "systematic_review"
    assert "databases were searched" in tags.design_evidence[0].text
    assert "studies were included" in tags.design_evidence[0].reason


def test_the_literatures_systematic_reviews_do_not_make_a_narrative_review_systematic(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine for chronic pain: a narrative review",
        "In this narrative review we discuss ketamine. Systematic reviews have shown short-term benefit in "
        "CRPS. Meta-analyses suggest little effect on neuropathic pain.",
    )
    assert tags.design == "review"


@pytest.mark.parametrize(
    "text",
    [
        "Airway management of a patient at risk for embolism should include selective ventilation.",
        "Immediate management includes placing the patient on high-flow oxygen.",
    ],
)
def test_a_patient_spoken_of_in_general_is_no_case_report(tagger: Tagger, text: str) -> None:
    tags = tag(tagger, "Gas embolism: diagnosis and management", text)
    assert tags.design != "case_report"


def test_a_narrated_patient_with_no_design_word_is_a_case_report(tagger: Tagger) -> None:
    tags = tag(tagger, "An unusual abscess", "A young man saw his doctor for back pain. He had an abscess.")
    assert tags.design == "case_report"
    assert "A young man" in tags.design_evidence[0].text


@pytest.mark.parametrize(
    ("title", "text", "design"),
    [
        (  # "non-randomised" says the opposite of randomised
            "Ketamine for CRPS",
            "In this non-randomised open-label study, 20 patients received oral ketamine.",
            "nonrandomized_trial",
        ),
        (
            "Ketamine for CRPS",
            "A quasi-randomized comparison of ketamine and lidocaine in 40 patients.",
            "nonrandomized_trial",
        ),
        (  # a search alone does not make a narrative review systematic
            "Ketamine for chronic pain: a narrative review",
            "We searched PubMed for relevant articles and summarise the evidence.",
            "review",
        ),
        (  # a search and a count of included studies do, even before any cue introduces the study
            "Efficacy of ketamine in chronic pain",
            "PubMed, Embase and the Cochrane Library were searched. Fourteen studies were included.",
            "systematic_review",
        ),
        (
            "Ketamine for neuropathic pain",
            "We searched MEDLINE and Embase to 2020. Eight randomised trials (n = 211) were included.",
            "systematic_review",
        ),
    ],
)
def test_what_a_method_says_against_its_words(tagger: Tagger, title: str, text: str, design: str) -> None:
    tags = tag(tagger, title, text)
    assert tags.design == design
    assert tags.design_evidence[0].text


@pytest.mark.parametrize(
    "text",
    [
        "Using this protocol, 40 patients were treated between 2015 and 2020. Pain scores were reduced by 50%.",
        "Data of all patients treated with ketamine at our centre in 2019 were analysed. Pain improved in 60%.",
    ],
)
def test_patients_treated_over_a_period_or_their_data_analysed_are_observational(tagger: Tagger, text: str) -> None:
    tags = tag(tagger, "Ketamine infusions for CRPS", text)
    assert tags.design == "observational"
    assert "suggested by" in tags.design_evidence[0].reason


def test_an_open_label_study_over_a_period_stays_a_trial(tagger: Tagger) -> None:
    text = "Between 2015 and 2017, 20 patients were enrolled in this open-label study of oral ketamine."
    assert tag(tagger, "Oral ketamine for CRPS", text).design == "nonrandomized_trial"


@pytest.mark.parametrize(
    ("title", "sections", "design"),
    [
        (  # a literature review added to a case does not make the record a review
            "Ketamine cystitis in a pain patient, with a review of the literature",
            ("A 40-year-old woman on oral ketamine for CRPS developed cystitis.",),
            "case_report",
        ),
        (
            "Ketamine for cluster headache: an unusual case and literature review",
            ("Ketamine stopped attacks.",),
            "case_report",
        ),
        (  # a case told in a section labelled Background
            "Ketamine for phantom pain",
            (("BACKGROUND", "A 14-year-old boy was admitted with phantom limb pain."), ("OUTCOME", "Ketamine helped.")),
            "case_report",
        ),
        ("Ketamine in chronic pain: a case for caution", ("Ketamine is widely used. We review its harms.",), "review"),
        ("Ketamine and chronic pain: a review of the literature", ("Ketamine is used in pain clinics.",), "review"),
    ],
)
def test_a_case_with_a_literature_review_is_a_case_report(
    tagger: Tagger, title: str, sections: tuple[str | tuple[str, str], ...], design: str
) -> None:
    tags = tag(tagger, title, *sections)
    assert tags.design == design
    assert tags.design_evidence[0].text


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (  # something done to animals opens an unlabelled abstract before any cue introduces the study
            "Ketamine and spinal enzymes",
            "Male Wistar rats were fed a diet with ketamine for 2 weeks. We found that enzyme activity rose 3-fold.",
        ),
        (  # the authors' own experiments on cells, with no population and no design word
            "Ketamine protects glial cells from oxidative stress",
            "Oxidative stress harms glia. We show that ketamine reduces cell death by half.",
        ),
    ],
)
def test_the_authors_own_experiments_on_animals_or_cells_are_preclinical(tagger: Tagger, title: str, text: str) -> None:
    tags = tag(tagger, title, text)
    assert tags.design == "preclinical"
    assert tags.design_evidence[0].text


def test_the_authors_own_work_on_people_stays_observational(tagger: Tagger) -> None:
    tags = tag(
        tagger, "Ketamine prescribing in pain clinics", "We analysed prescriptions of ketamine from 2015 to 2020."
    )
    assert tags.design == "observational"


@pytest.mark.parametrize(
    ("text", "design"),
    [
        (  # counts of the literature are not the record's population
            "A woman with CRPS responded to ketamine. Only six cases have been reported previously.",
            "case_report",
        ),
        (  # a weak cue does not make two patients a trial
            "Two patients underwent ketamine infusions while one received oral ketamine.",
            "case_report",
        ),
    ],
)
def test_the_population_counted_whole_and_only_the_records_own(tagger: Tagger, text: str, design: str) -> None:
    assert tag(tagger, "Ketamine for CRPS", text).design == design


def test_a_count_in_words_is_read_whole(tagger: Tagger) -> None:
    tags = tag(tagger, "Ketamine for CRPS", "One hundred and four individuals with CRPS had ketamine at home.")
    assert tags.design == "observational"
    assert "104" in tags.design_evidence[0].reason


def test_a_case_based_update_is_no_case_report(tagger: Tagger) -> None:
    tags = tag(tagger, "Gas embolism: a case-based update", "Gas embolism is rare. Management is supportive.")
    assert tags.design == "review"


def test_measurements_before_and_after_the_infusion_the_study_gave_make_a_non_randomised_trial(
    tagger: Tagger,
) -> None:
    # TAXONOMY: ketamine given by a study protocol without a control group, imaging studies included
    tags = tag(
        tagger,
        "Brain connectivity after ketamine in fibromyalgia: a functional MRI study",
        "Fifteen women with fibromyalgia underwent functional MRI before and after a single intravenous ketamine "
        "infusion. Connectivity fell in the default mode network.",
    )
    assert tags.design == "nonrandomized_trial"


@pytest.mark.parametrize(
    ("text", "case_report"),
    [
        ("An unexpected death is described that followed a ketamine infusion for CRPS.", True),
        ("A fatal complication is reported here in a woman treated with oral ketamine.", True),
        # a system or a method "is described": not a person or an event
        ("A prototype of a dosing calculator for ketamine infusions is described and its model presented.", False),
    ],
)
def test_a_person_or_an_adverse_event_reported_makes_a_case_report(
    tagger: Tagger, text: str, case_report: bool
) -> None:
    assert (tag(tagger, "Ketamine for chronic pain", text).design == "case_report") is case_report
