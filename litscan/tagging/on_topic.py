"""Whether a record is on topic: it studies the intervention in the topic's population.

The intervention must be what the study is about (in the title, the stated purpose, two sentences
about the study, or a major MeSH heading), not only mentioned. An off-topic context the study is
framed by (depression, sedation, acute pain, abuse) makes it off topic unless a chronic condition is
named beside it or measured by the study; a surgical setting also needs the study to follow that pain
weeks or months later. The population is the study's conditions, else a chronic pain population or,
in preclinical work, a chronic pain model.

Every decision, on topic or not, comes with the words that decided it first, then the others.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from ..models import Evidence
from . import regex_programs
from .animal_models import PRECLINICAL
from .compiled import CompiledVocabulary
from .conditions import Conditions
from .context import NOT_THE_STUDY, Context
from .cues import COUNTED, HISTORY, OWN, PURPOSE, sums_up_the_literature
from .document import Document, Hit, Role, Sentence
from .item_runs import item_runs
from .route_infusion import INFERRED_INFUSION
from .routes import ONLY_DRUG, RouteEvidence
from .setting import (
    NAMED_PAIN_KINDS,
    names_the_patients,
    pain_followed_late,
    title_setting_that_leaves,
    title_setting_undergone,
)
from .vocabulary import OffTopic

_TITLE: Final = Role.TITLE
# A chronic mention that is denied, named to compare, acute or speculation is no chronic population.
_NOT_CHRONIC: Final = NOT_THE_STUDY | Context.ACUTE.value | Context.HYPOTHETICAL.value
_REVIEWS: Final = frozenset(("systematic_review", "review"))
_FINDINGS: Final = frozenset((Role.RESULTS, Role.CONCLUSION, Role.UNLABELLED))
# What a review reports of one drug's own effect: "ketamine reduced pain (SMD -0.5)", "no benefit of
# ketamine". Read only in reviews where the intervention is not otherwise the studied one (a rare case),
# so it is not a scanner pattern, which every record would pay for.
_EFFECT = regex_programs.compile(
    r"\b(?:reduc|decreas|improv|reliev|relief|effective|efficac|superior|inferior|benefi|favou?r|"
    r"better|worse|significant|no difference|odds ratio|risk ratio|mean difference|smd\b|rr\b|95%|"
    r"evidence (?:\w+ )?supports?|supported by)"
)


_RESULT: Final = Context.RESULT.value
_REACH = 60  # characters either side of a drug's name where its giving is stated
_ASIDE_REACH = 30  # ... and where a word making it an aside stands
# "randomised to ketamine", "received oral ketamine 20 mg", "treated with ketamine": the drug after the verb.
_GIVEN_BEFORE = regex_programs.compile(
    r"\b(?:randomi[sz]ed|allocated|assigned|switched|converted|titrated) to (?:[\w()./-]+ ){0,3}$|"
    r"\b(?:received|receiving|given|treated with|administered|started|starting|took|taking|using) (?:[\w()./-]+ ){0,3}$"
)
# "ketamine was given", "ketamine 0.5 mg/kg was infused", "ketamine infusions were started".
_GIVEN_AFTER = regex_programs.compile(
    r"[\w-]*(?: [\w()./%-]+){0,4}? (?:was|were) (?:\w+ly )?(?:given|administered|infused|started|added|titrated|"
    r"prescribed|applied|injected)\b"
)
# Given, but not as the study's treatment: as a rescue, before the study, as an anaesthetic, or beside the
# treatment studied ("oral ketamine was co-prescribed in ten", "eight were also taking ketamine").
_RESCUE = regex_programs.compile(
    r"\b(?:rescue|as needed|prior|previous(?:ly)?|before (?:the )?(?:study|trial)|an(?:a)?esthe\w*|sedat\w*|"
    r"induction|premedicat\w*|co-?prescri\w*|co-?administ\w*|concomitant\w*|concurrent\w*|"
    r"also (?:taking|took|receiving|received|on|using|used|given|prescribed|had))\b|\bunder (?:[\w/-]+ )?\Z"
)


def on_topic(
    doc: Document,
    compiled: CompiledVocabulary,
    conditions: Conditions,
    design: str,
    routes: RouteEvidence | None = None,
) -> tuple[bool, list[Evidence]]:
    """On topic or not, with the evidence: the studied intervention, then what decided."""
    label = compiled.vocabulary.intervention_label
    studied = (
        _studied_intervention(doc, compiled)
        or _reviewed_result(doc, compiled, design)
        or _given_by_a_route(doc, compiled, routes or {})
    )
    if studied is None:
        drug_hits = doc.hits_of("drug")
        if drug_hits:
            return False, [doc.evidence(drug_hits[0], f"{label} is only mentioned, not studied")]
        return False, [_whole_record(doc, f"{label} is named nowhere in the title or abstract")]
    off_topic = _off_topic_context(doc, compiled, conditions, design)
    if off_topic is not None:
        return False, [off_topic, studied]
    population = _population(doc, conditions, design)
    if population is not None:
        return True, [population, studied]
    return False, [_no_population(doc, conditions), studied]


def _studied_intervention(doc: Document, compiled: CompiledVocabulary) -> Evidence | None:
    """Evidence that the study is about the intervention, or None when it is only mentioned."""
    v = compiled.vocabulary
    sentences = doc.sentences
    drug_hits = doc.hits_of("drug")
    title_drug = [h for h in drug_hits if _in_title_as_studied(doc, h)]
    purpose = [
        h
        for h in drug_hits
        if sentences[h.sentence].own and sentences[h.sentence].cues & PURPOSE and not _one_of_many(doc, h)
    ]
    studied = title_drug[0] if title_drug else purpose[0] if purpose else None
    if studied is None:
        studied = next((h for h in drug_hits if _given_or_its_result(doc, h)), None)
    if studied is None:
        # named to compare ("unlike ketamine") or denied, it is not what the sentence is about
        own_sentences = sorted(
            {h.sentence for h in drug_hits if sentences[h.sentence].own and not h.context & NOT_THE_STUDY}
        )
        if len(own_sentences) >= 2:
            studied = next(h for h in drug_hits if h.sentence == own_sentences[0])
    if studied is not None:
        return doc.evidence(studied, f"{v.intervention_label} is the studied intervention ({doc.where(studied)})")
    return _major_heading(doc, compiled)


# Between two drugs of one list: a comma or a conjunction, and perhaps an item or two the vocabulary does not
# name ("sufentanil, local anesthetics, clonidine"), or a drug's forms ("capsaicin cream, gel or patches, ...").
_LIST_GAP = regex_programs.compile(
    r"[\s,]*(?:(?:and|or|and/or)\s+)?(?:[\w-]+(?: [\w-]+){0,2}(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)){0,2}"
)
# The heading of the section that states what the study gave ("Intervention:", "INTERVENTIONS", "Intervention(s)").
_INTERVENTION_LABEL = regex_programs.compile(r"(?i)interventions?\b")
# A section on what the review could not do: the drugs it names there are not its findings.
_LIMITATIONS_LABEL = regex_programs.compile(r"(?i)(?:study )?limitations?\b")
_MANY = 4  # drugs in one list, the intervention among them: a catalogue of treatments, not the study's


def _one_of_many(doc: Document, hit: Hit) -> bool:
    """The intervention named as one item of a long list of drugs ("the analgesics used intrathecally,
    including morphine, ..., clonidine, ketamine, baclofen, ..."): the sentence is about them all."""
    others = doc.hits_of("other_drug")
    if len(others) < _MANY - 1:
        return False  # most records: too few other drugs for a list
    others = [h for h in others if h.sentence == hit.sentence]
    if len(others) < _MANY - 1:
        return False  # most sentences: too few other drugs for a list
    drugs = [*others, *(h for h in doc.hits_of("drug") if h.sentence == hit.sentence)]
    return any(hit in run and items >= _MANY for run, items in item_runs(doc.text, drugs, _LIST_GAP))


def _in_a_list_only(doc: Document, evidence: Evidence) -> bool:
    """Every mention of the intervention in the evidence's sentence is one of a long list of drugs."""
    base = next((f.base for f in doc.fields if f.name == evidence.field), None)
    if base is None or evidence.start is None:
        return False
    i = doc.sentence_at(base + evidence.start)
    if _in_section(doc, i, _INTERVENTION_LABEL):
        return False  # the list is what the study gave: a compounded cream's ingredients
    ours = [h for h in doc.hits_of("drug") if h.sentence == i]
    return bool(ours) and all(_one_of_many(doc, h) for h in ours)


def _in_title_as_studied(doc: Document, hit: Hit) -> bool:
    """Named in the title, and not as given before the study ("...in patients who responded to ketamine",
    "memantine after ketamine")."""
    sentence = doc.sentences[hit.sentence]
    return sentence.role == _TITLE and not sentence.cues & HISTORY and not hit.context & NOT_THE_STUDY


def _given_or_its_result(doc: Document, hit: Hit) -> bool:
    """The study's own sentence gives the intervention ("randomised to ketamine", "ketamine was infused",
    the opening of an intervention section) or reports its result ("S-ketamine reduced pain (p < 0.001)"):
    what the study gave, though named once."""
    s = doc.sentences[hit.sentence]
    if not s.own or s.role == _TITLE or not s.firm or hit.context & NOT_THE_STUDY:
        return False
    if hit.context & _RESULT or _the_intervention_given(doc, hit):
        return True
    if _aside(doc, hit, s.start, s.end):
        return False  # "rescue ketamine", "ketamine as rescue", "ketamine/xylazine anaesthesia": not the treatment
    before = doc.lower[max(s.start, hit.start - _REACH) : hit.start]
    after = doc.lower[hit.end : min(s.end, hit.end + _REACH)]
    return bool(_GIVEN_BEFORE.search(before) or _GIVEN_AFTER.match(after))


def _the_intervention_given(doc: Document, hit: Hit) -> bool:
    """Named where the section that states what the study gave opens ("Interventions: creams compounded
    with ketamine, gabapentin and ..."): the structured abstract says so itself, a list included. Later
    sentences of a long section tell how patients were managed ("ketamine infusion ... to cover the switch")."""
    s = doc.sentences[hit.sentence]
    return (
        _in_section(doc, hit.sentence, _INTERVENTION_LABEL)
        and (hit.sentence == 0 or doc.sentences[hit.sentence - 1].segment != s.segment)
        and not _aside(doc, hit, s.start, s.end)
    )


def _in_section(doc: Document, sentence: int, heading: re.Pattern[str]) -> bool:
    """The sentence is in a section whose label ``heading`` matches."""
    label = doc.fields[doc.sentences[sentence].segment].label
    return label is not None and heading.match(label) is not None


def _aside(doc: Document, hit: Hit, lo: int, hi: int) -> bool:
    """A word that makes the mention an aside stands within reach of it, between ``lo`` and ``hi``."""
    lower = doc.lower
    return bool(
        _RESCUE.search(lower, max(lo, hit.start - _ASIDE_REACH), hit.start)
        or _RESCUE.search(lower, hit.end, min(hi, hit.end + _ASIDE_REACH))
    )


def _reviewed_result(doc: Document, compiled: CompiledVocabulary, design: str) -> Evidence | None:
    """A review of several treatments that reports the intervention's own result (TAXONOMY: on topic; one
    that only names it is not): the intervention in a findings sentence that states an effect."""
    if design not in _REVIEWS:
        return None
    sentences = doc.sentences
    for hit in doc.hits_of("drug"):
        sentence = sentences[hit.sentence]
        if not _a_finding(sentences, hit.sentence) or hit.context & NOT_THE_STUDY:
            continue
        if _in_section(doc, hit.sentence, _LIMITATIONS_LABEL):
            continue  # "Limitations: ... agents with different mechanisms (opioids and ketamine) were not included"
        if _EFFECT.search(doc.lower, sentence.start, sentence.end):
            label = compiled.vocabulary.intervention_label
            return doc.evidence(hit, f"the review reports {label}'s own result ({doc.where(hit)})")
    return None


def _a_finding(sentences: list[Sentence], index: int) -> bool:
    """A sentence of a review's findings: its own, or one that sums up the literature it reviewed."""
    sentence = sentences[index]
    return sentence.role in _FINDINGS and (sentence.own or sums_up_the_literature(sentences, index))


def _given_by_a_route(doc: Document, compiled: CompiledVocabulary, routes: RouteEvidence) -> Evidence | None:
    """The study gave the intervention by a route ("oral ketamine 20 mg was started"): it is what the
    study gave, even where the abstract names it once and the title names only its class."""
    for evidence in routes.values():
        first = evidence[0]
        if first.reason.endswith(INFERRED_INFUSION):
            continue  # an infusion near a mention states no route: it may be another drug's ("received lidocaine
            # at 1 mg/kg/h ... norketamine levels after infusion"); a route word or a giving verb must say it
        if first.reason.endswith(ONLY_DRUG) and _only_aside(doc):
            continue  # "under ketamine-xylazine anaesthesia ... the compound was given orally": another drug's
        if _RESCUE.search(first.text.lower()):
            continue  # "intravenous ketamine was available as rescue", "under ketamine anaesthesia"
        if _in_a_list_only(doc, first):
            continue  # "the drugs given epidurally, including morphine, clonidine, ketamine, ...": a catalogue
        reason = f"{compiled.vocabulary.intervention_label} was given in the study: {first.reason}"
        return Evidence(first.field, first.text, reason, first.start, first.end)
    return None


def _only_aside(doc: Document) -> bool:
    """Every mention of the intervention is an aside: the anaesthetic, a rescue, treatment before the study."""
    return all(_aside(doc, h, 0, len(doc.lower)) for h in doc.hits_of("drug"))


def _major_heading(doc: Document, compiled: CompiledVocabulary) -> Evidence | None:
    """A major MeSH heading of the intervention: PubMed's indexers say the record is about it."""
    uis = compiled.vocabulary.intervention_mesh
    heading = next((h for h in doc.record.mesh if h.ui in uis and h.major), None)
    return None if heading is None else Evidence("mesh", heading.descriptor, f"major MeSH heading {heading.descriptor}")


def _off_topic_context(
    doc: Document, compiled: CompiledVocabulary, conditions: Conditions, design: str
) -> Evidence | None:
    """The off-topic context that frames the study (title, or its stated purpose), if one does."""
    chronic = [h for h in doc.hits_of("chronic") if not h.context & _NOT_CHRONIC]
    if conditions.in_title or any(doc.role(h) == _TITLE for h in chronic):
        # the title names the chronic population itself ("neuropathic pain after dental surgery"), unless
        # that population's operation is the study and its pain is followed only for days, or the study
        # treats another condition of theirs and reports nothing of their pain
        return _setting_followed_days(doc, compiled, conditions) or _another_use_in_them(doc, compiled, conditions)
    # in animals the purpose may name the pain model it measures beside another ("S-ketamine on the mechanical
    # allodynia and anxiety-like behaviours of rats in a PTSD model": pain in a comorbidity model, TAXONOMY)
    models = doc.hits_of("model") if design == PRECLINICAL else ()
    chronic_purpose = any(doc.sentences[h.sentence].cues & PURPOSE for h in (*chronic, *models))
    measured, firm_chronic = _chronic_of_the_study(doc, compiled, conditions, design, chronic)
    for hit in doc.hits_of("off"):
        sentence = doc.sentences[hit.sentence]
        off = compiled.off_topic[hit.ident]
        if hit.context & NOT_THE_STUDY:
            continue  # denied or named to compare: "with unchanged pain and no symptoms of opioid withdrawal"
        if sentence.role == _TITLE:
            counts = not measured
        elif off.title_only or not sentence.own:
            counts = False
        elif sentence.cues & PURPOSE:  # the stated purpose of the study
            counts = not chronic_purpose and not conditions.evidence
        else:  # whom the study enrolled ("twenty healthy participants"), where it names no chronic pain firmly
            counts = sentence.firm and not firm_chronic
        if counts:
            return _off_topic_evidence(doc, off, hit, f"in {doc.where(hit)}, not chronic pain")
    return None


def _setting_followed_days(doc: Document, compiled: CompiledVocabulary, conditions: Conditions) -> Evidence | None:
    """Patients with a chronic pain condition in an acute setting the title names, one they undergo (an
    operation, a procedure's sedation) or that is the intervention's own use ("ketamine anaesthesia"), whose
    pain the study reports only in the first days (TAXONOMY: off topic; weeks or months later, on topic)."""
    hit = title_setting_undergone(doc, compiled)
    if hit is None or not (_patients_have_it(doc, conditions) or _what_it_treats(doc, hit, conditions)):
        return None
    off = compiled.off_topic[hit.ident]
    if _left_or_followed_late(doc, off, conditions):
        return None  # a condition to prevent ("preventing phantom limb pain after amputation"), or followed late
    return _off_topic_evidence(doc, off, hit, "in the title, its pain followed for days, not weeks or months")


def _another_use_in_them(doc: Document, compiled: CompiledVocabulary, conditions: Conditions) -> Evidence | None:
    """Another use of the drug the title names ("for treatment-resistant depression in patients with
    fibromyalgia") in patients the title says have a chronic pain condition, where no sentence, the title
    included, speaks of a pain outcome: off topic, the condition still named (TAXONOMY: depression alone)."""
    hit = next(
        (
            h
            for h in doc.hits_of("off")
            if doc.role(h) == _TITLE
            and compiled.off_topic[h.ident].another_use
            and _FOR.search(doc.lower, max(0, h.start - 40), h.start)
        ),
        None,
    )
    if hit is None or not _patients_have_it(doc, conditions) or _pain_outcome(doc):
        return None
    off = compiled.off_topic[hit.ident]
    return _off_topic_evidence(doc, off, hit, "in patients with chronic pain, with no pain outcome")


# What the intervention is for: "ketamine for treatment-resistant depression", "to treat opioid withdrawal",
# "ketamine during buprenorphine induction".
_FOR = regex_programs.compile(r"\b(?:for|to treat|treating|in the treatment of|against|during)\s+(?:[\w-]+\s+){0,3}$")
# A pain outcome: "pain scores fell", "pain intensity will be measured", "reduced pain", "pain relief".
_PAIN_OUTCOME = regex_programs.compile(
    r"\b(?:pain|analges\w*)(?: [\w-]+){0,3}? (?:scores?|intensity|relief|reduc\w*|decreas\w*|improv\w*|fell|"
    r"ratings?|severity|interference|outcomes?|responses?)\b"
    r"|\b(?:reduced|relieved|decreased|improved|lowered) (?:[\w-]+ ){0,2}pain\b"
    r"|\bpain (?:[\w-]+ ){0,2}(?:did not |was |were )?(?:change|changed|unchanged|differ|differed|fell|rose)\b"
)
# ... unless the sentence says the study did not have one: "pain was not a study endpoint".
_NO_PAIN_OUTCOME = regex_programs.compile(
    r"\bpain (?:\w+ ){0,3}(?:was|were) not\b|\bnot (?:a |an )?(?:study )?(?:end ?point|outcome)"
)


def _pain_outcome(doc: Document) -> bool:
    text = doc.lower
    return any(
        _PAIN_OUTCOME.search(text, s.start, s.end) and not _NO_PAIN_OUTCOME.search(text, s.start, s.end)
        for s in doc.sentences
        if s.own or s.role == _TITLE
    )


# The operation's indication: "balloon compression for trigeminal neuralgia" ("in patients with ..." is
# ``_patients_have_it``'s).
_INDICATION = regex_programs.compile(r"\s+(?:for|of)\s+(?:[\w-]+\s+){0,2}")


def _what_it_treats(doc: Document, setting: Hit, conditions: Conditions) -> bool:
    """The title names a chronic condition as what the operation its patients undergo treats: they have it."""
    return any(
        doc.role(h) == _TITLE and h.start > setting.end and _INDICATION.fullmatch(doc.text, setting.end, h.start)
        for h in doc.hits_of("cond")
        if h.ident in conditions.evidence
    )


def _patients_have_it(doc: Document, conditions: Conditions) -> bool:
    """The title names a chronic condition as what its patients have ("patients with chronic back pain",
    "chronic pain patients"), not as what the study treats or prevents."""
    for kind in NAMED_PAIN_KINDS:
        for hit in doc.hits_of(kind):
            if doc.role(hit) != _TITLE or (kind != "chronic" and hit.ident not in conditions.evidence):
                continue
            if names_the_patients(doc, hit):
                return True
    return False


def _chronic_of_the_study(
    doc: Document, compiled: CompiledVocabulary, conditions: Conditions, design: str, chronic: list[Hit]
) -> tuple[bool, bool]:
    """(measured, firm): a chronic condition the study measures outweighs a title's off-topic framing;
    one it names firmly anywhere, the off-topic words of whom it enrolled.

    A specific chronic condition the study itself measures (persistent pain after the surgery the title
    names) outweighs the title's acute or anaesthetic framing; where the title names an operation, only
    if the study follows that pain weeks or months later (TAXONOMY: a perioperative study of patients
    with chronic pain), or names the chronic pain the operation leaves. In animals, a chronic pain model
    the study made (CFA, nerve injury) is its chronic pain population.
    """
    model = (
        design == PRECLINICAL
        and _first_own(doc, doc.hits_of("model")) is not None
        and not any(compiled.off_topic[h.ident].acute_model and doc.own(h) for h in doc.hits_of("off"))
    )
    measured = model or (bool(conditions.firm_specific) and _followed_late(doc, compiled, conditions))
    firm = model or bool(conditions.firm) or any(doc.own(h) and doc.sentences[h.sentence].firm for h in chronic)
    return measured, firm


def _off_topic_evidence(doc: Document, off: OffTopic, hit: Hit, said: str) -> Evidence:
    """What the off-topic context ``off`` is, where ``hit`` names it, ``said`` of it, and its vocabulary entry."""
    return doc.evidence(hit, f'about {off.label} ("{doc.span(hit)}") {said} [topic.off_topic.{off.id}]')


def _followed_late(doc: Document, compiled: CompiledVocabulary, conditions: Conditions) -> bool:
    """No acute setting in the title that may leave chronic pain (surgery) or that the patients undergo (a
    procedure's sedation), or the study names the chronic pain it leaves, or reports an outcome weeks or
    months later (TAXONOMY: a perioperative study of patients with a chronic pain condition)."""
    setting = title_setting_that_leaves(doc, compiled)
    if setting is None:
        hit = title_setting_undergone(doc, compiled)
        setting = compiled.off_topic[hit.ident] if hit is not None else None
    return setting is None or _left_or_followed_late(doc, setting, conditions)


def _left_or_followed_late(doc: Document, setting: OffTopic, conditions: Conditions) -> bool:
    """The study names the chronic pain ``setting`` leaves, or reports pain weeks or months later."""
    return setting.leaves in conditions.evidence or pain_followed_late(doc)


def _population(doc: Document, conditions: Conditions, design: str) -> Evidence | None:
    """The study's chronic pain population: a condition, a chronic pain population, or a chronic pain model."""
    acute = conditions.acute or {}
    for cid, evidence in conditions.evidence.items():
        if cid not in acute and evidence:
            first = evidence[0]
            return Evidence(
                first.field, first.text, f"a chronic pain condition: {first.reason}", first.start, first.end
            )
    for kind, reason in (("chronic", "a chronic pain population"), ("model", "a chronic pain model")):
        if kind == "model" and design != PRECLINICAL:
            continue
        hit = _first_own(doc, doc.hits_of(kind))
        if hit is not None:
            return doc.evidence(hit, f'{reason}: "{doc.span(hit)}" in {doc.where(hit)}')
    return None


def _no_population(doc: Document, conditions: Conditions) -> Evidence:
    """Why no chronic pain population: the acute pain the record names, else the population it states."""
    if conditions.acute:
        return next(iter(conditions.acute.values()))
    sentences = doc.sentences
    stated = next(
        (i for i, s in enumerate(sentences) if s.own and s.role != _TITLE and s.cues & (COUNTED | OWN)),
        0 if sentences else None,
    )
    reason = "no chronic pain condition, chronic pain population or model in the study's own sentences"
    if stated is None:
        return _whole_record(doc, reason)
    return doc.sentence_evidence(stated, f"{reason}; the study as it states itself")


def _whole_record(doc: Document, reason: str) -> Evidence:
    """Evidence about the record as a whole: its title (or its first sentence), never empty text."""
    if doc.sentences:
        return doc.sentence_evidence(0, reason)
    return Evidence("record", f"PMID {doc.record.pmid or '?'}: no title or abstract", reason)


def _first_own(doc: Document, hits: Sequence[Hit]) -> Hit | None:
    return next((hit for hit in hits if doc.own(hit) and not hit.context & _NOT_CHRONIC), None)
