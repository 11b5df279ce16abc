"""The study design: the highest-priority design the record states of its own study.

The vocabulary lists designs in priority order. What the title or abstract says of the study itself
wins ("we randomised", a section labelled "Case report"); a design whose title cue settles it (a
review, a protocol) wins over designs the review merely cites. PubMed's publication types and MeSH
fill in where the abstract is silent; weak cues ("retrospective") come last.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from ..models import Evidence, Record
from .compiled import CompiledVocabulary
from .document import Document, Hit, Role

_TITLE: Final = Role.TITLE
_HUMANS_UI = "D006801"
_FALLBACK = "other"


@dataclass
class _Statements:
    """The first mention of each design, by how it was said."""

    title: dict[str, Hit] = field(default_factory=dict)  # in the title, or settling cues said of the study
    strong: dict[str, Hit] = field(default_factory=dict)  # said of the record's own study
    weak: dict[str, Hit] = field(default_factory=dict)  # suggestive only


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
        hit = said.strong[best]
        return best, [_evidence(doc, compiled, best, hit, f"{doc.where(hit)} says of its own study")]
    from_types = _from_indexing(doc.record, compiled)
    if from_types:
        return from_types
    if said.weak:
        best = min(said.weak, key=rank.__getitem__)
        return best, [_evidence(doc, compiled, best, said.weak[best], "suggested by")]
    return _FALLBACK, [Evidence("abstract", "", "no design stated in the title, abstract or publication types")]


def _statements(doc: Document, compiled: CompiledVocabulary) -> _Statements:
    said = _Statements()
    sentences = doc.sentences
    for kind in ("design", "design_title"):
        for hit in doc.hits_of(kind):
            s = sentences[hit.sentence]
            in_title = s.role == _TITLE
            if kind == "design_title" and not in_title:
                continue  # a title cue elsewhere says nothing
            if in_title:
                said.title.setdefault(hit.ident, hit)
            if s.states_design and (kind == "design" or in_title):
                said.strong.setdefault(hit.ident, hit)
    for hit in doc.hits_of("design_decides"):
        if sentences[hit.sentence].states_design:  # "in this review", "this case report"
            said.title.setdefault(hit.ident, hit)
            said.strong.setdefault(hit.ident, hit)
    for hit in doc.hits_of("design_weak"):
        if sentences[hit.sentence].states_design:
            said.weak.setdefault(hit.ident, hit)
    label_hit = _label_design(doc, compiled)
    if label_hit:
        said.title.setdefault(label_hit.ident, label_hit)
        said.strong.setdefault(label_hit.ident, label_hit)
    return said


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
