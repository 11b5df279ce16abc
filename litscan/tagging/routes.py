"""Which routes the studied drug was given by, each with the words that bind the route to it.

A route word counts when it belongs to the intervention: "oral morphine" says nothing of ketamine;
"ketamine was given intravenously" does. An adjective reaches forward to its noun, an adverb back to
the drug before it, a dosage form to the nearest drug; a word of another drug or an anatomical noun
("oral mucosa") is not the intervention's. Without a route word, an infusion of the drug in people
is intravenous.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from operator import attrgetter
from typing import Final

from ..models import Evidence
from .compiled import ROUTE_KINDS, CompiledVocabulary
from .document import Document, Hit, Role

RouteEvidence = dict[str, tuple[Evidence, ...]]

_TITLE: Final = Role.TITLE
_START = attrgetter("start")
_FORWARD_WINDOW = 60  # characters from a route word to the drug after it
_BACKWARD_WINDOW = 90  # ... and to the drug before it
_EVIDENCE_PER_ROUTE = 2

_INFUSION = re.compile(r"\binfus", re.IGNORECASE)
_COORDINATED = re.compile(
    r"^[\s,]*(?:\([^()]{0,20}\)\s*)?(?:and/or|and|or|plus|with|\+|/|,)?\s*"
    r"(?:\d[\d.]*\s*(?:mg|µg|mcg|g|ml|%)[^\s,]*\s*)?$",
    re.IGNORECASE,
)
_CLAUSE = (
    r"[;:]|\b(?:while|whereas|but|followed by|compared (?:with|to)|than|as opposed to|instead of|"
    r"unlike)\b"
)
_BOUNDARY = re.compile(_CLAUSE + r"|\b(?:versus|vs)\b")
# An adjective reaches forward to its noun, not across a clause: "an oral drug that could extend ketamine";
# "IM versus IV ketamine" names two routes of ketamine, so "versus" does not stop it.
_ADJECTIVE_BOUNDARY = re.compile(
    _CLAUSE + r"|\b(?:that|which|who|whom|could|can|may|might|will|would|"
    r"should|was|were|is|are|has|have|had|after|before|during)\b"
)
_NEXT_WORD = re.compile(r"\s*(?:\([^()]{0,12}\)\s*)?([A-Za-z][\w-]*)")
_OF_DRUG = re.compile(r"\s*(?:\([^()]{0,20}\)\s*)?(?:of|with|containing)\s+(?:[\w./%-]+\s+){0,4}$")
_COORDINATOR = re.compile(r"\b(?:and|or|versus|vs|plus|with)\b|,")
_PARENTHETICAL = re.compile(r"\([^()]*\)")
_GAP_WORD = re.compile(r"[A-Za-z][A-Za-z-]{2,}")

_LINKS = frozenset(("and", "or", "versus", "vs", "to", "with", "plus", "in", "at", "of", "for", "as"))
# Nouns a route adjective may describe without leaving the drug ("intravenous infusion of ketamine").
_ROUTE_NOUNS = _LINKS | frozenset(
    (
        "administration",
        "administered",
        "injection",
        "injections",
        "infusion",
        "infusions",
        "bolus",
        "boluses",
        "dose",
        "doses",
        "dosing",
        "route",
        "routes",
        "delivery",
        "formulation",
        "formulations",
        "form",
        "forms",
        "use",
        "therapy",
        "treatment",
        "treatments",
        "application",
        "applications",
        "preparation",
        "solution",
        "regimen",
        "regimens",
    )
)
# Words between a route adjective and its drug that leave the adjective on the drug ("oral low-dose ketamine").
_MODIFIERS = frozenset(
    (
        "low",
        "low-dose",
        "high-dose",
        "dose",
        "single",
        "continuous",
        "repeated",
        "racemic",
        "subanaesthetic",
        "subanesthetic",
        "sub-anaesthetic",
        "sub-anesthetic",
        "adjunctive",
        "adjuvant",
        "perioperative",
        "intraoperative",
        "postoperative",
        "preoperative",
        "short-term",
        "long-term",
        "prolonged",
        "daily",
        "weekly",
        "bolus",
        "infusion",
        "infusions",
        "injection",
        "injections",
        "administration",
        "outpatient",
        "inpatient",
        "mg",
        "kg",
        "the",
        "of",
        "a",
        "an",
        "test",
        "challenge",
        "compounded",
    )
)


def drug_routes(doc: Document, compiled: CompiledVocabulary, *, preclinical: bool) -> RouteEvidence:
    """The routes of the intervention in the record's own study, in vocabulary order."""
    if not doc.hits_of("drug"):
        return {}
    found, firm, bound_sentences = _bound_routes(doc, compiled)
    if firm:  # "oral ketamine could be an alternative" in the conclusions of an IV trial
        found = {rid: ev for rid, ev in found.items() if rid in firm}
    infusion_route = compiled.vocabulary.infusion_route
    if infusion_route and not preclinical and infusion_route not in found:
        evidence = _infusion(doc, compiled, infusion_route, bound_sentences)
        if evidence is not None:
            found[infusion_route] = [evidence]
    return {rid: tuple(found[rid]) for rid in sorted(found, key=compiled.route_rank.__getitem__)}


