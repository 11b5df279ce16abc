"""Which routes the studied drug was given by, each with the words that bind the route to it.

A route word counts when it belongs to the intervention: "oral morphine" says nothing of ketamine; "ketamine
was given intravenously" does. An adjective reaches forward to its noun, an adverb back to the drug before it,
a dosage form to the nearest drug; a word of another drug or an anatomical noun ("oral mucosa") is not the
intervention's. A route reaches along a list of drugs ("intravenous lidocaine or ketamine"), to a drug given as
an adjuvant to another ("ketamine as an adjuvant to epidural steroids"), from "by" or "via" ("given by
transdermal iontophoresis"), and along a list of routes ("routes of administration: intravenous, oral,
rectal"); in a sentence that names no drug, to the drug of the sentence before ("the daily dose was then given
orally"). Which sentences count is ``route_scope``; the route of an infusion with none stated, ``route_infusion``.
A product's route ("the intravenous solution") yields to the route it was given by ("into the nose"). A review
whose title names routes covers those. Evidence comes decisive first: bound by its own words before listed,
said firmly before concluded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter, itemgetter
from typing import Final

from ..models import Evidence
from . import regex_programs
from .animal_models import PRECLINICAL
from .compiled import ROUTE_KINDS, UNLABELLED_ROUTE, CompiledVocabulary
from .context import NOT_THE_STUDY, Context
from .document import Document, Hit, Role
from .route_forms import formulations_given_otherwise
from .route_infusion import inferred_infusion
from .route_reach import (
    ADJECTIVE_BOUNDARY,
    BACKWARD_WINDOW,
    BACKWARD_WORDS,
    BOUNDARY,
    BRACKETED,
    FORWARD_WINDOW,
    FORWARD_WORDS,
    blocked_back,
    within,
)
from .route_scope import RouteScope
from .route_words import (
    LIST_WORDS,
    MODIFIERS,
    PER,
    REGIMEN_NOUNS,
    ROUTE_NOUNS,
    given_by,
    gives_another,
    has_its_own,
    names_another_noun,
    names_co_treatment,
    names_its_noun,
    others_dose,
)

RouteEvidence = dict[str, tuple[Evidence, ...]]

_TITLE: Final = Role.TITLE
# A route denied, or of treatment before the study ("the loss of analgesia after intravenous infusion").
_DENIED: Final = Context.NEGATED.value | Context.PRIOR.value
_START = attrgetter("start")
_DECISIVE = itemgetter(0, 1)  # (listed, not firm, bound): direct and firm first, text order kept
_EVIDENCE_PER_ROUTE = 2
_LOOK_BACK = 2  # sentences a drugless sentence may look back for the drug it speaks of
_ALL_ROUTE_KINDS: Final = (*ROUTE_KINDS, UNLABELLED_ROUTE)
# Ends the evidence of a route word in a sentence naming no drug, bound to the intervention as the only one.
ONLY_DRUG: Final = "is the only drug studied"

_DOSE = r"(?:\([^()]{0,20}\)\s*)?"
# A dose in words: "0.15 mg/kg", "10-20 mg/kg/h".
_AMOUNT = (
    rf"\d[\d.,]*(?:\s*(?:-|–|to)\s*\d[\d.,]*)?\s*(?:mg|µg|mcg|ug|g|ml|mmol|%){PER.format('kg|h|hr|hour|day|d|min|ml')}*"
)
_COORDINATED = regex_programs.compile(
    # a drug's dose between it and the next of a list: "ketamine 0.15 mg/kg, morphine 0.075 mg/kg and saline"
    rf"^[\s,]*{_DOSE}(?:{_AMOUNT}\s*)?(?:and/or|and|or|plus|with|\+|/|-|,)?\s*(?:\d[\d.]*\s*(?:mg|µg|mcg|g|ml|%)[^\s,]*\s*)?$",
    re.IGNORECASE,
)
# Ketamine given with another drug, that drug's route stated: "ketamine as an adjuvant to epidural steroids".
_ADJUVANT = regex_programs.compile(
    rf"\s*{_DOSE}(?:(?:or|and)\s+[\w-]+\s+)?(?:(?:was|were|is|are)\s+)?(?:(?:used|given|studied|added)\s+)?(?:(?:as|an?)\s+)*"
    r"(?:(?:adjuvants?|adjunct(?:ive)?s?|additives?|add-ons?)\s+(?:to|in|with|for|of)|added\s+to|mixed\s+(?:with|in|into)|"
    r"combined\s+with|in\s+combination\s+with|co-?administered\s+with)\s+(?:the\s+|an?\s+)?$",
    re.IGNORECASE,
)
# Between two routes of a list: "intravenous, oral", "via intravenous infusions (96.8%), iontophoresis (61.3%)".
_LIST_GAP = regex_programs.compile(
    r"\w*[\s,;/()]*(?:(?:infusions?|injections?|administration)\s*)?(?:\([\d.,% ]+\)\s*)?[\s,;/()]*"
    rf"(?:(?:{LIST_WORDS})\b[\s,;/()]*)?",
    re.I,
)
# A dose between a drug and a route word after it: "ketamine 0.5 mg/kg IM", "ketamine (50 mg) i.v. was given".
_DOSE_BETWEEN = regex_programs.compile(rf"[\s,(]*{_AMOUNT}[\s,)]*", re.IGNORECASE)
_RESCUE = regex_programs.compile(r"\brescue\b", re.IGNORECASE)
# A route said of every drug of a list before it: "ketamine, morphine and saline, each injected intravenously".
_EACH = regex_programs.compile(r"\b(?:each|all|both)\b(?:\s+[\w-]+){0,2}\s*$", re.IGNORECASE)
_RESCUE_REACH = 60  # characters either side of a route word where "rescue" makes it another drug's
# Between a route word and the dosage form it qualifies: a dose or a drug's name, no list.
_FORM_GAP = regex_programs.compile(r"[\s-]+(?:(?!(?:and|or)\b)[\w%./()-]+\s+){0,3}")
# A dosage form right after a comparator: "oral placebo tablets", "a sham patch".
_COMPARATORS = regex_programs.compile(r"\b(?:placebo|sham)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
# A route named as the comparator: "milder side effects than intravenous dosing".
_COMPARED = regex_programs.compile(
    r"\b(?:than|compared (?:with|to)|as opposed to|instead of|unlike|versus|vs\.?|avoid(?:s|ing)?)"
    r"\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# All the drugs named before: "the drugs were administered intravenously", "the study medication".
_THE_DRUGS = regex_programs.compile(
    r"\b(?:the|both|all|these) (?:study |trial |test )?(?:drugs|medications|solutions|agents)\b|"
    r"\bthe (?:study|trial|test) (?:drug|medication|solution)\b",
    re.IGNORECASE,
)
_ARMS = frozenset(("group", "groups", "arm", "arms"))
# The noun a route adjective describes, past adjectives coordinated with it: "epidural or paraspinal abscess".
_HEAD_WORD = regex_programs.compile(
    r"[\s)\]]*(?:\([^()]{0,12}\)\s*)?(?:(?:and/or|and|or),?\s+[A-Za-z][\w-]*,?\s+(?=[A-Za-z]))?([A-Za-z][\w-]*)"
)
_COORDINATOR = regex_programs.compile(r"\b(?:and|or|versus|vs|plus|with)\b|,")
_PARENTHETICAL, _GAP_WORD = regex_programs.compile(r"\([^()]*\)"), regex_programs.compile(r"[A-Za-z][A-Za-z-]{2,}")


@dataclass(slots=True)
class _Bound:
    """A route word that belongs to the intervention, and why."""

    hit: Hit
    reason: str
    direct: bool = True  # bound by its own words, not by a list it stands in
    drug: Hit | None = None  # the mention of the intervention it was bound to


def drug_routes(doc: Document, compiled: CompiledVocabulary, *, design: str) -> RouteEvidence:
    """The routes of the intervention in the record's own study, in vocabulary order, decisive evidence first."""
    if not doc.hits_of("drug"):
        return {}
    scope = RouteScope(doc, compiled, design)
    bound = _bound_routes(doc, compiled, scope)
    labelled, titled = _standing(
        doc, scope, [(not b.direct, not doc.firm(b.hit), b) for b in bound if b.hit.kind != UNLABELLED_ROUTE]
    )
    routes: dict[str, list[Evidence]] = {}
    # Decisive first: bound by its own words before listed with another, said firmly before in a conclusion.
    for _, _, b in sorted(labelled, key=_DECISIVE):
        evidence = routes.setdefault(b.hit.ident, [])
        if len(evidence) < _EVIDENCE_PER_ROUTE:
            evidence.append(doc.evidence(b.hit, b.reason))
    infusion_route = compiled.vocabulary.infusion_route
    if infusion_route and design != PRECLINICAL and infusion_route not in routes and not titled:
        infused = inferred_infusion(doc, compiled, infusion_route, scope, bound)
        if infused is not None:
            routes[infusion_route] = [infused]
    return {rid: tuple(routes[rid]) for rid in sorted(routes, key=compiled.route_rank.__getitem__)}


