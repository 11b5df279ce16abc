"""TAXONOMY.md's scope of on_topic, each convention in a few of the ways abstracts state it.

Off topic: acute pain only (the emergency department, trauma, colic, the first days after an
operation, an acute attack of a chronic condition), healthy volunteers, experimental pain and
pharmacokinetics without a chronic pain population, other indications, abuse, and records where
another drug is studied and ketamine is only its background. On topic: chronic pain by any route,
its prevention after surgery or zoster, harm of the treatment, metabolites, animal models.
"""

from __future__ import annotations

import pytest

from litscan.models import Record
from litscan.tagging.tagger import Tagger

from .records import record

OFF_TOPIC: list[tuple[str, Record]] = [
    (
        "an acute trial that only wonders whether ketamine prevents chronic pain",
        record(
            "Ketamine for pain after knee arthroscopy: a randomized trial",
            ("METHODS", "Sixty adults having knee arthroscopy were randomized to ketamine or saline for 24 h of pain."),
            ("RESULTS", "Pain at 24 h was lower with ketamine."),
            ("CONCLUSIONS", "Whether ketamine prevents chronic pain remains unknown."),
        ),
    ),
    (
        "acute pain in the emergency department",
        record(
            "Ketamine versus fentanyl: a randomised trial",
            ("BACKGROUND", "Acute pain is the commonest reason for emergency visits."),
            (
                "METHODS",
                "Adults with acute musculoskeletal pain in the emergency department were randomised to IV ketamine"
                " or fentanyl.",
            ),
            ("RESULTS", "Pain at 60 minutes did not differ."),
        ),
    ),
    (
        "trauma",
        record(
            "Low-dose ketamine versus morphine for traumatic pain",
            (
                "METHODS",
                "We randomized 120 trauma patients with long-bone fractures to ketamine 0.3 mg/kg or morphine.",
            ),
        ),
    ),
    (
        "renal colic, unlabelled",
        record(
            "Subdissociative ketamine for renal colic",
            "Ninety patients presenting with renal colic were randomly allocated to intranasal ketamine or ketorolac.",
        ),
    ),
    (
        "the first day after surgery",
        record(
            "Effect of intraoperative ketamine on postoperative pain after laparoscopic cholecystectomy",
            ("METHODS", "Sixty patients were randomised to ketamine 0.5 mg/kg or saline at induction."),
            ("RESULTS", "Pain scores and morphine consumption in the first 24 h were lower with ketamine."),
        ),
    ),
    (
        "chronic pain only as the background of an acute trial",
        record(
            "Ketamine after spinal fusion: a randomized trial",
            ("BACKGROUND", "Poorly controlled acute pain may lead to chronic pain."),
            ("METHODS", "Adolescents having spinal fusion were randomized to ketamine or saline."),
            ("RESULTS", "Opioid consumption at 48 h was lower."),
        ),
    ),
    (
        "chronic pain only as future work",
        record(
            "Ketamine and postoperative pain after caesarean section",
            ("METHODS", "Women having caesarean delivery were randomised to ketamine 0.15 mg/kg or saline."),
            ("RESULTS", "Pain at 24 h did not differ."),
            ("CONCLUSIONS", "Whether ketamine prevents chronic pain after caesarean section deserves study."),
        ),
    ),
    (
        "an acute flare of a chronic condition",
        record(
            "Ketamine for acute exacerbations of chronic low back pain in the emergency department",
            "Adults presenting to the emergency department with an acute flare of chronic low back pain were"
            " randomized to intravenous ketamine or ketorolac. Pain at 60 minutes was measured.",
        ),
    ),
    (
        "an acute migraine attack",
        record(
            "Intranasal ketamine for acute migraine in the emergency department",
            "Adults with acute migraine attacks were randomized to intranasal ketamine or metoclopramide.",
        ),
    ),
    (
        "a vaso-occlusive crisis",
        record(
            "Intranasal ketamine for sickle cell pain crises in children",
            "Children with a vaso-occlusive episode were given intranasal ketamine in the emergency department.",
        ),
    ),
    (
        "pain of an acute treatment toxicity",
        record(
            "Ketamine mouthwash for mucositis pain in children receiving chemotherapy",
            "Children with painful chemotherapy-induced oral mucositis gargled ketamine for 5 days.",
        ),
    ),
    (
        "healthy volunteers and a capsaicin model",
        record(
            "Ketamine and hyperalgesia in human volunteers",
            "Twelve healthy men received intravenous S-ketamine or placebo in a crossover study. Secondary"
            " hyperalgesia after intradermal capsaicin was reduced.",
        ),
    ),
    (
        "pain-free participants",
        record(
            "Ketamine and central sensitization: a human model",
            (
                "METHODS",
                "Sixteen pain-free participants received S-ketamine or placebo in random order. Hyperalgesia was"
                " induced with intradermal capsaicin.",
            ),
        ),
    ),
    (
        "normal subjects and heat pain",
        record(
            "Effects of ketamine on temporal summation in normal subjects",
            "Ten normal subjects received ketamine infusions; temporal summation of heat pain was reduced.",
        ),
    ),
    (
        "pharmacokinetics in healthy adults",
        record(
            "Pharmacokinetics of oral ketamine",
            ("METHODS", "Ten healthy adults took oral ketamine; plasma ketamine and norketamine were measured."),
        ),
    ),
    (
        "depression alone",
        record(
            "Ketamine for treatment-resistant depression: a randomized trial",
            ("METHODS", "Adults with treatment-resistant major depression were randomized to ketamine or midazolam."),
        ),
    ),
    (
        "post-traumatic stress",
        record(
            "Ketamine for posttraumatic stress disorder in veterans", "Veterans with PTSD were randomized to ketamine."
        ),
    ),
    (
        "fatigue",
        record(
            "Ketamine for cancer-related fatigue", ("METHODS", "Patients with cancer and fatigue took oral ketamine.")
        ),
    ),
    (
        "recreational harm",
        record("Ketamine-associated uropathy in young adults", "We reviewed 60 patients with ketamine cystitis."),
    ),
    (
        "another drug, ketamine in the background section",
        record(
            "Intravenous lidocaine infusions for chronic neuropathic pain: a retrospective study",
            ("BACKGROUND", "Ketamine and lidocaine infusions are used for refractory neuropathic pain."),
            ("METHODS", "We reviewed 80 patients who received lidocaine infusions."),
            ("RESULTS", "Half reported relief."),
        ),
    ),
    (
        "another drug, ketamine as an example of its class",
        record(
            "Memantine for phantom limb pain: a randomized trial",
            ("BACKGROUND", "NMDA antagonists such as ketamine reduce phantom pain."),
            ("METHODS", "Patients were randomly assigned to memantine or placebo for 4 weeks."),
        ),
    ),
    (
        "another drug, ketamine named to compare",
        record(
            "Magnesium infusion in CRPS",
            "We randomized 40 patients with CRPS to magnesium or placebo. Unlike ketamine, magnesium was"
            " well tolerated.",
        ),
    ),
    (
        "a review of other drugs that names ketamine once",
        record(
            "Gabapentin for chronic neuropathic pain: a review",
            "Gabapentin is effective in postherpetic neuralgia and diabetic neuropathy. Unlike ketamine, it is taken"
            " orally. We review 20 trials.",
        ),
    ),
    (
        "a review of several drugs that lists ketamine among them and reports no result of its own",
        record(
            "NMDA receptor antagonists for neuropathic pain: a systematic review",
            ("METHODS", "We searched four databases for randomised trials of NMDA receptor antagonists."),
            ("RESULTS", "The agents studied were ketamine, memantine and amantadine. Fourteen trials were included."),
            ("CONCLUSIONS", "The evidence is of low quality."),
        ),
    ),
    (
        "a trial of another drug whose results name ketamine as rescue",
        record(
            "Pregabalin for chronic pancreatitis pain",
            ("METHODS", "Sixty adults with chronic pancreatitis pain took pregabalin or placebo for 8 weeks."),
            ("RESULTS", "Pain scores were lower with pregabalin; rescue ketamine use did not differ significantly."),
        ),
    ),
    (
        "an animal model of depression",
        record(
            "Ketamine in a mouse model of depression",
            "Mice were subjected to chronic social defeat stress. Ketamine reversed depression-like behaviour.",
        ),
    ),
    (
        "an abortive dose for cluster attacks",
        record(
            "Intranasal ketamine as abortive therapy for cluster headache attacks",
            "Patients used intranasal ketamine to abort attacks; attack pain at 15 minutes was recorded.",
        ),
    ),
    (
        "a sickle cell pain crisis",
        record(
            "Ketamine for sickle cell pain crises",
            "Children admitted with sickle cell pain crisis received ketamine infusions.",
        ),
    ),
]

