"""Issue 12's on-topic failure kinds, each stated several ways: where in the abstract (a section label
or none), abbreviations, negation, hedging. Written from TAXONOMY.md's scope of on_topic, not from any
labelled record.

Off topic: acute or perioperative pain only, healthy volunteers and experimental pain models (a
surrogate model of a condition in people without it), other indications, another drug studied with
ketamine only in the background, as a rescue or named to compare. On topic: real chronic-pain reports
with unusual routes or designs, where ketamine may be named once, given by a stated route.
"""

from __future__ import annotations

import pytest

from litscan.models import Record
from litscan.tagging.tagger import Tagger

from .blind_kinds import ON_TOPIC
from .records import record

CASES: list[tuple[str, bool, Record]] = [
    # --- acute / perioperative only
    (
        "acute: refractory acute pain in ED title",
        False,
        record(
            "Ketamine for refractory acute pain in the emergency department",
            "Adults with acute pain not relieved by opioids received intravenous ketamine 0.3 mg/kg. Pain at 30 "
            "minutes fell.",
        ),
    ),
    (
        "acute: severe pain ED, no acute word in title",
        False,
        record(
            "Low-dose ketamine versus morphine: a randomized trial",
            (
                "METHODS",
                "Emergency department patients with moderate to severe abdominal, flank or musculoskeletal pain were "
                "randomized to ketamine or morphine.",
            ),
            ("RESULTS", "Pain scores at 30 minutes were similar."),
        ),
    ),
    (
        "acute: perioperative, neutral title, methods name surgery, 48h",
        False,
        record(
            "Ketamine and opioid consumption: a randomised controlled trial",
            (
                "METHODS",
                "Eighty patients scheduled for elective laparoscopic colectomy were randomised to ketamine infusion "
                "or saline.",
            ),
            ("RESULTS", "Morphine use over 48 hours was lower with ketamine."),
        ),
    ),
    (
        "acute: post-op with chronic-pain background unlabelled",
        False,
        record(
            "Intraoperative ketamine in spine surgery",
            "Persistent pain after surgery is common. We randomized 60 adults undergoing lumbar discectomy to "
            "ketamine or placebo. Pain scores on the first two postoperative days were lower with ketamine.",
        ),
    ),
    (
        "acute: tonsillectomy children",
        False,
        record(
            "Peritonsillar ketamine infiltration in children",
            "Children undergoing tonsillectomy were randomly assigned to ketamine or saline infiltration. Pain during "
            "the first 24 h was recorded.",
        ),
    ),
    (
        "acute: post-op opioid-tolerant chronic pain patients, 48h only",
        False,
        record(
            "Ketamine for opioid-tolerant patients undergoing spine surgery",
            (
                "METHODS",
                "Patients with chronic back pain taking daily opioids were randomised to intraoperative ketamine or "
                "saline.",
            ),
            ("RESULTS", "Pain on postoperative day 2 was lower with ketamine."),
        ),
    ),
    (
        "acute: trauma ICU rib fractures",
        False,
        record(
            "Ketamine infusion for rib fractures in older adults",
            "Patients aged 65 or more with three or more rib fractures received a ketamine infusion or standard care. "
            "Pain and opioid use over 72 hours were compared.",
        ),
    ),
    (
        "acute: prehospital",
        False,
        record(
            "Intranasal ketamine by paramedics",
            ("BACKGROUND", "Prehospital analgesia is often inadequate."),
            ("METHODS", "Patients with acute traumatic pain received intranasal ketamine from paramedics."),
        ),
    ),
    (
        "acute: burn dressing",
        False,
        record(
            "Oral ketamine for burn dressing changes in children",
            "Children with burns received oral ketamine before dressing changes; procedural pain was lower.",
        ),
    ),
    (
        "acute: migraine ED no acute word",
        False,
        record(
            "Ketamine versus prochlorperazine for migraine in the emergency department",
            "Patients presenting with migraine headache to the emergency department were randomly assigned to "
            "ketamine or prochlorperazine; pain at 1 hour was compared.",
        ),
    ),
    (
        "acute: renal colic",
        False,
        record(
            "Ketamine for renal colic",
            ("METHODS", "Patients with renal colic were randomized to intranasal ketamine or IV morphine."),
        ),
    ),
    (
        "acute: acute low back pain in the emergency department",
        False,
        record(
            "Low-dose ketamine for acute low back pain in the emergency department: a randomized trial",
            "Adults with acute nonradicular low back pain were randomly assigned to intravenous ketamine or morphine. "
            "Ketamine was not superior at 60 minutes.",
        ),
    ),
    # --- healthy volunteers / experimental
    (
        "vol: surrogate model of neuropathic pain in methods",
        False,
        record(
            "S-ketamine and capsaicin-induced hyperalgesia: a randomised crossover study",
            (
                "METHODS",
                "Intradermal capsaicin, a human surrogate model of neuropathic pain, was injected in 16 healthy men "
                "who received S-ketamine or placebo.",
            ),
            ("RESULTS", "Ketamine reduced the area of hyperalgesia."),
        ),
    ),
    (
        "vol: healthy participants not in title",
        False,
        record(
            "Ketamine and conditioned pain modulation",
            (
                "METHODS",
                "Twenty healthy participants received ketamine and placebo on separate days; conditioned pain "
                "modulation was tested.",
            ),
            ("CONCLUSIONS", "Ketamine may restore pain modulation in chronic pain patients."),
        ),
    ),
    (
        "vol: young adults without pain",
        False,
        record(
            "Effects of ketamine on cold pressor pain",
            "Twenty-four adults without chronic pain took part in a double-blind crossover study of ketamine and "
            "placebo. Cold pressor pain tolerance increased.",
        ),
    ),
    (
        "vol: UVB burn model",
        False,
        record(
            "Ketamine and a UVB burn injury model",
            "Sixteen volunteers received a UVB burn on the thigh. Ketamine reduced secondary hyperalgesia.",
        ),
    ),
    (
        "vol: pharmacokinetics",
        False,
        record(
            "Population pharmacokinetics of ketamine and norketamine",
            "Plasma concentrations were measured in 20 healthy volunteers after intravenous S-ketamine.",
        ),
    ),
    (
        "vol: imaging healthy",
        False,
        record(
            "Ketamine and brain responses to pain: an fMRI study",
            ("METHODS", "Healthy subjects underwent fMRI during noxious heat before and after ketamine infusion."),
        ),
    ),
    (
        "vol: experimental pain chronic speculation in background",
        False,
        record(
            "Ketamine and temporal summation",
            ("BACKGROUND", "Central sensitization contributes to chronic pain conditions such as fibromyalgia."),
            ("METHODS", "Eighteen healthy volunteers received ketamine or placebo in random order."),
            ("RESULTS", "Temporal summation was reduced."),
        ),
    ),
    # --- other indications
    (
        "other indication: depression in people with a spinal cord injury, no pain named",
        False,
        record(
            "Ketamine for depression in spinal cord injury: an open-label trial",
            "Fifteen adults with tetraplegia and treatment-resistant depression received ketamine infusions. "
            "Depression scores fell by half at 2 weeks.",
        ),
    ),
    (
        "sedation of a paraplegic patient",
        False,
        record(
            "Ketamine for sedation in a paraplegic patient",
            "We report a 40-year-old man with paraplegia who received intramuscular ketamine for sedation during a "
            "dressing change.",
        ),
    ),
    (
        "other: depression alone with pain outcome not chronic",
        False,
        record(
            "Esketamine nasal spray in treatment-resistant depression",
            ("METHODS", "Adults with treatment-resistant depression received intranasal esketamine twice weekly."),
            ("RESULTS", "Depression scores fell; headache was the commonest adverse event."),
        ),
    ),
    (
        "other: suicidal ideation",
        False,
        record(
            "Ketamine for suicidal ideation in the emergency department",
            "Patients with suicidal ideation received a single infusion of ketamine.",
        ),
    ),
    (
        "other: cancer fatigue",
        False,
        record(
            "Oral ketamine for fatigue in advanced cancer",
            "Patients with advanced cancer and severe fatigue took oral ketamine for 14 days.",
        ),
    ),
    (
        "other: status asthmaticus",
        False,
        record(
            "Ketamine for severe asthma in children", "Children with status asthmaticus received ketamine infusions."
        ),
    ),
    (
        "other: alcohol withdrawal",
        False,
        record(
            "Ketamine for alcohol withdrawal",
            "We reviewed 50 ICU patients given ketamine for severe alcohol withdrawal.",
        ),
    ),
    (
        "other: anaesthesia induction",
        False,
        record(
            "Ketamine for induction in shocked patients",
            "Ketamine was compared with etomidate for induction of anesthesia in 200 critically ill adults.",
        ),
    ),
    (
        "other: sedation MRI children",
        False,
        record(
            "Intranasal ketamine for sedation in children undergoing MRI",
            "Children received intranasal ketamine before imaging.",
        ),
    ),
    (
        "other: depression in pain clinic staff?",
        False,
        record(
            "Ketamine for bipolar depression",
            ("METHODS", "Patients with bipolar depression were randomized to ketamine or midazolam."),
        ),
    ),
    (
        "other: OCD",
        False,
        record("Ketamine in obsessive-compulsive disorder", "Fifteen adults with OCD received ketamine infusion."),
    ),
    (
        "other: depression with comorbid pain excluded",
        False,
        record(
            "Ketamine for depression in older adults",
            (
                "METHODS",
                "Adults over 60 with major depression were randomized to ketamine or midazolam. Patients with chronic "
                "pain were excluded.",
            ),
        ),
    ),
    # --- another drug studied
    (
        "drug: lidocaine trial, ketamine in methods as rescue",
        False,
        record(
            "Lidocaine infusion for chronic neuropathic pain",
            (
                "METHODS",
                "Forty patients received lidocaine infusion. Patients previously treated with ketamine were allowed.",
            ),
            ("RESULTS", "Pain fell in 60%. Ketamine was not used as rescue medication."),
        ),
    ),
    (
        "drug: methadone, ketamine compared in discussion",
        False,
        record(
            "Methadone rotation in cancer pain",
            "We reviewed 40 patients with cancer pain switched to methadone. Pain improved in 70%. Unlike ketamine, "
            "methadone is given orally. Ketamine remains an option for refractory cases.",
        ),
    ),
    (
        "drug: memantine title, ketamine in purpose as analogue",
        False,
        record(
            "Memantine for CRPS: a pilot trial",
            ("BACKGROUND", "Ketamine relieves CRPS but requires infusion."),
            ("METHODS", "Patients with CRPS were randomized to memantine or placebo."),
        ),
    ),
    (
        "drug: dexmedetomidine vs ketamine? (comparator arm)",
        True,
        record(
            "Dexmedetomidine versus ketamine for chronic pain flares in a pain clinic",
            "We randomized 60 patients with chronic pain to dexmedetomidine or ketamine infusion; pain at 4 weeks was "
            "compared.",
        ),
    ),
    (
        "drug: ketamine as anaesthetic in animal model of another drug",
        False,
        record(
            "Pregabalin in spared nerve injury rats",
            "Rats were anaesthetized with ketamine and xylazine before spared nerve injury. Pregabalin reduced "
            "allodynia for 14 days.",
        ),
    ),
    (
        "drug: ketamine/xylazine anaesthesia in a CCI model",
        False,
        record(
            "Electroacupuncture reduces neuropathic pain in rats",
            (
                "METHODS",
                "Under ketamine anesthesia, the sciatic nerve was ligated. Rats received electroacupuncture daily.",
            ),
            ("RESULTS", "Mechanical allodynia was reduced."),
        ),
    ),
    (
        "drug: review of opioids naming ketamine",
        False,
        record(
            "Opioids for chronic non-cancer pain: a narrative review",
            "Opioids are widely prescribed for chronic pain. Adjuvants such as ketamine, gabapentin and lidocaine are "
            "discussed briefly. We review dosing and risks of opioids.",
        ),
    ),
    (
        "drug: survey of adjuvant use listing ketamine",
        False,
        record(
            "Use of adjuvant analgesics in palliative care units: a survey",
            "We surveyed 120 palliative care physicians. The adjuvants most often used were gabapentinoids, "
            "dexamethasone and ketamine.",
        ),
    ),
    # --- real chronic pain, unusual routes/designs
    (
        "case: ketamine once, title NMDA antagonist",
        True,
        record(
            "NMDA antagonist for refractory cancer pain: a case report",
            "A 58-year-old man with metastatic lung cancer had refractory pain despite high-dose morphine. Oral "
            "ketamine 20 mg three times daily was started and his pain fell within days.",
        ),
    ),
    (
        "case: palliative subcutaneous",
        True,
        record(
            "Managing intractable pain at the end of life",
            (
                "CASE PRESENTATION",
                "A 70-year-old woman in hospice care had uncontrolled pain from pancreatic cancer. A subcutaneous "
                "ketamine infusion was added.",
            ),
            ("CONCLUSION", "Ketamine can be useful in palliative care."),
        ),
    ),
    (
        "case: topical ketamine CRPS, no ketamine in title",
        True,
        record(
            "Topical treatment of complex regional pain syndrome in a child",
            "We describe a 12-year-old girl with CRPS of the foot who applied a compounded cream containing ketamine "
            "and amitriptyline. Allodynia resolved over 6 weeks.",
        ),
    ),
    (
        "case: intranasal ketamine breakthrough cancer pain",
        True,
        record(
            "Intranasal ketamine for breakthrough cancer pain: a pilot study",
            "Twelve patients with cancer and breakthrough pain used intranasal ketamine spray. Pain intensity fell "
            "within 15 minutes.",
        ),
    ),
    (
        "case: sublingual ketamine neuropathic",
        True,
        record(
            "Sublingual ketamine for neuropathic pain after spinal cord injury",
            "Three patients with chronic neuropathic pain after spinal cord injury were given sublingual ketamine.",
        ),
    ),
    (
        "case: oral ketamine phantom pain, title no ketamine",
        True,
        record(
            "Phantom limb pain responding to an NMDA-receptor antagonist",
            "A 45-year-old amputee with phantom limb pain for 3 years started oral ketamine. His pain decreased by "
            "half.",
        ),
    ),
    (
        "palliative: cancer pain retrospective",
        True,
        record(
            "Ketamine in a palliative care unit",
            "We reviewed the charts of 35 patients with advanced cancer who received ketamine for pain uncontrolled "
            "by opioids.",
        ),
    ),
    (
        "palliative: burst ketamine",
        True,
        record(
            "Burst ketamine for refractory cancer pain",
            "Patients with refractory cancer pain received a 3 to 5 day ketamine burst.",
        ),
    ),
    (
        "mucositis chronic framing",
        True,
        record(
            "Ketamine mouthwash for oral pain in head and neck cancer",
            "Patients with persistent pain from head and neck cancer used ketamine mouth rinse; pain fell.",
        ),
    ),
    (
        "cancer neuropathic pain topical",
        True,
        record(
            "Topical amitriptyline-ketamine in cancer-related neuropathic pain",
            "Patients with neuropathic pain related to cancer applied cream for 4 weeks.",
        ),
    ),
    (
        "iontophoresis",
        True,
        record(
            "Ketamine iontophoresis for chronic wound pain",
            "Ten patients with chronic leg ulcer pain received ketamine by iontophoresis.",
        ),
    ),
    (
        "chronic pain in children oral",
        True,
        record(
            "Oral ketamine in paediatric chronic pain",
            "Children with chronic pain attending our pain service were prescribed oral ketamine; we report 18 cases.",
        ),
    ),
    (
        "pain service infusion",
        True,
        record(
            "Outpatient ketamine infusions",
            "We reviewed 200 patients treated in our pain clinic with ketamine infusions. Most had neuropathic pain.",
        ),
    ),
    (
        "chronic postsurgical prevention ketamine, title surgery",
        True,
        record(
            "Ketamine during mastectomy and pain at one year",
            ("METHODS", "Women undergoing mastectomy were randomised to ketamine or saline."),
            ("RESULTS", "Persistent pain at 12 months was 15% versus 30%."),
        ),
    ),
    (
        "vol: HV abbreviation",
        False,
        record(
            "Ketamine and offset analgesia: a randomized crossover study",
            ("METHODS", "Eighteen healthy volunteers (HVs) received racemic ketamine or saline. HVs rated heat pain."),
            ("CONCLUSIONS", "Ketamine may be useful in neuropathic pain."),
        ),
    ),
    (
        "vol: unlabelled, participants free of pain",
        False,
        record(
            "Ketamine and pain sensitivity",
            "Participants free of any chronic pain condition received esketamine 0.25 mg/kg and placebo in random "
            "order. Pressure pain thresholds rose. Such effects could matter for fibromyalgia.",
        ),
    ),
    (
        "vol: healthy male subjects title experimental pain",
        False,
        record(
            "Effect of S-ketamine on experimental pain in healthy male subjects",
            "Sixteen men took part. Ketamine reduced electrical pain.",
        ),
    ),
    (
        "vol: experimental model of neuropathic pain in volunteers",
        False,
        record(
            "Ketamine in a human model",
            (
                "METHODS",
                "We used the high-frequency stimulation model of neuropathic-like pain in healthy humans; 20 subjects "
                "received ketamine.",
            ),
        ),
    ),
    (
        "vol: patients AND controls stays on",
        True,
        record(
            "Ketamine and pain modulation in chronic low back pain",
            (
                "METHODS",
                "Twenty patients with chronic low back pain and 20 healthy volunteers received ketamine; conditioned "
                "pain modulation was tested.",
            ),
        ),
    ),
    (
        "vol: PK in cancer pain patients stays on",
        True,
        record(
            "Pharmacokinetics of oral ketamine in palliative care",
            "We measured ketamine and norketamine in 12 palliative care patients taking oral ketamine for cancer pain.",
        ),
    ),
    (
        "other: depression + chronic pain comorbid both treated on",
        True,
        record(
            "Ketamine for comorbid depression and chronic pain",
            (
                "METHODS",
                "Patients with major depression and chronic pain received six ketamine infusions; pain and mood were "
                "rated.",
            ),
        ),
    ),
    (
        "other: depression only, pain as side outcome",
        False,
        record(
            "Ketamine in treatment-resistant depression: secondary outcomes",
            (
                "METHODS",
                "Adults with treatment-resistant depression received ketamine infusions. Pain scores were recorded as "
                "a secondary outcome.",
            ),
        ),
    ),
    (
        "other: tinnitus",
        False,
        record("Intratympanic ketamine for tinnitus", "Patients with chronic tinnitus received ketamine gel."),
    ),
    (
        "other: pruritus",
        False,
        record(
            "Ketamine for intractable pruritus", "Two patients with intractable itch responded to topical ketamine."
        ),
    ),
    (
        "acute: pediatric fracture intranasal",
        False,
        record(
            "Intranasal ketamine in children with limb fractures",
            "Children aged 6 to 17 with suspected fractures were randomized to intranasal ketamine or fentanyl.",
        ),
    ),
    (
        "acute: cesarean 24h no title surgery",
        False,
        record(
            "Ketamine and analgesic requirement: a randomized trial",
            (
                "METHODS",
                "Parturients undergoing caesarean delivery under spinal anaesthesia received ketamine 0.15 mg/kg or "
                "saline.",
            ),
            ("RESULTS", "Time to first analgesic request was longer with ketamine."),
        ),
    ),
    (
        "acute: post-op chronic pain only as secondary hedged future",
        False,
        record(
            "Ketamine for pain after thoracic surgery",
            ("METHODS", "Patients having video-assisted thoracoscopic surgery were randomised to ketamine or placebo."),
            ("RESULTS", "Pain on movement at 24 h was lower."),
            ("CONCLUSIONS", "Future trials should examine whether ketamine reduces chronic postsurgical pain."),
        ),
    ),
    (
        "cpsp: thoracotomy 3 months on",
        True,
        record(
            "Ketamine and thoracotomy",
            ("METHODS", "Patients undergoing thoracotomy were randomized to ketamine or saline."),
            ("RESULTS", "The incidence of chronic post-thoracotomy pain at 3 months was lower with ketamine."),
        ),
    ),
    (
        "cpsp: surgery title chronic pain 6 months",
        True,
        record(
            "Intraoperative ketamine in spine surgery: a randomized trial",
            (
                "METHODS",
                "Opioid-dependent patients with chronic back pain undergoing lumbar fusion were randomized to "
                "ketamine or placebo.",
            ),
            ("RESULTS", "Back pain at 6 weeks after surgery was lower with ketamine."),
        ),
    ),
    (
        "cpsp: the follow-up as a postoperative month",
        True,
        record(
            "Ketamine infusion during mastectomy and recovery: a randomised trial",
            ("METHODS", "Women having mastectomy were randomised to ketamine or saline."),
            ("RESULTS", "At postoperative month 6, pain at the scar was reported by 12% and 25%."),
        ),
    ),
    (
        "cpsp: named once with its abbreviation, at month 3",
        True,
        record(
            "Intraoperative ketamine in total knee arthroplasty",
            "Patients scheduled for knee arthroplasty received ketamine or placebo. Chronic postsurgical pain (CPSP) "
            "at month 3 did not differ between the groups.",
        ),
    ),
    (
        "cpsp: pain on postoperative months 1 and 3",
        True,
        record(
            "Ketamine for inguinal hernia repair: a randomized controlled trial",
            ("METHODS", "Men having open hernia repair were randomized to ketamine or saline."),
            ("RESULTS", "Groin pain at postoperative months 1 and 3 was less frequent with ketamine."),
        ),
    ),
    (
        "acute: postoperative day 3 is not months later",
        False,
        record(
            "Ketamine in hip arthroplasty: a randomised trial",
            ("METHODS", "Patients having hip arthroplasty were randomised to ketamine or placebo."),
            ("RESULTS", "Pain on postoperative day 3 and morphine use at 2 mg per hour were lower."),
        ),
    ),
    (
        "drug: an infusion of another drug, ketamine only measured after it",
        False,
        record(
            "Lidocaine for painful diabetic neuropathy: an open-label study",
            "Forty adults with painful diabetic neuropathy received lidocaine at 2 mg/kg/h. Plasma ketamine "
            "concentrations were also measured after the infusion in a subgroup.",
        ),
    ),
    (
        "drug: ketamine in anaesthesia for other drug's animal model",
        False,
        record(
            "Duloxetine reverses allodynia in diabetic rats",
            "Diabetes was induced with streptozotocin. Under ketamine/xylazine anaesthesia, von Frey testing... "
            "Duloxetine reduced allodynia.",
        ),
    ),
    (
        "drug: ketamine history entry criterion",
        False,
        record(
            "Lidocaine infusions in patients who failed ketamine",
            (
                "METHODS",
                "We reviewed 30 patients with CRPS who had failed ketamine infusions and then received lidocaine.",
            ),
        ),
    ),
    (
        "drug: magnesium vs ketamine arms both studied",
        True,
        record(
            "Magnesium or ketamine for neuropathic pain: a randomized trial",
            "Patients with neuropathic pain were randomized to magnesium or ketamine infusions.",
        ),
    ),
    (
        "case: intramuscular once, title NMDA",
        True,
        record(
            "Refractory CRPS treated with an NMDA antagonist",
            (
                "CASE",
                "A 33-year-old woman with CRPS of the right hand was given intramuscular ketamine 0.5 mg/kg with "
                "lasting relief.",
            ),
        ),
    ),
    (
        "palliative: intrathecal once",
        True,
        record(
            "Intrathecal analgesia for refractory cancer pain",
            "A 60-year-old man with pelvic tumour pain received intrathecal morphine and, when this failed, "
            "intrathecal ketamine. Pain was controlled until death.",
        ),
    ),
    (
        "acute: OBJECTIVE/DESIGN/SETTING labels ED",
        False,
        record(
            "Sub-dissociative ketamine versus opioids",
            ("OBJECTIVE", "To compare ketamine with morphine for analgesia in the emergency department."),
            ("DESIGN", "Randomised controlled trial."),
            ("PARTICIPANTS", "Adults with acute abdominal or flank pain."),
            ("MAIN OUTCOME MEASURES", "Pain at 30 minutes."),
        ),
    ),
    (
        "acute: 'postoperative analgesia' purpose only",
        False,
        record(
            "Ketamine as an adjunct: a double-blind trial",
            ("OBJECTIVE", "To assess whether ketamine improves postoperative analgesia after shoulder arthroscopy."),
            ("RESULTS", "Pain scores were lower at 6 h."),
        ),
    ),
    (
        "acute: chronic pain outcome hedged 'may reduce risk'",
        False,
        record(
            "Intraoperative ketamine and opioid use after hysterectomy",
            ("METHODS", "Women undergoing abdominal hysterectomy were randomized to ketamine or saline."),
            ("RESULTS", "Morphine use at 24 h fell by 30%."),
            ("CONCLUSIONS", "Ketamine may reduce the risk of chronic pain after hysterectomy."),
        ),
    ),
    (
        "acute: ICU sedation",
        False,
        record(
            "Ketamine as an adjunct sedative in mechanically ventilated adults",
            "Patients on mechanical ventilation received ketamine infusions; sedative requirements fell.",
        ),
    ),
    (
        "acute: dental extraction",
        False,
        record(
            "Ketamine mouthwash after third molar extraction",
            "Patients having third molar surgery rinsed with ketamine or placebo; pain over 3 days was recorded.",
        ),
    ),
    (
        "vol: 'healthy' only in PARTICIPANTS label",
        False,
        record(
            "Ketamine and mechanical hyperalgesia",
            ("PARTICIPANTS", "Twenty-two healthy young adults."),
            ("INTERVENTIONS", "Intravenous ketamine or saline."),
            ("RESULTS", "Ketamine reduced hyperalgesia after high-frequency electrical stimulation."),
        ),
    ),
    (
        "vol: placebo-controlled in 'subjects without chronic pain'",
        False,
        record(
            "Low-dose ketamine and pain perception",
            "Subjects without chronic pain received ketamine. Chronic pain patients will be studied next.",
        ),
    ),
    (
        "other: depression ketamine with 'chronic' not pain",
        False,
        record(
            "Ketamine for chronic depression",
            "Adults with chronic treatment-resistant depression received six ketamine infusions.",
        ),
    ),
    (
        "other: CRPS excluded in depression trial",
        False,
        record(
            "Ketamine for depression",
            (
                "METHODS",
                "Patients with major depression were randomised to ketamine. Those with chronic pain conditions were "
                "excluded.",
            ),
        ),
    ),
    (
        "other: headache as adverse event",
        False,
        record(
            "Intranasal esketamine in depression: safety",
            "Adverse events of esketamine nasal spray in 500 patients with depression included dizziness and headache.",
        ),
    ),
    (
        "drug: opioid rotation title, ketamine arm? no",
        False,
        record(
            "Methadone versus morphine for cancer pain: a randomised trial",
            ("METHODS", "Patients with cancer pain were randomised to methadone or morphine."),
            ("RESULTS", "Three patients in each arm needed ketamine as rescue."),
        ),
    ),
    (
        "drug: lidocaine infusion, ketamine mentioned in two own sentences as prior",
        False,
        record(
            "Lidocaine infusions in refractory neuropathic pain",
            ("METHODS", "We reviewed 50 patients given lidocaine infusions; 20 had previously received ketamine."),
            ("RESULTS", "Response to lidocaine did not depend on prior ketamine response."),
        ),
    ),
    (
        "drug: ketamine as comparator arm named in title with 'versus'",
        True,
        record(
            "Lidocaine versus ketamine infusions for CRPS",
            "Patients with CRPS were randomised to lidocaine or ketamine infusions.",
        ),
    ),
    (
        "drug: memantine in pain, ketamine in conclusions only",
        False,
        record(
            "Memantine in phantom limb pain",
            ("METHODS", "Patients with phantom limb pain received memantine."),
            ("CONCLUSIONS", "Ketamine, another NMDA antagonist, might be more effective."),
        ),
    ),
    (
        "on: unusual inhaled",
        True,
        record(
            "Inhaled ketamine for refractory neuropathic pain",
            "We describe 3 patients with refractory neuropathic pain treated with nebulised ketamine.",
        ),
    ),
    (
        "on: IM in CRPS children",
        True,
        record(
            "Intramuscular ketamine in paediatric CRPS",
            "Four children with CRPS received intramuscular ketamine before physiotherapy.",
        ),
    ),
    (
        "on: topical cream 'compounded analgesic cream' ketamine once in results",
        True,
        record(
            "Compounded topical analgesics for chronic pain",
            ("METHODS", "We reviewed 120 patients with chronic pain prescribed compounded creams."),
            ("RESULTS", "Creams containing ketamine 10% reduced pain more than those without ketamine."),
        ),
    ),
    (
        "on: CPSP prevention trial neutral title",
        True,
        record(
            "Esketamine and breast surgery",
            ("OBJECTIVE", "To determine whether esketamine prevents chronic postsurgical pain after mastectomy."),
            ("METHODS", "Women were randomised to esketamine or saline."),
        ),
    ),
    (
        "on: burst ketamine hospice no 'cancer' word",
        True,
        record(
            "Ketamine in hospice", "Ten hospice patients with intractable pain despite opioids received oral ketamine."
        ),
    ),
    (
        "on: pain-depression comorbid model mice",
        True,
        record(
            "Ketamine relieves pain and depressive-like behaviour after nerve injury",
            "Mice underwent chronic constriction injury. Ketamine reduced allodynia and immobility.",
        ),
    ),
    (
        "on: animal CIPN mice oxaliplatin",
        True,
        record(
            "Ketamine prevents oxaliplatin neuropathy in mice",
            "Mice receiving oxaliplatin developed cold allodynia; ketamine prevented it.",
        ),
    ),
    (
        "rev: drugs for CRPS, ketamine result, unlabelled",
        True,
        record(
            "Drug treatment of complex regional pain syndrome: a systematic review",
            "We searched MEDLINE and included 40 trials. Bisphosphonates reduced pain. Ketamine infusions gave relief "
            "for up to 12 weeks.",
        ),
    ),
    (
        "rev: neuropathic pain drugs naming ketamine as option only",
        False,
        record(
            "Management of neuropathic pain: a narrative review",
            "First-line drugs are gabapentinoids and antidepressants. Opioids, cannabinoids and ketamine are options "
            "in selected patients. We review dosing and safety.",
        ),
    ),
    (
        "rev: ketamine one of adjuvants, results 'low-quality evidence supports ketamine'",
        True,
        record(
            "Adjuvant analgesics in cancer pain: a systematic review",
            ("METHODS", "Four databases were searched."),
            (
                "RESULTS",
                "We included 30 studies. Low-quality evidence supports ketamine and gabapentinoids; corticosteroids "
                "had no effect.",
            ),
        ),
    ),
    (
        "rev: opioid-induced hyperalgesia review listing ketamine among strategies",
        False,
        record(
            "Opioid-induced hyperalgesia: a review",
            "Opioid-induced hyperalgesia complicates chronic pain treatment. Strategies include opioid rotation, "
            "methadone, buprenorphine and ketamine.",
        ),
    ),
    (
        "guideline: ketamine infusion guideline",
        True,
        record(
            "Consensus guidelines on intravenous ketamine for chronic pain",
            "An expert panel reviewed the evidence. Ketamine infusions are supported for CRPS and have weak evidence "
            "for other chronic pain.",
        ),
    ),
    (
        "guideline: neuropathic pain guideline ketamine not recommended",
        False,
        record(
            "Pharmacotherapy for neuropathic pain: recommendations",
            "We recommend gabapentinoids, duloxetine and tricyclics as first line. Evidence was insufficient for "
            "ketamine, cannabinoids and lidocaine.",
        ),
    ),
    (
        "sedation for procedure in CRPS children, no follow-up",
        False,
        record(
            "Ketamine sedation for botulinum toxin injections in children with cerebral palsy",
            "Children received intranasal ketamine before injections; procedural distress was scored.",
        ),
    ),
    (
        "harm of treatment: cystitis in CRPS patient",
        True,
        record(
            "Ketamine-induced cystitis in a woman treated for CRPS",
            "A 34-year-old woman receiving oral ketamine for CRPS developed urinary frequency.",
        ),
    ),
    (
        "recreational abuse chronic pain word in background",
        False,
        record(
            "Recreational ketamine use and urological damage",
            "Chronic pain of the bladder is common in ketamine users. We describe 40 recreational users with "
            "ketamine uropathy.",
        ),
    ),
    (
        "ketamine-assisted psychotherapy chronic pain",
        True,
        record(
            "Ketamine-assisted psychotherapy for chronic pain",
            "Twenty patients with chronic pain received ketamine with psychotherapy; pain interference fell.",
        ),
    ),
    (
        "depression trial with chronic pain secondary outcomes in pain patients",
        True,
        record(
            "Ketamine for depression in patients with chronic pain",
            ("METHODS", "Patients with chronic pain and depression received ketamine infusions."),
            ("RESULTS", "Pain intensity and depression scores both improved."),
        ),
    ),
    (
        "acute pain in chronic pain patients, ED flare intranasal",
        False,
        record(
            "Intranasal ketamine for acute pain flares in adults with sickle cell disease",
            "Adults presenting to the emergency department with a pain crisis received intranasal ketamine.",
        ),
    ),
    (
        "ED migraine 'refractory'",
        False,
        record(
            "Ketamine for refractory migraine in the emergency department",
            "Patients with migraine headache that had not responded to first-line treatment in the emergency "
            "department "
            "received ketamine; pain at 1 hour fell.",
        ),
    ),
    (
        "inpatient refractory migraine days on",
        True,
        record(
            "Ketamine for refractory chronic migraine: inpatient infusions",
            "Patients with refractory chronic migraine were admitted for 5-day ketamine infusions; headache at 3 "
            "months was "
            "recorded.",
        ),
    ),
    (
        "studied once: results sentence effect",
        True,
        record(
            "NMDA receptor blockade in complex regional pain syndrome: a randomised trial",
            ("METHODS", "Sixty patients with CRPS were randomised to a 4-day infusion or placebo."),
            ("RESULTS", "S-ketamine reduced pain significantly over 12 weeks (p < 0.001)."),
        ),
    ),
    (
        "studied once: randomised to ketamine",
        True,
        record(
            "An NMDA antagonist for fibromyalgia: a double-blind trial",
            "Thirty women with fibromyalgia were randomised to ketamine or placebo. Pain fell in the active group.",
        ),
    ),
    (
        "pop: opioid-resistant pain in palliative",
        True,
        record(
            "Ketamine in opioid-resistant pain",
            "Twelve patients with opioid-resistant pain in advanced disease received ketamine for 7 days.",
        ),
    ),
    (
        "pop: uncontrolled cancer-related pain",
        True,
        record(
            "Oral ketamine for uncontrolled pain", "Patients with uncontrolled pain from cancer received oral ketamine."
        ),
    ),
    (
        "pop: long-term pain months",
        True,
        record(
            "Ketamine for long-lasting pain",
            "Patients with pain lasting longer than 6 months received ketamine infusions.",
        ),
    ),
    (
        "pop: difficult-to-treat neuropathic",
        True,
        record("Ketamine infusions", "Patients with difficult-to-treat neuropathic pain received ketamine."),
    ),
    (
        "pop: 'pain patients' at a pain management centre",
        True,
        record(
            "Ketamine infusion outcomes",
            "We reviewed 98 patients treated with ketamine at a tertiary pain management centre.",
        ),
    ),
    (
        "pop: osteoarthritis knee pain chronic",
        True,
        record(
            "Ketamine for knee osteoarthritis pain",
            "Patients with painful knee osteoarthritis for more than a year received intra-articular ketamine.",
        ),
    ),
    (
        "pop: chronic pelvic pain",
        True,
        record("Ketamine for chronic pelvic pain", "Women with chronic pelvic pain received ketamine."),
    ),
    (
        "pop: sickle cell chronic pain",
        True,
        record(
            "Oral ketamine for chronic sickle cell pain",
            "Adults with chronic sickle cell pain took oral ketamine for 3 months.",
        ),
    ),
    (
        "pop: neuropathic pain in rats 'SNL'",
        True,
        record(
            "Ketamine and glial activation in SNL rats",
            "Rats with L5 spinal nerve ligation received ketamine; mechanical allodynia was reduced.",
        ),
    ),
    (
        "pop: bone cancer model rats",
        True,
        record(
            "Ketamine and bone cancer pain",
            "Walker 256 cells were implanted into rat tibia; ketamine reduced pain behaviour.",
        ),
    ),
    (
        "anaesthetic: rats received ketamine/xylazine before CCI",
        False,
        record(
            "Curcumin attenuates neuropathic pain after chronic constriction injury",
            (
                "METHODS",
                "Rats received ketamine/xylazine anaesthesia before the sciatic nerve was ligated. Curcumin was "
                "given daily.",
            ),
            ("RESULTS", "Curcumin reduced allodynia."),
        ),
    ),
    (
        "anaesthetic: mice anaesthetised with ketamine i.p.",
        False,
        record(
            "Spinal microglia in neuropathic mice",
            "Mice were anaesthetised with ketamine (100 mg/kg, i.p.) and the spared nerve injury was performed. "
            "Minocycline reduced allodynia.",
        ),
    ),
    (
        "anaesthetic: humans, ketamine induction in CRPS surgery patients, no follow-up",
        False,
        record(
            "Propofol versus sevoflurane in amputation surgery",
            (
                "METHODS",
                "Patients with CRPS undergoing amputation were given ketamine at induction and randomised to "
                "propofol or sevoflurane.",
            ),
            ("RESULTS", "Emergence was faster with propofol."),
        ),
    ),
    (
        "rescue in another drug's trial given by route",
        False,
        record(
            "Intravenous lidocaine for neuropathic pain: a randomised trial",
            (
                "METHODS",
                "Patients with neuropathic pain were randomised to lidocaine or saline; intravenous ketamine was "
                "available as rescue.",
            ),
            ("RESULTS", "Lidocaine reduced pain."),
        ),
    ),
    (
        "prior ketamine responders with route",
        False,
        record(
            "Memantine in patients who responded to ketamine",
            (
                "METHODS",
                "Patients with CRPS who had previously responded to intravenous ketamine received memantine for 8 "
                "weeks.",
            ),
        ),
    ),
    (
        "a CFA model with depression-like behaviour",
        True,
        record(
            "Ketamine in inflammatory pain and depression in mice",
            "Mice injected with complete Freund adjuvant developed hyperalgesia and depression-like behaviour. "
            "Ketamine reversed both.",
        ),
    ),
    (
        "a stress model of depression alone",
        False,
        record(
            "Ketamine and depression-like behaviour after chronic stress in rats",
            "Rats exposed to chronic unpredictable stress received ketamine; immobility in the forced swim test fell.",
        ),
    ),
    (
        "another drug's title, ketamine co-prescribed once by a route",
        False,
        record(
            "Methadone for cancer pain: a retrospective review",
            "We reviewed 60 patients with cancer pain started on methadone. Oral ketamine was co-prescribed in ten. "
            "Pain improved in 70%.",
        ),
    ),
    (
        "another drug's trial, ketamine given once to some",
        False,
        record(
            "Pregabalin for chronic postsurgical pain: a randomised trial",
            (
                "METHODS",
                "Patients with chronic pain after thoracotomy were randomised to pregabalin or placebo for 8 weeks; "
                "eight were also taking oral ketamine.",
            ),
            ("RESULTS", "Pain fell more with pregabalin."),
        ),
    ),
    (
        "a class word in the title, ketamine given once",
        True,
        record(
            "Reversing opioid-induced hyperalgesia in a patient with cancer pain",
            "A 50-year-old woman with cancer pain developed hyperalgesia on escalating morphine. Oral ketamine was "
            "started and the morphine dose was halved; her pain fell.",
        ),
    ),
    (
        "intranasal esketamine depression + comorbid pain excluded",
        False,
        record(
            "Esketamine nasal spray in older adults with depression",
            (
                "METHODS",
                "Adults aged 65 or more with treatment-resistant depression received esketamine nasal spray. "
                "Participants with chronic pain disorders were not eligible.",
            ),
        ),
    ),
    (
        "ketamine for neuropathic pain in ICU? acute",
        False,
        record(
            "Ketamine for acute neuropathic pain after trauma",
            "Patients with acute neuropathic pain after traumatic injury in the intensive care unit received a "
            "ketamine infusion for 48 hours.",
        ),
    ),
    (
        "acute herpes zoster pain only, no PHN outcome",
        False,
        record(
            "Ketamine for acute herpes zoster pain in the emergency department",
            "Patients with acute zoster pain received intravenous ketamine; pain at 2 hours was recorded.",
        ),
    ),
    (
        "chronic pain outcomes after burn? chronic",
        True,
        record(
            "Ketamine and persistent pain after burn injury",
            "Burn patients were randomised to ketamine or placebo; persistent pain at 6 months was lower with "
            "ketamine.",
        ),
    ),
    (
        "opioid use disorder with chronic pain",
        True,
        record(
            "Ketamine for chronic pain in patients with opioid use disorder",
            "Patients with chronic pain and opioid use disorder received ketamine infusions; pain scores at 1 month "
            "fell.",
        ),
    ),
    (
        "a chronic condition's acute treatment, whatever follows 'for'",
        False,
        record(
            "Intranasal ketamine at home: a retrospective study",
            "We reviewed 30 patients who used intranasal ketamine at home as an acute treatment for trigeminal "
            "neuralgia. Pain fell within 20 minutes of each dose.",
        ),
    ),
    (
        "a review of several treatments that sums up ketamine's trials in its findings half",
        True,
        record(
            "Phantom limb pain: mechanisms and management",
            "Phantom limb pain follows most amputations. Cortical reorganisation is thought to drive it. Treatments "
            "include drugs, mirror therapy and nerve blocks. The evidence for each is summarised here. Most trials "
            "have tested drugs, and short-term efficacy has been reported for ketamine. Mirror therapy is cheap.",
        ),
    ),
    (
        "a review of other drugs that names ketamine's efficacy only in its opening is off topic",
        False,
        record(
            "Memantine for neuropathic pain: a review",
            "Ketamine has been reported to be effective in neuropathic pain. Memantine is an oral NMDA antagonist. "
            "We review its pharmacology. Trials of memantine in neuropathic pain are summarised. Most were "
            "negative. Memantine was well tolerated.",
        ),
    ),
    (
        "ketamine during buprenorphine induction of patients with chronic pain treats withdrawal, not pain",
        False,
        record(
            "Ketamine during buprenorphine induction in patients on long-term opioids for chronic pain",
            (
                "OBJECTIVE",
                "We describe low-dose ketamine used to attenuate withdrawal during buprenorphine induction.",
            ),
            (
                "RESULTS",
                "Sixty adults on long-term opioids for chronic pain were included; withdrawal scores were lower "
                "with ketamine. Pain was not recorded.",
            ),
        ),
    ),
    (
        "anaesthesia for the operation that treats a chronic condition, followed for hours, is off topic",
        False,
        record(
            "Esketamine and haemodynamics during percutaneous balloon compression for trigeminal neuralgia",
            (
                "METHODS",
                "Sixty patients scheduled for balloon compression under general anaesthesia were randomised to "
                "esketamine or saline before the puncture.",
            ),
            ("RESULTS", "Blood pressure rose less with esketamine; pain at the puncture site at 2 h was lower."),
        ),
    ),
    (
        "the stability of a cream prescribed for neuropathic pain is a laboratory study, off topic",
        False,
        record(
            "Physicochemical stability of compounded ketamine 10% cream",
            "Compounded topical ketamine is prescribed for localised neuropathic pain. Ketamine 10% cream was "
            "stored at 25 and 4 degrees and assayed by HPLC for 90 days; more than 95% remained.",
        ),
    ),
    (
        "ketamine for pain after an operation in patients with chronic back pain, followed for two days",
        False,
        record(
            "Ketamine and dexmedetomidine for pain after lumbar spinal fusion in patients with chronic low back "
            "pain: a factorial randomised trial",
            "Adults with chronic low back pain scheduled for lumbar fusion were randomised to intraoperative ketamine "
            "or placebo and to dexmedetomidine or placebo. Morphine use over 48 hours was lower with ketamine.",
        ),
    ),
    (
        "a review of the drugs 'beyond ketamine' looks past it",
        False,
        record(
            "Beyond ketamine: oral NMDA receptor antagonists for neuropathic pain",
            "Ketamine is the best known NMDA antagonist, but it must be given parenterally. This narrative review "
            "considers the orally available alternatives: memantine, dextromethorphan and amantadine. Most of their "
            "trials in neuropathic pain were negative.",
        ),
    ),
    (
        "ketamine responders given another drug, with 'no ketamine' given in the study",
        False,
        record(
            "Memantine in patients with CRPS who responded to ketamine: a randomised trial",
            "Forty adults with complex regional pain syndrome who had responded to an earlier ketamine infusion were "
            "randomly assigned to memantine or placebo for 12 weeks; no ketamine was given during the study. Pain "
            "did not differ.",
        ),
    ),
    (
        "depression treated in patients attending a pain clinic, no pain outcome",
        False,
        record(
            "Intravenous ketamine for treatment-resistant depression in patients attending a pain clinic",
            (
                "METHODS",
                "Sixty adults with treatment-resistant depression referred from a pain clinic received six ketamine "
                "infusions. Depression scores were the only outcomes.",
            ),
            ("RESULTS", "Depression scores fell by half in 40%."),
        ),
    ),
    (
        "an infusion after an operation in chronic back pain patients, followed for 48 hours",
        False,
        record(
            "Ketamine infusion after lumbar decompression in patients with chronic low back pain: opioid use in the "
            "first 48 hours",
            "Seventy adults with chronic low back pain undergoing lumbar decompression were randomised to a ketamine "
            "or saline infusion for 48 h. Morphine use was lower with ketamine.",
        ),
    ),
    (
        "cancer cells in a dish, with cancer pain in the background",
        False,
        record(
            "Ketamine and colon cancer cell invasion",
            "Ketamine is an option for cancer pain. Ketamine at 1 to 10 micrograms per ml reduced invasion of colon "
            "cancer cells, and siRNA knockdown of the NMDA receptor abolished the effect.",
        ),
    ),
    (
        "a benign tumour's operation is no cancer pain",
        False,
        record(
            "Esketamine doses and pain scores in patients with benign uterine tumors undergoing laparoscopy",
            "Ninety patients with benign uterine tumors scheduled for laparoscopic myomectomy received esketamine "
            "0.2 or 0.4 mg/kg; pain scores and stress hormones were recorded for 24 hours.",
        ),
    ),
    (
        "hyperalgesia an opioid induces in rats is no chronic pain model",
        False,
        record(
            "Intrathecal fentanyl in rats produces lasting hyperalgesia: prevention by ketamine",
            "We asked whether one intrathecal dose of fentanyl produces hyperalgesia in uninjured rats, and whether "
            "ketamine given first prevents it. Paw pressure thresholds fell for five days after fentanyl.",
        ),
    ),
    (
        "an interstitial cystitis-like harm of the drug in rats is no bladder pain population",
        False,
        record(
            "Repeated ketamine and the juvenile rat bladder",
            ("OBJECTIVE", "Long-term ketamine use causes an interstitial cystitis-like problem in the bladder."),
            ("METHODS", "Young rats received ketamine for four weeks and bladder histology was examined."),
        ),
    ),
    (
        "analgesia after a cancer operation is surgical pain, not cancer pain",
        False,
        record(
            "Esketamine and recovery and analgesia after thoracoscopic resection of lung cancer in older patients",
            "A total of 120 older patients having thoracoscopic lobectomy for lung cancer were given esketamine or "
            "saline; pain scores at 24 and 48 hours were lower with esketamine.",
        ),
    ),
    (
        "'benign' pain is the older name of chronic non-cancer pain, not a growth",
        True,
        record(
            "Oral ketamine: an open study",
            "Twenty patients with benign neuropathic pain received oral ketamine for six weeks; pain fell in 12.",
        ),
    ),
]

# Kinds found by abstracts written blind to the rules (see ``blind_kinds``).
CASES += ON_TOPIC


@pytest.mark.parametrize(("case", "expected", "rec"), CASES, ids=[c[0] for c in CASES])
def test_on_topic_or_not(tagger: Tagger, case: str, expected: bool, rec: Record) -> None:
    tags = tagger.tag(rec)
    assert tags.on_topic is expected, f"{case}: {tags.on_topic_evidence[0].reason}"
    assert tags.on_topic_evidence[0].text.strip()
