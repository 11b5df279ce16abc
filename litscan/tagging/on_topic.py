"""Whether a record is on topic: it studies the intervention in the topic's population.

The intervention must be what the study is about (in the title, the stated purpose, two sentences
about the study, or a major MeSH heading), not only mentioned. An off-topic context the study is
framed by (depression, sedation, acute pain, abuse) makes it off topic unless a chronic condition is
named beside it or measured by the study. The population is the study's conditions, else a chronic
pain population or, in preclinical work, a chronic pain model.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from ..models import Evidence
from .compiled import CompiledVocabulary
from .conditions import Conditions
from .cues import HISTORY, PURPOSE
from .document import Document, Hit, Role

_TITLE: Final = Role.TITLE


def on_topic(
    doc: Document, compiled: CompiledVocabulary, conditions: Conditions, design: str
) -> tuple[bool, list[Evidence]]:
    """On topic or not, with the evidence: the studied intervention, then what decided."""
    label = compiled.vocabulary.intervention_label
    studied = _studied_intervention(doc, compiled)
    if studied is None:
        drug_hits = doc.hits_of("drug")
        if drug_hits:
            return False, [doc.evidence(drug_hits[0], f"{label} is only mentioned, not studied")]
        return False, [Evidence("abstract", "", f"{label} is not mentioned")]
    off_topic = _off_topic_context(doc, compiled, conditions)
    if off_topic is not None:
        return False, [studied, off_topic]
    if conditions.evidence:
        first = next(iter(conditions.evidence.values()))
        return True, [studied, *first[:1]]
    population = _chronic_population(doc, design)
    if population is not None:
        return True, [studied, population]
    return False, [studied, Evidence("abstract", "", "no chronic pain condition in the study population")]


def _studied_intervention(doc: Document, compiled: CompiledVocabulary) -> Evidence | None:
    """Evidence that the study is about the intervention, or None when it is only mentioned."""
    v = compiled.vocabulary
    sentences = doc.sentences
    drug_hits = doc.hits_of("drug")
    # "...in patients who responded to ketamine": named in the title, but given before the study.
    title_drug = [
        h for h in drug_hits if sentences[h.sentence].role == _TITLE and not sentences[h.sentence].cues & HISTORY
    ]
    purpose = [h for h in drug_hits if sentences[h.sentence].own and sentences[h.sentence].cues & PURPOSE]
    studied = title_drug[0] if title_drug else purpose[0] if purpose else None
    if studied is None:
        own_sentences = sorted({h.sentence for h in drug_hits if sentences[h.sentence].own})
        if len(own_sentences) >= 2:
            studied = next(h for h in drug_hits if h.sentence == own_sentences[0])
    if studied is not None:
        return doc.evidence(studied, f"{v.intervention_label} is the studied intervention ({doc.where(studied)})")
    return _major_heading(doc, compiled)


def _major_heading(doc: Document, compiled: CompiledVocabulary) -> Evidence | None:
    """A major MeSH heading of the intervention: PubMed's indexers say the record is about it."""
    uis = compiled.vocabulary.intervention_mesh
    heading = next((h for h in doc.record.mesh if h.ui in uis and h.major), None)
    return None if heading is None else Evidence("mesh", heading.descriptor, f"major MeSH heading {heading.descriptor}")


def _off_topic_context(doc: Document, compiled: CompiledVocabulary, conditions: Conditions) -> Evidence | None:
    """The off-topic context that frames the study (title, or its stated purpose), if one does."""
    chronic = doc.hits_of("chronic")
    chronic_title = any(doc.role(h) == _TITLE for h in chronic)
    condition_title = any(ev and ev[0].field == "title" for ev in conditions.evidence.values())
    if chronic_title or condition_title:
        return None  # the title names the chronic population itself
    chronic_purpose = any(doc.sentences[h.sentence].cues & PURPOSE for h in chronic)
    # A specific chronic condition the study itself measures (persistent pain after the surgery
    # the title names) outweighs the title's acute or anaesthetic framing.
    measured = bool(conditions.firm_specific)
    for hit in doc.hits_of("off"):
        sentence = doc.sentences[hit.sentence]
        off = next(o for o in compiled.vocabulary.off_topic if o.id == hit.ident)
        if sentence.role == _TITLE:
            counts = not measured
        else:  # the stated purpose of the study, for contexts not limited to the title
            counts = (
                not off.title_only
                and sentence.own
                and bool(sentence.cues & PURPOSE)
                and not chronic_purpose
                and not conditions.evidence
            )
        if counts:
            return doc.evidence(hit, f'about {off.label} ("{doc.span(hit)}"), not chronic pain')
    return None


def _chronic_population(doc: Document, design: str) -> Evidence | None:
    """A chronic pain population the study names, or (preclinical work) a chronic pain model."""
    for kind, reason in (("chronic", "a chronic pain population"), ("model", "a chronic pain model")):
        if kind == "model" and design != "preclinical":
            continue
        hit = _first_own(doc, doc.hits_of(kind))
        if hit is not None:
            return doc.evidence(hit, f'{reason}: "{doc.span(hit)}"')
    return None


def _first_own(doc: Document, hits: Sequence[Hit]) -> Hit | None:
    return next((hit for hit in hits if doc.own(hit)), None)