def _standing(
    doc: Document, scope: RouteScope, labelled: list[tuple[bool, bool, _Bound]]
) -> tuple[list[tuple[bool, bool, _Bound]], bool]:
    """The route words that stand, and whether a review's title chose them. A review's title says which routes
    it covers ("Intranasal ketamine in cancer pain": "typically given intravenously" is background); else the
    firm ones stand ("oral ketamine could be an alternative" in the conclusions of an IV trial does not)."""
    titled = {b.hit.ident for _, _, b in labelled if doc.role(b.hit) == _TITLE} if scope.synthesis else set()
    keep = titled or {b.hit.ident for _, loose, b in labelled if not loose}
    return ([item for item in labelled if item[2].hit.ident in keep] if keep else labelled), bool(titled)


def _bound_routes(doc: Document, compiled: CompiledVocabulary, scope: RouteScope) -> list[_Bound]:
    """Route words bound to the intervention, in text order."""
    # "intravenous ketamine was not used": a denied route is no route of the study
    route_hits = [h for kind in _ALL_ROUTE_KINDS for h in doc.hits_of(kind) if scope(h) and not h.context & _DENIED]
    if not route_hits:
        return []
    route_hits.sort(key=_START)
    others = doc.hits_of("other_drug")
    by_sentence: dict[int, list[Hit]] = {}
    for d in sorted([*doc.hits_of("drug"), *others], key=_START) if others else doc.hits_of("drug"):
        if not d.context & NOT_THE_STUDY:  # "unlike ketamine, methadone is given orally": named to compare
            by_sentence.setdefault(d.sentence, []).append(d)
    only_drug = not any(doc.own(h) for h in others)
    binder = _Binder(doc, compiled.vocabulary.intervention_label, by_sentence)
    bound: list[_Bound] = []
    unbound: list[Hit] = []
    for hit in route_hits:
        reason, drug = binder.bind(hit, by_sentence.get(hit.sentence, []), only_drug)
        if reason is None and drug is not None:
            continue  # another drug's: "topical ketamine gel versus oral amitriptyline" lists no route of ketamine's
        if reason is None or scope.before_the_study(hit, drug) or scope.only_possible(hit):
            unbound.append(hit)
        else:
            bound.append(_Bound(hit, reason, drug=drug))
    if bound and unbound:
        bound = _listed_with(doc, bound, unbound)
    if scope.synthesis and unbound:
        bound = _covered_by_the_review(doc, binder, scope, bound, unbound)
    return formulations_given_otherwise(doc, bound)


