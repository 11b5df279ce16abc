"""On topic: the intervention studied in a chronic pain population, not only mentioned or framed otherwise."""

from __future__ import annotations

import pytest

from litscan.tagging.tagger import Tagger

from .records import tag


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


@pytest.mark.parametrize(
    ("title", "text", "decisive"),
    [
        # healthy volunteers, experimental pain and pharmacokinetics, even with chronic pain in the background
        (
            "Oral and intravenous ketamine in healthy volunteers: a pharmacokinetic study",
            "Ketamine is an option for cancer pain. Twelve healthy volunteers received ketamine.",
            "healthy volunteers",
        ),
        # an acute episode of a chronic condition, treated as acute pain
        (
            "Intranasal ketamine for acute migraine in the emergency department",
            "Sixty adults received ketamine.",
            "migraine",
        ),
        # pain of an acute treatment toxicity, even when called neuropathic
        (
            "Topical ketamine for neuropathic pain caused by radiation dermatitis",
            "Twenty patients with radiation dermatitis used ketamine gel during radiotherapy.",
            "neuropathic pain",
        ),
        # another indication in a population that is not a pain condition
        (
            "Ketamine for depression in hospice patients: a case series",
            "Three hospice patients with depression received oral ketamine.",
            "depression",
        ),
        ("Ketamine for fatigue in multiple sclerosis", "Twenty adults received ketamine.", "fatigue"),
        # recreational harm
        ("Ketamine-associated cystitis in recreational users", "We describe 20 ketamine users.", "cystitis"),
        # acute postsurgical pain after cancer surgery
        (
            "Intraoperative ketamine for acute postsurgical pain after breast cancer surgery",
            "We randomised 200 women; pain at 2 weeks did not differ.",
            "acute postsurgical pain",
        ),
        # a call to study ketamine is not a study of it
        (
            "Memantine for phantom limb pain",
            "We randomised 40 amputees to memantine or placebo. Ketamine could be tried next.",
            "Ketamine",
        ),
    ],
)
def test_off_topic_with_the_decisive_words_first(tagger: Tagger, title: str, text: str, decisive: str) -> None:
    tags = tag(tagger, title, text)
    assert tags.on_topic is False
    assert decisive in tags.on_topic_evidence[0].text


@pytest.mark.parametrize(
    ("title", "sections"),
    [
        # harm of ketamine given as treatment for chronic pain
        (
            "Liver injury during repeated ketamine infusions",
            (
                "Three patients treated with ketamine infusions for complex regional pain syndrome developed "
                "cholestasis.",
            ),
        ),
        # an unusual route in a chronic pain population
        (
            "Intra-articular methylprednisolone with or without ketamine in knee osteoarthritis",
            ("Seventy patients were randomly divided to the two injections; pain was followed for 3 months.",),
        ),
        # the intervention named in the stated purpose, not the title
        (
            "NMDA antagonists to prevent persistent postsurgical pain after thoracic surgery",
            (
                ("PURPOSE", "We conducted a pilot trial comparing intravenous ketamine with placebo."),
                ("METHODS", "Patients were followed for 3 months."),
            ),
        ),
        # mucositis pain the record frames as intractable and palliated
        (
            "Topical ketamine for mucositis pain",
            ("Ketamine rinse palliated intractable mucositis pain in a woman with carcinoma of the tongue.",),
        ),
        # an animal model of pain and depression
        (
            "Esketamine in neuropathic pain-related depression-like behaviour in rats",
            ("Rats with spared nerve injury received esketamine.",),
        ),
    ],
)
def test_on_topic_in_less_usual_shapes(tagger: Tagger, title: str, sections: tuple[str | tuple[str, str], ...]) -> None:
    assert tag(tagger, title, *sections).on_topic is True


def test_a_setting_word_that_is_not_surgery_leaves_a_chronic_title_on_topic(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine for central pain after spinal cord injury",
        (
            "METHODS",
            "Ten patients with pain below the level of the injury received ketamine or placebo in random order.",
        ),
    )
    assert tags.on_topic is True


_CHRONIC_BACK_PAIN_FUSION = (
    "Intraoperative ketamine in opioid-tolerant patients with chronic back pain undergoing lumbar fusion"
)


