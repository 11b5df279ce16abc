"""The study design: the highest-priority design the record states of its own study.

The vocabulary lists designs in priority order. What the title or abstract says of the study itself
wins ("we randomised", a section labelled "Case report"); a design whose title cue settles it (a
review, a protocol) wins over designs the review merely cites. A design word counts only where it
describes this study: not in a sentence that cites other work ("the observational report of Smith
et al."), not for a trial still to be done ("the feasibility of a randomised trial"), and a
protocol is a protocol only while the record reports no results of its own. PubMed's publication
types and MeSH fill in where the abstract is silent; weak cues ("retrospective") come next. Where
nothing states a design, the population decides (``population``): a few patients described one by
one are a case report, a treated group an observational study, no study of its own a review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from ..models import Evidence, Record
from . import regex_programs
from .compiled import CompiledVocabulary
from .cues import BACKGROUND, OUTSIDE_STUDY
from .design_context import named_as_object, not_said_of_this_study, reports_results
from .document import Document, Hit, Role, Sentence
from .population import design_from_population, record_evidence

_TITLE: Final = Role.TITLE
_UNLABELLED: Final = Role.UNLABELLED
_HUMANS_UI = "D006801"
_FALLBACK = "other"
_PROTOCOL = "protocol"
_CASE_REPORT: Final = "case_report"
_OBSERVATIONAL: Final = "observational"
_TRIAL: Final = "nonrandomized_trial"
_RCT: Final = "rct"
_REVIEW: Final = "review"
# Designs a record is often about rather than of ("adherence to consensus guidelines", "according to the
# protocol"): their words count only where the record is not named as examining or following them.
_STUDIED_AS_OBJECTS: Final = frozenset(("guideline", _PROTOCOL))
_SERIES: Final = regex_programs.compile(r"\bcase[- ]series\b", re.IGNORECASE)
# One patient named (a cheap test before the population is read): "to a patient with", "a 58-year-old man".
_ONE_PATIENT: Final = regex_programs.compile(r"\b(?:a|one|our|this) patient\b|years?[- ]old\b")


@dataclass
class _Statements:
    """The first mention of each design, by how it was said."""

    title: dict[str, Hit] = field(default_factory=dict)  # in the title, or settling cues said of the study
    strong: dict[str, Hit] = field(default_factory=dict)  # said of the record's own study
    weak: dict[str, Hit] = field(default_factory=dict)  # suggestive only
    by_protocol: dict[str, Hit] = field(default_factory=dict)  # the study gave the intervention by its protocol


def study_design(doc: Document, compiled: CompiledVocabulary) -> tuple[str, list[Evidence]]:
    """The design id and the evidence for it."""
    rank = compiled.design_rank
    designs = compiled.vocabulary.designs
    said = _statements(doc, compiled)
    decided = [d for d in said.title if designs[d].title_decides]
    if decided:
        best = min(decided, key=rank.__getitem__)
        higher = [d for d in said.strong if designs[d].title_decides and rank[d] < rank[best]]
        best = min(higher, key=rank.__getitem__) if higher else best
        hit = said.strong.get(best) or said.title[best]
        return best, [_evidence(doc, compiled, best, hit, f"{doc.where(hit)} says")]
    if said.strong:
        best = min(said.strong, key=rank.__getitem__)
        return _stated(doc, compiled, best, said.strong[best])
    from_types = _from_indexing(doc.record, compiled)
    if from_types and from_types[0] != _CASE_REPORT:
        return from_types
    from_population = design_from_population(doc, designs)
    if from_types:
        # "Case Reports" on a record that reports a counted group's outcomes: the abstract's own population wins
        if from_population is not None and from_population.group:
            return _OBSERVATIONAL, [*from_population.evidence, *from_types[1]]
        return from_types
    # "Two patients underwent surgery while one received antibiotics": a few patients are a case whatever
    # a weak cue suggests.
    if said.weak and (from_population is None or from_population.design != _CASE_REPORT):
        best = min(said.weak, key=rank.__getitem__)
        return best, [_evidence(doc, compiled, best, said.weak[best], "suggested by")]
    if from_population is not None:
        return from_population.design, from_population.evidence
    return _FALLBACK, [record_evidence(doc, "no design stated in the title, abstract or publication types")]


def _stated(doc: Document, compiled: CompiledVocabulary, best: str, hit: Hit) -> tuple[str, list[Evidence]]:
    """The design the record states of its own study; a case series and a trial in one patient by their size."""
    if _SERIES.search(doc.span(hit)):
        return _series_by_size(doc, compiled, best, hit)
    evidence = _evidence(doc, compiled, best, hit, f"{doc.where(hit)} says of its own study")
    lower = doc.lower
    # a trial in one patient (n-of-1), randomised or not, is a case
    if (best == _TRIAL or (best == _RCT and ("n-of-1" in lower or "n of 1" in lower))) and _ONE_PATIENT.search(lower):
        by_size = design_from_population(doc, compiled.vocabulary.designs)
        if by_size is not None and by_size.design == _CASE_REPORT:
            return _CASE_REPORT, [*by_size.evidence, evidence]
    return best, [evidence]


def _series_by_size(doc: Document, compiled: CompiledVocabulary, best: str, hit: Hit) -> tuple[str, list[Evidence]]:
    """A "case series" is a case report of three or fewer patients, an observational study of a group:
    the patients the record counts decide, where they do."""
    evidence = _evidence(doc, compiled, best, hit, f"{doc.where(hit)} says of its own study")
    by_size = design_from_population(doc, compiled.vocabulary.designs)
    if by_size is None or by_size.design == best or by_size.design not in (_CASE_REPORT, _OBSERVATIONAL):
        return best, [evidence]
    return by_size.design, [*by_size.evidence, evidence]


def _statements(doc: Document, compiled: CompiledVocabulary) -> _Statements:
    said = _Statements()
    sentences = doc.sentences
    for hit in doc.hits_of("design_title"):
        # a title cue elsewhere says nothing
        if sentences[hit.sentence].role == _TITLE and not _as_object(doc, hit):
            said.title.setdefault(hit.ident, hit)
            said.strong.setdefault(hit.ident, hit)
    for hit in doc.hits_of("design"):
        s = sentences[hit.sentence]
        if _as_object(doc, hit):
            continue
        if s.role == _TITLE:
            said.title.setdefault(hit.ident, hit)
        if hit.ident not in said.strong and s.states_design and not not_said_of_this_study(doc, hit):
            said.strong[hit.ident] = hit
    for hit in doc.hits_of("design_decides"):
        # "in this review", "this case report"
        if _said_of_itself(sentences[hit.sentence]) and not _as_object(doc, hit):
            said.title.setdefault(hit.ident, hit)
            said.strong.setdefault(hit.ident, hit)
    for hit in doc.hits_of("design_weak"):
        if (
            hit.ident not in said.weak
            and sentences[hit.sentence].states_design
            and not not_said_of_this_study(doc, hit)
        ):
            said.weak[hit.ident] = hit
    for design, hit in _stated_together(doc, compiled).items():
        said.strong.setdefault(design, hit)
    _named_by_a_label(doc, compiled, said)
    _no_protocol_with_results(doc, said)
    _not_randomised(doc, said)
    _given_by_protocol(doc, compiled, said)
    return said


def _named_by_a_label(doc: Document, compiled: CompiledVocabulary, said: _Statements) -> None:
    """A section label that names a design states it ("Case report", "Purpose of review")."""
    label_hit = _label_design(doc, compiled)
    if label_hit is None:
        return
    said.title.setdefault(label_hit.ident, label_hit)
    said.strong.setdefault(label_hit.ident, label_hit)
    if label_hit.ident == _REVIEW:
        # a review journal's structured abstract ("Purpose of review: ... Recent findings: ..."): the cases it
        # presents illustrate the review, and the literature's case reports it counts are not its own
        for statements in (said.title, said.strong, said.weak):
            statements.pop(_CASE_REPORT, None)


def _given_by_protocol(doc: Document, compiled: CompiledVocabulary, said: _Statements) -> None:
    """The study gave the intervention by its own protocol: that design is stated, over the designs it
    outranks (TAXONOMY: given by a study protocol, not observed in routine care, is an interventional study)."""
    for hit in doc.hits_of("design_protocol"):
        if doc.sentences[hit.sentence].states_design and not not_said_of_this_study(doc, hit):
            said.by_protocol.setdefault(hit.ident, hit)
    designs = compiled.vocabulary.designs
    for design, hit in said.by_protocol.items():
        outranked = False
        for other in designs[design].outranks:
            for statements in (said.title, said.strong, said.weak):
                outranked = statements.pop(other, None) is not None or outranked
        if outranked or design not in said.strong:  # the protocol decided: it is the evidence
            said.strong[design] = hit


# The record says its own allocation was not random: "a nonrandomised, open-label pilot study".
_NON_RANDOM = regex_programs.compile(r"\b(?:non[- ]?|not |quasi[- ]?)randomi[sz]")
_NON_RANDOM_WORDS: Final = ("nonrandom", "non-random", "non random", "not random", "quasi")
_PLURAL_STUDIES = regex_programs.compile(r"[\w-]*\s+(?:[\w-]+\s+)?(?:studies|trials)\b")


def _not_randomised(doc: Document, said: _Statements) -> None:
    """A record that says of itself that it is not randomised is no randomised trial, whatever trial it plans."""
    if _RCT not in said.strong and _RCT not in said.title:
        return
    lower = doc.lower
    if not any(word in lower for word in _NON_RANDOM_WORDS):
        return  # cheap first: no word that could deny the randomisation
    for hit in doc.hits_of("design"):
        if (
            hit.ident == _TRIAL
            and doc.sentences[hit.sentence].states_design
            and _NON_RANDOM.match(lower, hit.start)
            and not _PLURAL_STUDIES.match(lower, hit.end)  # "randomised and non-randomised studies"
            and not not_said_of_this_study(doc, hit)
        ):
            for d in (said.title, said.strong, said.weak):
                d.pop(_RCT, None)
            return


def _as_object(doc: Document, hit: Hit) -> bool:
    return hit.ident in _STUDIED_AS_OBJECTS and named_as_object(doc, hit)


def _no_protocol_with_results(doc: Document, said: _Statements) -> None:
    """A protocol reports no results yet: where the record does, its future tense says nothing of its design."""
    statements = (said.title, said.strong, said.weak)
    if any(_PROTOCOL in d for d in statements) and reports_results(doc):
        for d in statements:
            d.pop(_PROTOCOL, None)


def _stated_together(doc: Document, compiled: CompiledVocabulary) -> dict[str, Hit]:
    """Designs whose ``all_of`` lists each match in sentences that state the design: the first part's hit."""
    parts: dict[str, dict[int, Hit]] = {}
    for hit in doc.hits_of("design_part"):
        # Together the parts are what a method looks like ("Embase was searched. 14 studies were included").
        if _said_of_itself(doc.sentences[hit.sentence]) and hit.entry is not None:
            parts.setdefault(hit.ident, {}).setdefault(hit.entry.part, hit)
    designs = compiled.vocabulary.designs
    return {d: found[0] for d, found in parts.items() if len(found) == len(designs[d].all_of) and 0 in found}


