"""Kinds found by abstracts written blind to the rules: another writer followed TAXONOMY.md alone, and
the tagger's errors on those abstracts were sorted by kind. Each case here is written anew for its
kind, in words of its own, and fails on the rules before it. The cases run with the kinds of their decision:
``test_spec_on_topic_kinds``, ``test_spec_design_kinds``, ``test_spec_condition_kinds``, ``test_spec_route_kinds``.
"""

from __future__ import annotations

from litscan.models import Record

from .records import record

# Patients with chronic pain whose opioid dose, not pain, is followed months after their operation.
OPIOID_DOSE_LATER = record(
    "Intraoperative ketamine in patients on long-term opioids for chronic non-cancer pain: opioid dose three "
    "months after surgery",
    "Two hundred adults taking opioids for chronic non-cancer pain were randomised to ketamine or saline "
    "during surgery. Pain scores over 72 h and the opioid dose at 3 months were recorded. Opioid use in "
    "hospital was lower with ketamine; the dose at 3 months did not differ.",
)

ON_TOPIC: list[tuple[str, bool, Record]] = [
    (
        "a toxicity study in rats whose finding is 'no nerve injury' has no pain model",
        False,
        record(
            "Spinal cord histology after intrathecal ketamine with preservative in rats",
            "Rats received intrathecal ketamine with or without benzethonium. Spinal cords were examined after "
            "7 days. Ketamine with preservative caused no nerve injury and would seem to be safe.",
        ),
    ),
    (
        "an off-topic use the case denies ('no signs of opioid withdrawal') frames nothing; the background names "
        "its patient's pain",
        True,
        record(
            "Ketamine for rapid opioid tapering in an opioid-tolerant patient: a case report",
            "High-dose opioids for chronic pain carry many risks. We present a case in which a ketamine infusion "
            "over 7 days allowed a taper of the daily opioid dose, with unchanged pain and no signs of opioid "
            "withdrawal.",
        ),
    ),
    (
        "a stated aim that calls the title's condition acute narrows it: acute pain, off topic",
        False,
        record(
            "Topical ketamine and lidocaine for neuropathic pain",
            "Objective: To evaluate a ketamine and lidocaine cream for acute neuropathic pain. Methods: Charts of "
            "300 clinic patients with neuropathic pain given the cream were reviewed. Results: Half improved.",
        ),
    ),
    (
        "a review's limitations section naming the drug among agents it left out reports no result of it",
        False,
        record(
            "Treatments for postherpetic neuralgia: a network meta-analysis",
            "Objective: To compare treatments of postherpetic neuralgia. Results: Antiepileptics and topical agents "
            "reduced pain more than placebo. Limitations: Agents with other mechanisms (opioids and ketamine) on "
            "reducing pain were too few to include.",
        ),
    ),
    (
        "an animal study whose purpose names the pain it measures beside a stress model studies pain",
        True,
        record(
            "Ketamine pretreatment in a rat model of post-traumatic stress disorder",
            "This study aims to explore the effect of ketamine on mechanical allodynia and anxiety-like behaviour "
            "in rats exposed to a model of post-traumatic stress disorder. Paw withdrawal thresholds were measured "
            "for 21 days.",
        ),
    ),
    (
        "pain and depression named as one comorbid condition is a chronic pain population, not depression alone",
        True,
        record(
            "Ketamine in pain-depression comorbidity: mechanisms and models",
            "This chapter outlines the mechanisms shared by pain and depression, the animal models of the "
            "comorbidity, and ketamine as a treatment for both.",
        ),
    ),
    (
        "a title's postoperative pain is the pain of the patients' own operation, followed here for days",
        False,
        record(
            "Ketamine lowers postoperative pain scores in patients taking opioids for chronic pain",
            "Sixty patients on long-term opioids for chronic pain were randomised to a ketamine or saline infusion "
            "after surgery. Pain scores over 24 hours and opioid use before discharge were recorded.",
        ),
    ),
    (
        "a title's persistent postoperative pain is a chronic condition, not the days after an operation",
        True,
        record(
            "Ketamine infusions for persistent postoperative pain: a case series",
            "Twelve patients with pain more than six months after surgery received ketamine infusions. Pain "
            "scores fell in eight.",
        ),
    ),
    (
        "hyperalgesia a model leaves for hours is acute pain, not a chronic model",
        False,
        record(
            "Peripheral ketamine in a model of mild thermal injury in the rat",
            "We examined ketamine injected into the paw of rats. Exposure of the hindpaw to 52 degrees C produced "
            "a thermal hyperalgesia lasting at least 2 h. Ketamine before the injury produced antihyperalgesia.",
        ),
    ),
    (
        "a nerve named between 'ligation of the' and 'nerve' is a chronic model beside the acute tests",
        True,
        record(
            "Ketamine in formalin and nerve-injury pain in mice",
            "Mice received ketamine before carrageenan was injected into the paw. In a second group, ligation of "
            "the common peroneal nerve was made and ketamine reversed mechanical allodynia for three days.",
        ),
    ),
    (
        "the drugs the intervention section opens with are what the study gave, a list of four included",
        True,
        record(
            "Compounded creams for localized chronic pain: a randomized trial",
            "Objective: To test compounded creams in adults with localized chronic pain. Intervention: Creams "
            "compounded with ketamine, amitriptyline, baclofen and lidocaine, or a base cream. Results: Pain "
            "scores at one month did not differ between the groups.",
        ),
    ),
    (
        "a drug named late in a long intervention section is how patients were managed, not what was studied",
        False,
        record(
            "Stopping intrathecal pumps in chronic non-cancer pain: an audit",
            "Objective: To describe stopping intrathecal pumps in chronic non-cancer pain. Intervention: Pumps "
            "were explanted over ten years. Oral opioids replaced intrathecal morphine. Education was offered. "
            "Ketamine infusion was used in hospital to cover the switch. Results: Thirty patients were managed.",
        ),
    ),
    (
        "an Italian abstract names chronic pain in its own words ('dolore cronico')",
        True,
        record(
            "Ketamina orale nel dolore cronico refrattario: serie di casi",
            "Descriviamo 15 pazienti con dolore cronico refrattario trattati con ketamina orale per tre mesi.",
        ),
    ),
    (
        "the hyperalgesia an opioid leaves in rats, their only model, is opioid tolerance, not chronic pain",
        False,
        record(
            "Ketamine prevents remifentanil-induced hyperalgesia in rats",
            "Rats received a remifentanil infusion with or without ketamine. Remifentanil-induced hyperalgesia "
            "lasted four days; mechanical hyperalgesia was smaller after ketamine.",
        ),
    ),
    (
        "an opioid's hyperalgesia beside a nerve injury model leaves the chronic pain model standing",
        True,
        record(
            "Ketamine and morphine tolerance in rats with chronic constriction injury",
            "Rats with chronic constriction injury of the sciatic nerve received morphine for a week. "
            "Morphine-induced hyperalgesia and mechanical allodynia were smaller after ketamine.",
        ),
    ),
    (
        "a Spanish abstract names the drug and chronic pain in its own words ('ketamina', 'dolor crónico')",
        True,
        record(
            "Ketamina oral en el dolor crónico refractario: experiencia de una unidad del dolor",
            "Se revisaron 25 pacientes con dolor crónico refractario tratados con ketamina oral durante seis meses.",
        ),
    ),
    (
        "a German title names the drug and chronic pain in its own words ('Ketamin', 'chronischen Schmerzen')",
        True,
        record(
            "Ketamin bei chronischen Schmerzen: eine Übersicht",
            "Diese Übersicht beschreibt den Einsatz von Ketamin in der Schmerztherapie.",
        ),
    ),
    (
        "an animal model of a disease that makes no pain model and measures no pain is not a pain model",
        False,
        record(
            "Ketamine slows cartilage loss in a rat model of knee osteoarthritis",
            "Osteoarthritis was induced in rats by joint immobilisation. Rats then received intra-articular ketamine "
            "or saline weekly for a month, and cartilage damage and synovial cytokines were scored.",
        ),
    ),
    (
        "an animal study is on topic by its own model, not by the chronic pain its background names in people",
        False,
        record(
            "Ketamine and mechanical thresholds in conscious sheep",
            "Sensitisation after surgery can lead to chronic pain in patients. Eight sheep received ketamine at "
            "three doses in a crossover design, and mechanical thresholds were measured for two hours.",
        ),
    ),
    (
        "chronic pain written with a hyphen, or with a comma before its kind, names the population",
        True,
        record(
            "Repeated ketamine infusions in chronic-pain patients on high opioid doses",
            "We reviewed 30 outpatients with chronic, non-cancerous pain who had weekly ketamine infusions.",
        ),
    ),
    (
        "a meta-analysis of experimental pain models in people is off topic, whatever its conclusion hopes",
        False,
        record(
            "NMDA antagonists and analgesia: a meta-analysis of experimental studies",
            ("Objective", "We pooled controlled trials that used experimental models of hyperalgesia in people."),
            ("Results", "Forty trials were included. Low-dose ketamine lowered pain ratings by 1 point."),
            ("Conclusions", "The findings support the use of ketamine in chronic pain management."),
        ),
    ),
    (
        "the drug as one of a long list of topical agents, each with its forms, is a catalogue, not the study's",
        False,
        record(
            "Topical agents for painful diabetic neuropathy: a review",
            "This review summarises topical agents for painful diabetic neuropathy, including lidocaine plasters or "
            "patches, capsaicin cream, gel or patches, amitriptyline cream, clonidine gel and ketamine cream.",
        ),
    ),
    (
        "pain recorded over a span that reaches months after the operation is chronic post-surgical pain",
        True,
        record(
            "Intravenous ketamine added to epidural analgesia after thoracotomy: a randomised trial",
            "Thoracotomy often leads to chronic pain. Sixty patients were randomised to ketamine or saline infusion "
            "for 48 h. Pain scores, rescue analgesia and residual pain were recorded from 12 h to 3 months.",
        ),
    ),
    (
        "an emergency department in a list of a review's indications makes only its own item acute",
        True,
        record(
            "Ketamine as an analgesic: an overview of reviews",
            "We searched for systematic reviews of ketamine as an analgesic and included 31. Benefit was shown for "
            "renal colic in the emergency department, for sedation during painful procedures, and for cancer pain.",
        ),
    ),
    (
        "the perioperative pain of cancer patients having surgery, followed for days, is no cancer pain",
        False,
        record(
            "Intraoperative ketamine for perioperative pain after hip replacement in oncology patients",
            "Sixty patients with bone metastases having hip replacement were randomised to ketamine or saline "
            "during surgery. Morphine use over 72 hours and mobilisation on day 3 were compared.",
        ),
    ),
    (
        "harm from recreational use stays off topic whatever pain its treatment names in passing",
        False,
        record(
            "Ulcerative cystitis after recreational ketamine use: a case report",
            "A 24-year-old man who had used ketamine recreationally for three years had urinary frequency and "
            "bladder pain. He stopped ketamine and received treatment (neuropathic pain control and bladder "
            "instillations); his symptoms improved.",
        ),
    ),
    (
        "a pharmacokinetic study in inpatients with neuropathic pain names its chronic pain population",
        True,
        record(
            "Bioavailability of oral and sublingual ketamine",
            "In a randomised crossover study, eight inpatients with neuropathic pain received ketamine 10 mg "
            "intravenously and 25 mg orally or sublingually; plasma levels were measured for 8 hours.",
        ),
    ),
    (
        "a review's purpose naming the drug as one of a long list of drugs only mentions it",
        False,
        record(
            "Epidural drugs for intractable cancer pain",
            "This review covers the drugs given epidurally to patients with cancer pain, including bupivacaine, "
            "morphine, hydromorphone, clonidine, ketamine, midazolam and baclofen, and what is known of each.",
        ),
    ),
    (
        "a headache's 'acute treatment' treats its attacks, even one the title calls promising",
        False,
        record(
            "Nasal ketamine as a promising acute treatment for refractory migraine",
            "We surveyed 90 patients with refractory migraine who had been prescribed nasal ketamine spray. Headache "
            "intensity fell from 8 to 5 within two hours of a dose.",
        ),
    ),
    (
        "the acute treatment of cluster headache attacks treats each attack as an acute episode",
        False,
        record(
            "Intranasal ketamine for the acute treatment of cluster headache attacks",
            "Twenty patients with chronic cluster headache treated up to three attacks at home with intranasal "
            "ketamine. Pain relief at 15 minutes was reached in 40% of attacks.",
        ),
    ),
    (
        "a chronic condition named only for trials that 'may be warranted' is no population of the study",
        False,
        record(
            "Ketamine mouthwash for mucositis pain during radiotherapy: a randomised trial",
            "Sixty adults with radiation mucositis were randomised to ketamine or placebo mouthwash. Soreness over "
            "the first week did not differ. Trials in chronic oral pain conditions may be warranted.",
        ),
    ),
    (
        "a review of the drugs 'other than ketamine' does not study ketamine",
        False,
        record(
            "NMDA antagonists other than ketamine for neuropathic pain: a systematic review",
            "We searched MEDLINE and Embase for randomised trials of memantine or dextromethorphan in neuropathic "
            "pain; 20 trials were included. Memantine did not reduce pain in postherpetic neuralgia.",
        ),
    ),
    (
        "patients with chronic pain followed for their opioid dose months later, their pain only for days",
        False,
        OPIOID_DOSE_LATER,
    ),
    (
        "analgesia after an operation in patients with chronic back pain, followed for two days",
        False,
        record(
            "Ketamine infusion for analgesia after lumbar decompression in patients with chronic back pain",
            "Sixty adults with chronic low back pain were randomised to ketamine or saline. Morphine use over 24 h "
            "and pain on movement up to 48 h were lower with ketamine.",
        ),
    ),
    (
        "chronic post-surgical pain named in a conclusion, and pain months on in the results",
        True,
        record(
            "Epidural ketamine for thoracotomy: acute pain and pain six months later",
            "Sixty patients undergoing thoracotomy were randomised to epidural bupivacaine with or without ketamine. "
            "At 6 months, pain in the region of the operation was reported by 8 of 29 and 16 of 30. Ketamine "
            "reduced persistent post-thoracotomy pain.",
        ),
    ),
    (
        "persistent hypersensitivity after an operation in animals is a chronic pain model",
        True,
        record(
            "Ketamine at the time of surgery speeds resolution of persistent hypersensitivity after muscle "
            "retraction in rats",
            "Rats received ketamine or saline before thigh muscle retraction; ketamine hastened recovery of "
            "withdrawal thresholds by day 21.",
        ),
    ),
    (
        "patients with chronic pain sedated with the drug for a procedure, their pain not followed: off topic",
        False,
        record(
            "Ketamine-based sedation for spinal cord stimulator implantation: a retrospective comparison",
            "We reviewed the records of 120 patients with chronic back pain who underwent stimulator implantation "
            "under ketamine or propofol sedation. Mapping was completed more often with ketamine.",
        ),
    ),
    (
        "... and on topic where the study follows their pain months later",
        True,
        record(
            "Ketamine-based sedation for spinal cord stimulator implantation: a retrospective comparison",
            "We reviewed the records of 120 patients with chronic back pain who underwent stimulator implantation "
            "under ketamine or propofol sedation. Back pain at 6 months did not differ between the groups.",
        ),
    ),
    (
        "a perioperative trial that reports pain months after the operation prevents chronic post-surgical pain",
        True,
        record(
            "Perioperative ketamine and morphine use after abdominal hysterectomy: a randomised trial",
            "Ninety women were randomised to ketamine or placebo. The primary outcome was morphine use over 48 h. "
            "Pain in the area of the operation was assessed by postal questionnaire at 3 months. Morphine use was "
            "lower with ketamine.",
        ),
    ),
    (
        "a late outcome the record leaves to a later report is not reported here",
        False,
        record(
            "Ketamine and opioid use after laparoscopic hysterectomy: a randomised trial",
            "Eighty women were randomised to intraoperative ketamine or saline. Morphine use over 24 h was lower "
            "with ketamine. Persistent pain at 6 months was a secondary outcome and will be reported separately.",
        ),
    ),
    (
        "follow-up after discharge named only as what would be needed",
        False,
        record(
            "Intraoperative ketamine for patients with chronic back pain having lumbar discectomy",
            "Fifty patients with chronic back pain were randomised to ketamine or placebo during surgery. Opioid "
            "use over 48 h fell. Longer follow-up would be required to know whether pain after discharge improves.",
        ),
    ),
    (
        "how long patients took opioids before surgery is an entry criterion, not a follow-up",
        False,
        record(
            "Intraoperative ketamine in patients with chronic neck pain undergoing cervical fusion",
            "Adults with chronic neck pain using opioids daily for 3 months or longer were randomised to ketamine "
            "or saline. Pain scores over the first 72 h were lower with ketamine.",
        ),
    ),
    (
        "persistent pain the trial says it did not assess is no chronic outcome",
        False,
        record(
            "Ketamine and opioid use after open hernia repair: a randomised trial",
            "Ninety adults were randomised to ketamine or saline. Opioid use over 24 h was lower with ketamine. "
            "Persistent postoperative pain was not assessed.",
        ),
    ),
    (
        "an outcome after discharge the record says is unknown is no late outcome of its own",
        False,
        record(
            "Intraoperative ketamine in patients with chronic back pain undergoing lumbar fusion: a meta-analysis",
            "We searched three databases and included 6 trials (400 patients). Ketamine reduced opioid use over "
            "48 hours. Its effect on pain after discharge is unknown.",
        ),
    ),
    (
        "ketamine as the anaesthetic of an animal model, another compound given orally: not studied",
        False,
        record(
            "A novel TRPA1 antagonist reduces allodynia after spared nerve injury in mice",
            "Under ketamine-xylazine anaesthesia, mice underwent spared nerve injury. From day 7 the compound or "
            "vehicle was given orally for 10 days; allodynia fell by half.",
        ),
    ),
    (
        "hyperalgesia after a plantar incision in rats is an acute postoperative pain model",
        False,
        record(
            "Ketamine and incision-induced hyperalgesia in rats",
            "A plantar incision was made in the hind paw of rats given intrathecal ketamine or saline. Ketamine "
            "reduced mechanical hyperalgesia for 24 hours.",
        ),
    ),
    (
        "hyperalgesia after spared nerve injury in rats is a chronic pain model",
        True,
        record(
            "Ketamine and mechanical hyperalgesia after spared nerve injury in rats",
            "Rats with spared nerve injury received intrathecal ketamine or saline. Ketamine reduced mechanical "
            "hyperalgesia for 24 hours.",
        ),
    ),
    (
        "patients with chronic cancer pain undergoing a tumour resection, followed 72 hours: off topic",
        False,
        record(
            "Effect of esketamine on postoperative analgesia in patients with chronic cancer pain undergoing tumor "
            "resection: a randomized trial",
            "Sixty patients with chronic cancer pain on strong opioids were randomised to esketamine or saline. Pain "
            "scores within 72 h were lower with esketamine.",
        ),
    ),
    (
        "patients with chronic back pain not followed after discharge: no late outcome",
        False,
        record(
            "Intraoperative ketamine in patients with chronic low back pain undergoing lumbar fusion",
            "Sixty adults with chronic low back pain were randomised to ketamine or saline during surgery. Opioid "
            "use over 48 hours fell. Patients were not followed after discharge.",
        ),
    ),
    (
        "ketamine to abort attacks of a chronic headache in hospital treats an acute episode",
        False,
        record(
            "Intranasal ketamine to abort attacks of cluster headache in hospital: a pilot study",
            "Twenty inpatients with chronic cluster headache used intranasal ketamine at attack onset; pain at 15 "
            "minutes fell by half.",
        ),
    ),
    (
        "carrageenan inflammation over hours in a rat paw is an acute model",
        False,
        record(
            "Local ketamine and carrageenan-induced hyperalgesia in the rat paw",
            "Rats received an intraplantar injection of carrageenan with or without ketamine. Thermal hyperalgesia "
            "over 6 h was reduced by ketamine.",
        ),
    ),
    (
        "ketamine for depression in patients with fibromyalgia, pain not an endpoint: depression alone",
        False,
        record(
            "Serial ketamine infusions for treatment-resistant depression in patients with fibromyalgia",
            "Twenty-four adults with fibromyalgia and depression received six ketamine infusions. Pain was not a "
            "study endpoint. Depression scores fell by 40%.",
        ),
    ),
    (
        "the same population with pain measured too is on topic",
        True,
        record(
            "Serial ketamine infusions for treatment-resistant depression in patients with fibromyalgia",
            "Twenty-four adults with fibromyalgia and depression received six ketamine infusions. Depression scores "
            "fell by 40% and pain scores by 20%.",
        ),
    ),
    (
        "ketamine for opioid withdrawal in a patient on opioids for chronic back pain, no pain outcome",
        False,
        record(
            "Intravenous ketamine for precipitated opioid withdrawal in a patient on opioids for chronic back pain",
            "A 58-year-old man developed severe withdrawal after a first dose of buprenorphine. A ketamine infusion "
            "relieved it within hours.",
        ),
    ),
    (
        "the same trial that does follow its patients for months stays on topic",
        True,
        record(
            "Intraoperative ketamine in patients with chronic neck pain undergoing cervical fusion",
            "Adults with chronic neck pain using opioids daily were randomised to ketamine or saline. Pain at "
            "3 months after surgery was lower with ketamine.",
        ),
    ),
]


