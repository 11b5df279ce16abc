"""Each condition row of TAXONOMY.md, in the words real abstracts use for it.

Written from the taxonomy, not from any labelled record: every row's names, its British and
American spellings, hyphenated and spaced forms, plurals and abbreviations a record defines, each
stated of the study's own patients in a Methods sentence, in the title or in an unlabelled abstract.
"""

from __future__ import annotations

import pytest

from litscan.tagging.tagger import Tagger

from .records import tag

ROWS = [
    ("crps", "reflex sympathetic dystrophy (RSD) of the hand. All RSD patients"),
    ("crps", "complex regional pain syndromes"),
    ("crps", "CRPS type 1"),
    ("crps", "CRPS I of the foot"),
    ("crps", "algodystrophy"),
    ("crps", "algoneurodystrophy"),
    ("crps", "shoulder-hand syndrome"),
    ("crps", "causalgia"),
    ("trigeminal_neuralgia", "tic douloureux"),
    ("trigeminal_neuralgia", "painful post-traumatic trigeminal neuropathy"),
    ("trigeminal_neuralgia", "neuropathic orofacial pain"),
    ("trigeminal_neuralgia", "chronic neuropathic facial pain"),
    ("trigeminal_neuralgia", "neuropathic pain of the face"),
    ("trigeminal_neuralgia", "orofacial pain of neuropathic origin"),
    ("trigeminal_neuralgia", "trigeminal neuralgias"),
    ("chronic_pain_general", "chronic facial pain"),
    ("central_poststroke_pain", "central poststroke pain"),
    ("central_poststroke_pain", "post-stroke central pain"),
    ("central_poststroke_pain", "central pain after stroke"),
    ("central_poststroke_pain", "central pain following a thalamic stroke"),
    ("central_poststroke_pain", "Dejerine-Roussy syndrome"),
    ("central_poststroke_pain", "a history of stroke and central neuropathic pain"),
    ("spinal_cord_injury_pain", "spinal cord injuries and neuropathic pain"),
    ("spinal_cord_injury_pain", "neuropathic pain, all of them spinal cord-injured,"),
    ("spinal_cord_injury_pain", "below-level neuropathic pain after spinal cord trauma"),
    ("neuropathic_pain", "central pain due to syringomyelia"),
    ("neuropathic_pain", "neuropathic pain after cauda equina injury"),
    ("phantom_limb_pain", "phantom pain after amputation"),
    ("phantom_limb_pain", "phantom limb pains"),
    ("phantom_limb_pain", "postamputation pain"),
    ("postherpetic_neuralgia", "post herpetic neuralgia"),
    ("postherpetic_neuralgia", "post-zoster neuralgia"),
    ("postherpetic_neuralgia", "postherpetic neuralgia (PHN). The PHN"),
    ("postherpetic_neuralgia", "acute zoster, to prevent its persistence,"),
    ("postherpetic_neuralgia", "zoster pain"),
    ("diabetic_neuropathy", "painful diabetic polyneuropathy"),
    ("diabetic_neuropathy", "diabetic peripheral neuropathic pain"),
    ("diabetic_neuropathy", "painful neuropathy due to diabetes mellitus"),
    ("chemotherapy_neuropathy", "chemotherapy-induced peripheral neuropathy"),
    ("chemotherapy_neuropathy", "chemotherapy induced neuropathic pain"),
    ("chemotherapy_neuropathy", "chemotherapy-associated peripheral neuropathy"),
    ("chemotherapy_neuropathy", "oxaliplatin-induced neurotoxicity"),
    ("chemotherapy_neuropathy", "painful chemotherapy-induced polyneuropathy"),
    ("chemotherapy_neuropathy", "taxane-induced painful neuropathy"),
    ("chemotherapy_neuropathy", "persistent neuropathy after chemotherapy"),
    ("neuropathic_pain", "HIV-associated neuropathy"),
    ("neuropathic_pain", "painful lumbar radiculopathy"),
    ("neuropathic_pain", "multiple sclerosis and central pain"),
    ("fibromyalgia", "fibromyalgia syndrome (FMS). In FMS patients"),
    ("cancer_pain", "cancer-associated pain"),
    ("cancer_pain", "refractory pain from malignancy"),
    ("cancer_pain", "pain due to bone metastases"),
    ("headache", "refractory chronic migraine"),
    ("headache", "chronic cluster headaches"),
    ("headache", "new daily persistent headache"),
    ("headache", "medication-overuse headache"),
    ("low_back_pain", "chronic low-back pain"),
    ("low_back_pain", "chronic lumbar back pain"),
    ("low_back_pain", "chronic lumbago"),
    ("low_back_pain", "persistent back pain"),
    ("low_back_pain", "long-standing back pain"),
    ("low_back_pain", "CLBP"),
    ("low_back_pain", "failed back surgery syndrome"),
    ("low_back_pain", "chronic whiplash-associated disorders and neck pain"),
    ("chronic_postsurgical_pain", "chronic post-surgical pain (CPSP). In CPSP"),
    ("chronic_postsurgical_pain", "persistent pain after breast surgery"),
    ("chronic_postsurgical_pain", "post-mastectomy pain syndrome"),
    ("chronic_postsurgical_pain", "chronic pain after total knee arthroplasty"),
    ("chronic_postsurgical_pain", "persistent postoperative pain"),
    ("chronic_postsurgical_pain", "chronic pain after inguinal hernia repair"),
    ("chronic_pain_general", "chronic non-cancer pain"),
    ("chronic_pain_general", "refractory chronic pain"),
    # spaced where others hyphenate or close up: "post stroke", "post surgical", "non cancer"
    ("central_poststroke_pain", "central post stroke pain"),
    ("chronic_postsurgical_pain", "chronic post surgical pain"),
    ("chronic_postsurgical_pain", "persistent post operative pain"),
    ("chronic_pain_general", "chronic non cancer pain"),
    ("chronic_pain_general", "chronic non malignant pain"),
    ("chronic_pain_general", "chronic pain of non-cancer origin"),
    ("chemotherapy_neuropathy", "chemotherapy induced peripheral neuropathy"),
    # named chronic pain conditions without a row of their own
    ("chronic_pain_general", "refractory interstitial cystitis"),
    ("chronic_pain_general", "painful bladder syndrome"),
    ("chronic_pain_general", "endometriosis-associated pelvic pain"),
    ("chronic_pain_general", "painful chronic pancreatitis"),
    ("chronic_pain_general", "rheumatoid arthritis and persistent joint pain"),
    ("chronic_pain_general", "sickle cell disease and chronic daily pain"),
]


