"""The tagger on short sentences written for each trap keyword matching falls into.

Every text here is invented for the test; each states one fact about how
abstracts are written and what the tag must be.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from litscan.models import AbstractSection, MeshHeading, PublicationType, Record, Tags, to_jsonable
from litscan.tagging.tagger import Tagger

VOCABULARY = Path(__file__).resolve().parents[2] / "queries" / "chronic-pain.vocab.toml"


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger(VOCABULARY)


def record(
    title: str,
    *sections: str | tuple[str, str],
    types: tuple[str, ...] = ("Journal Article",),
    mesh: tuple[tuple[str, str], ...] = (),
) -> Record:
    """A new PubMed record: sections are plain text or (LABEL, text)."""
    parts = []
    for section in sections:
        if isinstance(section, tuple):
            parts.append(AbstractSection(section[1], label=section[0], category=section[0]))
        else:
            parts.append(AbstractSection(section))
    return Record(
        pmid="1",
        title=title,
        abstract_sections=tuple(parts),
        publication_types=tuple(PublicationType(t) for t in types),
        mesh=tuple(MeshHeading(name, ui) for name, ui in mesh),
    )


def tag(tagger: Tagger, *args, **kwargs) -> Tags:
    return tagger.tag(record(*args, **kwargs))


# --- conditions: only the record's own population counts ---------------------------------------


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


def test_comparison_with_previous_studies_adds_no_condition(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Oral ketamine for trigeminal neuralgia: a case series",
        "We describe three patients with trigeminal neuralgia treated with oral ketamine. "
        "Previous studies in phantom limb pain reported similar relief.",
    )
    assert tags.conditions == ("trigeminal_neuralgia",)


def test_general_neuropathic_pain_yields_to_the_specific_row(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine infusion for phantom limb pain",
        "We treated 10 amputees with neuropathic phantom limb pain with ketamine.",
    )
    assert tags.conditions == ("phantom_limb_pain",)


def test_abbreviation_defined_once_counts_later(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine after surgery",
        "Persistent post-surgical pain (PPSP) follows many operations. We randomised 80 patients "
        "to ketamine or saline and recorded PPSP at 6 months.",
    )
    assert "chronic_postsurgical_pain" in tags.conditions


def test_condition_in_a_speculative_conclusion_is_not_the_population(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Intravenous ketamine for fibromyalgia",
        ("METHODS", "Twenty women with fibromyalgia received ketamine."),
        ("CONCLUSIONS", "Ketamine may also be useful in complex regional pain syndrome."),
    )
    assert tags.conditions == ("fibromyalgia",)


def test_diagnoses_listed_in_a_mixed_population_add_nothing(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine infusions for refractory chronic pain: a clinic audit",
        "We audited 50 patients treated with ketamine. Diagnoses included CRPS (n = 20), "
        "fibromyalgia (n = 10) and back pain (n = 20).",
    )
    assert tags.conditions == ("chronic_pain_general",)


def test_subgroup_with_results_of_its_own_is_kept(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine for refractory chronic pain: a cohort study",
        "We followed 200 patients with refractory chronic pain after ketamine. Patients with "
        "fibromyalgia improved less than the others.",
    )
    assert tags.conditions == ("fibromyalgia", "chronic_pain_general")


def test_mesh_heading_adds_a_condition(tagger: Tagger) -> None:
    tags = tag(
        tagger, "Ketamine in outpatients", "We studied 20 adults given ketamine.", mesh=(("Fibromyalgia", "D005356"),)
    )
    assert tags.conditions == ("fibromyalgia",)
    assert tags.condition_evidence["fibromyalgia"][0].field == "mesh"


# --- routes: the route of ketamine in this study --------------------------------------------------


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


# --- design --------------------------------------------------------------------------------------


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


# --- on topic ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Ketamine for acute postoperative pain after knee surgery", "We randomised 80 adults to ketamine."),
        ("Esketamine nasal spray for treatment-resistant depression", "Patients received esketamine."),
        (
            "Intraoperative ketamine in laparoscopic cholecystectomy",
            "We randomised 60 patients to ketamine or saline; pain over 24 hours was lower with ketamine.",
        ),
        ("Ketamine sedation for children in the emergency department", "Children received ketamine."),
        ("Ketamine abuse and lower urinary tract symptoms", "Ketamine users completed a survey."),
        (
            "Oral memantine in patients with chronic neuropathic pain who responded to ketamine",
            "Patients who had responded to a ketamine test were randomized to memantine or placebo.",
        ),
        (
            "Pregabalin for chronic neuropathic pain",
            "We randomised 90 patients to pregabalin or placebo. Ketamine has been tried in such patients.",
        ),
    ],
)
def test_off_topic(tagger: Tagger, title: str, text: str) -> None:
    tags = tag(tagger, title, text)
    assert tags.on_topic is False
    assert tags.on_topic_evidence


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Perioperative ketamine for the prevention of chronic postsurgical pain",
            "Patients were randomised to ketamine or saline; pain was assessed at 6 months.",
        ),
        ("Ketamine in refractory chronic pain", "We followed 100 patients who received ketamine for one year."),
        ("Ketamine in a rat model of neuropathic pain", "Rats with chronic constriction injury received ketamine."),
        (
            "Ketamine for postoperative pain after knee arthroplasty: a randomized trial",
            "We randomized 200 patients to ketamine or placebo. Persistent postsurgical pain at 6 months was "
            "less frequent with ketamine.",
        ),
    ],
)
def test_on_topic(tagger: Tagger, title: str, text: str) -> None:
    assert tag(tagger, title, text).on_topic is True


# --- evidence and identity -----------------------------------------------------------------------


def test_every_tag_carries_evidence_with_the_exact_text(tagger: Tagger) -> None:
    rec = record(
        "Intravenous ketamine for complex regional pain syndrome: a randomized trial",
        ("METHODS", "Forty patients were randomly assigned to ketamine or saline."),
    )
    tags = tagger(rec)
    assert tags.design_evidence and tags.on_topic_evidence
    for cid in tags.conditions:
        assert tags.condition_evidence[cid]
    for rid in tags.routes:
        evidence = tags.route_evidence[rid][0]
        field_text = rec.title if evidence.field == "title" else rec.abstract_sections[0].text
        assert field_text[evidence.start : evidence.end] == evidence.text
    assert Tags.from_dict(to_jsonable(tags)) == tags, "the store's JSON keeps every piece of evidence"


def test_fingerprint_changes_with_the_vocabulary_file(tmp_path: Path, tagger: Tagger) -> None:
    copy = tmp_path / "v.vocab.toml"
    shutil.copy(VOCABULARY, copy)
    assert Tagger(copy).fingerprint == tagger.fingerprint
    copy.write_text(copy.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert Tagger(copy).fingerprint != tagger.fingerprint


def test_record_without_abstract_or_title(tagger: Tagger) -> None:
    tags = tagger(Record(pmid="2"))
    assert tags.on_topic is False and tags.design == "other"


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
