"""TAXONOMY.md's design rows and conventions, each in several of the ways abstracts state a method.

A systematic review that does not call itself one (a search and a count of included studies); a
narrative review that cites systematic ones; "randomised" against "double-blind" alone; a protocol in
the future tense; animal studies that say "randomised"; retrospective reviews and single patients
inside trials; cohorts with an approved "study protocol"; ketamine given in routine care and observed.
"""

from __future__ import annotations

import pytest

from litscan.tagging.tagger import Tagger

from .records import tag

CASES: list[tuple[str, str, str]] = [
    (
        "systematic_review",
        "Ketamine for chronic pain",
        "We searched PubMed, Embase and CENTRAL to March 2020 and included 18 trials. Pooled pain "
        "scores favoured ketamine.",
    ),
    (
        "systematic_review",
        "Ketamine for chronic pain: an update",
        "Electronic databases were searched. Twelve randomized trials met the inclusion criteria. "
        "Ketamine reduced pain.",
    ),
    ("systematic_review", "Ketamine for CRPS: a meta-analysis", "Seven RCTs were pooled."),
    (
        "systematic_review",
        "Ketamine in cancer pain",
        "A systematic literature search identified 5 studies of ketamine for cancer pain.",
    ),
    (
        "review",
        "Ketamine for chronic pain: a narrative review",
        "We summarise the pharmacology of ketamine and its use in chronic pain.",
    ),
    (
        "review",
        "Ketamine for chronic pain",
        "This review discusses ketamine's mechanisms and clinical use in chronic pain. Systematic "
        "reviews have shown modest benefit.",
    ),
    (
        "review",
        "Ketamine in chronic pain: where are we now?",
        "Ketamine is an NMDA antagonist used in CRPS and neuropathic pain. Evidence from randomized"
        " trials is limited. We discuss dosing and adverse effects.",
    ),
    ("rct", "Ketamine for CRPS", "Sixty patients with CRPS were randomly assigned to ketamine or placebo."),
    (
        "rct",
        "Ketamine for CRPS",
        "In this double-blind crossover trial, 20 patients with CRPS received ketamine and placebo in random order.",
    ),
    (
        "rct",
        "Ketamine for CRPS: a post hoc analysis",
        "We performed a post hoc analysis of a randomised controlled trial of ketamine in 60 patients with CRPS.",
    ),
    (
        "nonrandomized_trial",
        "Ketamine for CRPS",
        "In this double-blind, placebo-controlled study, 20 patients with CRPS received ketamine and placebo.",
    ),
    (
        "nonrandomized_trial",
        "Ketamine for CRPS",
        "In an open-label study, 20 patients with CRPS received oral ketamine for 4 weeks.",
    ),
    (
        "nonrandomized_trial",
        "Ketamine for CRPS",
        "Twenty patients with CRPS were prospectively enrolled and received a 5-day ketamine "
        "infusion per protocol; pain was assessed before and after.",
    ),
    (
        "nonrandomized_trial",
        "Ketamine and brain connectivity in fibromyalgia",
        "Fifteen patients with fibromyalgia underwent functional MRI before and after a ketamine infusion.",
    ),
    (
        "observational",
        "Ketamine infusions for chronic pain",
        "We retrospectively reviewed the charts of 150 patients who received ketamine infusions.",
    ),
    (
        "observational",
        "Ketamine infusions for chronic pain",
        "Medical records of patients treated with ketamine between 2010 and 2018 were reviewed. 87 "
        "patients were identified.",
    ),
    (
        "observational",
        "Ketamine infusions in a pain clinic: a case series",
        "We report outcomes of 12 patients with CRPS treated with ketamine. Mean pain fell by 40%.",
    ),
    (
        "observational",
        "Ketamine use among pain physicians: a survey",
        "We surveyed 300 pain physicians about ketamine infusions for chronic pain.",
    ),
    (
        "observational",
        "Ketamine infusions for chronic pain",
        "Using a national claims database, we identified 2,000 patients who received ketamine for chronic pain.",
    ),
    (
        "case_report",
        "Ketamine for CRPS",
        "A 45-year-old woman with CRPS of the left arm received a ketamine infusion with complete relief.",
    ),
    (
        "case_report",
        "Oral ketamine in phantom limb pain: two cases",
        "We describe two patients with phantom limb pain treated with oral ketamine.",
    ),
    (
        "case_report",
        "Ketamine for CRPS",
        "We present three patients with CRPS treated with ketamine. Patient 1 had pain for 5 years.",
    ),
    (
        "preclinical",
        "Ketamine in neuropathic rats",
        "Spinal nerve ligation was performed in male rats. Ketamine reduced allodynia.",
    ),
    (
        "preclinical",
        "Ketamine and NMDA receptors in dorsal horn neurons",
        "Spinal cord slices from mice with nerve injury were studied with patch clamp.",
    ),
    (
        "guideline",
        "Consensus guidelines on ketamine infusions for chronic pain",
        "A panel of experts from three societies developed recommendations on ketamine for chronic pain.",
    ),
    (
        "guideline",
        "Ketamine for chronic pain: a Delphi study",
        "A modified Delphi process reached consensus on 20 recommendations.",
    ),
    (
        "observational",
        "Ketamine infusions after spine surgery",
        "A new analgesic regimen with ketamine was introduced in 2019 and compared with the previous one. The "
        "patients in the ketamine group had lower pain scores than those in the control group.",
    ),
    (
        "observational",
        "Deaths involving ketamine in one country",
        "Ketamine is misused in many countries. Cases were extracted in March 2021 from a national mortality "
        "database. Most deaths were accidental poisonings.",
    ),
    (
        "observational",
        "Epidural ketamine for central pain after spinal cord injury",
        "Four participants were referred to our clinic with central pain after spinal cord injury. We "
        "administered epidural morphine with ketamine. Each reported relief.",
    ),
    (
        "nonrandomized_trial",
        "Intranasal ketamine for prolonged migraine aura",
        "The effect of intranasal ketamine was studied in 11 participants with prolonged migraine aura.",
    ),
    (
        "nonrandomized_trial",
        "Diazepam and emergence from ketamine anaesthesia: a double-masked study",
        "Emergence reactions were rated by an observer unaware of the premedication.",
    ),
    (
        "observational",
        "Ketamine anaesthesia for electroconvulsive therapy",
        "In this series of cases, ten patients were given ketamine anaesthesia for each treatment.",
    ),
    (
        "systematic_review",
        "Ketamine for chronic pain: a meta-analytic review",
        "Pain relief was pooled across trials.",
    ),
    (
        "nonrandomized_trial",
        "Nebulised ketamine and sore throat after intubation",
        "Study design: Quasi-experimental study. Methodology: A total of 120 patients having elective surgery were"
        " included, 60 in each group.",
    ),
    (
        "nonrandomized_trial",
        "Ketamine added to lignocaine for third molar surgery",
        "The study was conducted on 30 patients with impacted third molars. They were divided into 2 groups. Group I"
        " received lignocaine and group II received lignocaine with ketamine.",
    ),
    (
        "review",
        "Ketamine for neuropathic pain",
        "Papers were drawn from the authors' files of twenty years. Ketamine relieved neuropathic pain in trials.",
    ),
    (
        "guideline",
        "Ketamine in chronic pain management",
        "The national pain society issued recommendations for intravenous ketamine in chronic pain.",
    ),
    (
        "protocol",
        "Oral ketamine for cancer pain",
        "This paper describes the design of an ongoing multicentre trial of oral ketamine for cancer pain.",
    ),
    (
        "protocol",
        "Ketamine for CRPS: study protocol for a randomized controlled trial",
        "Patients will be randomized to ketamine or placebo.",
    ),
    (
        "protocol",
        "Ketamine for chronic pain",
        "This randomised trial will enrol 200 patients with chronic pain. The primary outcome will "
        "be pain at 3 months.",
    ),
    (
        "protocol",
        "Ketamine for neuropathic pain: protocol for a systematic review",
        "We will search MEDLINE and Embase.",
    ),
    (
        "observational",
        "Ketamine for CRPS: a prospective cohort",
        "We followed 100 patients with CRPS who received ketamine in routine care for one year.",
    ),
    ("rct", "Ketamine for CRPS", "Patients were randomised to ketamine or placebo; we report the ketamine arm only."),
    (
        "review",
        "Ketamine for chronic pain",
        "Letter to the editor: we read with interest the trial of ketamine in CRPS.",
    ),
    (
        "preclinical",
        "Ketamine in neuropathic rats: a randomized blinded study",
        "Rats with chronic constriction injury were randomly assigned to ketamine or saline. Allodynia was reduced.",
    ),
    (
        "preclinical",
        "Ketamine in a mouse model of CIPN",
        "Mice received oxaliplatin and were randomized to ketamine or vehicle. In a double-blind "
        "design, cold allodynia was measured.",
    ),
    ("preclinical", "Ketamine and microglia", "BV2 cells were treated with ketamine in vitro. Cytokine release fell."),
    (
        "observational",
        "Ketamine in chronic pain",
        "The study protocol was approved by the ethics committee. We prospectively followed 80 "
        "patients receiving ketamine infusions in routine care for 6 months. Pain fell by 30%.",
    ),
    (
        "observational",
        "Ketamine for CRPS",
        "This retrospective study was approved by the institutional review board. Records of 45 "
        "patients were reviewed.",
    ),
    (
        "case_report",
        "Ketamine for refractory CRPS: a case report",
        "A 30-year-old man with CRPS took part in an open-label trial of oral ketamine. Pain resolved.",
    ),
    (
        "case_report",
        "Ketamine for CRPS",
        "We report a patient with CRPS treated with ketamine in a trial setting; pain decreased by 70%.",
    ),
    (
        "review",
        "Ketamine for chronic pain: a critical review",
        "We searched PubMed for relevant articles and discuss ketamine's mechanisms, dosing and adverse effects.",
    ),
    (
        "review",
        "Ketamine for chronic pain",
        "Meta-analyses have shown ketamine to be effective. In this narrative review we summarise the evidence.",
    ),
    (
        "systematic_review",
        "Ketamine in CRPS: a review",
        "Following PRISMA guidelines, MEDLINE and Embase were searched; 9 studies were included.",
    ),
    (
        "systematic_review",
        "Ketamine for neuropathic pain: a scoping review",
        "We mapped 45 studies of ketamine in neuropathic pain.",
    ),
    (
        "rct",
        "Ketamine for CRPS",
        "Sixty patients were randomized to ketamine or placebo. Unlike previous open-label studies,"
        " this trial was blinded.",
    ),
    (
        "nonrandomized_trial",
        "Ketamine for CRPS",
        "Previous randomized trials showed benefit. In this open-label study, 20 patients received ketamine.",
    ),
    (
        "observational",
        "Ketamine for CRPS",
        "Randomized trials are lacking. We reviewed the records of 50 patients with CRPS who received ketamine.",
    ),
    (
        "systematic_review",
        "Ketamine for chronic pain: systematic review and meta-analysis of randomised controlled trials",
        "Twelve RCTs (n=500) were pooled.",
    ),
    (
        "rct",
        "Ketamine for CRPS: secondary analysis of a randomised trial",
        "We analysed pain diaries from 60 patients in a randomised placebo-controlled trial of ketamine.",
    ),
    (
        "protocol",
        "Ketamine for CRPS (KETA-CRPS): rationale and design of a randomized controlled trial",
        "The trial will enrol 120 patients.",
    ),
    # a case series is a case report of three or fewer patients, an observational study of a group
    (
        "observational",
        "Oral ketamine for phantom limb pain",
        "We present a case series of 12 amputees with phantom limb pain treated with oral ketamine.",
    ),
    (
        "observational",
        "Oral ketamine for phantom limb pain",
        "We report a case-series of 20 patients with phantom limb pain treated with oral ketamine.",
    ),
    (
        "case_report",
        "Oral ketamine for phantom limb pain",
        "We present a case series of three amputees with phantom limb pain treated with oral ketamine.",
    ),
    (
        "case_report",
        "Oral ketamine for phantom limb pain",
        "We present a case series that shows the use of oral ketamine in three amputees with phantom limb pain.",
    ),
    (
        "observational",
        "Oral ketamine for phantom limb pain: a case series",
        "We describe five patients with phantom limb pain treated with oral ketamine. Mean pain fell from 8 to 3.",
    ),
    (
        "case_report",
        "Oral ketamine for phantom limb pain",
        "Two patients with phantom limb pain received oral ketamine with lasting relief.",
    ),
    (
        "rct",
        "Ketamine in CRPS: a randomised trial",
        "Patients were randomised to ketamine or placebo. Only the ketamine arm was analysed for pain.",
    ),
]


@pytest.mark.parametrize(("design", "title", "text"), CASES, ids=[f"{c[0]}: {c[2][:50]}" for c in CASES])
def test_the_design_of_the_study_itself(tagger: Tagger, design: str, title: str, text: str) -> None:
    assert tag(tagger, title, text).design == design
