"""Which sentences may state how the studied drug was given, and which route words speak of the past.

A route counts where the record describes its own study (the cues' ``own``). A review has no study
of its own: what it covers is its content, so there every sentence counts that the cues do not put
in the background, the exclusions, earlier treatment or future work, and that does not cite earlier
work ("the previous report found..."). Two contexts take a sentence
out whatever the design: another indication ("esketamine nasal spray was approved for depression",
with no pain in the sentence), and a route the patients had before the study ("after previous
intravenous ketamine", an entry criterion). Outside a review, a route said of what could be done ("it
can be infused intravenously, but was given subcutaneously") is not the study's either.
"""

from __future__ import annotations

import re
from typing import Final

from . import regex_programs
from .compiled import CompiledVocabulary
from .context import clause
from .cues import BACKGROUND, INTRODUCES_STUDY, OUTSIDE_STUDY, sums_up_the_literature
from .document import Document, Hit, Role, Sentence

# Designs whose content is other people's studies: what they cover is what they say.
SYNTHESIS_DESIGNS: Final = frozenset(("review", "systematic_review", "guideline"))
# Kinds of hit that put a pain population in a sentence.
_PAIN_KINDS: Final = ("cond", "cond_weak", "cond_part", "chronic", "model")
_PAIN_WORDS: Final = ("pain", "analges", "algesi", "allodyni")
_TITLE: Final = Role.TITLE
_BACKGROUND_SECTION: Final = Role.BACKGROUND
# Treatment before the study, just before the route word or the drug: "prior IV ketamine", "had received".
_PRIOR = regex_programs.compile(
    r"\b(?:prior|previous(?:ly)?|earlier|former|(?<!in the )past|history of|had (?:previously |once |already )?"
    r"(?:received|responded(?: well)? to|been (?:treated|given)|tried|failed)|once responded to)"
    r"\s+(?:[\w().,/-]+\s+){0,4}$",
    re.IGNORECASE,
)
# Earlier work a review cites: "the previous report found that IV ketamine...", "Smith et al. gave...".
_EARLIER_WORK = regex_programs.compile(
    r"\b(?:previous|prior|earlier|former|last)\b(?: [\w-]+){0,2} (?:report|review|study|studies|trial|trials|"
    r"meta-analys[ie]s|guidelines?|version|edition)\b|\bet al\b",
    re.IGNORECASE,
)
# Each match of ``_EARLIER_WORK`` holds one of these, lower-cased: a cheap test before it (a pattern that
# opens with a word boundary is tried at every position of the sentence, case-insensitively: ~40K
# instructions a sentence).
_EARLIER_GATE = regex_programs.compile(r"previous|prior|earlier|former|last|et al")
_PAST = regex_programs.compile(r"prior|previous|earlier|former|past|history|had |once ")
# A possibility, not what was done: "it can repeatedly be infused intravenously, but was given subcutaneously".
_POSSIBLE = regex_programs.compile(
    r"\b(?:can|could|may|might|would|should)\s+(?:\w+\s+){0,2}?be\s+(?:\w+\s+){0,3}$", re.I
)
_PRIOR_REACH = 60  # characters before the route word (or its drug) where a word of the past may stand


class RouteScope:
    """Per sentence of a document: does it count for routes."""

    def __init__(self, doc: Document, compiled: CompiledVocabulary, design: str) -> None:
        self.doc = doc
        self.synthesis = design in SYNTHESIS_DESIGNS
        self._compiled = compiled
        self._elsewhere: set[int] | None = None  # sentences naming another indication, found when first needed
        self._counts: dict[int, bool] = {}  # by sentence, decided when first asked (most sentences never are)
        # sentences naming another use of the drug: there each route word counts only if its clause names pain
        self._by_clause: set[int] = set()

    def __call__(self, hit: Hit) -> bool:
        i = hit.sentence
        counts = self._counts.get(i)
        if counts is None:
            counts = self._counts[i] = self._decide(i, self.doc.sentences[i])
        return self._pain_in_clause(hit) if i in self._by_clause else counts

    def _decide(self, i: int, s: Sentence) -> bool:
        doc = self.doc
        if not s.own and not (
            self.synthesis
            and s.role != _BACKGROUND_SECTION
            and (not s.cues & (BACKGROUND | OUTSIDE_STUDY) or sums_up_the_literature(doc.sentences, i))
        ):
            return False
        if s.role == _TITLE:
            return True
        if self.synthesis and _cites_earlier_work(doc, s):
            return False  # a review's own-looking sentences too: "Smith et al. gave 20 patients..."
        if self._elsewhere is None:
            offs = doc.hits_of("off")
            others = self._compiled.other_indications if offs else frozenset()
            self._elsewhere = {h.sentence for h in offs if h.ident in others}
        if i in self._elsewhere and not s.cues & INTRODUCES_STUDY:
            # "...approved as a nasal spray for depression": another indication, unless pain is named too,
            # in the route word's own clause ("..., whereas arketamine relieved pain in rats")
            self._by_clause.add(i)
            return True
        return True

    def _pain_in_clause(self, hit: Hit) -> bool:
        doc = self.doc
        lo, hi = clause(doc, self._compiled.context_rules, hit)
        if any(lo <= h.start < hi for kind in _PAIN_KINDS for h in doc.hits_of(kind)):
            return True
        return any(w in doc.lower[lo:hi] for w in _PAIN_WORDS)

    def before_the_study(self, hit: Hit, drug: Hit | None) -> bool:
        """The route word, or the drug it was bound to, follows a word of earlier treatment."""
        s = self.doc.sentences[hit.sentence]
        text = self.doc.text
        places = (hit.start,) if drug is None or drug.start < s.start else (hit.start, drug.start)
        lo = max(s.start, min(places) - _PRIOR_REACH)
        if _PAST.search(self.doc.lower, lo, max(places)) is None:  # cheap first: no word of the past near
            return False
        return any(_PRIOR.search(text, max(s.start, at - _PRIOR_REACH), at) for at in places)

    def only_possible(self, hit: Hit) -> bool:
        """Outside a review, a route said of what could be done ("can be infused intravenously") is not the study's."""
        if self.synthesis:
            return False  # "ketamine can be given orally, intravenously...": what a review covers
        s = self.doc.sentences[hit.sentence]
        lo = max(s.start, hit.start - _PRIOR_REACH)
        return (
            self.doc.lower.find("be ", lo, hit.start) >= 0
            and _POSSIBLE.search(self.doc.text, lo, hit.start) is not None
        )


def _cites_earlier_work(doc: Document, s: Sentence) -> bool:
    return (
        _EARLIER_GATE.search(doc.lower, s.start, s.end) is not None
        and _EARLIER_WORK.search(doc.text, s.start, s.end) is not None
    )