DESIGN: list[tuple[str, str, Record]] = [
    (
        "'in humans as in animals' compares with animal work; the study is of people",
        "nonrandomized_trial",
        record(
            "Ketamine and cingulate glutamate in healthy humans",
            "Fourteen healthy volunteers received a subanaesthetic ketamine infusion during spectroscopy. "
            "Glutamine rose. In humans as in animals, NMDA blockade raises glutamate turnover.",
        ),
    ),
    (
        "healthy people given the drug, counted apart from it, were given it by the study's protocol",
        "nonrandomized_trial",
        record(
            "Ketamine and cingulate glutamate: a magnetic resonance spectroscopy study",
            "Twelve healthy young men took part. Glutamate in the posterior cingulate cortex rose during a "
            "subanaesthetic dose of ketamine, measured by spectroscopy at 3 Tesla.",
        ),
    ),
    (
        "a review that names volunteers among the studies it read is still a review",
        "review",
        record(
            "Peripheral ketamine as an analgesic",
            "Ketamine acts on peripheral receptors. Local injection altered sensory thresholds in experimental "
            "trials in volunteers, but many variables were unaltered. Topical ketamine deserves more study.",
        ),
    ),
    (
        "a Spanish 'estudio piloto' is a pilot study: a non-randomised trial",
        "nonrandomized_trial",
        record(
            "Ketamina oral en dolor neuropático: estudio piloto",
            "Material y método: Se efectuó un estudio piloto, comparativo y prospectivo. Se estudiaron 20 pacientes "
            "divididos en dos grupos. Resultados: El dolor disminuyó con ketamina.",
        ),
    ),
    (
        "'the observational pain scale' names a measure, not the design",
        "nonrandomized_trial",
        record(
            "Caudal versus intravenous ketamine after hypospadias repair",
            "In this double-blind trial, 40 children received caudal or intravenous ketamine. Pain was assessed with "
            "the observational pain scale for 24 hours. Analgesia lasted longer after caudal ketamine.",
        ),
    ),
    (
        "a trial a survey asks about ('their interest in a randomized controlled trial (RCT)') is not the survey's "
        "design, nor is its abbreviation",
        "observational",
        record(
            "Ketamine sedation in intensive care: a survey of intensivists",
            "We sought to understand how intensivists use ketamine and to gauge their interest in a randomized "
            "controlled trial (RCT). We surveyed 400 physicians; 87 replied.",
        ),
    ),
    (
        "a cost per remitter is an economic model's result: design 'other'",
        "other",
        record(
            "Cost-per-remitter with esketamine nasal spray versus standard care",
            "We estimated the cost-per-remitter of esketamine plus an oral antidepressant versus an oral "
            "antidepressant plus nasal placebo, using trial data.",
        ),
    ),
    (
        "'this study provides data' on measurements of its own is a study, not a review",
        "observational",
        record(
            "Ketamine residues in river water of three cities",
            "Ketamine levels in river water were determined monthly at twelve sites by mass spectrometry. "
            "Levels were highest downstream of the cities. This study provides data for monitoring illicit use.",
        ),
    ),
    (
        "'randomly given' one of two treatments at each visit is random allocation",
        "rct",
        record(
            "Oral versus nasal ketamine for dressing changes in chronic leg ulcers: a crossover trial",
            "A double-blind crossover trial was conducted in 24 adults with painful chronic ulcers. Patients were "
            "randomly given oral or nasal ketamine at each of two visits. Pain was lower after the nasal dose.",
        ),
    ),
    (
        "databases searched and a count of the articles found make a systematic review, whatever its title says",
        "systematic_review",
        record(
            "Ketamine for chronic pain in adolescents: a review of current evidence",
            "A search of PubMed, Embase and the Cochrane Library up to 2022 was performed. 150 articles were found "
            "and 30 underwent full review. The evidence is of low quality.",
        ),
    ),
    (
        "a randomised trial in horses is an animal study",
        "preclinical",
        record(
            "Two ketamine doses for field anaesthesia of ponies",
            "This prospective, randomised and blinded study compared two induction doses of ketamine in 40 ponies "
            "undergoing castration. Induction quality was better with the higher dose.",
        ),
    ),
    (
        "cavies (guinea pigs) given the drug make an animal study",
        "preclinical",
        record(
            "Ketamine in the hair of dosed cavies",
            "Twelve cavies were given ketamine daily for a week, and their hair was analysed. Concentrations "
            "rose with the dose.",
        ),
    ),
    (
        "a pharmacokinetic study gave the drug by its protocol, though it counts its patients as a group",
        "nonrandomized_trial",
        record(
            "Oral ketamine disposition in patients with chronic neuropathic pain",
            "The pharmacokinetics of ketamine 0.5 mg/kg orally and 0.25 mg/kg i.v. were investigated in twelve "
            "patients with neuropathic pain. Norketamine exceeded ketamine after the oral dose.",
        ),
    ),
    (
        "methods and results sections of the study's own, with no count or cue, are a study, not a review",
        "observational",
        record(
            "Ketamine after spine surgery in patients on long-term opioids",
            "Introduction: Opioid-tolerant patients report more pain after surgery. Material and methods: A "
            "ketamine protocol was introduced in 2019 and compared with the earlier regimen. Results: Pain "
            "scores on the first day were lower in the ketamine group (p = 0.01).",
        ),
    ),
    (
        "'assigned randomly', the adverb after the verb, is random allocation",
        "rct",
        record(
            "Ketamine and evoked potentials in chronic back pain",
            "Forty patients with chronic low back pain were assigned randomly to saline or one of two ketamine "
            "doses. Evoked potentials and pain ratings were recorded for an hour.",
        ),
    ),
    (
        "recordings from channels in a neuroblastoma cell line are an in-vitro study",
        "preclinical",
        record(
            "Ketamine on sodium currents of human neurons",
            "Objective: To measure how ketamine blocks neuronal sodium channels. Methods: Whole-cell patch-clamp "
            "recordings were made in SH-SY5Y cells. Results: Ketamine blocked the current in a concentration-"
            "dependent way.",
        ),
    ),
    (
        "a preparation of the drug tested for stability in the laboratory is given to no one: 'other'",
        "other",
        record(
            "Stability of ketamine 5 mg/mL in saline syringes stored for 60 days",
            "Purpose: Ketamine infusions are prepared ahead in many pain services. Methods: Syringes were stored "
            "at 4 and 25 degrees; concentrations were measured by a stability-indicating assay. Results: More than "
            "97% of the drug remained at 60 days.",
        ),
    ),
    (
        "a hypothesis the results are said to fit, at the end, does not make the study's own sentences background",
        "nonrandomized_trial",
        record(
            "Ketamine and tramadol in experimental heat pain",
            "The analgesic effect of ketamine and tramadol was compared in experimental heat pain. Naloxone or "
            "placebo was given before each drug. Both drugs reduced heat pain. The results are in accordance with "
            "the hypothesis that ketamine acts by a non-opioid mechanism.",
        ),
    ),
    (
        "a survey 'with a narrative review' is the survey: the review is added to it",
        "observational",
        record(
            "Oral ketamine for chronic pain in Norway: a national survey of pain clinics with a narrative review",
            "We sent a questionnaire to all 40 pain clinics; 31 answered. Most prescribed oral ketamine rarely.",
        ),
    ),
    (
        "a Spanish abstract states its randomisation in its own words ('ensayo aleatorizado')",
        "rct",
        record(
            "Ketamina oral frente a placebo en el dolor neuropático crónico",
            "Objetivo: Evaluar la ketamina oral. Métodos: Ensayo aleatorizado y doble ciego en 60 pacientes con "
            "dolor neuropático crónico. Resultados: El dolor disminuyó más con ketamina.",
        ),
    ),
    (
        "a Portuguese title names a case report in its own words ('relato de caso')",
        "case_report",
        record(
            "Cetamina subcutânea na dor oncológica refratária: relato de caso",
            "Paciente de 60 anos com dor oncológica refratária recebeu cetamina subcutânea com alívio da dor.",
        ),
    ),
    (
        "a title's 'single-centre review' is the centre's own records, not a review of the literature",
        "observational",
        record(
            "Subcutaneous ketamine in palliative care: a single-centre review",
            "We looked back at the use of subcutaneous ketamine on our palliative care unit. Methods: The notes of "
            "31 patients given ketamine for cancer pain were read. Results: Two thirds had less pain.",
        ),
    ),
    (
        "meta-analyses in a list of the kinds of study a narrative review read are others', not its method",
        "review",
        record(
            "Ketamine in pain medicine: current knowledge",
            "Objectives: This work describes ketamine in pain care. Methods: Review of literature including "
            "cohort studies, meta-analyses, randomised trials, guidelines, focusing on ketamine doses. Findings: "
            "Ketamine eases neuropathic pain.",
        ),
    ),
    (
        "the authors reporting more than three patients report a series, whatever the patients received",
        "observational",
        record(
            "Oral ketamine at home for difficult cancer pain",
            "We report on 6 patients with neuropathic cancer pain at home. All patients received oral ketamine "
            "after a short intravenous course; five kept their relief for months.",
        ),
    ),
    (
        "consensus guidelines named as the source of advice are others', not the record's own",
        "review",
        record(
            "Ketamine beyond neuropathic pain",
            "Ketamine is used for refractory chronic pain. The consensus guidelines on intravenous ketamine support "
            "its use only in CRPS, yet studies suggest a role in fibromyalgia and headache. This topic is discussed "
            "here with the evidence for each condition.",
        ),
    ),
    (
        "a heading joined by an ampersand ('Materials & Methods:') opens the methods, whose groups are the study's",
        "nonrandomized_trial",
        record(
            "Two doses of ketamine in chronic neck pain",
            "Background: Chronic neck pain is common and hard to treat. Materials & Methods: Forty patients with "
            "chronic neck pain were split into two groups. Group A patients were given 20 mg ketamine and group B "
            "patients 40 mg. "
            "Results: Pain fell more with 40 mg.",
        ),
    ),
    (
        "the economic evaluation of a randomised trial's own patients is the trial's design",
        "rct",
        record(
            "Cost-effectiveness analysis of the randomised, placebo-controlled trial of oral ketamine in cancer pain",
            "We estimated costs per quality-adjusted life year from the 180 patients randomised to oral ketamine or "
            "placebo.",
        ),
    ),
    (
        "trials said to be under way elsewhere are not the record's design",
        "review",
        record(
            "Ketamine by mouth, nose and skin for pain",
            "A review of the literature shows oral, nasal and transdermal ketamine relieving neuropathic pain. A "
            "nasal formulation is currently undergoing phase II clinical trials.",
        ),
    ),
    (
        "randomised studies recommended to further investigate the findings are future work, not the design",
        "nonrandomized_trial",
        record(
            "Memory after two weeks of oral ketamine in adolescents with chronic pain",
            "This prospective, uncontrolled study tested memory in 12 adolescents with chronic pain before and after "
            "two weeks of oral ketamine. Memory did not decline. Randomized, controlled studies in adolescents are "
            "recommended to further investigate these findings.",
        ),
    ),
    (
        "a few volunteers given the drug by the study are an experiment, not a case report",
        "nonrandomized_trial",
        record(
            "Plasma ketamine after a nasal spray and a lozenge",
            "We measured plasma ketamine for 8 hours after a 25 mg nasal spray and a 25 mg lozenge of ketamine in "
            "three healthy volunteers.",
        ),
    ),
    (
        "a pharmacokinetic study in healthy volunteers, with no design named, gave the drug by its protocol",
        "nonrandomized_trial",
        record(
            "Pharmacokinetics of an oral ketamine solution",
            ("Background", "Oral ketamine is made up by hospital pharmacies."),
            ("Methods", "A 1% ketamine solution was administered to eight healthy volunteers as one 5 mL oral dose."),
        ),
    ),
    (
        "the review named as the subject of its aim and method is a review, whatever trials it describes",
        "review",
        record(
            "Drugs for pain after spinal cord injury",
            "The aim of the review is to weigh the drugs tried. The review was based on a search of PubMed. Few "
            "randomized placebo-controlled studies of these drugs in such patients were identified; ketamine "
            "relieved pain briefly.",
        ),
    ),
    (
        "a book chapter is a review",
        "review",
        record(
            "Ketamine for pain with depression",
            "In this chapter, we outline shared mechanisms of pain and depression and animal models used to study "
            "them, and ketamine as a treatment.",
        ),
    ),
    (
        "the literature counted ('most of the randomized trials') is not the record's own design",
        "review",
        record(
            "Phantom limb pain: mechanisms and treatment",
            "Phantom limb pain follows amputation. Treatments include drugs, injections and mirror therapy. Most of "
            "the randomized controlled trials have tested drugs, with short-term benefit from ketamine. This overview "
            "weighs them.",
        ),
    ),
    (
        "users of the drug against non-users are groups by what patients took: a cohort, not a trial",
        "observational",
        record(
            "Ketamine and opioid needs in hospitalised patients with advanced cancer",
            "We evaluated the effects of ketamine on opioid needs in 80 ketamine users and 95 non-users on a "
            "palliative ward.",
        ),
    ),
    (
        "the authors' own earlier case report, cited, does not make a cohort study a case report",
        "observational",
        record(
            "Esketamine infusions for chronic pelvic pain: a retrospective cohort",
            "Databases held no study on this topic, except our own case report. We reviewed 20 women treated with "
            "esketamine infusions between 2015 and 2023; pain improved in 12.",
        ),
    ),
    (
        "'this case study' of five patients reported as a group is an observational series",
        "observational",
        record(
            "Topical ketamine gel for neuropathic pain",
            "This case study involved 5 patients (3 CRPS, 1 radiculopathy, 1 postherpetic neuralgia). Mean pain "
            "fell from 8.8 to 1.6 after application.",
        ),
    ),
    (
        "a literature search with no database named and a count of articles is a narrative review's (TAXONOMY)",
        "review",
        record(
            "Ketamine in chronic pain: an overview",
            "We performed a literature search for reviews of ketamine in pain and retrieved 120 articles, of which "
            "25 were used. Ketamine helps after surgery; for chronic pain its effect is small.",
        ),
    ),
    (
        "a prospective open-label study gave the drug by its protocol, whatever else it calls itself ('audit')",
        "nonrandomized_trial",
        record(
            "Short-course subcutaneous ketamine for refractory cancer pain: an open-label audit of 40 patients",
            "In this prospective, multicentre, open-label audit, 40 patients received a three-day ketamine infusion, "
            "escalated from 100 to 500 mg a day if needed. Pain responded in 26.",
        ),
    ),
    (
        "a series of n-of-1 randomised trials in many patients is a randomised trial",
        "rct",
        record(
            "N-of-1 randomised trials of oral ketamine in chronic neuropathic pain",
            "Twenty patients took oral ketamine for a week; the twelve who responded entered n-of-1 randomised "
            "trials of three pairs of ketamine and placebo weeks.",
        ),
    ),
    (
        "a randomised trial in one patient is a case",
        "case_report",
        record(
            "A randomised n-of-1 trial of oral ketamine in a patient with phantom limb pain",
            "A 60-year-old man with phantom limb pain took ketamine or placebo in randomised order over six weeks; "
            "pain was lower in ketamine weeks.",
        ),
    ),
    (
        "a study the record calls a trial it conducted gave the drug by its protocol, whatever else it calls itself",
        "nonrandomized_trial",
        record(
            "Ketamine and lidocaine infusions in fibromyalgia: a prospective observational study",
            (
                "INTRODUCTION",
                "Fibromyalgia pain is hard to treat. Hence a trial was conducted to evaluate ketamine with lidocaine.",
            ),
            (
                "METHODS",
                "A prospective observational study of 40 patients. Rising doses of ketamine were infused on "
                "alternate days for 10 days.",
            ),
        ),
    ),
    (
        "behaviour called 'depression-like' and a dose given i.p. are an animal's, with no species named",
        "preclinical",
        record(
            "Ketamine and depression-like behaviour in chronic neuropathic pain",
            "We studied the effects of one dose of ketamine (10 mg/kg, i.p.) on mechanical hypersensitivity and "
            "depression-like behaviour after nerve injury. Ketamine relieved the behaviour for three days.",
        ),
    ),
    (
        "animals named only for a study still to be done ('before a toxicity study in animals') are no animal study",
        "case_report",
        record(
            "Spinal cord changes after months of intrathecal ketamine for cancer pain",
            "A woman with neuropathic cancer pain received intrathecal ketamine with morphine for four months, with "
            "good relief. At autopsy the spinal cord showed gliosis near the catheter tip. The route should not be "
            "used before a systematic toxicity study in animals has been done.",
        ),
    ),
    (
        "an age said of something other than a person ('what the next decades hold for our 60 years old') is no case",
        "review",
        record(
            "Sixty years of ketamine",
            "A narrative review of the drug's history in anaesthesia and pain medicine is presented. Its uses in "
            "chronic pain are traced from case reports to trials. We close with what the next decades may hold for "
            "our 60 years old.",
        ),
    ),
    (
        "a nerve-injury model made only in animals, with the study's purpose in its background, is preclinical",
        "preclinical",
        record(
            "Ketamine with a glial inhibitor for neuropathic pain",
            (
                "BACKGROUND",
                "Glia sustain neuropathic pain. The present study is to test ketamine with a glial "
                "inhibitor on chronic constriction injury (CCI)-induced allodynia.",
            ),
            (
                "RESULTS",
                "Intrathecal ketamine (10 and 100 micrograms) reduced CCI-induced allodynia; with the "
                "inhibitor the effect was larger.",
            ),
        ),
    ),
    (
        "a few clinicians who each give an opinion are the article's authors, not its cases",
        "review",
        record(
            "Is ketamine worth trying in refractory cancer pain?",
            "In this debate article, two palliative care clinicians answer the question independently. Each "
            "summarises the trials they rely on and their practice. They disagree on its value.",
        ),
    ),
    (
        "patients who were referred and then treated are a clinic's series, whatever 'we administered' suggests",
        "observational",
        record(
            "Epidural ketamine with morphine for pain below a spinal cord injury",
            "Five patients were referred with burning pain below the level of a spinal cord injury that drugs had "
            "not relieved. We administered ketamine 10 mg with morphine through an epidural catheter. Pain fell in "
            "each of them.",
        ),
    ),
    (
        "'this protocol' of a treatment with its response rate counted is no study protocol",
        "nonrandomized_trial",
        record(
            "Three-day subcutaneous ketamine for refractory pain in hospice in-patients",
            "In-patients of four hospices received subcutaneous ketamine by a fixed three-day titration. The "
            "response rate was 14/30 (47 percent). We conclude that this protocol is safe on an in-patient unit.",
        ),
    ),
    (
        "the cohort of a named trial is that trial's arm, no cohort study",
        "nonrandomized_trial",
        record(
            "Oral ketamine added to methadone in neuropathic cancer pain",
            "Purpose Methadone gives partial relief in neuropathic cancer pain; ketamine may add to it. "
            "Results for the ketamine cohort of KETAMET-2, the largest single-study report, are reported. "
            "Patients and Methods Patients received oral ketamine 10 mg four times a day for 4 weeks added to "
            "methadone. Results Of 20 patients, pain fell in 14. Conclusion The combination helped.",
        ),
    ),
    (
        "a dose the clinic escalated, in a retrospective review, is routine care, not a dose-escalation trial",
        "observational",
        record(
            "Outpatient ketamine infusions for CRPS: a retrospective review of 49 patients",
            "We reviewed the records of all patients with CRPS who received outpatient ketamine infusions between "
            "2009 and 2013. Infusions were given over 4 h on 5 days (dose escalated from 0.15 to 0.35 mg/kg/h).",
        ),
    ),
    (
        "'11 studies with 453 patients met the inclusion criteria' counts a search's studies: a systematic review",
        "systematic_review",
        record(
            "Ketamine for complex regional pain syndrome: what do the clinical studies show?",
            "PubMed, Embase and the Cochrane Library were searched to 2019. Risk of bias was assessed with the "
            "Cochrane tool for randomised trials. Eleven studies with 453 patients met the inclusion criteria.",
        ),
    ),
    (
        "a retrospective case note review is observational, not a review",
        "observational",
        record(
            "Oral ketamine in hospice patients: a retrospective case note review",
            "We reviewed the case notes of all 31 hospice patients prescribed oral ketamine between 2014 and 2019. "
            "Pain scores fell in 20.",
        ),
    ),
    (
        "an abstract opening 'Editorial.' is an editorial, whatever case series it mentions",
        "review",
        record(
            "Ketamine for chronic pain: promise and pitfalls",
            "Editorial. In this issue, a randomised trial of oral ketamine reports no benefit. Oral maintenance "
            "regimens have spread on the basis of case series; better trials are needed.",
        ),
    ),
    (
        "samples before and after the usual dose at a routine clinic visit observe routine care",
        "observational",
        record(
            "Plasma norketamine during long-term oral ketamine for neuropathic pain",
            "We studied outpatients who had taken oral ketamine prescribed by their pain clinic for at least 3 months. "
            "At a routine clinic visit, blood was drawn before and 1, 2 and 4 hours after the usual morning dose.",
        ),
    ),
    (
        "'experience with 12 hospice patients' is a series of the authors' practice",
        "observational",
        record(
            "Continuous subcutaneous ketamine in refractory cancer pain: experience with 12 hospice patients",
            "Twelve consecutive hospice in-patients with cancer pain received ketamine by continuous subcutaneous "
            "infusion. Pain scores fell from 8 to 3 after 3 days.",
        ),
    ),
    (
        "all given the drug and assessed before it and weeks afterwards: a trial's schedule",
        "nonrandomized_trial",
        record(
            "A five-day ketamine infusion in postherpetic neuralgia",
            "Twenty patients with postherpetic neuralgia were seen at two pain clinics. All received a 5-day ketamine "
            "infusion in hospital. Pain was assessed before the infusion, on day 5 and 4 weeks afterwards.",
        ),
    ),
    (
        "sensory testing before, and an hour after, a study infusion",
        "nonrandomized_trial",
        record(
            "Wind-up and ketamine in fibromyalgia",
            "Twenty women with fibromyalgia had sensory testing before, and 60 minutes after, an intravenous "
            "infusion of ketamine. Wind-up fell by a third.",
        ),
    ),
    (
        "a laboratory session is the study's own",
        "nonrandomized_trial",
        record(
            "Ketamine cream and allodynia in CRPS",
            "Sixteen patients with CRPS attended a laboratory session at which ketamine cream was applied to the "
            "painful limb. The area of allodynia fell by a third at 60 minutes.",
        ),
    ),
    (
        "ketamine given by a standardised study protocol is a trial, though the record calls itself observational",
        "nonrandomized_trial",
        record(
            "Five-day subcutaneous ketamine in refractory nerve injury pain",
            "In this prospective observational study, 18 adults with nerve injury pain received a subcutaneous "
            "ketamine infusion for 5 days according to a standardised study protocol. Pain was recorded at 1, 4 "
            "and 12 weeks and fell by a third at week 4.",
        ),
    ),
    (
        "a retrospective analysis of a prospective trial's data keeps the trial's design",
        "nonrandomized_trial",
        record(
            "Who responds to ketamine infusions in CRPS? Predictors from a single-centre series",
            "We retrospectively analysed data from a prospective single-centre trial in which 40 patients with CRPS "
            "received a 5-day ketamine infusion. Shorter disease duration predicted response.",
        ),
    ),
    (
        "the cohorts of a dose escalation are the trial's, not a cohort study",
        "nonrandomized_trial",
        record(
            "Buccal ketamine in opioid-treated cancer pain",
            "Successive cohorts of three patients with cancer pain received buccal ketamine 10, 20 or 40 mg three "
            "times daily for a week. Dose-limiting toxicity occurred in two of three patients at 40 mg.",
        ),
    ),
    (
        "patients admitted for an infusion whose dose the study started and increased are a trial's",
        "nonrandomized_trial",
        record(
            "A four-day ketamine infusion in long-standing CRPS",
            "Twenty-two patients with CRPS were admitted for a 4-day infusion of ketamine. The dose was started at "
            "0.1 mg/kg/h and increased daily as tolerated. Pain had fallen by 40% at 1 week and by 15% at 12 weeks.",
        ),
    ),
    (
        "scans before and after the end of a protocol infusion, a few words between, are a trial's",
        "nonrandomized_trial",
        record(
            "Insular connectivity and ketamine in fibromyalgia",
            "Fourteen women with fibromyalgia were scanned before and 1 h after the end of a 40-min intravenous "
            "infusion of ketamine. Connectivity fell with pain.",
        ),
    ),
    (
        "an institutional protocol of routine care leaves a chart review observational",
        "observational",
        record(
            "Ketamine infusions for chronic pain at a tertiary clinic",
            "We reviewed the records of 60 patients who received ketamine infusions according to our institutional "
            "protocol between 2015 and 2020. Half reported relief lasting a month.",
        ),
    ),
    (
        "case reports as the subject of the literature, in the opening sentence, are not the record's design",
        "observational",
        record(
            "Ketamine for chronic pain and the risk of urinary symptoms: a cohort study of dispensing records",
            "Case reports have implicated long-term ketamine in bladder damage. We followed 900 adults with "
            "chronic pain dispensed oral ketamine and 3,600 matched adults; urinary symptoms were twice as common.",
        ),
    ),
    (
        "an economic model the title names draws on cohorts without being one",
        "other",
        record(
            "Cost-utility of ketamine infusions for fibromyalgia: a Markov analysis",
            "A model simulated a cohort of women with fibromyalgia over ten years, with response rates taken from "
            "published trials. Infusions cost 41,000 per quality-adjusted life year gained.",
        ),
    ),
    (
        "a randomised trial the conclusion plans is not the open-label study's design",
        "nonrandomized_trial",
        record(
            "Sublingual ketamine for refractory trigeminal neuralgia: an open study",
            "Fourteen patients with trigeminal neuralgia took sublingual ketamine for 4 weeks; pain fell by 35%. "
            "A randomised, placebo-controlled crossover trial is now planned.",
        ),
    ),
    (
        "a randomised trial the findings justify is a study still to be done",
        "nonrandomized_trial",
        record(
            "Oral ketamine in painful HIV neuropathy: a single-arm study",
            "Sixteen adults with painful HIV neuropathy received oral ketamine for 6 weeks, and pain fell in nine. "
            "These results justify a randomised comparison with placebo.",
        ),
    ),
    (
        "sealed envelopes drawn at random are random allocation",
        "rct",
        record(
            "Ketamine or lidocaine infusions for postherpetic neuralgia",
            "Forty patients with postherpetic neuralgia were allocated to ketamine or lidocaine by sealed envelopes "
            "drawn at random. Pain fell more with ketamine.",
        ),
    ),
    (
        "sealed envelopes alone do not say the allocation was random (TAXONOMY)",
        "nonrandomized_trial",
        record(
            "Ketamine or lidocaine infusions for postherpetic neuralgia: a controlled trial",
            "Forty patients with postherpetic neuralgia were allocated to ketamine or lidocaine using sealed "
            "envelopes. Pain fell more with ketamine.",
        ),
    ),
    (
        "a letter is a letter whatever meta-analysis it discusses",
        "review",
        record(
            "Ketamine and phantom limb pain: a note of caution",
            "We read with interest the recent meta-analysis of ketamine for phantom limb pain. Its pooled estimate "
            "mixes epidural and intravenous trials, and we ask the authors to separate them.",
        ),
    ),
    (
        "an editorial on a meta-analysis in the same issue is an editorial",
        "review",
        record(
            "Ketamine after surgery: a cautious welcome",
            "In this issue of the journal, a meta-analysis of 30 randomised trials reports that ketamine reduces "
            "chronic post-surgical pain at 3 months. The trials were small and the effect is uncertain.",
        ),
    ),
    (
        "a review that outlines the design of a trial to come is a review",
        "review",
        record(
            "Ketamine for central pain: lessons from case reports",
            "In this narrative review we examine case reports of ketamine in central post-stroke pain, and we "
            "outline the design of a trial that could settle the question.",
        ),
    ),
    (
        "a design paper of a trial not yet reported stays a protocol",
        "protocol",
        record(
            "Ketamine for central post-stroke pain: rationale and design of a randomised trial",
            "We describe the design of a randomised trial in which 120 patients will be randomised to ketamine or "
            "placebo.",
        ),
    ),
    (
        "an open-label study compared with a historical cohort is a trial, not a cohort study",
        "nonrandomized_trial",
        record(
            "Oral ketamine for painful diabetic neuropathy: an open-label pilot study",
            "Twenty patients with painful diabetic neuropathy took oral ketamine for 4 weeks. Pain was compared with "
            "a matched cohort treated the year before.",
        ),
    ),
    (
        "sensory testing before and some time after an infusion given by the study protocol is a trial",
        "nonrandomized_trial",
        record(
            "Pain modulation and ketamine in chronic low back pain",
            "Eighteen adults with chronic low back pain had sensory testing before and 2 hours after an intravenous "
            "ketamine infusion given according to a fixed study protocol.",
        ),
    ),
    (
        "patients allocated to two groups, blind to the assignment, without randomisation: a non-randomised trial",
        "nonrandomized_trial",
        record(
            "Epidural ketamine with bupivacaine after knee arthroplasty",
            "Forty patients were allocated to one of two groups; observers were unaware of group assignment. Group K "
            "received epidural ketamine with bupivacaine, group C bupivacaine alone.",
        ),
    ),
    (
        "a cohort nested in a randomised trial is a cohort",
        "observational",
        record(
            "Ketamine and persistent pain after mastectomy: a cohort nested in a randomised trial of anaesthesia",
            "Women in a trial of regional or general anaesthesia who received ketamine at the anaesthetist's "
            "discretion were compared with those who did not; persistent pain at 12 months was similar.",
        ),
    ),
    (
        "a retrospective case review of a clinic's patients is no case report",
        "observational",
        record(
            "Topical ketamine for post-traumatic trigeminal neuropathy: a retrospective case review",
            "The records of 23 patients treated with a ketamine gel were reviewed. Pain fell by 30% in nine.",
        ),
    ),
    (
        "allocation by the toss of a coin is random",
        "rct",
        record(
            "Ketamine infusion for CRPS: a double-blind trial",
            "Twenty-six adults with CRPS took part. Allocation to ketamine or placebo was decided by the toss of a "
            "coin. Pain fell more with ketamine.",
        ),
    ),
    (
        "a study that calls itself nonrandomised is no randomised trial, whatever trial it finds feasible",
        "nonrandomized_trial",
        record(
            "Oral ketamine in painful diabetic neuropathy: a nonrandomised pilot study",
            "Eighteen adults took oral ketamine for 6 weeks; pain fell by 25%. A randomised trial is feasible.",
        ),
    ),
    (
        "a randomised trial the results need for confirmation is a trial still to come",
        "nonrandomized_trial",
        record(
            "Oral ketamine in acute zoster to prevent persistent pain: a controlled trial",
            "Patients with an even hospital number received ketamine and those with an odd number did not. Pain at "
            "3 months was less common with ketamine; these results need confirmation in a randomised trial.",
        ),
    ),
    (
        "a review that searched for randomised and non-randomised studies and counts them in brackets is systematic",
        "systematic_review",
        record(
            "Oral ketamine for chronic pain",
            "MEDLINE and Embase were searched for randomised and non-randomised studies of oral ketamine. Twenty "
            "studies (6 randomised trials, 4 non-randomised trials and 10 observational studies; 900 patients) "
            "were included.",
        ),
    ),
    (
        "a population counted in words ('twenty-one women') introduces the study and its design",
        "nonrandomized_trial",
        record(
            "Ketamine in fibromyalgia",
            "Twenty-one women with fibromyalgia took part in a double-blind, placebo-controlled study. Pain fell "
            "with ketamine in 13.",
        ),
    ),
    (
        "a letter opening 'Sir,' is a letter whatever case it discusses",
        "review",
        record(
            "Ketamine and causalgia",
            "Sir, the recent report of relief of causalgia after a ketamine infusion deserves comment. The patient "
            "received several other treatments, and follow-up was short.",
        ),
    ),
    (
        "a randomised trial the conclusion finds justified is still to come",
        "nonrandomized_trial",
        record(
            "Intranasal esketamine for depression with chronic low back pain: an open-label pilot study",
            "Twenty adults used esketamine nasal spray for 8 weeks; pain fell from 6.8 to 5.1. A randomised trial is "
            "justified.",
        ),
    ),
    (
        "a combined in silico and in vitro study tested cells: preclinical",
        "preclinical",
        record(
            "Ketamine binding to NMDA receptor subunits: a combined in silico and in vitro study",
            "Docking predicted the binding site, and cultured dorsal horn neurons were exposed to ketamine.",
        ),
    ),
]


