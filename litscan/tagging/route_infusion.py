"""The route of an infusion no route was stated for: in people, the vocabulary's ``infusion_route``.

Without a stated route, an infusion of the drug in people is intravenous (TAXONOMY.md); a route
stated for the infusion (one with no id too: "rectal", "intraperitoneal") beats that rule, and so
does a route that is itself infused (``infused_routes``: "from subcutaneous to oral ketamine"). A
route no infusion runs by ("a ketamine infusion followed by oral ketamine") leaves it standing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from ..models import Evidence
from . import regex_programs
from .compiled import UNLABELLED_ROUTE, CompiledVocabulary
from .context import NOT_THE_STUDY
from .document import Document, Hit
from .route_scope import RouteScope
from .route_words import PER

INFERRED_INFUSION = "[routes.infusion]"  # ends the evidence of an infusion route inferred, none stated

# An infusion, or a dose run over hours ("40-60 mg over 24 hours", "0.1 mg/kg/h", "2 microg x kg(-1) x min(-1)");
# matched on lower-cased text. A patient-controlled analgesia pump runs by a route too: intravenous unless the record
# names another ("patient-controlled epidural analgesia", "subcutaneous PCA" state theirs).
_DOSE_UNIT = r"\b(?:mg|µg|μg|mcg|ug|micrograms?|microg)"
_RATE = rf"{_DOSE_UNIT}{PER.format('kg')}?{PER.format('h|hrs?|hours?|min|minutes?')}(?![a-z])"
_INFUSION = regex_programs.compile(
    r"\binfus|\bper hour\b|\bp(?:c|ci)a\b|\bpatient[- ]controlled (?:intravenous )?analgesia|" + _RATE
)
_RATE_ONLY = regex_programs.compile(_RATE)
_OVER_HOURS = regex_programs.compile(
    r"\bover (?:a period of |about |approximately )?\d[\d.]*(?:\s*(?:-|–|to)\s*\d[\d.]*)?\s*"
    r"(?:h|hrs?|hours?|min|mins|minutes?)\b"
)
# The drug's name, perhaps a noun of its regimen, then a bracket: "ketamine (", "ketamine protocol (".
_REGIMEN_BRACKET = regex_programs.compile(
    r"[\w-]* (?:(?:protocol|regimen|infusion|treatment|group|arm|dose|dosing) )?\("
)
# The drug joined to the other one the infusion names: "ketamine-lidocaine", "esketamine added to sufentanil PCIA"
_COMBINED = regex_programs.compile(r"\s*(?:-|/|\+|,|and|or|with|plus|in|into|(?:added|combined|mixed) (?:to|with))\s*")
_BOLUSES = regex_programs.compile(r"\bbolus|\binjections?\b|\bdoses\b")


def _over_hours(lower: str, start: int, end: int) -> re.Match[str] | None:
    """A dose run over hours, not doses spread over them ("four boluses of 5 mg over 24 hours")."""
    m = _OVER_HOURS.search(lower, start, end)
    return None if m is None or _BOLUSES.search(lower, start, m.start()) else m


# Each match of the two above holds one of these: a cheap test before them.
_INFUSION_GATE = regex_programs.compile(
    r"nfu|/h|/min|hour|over |pca|pcia|controlled (?:an|in)|h-1|n-1|h⁻¹|n⁻¹|h\(-1|n\(-1"
)
_INFUSION_NEAR_ROUTE = 50  # "subcutaneous infusion", "infused subcutaneously": the infusion's route is stated


class BoundRoute(Protocol):
    """A route word bound to the intervention (``routes``)."""

    hit: Hit
    direct: bool  # bound by its own words, not by a list it stands in
    drug: Hit | None  # the mention it was bound to


def inferred_infusion(
    doc: Document, compiled: CompiledVocabulary, route: str, scope: RouteScope, bound: Sequence[BoundRoute]
) -> Evidence | None:
    """The intervention given as an infusion, where no route was stated for it: the infusion route."""
    # A mention a stated route belongs to has its route; another mention in the same sentence may still
    # be an infusion of its own ("a ketamine infusion followed by oral ketamine"). A route word bound
    # to no particular mention (a list it stands in) speaks for its whole sentence.
    given = {id(b.drug) for b in bound if b.drug is not None}
    loose = {b.hit.sentence for b in bound if b.drug is None}
    others = {o.sentence for o in doc.hits_of("other_drug")}
    for d in doc.hits_of("drug"):
        if id(d) in given or d.sentence in loose or not scope(d) or d.context & NOT_THE_STUDY:
            continue
        m = _infusion_of(doc, d, d.sentence not in others)
        if m:
            if _route_stated(doc, compiled, route, bound):
                return None
            label = compiled.vocabulary.intervention_label
            route_label = compiled.vocabulary.routes[route].label.lower()
            words = doc.text[m.start() : m.end()]
            # "patient-controlled intravenous analgesia" states its route; a bare infusion or "PCA" does not
            stated = "" if route_label in words.lower() else "; no route stated"
            reason = f'{label} given as an infusion ("{words}"){stated} → {route_label} {INFERRED_INFUSION}'
            return doc.evidence(d, reason)
    return None


def _infusion_of(doc: Document, d: Hit, only_drug: bool) -> re.Match[str] | None:
    """An infusion or a dose rate in reach of the drug's mention, in its sentence (``only_drug``: naming no other)."""
    lower = doc.lower
    s = doc.sentences[d.sentence]
    lo, hi = max(s.start, d.start - 40), min(s.end, d.end + 60)
    bracket = _REGIMEN_BRACKET.match(lower, d.end, s.end)
    if bracket:  # its regimen in brackets: "ketamine (0.5 mg/kg, then an infusion ...)", "ketamine protocol (...)"
        closed = lower.find(")", bracket.end(), s.end)
        hi = max(hi, closed if closed > 0 else hi)
    if _INFUSION_GATE.search(lower, lo, hi) is not None:  # cheap first
        m = _own_infusion(doc, d, lo, hi) or _over_hours(lower, d.end, hi)
        if m:
            return m
    if only_drug and hi < s.end and _INFUSION_GATE.search(lower, hi, s.end) is not None:
        # the sentence's only drug: its dose rate further on is its own ("esketamine with a bolus of 0.1 mg/kg
        # after anesthesia induction, 0.1 mg/kg/h throughout the operation")
        return _RATE_ONLY.search(lower, hi, s.end)
    return None