def _word_kind(hit: Hit) -> str:
    """A route word with no id reads as a route adjective: "rectal", "intra-articular"."""
    return "route" if hit.kind == UNLABELLED_ROUTE else hit.kind


def _covered_by_the_review(
    doc: Document, binder: _Binder, scope: RouteScope, bound: list[_Bound], unbound: list[Hit]
) -> list[_Bound]:
    """A review covers the routes it names: a route word out of the intervention's reach in a sentence naming
    no other drug ("oral bioavailability is low and yields more norketamine") is the intervention's too."""
    taken = {id(b.hit) for b in bound}
    out = list(bound)
    for hit in unbound:
        if id(hit) in taken or doc.role(hit) == _TITLE or scope.before_the_study(hit, None):
            continue
        drugs = binder.by_sentence.get(hit.sentence, [])
        kind = _word_kind(hit)
        if drugs and all(d.kind == "drug" for d in drugs) and binder.of_a_drug(hit, kind):
            reason = f'route "{doc.span(hit)}" named in {doc.where(hit)}, a review of {binder.label}'
            out.append(_Bound(hit, reason, direct=False))
    return sorted(out, key=lambda b: b.hit.start)


def _listed_with(doc: Document, bound: list[_Bound], unbound: list[Hit]) -> list[_Bound]:
    """Route words listed with a bound one ("intravenous, intramuscular or oral") are bound too."""
    text = doc.text
    everything = sorted([*(b.hit for b in bound), *unbound], key=_START)
    by_hit = {id(b.hit): b for b in bound}
    runs: list[list[Hit]] = []
    for hit in everything:
        last = runs[-1][-1] if runs else None
        joined = (
            last is not None
            and last.sentence == hit.sentence
            and (
                hit.start <= last.end
                # "sublingual tablets" is one route, no list: a list has a comma, a slash or a conjunction
                or (_LIST_GAP.fullmatch(text, last.end, hit.start) is not None and text[last.end : hit.start].strip())
            )
        )
        if joined:
            runs[-1].append(hit)
        else:
            runs.append([hit])
    out = list(bound)
    for run in runs:
        anchor = next((by_hit[id(h)] for h in run if id(h) in by_hit and by_hit[id(h)].direct), None)
        if anchor is None:
            continue
        for h in run:
            if id(h) not in by_hit:
                reason = f'route "{doc.span(h)}" listed with "{doc.span(anchor.hit)}": {anchor.reason}'
                out.append(_Bound(h, reason, direct=False))
    return sorted(out, key=lambda b: b.hit.start)


