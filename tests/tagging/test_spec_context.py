"""TAXONOMY.md: conditions come from the study's own population, not from listings, background,
comparisons with other work or speculation; the most specific row wins, with the hard-case
conventions (mixed populations, subgroups, cancer pain called neuropathic, facial pain, radicular
pain). Each convention is stated in a few of the ways abstracts put it: in a Background or a
Discussion section, in an unlabelled abstract, before or after the study's own population.
"""

from __future__ import annotations

import pytest

from litscan.models import Record
from litscan.tagging.tagger import Tagger

from .records import record

_FIBROMYALGIA_TRIAL = "Thirty women with fibromyalgia were randomized to ketamine or placebo."
_CRPS = ("METHODS", "Twenty patients with CRPS received ketamine.")
_AMPUTEES = ("RESULTS", "Pain fell by 50% in 10 amputees with phantom limb pain.")

CASES: list[tuple[str, tuple[str, ...], Record]] = [
    # background: other conditions the drug has helped
    (
        "background section",
        ("fibromyalgia",),
        record(
            "Ketamine infusion in fibromyalgia: a randomized trial",
            ("BACKGROUND", "Ketamine relieves pain in CRPS, postherpetic neuralgia and phantom limb pain."),
            ("METHODS", _FIBROMYALGIA_TRIAL),
        ),
    ),
    (
        "background sentence of an unlabelled abstract",
        ("fibromyalgia",),
        record(
            "Ketamine infusion for widespread pain",
            f"Ketamine has been shown to relieve pain in complex regional pain syndrome. {_FIBROMYALGIA_TRIAL}"
            " Pain improved.",
        ),
    ),
    (
        "previous studies, then the aim",
        ("fibromyalgia",),
        record(
            "Ketamine infusion for widespread pain",
            "Previous studies in CRPS and spinal cord injury reported benefit. The aim of this study was to test "
            "ketamine in fibromyalgia. Thirty women were randomized.",
        ),
    ),
    (
        "a definition before the study",
        ("crps",),
        record(
            "Oral ketamine in complex regional pain syndrome",
            "Neuropathic pain is common after nerve injury and diabetes. We report 15 patients with CRPS treated "
            "with oral ketamine.",
        ),
    ),
    # comparison with other work
    (
        "similar to results in another condition",
        ("phantom_limb_pain",),
        record(
            "Ketamine after amputation",
            ("RESULTS", "Pain fell by 50% in 10 amputees with phantom pain, similar to results in CRPS."),
        ),
    ),
    (
        "as in earlier studies, in the conclusions",
        ("phantom_limb_pain",),
        record(
            "Ketamine after amputation",
            _AMPUTEES,
            ("CONCLUSIONS", "As in earlier studies of postherpetic neuralgia, ketamine was effective."),
        ),
    ),
    (
        "consistent with previous trials, in a discussion",
        ("phantom_limb_pain",),
        record(
            "Ketamine after amputation",
            ("DISCUSSION", "Our results are consistent with previous trials in fibromyalgia."),
            _AMPUTEES,
        ),
    ),
    # speculation and future work
    (
        "might be useful in other conditions",
        ("crps",),
        record(
            "Ketamine in CRPS",
            _CRPS,
            (
                "CONCLUSION",
                "Ketamine might be useful in other neuropathic pain conditions such as diabetic neuropathy.",
            ),
        ),
    ),
    (
        "future trials should examine",
        ("crps",),
        record("Ketamine in CRPS", _CRPS, ("CONCLUSION", "Future trials should examine ketamine in fibromyalgia.")),
    ),
    (
        "remains to be determined",
        ("crps",),
        record(
            "Ketamine in CRPS",
            _CRPS,
            ("CONCLUSION", "Whether these findings extend to phantom limb pain remains to be determined."),
        ),
    ),
    (
        "further research, unlabelled",
        ("crps",),
        record(
            "Ketamine in CRPS",
            "Twenty patients with CRPS received ketamine. Pain improved. Further research is needed in patients "
            "with spinal cord injury.",
        ),
    ),
    # a mixed population and its diagnoses
    (
        "diagnoses with counts after them",
        ("chronic_pain_general",),
        record(
            "Ketamine for refractory chronic pain: a retrospective review",
            ("METHODS", "We reviewed 120 patients with refractory chronic pain who received ketamine infusions."),
            (
                "RESULTS",
                "Diagnoses were CRPS (n=40), fibromyalgia (n=20), neuropathic pain (n=30) and other (n=30). "
                "Overall, 60% responded.",
            ),
        ),
    ),
    (
        "the most common diagnoses",
        ("chronic_pain_general",),
        record(
            "Ketamine infusions in a tertiary pain clinic",
            (
                "METHODS",
                "All 85 patients who received ketamine infusions between 2015 and 2020 were included. The most "
                "common diagnoses were CRPS, fibromyalgia and chronic low back pain.",
            ),
            ("RESULTS", "Mean pain scores fell by 2 points."),
        ),
    ),
    (
        "diagnoses in parentheses",
        ("chronic_pain_general",),
        record(
            "Ketamine infusions for chronic pain",
            (
                "METHODS",
                "Sixty patients with chronic pain (including CRPS, neuropathic pain and fibromyalgia)"
                " received ketamine.",
            ),
        ),
    ),
    (
        "among them",
        ("chronic_pain_general",),
        record(
            "Ketamine infusions for chronic pain",
            (
                "METHODS",
                "Sixty patients with chronic pain conditions, among them CRPS, neuropathic pain and fibromyalgia, "
                "received ketamine.",
            ),
        ),
    ),
    (
        "counts before the diagnoses",
        ("chronic_pain_general",),
        record(
            "Ketamine infusions for chronic pain",
            (
                "METHODS",
                "Sixty patients with chronic pain received ketamine; 25 had CRPS, 20 neuropathic pain"
                " and 15 fibromyalgia.",
            ),
        ),
    ),
    (
        "counts and shares before the diagnoses",
        ("chronic_pain_general",),
        record(
            "Ketamine infusions for chronic pain",
            (
                "METHODS",
                "Of 60 patients with chronic pain given ketamine, 25 (42%) had CRPS and 35 (58%) had fibromyalgia.",
            ),
        ),
    ),
    (
        "a subgroup with a result of its own",
        ("crps", "chronic_pain_general"),
        record(
            "Ketamine infusions for chronic pain",
            ("METHODS", "Sixty patients with refractory chronic pain received ketamine."),
            ("RESULTS", "Patients with CRPS had greater pain relief than those with other diagnoses (p=0.01)."),
        ),
    ),
    (
        "the whole population counted",
        ("crps",),
        record(
            "Ketamine infusions for chronic pain",
            ("METHODS", "Forty patients with chronic pain received ketamine; all 40 had CRPS."),
        ),
    ),
    # the most specific row
    (
        "neuropathic pain of diabetic neuropathy",
        ("diabetic_neuropathy",),
        record(
            "Ketamine for neuropathic pain in diabetes",
            (
                "METHODS",
                "Patients with painful diabetic neuropathy were randomized to ketamine or placebo. Neuropathic pain "
                "intensity was the primary outcome.",
            ),
        ),
    ),
    (
        "chemotherapy-induced neuropathy with an abbreviation",
        ("chemotherapy_neuropathy",),
        record(
            "Ketamine and amitriptyline cream for CIPN",
            (
                "METHODS",
                "Cancer survivors with chemotherapy-induced peripheral neuropathy (CIPN) applied the cream for 6 "
                "weeks. CIPN pain was measured.",
            ),
        ),
    ),
    (
        "neuropathic cancer pain",
        ("neuropathic_pain", "cancer_pain"),
        record(
            "Ketamine for neuropathic cancer pain",
            ("METHODS", "Patients with neuropathic cancer pain were randomized to ketamine or placebo."),
        ),
    ),
    (
        "cancer pain of neuropathic origin",
        ("neuropathic_pain", "cancer_pain"),
        record(
            "Ketamine in cancer pain with a neuropathic component",
            ("METHODS", "Patients with cancer pain of neuropathic origin received ketamine."),
        ),
    ),
    (
        "malignant neuropathic pain",
        ("neuropathic_pain", "cancer_pain"),
        record(
            "Ketamine for pain from tumour infiltration of the brachial plexus",
            ("METHODS", "We treated 12 patients with malignant neuropathic pain with ketamine."),
        ),
    ),
    (
        "cancer pain, some patients after tumour surgery",
        ("cancer_pain",),
        record(
            "Ketamine for cancer pain",
            ("METHODS", "Patients with refractory cancer pain received ketamine; 5 had undergone tumour surgery."),
        ),
    ),
    (
        "neuropathic pain in trigeminal territory",
        ("trigeminal_neuralgia",),
        record(
            "Ketamine for chronic orofacial neuropathic pain",
            "We reviewed 20 patients with neuropathic pain in the trigeminal territory who received"
            " ketamine infusions.",
        ),
    ),
    (
        "facial pain not called neuropathic",
        ("chronic_pain_general",),
        record(
            "Ketamine for persistent idiopathic facial pain",
            "We reviewed 20 patients with persistent idiopathic facial pain who received ketamine.",
        ),
    ),
    (
        "chronic back pain with radiculopathy",
        ("neuropathic_pain", "low_back_pain"),
        record(
            "Ketamine for chronic low back pain with radiculopathy",
            "Forty patients with chronic low back pain and lumbar radiculopathy were randomized to"
            " ketamine or placebo.",
        ),
    ),
    (
        "cauda equina is nerve roots",
        ("neuropathic_pain",),
        record(
            "Ketamine for cauda equina syndrome pain",
            "We describe 2 patients with neuropathic pain after cauda equina injury treated with ketamine.",
        ),
    ),
    (
        "whiplash is spinal pain",
        ("low_back_pain",),
        record(
            "Ketamine for chronic whiplash pain",
            "Patients with chronic whiplash-associated pain were randomized to ketamine or placebo.",
        ),
    ),
    # exclusions and denials
    (
        "excluded diagnoses",
        ("crps",),
        record(
            "Ketamine for CRPS",
            (
                "METHODS",
                "Patients with CRPS were included; patients with diabetic neuropathy or fibromyalgia were excluded.",
            ),
        ),
    ),
    (
        "without another diagnosis",
        ("crps",),
        record(
            "Ketamine for CRPS",
            ("METHODS", "Adults with CRPS, without diabetes or other neuropathic pain, were randomized to ketamine."),
        ),
    ),
    # central pain of a spinal cord disease is neuropathic pain; injury is its own row
    (
        "a spinal cord lesion from myelopathy",
        ("neuropathic_pain",),
        record(
            "Ketamine for central pain in cervical myelopathy",
            "We describe a patient with central pain from a spinal cord lesion due to cervical myelopathy treated"
            " with ketamine.",
        ),
    ),
    (
        "syringomyelia",
        ("neuropathic_pain",),
        record(
            "Ketamine for central pain in syringomyelia",
            "We describe 2 patients with syringomyelia and central neuropathic pain who responded to ketamine.",
        ),
    ),
    (
        "a traumatic spinal cord injury",
        ("spinal_cord_injury_pain",),
        record(
            "Ketamine for neuropathic pain in spinal cord injury",
            "Forty patients with neuropathic pain after traumatic spinal cord injury were randomized to ketamine.",
        ),
    ),
    # reviews: the conditions they are restricted to, or report results for
    (
        "a narrative review of one condition, unlabelled",
        ("crps",),
        record(
            "Ketamine for complex regional pain syndrome: a narrative review",
            "Complex regional pain syndrome is a disabling condition. Ketamine, an NMDA antagonist, has been used"
            " for its treatment. This review summarises the evidence for ketamine in CRPS.",
        ),
    ),
    (
        'a review that never says "we"',
        ("crps",),
        record(
            "Ketamine in CRPS",
            "Complex regional pain syndrome is a disabling condition with limited treatments. Intravenous ketamine"
            " has shown promise in several small studies. Its mechanisms, dosing and adverse effects are discussed.",
        ),
    ),
    (
        "a review in palliative care",
        ("cancer_pain",),
        record(
            "Ketamine for refractory pain in palliative care: an update",
            "Pain that does not respond to opioids is common in palliative care. Ketamine is increasingly used. We"
            " review its pharmacology and the trials in palliative patients with refractory pain.",
        ),
    ),
    (
        "a review of chronic pain naming conditions as examples",
        ("chronic_pain_general",),
        record(
            "Ketamine for chronic pain: a review",
            "Chronic pain affects 20% of adults. Ketamine has been used in chronic pain conditions such as CRPS,"
            " fibromyalgia and neuropathic pain. This review discusses its use in chronic pain.",
        ),
    ),
    (
        "a review reporting results per condition",
        ("crps", "neuropathic_pain", "fibromyalgia"),
        record(
            "Ketamine for chronic pain: a systematic review",
            "We included 20 trials. In CRPS, ketamine reduced pain for up to 12 weeks (3 trials). In fibromyalgia,"
            " effects lasted hours (4 trials). In neuropathic pain, results were mixed (8 trials).",
        ),
    ),
    (
        "a meta-analysis of prevention after surgery",
        ("chronic_postsurgical_pain",),
        record(
            "Intravenous ketamine and persistent pain after surgery: a meta-analysis",
            "We pooled 14 randomized trials of perioperative ketamine. The incidence of pain at 6 months after"
            " surgery was lower with ketamine.",
        ),
    ),
    (
        "chronic pain after cardiac surgery at 12 months",
        ("chronic_postsurgical_pain",),
        record(
            "Ketamine and chronic pain after cardiac surgery",
            ("METHODS", "Patients having cardiac surgery were randomized to ketamine or placebo."),
            ("RESULTS", "Chronic pain at 12 months occurred in 8% vs 17%."),
        ),
    ),
    (
        "a population with chronic back pain followed after spine surgery",
        ("low_back_pain",),
        record(
            "Ketamine in patients with chronic back pain undergoing spinal fusion",
            (
                "METHODS",
                "Opioid-dependent patients with chronic back pain having lumbar fusion were randomized to ketamine.",
            ),
            ("RESULTS", "Back pain at 6 weeks after surgery was lower with ketamine."),
        ),
    ),
    # the background introduces the population where the study's own sentences name none
    (
        'a background section, then only "patients"',
        ("crps",),
        record(
            "Ketamine infusion: a pilot study",
            ("BACKGROUND", "Complex regional pain syndrome (CRPS) is difficult to treat."),
            ("METHODS", "Twenty patients received a 5-day ketamine infusion."),
            ("RESULTS", "Pain fell by 40%."),
        ),
    ),
    (
        'an unlabelled opening, then only "patients"',
        ("crps",),
        record(
            "Ketamine infusion: a pilot study",
            "Complex regional pain syndrome is difficult to treat. In this pilot study, twenty patients received a"
            " 5-day ketamine infusion. Pain fell by 40%.",
        ),
    ),
    (
        'an introduction, then only "women"',
        ("fibromyalgia",),
        record(
            "Ketamine infusion: a pilot study",
            ("INTRODUCTION", "Fibromyalgia is a chronic widespread pain condition. NMDA receptors may be involved."),
            ("METHODS", "Twenty women were randomised to ketamine or placebo."),
            ("RESULTS", "Pain fell by 40%."),
        ),
    ),
    (
        "a background condition, then healthy volunteers",
        (),
        record(
            "Central sensitisation and ketamine",
            ("BACKGROUND", "Chronic pain and fibromyalgia are common."),
            ("METHODS", "Twenty healthy volunteers received ketamine."),
            ("RESULTS", "Hyperalgesia fell."),
        ),
    ),
    (
        "a background condition, then another population of the study's own",
        ("fibromyalgia",),
        record(
            "Ketamine infusion: a pilot study",
            ("BACKGROUND", "Complex regional pain syndrome (CRPS) is difficult to treat."),
            ("METHODS", "Twenty patients with fibromyalgia received a 5-day ketamine infusion."),
        ),
    ),
    # a survey lists what its respondents treat: a mixed population
    (
        "a survey's shares of respondents",
        ("chronic_pain_general",),
        record(
            "Ketamine infusion practices: a survey of pain physicians",
            ("METHODS", "We surveyed 250 members of a pain society about ketamine infusions for chronic pain."),
            (
                "RESULTS",
                "Ketamine was used for CRPS by 85% of respondents and for fibromyalgia by 30% of respondents.",
            ),
        ),
    ),
    (
        "a survey's indications with percentages",
        ("chronic_pain_general",),
        record(
            "Ketamine infusion practices: a survey of pain physicians",
            ("METHODS", "We surveyed 250 members of a pain society about ketamine infusions."),
            ("RESULTS", "The indications reported were CRPS (85%), neuropathic pain (60%) and fibromyalgia (30%)."),
        ),
    ),
    (
        "a survey's most often treated conditions",
        ("chronic_pain_general",),
        record(
            "Ketamine infusion practices for chronic pain: a survey of pain physicians",
            ("METHODS", "We surveyed 250 members of a pain society about ketamine infusions."),
            ("RESULTS", "Respondents most often treated CRPS, neuropathic pain and fibromyalgia with ketamine."),
        ),
    ),
    # the pain of chemotherapy-induced neuropathy in cancer patients is that neuropathy's, not cancer pain
    (
        "chemotherapy-induced neuropathic pain in cancer patients",
        ("chemotherapy_neuropathy",),
        record(
            "Ketamine for chemotherapy-induced neuropathic pain in cancer patients",
            (
                "METHODS",
                "Patients with cancer and chemotherapy-induced peripheral neuropathy were randomized to oral ketamine.",
            ),
        ),
    ),
    (
        "cancer pain or chemotherapy-induced neuropathy: both",
        ("chemotherapy_neuropathy", "cancer_pain"),
        record(
            "Ketamine for cancer pain and chemotherapy-induced neuropathy",
            (
                "METHODS",
                "Patients with cancer pain or chemotherapy-induced neuropathy were randomized to oral ketamine.",
            ),
        ),
    ),
    (
        "a background condition, then pain-free participants",
        (),
        record(
            "Ketamine and central sensitisation",
            ("BACKGROUND", "Central sensitisation underlies CRPS."),
            ("METHODS", "Sixteen pain-free participants received S-ketamine or placebo in random order."),
            ("RESULTS", "Hyperalgesia was reduced."),
        ),
    ),
    (
        "a background condition, then normal subjects",
        (),
        record(
            "Ketamine and central sensitisation",
            ("BACKGROUND", "Central sensitisation underlies fibromyalgia."),
            ("METHODS", "Ten normal subjects received ketamine."),
        ),
    ),
]


@pytest.mark.parametrize(("case", "rows", "rec"), CASES, ids=[c[0] for c in CASES])
def test_conditions_of_the_study_itself(tagger: Tagger, case: str, rows: tuple[str, ...], rec: Record) -> None:
    assert tagger.tag(rec).conditions == rows, case