def _own_infusion(doc: Document, drug: Hit, lo: int, hi: int) -> re.Match[str] | None:
    """An infusion in reach of the drug's name that is not another drug's alone: "ketamine, such as magnesium
    infusion" ran magnesium; "ketamine-lidocaine infusions" ran both."""
    for m in _INFUSION.finditer(doc.lower, lo, hi):
        if not any(
            0 <= m.start() - o.end <= 1 and not _COMBINED.fullmatch(doc.lower, drug.end, o.start)
            for o in doc.hits_of("other_drug")
            if lo <= o.end <= m.start()
        ):
            return m
    return None


def _route_stated(doc: Document, compiled: CompiledVocabulary, route: str, bound: Sequence[BoundRoute]) -> bool:
    """Another route was stated for the infusions: a route that is itself infused, said firmly anywhere
    ("subcutaneous infusion", "conversion from subcutaneous to oral ketamine"), or a route without an id
    near an infusion ("rectal infusion", "intraperitoneal infusion")."""
    lower = doc.lower
    infused = compiled.vocabulary.infused_routes
    for b in bound:
        if not b.direct or b.hit.ident == route:
            continue
        if b.hit.ident in infused and doc.firm(b.hit):
            return True
        if b.hit.kind != UNLABELLED_ROUTE:
            # a labelled route says so only as above: "an infusion, then oral ketamine" states none for it
            continue
        s = doc.sentences[b.hit.sentence]
        lo, hi = max(s.start, b.hit.start - _INFUSION_NEAR_ROUTE), min(s.end, b.hit.end + _INFUSION_NEAR_ROUTE)
        if _INFUSION.search(lower, lo, hi):
            return True
    return False