class _Binder:
    """Decides whether a route word belongs to the intervention, and says why."""

    def __init__(self, doc: Document, label: str, by_sentence: dict[int, list[Hit]]) -> None:
        self.doc = doc
        self.label = label
        self.by_sentence = by_sentence
        self._route_starts: set[int] | None = None
        self._route_by_end: dict[int, Hit] | None = None

    def bind(self, hit: Hit, drugs: list[Hit], only_drug: bool) -> tuple[str | None, Hit | None]:
        """Why this route word belongs to the studied drug (and the drug it binds to), or None.

        ``drugs``: the drug mentions of its sentence, the intervention's and others', in text order.
        """
        word = self.doc.span(hit)
        kind = _word_kind(hit)
        if kind == "route_form" and (
            _COMPARATORS.search(self.doc.text, max(0, hit.start - 30), hit.start) or self._form_of_another_route(hit)
        ):
            return None, None  # "oral placebo tablets": the comparator's; "sublingual tablets": that route's
        bracketed = self._in_brackets_after(hit, drugs)
        if bracketed is not None:  # "12 trials of ketamine (9 intravenous, 3 oral)": the drug the brackets follow
            return self._reason(hit, [bracketed], drugs, [], word)
        after, before = self._nearby(hit, kind, drugs)
        if before and self._right_after(before[-1], hit):  # "ketamine IV in CRPS, oral memantine in ...": ketamine's
            return self._reason(hit, before[-1:], drugs, before, word)
        if kind == "route_adverb" and before and self._each_before(hit):
            studied = next((d for d in reversed(before) if d.kind == "drug"), None)
            if studied is not None:
                return f'route "{word}" stated for each drug of a list with {self.label}', studied
        for side in _sides(hit, kind, after, before):
            if side:  # the nearest drug on the side a route word of this kind reaches first decides
                return self._reason(hit, side, drugs, before, word)
        if drugs or self.doc.role(hit) == _TITLE or not self.of_a_drug(hit, kind):
            return None, None
        if only_drug:
            return f'route "{word}" stated in {self.doc.where(hit)}; {self.label} {ONLY_DRUG}', None
        return self._drug_before(hit, word)

    def _right_after(self, drug: Hit, hit: Hit) -> bool:
        """The route word follows the drug's name with nothing but its dose between."""
        text = self.doc.text
        return not text[drug.end : hit.start].strip() or _DOSE_BETWEEN.fullmatch(text, drug.end, hit.start) is not None

    def _each_before(self, hit: Hit) -> bool:
        lo = max(0, hit.start - 30)
        near = self.doc.lower[lo : hit.start]
        return ("each" in near or "all" in near or "both" in near) and _EACH.search(near) is not None

    def _in_brackets_after(self, hit: Hit, drugs: list[Hit]) -> Hit | None:
        """The drug named right before the brackets that hold the route word, if the brackets are still open."""
        if not drugs:
            return None
        text = self.doc.text
        s = self.doc.sentences[hit.sentence]
        opened = text.rfind("(", max(s.start, hit.start - 60), hit.start)
        if opened < 0 or text.find(")", opened, hit.start) >= 0:
            return None
        return next((d for d in drugs if d.end <= opened and not text[d.end : opened].strip()), None)

    def _form_of_another_route(self, hit: Hit) -> bool:
        """A route word stands before the dosage form: "sublingual tablets", "buccal ketamine films" say that
        route, not the one the form implies alone (tablets: oral)."""
        text = self.doc.text
        return any(
            r.sentence == hit.sentence
            and r.end <= hit.start
            and r.ident != hit.ident
            and _FORM_GAP.fullmatch(text, r.end, hit.start) is not None
            for kind in ("route", "route_form", UNLABELLED_ROUTE)  # "orally disintegrating tablets" too
            for r in self.doc.hits_of(kind)
        )

    def of_a_drug(self, hit: Hit, kind: str) -> bool:
        """In a sentence naming no drug, the route word may speak of one: not "IV access", "than oral dosing"."""
        text = self.doc.text
        if kind == "route":
            m = _HEAD_WORD.match(text, hit.end)
            if m is not None and m.group(1).lower() not in ROUTE_NOUNS and m.group(1).lower() not in _ARMS:
                return False  # "intravenous cannulation", "oral intake", "epidural and paraspinal abscesses"
        s = self.doc.sentences[hit.sentence]
        if others_dose(text, max(s.start, hit.start - 60), hit.start) or gives_another(text, hit.end):
            return False  # "infliximab (5 mg/kg IV)", "an i.m. infusion of hypertonic saline": another drug's route
        if names_co_treatment(text, s.start, s.end):
            return False  # "postoperative analgesia consisted of an epidural infusion or PCA": every patient's
        # a rescue near the route word is another drug's ("IV morphine as rescue"), one further on is not
        return not _COMPARED.search(text, max(s.start, hit.start - 40), hit.start) and not _RESCUE.search(
            text, max(s.start, hit.start - _RESCUE_REACH), min(s.end, hit.end + _RESCUE_REACH)
        )

    def _nearby(self, hit: Hit, kind: str, drugs: list[Hit]) -> tuple[list[Hit], list[Hit]]:
        """Drugs within reach after the route word and before it, with no clause boundary between."""
        text = self.doc.text
        blocker = BOUNDARY if kind != "route" else ADJECTIVE_BOUNDARY
        after = [
            d
            for d in drugs
            if d.start >= hit.end
            and within(text, hit.end, d.start, FORWARD_WINDOW, FORWARD_WORDS)
            and not blocker.search(text, hit.end, d.start)
        ]
        # "pain induced by intramuscular (i.m.) infusion of hypertonic saline": the saline's, not the drug's before
        gave_another = not after and kind != "route_form" and gives_another(text, hit.end)
        s = self.doc.sentences[hit.sentence]
        if not gave_another and drugs and drugs[0].end <= hit.start:  # a drug before the word to give it to
            # in the dose brackets of a word that is not the drug: "reversed by methysergide (ID50 = 8 ug/kg s.c.)"
            dosed = others_dose(text, max(s.start, hit.start - 60), hit.start)
            gave_another = dosed is not None and dosed.lower() not in REGIMEN_NOUNS
        before = [
            d
            for d in drugs
            if not gave_another
            and d.end <= hit.start
            and within(text, d.end, hit.start, BACKWARD_WINDOW, BACKWARD_WORDS)
            and not blocked_back(text, d.end, hit.start, title=s.role == _TITLE)
        ]
        if kind != "route":
            return after, before
        return self._described(hit, after, before)

    def _described(self, hit: Hit, after: list[Hit], before: list[Hit]) -> tuple[list[Hit], list[Hit]]:
        """The drugs an adjective or noun of route may describe, of those within reach either side."""
        text = self.doc.text
        if (
            not after
            and before
            and _modifies_other_noun(text, hit.end)
            and not given_by(text, before[-1].end, hit.start)
            and not _DOSE_BETWEEN.fullmatch(text, before[-1].end, hit.start)  # "ketamine 0.5 mg/kg IM was given"
        ):
            before = []  # "oral NMDA antagonist": the adjective belongs to the noun after it
        if after and before and names_its_noun(text, hit.end, after[0].start):
            after = []  # "ketamine ... epidural injection and gabapentin": the injection was ketamine's
        if (
            after
            and after[0].kind == "drug"
            and after[0].start - hit.end > 2  # "intravenous ketamine": no word between for a route of its own
            and has_its_own(text, hit, after[0], self._routes_ending_at(after[0].start))
        ):
            return [], []  # "spinal anesthesia with intravenous ketamine": the anaesthesia's, no drug's
        if after and (
            names_another_noun(text, hit.end) or (after[0].kind == "drug" and self._other_noun_first(hit, after[0]))
        ):
            after = []  # "oral nefopam and intravenous ketamine", "oral intake improved in the ketamine group"
        return after, before

    def _reason(
        self, hit: Hit, side: list[Hit], drugs: list[Hit], before: list[Hit], word: str
    ) -> tuple[str | None, Hit | None]:
        first = side[0]
        if first.kind == "drug":
            return f'route "{word}" stated for {self.label}', first
        text = self.doc.text
        # Along a list of drugs: "intravenous lidocaine or ketamine", "morphine (0.3 mg/kg), lidocaine, ketamine".
        forward = first.start > hit.start
        chain = (
            [d for d in drugs if d.start > first.start] if forward else [d for d in drugs if d.end < first.start][::-1]
        )
        previous = first
        for other in chain:
            lo, hi = (previous.end, other.start) if forward else (other.end, previous.start)
            between = text[lo:hi]
            if "(" in between:  # "ketamine (60 micrograms/kg bolus, then ...), alfentanil and saline"
                between = BRACKETED.sub("", between)
            if not _COORDINATED.match(between):
                break
            if other.kind == "drug":
                return f'route "{word}" stated for {self.label} given with {self.doc.span(first)}', other
            previous = other
        # "Ketamine as an adjuvant to epidural steroids": theirs is ketamine's too, unless it has its own ("oral ...")
        if forward:
            for d in before[::-1]:
                if d.kind == "drug" and _ADJUVANT.match(text, d.end, hit.start) and not self._own_route(d):
                    return f'route "{word}" of {self.doc.span(first)}, which {self.label} was given with', d
        return None, first  # another drug's route: no reason, and the drug it belongs to

    def _routes_ending_at(self, start: int) -> list[Hit]:
        """The route words that end right before ``start``, one space or none between."""
        if self._route_by_end is None:
            self._route_by_end = {h.end: h for k in ROUTE_KINDS for h in self.doc.hits_of(k)}
        return [r for at in (start - 1, start, start + 1) if (r := self._route_by_end.get(at)) is not None]

    def _own_route(self, drug: Hit) -> bool:
        """A route word right beside the drug's name: "oral ketamine", "ketamine cream"."""
        doc = self.doc
        return any(
            -1 <= drug.start - h.end <= 1 or -1 <= h.start - drug.end <= 1
            for kind in ROUTE_KINDS
            for h in doc.hits_of(kind)
            if h.sentence == drug.sentence
        )

    def _drug_before(self, hit: Hit, word: str) -> tuple[str | None, Hit | None]:
        """In a sentence with no drug, the drug of the sentence before, if it names the intervention alone."""
        doc = self.doc
        s = doc.sentences[hit.sentence]
        if not s.firm:
            return None, None  # "intravesical therapy may do better than oral treatment" in the conclusions
        the_drugs = _THE_DRUGS.search(doc.text, s.start, s.end)
        reach = _LOOK_BACK + 1 if the_drugs else _LOOK_BACK
        for back in range(hit.sentence - 1, max(-1, hit.sentence - 1 - reach), -1):
            if doc.sentences[back].segment != s.segment:
                break
            drugs = self.by_sentence.get(back)
            if not drugs:
                continue
            ours = [d for d in drugs if d.kind == "drug"]
            if the_drugs:  # "the drugs were administered i.v.": all the study's drugs, ketamine among them
                if ours:
                    return f'route "{word}" for "{the_drugs.group(0)}", {self.label} among them', ours[-1]
                continue
            if not ours or len(ours) < len(drugs):
                return None, None
            return f'route "{word}" in the sentence after one about {self.label} (no other drug named)', ours[-1]
        return None, None

    def _other_noun_first(self, hit: Hit, drug: Hit) -> bool:
        """Before a coordinator, the route word meets a word that is neither a modifier nor a route."""
        gap = self.doc.text[hit.end : drug.start]
        m = _COORDINATOR.search(gap)
        if m is None:
            return False
        if self._route_starts is None:
            self._route_starts = {h.start for k in ROUTE_KINDS for h in self.doc.hits_of(k)}
        for w in _GAP_WORD.finditer(_PARENTHETICAL.sub(" ", gap[: m.start()])):
            lower = w.group(0).lower()
            if lower not in MODIFIERS and lower not in ROUTE_NOUNS and hit.end + w.start() not in self._route_starts:
                return True
        return False


def _sides(hit: Hit, kind: str, after: list[Hit], before: list[Hit]) -> Sequence[list[Hit]]:
    """The drugs to look at, nearest first, on the side a route word of this kind reaches first."""
    if kind == "route_form":  # a dosage form: the nearest drug either side
        return (sorted(after + before, key=lambda d: min(abs(d.start - hit.end), abs(hit.start - d.end))),)
    if kind == "route":  # an adjective or noun: the drug after it ("intravenous ketamine")
        return after, before[::-1]
    return before[::-1], after  # an adverb: the drug before it ("ketamine given intravenously")


def _modifies_other_noun(text: str, end: int) -> bool:
    m = _HEAD_WORD.match(text, end)
    return m is not None and m.group(1).lower() not in ROUTE_NOUNS
