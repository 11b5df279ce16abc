"""The acute setting a study's patients are in (an operation) and the chronic pain it may leave.

Patients followed weeks or months after their operation have the chronic pain it leaves (the off-topic
setting's ``leaves``: chronic post-surgical pain); an operation that is only the cause of a pain ("pain
after burn injury") is no setting of the study. Read by ``conditions`` and ``on_topic``.
"""

from __future__ import annotations

import re
from typing import Final

from .compiled import CompiledVocabulary
from .context import NOT_THE_STUDY
from .cues import HISTORY
from .document import Document, Hit, Role
from .vocabulary import OffTopic

_TITLE: Final = Role.TITLE


def setting_that_leaves(doc: Document, compiled: CompiledVocabulary) -> OffTopic | None:
    """The off-topic setting that may leave a chronic condition (surgery) the title names, or that the
    study's own patients are in ("adults undergoing cardiac surgery", "intraoperative ketamine"), if any."""
    titled = title_setting_that_leaves(doc, compiled)
    if titled is not None:
        return titled
    off = compiled.off_topic
    for h in doc.hits_of("off"):
        s = doc.sentences[h.sentence]
        if (
            off[h.ident].leaves
            and s.own
            and not s.cues & HISTORY
            and not h.context & NOT_THE_STUDY
            and undergone(doc, h)
        ):
            return off[h.ident]
    return None


def title_setting_that_leaves(doc: Document, compiled: CompiledVocabulary) -> OffTopic | None:
    """The first off-topic setting the title names that may leave a chronic condition (surgery), if any."""
    off = compiled.off_topic
    return next((off[h.ident] for h in doc.hits_of("off") if doc.role(h) == _TITLE and off[h.ident].leaves), None)


# The study's patients undergo the operation: "patients undergoing", "scheduled for", "women having".
_UNDERGOING = re.compile(
    r"\b(?:undergoing|undergo|underwent|scheduled for|having|awaiting|listed for|during)\s+(?:[\w-]+\s+){0,3}$"
)
_SETTING_WORDS = ("intraoperative", "perioperative", "intra-operative", "peri-operative")


def undergone(doc: Document, hit: Hit) -> bool:
    """The setting word is the study's own: an operation its patients undergo, or the perioperative period."""
    if doc.lower.startswith(_SETTING_WORDS, hit.start):
        return True
    s = doc.sentences[hit.sentence]
    return _UNDERGOING.search(doc.lower, max(s.start, hit.start - 50), hit.start) is not None


def late_sentences(doc: Document) -> set[int]:
    """The study's own sentences that report an outcome weeks or months later, not one denied or unknown."""
    return {h.sentence for h in doc.hits_of("late") if doc.own(h) and not h.context & NOT_THE_STUDY}


def chronic_in_other_words(doc: Document, late: set[int]) -> list[Hit]:
    """Chronic pain named without a condition's name ("persistent knee pain") in ``late`` sentences: not the
    chronic pain a condition's own name holds ("chronic low back pain" the patients had before)."""
    named_rows = [h for h in doc.hits_of("cond") if h.sentence in late]
    return [
        h
        for h in doc.hits_of("chronic")
        if h.sentence in late and not any(c.start < h.end and h.start < c.end for c in named_rows)
    ]


# The intervention used as the setting: "ketamine anaesthesia", "ketamine-based sedation", "ketamine for sedation".
_USED_AS = re.compile(r"[\s-]*(?:(?:based|for|as|as an?)\s+)?")


def setting_undergone(doc: Document, compiled: CompiledVocabulary, hit: Hit) -> bool:
    """A title's acute setting that the study's patients undergo, or that is the intervention's own use: not
    a cause of their pain ("facial neuropathic pain after dental surgery", "pain after burn injury")."""
    if doc.role(hit) != _TITLE or not compiled.off_topic[hit.ident].title_only:
        return False
    if undergone(doc, hit):
        return True
    return any(
        d.sentence == hit.sentence and d.end <= hit.start and _USED_AS.fullmatch(doc.lower, d.end, hit.start)
        for d in doc.hits_of("drug")
    )
