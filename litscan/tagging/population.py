"""The design from the study's population, where no word of the record states one.

An abstract that names no design still shows what it is by whom it describes. Three or fewer
patients described one by one ("a 58-year-old woman", "three patients will be described") make a
case report; a counted group of treated patients, or data the authors examined, an observational
study (a preclinical one where their work is on animals or cells); no population and no work of the
authors' own, a review. Counts are read whole ("one hundred and four") and never from the literature
("six cases have been reported"). Groups are counted only in the
sentences that describe the record's own study, so "20 million people live with chronic pain" in
the background counts nothing; one patient may also be the opening of an abstract that no cue has
marked yet, unless the cues put that sentence in the background.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, NamedTuple

from ..models import Evidence
from . import regex_programs
from .animal_models import PRECLINICAL
from .cues import BACKGROUND, EXCLUSION, FUTURE, HISTORY, OUTSIDE_STUDY
from .document import Document, Role
from .vocabulary import Design

_CASE_REPORT: Final = "case_report"
_OBSERVATIONAL: Final = "observational"
_REVIEW: Final = "review"
_NONRANDOMIZED: Final = "nonrandomized_trial"
_VOLUNTEERS = regex_programs.compile(r"\bvolunteers?\b", re.IGNORECASE)
# Healthy people, whom only a study's protocol gives a drug: "ten healthy human volunteers", "12 healthy young men".
_HEALTHY = regex_programs.compile(
    r"\bhealthy (?:[\w-]+ ){0,2}(?:volunteers?|humans?|subjects|participants|adults|men|women|males|females|"
    r"individuals|people|persons)\b",
    re.IGNORECASE,
)
_PATIENTS = regex_programs.compile(r"\bpatients\b", re.IGNORECASE)
# A counted group of the drug's own users: they took it, no study gave it ("18 frequent ketamine users").
_SELF_USERS = regex_programs.compile(r"\b(?:users|abusers|misusers)\b", re.IGNORECASE)
_MOST_CASES: Final = 3  # at most this many patients described one by one are a case report
_TITLE: Final = Role.TITLE
_BACKGROUND_SECTION: Final = Role.BACKGROUND
_METHODS: Final = Role.METHODS
_RESULTS: Final = Role.RESULTS

_UNITS: Final = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
_TEENS: Final = ("thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS: Final = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_NUMBER_WORDS: Final = {
    **{w: i for i, w in enumerate(_UNITS, 1)},
    **{w: i for i, w in enumerate(_TEENS, 13)},
    **{w: 10 * i for i, w in enumerate(_TENS, 2)},
    "hundred": 100,
}
# People who treat, not patients: counted as a study's population (a survey's), but a few of them are a
# record's authors or experts, never its cases.
_CARERS = r"physicians|clinicians|nurses|practitioners|anesthesiologists|anaesthetists|pharmacists"
_PEOPLE = (
    r"(?:patients|participants|subjects|cases|children|adolescents|adults|women|men|people|persons|individuals|"
    r"veterans|infants|neonates|outpatients|inpatients|users|controls|respondents|volunteers|survivors|amputees|sufferers|"
    rf"males|females|boys|girls|teenagers|residents|athletes|soldiers|parturients|{_CARERS})"
)
_PROFESSIONALS = regex_programs.compile(rf"\b(?:{_CARERS}|experts|authors|specialists|investigators)\b", re.IGNORECASE)
# A group treated or studied as one, with no count: "Patients underwent a 4-day infusion".
_GROUP = regex_programs.compile(
    r"\b(?:patients|participants|subjects)\s+(?:\w+\s+){0,4}?(?:underwent|received|were|had|completed|took)\b",
    re.IGNORECASE,
)
_NUMBER_WORD = "(?:" + "|".join(_NUMBER_WORDS) + "|thousand)"
# A count in digits or words, whole: "one hundred and four individuals" is not "four individuals".
_COUNTED = regex_programs.compile(
    rf"\b(\d{{1,3}}(?:,\d{{3}})+|\d{{1,5}}|{_NUMBER_WORD}(?:(?:[- ]|\s+and\s+){_NUMBER_WORD})*)\s+"
    rf"(?:[\w,()-]+\s+){{0,4}}?{_PEOPLE}\b",
    re.IGNORECASE,
)
_ONE_PERSON = regex_programs.compile(
    r"\b(?:a|an|one|this|our|the) (?:\d{1,3}[- ]year[- ]old )?(?:[\w-]+ ){0,2}?"
    r"(?:patient|man|woman|boy|girl|child|gentleman|lady|female|male|veteran|neonate|"
    r"teenager|athlete|soldier|amputee|person)\b(?!['’]?s? (?:group|population|cohort))"
    # "the Patient Health Questionnaire", "the patient-reported outcome": a noun's modifier, no person
    r"(?![- ](?:health|reported|related|cent(?:red|ered)|controlled|global|satisfaction|education|safety|"
    r"outcomes?|level|data|information|records?|files?|population|groups?|cohorts?|samples?|selection|experience)\b)"
    r"|\b(?-i:(?:Mr|Mrs|Ms)\.? [A-Z])",
    re.IGNORECASE,
)
# "A patient at risk should...", "management includes placing the patient...": any patient, not one described.
_GENERIC = regex_programs.compile(r"\b(?:should|must|can|could|may|might|would|includes?|requires?)\b", re.IGNORECASE)
# Animals or cells in the record's own sentences: work of the authors' own on them is a preclinical study.
_LAB = regex_programs.compile(
    r"\b(?:cells|cell lines?|in vitro|cultured|rats?|mice|mouse|murine|rodents?|embryos?)\b", re.I
)
_LITERATURE = regex_programs.compile(
    r"\b(?:have|has) been (?:\w+ly )?(?:reported|described|published)|\bin the (?:english |medical )?literature\b|"
    r"\bother (?:reported )?cases\b",
    re.IGNORECASE,
)
_AGED_PERSON = regex_programs.compile(r"\b\d{1,3}[- ](?:year|month|week)s?[- ]old\b", re.IGNORECASE)
_OWN_WORK = regex_programs.compile(
    # data drawn from a source, not the literature's articles: "Cases were extracted from the national database"
    r"\b(?:cases|patients|records|deaths|data) (?:were|was) "
    r"(?:extracted|identified|retrieved|obtained|collected|drawn) (?:\S+ ){0,4}?from\b|"
    r"\b(?:we|(?:this|the present|our) (?:study|work|analysis)) (?:\w+ly )?(?:examined|analy[sz]ed|reviewed|"
    r"collected|measured|studied|enrolled|recruited|included|followed|treated|used|gave|administered|assessed|"
    r"evaluated|compared|investigated|identified|obtained|retrieved|surveyed|interviewed|show|showed|shows|found|"
    r"observed|profiled|tested|determined|characteri[sz]ed|examines|investigates|demonstrated?|demonstrates|"
    # "This study provides more comprehensive data on ... consumption": its own data, not a review's
    r"provides|provided|presents|reports)\b|"
    r"\b(?:aim|purpose|objective|goal)s? of (?:this|the present|our) (?:study|work|experiment)",
    re.IGNORECASE,
)


@dataclass
class _Seen:
    """What the record's sentences show of its population, each with the sentence and the words."""

    largest: tuple[int, int, str] | None = None  # the largest counted group: (count, sentence, words)
    one_person: tuple[int, str] | None = None
    own_work: tuple[int, str] | None = None
    group: tuple[int, str] | None = None  # patients spoken of as a group, uncounted
    lab: bool = False  # animals or cells in the title or the record's own sentences

    def read(self, text: str, i: int, start: int, end: int) -> None:
        """An own-study sentence: groups, one patient, the authors' own work."""
        literature = _LITERATURE.search(text, start, end) is not None  # "12 other cases have been reported"
        for m in () if literature else _COUNTED.finditer(text, start, end):
            number = m.group(1).lower()
            n = _count(number)
            if n <= _MOST_CASES and _PROFESSIONALS.search(m.group(0)):
                continue  # "three clinicians independently answer this question": authors, not cases
            if self.largest is None or n > self.largest[0]:
                self.largest = (n, i, m.group(0))
        self.find_one_person(text, i, start, end)
        work = _OWN_WORK.search(text, start, end) if self.own_work is None else None
        if work:
            self.own_work = (i, work.group(0))
        group = _GROUP.search(text, start, end) if self.group is None else None
        if group:
            self.group = (i, group.group(0))

    def find_one_person(self, text: str, i: int, start: int, end: int) -> None:
        m = _ONE_PERSON.search(text, start, end) if self.one_person is None else None
        if m and not _GENERIC.search(text, start, end):
            self.one_person = (i, m.group(0))


