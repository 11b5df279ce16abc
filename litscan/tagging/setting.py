"""The acute setting a study's patients are in (an operation) and the chronic pain it may leave.

Patients followed weeks or months after their operation have the chronic pain it leaves (the off-topic
setting's ``leaves``: chronic post-surgical pain); an operation that is only the cause of a pain ("pain
after burn injury") is no setting of the study. A pain's time is the first one after it, or one opening its
sentence: "pain at 24 h and memory at 6 months" is pain in the first day, "residual pain at 6 months" is
chronic post-surgical pain, the word "chronic" unsaid. Read by ``conditions`` and ``on_topic``.
"""

from __future__ import annotations

from typing import Final

from . import regex_programs
from .compiled import CompiledVocabulary
from .context import NOT_THE_STUDY
from .cues import HISTORY
from .document import Document, Hit, Role
from .population import count_of
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
_UNDERGOING = regex_programs.compile(
    r"\b(?:undergoing|undergo|underwent|scheduled for|having|awaiting|listed for|during|"
    # what the study treats after it: "analgesia after lumbar decompression", "opioid use following surgery",
    # "ketamine for pain after spinal fusion" (not "chronic pain after surgery", a condition)
    r"(?:analgesia|pain relief|pain control|opioid (?:use|consumption|requirements?)|infusions?|bolus(?:es)?|"
    r"(?:for|on|of|reduc\w*|reliev\w*|treat\w*) pain) (?:after|following))"
    r"\s+(?:[\w-]+\s+){0,3}$"
)
_SETTING_WORDS = ("intraoperative", "perioperative", "intra-operative", "peri-operative")
# The days after the study's operation, unless they are part of a condition's name ("persistent postoperative pain").
_AFTER_WORDS = ("postoperative", "post-operative")
# The hits that name a chronic pain: a condition row's (strong or weak), or chronic pain in other words.
NAMED_PAIN_KINDS: Final = ("cond", "cond_weak", "chronic")


def undergone(doc: Document, hit: Hit) -> bool:
    """The setting word is the study's own: an operation its patients undergo, or the perioperative period;
    in the title, the days after it too ("Ketamine decreases postoperative pain scores in patients taking
    opioids": the pain of their operation; in a review's sentence "relief of postoperative pain" is a use)."""
    lower = doc.lower
    if lower.startswith(_SETTING_WORDS, hit.start):
        return True
    if doc.role(hit) == _TITLE and lower.startswith(_AFTER_WORDS, hit.start) and not _in_a_condition(doc, hit):
        return True
    s = doc.sentences[hit.sentence]
    return _UNDERGOING.search(lower, max(s.start, hit.start - 50), hit.start) is not None


def _in_a_condition(doc: Document, hit: Hit) -> bool:
    """The setting word is inside a chronic condition's mention: "persistent postoperative pain"."""
    return any(h.start < hit.start < h.end for kind in NAMED_PAIN_KINDS for h in doc.hits_of(kind))


def late_sentences(doc: Document) -> set[int]:
    """The study's own sentences that report an outcome weeks or months later, not one denied or unknown."""
    return {h.sentence for h in doc.hits_of("late") if doc.own(h) and not h.context & NOT_THE_STUDY}


def pain_followed_late(doc: Document) -> bool:
    """A sentence with an outcome weeks or months later reports pain then: not only whom the patients are
    ("opioid dose at 3 months in patients with chronic pain"), nor pain at an earlier time ("pain scores over
    72 h and opioid dose at 3 months")."""
    late = late_sentences(doc)
    whom = [
        h for kind in NAMED_PAIN_KINDS for h in doc.hits_of(kind) if h.sentence in late and names_the_patients(doc, h)
    ]
    lower = doc.lower
    for i in late:
        s = doc.sentences[i]
        times = _measured_at(lower, s.start, s.end)
        for m in _PAIN_WORD.finditer(lower, s.start, s.end):
            if any(h.start <= m.start() < h.end for h in whom):
                continue
            if _pain_days(times, s.start, m.start(), _LONG_AFTER) >= _LEAST_LATE_DAYS:
                return True  # its time, or with none the sentence's late outcome ("after discharge")
    return False


# The people a mention says have the condition: "in opioid-tolerant patients with chronic back pain",
# "chronic pain patients", "a patient on high-dose opioids for chronic back pain".
_HAVING = regex_programs.compile(
    r"\b(?:(?:in|out)?patients?|adults?|people|persons?|women|woman|men|man|children|individuals|subjects|participants|veterans|"
    r"those) (?:(?:[\w-]+ ){0,2}(?:with|having|suffering from)|"
    r"(?:on|taking|using|receiving) (?:[\w-]+ ){0,3}(?:for|to treat)|"
    # the patients of a service for it: "patients attending a pain clinic", "referred from a headache centre"
    r"(?:attending|referred (?:to|from|by)|treated (?:at|in)|seen (?:at|in)|recruited from)) (?:[\w-]+ ){0,3}\Z"
)
_HAVERS = regex_programs.compile(r"[\w-]* ?(?:patients|sufferers)\b")
_PAIN_WORD = regex_programs.compile(r"\bpain|\banalges")


