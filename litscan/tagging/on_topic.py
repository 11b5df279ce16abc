"""Whether a record is on topic: it studies the intervention in the topic's population.

The intervention must be what the study is about (in the title, the stated purpose, a result the
study reports of it, two sentences about the study, or a major MeSH heading), not only mentioned. An
off-topic context the study is framed by (depression, sedation, acute pain, healthy volunteers,
abuse) makes it off topic unless the title names a chronic condition or the study measures one; in a
setting such as surgery, only if the study also follows that pain for weeks or months. The
population is the study's conditions (not acute pain), else a chronic pain population or, in
preclinical work, a chronic pain model.

Every decision, on topic or not, comes with the words that decided it first, then the others.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from ..models import Evidence
from .compiled import CompiledVocabulary
from .conditions import Conditions
from .context import NOT_THE_STUDY, Context
from .cues import COUNTED, HISTORY, OWN, PURPOSE
from .document import Document, Hit, Role
from .vocabulary import OffTopic

_TITLE: Final = Role.TITLE
_OBJECTIVE: Final = Role.OBJECTIVE
_RESULT: Final = Context.RESULT.value
# A chronic mention that is denied, named to compare, acute or speculation is no chronic population.
_NOT_CHRONIC: Final = NOT_THE_STUDY | Context.ACUTE.value | Context.HYPOTHETICAL.value


def on_topic(
    doc: Document, compiled: CompiledVocabulary, conditions: Conditions, design: str
) -> tuple[bool, list[Evidence]]:
    """On topic or not, with the evidence: what decided first, then the studied intervention."""
    label = compiled.vocabulary.intervention_label
    studied = _studied_intervention(doc, compiled)
    if studied is None:
        drug_hits = doc.hits_of("drug")
        if drug_hits:
            reason = (
                f"{label} is only mentioned ({doc.where(drug_hits[0])}): not in the title, the stated purpose, "
                "a result of the study or two sentences about it"
            )
            return False, [doc.evidence(drug_hits[0], reason)]
        return False, [_whole_record(doc, f"{label} is named nowhere in the title or abstract")]
    off_topic = _off_topic_context(doc, compiled, conditions)
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
    # "...in patients who responded to ketamine": named in the title, but given before the study.
    title = [h for h in drug_hits if sentences[h.sentence].role == _TITLE and not sentences[h.sentence].cues & HISTORY]
    if title:
        return doc.evidence(title[0], f"{v.intervention_label} is the studied intervention (the title)")
    own = [h for h in drug_hits if sentences[h.sentence].own and not h.context & NOT_THE_STUDY]
    purpose = next(
        (h for h in own if sentences[h.sentence].cues & PURPOSE or sentences[h.sentence].role == _OBJECTIVE), None
    )
    if purpose is not None:
        return doc.evidence(purpose, f"{v.intervention_label} is the studied intervention (the stated purpose)")
    result = next((h for h in own if h.context & _RESULT), None)
    if result is not None:
        return doc.evidence(result, f"the record reports a result of {v.intervention_label} itself")
    own_sentences = sorted({h.sentence for h in own})
    if len(own_sentences) >= 2:
        first = next(h for h in own if h.sentence == own_sentences[0])
        where = doc.where(first)
        return doc.evidence(first, f"{v.intervention_label} is the studied intervention ({where} and after)")
    return _major_heading(doc, compiled)


def _major_heading(doc: Document, compiled: CompiledVocabulary) -> Evidence | None:
    """A major MeSH heading of the intervention: PubMed's indexers say the record is about it."""
    uis = compiled.vocabulary.intervention_mesh
    heading = next((h for h in doc.record.mesh if h.ui in uis and h.major), None)
    return None if heading is None else Evidence("mesh", heading.descriptor, f"major MeSH heading {heading.descriptor}")


def _off_topic_context(doc: Document, compiled: CompiledVocabulary, conditions: Conditions) -> Evidence | None:
    """The off-topic context that frames the study (title, or its stated purpose), if one does."""
    chronic = [h for h in doc.hits_of("chronic") if not h.context & _NOT_CHRONIC]
    chronic_title = bool(conditions.in_title) or any(doc.role(h) == _TITLE for h in chronic)
    chronic_purpose = any(doc.sentences[h.sentence].cues & PURPOSE for h in chronic)
    # A chronic condition the study itself measures outweighs the title's acute or anaesthetic framing,
    # and a setting that may leave chronic pain (surgery, sedation) where the study follows that pain for
    # weeks or months; not a title about another indication ("depression in hospice patients").
    measured = bool(conditions.firm_specific)
    for hit in doc.hits_of("off"):
        sentence = doc.sentences[hit.sentence]
        off = next(o for o in compiled.vocabulary.off_topic if o.id == hit.ident)
        if sentence.role == _TITLE:
            counts = _title_counts(doc, off, chronic_title, measured) and not _a_cause(doc, hit)
        else:  # the stated purpose of the study, for contexts not limited to the title
            counts = (
                not off.title_only
                and not chronic_title
                and sentence.own
                and bool(sentence.cues & PURPOSE)
                and not chronic_purpose
                and not conditions.evidence
            )
        if counts:
            rule = f" [topic.off_topic.{off.id}]"
            reason = f'about {off.label} ("{doc.span(hit)}") in {doc.where(hit)}, not chronic pain'
            if off.unless_followed_up and (chronic_title or measured):
                reason += ": the chronic pain population's pain is not followed for weeks or months"
            return doc.evidence(hit, reason + rule)
    return None


def _title_counts(doc: Document, off: OffTopic, chronic_title: bool, measured: bool) -> bool:
    """An off-topic context in the title frames the record, unless the study's chronic population outweighs it."""
    if off.unless_followed_up:  # a setting: the chronic population counts where its pain is followed up
        return not ((chronic_title or measured) and _late_outcome(doc))
    if off.title_only:
        return not (chronic_title or measured)
    return not chronic_title


# "neuropathic pain after dental surgery": the operation caused the pain the record is about.
_AFTER: Final = re.compile(r"(?:after|following|since)\s+(?:(?:an?|the|his|her|their)\s+)?(?:[\w-]+\s+){0,3}$", re.I)


def _a_cause(doc: Document, hit: Hit) -> bool:
    """The setting is the cause of a chronic pain named before it in its sentence, not where the study happens."""
    start = doc.sentences[hit.sentence].start
    before = _AFTER.search(doc.text, start, hit.start)
    if before is None:
        return False
    return any(
        h.sentence == hit.sentence and h.end <= before.start() and not h.context & _NOT_CHRONIC
        for kind in ("chronic", "cond", "cond_weak")
        for h in doc.hits_of(kind)
    )


def _late_outcome(doc: Document) -> bool:
    """The study reports an outcome weeks or months later (in its own sentences)."""
    return any(doc.own(h) for h in doc.hits_of("late"))


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
        if kind == "model" and design != "preclinical":
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