def _bound_routes(doc: Document, compiled: CompiledVocabulary) -> tuple[dict[str, list[Evidence]], set[str], set[int]]:
    """Route words bound to the intervention: evidence by route, the routes said firmly, their sentences."""
    drugs = sorted([*doc.hits_of("drug"), *doc.hits_of("other_drug")], key=_START)
    by_sentence: dict[int, list[Hit]] = {}
    for d in drugs:
        by_sentence.setdefault(d.sentence, []).append(d)
    only_drug = not any(doc.own(h) for h in doc.hits_of("other_drug"))
    binder = _Binder(doc, compiled.vocabulary.intervention_label)
    found: dict[str, list[Evidence]] = {}
    firm: set[str] = set()
    bound_sentences: set[int] = set()
    for kind in ROUTE_KINDS:
        for hit in doc.hits_of(kind):
            if not doc.own(hit) or len(found.get(hit.ident, ())) >= _EVIDENCE_PER_ROUTE:
                continue
            reason = binder.bind(hit, kind, by_sentence.get(hit.sentence, []), only_drug)
            if reason:
                found.setdefault(hit.ident, []).append(doc.evidence(hit, reason))
                bound_sentences.add(hit.sentence)
                if doc.firm(hit):
                    firm.add(hit.ident)
    return found, firm, bound_sentences


def _infusion(doc: Document, compiled: CompiledVocabulary, route: str, bound_sentences: set[int]) -> Evidence | None:
    """The intervention given as an infusion, in a sentence that binds no route word: the infusion route."""
    label = compiled.vocabulary.intervention_label
    for d in doc.hits_of("drug"):
        if not doc.own(d) or d.sentence in bound_sentences:
            continue
        s = doc.sentences[d.sentence]
        lo, hi = max(s.start, d.start - 40), min(s.end, d.end + 60)
        # Cheap first: n, f and u have no other case-insensitive matches than N, F and U.
        if doc.lower.find("nfu", lo, hi) < 0:
            continue
        m = _INFUSION.search(doc.text, lo, hi)
        if m:
            route_label = compiled.vocabulary.routes[route].label.lower()
            return doc.evidence(d, f'{label} given as an infusion ("{m.group(0)}..."); no route stated → {route_label}')
    return None