def names_the_patients(doc: Document, hit: Hit) -> bool:
    """The mention says whom the patients are ("patients with chronic back pain", "chronic pain patients")."""
    return bool(_HAVING.search(doc.lower, max(0, hit.start - 60), hit.start) or _HAVERS.match(doc.lower, hit.end))


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
# The count in digits or words ("ninety days", "twenty-four weeks"), read by ``population.count_of``.
_LATER_TIME = regex_programs.compile(
    r"\b(\d+|[a-z]+(?:-[a-z]+)?)[- ]"
    r"(months?|mo|years?|yrs?|weeks?|wk|days?|hours?|hrs?|h)\b|"
    r"\b(months?|weeks?|days?) (\d+)\b|"
    r"\b(long[- ]term (?:follow|outcome|result|effect|pain|relief)|months (?:after|later))"
)
_LEAST_DAYS: Final = 60  # chronic post-surgical pain is pain two or three months on, not in the first weeks
_LEAST_LATE_DAYS: Final = 14  # pain followed "weeks or months" after the setting, not in its first days
_LONG_AFTER: Final = 10_000  # "long-term", "months after": long enough for either
_UNIT_DAYS: Final = {"y": 365, "m": 30, "w": 7, "d": 1, "h": 0}
# How long pain had lasted before the study, not when it was measured: "for more than 6 months", "of 12 months'
# duration", "6 months before surgery".
_DURATION_BEFORE = regex_programs.compile(
    r"\b(?:(?:for|of|lasting|persisting)(?: (?:at least|more than|longer than|over))?|at least|more than|longer than"
    r"|>|≥) ?\Z"
)
_DURATION_AFTER = regex_programs.compile(
    r"['’]?[- ]?(?:duration|history|old|before|prior|preoperative|pre-operative)\b"
)
_PAIN = regex_programs.compile(r"\bpain")
_OPENING = 12  # "At 12 months, pain...": a time this near the sentence's start is said of all of it


def pain_months_later(doc: Document, late: set[int]) -> list[Hit]:
    """Pain measured two months or more on, in ``late`` sentences: "residual pain in the operated knee at 6
    months", "at 12 months, pain on most days..." (chronic post-surgical pain by its definition, the word
    "chronic" unsaid); not the pain of a condition's name."""
    lower = doc.lower
    found = []
    rows = [h for kind in NAMED_PAIN_KINDS for h in doc.hits_of(kind) if h.sentence in late]
    for i in sorted(late):
        s = doc.sentences[i]
        times = _measured_at(lower, s.start, s.end)
        for pain in _PAIN.finditer(lower, s.start, s.end) if times else ():
            if any(n.start <= pain.start() < n.end for n in rows):
                continue
            if _pain_days(times, s.start, pain.start(), None) >= _LEAST_DAYS:
                found.append(Hit("late_pain", "pain", pain.start(), pain.end(), i, None))
                break
    return found


# Between two times said of one measurement: the ends of a span ("from 12 h to 3 months") or items of a list
# ("2-week and 6-month follow-ups").
_SAME_MEASURE = regex_programs.compile(r"\s*(?:to|until|through|-|–)\s*|,?\s+(?:and|or)\s+|,\s*")


def _measured_at(lower: str, start: int, end: int) -> list[tuple[int, int]]:
    """(offset, days on) of each time in the text that says when something was measured, not how long the
    pain had lasted before ("for more than 6 months", "a 2-month history")."""
    times: list[tuple[int, int]] = []
    last_end = start
    for m in _LATER_TIME.finditer(lower, start, end):
        if m.group(5):
            times.append((m.start(), _LONG_AFTER))  # "long-term", "months after"
            continue
        number, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        if _DURATION_BEFORE.search(lower, max(0, m.start() - 14), m.start()) or _DURATION_AFTER.match(lower, m.end()):
            continue
        count = count_of(number)
        if count is None:  # "a few weeks", "two-month": the word before the unit is a count
            continue
        days = count * _UNIT_DAYS[unit[0]]
        if times and _SAME_MEASURE.fullmatch(lower, last_end, m.start()):
            # "from 12 h to 3 months": measured until its end; "two-week and 6-month follow-ups": at both, the
            # later counts
            times[-1] = (times[-1][0], max(times[-1][1], days))
        else:
            times.append((m.start(), days))
        last_end = m.end()
    return times


def _pain_days(times: list[tuple[int, int]], start: int, pain: int, unknown: int | None) -> int:
    """How long after the setting the pain at ``pain`` was measured: the first time after it ("pain at 24 h, ...
    and cognition at 6 months": hours), or a later one opening the sentence ("At 12 months, pain ..."); with
    neither, ``unknown`` (or no time: 0)."""
    after = next((days for at, days in times if at > pain), None)
    opening = times[0][1] if times and times[0][0] - start <= _OPENING else None
    known = [d for d in (after, opening) if d is not None]
    if known:
        return max(known)
    return unknown if unknown is not None else 0


# The intervention used as the setting: "ketamine anaesthesia", "ketamine-based sedation", "ketamine for sedation".
_USED_AS = regex_programs.compile(r"[\s-]*(?:(?:based|for|as|as an?)\s+)?")


def title_setting_undergone(doc: Document, compiled: CompiledVocabulary) -> Hit | None:
    """The first acute setting in the title that the study's patients undergo or the intervention is used as."""
    return next((h for h in doc.hits_of("off") if setting_undergone(doc, compiled, h)), None)


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
