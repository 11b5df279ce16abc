"""Which conditions the study's own population has, each with the words that say so.

A condition counts when a sentence about the record's own study names it (not the background, the
exclusion criteria or a call for future work), or a MeSH heading does. A weak mention ("neuropathic
pain") yields to a more specific condition named beside it; a condition named only in a conclusion
that looks beyond the study does not count when the study names others itself; in a mixed chronic
pain population, diagnoses that are only listed add nothing to the general condition.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from ..models import Evidence
from .compiled import CompiledVocabulary
from .cues import LISTING, PURPOSE
from .document import Document, Hit, Role, role_words
from .vocabulary import Vocabulary

_TITLE: Final = Role.TITLE
_COUNT_AFTER = re.compile(r"[\w -]{0,30}?\(n ?= ?\d")  # "CRPS (n = 12)", "headache in some (n=3)"

ConditionEvidence = dict[str, tuple[Evidence, ...]]


@dataclass(frozen=True)
class Conditions:
    """The conditions of the study population, in vocabulary order, each with its evidence."""

    evidence: ConditionEvidence
    # The specific conditions (not the general one) the study names of itself, not only in a
    # conclusion looking beyond it: a measured condition outweighs an off-topic framing of the title.
    firm_specific: frozenset[str]


def population_conditions(doc: Document, compiled: CompiledVocabulary) -> Conditions:
    """The conditions the record's own study population has."""
    v = compiled.vocabulary
    strong = _first_mentions(doc, "cond")
    weak = _first_mentions(doc, "cond_weak")
    described = _described_in_one_sentence(doc, v)
    firm = {cid for cid, hit in (*strong.items(), *weak.items()) if doc.firm(hit)}
    firm |= {cid for cid, sentence in described.items() if doc.sentences[sentence].firm}
    found: ConditionEvidence = {
        cid: (doc.evidence(hit, f'names "{doc.span(hit)}" in {doc.where(hit)}'),) for cid, hit in strong.items()
    }
    for cid, heading in _from_mesh(doc, compiled).items():
        found.setdefault(cid, (heading,))
        firm.add(cid)
    candidates = _weak_candidates(doc, v, found, weak, described)
    # A weak mention yields to a more specific condition: "neuropathic pain" to "phantom limb pain".
    for cid, evidence in candidates.items():
        if not _yields(v, cid, set(found) | (set(candidates) - {cid})):
            found[cid] = evidence
    if firm & set(found):  # a condition named only in a speculative conclusion is not the population
        found = {cid: ev for cid, ev in found.items() if cid in firm}
    general = compiled.general_condition
    if general and set(found) - {general}:
        found = _drop_listed(doc, v, found, general)
    return Conditions(
        {cid: found[cid] for cid in sorted(found, key=compiled.condition_rank.__getitem__)},
        frozenset(cid for cid in set(found) & firm if "*" not in v.conditions[cid].yields_to),
    )


def _first_mentions(doc: Document, kind: str) -> dict[str, Hit]:
    """The first own-study mention of each id, preferring one outside speculative conclusions."""
    chosen: dict[str, Hit] = {}
    for hit in doc.hits_of(kind):
        if doc.own(hit) and (hit.ident not in chosen or (not doc.firm(chosen[hit.ident]) and doc.firm(hit))):
            chosen[hit.ident] = hit
    return chosen


def _described_in_one_sentence(doc: Document, v: Vocabulary) -> dict[str, int]:
    """Conditions whose sentence_patterns all match in one own-study sentence: id → that sentence."""
    described: dict[str, int] = {}
    for hit in doc.hits_of("cond_part"):
        if hit.ident in described or not doc.own(hit) or hit.entry is None:
            continue
        s = doc.sentences[hit.sentence]
        others = v.conditions[hit.ident].sentence_patterns[hit.entry.part][1:]
        if all(p.regex.search(doc.text, s.start, s.end) for p in others):
            described[hit.ident] = hit.sentence
    return described


def _from_mesh(doc: Document, compiled: CompiledVocabulary) -> dict[str, Evidence]:
    """Conditions the record's MeSH headings name (by descriptor UI)."""
    mesh = doc.record.mesh
    out: dict[str, Evidence] = {}
    for ui in sorted({h.ui for h in mesh if h.ui} & compiled.condition_of_mesh.keys()):
        heading = next(h.descriptor for h in mesh if h.ui == ui)
        out.setdefault(compiled.condition_of_mesh[ui], Evidence("mesh", heading, f"MeSH heading {heading} ({ui})"))
    return out


def _weak_candidates(
    doc: Document, v: Vocabulary, found: ConditionEvidence, weak: dict[str, Hit], described: dict[str, int]
) -> ConditionEvidence:
    """Weak mentions and one-sentence descriptions of conditions not found otherwise."""
    candidates: ConditionEvidence = {}
    for cid, hit in weak.items():
        if cid not in found:
            candidates[cid] = (doc.evidence(hit, f'names "{doc.span(hit)}" in {doc.where(hit)}'),)
    for cid, sentence in described.items():
        if cid not in found and cid not in candidates:
            where = role_words(doc.sentences[sentence].role)
            reason = f"describes {v.conditions[cid].label.lower()} in {where}"
            candidates[cid] = (doc.sentence_evidence(sentence, reason),)
    return candidates


def _yields(v: Vocabulary, cid: str, others: set[str]) -> bool:
    """Condition ``cid`` gives way to one of ``others`` (its ``yields_to``: ids, groups or "*")."""
    for target in v.conditions[cid].yields_to:
        if target == "*":
            if others - {cid}:
                return True
        elif target.startswith("group:"):
            members = v.groups[target[6:]].members
            if any(o in members and o != cid for o in others):
                return True
        elif target in others:
            return True
    return False


def _drop_listed(doc: Document, v: Vocabulary, found: ConditionEvidence, general: str) -> ConditionEvidence:
    """In a mixed chronic-pain population, diagnoses only listed (no results of their own) add nothing."""
    mentions = [*doc.hits_of("cond"), *doc.hits_of("cond_weak")]
    population = [h for h in mentions if h.ident == general and _states_population(doc, h)]
    if not population:
        return found
    ids_in: dict[int, set[str]] = {}
    for hit in mentions:
        if doc.own(hit):
            ids_in.setdefault(hit.sentence, set()).add(hit.ident)
    counted = {h.sentence for h in mentions if _COUNT_AFTER.match(doc.text, h.end)}
    kept: ConditionEvidence = {}
    for cid, evidence in found.items():
        if cid == general or not _only_listed(doc, cid, general, ids_in, counted):
            kept[cid] = evidence
    if general not in kept and len(kept) < len(found):
        hit = population[0]
        kept[general] = (doc.evidence(hit, f'a mixed population: "{doc.span(hit)}" in {doc.where(hit)}'),)
    return {cid: kept[cid] for cid in v.conditions if cid in kept}


def _states_population(doc: Document, hit: Hit) -> bool:
    """The general condition named in the title or the stated purpose: the population is mixed."""
    s = doc.sentences[hit.sentence]
    return s.role == _TITLE or bool(s.cues & PURPOSE)


def _only_listed(doc: Document, cid: str, general: str, ids_in: dict[int, set[str]], counted: Iterable[int]) -> bool:
    """Every own-study sentence naming ``cid`` lists it among other diagnoses, or counts it ("(n = 12)")."""
    places = [i for i, ids in ids_in.items() if cid in ids]
    return bool(places) and all(
        doc.sentences[i].cues & LISTING and (len(ids_in[i] - {general}) > 1 or i in counted) for i in places
    )