CONDITIONS: list[tuple[str, tuple[str, ...], Record]] = [
    (
        "an entrapment neuropathy named by its syndrome is neuropathic pain",
        ("neuropathic_pain",),
        record(
            "Ketamine infusions in a woman with neurogenic thoracic outlet syndrome",
            "We describe a patient whose arm pain from thoracic outlet syndrome persisted after rib resection. "
            "Three ketamine infusions relieved it for four months.",
        ),
    ),
    (
        "the injured infraorbital nerve is the rat model of trigeminal neuropathic pain",
        ("trigeminal_neuralgia",),
        record(
            "Nasal ketamine in rats with an injured infraorbital nerve",
            "Constriction of the infraorbital nerve was made in 40 rats. Ketamine was given intranasally on day 14; "
            "mechanical allodynia of the whisker pad was lower after ketamine.",
        ),
    ),
    (
        "a Portuguese abstract's cancer pain ('dor oncológica') is the cancer pain row",
        ("cancer_pain",),
        record(
            "Cetamina na dor oncológica: revisão narrativa",
            "Esta revisão discute o uso da cetamina em pacientes com dor oncológica de difícil controle.",
        ),
    ),
    (
        "a condition in a questionnaire's name is what it asks about, not whom the study enrolled",
        (),
        record(
            "One dose of ketamine after breast surgery: a pilot randomised trial",
            "Forty women having breast surgery were randomised to ketamine or placebo in recovery. Pain on days 1 "
            "and 2 was the primary outcome; mood and the Breast Cancer Pain Questionnaire were secondary outcomes.",
        ),
    ),
    (
        "pain months after an amputation is phantom limb pain where the record names it, not post-surgical pain too",
        ("phantom_limb_pain",),
        record(
            "Strategies for the prevention of post-amputation pain: a narrative review",
            "This narrative review covers prevention. Preoperative epidural catheters continued in the immediate "
            "postoperative period reduced perioperative opioid consumption. Epidural ketamine reduced persistent "
            "pain at 1 year.",
        ),
    ),
    (
        "a condition named in a mechanism that 'may play a role' is speculation beside the population measured",
        ("chronic_postsurgical_pain",),
        record(
            "Ketamine and persistent pain after thoracotomy: a randomised trial",
            "Objectives: Nerve injury and central sensitisation may play a key role in persistent pain after "
            "thoracotomy. Methods: 90 patients were randomised to ketamine or saline. Results: Persistent "
            "post-thoracotomy pain at 6 months did not differ.",
        ),
    ),
    (
        "a condition in work that 'should continue to be evaluated' is future work, not an animal study's population",
        (),
        record(
            "Norketamine in the hot plate test in mice",
            "Mice received norketamine before hot plate testing; it did not raise latencies. Its effect in chronic "
            "pain states should continue to be evaluated.",
        ),
    ),
    (
        "the acute pain of patients with a tumour, after its operation, is no cancer pain",
        (),
        record(
            "Esketamine and pain after colorectal tumour resection in older adults: a randomised trial",
            "We aimed to evaluate esketamine for postoperative acute pain among older patients with colorectal "
            "tumours. Eighty patients were randomised; pain scores were lower with esketamine at 24 h.",
        ),
    ),
    (
        "a condition under the prefix non- is denied: pains that are not neuropathic",
        ("fibromyalgia",),
        record(
            "Ketamine in non-neuropathic pain: a narrative review",
            "This review covers ketamine in non-neuropathic pain conditions, above all fibromyalgia, with the "
            "results of each trial in fibromyalgia.",
        ),
    ),
    (
        "a disease's pain described as neuropathic takes the neuropathic row, not chronic pain in general too",
        ("neuropathic_pain",),
        record(
            "Ketamine for neuropathic pain in Parkinson's disease: a case report",
            "A 68-year-old man had burning neuropathic pain in both legs. Pain in patients with Parkinson's disease "
            "is common; his eased with oral ketamine.",
        ),
    ),
    (
        "the authors' earlier study of patients is not this study's population",
        (),
        record(
            "Plasma ketamine after lozenges",
            "We previously reported that ketamine lozenges relieved neuropathic pain in patients. In the present "
            "study, we measured plasma ketamine for 6 hours after one lozenge in ten healthy volunteers.",
        ),
    ),
    (
        "the pain of a disease with no row of its own, named as that disease's pain, is chronic pain in general",
        ("chronic_pain_general",),
        record(
            "Oral ketamine for pain in women with endometriosis",
            "Twenty-two women with endometriosis pain took oral ketamine for eight weeks; pelvic pain scores fell.",
        ),
    ),
    (
        "a disease named beside a sudden pain of another cause is no chronic pain",
        (),
        record(
            "Thigh abscess during infliximab therapy",
            "A woman with rheumatoid arthritis on infliximab presented with sudden pain in her thigh from an abscess.",
        ),
    ),
    (
        "a review titled by a wider row, pooling results per specific row, keeps the wider row beside them",
        ("crps", "neuropathic_pain", "phantom_limb_pain"),
        record(
            "Ketamine for neuropathic pain: a meta-analysis",
            ("Methods", "We searched three databases for randomised trials of ketamine in neuropathic pain."),
            (
                "Results",
                "Eighteen trials were included. Pooled pain relief was larger in complex regional pain syndrome than "
                "in phantom limb pain.",
            ),
        ),
    ),
    (
        "temporomandibular joint arthralgia is a named chronic pain condition without a row of its own",
        ("chronic_pain_general",),
        record(
            "Ketamine injected into the jaw joint of patients with TMJ arthralgia",
            "Twelve patients with temporomandibular joint arthralgia received ketamine or saline into the joint in "
            "random order; jaw pain was rated for a day.",
        ),
    ),
    (
        "the epidural analgesia of patients having surgery for a cancer is surgical pain, not cancer pain",
        (),
        record(
            "Epidural ketamine after colectomy: a randomised trial",
            "We studied whether adding ketamine to epidural analgesia in patients having surgery for colon carcinoma "
            "lowers postoperative pain on the first two days.",
        ),
    ),
    (
        "indications a consensus ranks ('X represents the first indication, followed by (A, B)') are its case mix",
        ("chronic_pain_general",),
        record(
            "Ketamine in chronic pain: a Delphi consensus",
            (
                "RESULTS",
                "Thirty experts completed three rounds. Neuropathic pain represents the first indication, "
                "followed, with lower utility, by other situations (fibromyalgia, complex regional pain syndrome, "
                "central neuropathic pain, palliative care).",
            ),
        ),
    ),
    (
        "a painful plexopathy is a nerve lesion: neuropathic pain",
        ("neuropathic_pain", "cancer_pain"),
        record(
            "Intravenous ketamine for painful radiation plexopathy in breast cancer: a case report",
            "A woman treated for breast cancer developed painful brachial plexopathy after radiotherapy. Four "
            "ketamine infusions relieved her arm pain for weeks each.",
        ),
    ),
    (
        "neuropathic pain of the teeth and gums is orofacial neuropathic pain in trigeminal territory",
        ("trigeminal_neuralgia",),
        record(
            "Ketamine infusions for persistent dentoalveolar neuropathic pain: a case report",
            "A man had constant gum pain after a tooth extraction for two years. Three ketamine infusions brought "
            "the pain from 9 to 3.",
        ),
    ),
    (
        "SUNCT and the other short-lasting unilateral neuralgiform headaches are headache, not neuropathic pain",
        ("headache",),
        record(
            "Oral ketamine in short-lasting unilateral neuralgiform headache attacks: a case report",
            "A woman with SUNCT refractory to lamotrigine and carbamazepine took oral ketamine for three months; "
            "attacks fell from forty a day to five.",
        ),
    ),
    (
        "'-like' ending an animal behaviour's name is no example trigger ('depression-like ... neuropathic pain')",
        ("neuropathic_pain",),
        record(
            "Ketamine and depression in chronic pain: a mouse study",
            "We studied the effects of ketamine on hypersensitivity and depression-like consequences of chronic "
            "neuropathic pain in mice after nerve ligation.",
        ),
    ),
    (
        "'back-pain' hyphenated is back pain",
        ("low_back_pain",),
        record(
            "Epidural ketamine with steroid in chronic low back-pain patients: a randomised study",
            "Sixty patients with chronic low back-pain were randomised to two doses of epidural ketamine added to "
            "triamcinolone.",
        ),
    ),
    (
        "a review of neuropathic pain naming conditions only in one list of the evidence keeps the general row",
        ("neuropathic_pain",),
        record(
            "NMDA antagonists in the management of neuropathic pain: a review",
            "Small controlled studies in patients with postherpetic neuralgia, phantom limb pain or nerve injury "
            "pain have shown that intravenous ketamine relieves pain for hours. Longer treatment has been tried "
            "orally.",
        ),
    ),
    (
        "the pain an instrument is used to document is measured, not the population's",
        ("chronic_postsurgical_pain",),
        record(
            "Ketamine before mastectomy and persistent pain at 3 months: a randomised trial",
            "One hundred women having mastectomy were randomised to ketamine or placebo before incision. For the "
            "detection of neuropathic pain the DN4 questionnaire was used at 1 and 3 months. Pain at 3 months was "
            "less frequent with ketamine.",
        ),
    ),
    (
        "chronic pain patients having lumbar spine surgery have chronic back pain",
        ("chronic_postsurgical_pain", "low_back_pain"),
        record(
            "Intraoperative ketamine in opioid-tolerant chronic pain patients having lumbar fusion: a randomised trial",
            "Ninety opioid-tolerant chronic pain patients having lumbar fusion were randomly assigned to ketamine or "
            "saline during surgery. Morphine use over 48 h fell with ketamine; persistent pain at 6 months did not "
            "differ.",
        ),
    ),
    (
        "chronic pain as the outcome of lumbar surgery says nothing of the patients' back before it",
        ("chronic_postsurgical_pain",),
        record(
            "Ketamine after lumbar fusion surgery: acute pain and chronic pain at 3 months",
            "Eighty adults having lumbar fusion surgery were randomised to ketamine or saline in their analgesia "
            "pump. Chronic postsurgical pain at 3 months was less common with ketamine (12% vs 30%).",
        ),
    ),
    (
        "palliative care of a condition the record names is that condition's care, no cancer pain",
        ("phantom_limb_pain",),
        record(
            "Palliative oral ketamine for phantom limb pain: a case report",
            "A man with phantom limb pain after an amputation for trauma had failed gabapentin and opioids. The "
            "palliative care team was asked to manage his pain. Oral ketamine 10 mg four times a day relieved it.",
        ),
    ),
    (
        "a share counted in words ('eight had chronic migraine') is the case mix; the whole counted in words is not",
        ("chronic_pain_general", "crps"),
        record(
            "Ketamine infusions in refractory chronic pain: ten years of a day unit",
            "We reviewed the charts of 40 patients with refractory chronic pain. Twenty had CRPS; of the others, "
            "eight had chronic migraine and six had fibromyalgia. Pain fell more in CRPS (mean 3.1 points, "
            "p = 0.01) than in the rest.",
        ),
    ),
    (
        "all of a population counted in words had the condition: no share of it",
        ("crps",),
        record(
            "Ketamine infusions for refractory pain: a chart review",
            "We reviewed the charts of eight patients treated with ketamine infusions. All eight had CRPS of one "
            "limb. Pain fell in six.",
        ),
    ),
    (
        "a general population the title names, with rows only in the results, keeps the general row beside them",
        ("chronic_pain_general", "crps", "headache"),
        record(
            "Outpatient ketamine infusions in adolescents with chronic pain: a cohort study",
            ("METHODS", "Consecutive adolescents treated with ketamine infusions in a day unit over two years."),
            (
                "RESULTS",
                "Eighty adolescents received 300 infusions. Pain fell more in those with complex regional "
                "pain syndrome than in others (p = 0.02) and least in those with chronic headache.",
            ),
        ),
    ),
    (
        "an animal model of lasting pain that no row names (adjuvant arthritis) is chronic pain, not narrowed",
        ("chronic_pain_general",),
        record(
            "Daily ketamine injections and joint pain in adjuvant arthritic rats",
            "Rats received complete Freund's adjuvant into one ankle. From day 7, ketamine 5 mg/kg or saline was "
            "injected daily for three weeks. Paw withdrawal latency rose with ketamine from the second week.",
        ),
    ),
    (
        "the rest pain of critical limb ischaemia is a chronic pain without a row of its own",
        ("chronic_pain_general",),
        record(
            "Ketamine infusion for rest pain in critical limb ischaemia: a randomised trial",
            "Forty patients with rest pain from critical limb ischemia awaiting revascularisation were randomised "
            "to a ketamine or saline infusion added to their opioids. Pain relief was greater with ketamine at "
            "day 5.",
        ),
    ),
    (
        "a time in words ('at eleven weeks') is as late as in digits",
        ("chronic_postsurgical_pain",),
        record(
            "Intraoperative ketamine and pain after inguinal hernia repair: a randomised trial",
            "Men undergoing hernia surgery were randomised to ketamine or saline. Pain in the groin at eleven weeks "
            "was reported by 4 of 40 and 11 of 40.",
        ),
    ),
    (
        "radicular leg pain is radiculopathy: neuropathic pain beside chronic low back pain",
        ("low_back_pain", "neuropathic_pain"),
        record(
            "Ketamine infusions for chronic low back pain with radicular features",
            "Thirty adults with chronic low back pain and lumbar radicular leg pain received three ketamine "
            "infusions. Leg pain fell more than back pain.",
        ),
    ),
    (
        "paclitaxel-induced hypersensitivity in mice is the chemotherapy neuropathy model",
        ("chemotherapy_neuropathy",),
        record(
            "Hydroxynorketamine attenuates paclitaxel-induced mechanical hypersensitivity in mice",
            "Mice received paclitaxel on alternate days. Hydroxynorketamine or vehicle was injected daily from day "
            "14; it raised withdrawal thresholds.",
        ),
    ),
    (
        "neuropathic pain reported by a share of each arm is an outcome measured, not the population",
        ("chronic_postsurgical_pain",),
        record(
            "Ketamine in a paravertebral block and persistent pain after mastectomy: a randomised trial",
            "Women having mastectomy were randomised to a block with or without ketamine. Persistent pain at 6 "
            "months occurred in 26% and 42%. Neuropathic pain (LANSS >= 12) was reported by 6% and 14%.",
        ),
    ),
    (
        "'mixed pain diagnoses: back pain, fibromyalgia and neuropathic pain' is the case mix",
        ("chronic_pain_general",),
        record(
            "Nasal esketamine in chronic pain with depression: an open-label study",
            "Adults with chronic non-cancer pain and depression received nasal esketamine for 4 weeks. Twenty-eight "
            "enrolled (mixed pain diagnoses: back pain, fibromyalgia and neuropathic pain). Pain fell.",
        ),
    ),
    (
        "a condition named to compare the regimens used in it is not the letter's",
        ("fibromyalgia",),
        record(
            "Ketamine infusion in fibromyalgia: a negative trial that may not be negative",
            "To the Editor: the single infusion in this fibromyalgia trial was small compared with regimens used "
            "in complex regional pain syndrome. Longer infusions should be tested.",
        ),
    ),
    (
        "a symptom score named after a condition is an instrument, not the population's condition",
        ("spinal_cord_injury_pain",),
        record(
            "Oral ketamine for neuropathic pain after spinal cord injury: protocol for a crossover trial",
            "Forty adults with neuropathic pain after spinal cord injury will receive oral ketamine and placebo. "
            "Urinary symptoms will be assessed with the Interstitial Cystitis Symptom Index.",
        ),
    ),
    (
        "'12 with CRPS, 9 with neuropathic pain': counts before the diagnoses are the case mix",
        ("chronic_pain_general",),
        record(
            "Oral ketamine for refractory chronic pain: an open-label study",
            "Thirty patients were enrolled: 12 with complex regional pain syndrome, 9 with peripheral neuropathic "
            "pain and 9 with failed back surgery syndrome. At 6 months, 13 still took oral ketamine.",
        ),
    ),
    (
        "a guideline on chronic pain with graded findings per condition keeps the general row beside them",
        ("chronic_pain_general", "crps", "spinal_cord_injury_pain"),
        record(
            "Consensus guidelines on ketamine infusions for chronic pain",
            "A committee graded the literature by a modified Delphi process. It found moderate evidence (grade B) "
            "for infusions in complex regional pain syndrome and weak evidence (grade C) for spinal cord injury pain.",
        ),
    ),
    (
        "the kinds of pain a palliative population had, or a share 'in 49% of patients', add no row",
        ("cancer_pain",),
        record(
            "Subcutaneous ketamine for difficult cancer pain: a retrospective audit",
            "Case notes of 60 patients with advanced cancer given subcutaneous ketamine were audited. The main pain "
            "types were bone pain, pelvic pain and pain with neuropathic features. Pain had neuropathic components in "
            "49% of patients. Pain improved in half.",
        ),
    ),
    (
        "an effect estimate in the bracket after a diagnosis makes it a subgroup with results of its own",
        ("chronic_pain_general", "crps", "fibromyalgia"),
        record(
            "Ketamine infusions for chronic pain: a registry report",
            "A registry followed 900 patients with chronic pain given ketamine infusions by their clinicians. Pain "
            "fell most in CRPS (n = 120; -2.1, 95% CI -2.5 to -1.7) and least in fibromyalgia (n = 90; -0.5, 95% CI "
            "-0.9 to -0.1).",
        ),
    ),
    (
        "the chronic pain that names whom the patients are is no pain the operation left",
        ("chronic_pain_general",),
        OPIOID_DOSE_LATER,
    ),
    (
        "a palliative population the title names, and pain in the study's own sentence, is palliative care pain",
        ("cancer_pain",),
        record(
            "Ketamine prescribing in a hospice: a two-year audit",
            "All 40 patients prescribed ketamine over two years were identified from pharmacy records. Ketamine was "
            "given for pain in 36 of them, orally in most.",
        ),
    ),
    (
        "pain months after the operation is chronic post-surgical pain, the word 'chronic' unsaid",
        ("chronic_postsurgical_pain",),
        record(
            "Intraoperative ketamine and recovery-room pain after shoulder arthroplasty: a randomised trial",
            "One hundred adults were randomised to ketamine or saline. The primary outcome was pain in the recovery "
            "room. Secondary outcomes included opioid use over 24 h and residual shoulder pain at 6 months. "
            "Recovery-room pain was lower with ketamine.",
        ),
    ),
    (
        "a time that opens the sentence is when its pain was measured",
        ("chronic_postsurgical_pain",),
        record(
            "Ketamine during scoliosis correction in adolescents: a randomised trial",
            "Sixty adolescents were randomised to a ketamine infusion or saline during spinal fusion. Morphine use "
            "over 72 h did not differ. At one year, pain on most days was reported by 3 of 29 and 9 of 28.",
        ),
    ),
    (
        "pain's own time is the first one after it: hours, whatever comes months later in the list",
        (),
        record(
            "Esketamine and delirium after valve surgery: a randomised trial",
            "Two hundred older adults were randomised to esketamine or saline during cardiac surgery. Outcomes were "
            "delirium, pain intensity at 24 and 48 h, and memory at 30 days and 6 months. Delirium was less frequent.",
        ),
    ),
    (
        "a subset that benefited is no mixed population: 'refractory' describes the one condition",
        ("cancer_pain", "neuropathic_pain"),
        record(
            "Methadone-sparing oral ketamine for refractory neuropathic cancer pain",
            "Thirty hospice patients with neuropathic cancer pain took oral ketamine for 2 weeks. Ketamine helped a "
            "subset of patients with refractory neuropathic cancer pain.",
        ),
    ),
    (
        "a semicolon inside a list item's brackets does not end the list of diagnoses",
        ("chronic_pain_general",),
        record(
            "Ketamine infusions for refractory chronic pain: a retrospective review",
            "We reviewed 120 patients with refractory chronic pain given ketamine infusions. Diagnoses included "
            "CRPS (n = 40; 33%), phantom limb pain, fibromyalgia and chronic migraine. Overall, 45% responded.",
        ),
    ),
    (
        "the chronic back pain that patients having spine surgery already had, followed for months, is their own row",
        ("low_back_pain",),
        record(
            "Perioperative ketamine in patients with chronic low back pain having lumbar fusion: 3-month follow-up",
            "Ninety adults with chronic low back pain scheduled for lumbar fusion were randomised to ketamine or "
            "saline. Back pain at 3 months was lower with ketamine.",
        ),
    ),
    (
        "persistent pain that an operation leaves, followed for months, is chronic post-surgical pain",
        ("chronic_postsurgical_pain",),
        record(
            "Perioperative ketamine in total knee arthroplasty: 6-month outcomes",
            "Ninety adults having total knee arthroplasty were randomised to ketamine or saline. Persistent knee "
            "pain at 6 months was less common with ketamine.",
        ),
    ),
    (
        "neuropathic features among the outcomes of a trial preventing post-surgical pain are measured, not enrolled",
        ("chronic_postsurgical_pain",),
        record(
            "Ketamine and persistent pain after hernia repair: a randomised trial",
            "Two hundred adults having inguinal hernia repair were randomised to ketamine or saline. Secondary "
            "outcomes were pain with neuropathic characteristics and sleep. Persistent pain at 6 months was less "
            "common with ketamine. Neuropathic features were less frequent after ketamine (5% vs 12%).",
        ),
    ),
    (
        "chronic post-surgical pain among a protocol's secondary outcomes is the condition it studies",
        ("chronic_postsurgical_pain",),
        record(
            "Esketamine and delirium and chronic pain in older adults having hip arthroplasty: a trial protocol",
            "This trial will enrol 300 patients scheduled for hip arthroplasty. The primary outcome will be the "
            "incidence of delirium. Secondary outcomes will include pain within 72 h, chronic postsurgical pain at "
            "3 and 6 months, and sleep.",
        ),
    ),
    (
        "the incidence of a named condition after an injury is still the condition studied",
        ("crps",),
        record(
            "Ketamine to prevent complex regional pain syndrome after wrist fracture",
            "One hundred adults with wrist fracture were randomised to ketamine or placebo. The incidence of CRPS "
            "at 3 months was 4% with ketamine and 11% with placebo.",
        ),
    ),
    (
        "a neuropathic population keeps its row where an outcome is also a proportion",
        ("neuropathic_pain",),
        record(
            "Ketamine for neuropathic pain after nerve injury: a randomised trial",
            "Forty patients with neuropathic pain after nerve injury were randomised to ketamine or placebo. The "
            "proportion of patients with 50% relief of neuropathic pain was 40% vs 10%.",
        ),
    ),
    (
        "'chronic neck pain' beside low back pain names chronic spinal pain, not a general population",
        ("low_back_pain",),
        record(
            "Ketamine for chronic spinal pain: a randomised trial",
            "Adults with chronic low back pain or chronic neck pain were randomised to ketamine or midazolam. Pain "
            "fell more with ketamine.",
        ),
    ),
    (
        "failed back surgery syndrome is a condition, not an operation the study's patients undergo",
        ("low_back_pain", "neuropathic_pain"),
        record(
            "Ketamine for failed back surgery syndrome with radicular pain",
            "Twenty adults with failed back surgery syndrome and persistent radicular pain received oral ketamine. "
            "Persistent pain at 3 months was lower than at baseline.",
        ),
    ),
    (
        "a rat spinal cord contusion with allodynia is spinal cord injury pain",
        ("spinal_cord_injury_pain",),
        record(
            "Ketamine after spinal cord contusion in rats",
            "Rats received a T9 spinal cord contusion and developed below-level allodynia. Intrathecal ketamine "
            "reversed it.",
        ),
    ),
    (
        "a list of diagnoses closed by 'and mixed diagnoses' is the case mix of a general population",
        ("chronic_pain_general",),
        record(
            "Ketamine infusions for chronic pain with depression: an open-label study",
            "Adults with chronic non-cancer pain and depression received six ketamine infusions. Thirty were "
            "enrolled, with low back pain, fibromyalgia, neuropathic pain and mixed diagnoses. Pain fell by 20%.",
        ),
    ),
    (
        "pain from a sarcoma or a chordoma is cancer pain",
        ("cancer_pain",),
        record(
            "Intrathecal ketamine for refractory pain from a sacral chordoma",
            "A 58-year-old man with a sacral chordoma had pain despite high-dose opioids. Intrathecal ketamine "
            "relieved it.",
        ),
    ),
    (
        "a condition of the authors' previous study is not this study's",
        ("fibromyalgia",),
        record(
            "Ketamine infusions for fibromyalgia: an audit",
            "In our previous study in complex regional pain syndrome, ketamine infusions relieved pain for weeks. "
            "We audited 39 patients with fibromyalgia given ketamine infusions; 28% responded.",
        ),
    ),
    (
        "neuropathic features uncommon in both arms of a trial preventing post-surgical pain are an outcome",
        ("chronic_postsurgical_pain",),
        record(
            "Ketamine and chronic pain after thoracotomy: a randomised trial",
            "Eighty adults having thoracotomy were randomised to ketamine or saline. Pain at the incision at 6 "
            "months was less common with ketamine. Neuropathic features were uncommon in both groups.",
        ),
    ),
    (
        "conditions described instead of named: burning feet with diabetes, pain in a missing limb",
        ("diabetic_neuropathy", "phantom_limb_pain"),
        record(
            "Ketamine cream for two painful conditions: a pilot study",
            "Ten adults with type 2 diabetes and burning feet, and ten amputees with pain in the missing limb, "
            "applied ketamine cream for 4 weeks. Pain fell in both groups, by 2.1 and 1.4 points.",
        ),
    ),
    (
        "paroxysmal electric-shock facial pain is trigeminal neuralgia; numbness and burning after oxaliplatin is CIPN",
        ("chemotherapy_neuropathy", "trigeminal_neuralgia"),
        record(
            "Ketamine lozenges in two neuropathic conditions: a case series",
            "Two patients had paroxysmal electric-shock facial pain despite carbamazepine; one had numbness and "
            "burning in the feet after oxaliplatin. All three used ketamine lozenges; pain fell in each.",
        ),
    ),
    (
        "pain lasting longer than three months is chronic pain",
        ("chronic_pain_general",),
        record(
            "Intranasal ketamine for persistent pain: an open study",
            "Forty adults with pain lasting longer than three months used intranasal ketamine for 2 weeks. Pain fell "
            "by 20%.",
        ),
    ),
    (
        "radiating leg pain with chronic low back pain is radicular",
        ("low_back_pain", "neuropathic_pain"),
        record(
            "Epidural ketamine with steroid for chronic low back pain: a randomised trial",
            "Sixty adults with chronic low back pain and radiating leg pain were randomised to epidural steroid "
            "with or without ketamine. Leg pain fell more with ketamine.",
        ),
    ),
    (
        "neuropathic features reported among a prevention trial's results are measured, even with an adverb",
        ("chronic_postsurgical_pain",),
        record(
            "Ketamine and persistent pain one year after mastectomy: a randomised trial",
            "Women having mastectomy were randomised to ketamine or saline. At 12 months persistent pain was "
            "reported by 19% and 34%. Pain with neuropathic features was also less frequent (8% vs 20%). "
            "Neuropathic features, pain at 6 months and early morphine use did not differ in another analysis.",
        ),
    ),
    (
        "a neuropathy of the maxillary or mandibular nerve is in trigeminal territory",
        ("trigeminal_neuralgia",),
        record(
            "Ketamine in post-traumatic neuropathy of the maxillary and mandibular nerves",
            "Sixteen patients with burning facial pain after dental surgery received intravenous ketamine. Pain "
            "fell at 1 hour.",
        ),
    ),
    (
        "causes listed with their shares, a condition found by its parts among them: no rows of their own",
        ("neuropathic_pain",),
        record(
            "Oral ketamine for peripheral neuropathic pain of mixed origin: a randomised trial",
            "Adults with peripheral neuropathic pain were randomised to oral ketamine or placebo. Causes of "
            "neuropathic pain were nerve injury (40%), postherpetic neuralgia (25%), diabetic polyneuropathy (20%) "
            "and small-fibre neuropathy (15%). No analysis by cause was done.",
        ),
    ),
    (
        "widespread pain with tender points, or 11 of 18 tender sites, is fibromyalgia",
        ("fibromyalgia",),
        record(
            "Ketamine and pressure-pain thresholds in chronic widespread pain with multiple tender points",
            "Twenty-one women with tenderness at 11 or more of 18 specified sites received ketamine and saline "
            "infusions on separate days. Pain fell with ketamine in 13.",
        ),
    ),
    (
        "a condition whose patients 'responded best' has results of its own in a mixed population",
        ("chronic_pain_general", "crps"),
        record(
            "Ketamine infusions for refractory chronic pain: a retrospective review",
            "Records of 64 patients with refractory chronic pain given ketamine infusions were reviewed. Diagnoses "
            "included CRPS, neuropathic pain and fibromyalgia. Patients with CRPS (n = 17) responded best: 65% had "
            "relief.",
        ),
    ),
    (
        "chronic non-cancer or cancer pain is chronic pain in general, cancer only a part of it",
        ("chronic_pain_general",),
        record(
            "Harms of long-term ketamine for chronic pain: a systematic review",
            "We searched four databases for studies of ketamine in patients with chronic non-cancer or cancer pain "
            "and included 51 studies. Hepatotoxicity was reported in nine.",
        ),
    ),
    (
        "a mixed population analysed by subgroup keeps its general row",
        ("chronic_pain_general", "crps", "fibromyalgia"),
        record(
            "Ketamine infusions in a mixed chronic pain clinic population",
            "We reviewed 80 patients with refractory chronic pain given ketamine infusions. In the subgroup with "
            "CRPS pain fell by 40%, and in the subgroup with fibromyalgia by 10%.",
        ),
    ),
]