def counts_people(text: str, start: int, end: int) -> bool:
    """The text from ``start`` to ``end`` counts people: "twenty-four participants", "12 patients"."""
    return _COUNTED.search(text, start, end) is not None


def is_count_word(word: str) -> bool:
    """``word`` is a count in digits or words: "30", "1,200", "seven", "twenty-three"."""
    if word.replace(",", "").isdigit():
        return True
    parts = [part for part in re.split(r"[- ]+", word) if part]
    return bool(parts) and parts[0] in _NUMBER_WORDS and all(p in _NUMBER_WORDS or p == "thousand" for p in parts)


def count_of(word: str) -> int | None:
    """The value of a count in digits or words ("12", "twenty-four"), or None for another word."""
    return _count(word) if is_count_word(word) else None


def _count(number: str) -> int:
    """The value of a count in digits ("1,200") or words ("one hundred and four", "twenty-two")."""
    digits = number.replace(",", "")
    if digits.isdigit():
        return int(digits)
    total = current = 0
    for word in re.split(r"[- ]+", number.lower()):
        if word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total, current = total + max(current, 1) * 1000, 0
        elif word != "and":
            current += _NUMBER_WORDS[word]
    return total + current


class PopulationDesign(NamedTuple):
    """A design read off whom the record describes, and whether a counted group and its outcomes decided it."""

    design: str
    evidence: list[Evidence]
    group: bool