ON_TOPIC: list[tuple[str, Record]] = [
    (
        "pain followed up at two weeks and six months after the operation",
        record(
            "Intravenous ketamine before incision for hip replacement",
            (
                "METHODS",
                "Adults having hip replacement were randomized to ketamine or saline. Morphine use was recorded"
                " for 48 h.",
            ),
            ("RESULTS", "Two-week and 6-month follow-ups showed no difference between groups in pain or disability."),
        ),
    ),
    (
        "pain at 3- and 6-months among a surgical trial's outcomes",
        record(
            "Opioid-free anaesthesia with esketamine for laparoscopic cholecystectomy: a randomised trial",
            (
                "METHODS",
                "Patients were randomised to opioid-free anaesthesia with esketamine or to opioids. Secondary"
                " outcomes: worst pain at 24 h, and worst pain at 3- and 6-months.",
            ),
        ),
    ),
    (
        "chronic pain among a surgical trial's measured outcomes, with no time said",
        record(
            "Ketamine for pain after thyroid surgery: a randomised study",
            (
                "METHODS",
                "Sixty patients scheduled for thyroidectomy were randomly divided into ketamine and saline groups."
                " Scores for acute and chronic pain were compared between the groups.",
            ),
        ),
    ),
    (
        "a surgical meta-analysis that reports chronic pain among its results",
        record(
            "Ketamine in spine surgery: a systematic review and meta-analysis",
            (
                "RESULTS",
                "Fourteen trials were included. Ketamine reduced opioid use at 24 h; results for chronic pain were"
                " inconclusive.",
            ),
        ),
    ),
    (
        "a review of preventing persistent pain after surgery",
        record(
            "Ketamine and other NMDA antagonists in postoperative pain management",
            "The effect of perioperative ketamine infusion on postoperative analgesia and on the prevention of"
            " long-term persistent pain is described.",
        ),
    ),
    (
        "a systematic review of several drugs that reports ketamine's own result",
        record(
            "Adjuvant drugs for refractory neuropathic pain: a systematic review",
            ("METHODS", "We searched MEDLINE and Embase for randomised trials of adjuvant analgesics."),
            ("RESULTS", "Twenty trials were included. Ketamine reduced pain intensity more than placebo (SMD -0.6)."),
        ),
    ),
    (
        "a narrative review of several drugs that concludes on ketamine",
        record(
            "Pharmacological options in complex regional pain syndrome",
            "This review covers bisphosphonates, corticosteroids and NMDA antagonists in CRPS. Bisphosphonates"
            " improve pain early on; intravenous ketamine gave significant relief lasting weeks.",
            types=("Journal Article", "Review"),
        ),
    ),
    (
        "prevention of chronic post-surgical pain, named in the title",
        record(
            "Ketamine for the prevention of persistent postsurgical pain after thoracotomy: a randomized trial",
            ("METHODS", "Patients were randomized to ketamine or saline."),
        ),
    ),
    (
        "chronic pain after surgery as a result at 3 months",
        record(
            "Intraoperative ketamine and pain three months after breast cancer surgery",
            ("METHODS", "Women having mastectomy were randomised to ketamine infusion or saline."),
            ("RESULTS", "The incidence of chronic pain at 3 months was 12% versus 25%."),
        ),
    ),
    (
        "persistent knee pain at six months",
        record(
            "Perioperative ketamine after total knee arthroplasty: a randomized trial",
            ("METHODS", "Patients were randomized to ketamine or saline during surgery."),
            ("RESULTS", "At six months, persistent knee pain was reported by 10% with ketamine and 21% with placebo."),
        ),
    ),
    (
        "zoster treated early to prevent postherpetic neuralgia",
        record(
            "Ketamine for acute herpes zoster pain to prevent postherpetic neuralgia",
            "Patients with acute zoster pain were randomized to ketamine or placebo; the incidence of postherpetic"
            " neuralgia at 3 months was recorded.",
        ),
    ),
    (
        "status migrainosus treated for days",
        record(
            "Ketamine infusion for refractory status migrainosus: a retrospective study",
            "We reviewed 40 inpatients with refractory chronic migraine admitted for 3 to 5 days of ketamine infusion.",
        ),
    ),
    (
        "mucositis framed as refractory palliative cancer pain",
        record(
            "Ketamine mouthwash for refractory mucositis pain in palliative cancer patients",
            "Palliative patients with refractory cancer pain from mucositis used ketamine mouthwash.",
        ),
    ),
    (
        "a topical route",
        record(
            "Topical ketamine gel for neuropathic pain",
            "We describe 12 patients with localized neuropathic pain who applied ketamine 5% gel.",
        ),
    ),
    (
        "a subcutaneous route in hospice patients",
        record(
            "Subcutaneous ketamine in palliative care",
            "Twenty hospice patients with refractory cancer pain received subcutaneous ketamine infusions.",
        ),
    ),
    (
        "a sublingual route",
        record(
            "Sublingual ketamine lozenges for chronic pain",
            "Twenty-two patients with chronic pain used sublingual ketamine lozenges for 3 months.",
        ),
    ),
    (
        "an intranasal route",
        record(
            "Intranasal ketamine for breakthrough pain in CRPS",
            "We gave intranasal ketamine to 10 patients with complex regional pain syndrome.",
        ),
    ),
    (
        "an epidural route",
        record(
            "Epidural ketamine for chronic radicular pain",
            "Thirty patients with chronic lumbar radicular pain received epidural ketamine.",
        ),
    ),
    (
        "depression in a chronic pain population",
        record(
            "Ketamine and depressive symptoms in chronic pain patients",
            (
                "METHODS",
                "We analysed 150 patients with chronic pain who received ketamine infusions at our pain clinic.",
            ),
            ("RESULTS", "Depressive symptoms and pain intensity both decreased."),
        ),
    ),
    (
        "harm of the treatment in patients with CRPS",
        record(
            "Cholestatic liver injury after repeated ketamine infusions in CRPS",
            "We describe three patients with CRPS who developed cholestasis during ketamine infusions.",
        ),
    ),
    (
        "cognitive effects of long-term treatment",
        record(
            "Cognitive effects of long-term oral ketamine for chronic pain",
            "We assessed memory in 30 patients taking oral ketamine for chronic pain for more than 6 months.",
        ),
    ),
    (
        "a metabolite in a nerve injury model",
        record(
            "Hydroxynorketamine reverses allodynia in neuropathic mice",
            "Mice with chronic constriction injury received hydroxynorketamine; mechanical allodynia was reduced.",
        ),
    ),
    (
        "a chemotherapy model in rats",
        record(
            "Ketamine reverses mechanical allodynia in a rat model of chemotherapy-induced neuropathy",
            "Rats received paclitaxel; ketamine reduced allodynia.",
        ),
    ),
    (
        "patients beside healthy controls",
        record(
            "Ketamine effects on pain processing in fibromyalgia patients and healthy controls",
            "Twenty fibromyalgia patients and 20 healthy controls received ketamine infusion; pain thresholds were"
            " measured.",
        ),
    ),
    (
        "pharmacokinetics in a chronic pain population",
        record(
            "Pharmacokinetics of oral ketamine in patients with chronic neuropathic pain",
            "We measured plasma ketamine and norketamine in 12 patients with chronic neuropathic pain taking oral"
            " ketamine.",
        ),
    ),
    (
        "a meta-analysis of NMDA antagonists with ketamine's own result",
        record(
            "NMDA receptor antagonists for neuropathic pain: a meta-analysis",
            "We included 28 trials of ketamine, dextromethorphan and memantine in neuropathic pain. Ketamine"
            " reduced pain intensity (SMD -0.7) while memantine did not.",
        ),
    ),
    (
        "prevention of migraine over months",
        record(
            "Intranasal ketamine for the prevention of migraine: a 3-month open-label study",
            "Twenty patients with chronic migraine used intranasal ketamine for 3 months; monthly migraine days fell.",
        ),
    ),
    (
        "an inflammatory model (CFA)",
        record(
            "Ketamine in CFA-induced inflammatory pain in rats",
            "Complete Freund's adjuvant was injected into the hind paw of rats. Ketamine reduced thermal"
            " hyperalgesia for 7 days.",
        ),
    ),
    (
        "a diabetic model",
        record(
            "Ketamine in diabetic rats",
            "Streptozotocin-induced diabetic rats developed mechanical allodynia; ketamine reversed it.",
        ),
    ),
    (
        "a pain-depression comorbidity model",
        record(
            "Ketamine in a mouse model of pain-depression comorbidity",
            "Mice with spared nerve injury developed depression-like behaviour. Ketamine relieved both.",
        ),
    ),
    (
        "a bone cancer model",
        record(
            "Ketamine reduces bone cancer pain in mice",
            "Tumour cells were implanted into the femur of mice. Ketamine reduced pain behaviours.",
        ),
    ),
    (
        "the chronic daily pain of sickle cell disease",
        record(
            "Ketamine for sickle cell disease pain",
            "Ten adults with sickle cell disease and chronic daily pain received oral ketamine for 8 weeks.",
        ),
    ),
    (
        "interstitial cystitis is a pain condition, not ketamine cystitis",
        record(
            "Ketamine for interstitial cystitis/bladder pain syndrome",
            "Ten women with refractory interstitial cystitis received ketamine infusions. Pelvic pain fell.",
        ),
    ),
]


@pytest.mark.parametrize(("case", "rec"), OFF_TOPIC, ids=[c[0] for c in OFF_TOPIC])
def test_off_topic(tagger: Tagger, case: str, rec: Record) -> None:
    tags = tagger.tag(rec)
    assert not tags.on_topic, case
    assert tags.on_topic_evidence and tags.on_topic_evidence[0].text.strip()


@pytest.mark.parametrize(("case", "rec"), ON_TOPIC, ids=[c[0] for c in ON_TOPIC])
def test_on_topic(tagger: Tagger, case: str, rec: Record) -> None:
    tags = tagger.tag(rec)
    assert tags.on_topic, case
    assert tags.on_topic_evidence and tags.on_topic_evidence[0].text.strip()
