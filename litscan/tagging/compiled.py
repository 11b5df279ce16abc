"""A vocabulary compiled for tagging: the rules' lookups and one pattern index over all patterns.

Made once per tagger: every pattern the tagger looks for (the vocabulary's and the sentence cues')
in one flat list of ``Entry`` with one ``PatternIndex`` over it, and the tables the rules read:
priority ranks, MeSH and publication-type maps, the general condition, which design a section label
names.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..models import Evidence, MeshHeading
from .context import TRIGGER_KIND, ContextRules, load_context_rules
from .cues import COUNTED, load_cues
from .matching import PatternIndex
from .vocabulary import Pattern, Vocabulary

# Route hits: adjectives and nouns ("intravenous"), adverbs ("intravenously"), dosage forms ("cream").
ROUTE_KINDS = ("route", "route_adverb", "route_form")
# A stated route with no id ("rectal", "intraperitoneally"): it labels nothing, but it is a route.
UNLABELLED_ROUTE = "route_none"


@dataclass(frozen=True, slots=True)
class Entry:
    """One pattern of the flat list a record is matched against."""

    kind: str  # "drug", "other_drug", "cond", "cond_weak", "cond_part", "route", "route_adverb", "route_form",
    # "route_none", "design", "design_weak", "design_title", "design_decides", "design_protocol", "design_part",
    # "chronic", "model", "off", "late", a cue's name, or "context" (a context trigger; its ident is the rule's index)
    ident: str
    pattern: Pattern
    part: int = 0  # for a condition's sentence_patterns or a design's all_of: which list of parts


class CompiledVocabulary:
    """What the tagger's pass and rules read, made once from a ``Vocabulary``."""

    def __init__(self, vocabulary: Vocabulary, context_rules: ContextRules | None = None) -> None:
        v = self.vocabulary = vocabulary
        self.context_rules = context_rules or load_context_rules()
        self.entries = [*_vocabulary_entries(v), *_cue_entries(), *_context_entries(self.context_rules)]
        self.index = PatternIndex([e.pattern.source for e in self.entries], [e.pattern.matcher for e in self.entries])
        cue_flags = {cue.name: cue.flag.value for cue in load_cues()}
        # Per entry: the cue flag it sets on its sentence, or 0 for a vocabulary pattern (a hit).
        self.cue_flags = [cue_flags.get(e.kind, 0) for e in self.entries]
        # Cues that count only after a number ("12 patients"): checked where found.
        self.counted_cues = frozenset(i for i, flag in enumerate(self.cue_flags) if flag == COUNTED)
        self.condition_of_mesh = {ui: c.id for c in v.conditions.values() for ui in c.mesh}
        self.design_of_publication_type = {pt.lower(): d.id for d in v.designs.values() for pt in d.publication_types}
        self.design_of_mesh = {ui: d.id for d in v.designs.values() for ui in d.mesh}
        self.design_rank = {d: i for i, d in enumerate(v.designs)}
        self.condition_rank = {c: i for i, c in enumerate(v.conditions)}
        self.route_rank = {r: i for i, r in enumerate(v.routes)}
        self.off_topic = {o.id: o for o in v.off_topic}  # an off-topic hit's entry, by its ident
        self.other_indications = _other_indications(v)
        # The condition every other one yields to ("chronic pain" in general), if the vocabulary has one.
        self.general_condition = next((cid for cid, c in v.conditions.items() if "*" in c.yields_to), None)
        self._label_designs: dict[str, str | None] = {}

    def conditions_in_mesh(self, mesh: Sequence[MeshHeading]) -> dict[str, Evidence]:
        """The conditions a record's MeSH headings name (by descriptor UI), each with its heading."""
        out: dict[str, Evidence] = {}
        for ui in sorted({h.ui for h in mesh if h.ui} & self.condition_of_mesh.keys()):
            heading = next(h.descriptor for h in mesh if h.ui == ui)
            out.setdefault(self.condition_of_mesh[ui], Evidence("mesh", heading, f"MeSH heading {heading} ({ui})"))
        return out

    def design_named_by(self, label: str) -> str | None:
        """The design a section label names ("Case report", "Purpose of review"), if any."""
        cache = self._label_designs
        if label in cache:
            return cache[label]
        design = next(
            (
                d.id
                for d in self.vocabulary.designs.values()
                if any(p.regex.search(label) for p in d.strong + d.decides)
            ),
            None,
        )
        if len(cache) >= 5000:  # labels are few; a stream of odd ones must not grow it without end
            cache.clear()
        cache[label] = design
        return design


def _other_indications(v: Vocabulary) -> frozenset[str]:
    """The off-topic contexts that are other uses of the drug (depression, abuse)."""
    return frozenset(o.id for o in v.off_topic if o.another_use)


def _vocabulary_entries(v: Vocabulary) -> Iterator[Entry]:
    for p in v.intervention:
        yield Entry("drug", v.intervention_label, p)
    for p in v.other_drugs:
        yield Entry("other_drug", p.source, p)
    for p in v.unlabelled_routes:
        yield Entry(UNLABELLED_ROUTE, "", p)
    yield from _condition_entries(v)
    for r in v.routes.values():
        for kind, patterns in zip(ROUTE_KINDS, (r.patterns, r.adverbs, r.forms), strict=True):
            for p in patterns:
                yield Entry(kind, r.id, p)
    for d in v.designs.values():
        for kind, patterns in (
            ("design", d.strong),
            ("design_weak", d.weak),
            ("design_title", d.title),
            ("design_decides", d.decides),
            ("design_protocol", d.by_protocol),
        ):
            for p in patterns:
                yield Entry(kind, d.id, p)
        for i, parts in enumerate(d.all_of):
            for p in parts:
                yield Entry("design_part", d.id, p, i)
    for p in v.chronic_patterns:
        yield Entry("chronic", "chronic", p)
    for p in v.preclinical_model_patterns:
        yield Entry("model", "model", p)
    for p in v.late_outcome_patterns:
        yield Entry("late", "late", p)
    for off in v.off_topic:
        for p in off.patterns:
            yield Entry("off", off.id, p)


def _condition_entries(v: Vocabulary) -> Iterator[Entry]:
    for c in v.conditions.values():
        for p in c.patterns:
            yield Entry("cond", c.id, p)
        for p in c.weak_patterns:
            yield Entry("cond_weak", c.id, p)
        for i, parts in enumerate(c.described):
            # Only the first part is searched for; the others are checked in its sentence.
            yield Entry("cond_part", c.id, parts[0], i)


def _cue_entries() -> Iterator[Entry]:
    for cue in load_cues():
        for p in cue.patterns:
            yield Entry(cue.name, cue.name, p)


def _context_entries(rules: ContextRules) -> Iterator[Entry]:
    for rule in rules.rules:
        if rule.after is not None:
            continue  # tried at each mention, not searched for
        for p in rule.patterns:
            yield Entry(TRIGGER_KIND, str(rule.index), p)