def _said_of_itself(s: Sentence) -> bool:
    """A cue that says what the record is counts where the design may be stated, and also where an
    unlabelled abstract opens with it before any other cue introduces the study ("Male Wistar rats were fed...")."""
    return s.states_design or (s.role == _UNLABELLED and not s.cues & (BACKGROUND | OUTSIDE_STUDY))


def _label_design(doc: Document, compiled: CompiledVocabulary) -> Hit | None:
    """A section labelled "Case report" or "Purpose of review" names the design."""
    for f in doc.fields:
        if not f.label:
            continue
        design = compiled.design_named_by(f.label)
        if design:
            return Hit("design", design, f.start, min(f.end, f.start + 1), doc.sentence_at(f.start), None)
    return None


def _evidence(doc: Document, compiled: CompiledVocabulary, design: str, hit: Hit, how: str) -> Evidence:
    label = compiled.vocabulary.designs[design].label.lower()
    if hit.entry is None:  # from a section label
        name, _ = doc.field_of(hit.start)
        return Evidence(name, name.split(":", 1)[-1], f"the section label names a {label}")
    if hit.entry.kind == "design_part":  # "searched MEDLINE" with "22 articles were included"
        others = {h.entry.part: h for h in doc.hits_of("design_part") if h.ident == design and h.entry}
        together = " and ".join(f'"{doc.span(h)}"' for part, h in sorted(others.items()) if part)
        return doc.evidence(hit, f'{how} "{doc.span(hit)}", and says {together} → {label}')
    return doc.evidence(hit, f'{how} "{doc.span(hit)}" → {label}')


def _from_indexing(record: Record, compiled: CompiledVocabulary) -> tuple[str, list[Evidence]] | None:
    """The highest-priority design PubMed's publication types (or MeSH, without Humans) name."""
    rank = compiled.design_rank
    options: list[tuple[int, str, Evidence]] = []
    for pt in record.publication_types:
        design = compiled.design_of_publication_type.get(pt.name.lower())
        if design:
            options.append(
                (rank[design], design, Evidence("publication_type", pt.name, f"PubMed publication type {pt.name}"))
            )
    if _HUMANS_UI not in {h.ui for h in record.mesh}:
        for h in record.mesh:
            design = compiled.design_of_mesh.get(h.ui or "")
            if design:
                evidence = Evidence("mesh", h.descriptor, f"MeSH heading {h.descriptor} without Humans")
                options.append((rank[design], design, evidence))
    if not options:
        return None
    _, design, evidence = min(options, key=lambda o: o[0])
    return design, [evidence]
