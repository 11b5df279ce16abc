"""Issue 12's design failure kinds, each in several wordings: animal and in-vitro studies that say
"randomised" or "trial"; retrospective reviews, case reports and small series that call themselves
trials; cohorts treated by a "protocol"; narrative reviews that cite systematic ones and systematic
reviews that do not call themselves one; a design word of another drug's trial, of cited work or named
to compare. Written from TAXONOMY.md's design rows and conventions.
"""

from __future__ import annotations

import pytest

from litscan.models import Record
from litscan.tagging.tagger import Tagger

from .blind_kinds import DESIGN
from .records import record

CASES: list[tuple[str, str, Record]] = [
    # animal / in vitro called trials
    (
        "animal randomized blinded",
        "preclinical",
        record(
            "Ketamine reduces mechanical allodynia: a randomized blinded study",
            (
                "METHODS",
                "Male Sprague-Dawley rats with chronic constriction injury were randomly assigned to ketamine or "
                "saline; observers were blinded.",
            ),
            ("RESULTS", "Ketamine increased withdrawal thresholds."),
        ),
    ),
    (
        "animal placebo-controlled, mice unlabelled",
        "preclinical",
        record(
            "Repeated ketamine in neuropathic mice",
            "In a placebo-controlled design, mice with spared nerve injury were randomized to receive ketamine 10 "
            "mg/kg daily for 7 days. Allodynia was reduced.",
        ),
    ),
    (
        "animal 'subjects' dogs",
        "preclinical",
        record(
            "Ketamine infusion in dogs with osteosarcoma pain",
            "Twelve client-owned dogs with bone cancer pain were randomized to ketamine CRI or placebo.",
        ),
    ),
    (
        "in vitro cells",
        "preclinical",
        record(
            "Ketamine inhibits microglial activation in vitro",
            "BV-2 microglia were exposed to lipopolysaccharide and ketamine. Ketamine reduced cytokine release.",
        ),
    ),
    (
        "in vitro human cells",
        "preclinical",
        record(
            "Ketamine and NMDA currents in human dorsal root ganglion neurons",
            "Neurons obtained from organ donors were cultured and exposed to ketamine; currents were recorded by "
            "patch clamp.",
        ),
    ),
    (
        "animal crossover",
        "preclinical",
        record(
            "Ketamine in a rat model of CRPS",
            (
                "METHODS",
                "In a crossover trial, rats with tibia fracture and cast immobilisation received ketamine or vehicle.",
            ),
        ),
    ),
    # retrospective / chart reviews called trials
    (
        "retro analysis of trial-like",
        "observational",
        record(
            "Ketamine infusions for refractory chronic pain: an open-label trial?",
            (
                "METHODS",
                "We retrospectively analysed the records of 64 patients who received outpatient ketamine infusions "
                "between 2015 and 2020.",
            ),
            ("RESULTS", "Pain decreased in 40%."),
        ),
    ),
    (
        "retrospective cohort, double-blind mention",
        "observational",
        record(
            "Long-term ketamine infusion therapy",
            "This retrospective cohort study included 120 patients with CRPS. Unlike previous double-blind trials, we "
            "followed outcomes for two years.",
        ),
    ),
    (
        "chart review unlabelled",
        "observational",
        record(
            "Oral ketamine in a tertiary pain clinic",
            "Charts of all patients prescribed oral ketamine from 2010 to 2019 were reviewed. Fifty-one patients were "
            "identified; 40% continued treatment.",
        ),
    ),
    (
        "registry",
        "observational",
        record(
            "Ketamine for chronic pain: data from a national registry",
            "Using registry data, we analysed 3,200 patients treated with ketamine infusions.",
        ),
    ),
    (
        "secondary analysis of an RCT is rct",
        "rct",
        record(
            "Predictors of response to ketamine: secondary analysis of a randomized trial",
            "We analysed data from 60 patients with fibromyalgia randomized to ketamine or midazolam.",
        ),
    ),
    # case reports called trials
    (
        "case report 'therapeutic trial'",
        "case_report",
        record(
            "A therapeutic trial of ketamine in refractory trigeminal neuralgia",
            "A 67-year-old man with trigeminal neuralgia received a trial of oral ketamine. Pain resolved.",
        ),
    ),
    (
        "n-of-1 trial case",
        "case_report",
        record(
            "Sublingual ketamine for CRPS: a case report",
            ("CASE PRESENTATION", "A 40-year-old woman had a 2-week trial of sublingual ketamine."),
            ("CONCLUSION", "A randomized trial is warranted."),
        ),
    ),
    (
        "two patients, trial of infusion",
        "case_report",
        record(
            "Ketamine infusion trials in phantom limb pain",
            "We describe two amputees who each underwent a trial of intravenous ketamine. Both reported relief.",
        ),
    ),
    (
        "case series small, 'open trial' in history",
        "case_report",
        record(
            "Ketamine in postherpetic neuralgia",
            "Three patients with postherpetic neuralgia, all of whom had failed an open trial of gabapentin, received "
            "ketamine.",
        ),
    ),
    (
        "the authors report a case: the report said in the third person",
        "case_report",
        record(
            "Subcutaneous ketamine in a hospice",
            "The authors report a case of refractory cancer pain treated with subcutaneous ketamine at home. Pain "
            "fell within two days.",
        ),
    ),
    (
        "we present here the case, a review's words after it",
        "case_report",
        record(
            "Ketamine and phantom limb pain",
            "We present here the case of a woman with phantom limb pain who took oral ketamine for a year. We "
            "discuss the mechanisms and the literature.",
        ),
    ),
    (
        "one person by age with several words before the noun",
        "case_report",
        record(
            "Topical ketamine for erythromelalgia",
            "A 39-year-old previously healthy kidney transplant recipient with erythromelalgia applied ketamine "
            "cream to both feet. Burning pain resolved.",
        ),
    ),
    (
        "case histories reported",
        "case_report",
        record(
            "Ketamine in trigeminal neuralgia",
            "Two case histories are reported here in which oral ketamine relieved trigeminal neuralgia after "
            "carbamazepine failed.",
        ),
    ),
    # guidelines and protocols the study examines or follows
    (
        "adherence to consensus guidelines, audited",
        "observational",
        record(
            "Adherence to consensus guidelines for ketamine infusions in chronic pain: a retrospective audit",
            "We audited 150 ketamine infusions given for chronic pain at three centres against the 2018 consensus "
            "guidelines. Monitoring was incomplete in 40%.",
        ),
    ),
    (
        "a guideline implemented in a randomised trial",
        "rct",
        record(
            "Implementation of a clinical practice guideline for ketamine in cancer pain: a cluster randomized trial",
            "Twelve palliative care units were randomly assigned to guideline implementation or usual care. Pain "
            "fell more in intervention units.",
        ),
    ),
    (
        "prescribing before and after the guidelines' publication",
        "observational",
        record(
            "Ketamine prescribing for chronic pain before and after publication of practice guidelines",
            "Using claims data from 2014 to 2022, we compared ketamine prescriptions for chronic pain before and "
            "after the guidelines. Prescriptions rose.",
        ),
    ),
    (
        "a guideline that says so is still one",
        "guideline",
        record(
            "Ketamine for chronic pain: guidelines from a national society",
            "These guidelines were developed by a panel using a modified Delphi process.",
        ),
    ),
    (
        "one veteran described, no other word of design",
        "case_report",
        record(
            "Ketamine for intractable phantom limb pain in a veteran",
            "A veteran with 10 years of phantom limb pain received a series of ketamine infusions. His pain fell "
            "by 70%.",
        ),
    ),
    (
        "an animal study that names only the paw",
        "preclinical",
        record(
            "Ketamine in CFA-induced inflammatory pain",
            "Complete Freund's adjuvant was injected into the hind paw. Ketamine reversed thermal hyperalgesia "
            "for 48 h.",
        ),
    ),
    (
        "an open-label extension after the randomised phase others completed",
        "nonrandomized_trial",
        record(
            "Open-label extension of a ketamine trial in CRPS",
            "Patients who completed the randomized phase could continue open-label ketamine for 6 months. Pain "
            "relief was maintained.",
        ),
    ),
    # cohorts called protocols
    (
        "infusion protocol cohort",
        "observational",
        record(
            "A standardized ketamine infusion protocol for chronic pain",
            "We reviewed 85 patients treated with our 5-day ketamine infusion protocol. Pain scores fell by 30%.",
        ),
    ),
    (
        "protocol in methods with results",
        "nonrandomized_trial",
        record(
            "Ketamine for CRPS: outcomes of an outpatient protocol",
            ("METHODS", "Thirty patients were prospectively enrolled and treated according to a dosing protocol."),
            ("RESULTS", "Pain decreased significantly (p < 0.01)."),
        ),
    ),
    (
        "protocol title, results",
        "observational",
        record(
            "Protocol-driven ketamine infusions in a pain clinic",
            "Records of 72 patients receiving ketamine infusions under a nurse-led protocol were audited. Mean pain "
            "fell.",
        ),
    ),
    (
        "real protocol",
        "protocol",
        record(
            "Ketamine for chronic postsurgical pain prevention: protocol for a randomised trial",
            "Patients will be randomised to ketamine or placebo. The primary outcome will be pain at 3 months.",
        ),
    ),
    (
        "real protocol, registered",
        "protocol",
        record(
            "Esketamine and chronic pain after surgery",
            (
                "METHODS AND ANALYSIS",
                "This multicentre trial will enrol 400 patients who will be randomly allocated to esketamine or "
                "saline.",
            ),
            ("ETHICS AND DISSEMINATION", "Results will be published."),
        ),
    ),
    # narrative vs systematic
    (
        "a narrative review that summarises systematic reviews in the plural",
        "review",
        record(
            "Ketamine for chronic pain: a narrative review",
            "We summarise systematic reviews and meta-analyses of ketamine in chronic pain and discuss their "
            "limitations. Evidence remains weak.",
        ),
    ),
    (
        "a systematic review's own meta-analyses in the plural",
        "systematic_review",
        record(
            "Ketamine in neuropathic pain",
            "We performed a systematic review of randomised trials of ketamine in neuropathic pain. Meta-analyses "
            "were performed with random effects.",
        ),
    ),
    (
        "narrative review searching pubmed no count",
        "review",
        record(
            "Ketamine for chronic pain: an update",
            "We searched PubMed for relevant articles and summarise the evidence on ketamine in neuropathic pain, "
            "CRPS and cancer pain.",
        ),
    ),
    (
        "narrative review citing meta-analyses",
        "review",
        record(
            "Ketamine in chronic pain",
            "Ketamine is an NMDA antagonist. Recent meta-analyses have reported short-term benefit. This article "
            "reviews the mechanisms, dosing and safety of ketamine.",
        ),
    ),
    (
        "narrative review 'we review'",
        "review",
        record(
            "The role of ketamine in cancer pain",
            "In this review, we discuss the pharmacology of ketamine and its use in cancer pain, drawing on "
            "randomized trials and case series.",
        ),
    ),
    (
        "systematic review without the word",
        "systematic_review",
        record(
            "Ketamine for CRPS",
            ("METHODS", "MEDLINE, Embase and CINAHL were searched from inception to 2021."),
            ("RESULTS", "Eleven studies met the inclusion criteria (n = 412)."),
        ),
    ),
    (
        "meta-analysis pooled",
        "systematic_review",
        record(
            "Efficacy of ketamine in neuropathic pain",
            "Randomized trials were identified through electronic databases. Data from 9 RCTs were pooled using a "
            "random-effects model.",
        ),
    ),
    (
        "umbrella",
        "systematic_review",
        record(
            "Ketamine for chronic pain: an overview of systematic reviews",
            "We identified 7 systematic reviews of ketamine for chronic pain.",
        ),
    ),
    (
        "scoping review",
        "systematic_review",
        record("Topical ketamine: a scoping review", "We searched four databases and charted 34 publications."),
    ),
    (
        "editorial",
        "review",
        record(
            "Ketamine for chronic pain: hope or hype?",
            "Ketamine infusion clinics are spreading. This editorial argues that randomized evidence is thin.",
        ),
    ),
    (
        "letter",
        "review",
        record(
            "Ketamine infusions in chronic pain",
            "We read with interest the recent trial of ketamine in CRPS by Smith et al.",
            types=("Letter",),
        ),
    ),
    # rct / nonrandomized
    (
        "rct: randomised in results only",
        "rct",
        record(
            "Oral ketamine for neuropathic pain",
            (
                "METHODS",
                "Patients with neuropathic pain were allocated by computer-generated random numbers to ketamine or "
                "placebo.",
            ),
        ),
    ),
    (
        "rct: randomly allocated abbreviation RCT",
        "rct",
        record("Ketamine for CRPS: an RCT", "Forty patients took part."),
    ),
    (
        "nonrandom: open-label single arm",
        "nonrandomized_trial",
        record(
            "Intranasal ketamine for cluster headache",
            "In this open-label, single-arm pilot study, 12 patients with chronic cluster headache self-administered "
            "intranasal ketamine.",
        ),
    ),
    (
        "nonrandom: dose-finding",
        "nonrandomized_trial",
        record(
            "Dose finding for subcutaneous ketamine",
            "In a dose-escalation study, 18 patients with cancer pain received increasing doses of subcutaneous "
            "ketamine.",
        ),
    ),
    (
        "observational: prospective cohort routine care",
        "observational",
        record(
            "Ketamine in routine care",
            "In this prospective cohort, patients prescribed ketamine by their physicians were followed for 6 months.",
        ),
    ),
    (
        "case report single unlabelled no age",
        "case_report",
        record(
            "Topical ketamine for vulvodynia",
            "We report a woman with refractory vulvodynia who responded to topical ketamine.",
        ),
    ),
    (
        "survey",
        "observational",
        record(
            "Ketamine prescribing in pain medicine",
            "An online questionnaire was sent to 800 members of a pain society; 312 responded.",
        ),
    ),
    (
        "rct with rats in conclusions",
        "rct",
        record(
            "Ketamine for neuropathic pain: a randomised controlled trial",
            ("METHODS", "Forty patients were randomised to ketamine or placebo."),
            ("CONCLUSIONS", "These results mirror findings in rats with nerve injury."),
        ),
    ),
    (
        "rct unlabelled animal comparison",
        "rct",
        record(
            "Ketamine and allodynia in CRPS",
            "Thirty patients with CRPS were randomly assigned to ketamine or saline. As in animal models, ketamine "
            "reduced allodynia.",
        ),
    ),
    (
        "narrative review citing a meta-analysis of trials",
        "review",
        record(
            "Ketamine in chronic pain: current status",
            "A 2019 meta-analysis of seven trials found short-term benefit. This narrative overview summarises "
            "dosing, safety and gaps.",
        ),
    ),
    (
        "narrative review, pooled evidence from systematic reviews",
        "review",
        record(
            "Ketamine for pain: what do we know?",
            "Systematic reviews of ketamine in chronic pain report modest effects. We discuss why trials disagree.",
        ),
    ),
    (
        "SR with narrative synthesis word",
        "systematic_review",
        record(
            "Ketamine in cancer pain: a systematic review with narrative synthesis", "Fifteen studies were included."
        ),
    ),
    (
        "SR unlabelled searched + included count words",
        "systematic_review",
        record(
            "Oral ketamine for chronic pain",
            "PubMed and Scopus were searched for clinical studies of oral ketamine. Twenty-two studies were included. "
            "Evidence was of low quality.",
        ),
    ),
    (
        "post hoc of RCT",
        "rct",
        record(
            "Sex differences in response to ketamine",
            "This post hoc analysis used data from a randomised placebo-controlled trial of ketamine in 120 adults "
            "with chronic pain.",
        ),
    ),
    (
        "case with review of literature",
        "case_report",
        record(
            "Ketamine for refractory phantom limb pain: case report and review of the literature",
            "A 52-year-old man with phantom limb pain received oral ketamine.",
        ),
    ),
    (
        "case: 'patient' series of 2 named patient 1 patient 2",
        "case_report",
        record(
            "Ketamine in two patients with central pain",
            "Patient 1, a 45-year-old woman with post-stroke pain, and patient 2, a 60-year-old man, received "
            "ketamine infusions.",
        ),
    ),
    (
        "case series of 8 → observational",
        "observational",
        record(
            "Ketamine for CRPS in children: a case series",
            "We describe eight children with CRPS treated with ketamine infusions. Six improved.",
        ),
    ),
    (
        "retrospective but RCT mention in background",
        "observational",
        record(
            "Ketamine infusions for CRPS",
            ("BACKGROUND", "Randomized trials of ketamine for CRPS are few."),
            ("METHODS", "We retrospectively reviewed 45 patients who received ketamine infusions."),
        ),
    ),
    (
        "double-blind crossover no random → nonrandomized",
        "nonrandomized_trial",
        record(
            "Ketamine versus placebo in PHN",
            "In a double-blind crossover study, 8 patients with postherpetic neuralgia received ketamine and placebo "
            "infusions.",
        ),
    ),
    (
        "protocol: pilot study will",
        "protocol",
        record(
            "Ketamine for chronic pain in veterans: a pilot study",
            "This pilot study will enrol 30 veterans. Participants will receive six ketamine infusions. Feasibility "
            "outcomes will be recruitment and retention.",
        ),
    ),
    (
        "protocol word in cohort: 'according to our institutional protocol'",
        "observational",
        record(
            "Ketamine infusions per institutional protocol",
            "Patients with chronic pain received ketamine according to our institutional protocol. We retrospectively "
            "analysed 90 cases.",
        ),
    ),
    (
        "animal: 'animals' only",
        "preclinical",
        record(
            "Ketamine and spinal microglia after nerve injury",
            "Animals underwent spared nerve injury and were treated with ketamine for 5 days. Microglial markers fell.",
        ),
    ),
    (
        "animal: rodent model phrase",
        "preclinical",
        record(
            "Ketamine in a rodent model of fibromyalgia",
            "Reserpine-induced myalgia was produced and ketamine was administered intraperitoneally.",
        ),
    ),
    (
        "in vitro: receptor binding",
        "preclinical",
        record(
            "Ketamine binding at opioid receptors",
            "Binding affinities of ketamine enantiomers were measured in HEK293 cells expressing mu opioid receptors.",
        ),
    ),
    (
        "guideline consensus",
        "guideline",
        record(
            "Ketamine infusions for chronic pain: consensus guidelines from three societies",
            "A committee reviewed the evidence and made recommendations.",
        ),
    ),
    (
        "cross-sectional survey of patients",
        "observational",
        record(
            "Patients' views on ketamine",
            "A cross-sectional study of 150 patients with chronic pain who had received ketamine infusions.",
        ),
    ),
    (
        "prospective observational",
        "observational",
        record(
            "Oral ketamine in chronic pain: a prospective observational study",
            "Patients starting oral ketamine were followed for 12 months.",
        ),
    ),
    (
        "qualitative interviews",
        "observational",
        record(
            "Patients' experiences of ketamine infusions for chronic pain",
            "We interviewed 18 patients with chronic pain who had received ketamine. Themes included relief and fear.",
        ),
    ),
    (
        "PT clinical trial but retrospective",
        "observational",
        record(
            "Ketamine infusions for CRPS",
            "Charts of 40 patients treated with ketamine were reviewed retrospectively.",
            types=("Journal Article", "Clinical Trial"),
        ),
    ),
    (
        "PT review but SR content",
        "systematic_review",
        record(
            "Ketamine in neuropathic pain",
            "We systematically searched PubMed and Embase and included 17 randomised trials.",
            types=("Journal Article", "Review"),
        ),
    ),
    (
        "PT case reports but series of 12",
        "observational",
        record(
            "Ketamine in 12 patients with CRPS",
            "We describe 12 patients with CRPS treated with ketamine; 8 improved.",
            types=("Case Reports",),
        ),
    ),
    (
        "PT RCT on a secondary cohort? abstract says retrospective cohort of RCT participants",
        "rct",
        record(
            "Long-term follow-up of a randomized trial of ketamine",
            "Participants of a randomised trial of ketamine for CRPS were contacted five years later.",
            types=("Journal Article",),
        ),
    ),
    (
        "animal with 'patients' in background",
        "preclinical",
        record(
            "Ketamine in a rat model of postoperative pain persistence",
            ("BACKGROUND", "Many patients develop chronic pain after surgery."),
            ("METHODS", "Rats underwent plantar incision and received ketamine."),
        ),
    ),
    (
        "in vitro, human tissue slices",
        "preclinical",
        record(
            "Ketamine and spinal neurons", "Human spinal cord slices from organ donors were superfused with ketamine."
        ),
    ),
    (
        "case report, 'randomized' in future only",
        "case_report",
        record(
            "Ketamine for refractory cluster headache",
            "We report a 38-year-old man with chronic cluster headache who responded to ketamine infusions. "
            "Randomized trials are needed.",
        ),
    ),
    (
        "case report, discussion of 'double-blind trials' in literature",
        "case_report",
        record(
            "Ketamine in CRPS",
            "A 29-year-old woman with CRPS responded to oral ketamine. Previous double-blind trials support infusions.",
        ),
    ),
    (
        "case report, 'open-label' given to patient",
        "case_report",
        record(
            "Sublingual ketamine in a patient with PHN",
            "One patient with postherpetic neuralgia took open-label sublingual ketamine for 6 months.",
        ),
    ),
    (
        "retrospective review of trial database → observational",
        "observational",
        record(
            "Adverse events of ketamine infusions",
            "We retrospectively analysed adverse events in 300 patients treated at our infusion centre.",
        ),
    ),
    (
        "nonrandom: 'prospective pilot' single group",
        "nonrandomized_trial",
        record(
            "Ketamine for chronic migraine",
            "Twenty patients with chronic migraine received ketamine infusions in a prospective pilot study. Headache "
            "days fell.",
        ),
    ),
    (
        "nonrandom: sensory testing before after",
        "nonrandomized_trial",
        record(
            "Quantitative sensory testing after ketamine",
            "Fifteen patients with CRPS had quantitative sensory testing before and after a ketamine infusion.",
        ),
    ),
    (
        "observational: cohort routine care 'were followed' ",
        "observational",
        record(
            "Oral ketamine in chronic pain",
            "Patients started on oral ketamine in routine practice were followed for one year. Half continued.",
        ),
    ),
    (
        "SR: 'meta-analysis' in title with 'randomized' body",
        "systematic_review",
        record(
            "Ketamine for chronic pain: meta-analysis of randomized controlled trials",
            "Randomized controlled trials comparing ketamine with placebo were pooled.",
        ),
    ),
    (
        "review: 'review' in title + 'we searched' ",
        "review",
        record(
            "Ketamine for neuropathic pain: a clinical review",
            "We searched PubMed for relevant articles. Ketamine provides short-term relief.",
        ),
    ),
    (
        "protocol: SR protocol",
        "protocol",
        record(
            "Ketamine for chronic pain: protocol for a systematic review and meta-analysis",
            "We will search MEDLINE, Embase and CENTRAL. Two reviewers will screen studies.",
        ),
    ),
    (
        "guideline: Delphi",
        "guideline",
        record("Ketamine infusions: a modified Delphi consensus", "Thirty experts rated statements over three rounds."),
    ),
    (
        "an instrument named for the patient is no patient described",
        "observational",
        record(
            "Mood after ketamine infusions for chronic pain",
            "We reviewed outcomes of patients with chronic pain treated with ketamine infusions; the Patient Health"
            " Questionnaire and pain scores were compared before and after.",
        ),
    ),
    (
        "protocol title + retrospective results",
        "observational",
        record(
            "A 5-day ketamine infusion protocol for CRPS: a retrospective study",
            "We reviewed 52 patients treated with the protocol. Pain fell by 35% (p < 0.01).",
        ),
    ),
    (
        "protocol in title, prospective cohort results",
        "observational",
        record(
            "Outcomes of an outpatient ketamine protocol in a cohort study",
            "In this prospective cohort, 80 patients with chronic pain were followed for one year. Half reported "
            "lasting relief.",
        ),
    ),
    (
        "protocol: feasibility trial not yet reported, present tense",
        "protocol",
        record(
            "Oral ketamine for chronic pain in palliative care: protocol of a feasibility study",
            "This feasibility study aims to recruit 40 patients. Outcomes include recruitment rate and adherence.",
        ),
    ),
    (
        "protocol: registration 'Brief Summary'",
        "protocol",
        record(
            "Ketamine for CRPS",
            ("Brief Summary", "The purpose of this study is to determine whether ketamine reduces pain in CRPS."),
        ),
    ),
    (
        "rct: results of a trial whose protocol was published",
        "rct",
        record(
            "Ketamine for CRPS: results of a randomised trial",
            ("METHODS", "As described in the published protocol, patients were randomised to ketamine or placebo."),
            ("RESULTS", "Pain was lower with ketamine (p = 0.02)."),
        ),
    ),
    (
        "case report: 'the patient' later",
        "case_report",
        record(
            "Unexpected relief of phantom limb pain",
            "After a below-knee amputation, a man developed phantom limb pain. The patient received oral ketamine "
            "and the pain resolved.",
        ),
    ),
    (
        "economic model",
        "other",
        record(
            "Cost-effectiveness of ketamine infusions for CRPS",
            "A Markov model compared the costs and quality-adjusted life years of ketamine infusions with standard "
            "care over five years.",
        ),
    ),
    (
        "PK simulation",
        "other",
        record(
            "Dosing of oral ketamine for chronic pain: a pharmacokinetic simulation",
            "Using published population pharmacokinetic parameters, we simulated plasma concentrations for five "
            "oral dosing regimens.",
        ),
    ),
    (
        "letter with own case",
        "case_report",
        record(
            "Ketamine for phantom pain",
            "We read with interest the recent review. A 61-year-old man with phantom limb pain responded to oral "
            "ketamine.",
            types=("Letter",),
        ),
    ),
    (
        "open-label extension of an RCT",
        "nonrandomized_trial",
        record(
            "Long-term oral ketamine: an open-label extension",
            "Patients who completed a randomised trial of oral ketamine for neuropathic pain entered a 6-month "
            "open-label extension.",
        ),
    ),
    (
        "participants completed a randomized crossover: this study's own",
        "rct",
        record(
            "Ketamine and capsaicin hyperalgesia",
            "Twelve volunteers completed a three-session, randomized, double-blind crossover study of ketamine and "
            "placebo.",
        ),
    ),
    (
        "veterinary trial dogs",
        "preclinical",
        record(
            "Ketamine infusion in dogs after limb amputation",
            "Dogs undergoing forelimb amputation were randomly assigned to ketamine or saline infusion.",
        ),
    ),
    (
        "random groups whatever the verb",
        "rct",
        record(
            "Ketamine before hernia repair in children",
            "Sixty children were randomly split into two groups: one received ketamine, the other saline.",
        ),
    ),
    (
        "a review journal's structured abstract that presents two cases is a review",
        "review",
        record(
            "Ketamine for refractory cluster headache",
            ("PURPOSE OF REVIEW", "We review the use of ketamine in refractory cluster headache."),
            (
                "RECENT FINDINGS",
                "Only four case reports describe ketamine in this setting. We present two cases treated with "
                "intravenous ketamine.",
            ),
            ("SUMMARY", "Ketamine may help some patients."),
        ),
    ),
    (
        "an animal named by its farm name is a preclinical study",
        "preclinical",
        record(
            "Ketamine and cortical spreading depolarisation",
            "We investigated the effect of ketamine on spreading depolarisation in the anaesthetised swine brain.",
        ),
    ),
    (
        "a blinded case series gave its treatment by its own allocation",
        "nonrandomized_trial",
        record(
            "Inhaled ketamine for breakthrough pain in hospice patients: a blinded case series",
            "In this double-blind crossover case series, six hospice patients inhaled ketamine on one day and "
            "placebo on the other. Four preferred the ketamine day.",
        ),
    ),
    (
        "a treatment a clinic offered and then followed is observed, not allocated",
        "observational",
        record(
            "Oral ketamine in refractory neuropathic pain",
            (
                "METHODS",
                "Oral ketamine was offered as a treatment option to consecutive patients with refractory "
                "neuropathic pain. Pain scores were collected prospectively before treatment and after one month.",
            ),
            ("RESULTS", "Of 24 patients, 14 improved."),
        ),
    ),
    (
        "a randomised trial that 'appears feasible' is still to be done",
        "nonrandomized_trial",
        record(
            "Oral ketamine for chronic pain in sickle cell disease: a single-arm pilot study",
            "Twenty adults with daily sickle cell pain took oral ketamine for eight weeks in this open-label pilot "
            "study. Pain fell from 6.0 to 4.9. A randomised placebo-controlled trial appears feasible.",
        ),
    ),
    (
        "an editorial on an article in this issue is a review, whatever trials it weighs",
        "review",
        record(
            "Ketamine for CRPS: hope or evidence?",
            "In this issue, a single-centre series reports relief after repeated ketamine infusions in CRPS. The "
            "randomised evidence for ketamine in CRPS consists of three small trials with short follow-up.",
        ),
    ),
    (
        "a treatment order determined randomly is randomisation",
        "rct",
        record(
            "Oral ketamine in painful diabetic neuropathy: an n-of-1 series",
            "Each of 12 patients completed three pairs of periods, oral ketamine in one and placebo in the other, the "
            "order within each pair determined randomly by the pharmacy.",
        ),
    ),
    (
        "a book chapter that gives an overview is a review",
        "review",
        record(
            "Ketamine in complex regional pain syndrome",
            "This chapter gives an overview of ketamine in CRPS. Clinical experience with infusion protocols is "
            "described and compared.",
        ),
    ),
    (
        "a registry record not yet recruiting is a protocol",
        "protocol",
        record(
            "Oral ketamine versus placebo for chronic neuropathic pain: trial registration",
            "Study type: Interventional. Allocation: Randomised. Primary outcome: pain at 8 weeks. Recruitment "
            "status: Not yet recruiting.",
        ),
    ),
    (
        "an animal material given to people is no animal study",
        "observational",
        record(
            "Ketamine infusions after limb revascularisation: a retrospective review",
            "We reviewed 30 patients with chronic ischaemic rest pain whose bypass used a bovine heterograft and who "
            "then received ketamine infusions. Pain fell in 18.",
        ),
    ),
    # kinds found in real abstracts of other uses of the drug (anaesthesia, psychiatry, recreational use)
    (
        "a Cochrane review's selection criteria name trials",
        "systematic_review",
        record(
            "Ketamine for agitation in the emergency department",
            "Objectives: To assess ketamine against haloperidol for acute agitation. Selection criteria: Randomised "
            "controlled trials in adults. Data collection: Two review authors independently extracted data. Main "
            "results: Three studies with 310 participants were eligible.",
        ),
    ),
    (
        "this case series, a comma after it, of a group",
        "observational",
        record(
            "Ketamine for sedation during cardioversion",
            "In this case series, 14 patients were given ketamine before cardioversion. Recovery was uneventful in 13.",
        ),
    ),
    (
        "children who received the drug, picked for a pharmacokinetic model",
        "observational",
        record(
            "A population pharmacokinetic model of ketamine in sedated children",
            "Plasma samples were drawn from 45 children who received ketamine for sedation in the intensive care unit. "
            "A one-compartment model described the concentrations.",
        ),
    ),
    (
        "the study's alternatives: either the drug or another",
        "nonrandomized_trial",
        record(
            "Ketamine premedication and emergence delirium after strabismus surgery",
            "Methods: Seventy boys having strabismus surgery were given either oral ketamine 5 mg/kg or apple juice "
            "before induction. "
            "Results: Emergence delirium was less frequent after ketamine.",
        ),
    ),
    (
        "the study's alternatives: the dose given either way",
        "nonrandomized_trial",
        record(
            "Plasma esketamine after nasal and intravenous doses in toddlers",
            "Methods: Under sevoflurane anaesthesia, 24 toddlers received esketamine 1 mg/kg either intranasally "
            "(n = 12) or intravenously (n = 12). Venous samples were taken for 90 minutes.",
        ),
    ),
    (
        "a laboratory method for measuring the drug, given to no one",
        "other",
        record(
            "Ketamine and norketamine in oral fluid by liquid chromatography-tandem mass spectrometry",
            "A method was developed and validated for the determination of ketamine and norketamine in oral fluid. "
            "Samples were extracted on mixed-mode cartridges. The assay was linear from 1 to 500 ng/mL.",
        ),
    ),
    (
        "an analytical method presented for detecting the drug in beverages",
        "other",
        record(
            "Detecting ketamine in spiked drinks",
            "This work presents a rapid capillary electrophoresis method for the detection of ketamine in "
            "beverages. Twelve drinks were spiked and tested.",
        ),
    ),
    (
        "the method applied to the hair of users over a period: the users are observed",
        "observational",
        record(
            "Ketamine in the hair of festival visitors",
            "Hair samples from 64 users were collected between 2019 and 2021. A method was developed and validated "
            "for ketamine and norketamine in hair, and 58 samples were positive.",
        ),
    ),
    (
        "a method of choosing patients is no laboratory method",
        "observational",
        record(
            "Who responds to ketamine infusions for CRPS?",
            "We aimed to develop a method to predict response. Seventy patients treated in our clinic were followed; "
            "age and duration predicted relief.",
        ),
    ),
    (
        "an advisory panel's recommendations in the title",
        "guideline",
        record(
            "Esketamine nasal spray in routine practice: expert panel recommendations",
            "Ten psychiatrists with early clinical experience of esketamine met to agree practical advice on "
            "patient selection, monitoring and service set-up.",
        ),
    ),
    (
        "a pilot trial run in a real-world setting",
        "nonrandomized_trial",
        record(
            "A pilot study of intranasal ketamine for acute suicidal ideation in a real-world emergency setting",
            "Eighteen adults presenting with suicidal ideation were treated with intranasal ketamine 50 mg and "
            "rated at 4 and 24 hours. Ideation scores fell by half.",
        ),
    ),
    (
        "the authors discuss their experience of one patient",
        "case_report",
        record(
            "Ketamine infusions for catatonic depression",
            "Here, we discuss the experience of treating catatonic depression with ketamine. A woman in her fifties "
            "presented with mutism and refusal to eat; six infusions restored speech and oral intake.",
        ),
    ),
    (
        "what the authors describe in one severely ill patient, with the literature reviewed",
        "case_report",
        record(
            "Oral ketamine for depression on a surgical ward",
            "Depression slows recovery after surgery. We describe a rapid response to oral ketamine in a frail "
            "elderly postoperative inpatient patient, and review the literature on oral dosing.",
        ),
    ),
    (
        "the drug's metabolism in liver microsomes",
        "preclinical",
        record(
            "Which enzymes hydroxylate norketamine?",
            "The aim was to identify the enzymes forming hydroxynorketamine. Norketamine enantiomers were incubated "
            "with pooled human liver microsomes, and metabolite formation was quantified.",
        ),
    ),
    (
        "enzyme variants expressed in a cell system",
        "preclinical",
        record(
            "Esketamine demethylation by CYP3A4 variants",
            "This investigation compared esketamine demethylation by common CYP3A4 variants. Each variant was "
            "coexpressed with its reductase in an insect cell system and activity was measured.",
        ),
    ),
    (
        "a chromatographic separation, in the chromatographer's words",
        "other",
        record(
            "Resolving ketamine enantiomers on a cellulose column",
            "A cellulose-based chiral stationary phase resolved racemic ketamine with ethanol as the eluent. The "
            "enantiomers eluted with retention times of 6 and 9 minutes.",
        ),
    ),
    (
        "a treatment protocol is no study protocol",
        "rct",
        record(
            "Ketamine added to remifentanil sedation for colonoscopy: a randomised trial",
            "Remifentanil sedation is common. This protocol is well tolerated but causes apnoea. Sixty adults were "
            "randomised to ketamine or saline; apnoea was less frequent with ketamine.",
        ),
    ),
    (
        "in vitro fertilisation is people's treatment",
        "observational",
        record(
            "Ketamine anaesthesia for oocyte retrieval and in vitro fertilisation outcomes: a retrospective study",
            "We reviewed 410 oocyte retrievals under ketamine or propofol. Pregnancy rates did not differ.",
        ),
    ),
    (
        "a split-mouth comparison",
        "nonrandomized_trial",
        record(
            "Ketamine added to lidocaine for third molar extraction",
            "In a split-mouth design, 30 patients had one side operated with lidocaine and the other with lidocaine "
            "plus ketamine. Pain was lower on the ketamine side.",
        ),
    ),
    (
        "an up-and-down sequential allocation",
        "nonrandomized_trial",
        record(
            "The effective dose of esketamine for hysteroscopy",
            "From March 2024 to June 2024, 45 women were enrolled. Each dose was set by the previous patient's "
            "response with an up-and-down sequential method.",
        ),
    ),
    (
        "cells knocked down with siRNA, with cancer pain in the background",
        "preclinical",
        record(
            "Esketamine slows gastric cancer cell migration",
            "Ketamine is used for cancer pain. Esketamine at 10 and 50 micromolar reduced cell migration of gastric "
            "cancer cells, and knockdown of the receptor with siRNA abolished the effect.",
        ),
    ),
    (
        "volunteers' blood incubated with the drug",
        "preclinical",
        record(
            "Ketamine and cytokine release in human blood",
            "Blood was drawn from eight healthy volunteers, diluted in RPMI medium and incubated with ketamine at "
            "three concentrations before stimulation. Interleukin-6 release fell.",
        ),
    ),
    (
        "a ketamine challenge in volunteers",
        "nonrandomized_trial",
        record(
            "Prefrontal glutamate after a ketamine challenge",
            "Here we used a ketamine challenge to test whether prefrontal glutamate rises with dissociation in 20 "
            "men. Glutamate rose and tracked dissociation.",
        ),
    ),
    (
        "a review journal's headings without colons, the literature's case reports in its findings",
        "review",
        record(
            "Ketamine for depression in older adults: a review",
            "Purpose of Review Depression in late life often resists treatment. Recent Findings Early case report "
            "data were followed by open-label and randomised trials in older adults. Summary Ketamine appears safe.",
        ),
    ),
    (
        "recruited to randomly receive one treatment or the other",
        "rct",
        record(
            "Epidural esketamine with ropivacaine for labour: a dose-response study",
            "One hundred parturients were recruited to randomly receive epidural ropivacaine alone or with "
            "esketamine 0.1 or 0.2 mg/kg. Pain scores were lower with esketamine.",
        ),
    ),
    (
        "the study divides its patients into its own arms",
        "nonrandomized_trial",
        record(
            "Peritonsillar ketamine in two doses",
            "Methods: We divided patients into 3 groups K1, K2 and S of 20 each; K1 had ketamine 0.25 mg/kg, K2 "
            "0.5 mg/kg and S saline. Pain was lower in K2.",
        ),
    ),
    (
        "patients divided into groups by what they had received",
        "observational",
        record(
            "Outcomes after ketamine in the emergency department",
            "Charts of 140 patients sedated for fracture reduction were divided into two groups according to "
            "whether they had received ketamine. Vomiting was more frequent with ketamine.",
        ),
    ),
    (
        "Dixon's sequential method",
        "nonrandomized_trial",
        record(
            "The median effective dose of esketamine for blunting the response to laryngoscopy",
            "Methods: Doses for 40 adults having general anaesthesia were set by the Dixon sequential method from the "
            "previous response.",
        ),
    ),
    (
        "the age range of a series is no one patient",
        "observational",
        record(
            "Clinical observations of ketamine anaesthesia",
            "Ketamine anaesthesia was used in 120 patients having minor operations. The youngest was a 4 month "
            "infant and the oldest was a 70 year old man. Emergence reactions occurred in 9.",
        ),
    ),
    (
        "the drug's effect studied in a group, in an older abstract's words",
        "nonrandomized_trial",
        record(
            "Ketamine and airway resistance in children",
            "The effect of ketamine on airway resistance was studied in 12 children. Resistance fell within minutes.",
        ),
    ),
    (
        "a study set up to investigate the drug",
        "nonrandomized_trial",
        record(
            "Ketamine for dressing changes in burns",
            "A study was set up to investigate whether the analgesia ketamine offers suits dressing changes. Forty "
            "patients were observed; most needed no other analgesic.",
        ),
    ),
    (
        "a title's 'clinical trial of' the drug",
        "nonrandomized_trial",
        record(
            "Clinical trial of ketamine as a sole anaesthetic: a preliminary report",
            "A report of its use in 80 consecutive patients is presented. Emergence reactions occurred in 12.",
        ),
    ),
    (
        "gerbils are laboratory animals",
        "preclinical",
        record(
            "Ketamine and ischaemic injury",
            "Pretreatment with ketamine reduced neuronal loss after carotid occlusion in gerbils.",
        ),
    ),
    (
        "a study designed to test a laboratory method is no trial of a drug",
        "observational",
        record(
            "A staining method for pancreatic biopsies",
            "This study was designed to test the utility of a new staining method in 40 patients with pancreatic "
            "masses. Sensitivity was 85%.",
        ),
    ),
    (
        "an analysis of a drug-safety reporting database",
        "observational",
        record(
            "Psychiatric adverse events of esketamine nasal spray",
            "Esketamine is new for resistant depression. We performed an analysis of the FDA adverse event reporting "
            "system database and found signals for dissociation.",
        ),
    ),
    (
        "two cases of a larger group, presented",
        "case_report",
        record(
            "Ketamine abuse and abdominal pain in young people",
            "We present in this paper 2 cases of the 10 patients with ketamine-related abdominal pain seen in one "
            "practice. Both improved when use stopped.",
        ),
    ),
    (
        "a cell line incubated with the drug, said before the authors speak",
        "preclinical",
        record(
            "Ketamine and apoptosis of breast cancer cells",
            "Ketamine is used for cancer pain. Whether it affects tumour cells is unclear. The MCF-7 cell line was "
            "incubated with ketamine at 1 to 100 micromolar for 24 h. Apoptosis rose with the dose. We conclude that "
            "ketamine may act on tumour cells.",
        ),
    ),
    (
        "a marker a patient's tumour expresses is no laboratory cell system",
        "observational",
        record(
            "PD-L1 in resected lung cancer and opioid use",
            "We reviewed 200 patients after lung resection. PD-L1 expressed in tumour cells was associated with "
            "higher opioid use after surgery.",
        ),
    ),
    (
        "allocated into two groups, no randomisation said",
        "nonrandomized_trial",
        record(
            "Ketamine added to lidocaine for intravenous regional anaesthesia",
            "Forty adults were allocated into two groups: group L received lidocaine alone and group LK lidocaine "
            "with ketamine. Tourniquet pain scores were lower in group LK.",
        ),
    ),
    (
        "the drug's users, with what the drug does in healthy volunteers in the aims",
        "observational",
        record(
            "Attention in regular and occasional ketamine users",
            (
                "AIMS",
                "Ketamine impairs attention when a single dose is given to healthy volunteers. We asked whether "
                "regular use leaves lasting deficits.",
            ),
            ("METHODS", "Twenty-two regular and 24 occasional ketamine users completed attention tasks twice."),
        ),
    ),
    (
        "an article that describes the prevalence it measured",
        "observational",
        record(
            "Ketamine use at music festivals",
            "This article describes the prevalence of ketamine use among festival visitors. A survey of 900 visitors "
            "was combined with interviews of 30.",
        ),
    ),
    (
        "a review that counts the literature's one case report",
        "review",
        record(
            "Dependence on intranasal esketamine: how real is the risk?",
            "Long-term trials found no craving or misuse, and only one case report of craving has been published. "
            "Pharmacovigilance data show no new signal. Our review finds the risk low.",
        ),
    ),
]

# Kinds found by abstracts written blind to the rules (see ``blind_kinds``).
CASES += DESIGN


@pytest.mark.parametrize(("case", "design", "rec"), CASES, ids=[c[0] for c in CASES])
def test_the_design_the_abstract_states_of_itself(tagger: Tagger, case: str, design: str, rec: Record) -> None:
    tags = tagger.tag(rec)
    assert tags.design == design, f"{case}: {tags.design_evidence[0].reason}"
