"""Issue 12's condition failure kinds, each in several wordings: conditions from listings (surveys,
consensus), the background, comparisons with other work and speculation; the most specific row per
TAXONOMY.md's conventions; conditions stated plainly in reviews and in perioperative trials with a
chronic outcome. Written from the taxonomy, not from any labelled record.
"""

from __future__ import annotations

import pytest

from litscan.models import Record
from litscan.tagging.tagger import Tagger

from .blind_kinds import CONDITIONS
from .records import record

CASES: list[tuple[str, tuple[str, ...], Record]] = [
    (
        "one condition with its count in the title is the population, not a share",
        ("postherpetic_neuralgia",),
        record(
            "Oral ketamine for postherpetic neuralgia (n = 24): an open study",
            "The patients took oral ketamine for four weeks. Pain fell.",
        ),
    ),
    (
        "several conditions each with its count are a mixed population",
        ("chronic_pain_general",),
        record(
            "Ketamine infusions in a pain clinic",
            "We treated 40 patients: postherpetic neuralgia (n = 12), CRPS (n = 15) and fibromyalgia (n = 13).",
        ),
    ),
    (
        "a counted condition whose words also say chronic pain is one population",
        ("cancer_pain",),
        record(
            "Ketamine for cancer pain (n = 14): an open study",
            ("METHODS", "Patients with refractory cancer pain (n = 14) took oral ketamine."),
            ("RESULTS", "Pain fell in 9."),
        ),
    ),
    (
        "cpsp named with its abbreviation in the results",
        ("chronic_postsurgical_pain",),
        record(
            "Intraoperative ketamine in total knee arthroplasty",
            "Patients scheduled for knee arthroplasty received ketamine or placebo. Chronic postsurgical pain (CPSP) "
            "at month 3 did not differ between the groups.",
        ),
    ),
    # listings (surveys, consensus)
    (
        "survey lists conditions",
        ("chronic_pain_general",),
        record(
            "Ketamine infusion practice: a survey of pain physicians",
            "We surveyed 250 pain physicians about ketamine infusions for chronic pain. Respondents most often used "
            "ketamine for CRPS, neuropathic pain and fibromyalgia.",
        ),
    ),
    (
        "survey lists with percentages",
        ("chronic_pain_general",),
        record(
            "Ketamine use in pain clinics",
            ("METHODS", "A questionnaire was sent to 120 pain clinics."),
            ("RESULTS", "Ketamine was used for CRPS (82%), phantom limb pain (40%) and cancer pain (35%)."),
        ),
    ),
    (
        "consensus lists indications",
        ("chronic_pain_general",),
        record(
            "Consensus recommendations on ketamine for chronic pain",
            "An expert panel reviewed ketamine infusions for chronic pain, for indications including CRPS, spinal "
            "cord injury pain and fibromyalgia, and issued recommendations on dosing and monitoring.",
        ),
    ),
    # background
    (
        "background CRPS, study fibromyalgia",
        ("fibromyalgia",),
        record(
            "Ketamine in fibromyalgia: a randomised trial",
            ("BACKGROUND", "Ketamine relieves pain in CRPS and phantom limb pain."),
            ("METHODS", "Twenty-four women with fibromyalgia were randomised to ketamine or placebo."),
        ),
    ),
    (
        "unlabelled background sentence names other",
        ("headache",),
        record(
            "Intranasal ketamine for chronic migraine",
            "Ketamine has been studied in neuropathic pain and depression. We treated 20 patients with chronic "
            "migraine with intranasal ketamine.",
        ),
    ),
    # comparisons
    (
        "similar effects seen in an earlier study of another condition",
        ("phantom_limb_pain",),
        record(
            "Ketamine in phantom limb pain",
            "Ten amputees with phantom limb pain received ketamine. Similar effects were seen in our earlier study "
            "of CRPS.",
        ),
    ),
    (
        "a share that also had another condition",
        ("headache",),
        record(
            "Ketamine for refractory migraine",
            "We reviewed 60 inpatients with refractory chronic migraine given ketamine infusions; 20% also had "
            "fibromyalgia. Headache intensity fell.",
        ),
    ),
    (
        "what a survey's respondents used ketamine for",
        ("chronic_pain_general",),
        record(
            "Ketamine infusion practice among pain physicians: a survey",
            "We surveyed 300 pain physicians about ketamine infusions for chronic pain. Most used it for CRPS, "
            "neuropathic pain and fibromyalgia.",
        ),
    ),
    (
        "compared with published results in other conditions",
        ("fibromyalgia",),
        record(
            "Ketamine in fibromyalgia: an open study",
            "Forty patients with fibromyalgia received ketamine infusions; their pain relief was compared with "
            "published results in CRPS and neuropathic pain.",
        ),
    ),
    (
        "comparison with other work",
        ("postherpetic_neuralgia",),
        record(
            "Ketamine in postherpetic neuralgia",
            ("METHODS", "Eight patients with postherpetic neuralgia received ketamine infusions."),
            ("RESULTS", "Relief was smaller than reported in CRPS."),
        ),
    ),
    (
        "comparison 'as seen in' ",
        ("crps",),
        record(
            "Ketamine for CRPS",
            "Fifteen patients with CRPS received ketamine. The effect lasted longer than that seen in fibromyalgia "
            "trials.",
        ),
    ),
    (
        "comparison 'compared with trials in'",
        ("spinal_cord_injury_pain",),
        record(
            "Ketamine for SCI pain",
            (
                "RESULTS",
                "Ten patients with spinal cord injury pain received ketamine; the response rate was similar to those "
                "reported for phantom pain.",
            ),
        ),
    ),
    # speculation
    (
        "speculation in conclusion",
        ("crps",),
        record(
            "Ketamine for CRPS: an open-label study",
            ("METHODS", "Twenty patients with CRPS received ketamine."),
            (
                "CONCLUSIONS",
                "Ketamine might also benefit patients with other neuropathic pain conditions such as postherpetic "
                "neuralgia.",
            ),
        ),
    ),
    (
        "speculation 'may be worth trying in'",
        ("phantom_limb_pain",),
        record(
            "Ketamine in phantom limb pain",
            "Twelve amputees with phantom limb pain received oral ketamine. It is worth trying in stump pain and CRPS "
            "too.",
        ),
    ),
    # specific vs general
    (
        "CIPN in cancer patients",
        ("chemotherapy_neuropathy",),
        record(
            "Ketamine for chemotherapy-induced neuropathy",
            "Patients with cancer and painful chemotherapy-induced peripheral neuropathy applied topical ketamine.",
        ),
    ),
    (
        "cancer-related neuropathic pain gets both",
        ("cancer_pain", "neuropathic_pain"),
        record(
            "Ketamine in neuropathic cancer pain",
            "Forty patients with neuropathic pain due to tumour infiltration of nerves received ketamine.",
        ),
    ),
    (
        "facial neuropathic → TN",
        ("trigeminal_neuralgia",),
        record(
            "Ketamine for neuropathic facial pain",
            "Ten patients with chronic neuropathic pain in the face received ketamine infusions.",
        ),
    ),
    (
        "orofacial neuropathic post-traumatic",
        ("trigeminal_neuralgia",),
        record(
            "Ketamine for post-traumatic trigeminal pain",
            "Six patients with painful post-traumatic trigeminal neuropathy received oral ketamine.",
        ),
    ),
    (
        "facial pain not neuropathic → general",
        ("chronic_pain_general",),
        record("Ketamine for chronic facial pain", "Twelve patients with chronic facial pain received ketamine."),
    ),
    (
        "radiculopathy + chronic back pain",
        ("neuropathic_pain", "low_back_pain"),
        record(
            "Epidural ketamine for chronic low back pain with radiculopathy",
            "Patients with chronic low back pain and lumbar radiculopathy received epidural ketamine.",
        ),
    ),
    (
        "cauda equina not SCI",
        ("neuropathic_pain",),
        record(
            "Ketamine in cauda equina syndrome pain",
            "Five patients with neuropathic pain after cauda equina injury received ketamine.",
        ),
    ),
    (
        "diabetic neuropathy, no 'painful'",
        ("diabetic_neuropathy",),
        record(
            "Topical ketamine in DPN",
            "Patients with painful diabetic peripheral neuropathy (DPN) applied ketamine cream. DPN pain fell.",
        ),
    ),
    (
        "neck pain → low_back_pain",
        ("low_back_pain",),
        record(
            "Ketamine for chronic neck pain",
            "Twenty patients with chronic whiplash-associated neck pain received ketamine.",
        ),
    ),
    # stated plainly in reviews
    (
        "review of ketamine in CRPS",
        ("crps",),
        record(
            "Ketamine for complex regional pain syndrome: a narrative review",
            "This review summarises trials of ketamine in CRPS.",
        ),
    ),
    (
        "SR restricted to named conditions",
        ("fibromyalgia", "neuropathic_pain"),
        record(
            "Ketamine in fibromyalgia and neuropathic pain: a systematic review",
            "We searched MEDLINE and included 12 trials in fibromyalgia and neuropathic pain. Ketamine reduced pain "
            "in both.",
        ),
    ),
    (
        "SR of chronic pain naming examples → general",
        ("chronic_pain_general",),
        record(
            "Ketamine for chronic pain: a systematic review and meta-analysis",
            "We included 20 trials of ketamine in chronic pain conditions such as CRPS, fibromyalgia and neuropathic "
            "pain.",
        ),
    ),
    (
        "review cancer pain plainly",
        ("cancer_pain",),
        record(
            "Ketamine in cancer pain: a review",
            "Ketamine is used as an adjuvant for refractory cancer pain. We review the evidence.",
        ),
    ),
    (
        "review results per condition",
        ("crps", "phantom_limb_pain", "fibromyalgia"),
        record(
            "Ketamine for chronic pain conditions: a systematic review",
            (
                "RESULTS",
                "Thirty trials were included. Ketamine reduced pain in CRPS (5 trials) and phantom limb pain (3 "
                "trials) but not in fibromyalgia (4 trials).",
            ),
        ),
    ),
    (
        "a headache said to be persistent is the headache row whatever its kind",
        ("headache",),
        record(
            "Ketamine for post-traumatic headache",
            "Veterans with persistent post-traumatic headache received intranasal ketamine for 3 months. Headache "
            "days fell.",
        ),
    ),
    # a disease or a symptom named, not the chronic pain of the row
    (
        "spinal cord injury with no pain in its sentences is a population, not SCI pain",
        (),
        record(
            "Ketamine infusions for depression after spinal cord injury",
            "Twenty adults with paraplegia after spinal cord injury and major depression received six ketamine "
            "infusions. Depression scores fell.",
        ),
    ),
    (
        "spinal cord injury and its pain in one sentence is SCI pain",
        ("spinal_cord_injury_pain",),
        record(
            "Ketamine after spinal cord injury: an open study",
            "Twelve tetraplegic patients with at-level neuropathic pain took oral ketamine for a month. Pain fell.",
        ),
    ),
    (
        "acute low back pain in the emergency department is no chronic low back pain",
        (),
        record(
            "Ketamine versus morphine for acute low back pain in the emergency department",
            "Adults with acute lumbar pain were randomised to intravenous ketamine or morphine. Pain at 60 minutes did "
            "not differ.",
        ),
    ),
    (
        "acute neck pain named nowhere as chronic is no chronic spinal pain",
        (),
        record(
            "Intranasal ketamine for acute neck pain: a pilot study",
            "Patients with acute neck pain after a fall received intranasal ketamine. Neck pain fell within the hour.",
        ),
    ),
    (
        "an acute exacerbation of chronic low back pain keeps the chronic condition",
        ("low_back_pain",),
        record(
            "Ketamine for acute exacerbations of chronic low back pain in the emergency department",
            "Patients with chronic low back pain presenting with an acute exacerbation received intravenous ketamine.",
        ),
    ),
    (
        "acute and chronic back pain both named: the chronic one counts",
        ("low_back_pain",),
        record(
            "Oral ketamine in acute and chronic low back pain: a cohort",
            "We followed 60 patients with acute or chronic low back pain who took oral ketamine for 3 months.",
        ),
    ),
    # perioperative with chronic outcome
    (
        "periop CPSP outcome",
        ("chronic_postsurgical_pain",),
        record(
            "Ketamine and chronic pain after breast surgery: a randomized trial",
            "Women undergoing breast cancer surgery were randomized to ketamine or saline. Chronic pain at 6 months "
            "was assessed.",
        ),
    ),
    (
        "periop spine surgery chronic back pain patients, late outcome",
        ("low_back_pain",),
        record(
            "Ketamine in opioid-dependent patients having spine surgery",
            (
                "METHODS",
                "Patients with chronic low back pain taking opioids who underwent lumbar fusion received ketamine or "
                "placebo.",
            ),
            ("RESULTS", "Back pain intensity at 6 weeks after surgery was lower with ketamine."),
        ),
    ),
    (
        "periop CPSP 'persistent postsurgical pain' abbreviation",
        ("chronic_postsurgical_pain",),
        record(
            "Esketamine in video-assisted thoracoscopic surgery",
            ("METHODS", "Patients undergoing VATS were randomised to esketamine or saline."),
            ("RESULTS", "The incidence of persistent postsurgical pain (PPSP) at 3 months was lower with esketamine."),
        ),
    ),
    (
        "periop CPSP 'pain at 3 months' no chronic word",
        ("chronic_postsurgical_pain",),
        record(
            "Ketamine in total knee arthroplasty",
            ("METHODS", "Patients having knee replacement were randomized to ketamine or saline."),
            ("RESULTS", "Pain at 3 months after surgery was lower with ketamine."),
        ),
    ),
    (
        "periop amputation phantom prevention",
        ("phantom_limb_pain",),
        record(
            "Perioperative ketamine in lower limb amputation",
            "Patients undergoing amputation received ketamine or saline; phantom limb pain at 6 months was recorded.",
        ),
    ),
    # negation
    (
        "negated comorbidity",
        ("crps",),
        record(
            "Ketamine for CRPS",
            "Patients with CRPS and no diabetic neuropathy received ketamine. None had fibromyalgia.",
        ),
    ),
    (
        "excluded condition",
        ("crps",),
        record(
            "Ketamine for CRPS",
            (
                "METHODS",
                "Adults with CRPS type I received ketamine. Patients with migraine or fibromyalgia were excluded.",
            ),
        ),
    ),
    (
        "mixed with n= shares",
        ("chronic_pain_general",),
        record(
            "Ketamine infusions in refractory chronic pain",
            "We reviewed 60 patients with refractory chronic pain (CRPS, n = 20; fibromyalgia, n = 15; neuropathic "
            "pain, n = 25) who received ketamine.",
        ),
    ),
    (
        "mixed with subgroup result",
        ("chronic_pain_general", "crps"),
        record(
            "Ketamine infusions in refractory chronic pain",
            (
                "METHODS",
                "We reviewed 60 patients with refractory chronic pain of mixed aetiology treated with ketamine.",
            ),
            ("RESULTS", "In the CRPS subgroup, pain fell by 50%, more than in the others."),
        ),
    ),
    (
        "most of whom",
        ("chronic_pain_general",),
        record(
            "Oral ketamine in a pain clinic",
            "We describe 40 patients with chronic pain, most of whom had neuropathic pain, treated with oral ketamine.",
        ),
    ),
    (
        "earlier own study comparison",
        ("phantom_limb_pain",),
        record(
            "Ketamine for phantom limb pain",
            "Ten amputees with phantom limb pain received ketamine. Compared with our earlier study in CRPS, relief "
            "was shorter.",
        ),
    ),
    (
        "hedged conclusions 'could be useful'",
        ("fibromyalgia",),
        record(
            "Ketamine in fibromyalgia",
            ("METHODS", "Thirty patients with fibromyalgia received ketamine."),
            (
                "CONCLUSIONS",
                "Ketamine could be useful in other central sensitisation syndromes such as irritable bowel syndrome "
                "and migraine.",
            ),
        ),
    ),
    (
        "palliative refractory pain → cancer",
        ("cancer_pain",),
        record(
            "Ketamine in palliative care",
            "Hospice patients with opioid-refractory pain received subcutaneous ketamine. Pain improved in 60%.",
        ),
    ),
    (
        "metastatic bone pain",
        ("cancer_pain",),
        record("Ketamine for metastatic bone pain", "Patients with painful bone metastases received oral ketamine."),
    ),
    (
        "SCI abbreviation",
        ("spinal_cord_injury_pain",),
        record(
            "Ketamine in SCI",
            "Patients with neuropathic pain after spinal cord injury (SCI) received ketamine. In SCI patients pain "
            "fell.",
        ),
    ),
    (
        "LBP abbreviation months",
        ("low_back_pain",),
        record(
            "Ketamine for back pain", "Adults with low back pain (LBP) lasting more than 3 months received ketamine."
        ),
    ),
    (
        "sciatica alone → neuropathic",
        ("neuropathic_pain",),
        record("Epidural ketamine for sciatica", "Patients with sciatica received epidural ketamine."),
    ),
    (
        "MS central pain",
        ("neuropathic_pain",),
        record(
            "Ketamine in multiple sclerosis",
            "Patients with multiple sclerosis and central neuropathic pain received ketamine.",
        ),
    ),
    (
        "neuropathic pain various origins",
        ("neuropathic_pain",),
        record(
            "Ketamine for neuropathic pain",
            "Forty patients with neuropathic pain of various origins received ketamine.",
        ),
    ),
    (
        "CPSP hernia 'persistent pain 3 months'",
        ("chronic_postsurgical_pain",),
        record(
            "Ketamine in inguinal hernia repair",
            ("METHODS", "Men having inguinal hernia repair were randomized to ketamine or saline."),
            ("RESULTS", "Persistent groin pain 3 months after surgery occurred in 8% versus 20%."),
        ),
    ),
    (
        "opioid-tolerant chronic pain",
        ("chronic_pain_general",),
        record(
            "Ketamine in opioid-tolerant patients with chronic pain",
            "Patients with chronic non-cancer pain on long-term opioids received ketamine.",
        ),
    ),
    ("CRPS-1 hyphen", ("crps",), record("Ketamine for CRPS-1", "Patients with CRPS-1 of the arm received ketamine.")),
    (
        "migraineurs",
        ("headache",),
        record(
            "Ketamine in chronic migraineurs", "Chronic migraineurs were treated with ketamine for 5 days in hospital."
        ),
    ),
    (
        "background then population pronoun",
        ("crps",),
        record(
            "Ketamine infusion",
            ("BACKGROUND", "Complex regional pain syndrome is hard to treat."),
            ("METHODS", "Twenty patients received a 4-day ketamine infusion."),
        ),
    ),
    (
        "fibromyalgia background + different study pop",
        ("low_back_pain",),
        record(
            "Ketamine for chronic low back pain",
            "Ketamine relieves fibromyalgia pain. In this trial, 40 patients with chronic low back pain were "
            "randomized to ketamine or placebo.",
        ),
    ),
    (
        "cancer patients with CIPN + general cancer pain mention only as cause",
        ("chemotherapy_neuropathy",),
        record(
            "Ketamine for CIPN",
            "Cancer survivors with chemotherapy-induced peripheral neuropathy (CIPN) received ketamine. CIPN pain "
            "fell.",
        ),
    ),
    (
        "neuropathic cancer pain specific: CIPN in cancer pain trial",
        ("cancer_pain", "chemotherapy_neuropathy"),
        record(
            "Ketamine in cancer pain",
            "Patients with cancer pain, including 10 with chemotherapy-induced neuropathy analysed separately, "
            "received ketamine.",
        ),
    ),
    (
        "trigeminal neuropathic pain orofacial",
        ("trigeminal_neuralgia",),
        record("Ketamine in orofacial pain", "Patients with chronic orofacial neuropathic pain received ketamine."),
    ),
    (
        "listing in exclusion",
        ("fibromyalgia",),
        record(
            "Ketamine in fibromyalgia",
            "Women with fibromyalgia were included; those with CRPS, neuropathic pain or cancer were excluded.",
        ),
    ),
    (
        "denied 'without neuropathic features'",
        ("low_back_pain",),
        record(
            "Ketamine in chronic low back pain",
            "Patients with chronic low back pain without neuropathic features received ketamine.",
        ),
    ),
    (
        "review: cancer pain stated in background-like sentences",
        ("cancer_pain",),
        record(
            "Ketamine: an adjuvant in oncology",
            "Pain in patients with cancer is often refractory to opioids. Ketamine has been used as an adjuvant for "
            "decades. This review summarises its pharmacology, routes and evidence in cancer pain.",
        ),
    ),
    (
        "review: CRPS topic, no 'this review' sentence naming it",
        ("crps",),
        record(
            "Ketamine in complex regional pain syndrome",
            "Complex regional pain syndrome is a disabling disorder. Ketamine infusions are increasingly used. "
            "Randomized trials show short-term relief. Optimal dosing remains unclear.",
            types=("Journal Article", "Review"),
        ),
    ),
    (
        "review: fibromyalgia + neuropathic pain plain",
        ("fibromyalgia", "neuropathic_pain"),
        record(
            "NMDA antagonists in central sensitization",
            "Central sensitization underlies fibromyalgia and neuropathic pain. We review trials of ketamine in these "
            "two conditions. Ketamine reduced pain in both, briefly.",
        ),
    ),
    (
        "review: headache",
        ("headache",),
        record(
            "Ketamine for headache disorders: a review",
            "Ketamine has been tried for refractory migraine and cluster headache. We summarise 15 studies.",
        ),
    ),
    (
        "review: examples only → general",
        ("chronic_pain_general",),
        record(
            "Ketamine for chronic pain: a narrative review",
            "Ketamine is used in chronic pain conditions such as CRPS and phantom limb pain. This review covers "
            "mechanisms, dosing and adverse effects.",
        ),
    ),
    (
        "review: SR structured, conditions in OBJECTIVE",
        ("neuropathic_pain",),
        record(
            "Ketamine: a systematic review",
            ("OBJECTIVE", "To assess the efficacy of ketamine for neuropathic pain."),
            ("METHODS", "We searched five databases."),
            ("RESULTS", "Eighteen trials were included."),
        ),
    ),
    (
        "review: SR CPSP prevention",
        ("chronic_postsurgical_pain",),
        record(
            "Perioperative ketamine for the prevention of chronic postsurgical pain: a meta-analysis",
            "We pooled 14 randomised trials. Ketamine reduced the incidence of chronic pain at 3 months.",
        ),
    ),
    (
        "review: SR of SCI pain",
        ("spinal_cord_injury_pain",),
        record(
            "Pharmacological treatment of pain after spinal cord injury: a systematic review",
            "We included 25 trials of drugs for neuropathic pain after spinal cord injury. Ketamine reduced pain in "
            "two trials.",
        ),
    ),
    (
        "periop: chronic pain preoperative population, late outcome, title neutral",
        ("chronic_pain_general",),
        record(
            "Ketamine in patients with chronic pain having surgery",
            (
                "METHODS",
                "Patients with chronic pain taking opioids before surgery were randomised to ketamine or placebo.",
            ),
            ("RESULTS", "At 6 months, pain intensity was lower with ketamine."),
        ),
    ),
    (
        "periop: phantom pain prevention trial plainly",
        ("phantom_limb_pain",),
        record(
            "Epidural ketamine in amputation",
            "Patients undergoing above-knee amputation received epidural ketamine or saline. Phantom pain at one year "
            "was less frequent.",
        ),
    ),
    (
        "periop: back pain of spine surgery patients, results months",
        ("low_back_pain",),
        record(
            "Ketamine during lumbar fusion",
            (
                "METHODS",
                "Sixty patients with chronic low back pain scheduled for lumbar fusion were randomized to ketamine or "
                "saline.",
            ),
            ("RESULTS", "Back pain at 3 months was lower with ketamine."),
        ),
    ),
    (
        "oxaliplatin neuropathy plain",
        ("chemotherapy_neuropathy",),
        record(
            "Ketamine for oxaliplatin neuropathy", "Patients with painful oxaliplatin neuropathy applied ketamine gel."
        ),
    ),
    (
        "vincristine neuropathy children",
        ("chemotherapy_neuropathy",),
        record(
            "Ketamine in vincristine neuropathy", "Children with vincristine neuropathic pain received oral ketamine."
        ),
    ),
    (
        "post-chemotherapy neuropathic pain",
        ("chemotherapy_neuropathy",),
        record(
            "Ketamine for neuropathic pain after chemotherapy",
            "Survivors with neuropathic pain following taxane chemotherapy received ketamine.",
        ),
    ),
    (
        "cancer pain with neuropathic component",
        ("cancer_pain", "neuropathic_pain"),
        record("Ketamine for cancer pain", "Patients with cancer pain with a neuropathic component received ketamine."),
    ),
    (
        "neuropathic cancer pain",
        ("cancer_pain", "neuropathic_pain"),
        record("Ketamine for neuropathic cancer pain", "Patients with neuropathic cancer pain received ketamine."),
    ),
    (
        "HIV painful neuropathy",
        ("neuropathic_pain",),
        record(
            "Topical ketamine in HIV neuropathy",
            "Patients with painful HIV-associated sensory neuropathy applied ketamine cream.",
        ),
    ),
    (
        "brachial plexus avulsion",
        ("neuropathic_pain",),
        record(
            "Ketamine after brachial plexus avulsion",
            "Patients with pain after brachial plexus avulsion received ketamine.",
        ),
    ),
    (
        "post-mastectomy pain syndrome",
        ("chronic_postsurgical_pain",),
        record("Ketamine for post-mastectomy pain", "Women with post-mastectomy pain syndrome received ketamine."),
    ),
    (
        "CRPS after fracture not CPSP",
        ("crps",),
        record(
            "Ketamine for CRPS after wrist fracture",
            "Patients who developed CRPS after a distal radius fracture received ketamine.",
        ),
    ),
    (
        "CRPS after surgery is CRPS",
        ("crps",),
        record(
            "Ketamine for CRPS after knee surgery",
            "Patients with CRPS following knee arthroscopy received ketamine infusions.",
        ),
    ),
    (
        "phantom breast",
        ("phantom_limb_pain",),
        record("Ketamine for phantom pain", "Women with phantom breast pain after mastectomy received ketamine."),
    ),
    (
        "thalamic pain",
        ("central_poststroke_pain",),
        record("Ketamine in thalamic pain syndrome", "Five patients with thalamic pain received ketamine."),
    ),
    (
        "SCI 'below-level pain'",
        ("spinal_cord_injury_pain",),
        record(
            "Ketamine in tetraplegia", "Patients with tetraplegia and below-level neuropathic pain received ketamine."
        ),
    ),
    (
        "trigeminal: persistent dentoalveolar pain neuropathic",
        ("trigeminal_neuralgia",),
        record(
            "Ketamine for painful post-traumatic trigeminal neuropathy",
            "Patients with PTTN after dental procedures received ketamine.",
        ),
    ),
    (
        "cluster headache chronic",
        ("headache",),
        record(
            "Ketamine for chronic cluster headache",
            "Patients with chronic cluster headache received intranasal ketamine.",
        ),
    ),
    (
        "new daily persistent headache",
        ("headache",),
        record("Ketamine in NDPH", "Patients with new daily persistent headache (NDPH) received ketamine infusions."),
    ),
    (
        "fibromyalgia abbreviation FM",
        ("fibromyalgia",),
        record("Ketamine in FM", "Patients with fibromyalgia (FM) received ketamine; FM symptoms improved."),
    ),
    (
        "CLBP abbrev",
        ("low_back_pain",),
        record(
            "Ketamine in CLBP", "Patients with chronic low back pain (CLBP) received ketamine; CLBP intensity fell."
        ),
    ),
    (
        "failed back surgery",
        ("low_back_pain",),
        record("Ketamine for failed back surgery syndrome", "Patients with FBSS received ketamine."),
    ),
    (
        "chronic abdominal pain general",
        ("chronic_pain_general",),
        record("Ketamine for chronic abdominal pain", "Adolescents with chronic abdominal pain received ketamine."),
    ),
    (
        "chronic pain in children general",
        ("chronic_pain_general",),
        record("Ketamine in paediatric chronic pain", "Children with chronic pain received ketamine."),
    ),
    (
        "previous trials named to compare",
        ("phantom_limb_pain",),
        record(
            "Ketamine for phantom limb pain",
            "Ten amputees with phantom limb pain received ketamine. Previous trials in CRPS were positive.",
        ),
    ),
    (
        "the study's patients come from a previous trial",
        ("crps",),
        record(
            "Five-year follow-up after ketamine",
            "Participants of a previous trial of ketamine in CRPS were contacted after five years; 30 responded.",
        ),
    ),
    (
        "casemix: 45% had",
        ("chronic_pain_general",),
        record(
            "Ketamine infusions for chronic pain: a registry analysis",
            "We analysed 200 patients with chronic pain treated with ketamine; 45% had fibromyalgia and 30% had CRPS.",
        ),
    ),
    (
        "casemix: most common diagnosis",
        ("chronic_pain_general",),
        record(
            "Ketamine in a chronic pain clinic",
            "We reviewed 150 patients with chronic pain who received ketamine. CRPS was the most common diagnosis, "
            "followed by neuropathic pain.",
        ),
    ),
    (
        "casemix: diagnoses included n=",
        ("chronic_pain_general",),
        record(
            "Outpatient ketamine for refractory pain",
            (
                "RESULTS",
                "Of 90 patients with refractory chronic pain, diagnoses included CRPS (n = 30), fibromyalgia (n = "
                "20) and migraine (n = 10).",
            ),
        ),
    ),
    (
        "casemix: proportions in parentheses after the name",
        ("chronic_pain_general",),
        record(
            "Oral ketamine in chronic pain",
            "A total of 64 patients with chronic pain (neuropathic pain 40%, CRPS 25%, other 35%) took oral ketamine.",
        ),
    ),
    (
        "a review's hedged conditions are its subject",
        ("crps", "neuropathic_pain"),
        record(
            "Ketamine: an update",
            "Ketamine may be an effective treatment for complex regional pain syndrome and neuropathic pain. We "
            "review its pharmacology and dosing.",
        ),
    ),
    (
        "a study's population is not what its effects could matter for",
        (),
        record(
            "Ketamine and pain sensitivity",
            "Twenty-four participants free of any chronic pain condition received esketamine and placebo in random "
            "order. Pressure pain thresholds rose. Such effects could matter for fibromyalgia.",
        ),
    ),
    (
        "CPSP: surgery only in methods, chronic pain at 3 months",
        ("chronic_postsurgical_pain",),
        record(
            "Esketamine and chronic pain: a randomized trial",
            ("METHODS", "Adults undergoing cardiac surgery via sternotomy were randomized to esketamine or saline."),
            ("RESULTS", "Chronic pain at 3 months occurred in 12% versus 24%."),
        ),
    ),
    (
        "CPSP: unlabelled, operation in methods, persistent pain at 6 months",
        ("chronic_postsurgical_pain",),
        record(
            "Low-dose ketamine: a randomised controlled trial",
            "Women scheduled for hysterectomy were randomised to ketamine or placebo. Persistent pain at 6 months "
            "was less frequent with ketamine.",
        ),
    ),
    (
        "CPSP: 'incidence of chronic pain' after surgery in objective",
        ("chronic_postsurgical_pain",),
        record(
            "Ketamine and long-term pain",
            (
                "OBJECTIVE",
                "To assess whether intraoperative ketamine reduces the incidence of chronic pain 3 months after "
                "spine surgery.",
            ),
            ("RESULTS", "Chronic pain was less common with ketamine."),
        ),
    ),
    (
        "the share of a population that responds names that population",
        ("neuropathic_pain",),
        record(
            "Oral ketamine in chronic pain: an open study",
            "This study was designed to find the proportion of patients with chronic neuropathic pain who respond to "
            "oral ketamine. Eighteen patients took oral ketamine for two weeks; seven responded.",
        ),
    ),
    (
        "a condition named only among a review's search terms is no row",
        ("cancer_pain",),
        record(
            "Ketamine in palliative care: a narrative review",
            (
                "METHODS",
                'MEDLINE was searched with the terms "ketamine", "palliative care", "fibromyalgia" and "child".',
            ),
            ("RESULTS", "Ketamine relieved refractory cancer pain in hospice patients in most reports."),
        ),
    ),
    (
        "a condition with a result of its own beside 'other' conditions is a row",
        ("chronic_pain_general", "postherpetic_neuralgia"),
        record(
            "A topical ketamine gel in chronic pain: a retrospective study",
            "We reviewed 120 patients with chronic pain treated with a ketamine gel. The gel was equally effective in "
            "postherpetic neuralgia and other chronic pain states.",
        ),
    ),
    (
        "results by diagnostic group give each group its row",
        ("chronic_pain_general", "crps"),
        record(
            "Ketamine infusions at a pain service: a retrospective review",
            "We reviewed 150 adults with refractory chronic pain given ketamine infusions. In the largest diagnostic "
            "group, response was 48% in complex regional pain syndrome (n = 60).",
        ),
    ),
    (
        "response highest in one condition, lowest in another: both have results of their own",
        ("chronic_pain_general", "crps", "fibromyalgia"),
        record(
            "Outpatient ketamine for refractory chronic pain: a chart review",
            (
                "PATIENTS",
                "180 adults with refractory chronic pain: complex regional pain syndrome (n = 70), fibromyalgia "
                "(n = 40) and other diagnoses (n = 70).",
            ),
            ("RESULTS", "Response was highest in CRPS (55%) and lowest in fibromyalgia (20%)."),
        ),
    ),
    (
        "a condition every enrolled patient has 'with concomitant' is theirs",
        ("low_back_pain", "neuropathic_pain"),
        record(
            "Epidural ketamine for chronic lumbar radicular pain: a randomised trial",
            "Eighty adults with chronic lumbar radicular pain with concomitant chronic low back pain were randomly "
            "assigned to epidural steroid with ketamine or with saline. Leg pain fell more with ketamine.",
        ),
    ),
    (
        "the chronic knee pain patients bring to their operation stands beside the post-surgical pain measured",
        ("chronic_pain_general", "chronic_postsurgical_pain"),
        record(
            "Esketamine in patients with chronic knee pain undergoing knee arthroplasty: chronic postsurgical pain "
            "at 6 months",
            "Patients with chronic knee pain scheduled for knee arthroplasty were randomised to esketamine or "
            "placebo. The incidence of chronic postsurgical pain at 6 months was lower with esketamine.",
        ),
    ),
    (
        "a condition named in Spanish",
        ("central_poststroke_pain",),
        record(
            "Ketamina intravenosa en el dolor central post-ictus",
            "Se revisaron 8 pacientes con dolor central post-ictus tratados con ketamina intravenosa. La EVN bajo "
            "de 8 a 5.",
        ),
    ),
    (
        "a mixed neuropathic population keeps its row beside the subgroup analysed on its own",
        ("neuropathic_pain", "spinal_cord_injury_pain"),
        record(
            "Ketamine in central and peripheral neuropathic pain: a randomised crossover trial",
            (
                "METHODS",
                "Forty adults with chronic neuropathic pain (nerve injury, n = 20; spinal cord injury, n = 20) "
                "received ketamine and placebo infusions in random order. A subgroup analysis was prespecified for "
                "spinal cord injury.",
            ),
            ("RESULTS", "Pain fell more with ketamine, most in the spinal cord injury subgroup."),
        ),
    ),
    (
        "conditions 'given as examples' in a review of chronic pain are examples",
        ("chronic_pain_general",),
        record(
            "Ketamine for chronic non-cancer pain: a narrative review",
            "This narrative review considers ketamine across chronic non-cancer pain, with complex regional pain "
            "syndrome and fibromyalgia given as examples where it has been tried.",
        ),
    ),
    (
        "a diagnosis whose criteria the patients did not fulfil is not theirs",
        ("chronic_pain_general",),
        record(
            "Esketamine in chronic widespread pain: a randomised trial",
            "Adults with chronic widespread pain who did not fulfil fibromyalgia criteria were randomly assigned to "
            "esketamine or placebo. Pain fell in both groups.",
        ),
    ),
    (
        "patients of a pain clinic whose pain no row narrows have chronic pain in general",
        ("chronic_pain_general",),
        record(
            "Use and benefit of compounded ketamine troches: a survey in a pain clinic",
            "We surveyed 120 patients prescribed ketamine troches for at least 3 months. Most rated their relief as "
            "moderate or better.",
        ),
    ),
    (
        "the nervous system's central pain processing is no central pain",
        ("fibromyalgia",),
        record(
            "Ketamine and conditioned pain modulation in fibromyalgia: a randomised crossover trial",
            "Twenty patients with fibromyalgia received ketamine and midazolam in random order. Ketamine briefly "
            "altered central pain processing without lasting clinical benefit.",
        ),
    ),
]

# Kinds found by abstracts written blind to the rules (see ``blind_kinds``).
CASES += CONDITIONS


@pytest.mark.parametrize(("case", "rows", "rec"), CASES, ids=[c[0] for c in CASES])
def test_the_study_population_s_conditions(tagger: Tagger, case: str, rows: tuple[str, ...], rec: Record) -> None:
    tags = tagger.tag(rec)
    assert sorted(tags.conditions) == sorted(rows), case