@pytest.mark.parametrize(
    ("title", "text", "on_topic"),
    [
        # TAXONOMY: patients with a chronic pain condition operated on: on topic only when their pain is
        # followed weeks or months later; conditions still name the population's condition
        (
            _CHRONIC_BACK_PAIN_FUSION,
            "Patients were randomized to ketamine or placebo. Opioid use over 48 hours after surgery was lower.",
            False,
        ),
        (
            _CHRONIC_BACK_PAIN_FUSION,
            "Patients were randomized to ketamine or placebo. Back pain was lower at 6 weeks and 3 months.",
            True,
        ),
        (
            "Ketamine during spine surgery in chronic pain patients",
            "Sixty patients were randomized to ketamine or saline. Pain scores at 24 hours did not differ.",
            False,
        ),
        # the chronic condition the operation may leave is what the study prevents: its own topic
        (
            "Perioperative ketamine for preventing phantom limb pain after amputation",
            "Forty patients received ketamine or saline. Pain on the first two days was lower with ketamine.",
            True,
        ),
    ],
)
def test_an_operation_on_patients_with_chronic_pain_is_on_topic_when_their_pain_is_followed_for_weeks(
    tagger: Tagger, title: str, text: str, on_topic: bool
) -> None:
    tags = tag(tagger, title, text)
    assert tags.on_topic is on_topic
    assert tags.conditions, "the population's condition is named either way"
    if not on_topic:
        assert "followed for days" in tags.on_topic_evidence[0].reason


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Oral memantine after ketamine infusion for complex regional pain syndrome: a randomized trial",
            "Patients with CRPS were randomized to oral memantine or placebo for 3 months. Pain rose in both groups.",
        ),
        (
            "Dextromethorphan following a ketamine infusion in fibromyalgia",
            "Twelve women with fibromyalgia took oral dextromethorphan for 4 weeks. Pain fell in five.",
        ),
        (
            "Memantine in ketamine responders with complex regional pain syndrome",
            "Patients with CRPS were randomized to memantine or placebo for 8 weeks. Pain did not differ.",
        ),
    ],
)
def test_ketamine_the_patients_had_before_the_study_is_neither_its_treatment_nor_its_route(
    tagger: Tagger, title: str, text: str
) -> None:
    tags = tag(tagger, title, text)
    assert tags.on_topic is False
    assert tags.routes == () or "intravenous" not in tags.routes
    assert tags.conditions, "the population is still named"


def test_relief_after_a_ketamine_infusion_is_still_what_the_study_gave(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Pain relief after ketamine infusion in CRPS: a 12-month follow-up",
        "We followed 30 patients with CRPS for 12 months after a 4-day ketamine infusion.",
    )
    assert tags.on_topic is True and tags.routes == ("intravenous",)


@pytest.mark.parametrize(
    ("title", "text", "on_topic"),
    [
        (
            "Ketamine anaesthesia in patients with chronic pain undergoing colonoscopy",
            "Patients were sedated with ketamine or propofol. Recovery time was shorter with propofol.",
            False,
        ),
        (
            "Ketamine sedation in patients with CRPS undergoing limb manipulation",
            "Twenty patients were sedated with ketamine. Pain was lower at 3 months than at baseline.",
            True,
        ),
        # a cause of the pain, not a setting the patients are in
        (
            "Ketamine for chronic neuropathic pain after burn injury",
            "Eight patients with persistent neuropathic pain received oral ketamine. Pain fell in six.",
            True,
        ),
    ],
)
def test_patients_with_chronic_pain_sedated_with_the_drug_are_on_topic_only_when_followed_for_weeks(
    tagger: Tagger, title: str, text: str, on_topic: bool
) -> None:
    assert tag(tagger, title, text).on_topic is on_topic


def test_the_drug_some_patients_also_received_is_not_what_the_study_gave(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Lidocaine infusions for refractory neuropathic pain: a case series",
        "We describe 20 patients who received intravenous lidocaine infusions. Three also received ketamine.",
    )
    assert tags.on_topic is False
    assert "only mentioned" in tags.on_topic_evidence[0].reason