ROUTES: list[tuple[str, tuple[str, ...], Record]] = [
    (
        "a Spanish abstract's rinses of the drug ('enjuagues de ketamina') are topical",
        ("topical",),
        record(
            "Enjuagues de ketamina en el dolor oncológico orofacial",
            "Estudio prospectivo de 12 pacientes con dolor oncológico orofacial que recibieron enjuagues de "
            "ketamina cuatro veces al día durante dos semanas.",
        ),
    ),
    (
        "a title's subtitle after the colon goes on about the drug: its list of routes is the drug's",
        ("intranasal", "oral", "subcutaneous"),
        record(
            "Ketamine in palliative care: oral, subcutaneous and intranasal use",
            "This review describes ketamine for refractory cancer pain in palliative care.",
        ),
    ),
    (
        "the analgesia every patient had, in the sentence after the drug's, is no route of the drug",
        ("intravenous",),
        record(
            "Ketamine infusion after hip replacement and pain at six months: a randomised trial",
            "Eighty patients were randomised to intravenous ketamine or saline for 48 h. Postoperative analgesia "
            "consisted of an epidural infusion or patient-controlled analgesia. Pain at 6 months "
            "did not differ.",
        ),
    ),
    (
        "a Spanish route adjective ('ketamina intravenosa') states the route",
        ("intravenous",),
        record(
            "Ketamina intravenosa en la fibromialgia: ensayo abierto",
            "Doce pacientes con fibromialgia recibieron ketamina intravenosa en dosis bajas.",
        ),
    ),
    (
        "the drug as an 'adjunctive of' another drug's block, with a second drug beside it, takes that block's route",
        ("neuraxial",),
        record(
            "Ketamine or clonidine added to caudal blocks in children: a randomised trial",
            "We evaluated ketamine or dexmedetomidine as an adjunctive of caudal block produced by ropivacaine in "
            "120 randomised children.",
        ),
    ),
    (
        "a dose rate in micrograms, its units joined by 'x' ('2 microg x kg(-1) x min(-1)'), is an infusion",
        ("intravenous",),
        record(
            "Ketamine after colectomy: a randomised trial",
            "Sixty patients were randomised to ketamine (3 microg x kg(-1) x min(-1) after a 0.3 mg/kg bolus) "
            "or placebo for 48 h after surgery.",
        ),
    ),
    (
        "the only drug of a sentence keeps the dose rate stated further on in it",
        ("intravenous",),
        record(
            "Esketamine and pain three months after hip replacement: a trial protocol",
            "Patients in group E will receive esketamine as a bolus of 0.2 mg/kg straight after the induction of "
            "anaesthesia, then 0.12 mg/kg/h until the end of surgery, and group C the same volume of saline.",
        ),
    ),
    (
        "two route adjectives sharing one noun are both the drug's, whatever drug comes after",
        ("neuraxial", "oral"),
        record(
            "Ketamine with opioids in three patients with cancer pain",
            "Ketamine was given either by intrathecal or oral route, together with morphine, to three patients "
            "with cancer pain.",
        ),
    ),
    (
        "an infusion named after another drug is that drug's ('such as lidocaine infusion')",
        (),
        record(
            "Ketamine and its companions for chronic pain: a narrative review",
            "This narrative review covers drugs combined with ketamine, such as lidocaine infusion for better relief "
            "and clonidine against agitation, in chronic pain.",
        ),
    ),
    (
        "a route in the dose brackets of a drug we do not know, named by its potency, is that drug's",
        ("neuraxial",),
        record(
            "Descending pathways and spinal ketamine in mice",
            "Intrathecal ketamine raised hot-plate latency in mice. The effect of ketamine was blocked by yohimbine "
            "(ED50 = 0.2 mg/kg s.c.) and by ondansetron (ED50 = 0.5 mg/kg s.c.).",
        ),
    ),
    (
        "the patients' anaesthesia is no route of a drug with its own ('spinal anaesthesia with IV ketamine')",
        ("intravenous",),
        record(
            "Ketamine for pain after knee replacement: a randomised trial",
            "The analgesia of ketamine was assessed in sixty patients having knee replacement who were randomised to "
            "spinal anaesthesia with a low dose of intravenous ketamine or with saline.",
        ),
    ),
    (
        "a control arm named first leaves the next arm, and its route, to the study",
        ("intravenous",),
        record(
            "Ketamine boluses during abdominal surgery: a randomised trial",
            "Eighty adults were randomised to saline as control (n = 40) or 0.3 mg/kg intravenous boluses of "
            "esketamine (n = 40) before incision.",
        ),
    ),
    (
        "a route abbreviation right after the drug is that drug's, whatever comes next ('ketamine IV in CRPS, oral')",
        ("intravenous",),
        record(
            "NMDA antagonists for neuropathic pain: a meta-analysis",
            "MEDLINE and Embase were searched; 20 trials were included. Effects were pooled for ketamine IV in "
            "phantom limb pain, oral memantine in postherpetic neuralgia and oral dextromethorphan in diabetic "
            "neuropathy.",
        ),
    ),
    (
        "a drug infused by a pump implanted under the skin is given subcutaneously",
        ("subcutaneous",),
        record(
            "Continuous ketamine and mechanical allodynia after nerve ligation in rats",
            "Rats with spinal nerve ligation received ketamine or saline, infused for a week by an osmotic pump "
            "implanted under the skin. Ketamine reduced allodynia.",
        ),
    ),
    (
        "routes listed each with its share ('intravenous infusions (90%), iontophoresis (40%) or oral (5%)') all count",
        ("intravenous", "oral", "topical"),
        record(
            "Ketamine for chronic pain in Belgian pain clinics: a survey",
            "Forty pain clinics answered. Clinics gave ketamine by intravenous infusions (90%), iontophoresis (40%) "
            "or oral administration (5%).",
        ),
    ),
    (
        "a review whose title names a route covers that route; the routes it compares it with are background",
        ("intranasal",),
        record(
            "Intranasal ketamine for breakthrough cancer pain: a review",
            "Ketamine is usually given intravenously, and its oral bioavailability is poor. The nasal route avoids "
            "first-pass metabolism. We review the pharmacokinetics and clinical data of intranasal ketamine.",
        ),
    ),
    (
        "patients chosen because an earlier intravenous dose relieved them add no intravenous route",
        ("subcutaneous",),
        record(
            "Subcutaneous ketamine infusion in postherpetic neuralgia: an open study",
            "Six patients that reported relief after an intravenous injection of ketamine were included. Ketamine "
            "was then infused subcutaneously for three weeks.",
        ),
    ),
    (
        "an 'oral' swish or rinse of the drug, spat out, is topical, not oral",
        ("topical",),
        record(
            "Ketamine rinse for refractory mouth pain",
            "Ten patients used an oral ketamine swish and spit four times a day for painful mouth ulcers.",
        ),
    ),
    (
        "a route after drugs listed each with its dose is each drug's ('ketamine 0.2 mg/kg, lidocaine 1 mg/kg and')",
        ("intravenous",),
        record(
            "Ketamine, lidocaine and placebo in painful polyneuropathy: a randomised crossover study",
            "Twelve adults with painful polyneuropathy took part in a randomised, double-blind crossover study. On "
            "three visits a week apart they were given ketamine 0.2 mg/kg, lidocaine 1 mg/kg and saline by "
            "intravenous infusion over 20 minutes, in random order.",
        ),
    ),
    (
        "the infusion in the bracket after 'a ketamine protocol' is the drug's",
        ("intravenous",),
        record(
            "Perioperative ketamine protocol and persistent pain after knee arthroplasty: a cluster randomised trial",
            "Twenty hospitals were randomly allocated to adopt a perioperative ketamine protocol (0.3 mg/kg at "
            "induction of anesthesia followed by an infusion of 0.1 mg/kg/h for 24 hours) or usual care.",
        ),
    ),
    (
        "a patch-clamp recording is no transdermal patch",
        (),
        record(
            "Norketamine blocks NMDA currents in injured sensory neurons",
            "Dorsal root ganglion neurons from rats with nerve injury were cultured. Whole-cell patch-clamp recordings "
            "showed that ketamine and norketamine blocked NMDA currents.",
        ),
    ),
    (
        "lozenges 'to be chewed and swallowed' are taken orally",
        ("oral",),
        record(
            "Oral ketamine lozenges versus lidocaine infusion for painful diabetic neuropathy: a randomised trial",
            "Sixty adults with painful diabetic neuropathy were randomised to ketamine 25 mg lozenges, to be chewed "
            "and swallowed, four times daily, or to lidocaine infusions. Pain fell more with ketamine.",
        ),
    ),
    (
        "relief 'lasting more than 48 hours after' an earlier infusion selects the patients, no route of the study",
        ("oral",),
        record(
            "Oral ketamine in previous responders with neuropathic pain: a crossover trial",
            "Adults with neuropathic pain who had reported at least 30% relief lasting more than 48 hours after an "
            "intravenous ketamine infusion were randomised to oral ketamine or placebo for 4 weeks each.",
        ),
    ),
    (
        "the infusion of the earlier study the patients completed is no route of this one",
        ("sublingual_buccal",),
        record(
            "Sublingual ketamine for post-traumatic trigeminal neuropathy: open-label treatment",
            "Patients who had completed an earlier placebo-controlled study of a single ketamine infusion were "
            "offered sublingual ketamine for 12 weeks. Pain fell by a third.",
        ),
    ),
    (
        "a troche held in the cheek and 'not swallowed' is buccal, not oral",
        ("sublingual_buccal",),
        record(
            "Buccal ketamine troches for nerve root pain: a case report",
            "A 50-year-old man with nerve root pain was prescribed ketamine troches to be held between the cheek "
            "and gum until dissolved and not swallowed. His pain fell from 8 to 4.",
        ),
    ),
    (
        "boluses spread over a day are no infusion",
        ("oral",),
        record(
            "Oral ketamine after a parenteral trial in nerve root pain: a case report",
            "A 60-year-old man received parenteral ketamine as a trial, four boluses of 5 mg over 24 hours, which "
            "eased his pain. He was then converted to oral ketamine 20 mg four times daily.",
        ),
    ),
    (
        "an infusion in the regimen bracketed after the drug's name is the drug's, however long the bracket",
        ("intravenous",),
        record(
            "Ketamine to prevent chronic post-surgical pain: protocol for a randomised trial",
            "Adults having major surgery will be randomised to ketamine (0.5 mg/kg bolus at induction of "
            "anaesthesia, followed by an infusion of 0.25 mg/kg/h during surgery) or saline. The primary outcome "
            "is chronic post-surgical pain at 3 months.",
        ),
    ),
    (
        "the route of the drug the patients once responded to, named in the title, is no route of the study",
        ("sublingual_buccal",),
        record(
            "Sublingual ketamine lozenges for patients with chronic pain who responded to intravenous ketamine",
            "We reviewed 40 patients prescribed ketamine lozenges to dissolve under the tongue. All patients had "
            "previously reported at least 30% relief after intravenous ketamine infusions. Half continued at 3 months.",
        ),
    ),
    (
        "the intravenous formulation sprayed into the nose is intranasal",
        ("intranasal",),
        record(
            "Nasal ketamine for refractory cluster headache: an open-label study",
            "Twenty patients received ketamine on three days. The intravenous formulation was delivered with a "
            "mucosal atomisation device, 0.5 mg/kg divided between the nostrils. Attack frequency fell by a third.",
        ),
    ),
    (
        "an abbreviation that starts lower-case names the drug it is defined for",
        ("intravenous",),
        record(
            "Esketamine for refractory CRPS",
            "Magnesium may add to the effect of esketamine (esK). Twenty patients with CRPS received esK "
            "0.2 mg/kg/h by continuous infusion for 5 days.",
        ),
    ),
    (
        "routes a study says it did not study are not its routes",
        ("intravenous",),
        record(
            "Ketamine infusions in burn care and pain six months later: a cohort study",
            "We reviewed 300 adults with burns; 120 received a ketamine infusion. Pain at 6 months was less "
            "common after ketamine. Intranasal or oral ketamine, used in some units, was not studied.",
        ),
    ),
    (
        "routes outside a consensus's remit are not its routes",
        ("intravenous",),
        record(
            "Intravenous ketamine for CRPS: a consensus statement",
            "A panel agreed 20 recommendations on intravenous ketamine for CRPS. Oral and topical ketamine were "
            "outside the remit of this statement.",
        ),
    ),
    (
        "a route considered but not prescribed is not given",
        ("topical",),
        record(
            "Topical ketamine cream for postherpetic neuralgia: two cases",
            "Two patients with postherpetic neuralgia applied a 1% ketamine cream; pain fell in both. Oral ketamine "
            "was considered for the second patient but not prescribed.",
        ),
    ),
    (
        "an oral gel applied to the gingiva is topical, not oral",
        ("topical",),
        record(
            "Ketamine gel for painful trigeminal neuropathy",
            "Twenty patients applied a compounded ketamine 5% oral gel to the painful gingiva four times daily. Pain "
            "fell by a third.",
        ),
    ),
    (
        "routes no included study used are not a review's routes",
        ("intravenous", "oral"),
        record(
            "Ketamine for CRPS: a systematic review",
            "We searched four databases and included 12 studies: ten used intravenous ketamine and two oral "
            "ketamine. No included study used intranasal or epidural ketamine.",
        ),
    ),
    (
        "surgery under spinal anaesthesia is no spinal route of the drug studied",
        ("intravenous",),
        record(
            "Intravenous esketamine to prevent chronic pain after caesarean delivery: a trial protocol",
            "This trial will randomise 400 women undergoing caesarean delivery under spinal anaesthesia to "
            "intravenous esketamine or saline. The primary outcome is chronic pain at 3 months.",
        ),
    ),
    (
        "the route of the comparator drug after 'versus' is not the studied drug's",
        ("topical",),
        record(
            "Topical ketamine gel versus oral amitriptyline for painful diabetic neuropathy: a randomised trial",
            "Ninety adults were randomised to ketamine gel or amitriptyline capsules for 8 weeks. Pain fell similarly.",
        ),
    ),
    (
        "the infusion whose response an oral maintenance trial keeps is treatment before the study",
        ("oral",),
        record(
            "Oral ketamine to maintain the response to intravenous ketamine in neuropathic pain: a randomised trial",
            "Adults who had reported at least 50% relief after a clinical intravenous ketamine infusion were "
            "randomised to oral ketamine or placebo. Oral ketamine delayed the loss of analgesia after intravenous "
            "infusion.",
        ),
    ),
    (
        "routes in brackets after the drug counted by a review belong to it, whatever drugs follow",
        ("intravenous", "oral"),
        record(
            "NMDA antagonists for neuropathic pain: a systematic review",
            "We searched three databases and included 20 trials: 10 of ketamine (7 intravenous, 3 oral), 6 of "
            "dextromethorphan and 4 of memantine. Ketamine reduced pain in the short term.",
        ),
    ),
    (
        "a route said of each drug of a list is the studied drug's too",
        ("intravenous",),
        record(
            "Ketamine in postherpetic neuralgia: a randomised crossover comparison",
            "Eight patients with postherpetic neuralgia received, in random order, ketamine 0.15 mg/kg, morphine "
            "0.075 mg/kg and saline, each injected intravenously over 10 min.",
        ),
    ),
    (
        "a regimen in brackets after the drug keeps it within reach of the route after them",
        ("intravenous",),
        record(
            "Ketamine and phantom pain: a double-blind study",
            "Eleven amputees with phantom pain were studied. Ketamine (0.1 mg/kg as a bolus followed by 7 "
            "micrograms/kg/min for 45 min) or saline was given intravenously on two occasions.",
        ),
    ),
    (
        "a route said of a list of drugs after the studied one's bracketed dose is the studied drug's too",
        ("intravenous",),
        record(
            "Central pain after spinal cord injury: a randomised comparison of ketamine, alfentanil and placebo",
            "Nine patients with pain below a spinal cord injury were studied. Ketamine (60 micrograms/kg bolus, then "
            "6 micrograms/kg/min), alfentanil and saline were given intravenously in random order.",
        ),
    ),
    (
        "'were randomly assigned' and 'this randomised, double-blind trial' introduce the study",
        ("intravenous",),
        record(
            "Ketamine during surgery in patients with depressive symptoms and chronic post-surgical pain",
            "Depression is a risk factor for chronic postsurgical pain. In this randomised, double-blind trial, adults "
            "with depressive symptoms were randomly assigned to intravenous ketamine or saline.",
        ),
    ),
]


