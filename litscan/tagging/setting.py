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


# A time months after the setting: "at 6 months", "a 12-month follow-up", "at months 3 and 6", "one year later",
# "week 12", "day 90", "long-term". The number before its unit decides ("at 1, 3 and 6 months": six).
_LATER_TIME = re.compile(
    r"\b(\d+|one|two|three|four|five|six|eight|nine|ten|twelve|eighteen|twenty-four)[- ]"
    r"(months?|mo|years?|yrs?|weeks?|wk|days?|hours?|hrs?|h)\b|"
    r"\b(months?|weeks?|days?) (\d+)\b|\b(long[- ]term|months (?:after|later))\b"
)
_NUMBERS: Final = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "eight": 8, "nine": 9, "ten": 10}
_NUMBERS.update({"twelve": 12, "eighteen": 18, "twenty-four": 24})
_LEAST_DAYS: Final = 60  # chronic post-surgical pain is pain two or three months on, not in the first weeks
_UNIT_DAYS: Final = {"y": 365, "m": 30, "w": 7, "d": 1, "h": 0}
# How long pain had lasted before the study, not when it was measured: "for more than 6 months", "of 12 months'
# duration", "6 months before surgery".
_DURATION_BEFORE = re.compile(r"\b(?:for|of|lasting|persisting|at least|more than|longer than|over|>|≥) ?\Z")
_DURATION_AFTER = re.compile(r"['’]?[- ]?(?:duration|history|old|before|prior|preoperative|pre-operative)\b")
_PAIN = re.compile(r"\bpain")
_OPENING = 12  # "At 12 months, pain...": a time this near the sentence's start is said of all of it


def pain_months_later(doc: Document, late: set[int]) -> list[Hit]:
    """Pain measured two months or more on, in ``late`` sentences: "residual pain in the operated knee at 6
    months", "at 12 months, pain on most days..." (chronic post-surgical pain by its definition, the word
    "chronic" unsaid). The pain's time is the first one after it ("pain at 24 h, ... and cognition at 6 months":
    hours), or one that opens the sentence."""
    lower = doc.lower
    found = []
    for i in sorted(late):
        s = doc.sentences[i]
        times = list(_LATER_TIME.finditer(lower, s.start, s.end))
        if not times:
            continue
        opening = times[0] if times[0].start() - s.start <= _OPENING else None
        for pain in _PAIN.finditer(lower, s.start, s.end):
            after = next((m for m in times if m.start() > pain.start()), None)
            if (after is not None and _months_on(lower, after)) or (opening is not None and _months_on(lower, opening)):
                found.append(Hit("late_pain", "pain", pain.start(), pain.end(), i, None))
                break
    return found


def _months_on(lower: str, m: re.Match[str]) -> bool:
    if m.group(5):
        return True  # "long-term", "months after"
    number, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    if _DURATION_BEFORE.search(lower, max(0, m.start() - 14), m.start()) or _DURATION_AFTER.match(lower, m.end()):
        return False
    count = int(number) if number.isdigit() else _NUMBERS[number]
    return count * _UNIT_DAYS[unit[0]] >= _LEAST_DAYS


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
