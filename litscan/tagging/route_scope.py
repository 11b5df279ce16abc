"""Which sentences may state how the studied drug was given, and which route words speak of the past.

A route counts where the record describes its own study (the cues' ``own``). A review has no study
of its own: what it covers is its content, so there every sentence counts that the cues do not put
in the background, the exclusions, earlier treatment or future work, and that does not cite earlier
work ("the previous report found..."). Two contexts take a sentence
out whatever the design: another indication ("esketamine nasal spray was approved for depression",
with no pain in the sentence), and a route the patients had before the study ("after previous
intravenous ketamine", an entry criterion).
"""

from __future__ import annotations

import re
from typing import Final

from .compiled import CompiledVocabulary
from .cues import BACKGROUND, INTRODUCES_STUDY, OUTSIDE_STUDY
from .document import Document, Hit, Role, Sentence

# Designs whose content is other people's studies: what they cover is what they say.
SYNTHESIS_DESIGNS: Final = frozenset(("review", "systematic_review", "guideline"))
# Kinds of hit that put a pain population in a sentence.
_PAIN_KINDS: Final = ("cond", "cond_weak", "cond_part", "chronic", "model")
_PAIN_WORDS: Final = ("pain", "analges", "algesi", "allodyni")
_TITLE: Final = Role.TITLE
_BACKGROUND_SECTION: Final = Role.BACKGROUND
# Treatment before the study, just before the route word or the drug: "prior IV ketamine", "had received".
_PRIOR = re.compile(
    r"\b(?:prior|previous(?:ly)?|earlier|former|past|history of|had (?:previously |once |already )?"
    r"(?:received|responded(?: well)? to|been (?:treated|given)|tried|failed)|once responded to)"
    r"\s+(?:[\w().,/-]+\s+){0,4}$",
    re.IGNORECASE,
)
# Earlier work a review cites: "the previous report found that IV ketamine...", "Smith et al. gave...".
_EARLIER_WORK = re.compile(
    r"\b(?:previous|prior|earlier|former|last)\b(?: [\w-]+){0,2} (?:report|review|study|studies|trial|trials|"
    r"meta-analys[ie]s|guidelines?|version|edition)\b|\bet al\b",
    re.IGNORECASE,
)
_PRIOR_REACH = 60  # characters before the route word (or its drug) where a word of the past may stand


class RouteScope:
    """Per sentence of a document: does it count for routes."""

    def __init__(self, doc: Document, compiled: CompiledVocabulary, design: str) -> None:
        self.doc = doc
        self.synthesis = design in SYNTHESIS_DESIGNS
        other_indications = {o.id for o in compiled.vocabulary.off_topic if not o.title_only}
        elsewhere = _sentences_of(doc, [h for h in doc.hits_of("off") if h.ident in other_indications])
        pain = _sentences_of(doc, [h for kind in _PAIN_KINDS for h in doc.hits_of(kind)])
        self.counts = [self._counts(i, s, elsewhere, pain) for i, s in enumerate(doc.sentences)]

    def _counts(self, i: int, s: Sentence, elsewhere: set[int], pain: set[int]) -> bool:
        doc = self.doc
        if not s.own and not (
            self.synthesis and s.role != _BACKGROUND_SECTION and not s.cues & (BACKGROUND | OUTSIDE_STUDY)
        ):
            return False
        if s.role == _TITLE:
            return True
        if self.synthesis and _EARLIER_WORK.search(doc.text, s.start, s.end):
            return False  # a review's own-looking sentences too: "Smith et al. gave 20 patients..."
        if i in elsewhere and not s.cues & INTRODUCES_STUDY:
            # "...approved as a nasal spray for depression": another indication, unless pain is named too
            return i in pain or any(w in doc.lower[s.start : s.end] for w in _PAIN_WORDS)
        return True

    def __call__(self, hit: Hit) -> bool:
        return self.counts[hit.sentence]

    def before_the_study(self, hit: Hit, drug: Hit | None) -> bool:
        """The route word, or the drug it was bound to, follows a word of earlier treatment."""
        s = self.doc.sentences[hit.sentence]
        text = self.doc.text
        for at in (hit.start, drug.start if drug is not None else -1):
            if at >= s.start and _PRIOR.search(text, max(s.start, at - _PRIOR_REACH), at):
                return True
        return False


def _sentences_of(doc: Document, hits: list[Hit]) -> set[int]:
    return {h.sentence for h in hits}