@pytest.mark.parametrize(("row", "phrase"), ROWS)
def test_each_row_named_in_the_methods(tagger: Tagger, row: str, phrase: str) -> None:
    tags = tag(
        tagger, "Ketamine: a clinical study", ("METHODS", f"We treated 24 patients with {phrase} with ketamine.")
    )
    assert tags.conditions == (row,)
    assert tags.on_topic


@pytest.mark.parametrize(("row", "phrase"), ROWS[::3])
def test_each_row_named_in_an_unlabelled_abstract(tagger: Tagger, row: str, phrase: str) -> None:
    tags = tag(
        tagger,
        "Low-dose ketamine infusions",
        f"Treatment options are limited. Twenty adults with {phrase} received ketamine for five days. Pain fell.",
    )
    assert tags.conditions == (row,)


@pytest.mark.parametrize("people", ["patients", "participants", "subjects"])
def test_chronic_pain_people_having_lumbar_fusion_have_back_pain(tagger: Tagger, people: str) -> None:
    """TAXONOMY: the back pain of chronic pain patients having spine surgery, whatever the study calls them."""
    tags = tag(
        tagger,
        "Intraoperative ketamine in lumbar fusion",
        ("METHODS", f"We randomized 80 chronic pain {people} undergoing lumbar spinal fusion to ketamine or placebo."),
    )
    assert "low_back_pain" in tags.conditions


def test_a_list_joined_by_or_is_no_back_pain(tagger: Tagger) -> None:
    """ "chronic pain or back pain" does not name chronic back pain: the adjective qualifies the first."""
    tags = tag(tagger, "Ketamine", ("METHODS", "We treated 20 patients with chronic pain or back pain with ketamine."))
    assert "low_back_pain" not in tags.conditions