def design_from_population(doc: Document, designs: dict[str, Design]) -> PopulationDesign | None:
    """Case report, observational study or review, from whom the record's own sentences describe."""
    if not any(s.role != _TITLE for s in doc.sentences):
        return None  # a title alone shows no population
    seen = _Seen()
    for i, s in enumerate(doc.sentences):
        if s.role == _TITLE:
            continue
        if s.own or (s.cues & HISTORY and not s.cues & (BACKGROUND | EXCLUSION | FUTURE)):
            # "Three patients, all of whom had failed gabapentin, received ketamine": the earlier treatment
            # qualifies the study's own patients, who are counted all the same
            seen.read(doc.text, i, s.start, s.end)
        elif not s.cues & (BACKGROUND | OUTSIDE_STUDY) and (
            s.role != _BACKGROUND_SECTION or _AGED_PERSON.search(doc.text, s.start, s.end)
        ):
            # "A 43-year-old woman presented with..." opens a case report before any cue introduces the study,
            # even in a section labelled "Background": the literature has no age
            seen.find_one_person(doc.text, i, s.start, s.end)
    seen.lab = any(h.ident == PRECLINICAL for h in doc.hits_of("design")) or any(
        _LAB.search(doc.text, s.start, s.end) for s in doc.sentences if s.own or s.role == _TITLE
    )
    design, sentence, reason, group = _decide(seen, doc)
    if design not in designs:
        return None
    label = designs[design].label.lower()
    if sentence < 0:
        return PopulationDesign(design, [record_evidence(doc, f"{reason} → {label}")], group)
    return PopulationDesign(design, [doc.sentence_evidence(sentence, f"no design stated; {reason} → {label}")], group)