class _Binder:
    """Decides whether a route word belongs to the intervention, and says why."""

    def __init__(self, doc: Document, label: str) -> None:
        self.doc = doc
        self.label = label
        self._route_starts: set[int] | None = None

    def bind(self, hit: Hit, kind: str, drugs: list[Hit], only_drug: bool) -> str | None:
        """Why this route word belongs to the studied drug, or None when it belongs to another.

        ``drugs``: the drug mentions of its sentence, the intervention's and others', in text order.
        """
        word = self.doc.span(hit)
        after, before = self._nearby(hit, kind, drugs)
        for side in _sides(hit, kind, after, before):
            if side:  # the nearest drug on the side a route word of this kind reaches first decides
                return self._reason(side, word)
        if only_drug and not drugs and self.doc.role(hit) != _TITLE:
            return f'route "{word}" stated in {self.doc.where(hit)}; {self.label} is the only drug studied'
        return None

    def _nearby(self, hit: Hit, kind: str, drugs: list[Hit]) -> tuple[list[Hit], list[Hit]]:
        """Drugs within reach after the route word and before it, with no clause boundary between."""
        text = self.doc.text
        blocker = _BOUNDARY if kind != "route" else _ADJECTIVE_BOUNDARY
        after = [
            d
            for d in drugs
            if d.start >= hit.end
            and d.start - hit.end <= _FORWARD_WINDOW
            and not blocker.search(text, hit.end, d.start)
        ]
        before = [
            d
            for d in drugs
            if d.end <= hit.start
            and hit.start - d.end <= _BACKWARD_WINDOW
            and not _BOUNDARY.search(text, d.end, hit.start)
        ]
        if kind != "route":
            return after, before
        # What an adjective or noun of route describes.
        if not after and _modifies_other_noun(text, hit.end):
            before = []  # "oral NMDA antagonist": the adjective belongs to the noun after it
        if after and before and _names_its_noun(text, hit.end, after[0].start):
            after = []  # "ketamine ... epidural injection and gabapentin": the injection was ketamine's
        if after and after[0].kind == "drug" and self._other_noun_first(hit, after[0]):
            after = []  # "oral nefopam and intravenous ketamine": "oral" went to a drug we do not list
        return after, before

    def _reason(self, side: list[Hit], word: str) -> str | None:
        first = side[0]
        if first.kind == "drug":
            return f'route "{word}" stated for {self.label}'
        # "intravenous lidocaine or ketamine", "ketamine with bupivacaine for caudal block"
        text = self.doc.text
        for other in side[1:3]:
            lo, hi = (first.end, other.start) if other.start > first.start else (other.end, first.start)
            if other.kind == "drug" and _COORDINATED.match(text[lo:hi]):
                return f'route "{word}" stated for {self.label} given with {self.doc.span(first)}'
        return None

    def _other_noun_first(self, hit: Hit, drug: Hit) -> bool:
        """Before a coordinator, the route word meets a word that is neither a modifier nor a route."""
        gap = self.doc.text[hit.end : drug.start]
        m = _COORDINATOR.search(gap)
        if m is None:
            return False
        if self._route_starts is None:
            self._route_starts = {h.start for k in ROUTE_KINDS for h in self.doc.hits_of(k)}
        for w in _GAP_WORD.finditer(_PARENTHETICAL.sub(" ", gap[: m.start()])):
            if w.group(0).lower() not in _MODIFIERS and hit.end + w.start() not in self._route_starts:
                return True
        return False


def _sides(hit: Hit, kind: str, after: list[Hit], before: list[Hit]) -> Sequence[list[Hit]]:
    """The drugs to look at, nearest first, on the side a route word of this kind reaches first."""
    if kind == "route_form":  # a dosage form: the nearest drug either side
        return (sorted(after + before, key=lambda d: min(abs(d.start - hit.end), abs(hit.start - d.end))),)
    if kind == "route":  # an adjective or noun: the drug after it ("intravenous ketamine")
        return after, before[::-1]
    return before[::-1], after  # an adverb: the drug before it ("ketamine given intravenously")


def _names_its_noun(text: str, end: int, drug_start: int) -> bool:
    """The route word has its own noun ("epidural injection") not followed by "of <that drug>"."""
    m = _NEXT_WORD.match(text, end)
    if not m or m.group(1).lower() not in _ROUTE_NOUNS or m.group(1).lower() in _LINKS:
        return False
    return not _OF_DRUG.match(text[m.end() : drug_start])


def _modifies_other_noun(text: str, end: int) -> bool:
    m = _NEXT_WORD.match(text, end)
    return m is not None and m.group(1).lower() not in _ROUTE_NOUNS