ROUTES += [
    (
        "a route adjective of a noun no drug is given as ('oral intake') is not the drug's route",
        ("topical",),
        record(
            "Ketamine mouthwash for painful oral mucositis in children",
            "Forty children were randomised to ketamine mouthwash or placebo. Oral intake improved in the ketamine "
            "group.",
        ),
    ),
    (
        "a joint's capsule in a nerve block's name is no oral capsule",
        ("intravenous",),
        record(
            "Esketamine with a hip capsule nerve block in chronic hip pain",
            "Sixty patients received intravenous esketamine with a hip capsule peripheral nerve block or the block "
            "alone; pain was scored at 3 months.",
        ),
    ),
    (
        "a route whose own noun names what it gave (an experimental pain's saline) is not the drug's",
        ("intravenous",),
        record(
            "Ketamine and referred muscle pain in fibromyalgia",
            "Patients received intravenous ketamine or placebo. Before and after each, muscle pain was induced by an "
            "intramuscular (i.m.) infusion of hypertonic saline.",
        ),
    ),
    (
        "a continuous infusion of a dose stays the drug's route",
        ("oral", "subcutaneous"),
        record(
            "Ketamine for refractory cancer pain in hospice care",
            "Ketamine was given orally at 10 mg four times daily, or as a continuous subcutaneous infusion of 50-150 "
            "mg over 24 hours when swallowing failed.",
        ),
    ),
    (
        "a dose per kilogram per hour written with bracketed exponents is an infusion",
        ("intravenous",),
        record(
            "Ketamine during surgery and persistent pain after thoracotomy",
            "Eighty patients received ketamine (1 mg kg(-1) at induction, then 1 mg kg(-1) h(-1) during surgery) or "
            "saline. Neuropathic pain was scored at 4 months.",
        ),
    ),
    (
        "the drug as a route's adjuvant is given by that route",
        ("neuraxial",),
        record(
            "Ketamine as an intrathecal adjuvant to bupivacaine in women with chronic pelvic pain",
            "Forty women were randomised to bupivacaine with or without ketamine. Pelvic pain was scored at 3 months.",
        ),
    ),
    (
        "a first-person purpose in a background section is the study's own: its route counts",
        ("intravenous",),
        record(
            "Ketamine for pain in advanced cancer",
            ("Background", "We assessed the effects of intravenous ketamine on pain in advanced cancer."),
            ("Methods", "Records of 60 hospice patients given ketamine were analysed."),
        ),
    ),
    (
        "patient-controlled intravenous analgesia (PCIA) with the drug gives it intravenously",
        ("intravenous",),
        record(
            "Esketamine added to sufentanil after spine surgery in patients with chronic low back pain",
            "Ninety patients were randomised to PCIA with esketamine and sufentanil or sufentanil alone. Back pain "
            "was scored at 3 months.",
        ),
    ),
    (
        "a review's sentence on a route's bioavailability covers that route",
        ("intravenous", "oral"),
        record(
            "Ketamine for chronic pain: a narrative review",
            "This review covers intravenous ketamine in chronic pain. Oral bioavailability is only 20%, so oral "
            "doses are higher.",
        ),
    ),
    (
        "the intervention's metabolite named out of the route word's reach leaves the route to the intervention",
        ("intranasal", "intravenous"),
        record(
            "Routes of ketamine in chronic pain: a narrative review",
            "This review covers intravenous ketamine in chronic pain. Intranasal administration avoids first-pass "
            "metabolism and yields less norketamine.",
        ),
    ),
    (
        "routes a consensus says are outside its scope are not its routes",
        ("intravenous",),
        record(
            "Ketamine infusions for chronic pain: a Delphi consensus",
            "Thirty experts rated statements on intravenous ketamine for chronic pain. Oral and intranasal ketamine "
            "were beyond the scope of the panel. Consensus was reached on 20 statements.",
        ),
    ),
    (
        "a list of route abbreviations names each route ('IV, SC, IN and PO')",
        ("intravenous", "subcutaneous", "intranasal", "oral"),
        record(
            "Ketamine for cancer pain: a scoping review",
            "We searched four databases and included 40 studies. Ketamine was given IV, SC, IN and PO.",
        ),
    ),
    (
        "'IN' outside a list of route abbreviations is a word",
        (),
        record("KETAMINE IN CANCER PAIN: A REVIEW", "WE SEARCHED FOUR DATABASES AND INCLUDED 40 STUDIES."),
    ),
    (
        "a rescue named further on in a review's sentence leaves its routes to the drug reviewed",
        ("intranasal", "intravenous"),
        record(
            "Ketamine in refractory headache: an overview",
            "This overview describes ketamine in chronic headache. Evidence ranges from intravenous infusions "
            "lasting several days in chronic migraine, with benefit at discharge, to intranasal ketamine used at "
            "home as a rescue treatment.",
        ),
    ),
    (
        "a nasal spray licensed for depression, in a clause of its own, is no route of a pain review",
        (),
        record(
            "Ketamine enantiomers for chronic pain with depression: a narrative review",
            "This review examines esketamine and arketamine in chronic pain with depression. Esketamine is "
            "licensed as a nasal spray for depression, whereas arketamine relieved allodynia in rats.",
        ),
    ),
]