def record_evidence(doc: Document, reason: str) -> Evidence:
    """A decision about the whole record: its title, else its first sentence, never empty text."""
    for i, s in enumerate(doc.sentences):
        if doc.text[s.start : s.end].strip():
            return doc.sentence_evidence(i, reason)
    return Evidence("title", "(no title or abstract)", reason)


def _decide(seen: _Seen, doc: Document) -> tuple[str, int, str, bool]:
    """The design, the sentence that shows it (-1: none), why, and whether a counted group decided it."""
    largest, one_person, own_work, group = seen.largest, seen.one_person, seen.own_work, seen.group
    if (
        largest is not None
        and _VOLUNTEERS.search(largest[2])
        and any(h.sentence == largest[1] for h in doc.hits_of("drug"))
    ):
        # volunteers given the drug (not an observational study's controls) get it only by a study's protocol:
        # an experiment, however few (TAXONOMY)
        return _NONRANDOMIZED, largest[1], f"{largest[2]!r} given it by the study", True
    if largest is not None and largest[0] > _MOST_CASES and _SELF_USERS.search(largest[2]):
        # people who took the drug themselves ("19 infrequent ketamine users") are observed, whatever the aims
        # say the drug does in healthy volunteers
        return _OBSERVATIONAL, largest[1], f"a group of {largest[0]} ({largest[2]!r}) who took it themselves", True
    healthy = _healthy_given(doc)
    if healthy is not None:  # healthy people only, with the drug: given it by the study's protocol (TAXONOMY)
        return _NONRANDOMIZED, healthy[0], f"{healthy[1]!r} given it by the study", True
    if largest is not None and largest[0] <= _MOST_CASES:
        return _CASE_REPORT, largest[1], f"{largest[2]!r} described one by one", False
    if largest is not None:
        return _OBSERVATIONAL, largest[1], f"a group of {largest[0]} ({largest[2]!r}) and its outcomes", True
    if group is not None:  # "the patient's thresholds" in a study of "patients [who] underwent..."
        return _OBSERVATIONAL, group[0], f'a group of patients ("{group[1]}") and its outcomes', True
    if one_person is not None:
        return _CASE_REPORT, one_person[0], f'one patient described ("{one_person[1]}")', False
    if own_work is not None and seen.lab:  # "we show that X kills cells" with cells or animals named
        return (
            PRECLINICAL,
            own_work[0],
            f'the authors\' own experiments ("{own_work[1]}") with animals or cells named',
            False,
        )
    if own_work is not None:
        return _OBSERVATIONAL, own_work[0], f'the authors\' own data ("{own_work[1]}")', False
    results = _own_results(doc)
    if results is not None:  # "Material and methods: ... Results: The patients in the ketamine group had ..."
        design = PRECLINICAL if seen.lab else _OBSERVATIONAL
        return design, results, "methods and results sections of the study's own", False
    return _REVIEW, -1, "no study population and no work of the authors' own described", False


def _healthy_given(doc: Document) -> tuple[int, str] | None:
    """The first own sentence naming healthy people, where the study's own sentences name the drug and no
    patients: "Ten healthy human volunteers were recruited ... S-ketamine 0.5 mg/kg was infused" (not a
    study of patients with healthy controls)."""
    if not any(doc.sentences[h.sentence].own for h in doc.hits_of("drug")):
        return None
    own = [i for i, s in enumerate(doc.sentences) if s.own and s.role != _TITLE]
    text = doc.text
    if any(_PATIENTS.search(text, doc.sentences[i].start, doc.sentences[i].end) for i in own):
        return None
    for i in own:
        m = _HEALTHY.search(text, doc.sentences[i].start, doc.sentences[i].end)
        if m:
            return i, m.group(0)
    return None


def _own_results(doc: Document) -> int | None:
    """The first sentence of a results section, where the abstract also has a methods section of its own: a
    study's data, whoever it names (a review that says it is one is decided before any population is read)."""
    if not any(s.role == _METHODS and s.own for s in doc.sentences):
        return None
    return next((i for i, s in enumerate(doc.sentences) if s.role == _RESULTS and s.own), None)
