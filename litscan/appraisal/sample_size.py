"""How many took part: participants of a study, or included studies and their participants for a review.

Read from the title and abstract the way Trialstreamer's extractor reads them: every number (written
as digits or as words, "One hundred fifty-four") is a candidate, scored by what surrounds it: a
participant noun after it ("40 patients", "36 healthy volunteers") or "n = 40"; an enrolment word
("were randomised", "a total of", "we included"); the passage it sits in (never the background).
Numbers that count doses, ages, percentages, years, durations or p-values have no participant noun
and are never taken; counts of outcomes ("seven patients reported"), drop-outs, screening pools and
single arms weigh less, and the whole a part is counted against ("57 out of the 209 patients") more.
Where only arms are counted ("52 patients in the ketamine group and 50 in the
placebo group") their sum is the sample. For a systematic review the included studies are counted
and the participants named with them. A case report with no count describes one patient.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import alpha2digit

from ..models import Record
from .sentences import Sentence, sentences_of

# Person words that are also adjectives ("male rats", "adult patients", "control subjects").
_ADJECTIVE_PEOPLE = r"males?|females?|adults?|controls?|cases?|veterans?"
_PEOPLE = (
    r"patients?|participants?|subjects?|volunteers?|individuals?|persons?|people|adults?|children|"
    r"adolescents?|infants?|neonates?|women|men|males?|females?|girls?|boys?|veterans?|cases?|"
    r"parturients?|users?|respondents?|clinicians?|physicians?|nurses?|inpatients?|outpatients?|"
    r"survivors?|recipients?|abusers?|smokers?|athletes?|soldiers?|residents?|students?|workers?|"
    r"mothers?|pregnancies|controls?|responders?|completers?|consumers?|veterinarians?|pharmacists?"
)
_ANIMALS = (
    r"rats?|mice|mouse|rabbits?|dogs?|pigs?|piglets?|sheep|ewes?|monkeys?|primates?|animals?|cats?|rodents?|horses?"
)
_STUDIES = (
    r"(?:randomi[sz]ed |controlled |clinical |prospective |observational |cohort |primary |original |eligible |"
    r"relevant |individual |independent )*(?:stud(?:y|ies)|trials?|rcts?|articles?|papers?|publications?|reports?|"
    r"reviews?|srs?|meta-analyses|datasets?)"
)
# A number: not part of a decimal, a ratio, a range or a word ("2nd", "5-HT"). It opens with its first
# digit and looks behind from there, so the engine skips to the next digit instead of trying every place.
_NUMBER = re.compile(r"(\d(?<![\d.,/\w-]\d)(?:\d{0,2}(?:,\d{3})+|\d*))(?![\d,]\d|\.\d|[\w%])")
_LINKS = r"(?:and|or|including|includes|with|without|of|in|who|were|was|from|at|on|to|for|aged|versus|vs)"
_GAP = r"(?:[(\[]?[A-Za-z0-9][\w'-]*[)\],]?\s+){0,4}?"
_NOUN_AFTER = re.compile(
    rf"(?:/\d+)?[)\]]?\s+(?:\([^()]{{0,40}}\)\s+)?{_GAP}"
    # "male rats", "adult patients": a person word that is only an adjective gives way to the noun after it.
    # Between a noun and the next person word may stand adjectives, never a number, a conjunction or a
    # preposition: "patients including 76 men", "men and women", "patients with adolescent scoliosis"
    # count the first; "male and female rats" counts rats.
    rf"(?:(?P<people>(?:{_ADJECTIVE_PEOPLE})\b(?!\s+(?:[\w-]+\s+){{0,2}}?(?:{_PEOPLE}|{_ANIMALS})\b)"
    rf"|(?!(?:{_ADJECTIVE_PEOPLE})\b)(?:{_PEOPLE})\b(?!\s+(?:(?!{_LINKS}\b)[a-z-]+\s+){{0,2}}?(?:{_PEOPLE}|{_ANIMALS})\b))"
    rf"|(?P<animals>{_ANIMALS})\b)"
    r"(?![- ](?:years?|months?|weeks?|days?|hours?|visits?|encounters?|records?|charts?|samples?|reports?)\b)",
)
_GAP_STOP = re.compile(
    r"\b(?:of|out|per|in|with|from|to|and|or|than|at|for|on|by|mg|ml|kg|g|h|min|years?|months?|days?|weeks?|hours?)\b|%",
)
# A number that names something rather than counts it: "type 1", "grade 2", "day 28", "group 3".
_NAMING_BEFORE = re.compile(
    r"\b(?:type|grade|stage|phase|day|week|month|year|group|class|level|score|version|model|step|cycle|visit|"
    r"session|arm|part|figure|table|item|dsm|icd|wave|round|line|no\.?|number|aged?|ages)\s*[-:]?\s*$",
)
# "3 review authors" counts people, not reviews.
_STUDIES_AFTER = re.compile(
    rf"\s+(?:[A-Za-z][\w-]*\s+){{0,2}}?({_STUDIES})\b(?!\s+(?:authors?|teams?|groups?|panels?|boards?)\b)"
)
# A count whose noun was named before it: "Of 212 patients screened, 80 were randomised".
_BARE_ENROLLED = re.compile(r"^\s+(?:were|was)\s+(?:\w+\s+)?(?:randomi[sz]ed|enrolled|included|recruited|allocated)\b")
_N_EQUALS_BEFORE = re.compile(r"\b[nN]\s*[=:]\s*$")
_TOTAL_BEFORE = re.compile(
    r"(?:\b(?:total(?: sample)?(?: size)? of|sample(?: size)? of|cohort of|series of|population of|among(?: the)?|"
    r"in all|in total|involving|comprising|including|included|enrolled|recruited|randomi[sz]ed|"
    r"studied|evaluated|examined|investigated|analy[sz]ed|reviewed|surveyed|interviewed|data (?:from|of|on)|"
    r"(?:we|authors?) (?:describe|present|report)s?|(?:cohort|sample|population) consisted of|involved|"
    r"(?:performed|conducted|carried out|undertaken) (?:on|in|with|among)|(?:study|trial|survey|review|audit) "
    r"(?:of|in|on|with|among))\s+)$",
)
_A_TOTAL_BEFORE = re.compile(r"\btotal of\s+$")
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|whom)\s+$")
# The whole a part is counted against: "57 out of the 209 patients", "59 (17%) of a total of 352 patients".
_DENOMINATOR_BEFORE = re.compile(
    r"\d(?:\s*\(\s*\d[\d.]*\s*%\s*\))?\s+(?:out\s+)?of\s+(?:a total of\s+|the\s+|all\s+|all the\s+)?$"
)
# Up to the next number: "212 patients screened, 80 were randomised" randomised 80, not 212.
_ENROLLED_AFTER = re.compile(
    r"^[^.;\d]{0,160}?(?:\b(?:were|was|had been|being|then|and)\s+(?:\w+\s+){0,2}?(?:randomi[sz]ed|randomly|enrolled|"
    r"included|recruited|studied|allocated|assigned|divided|investigated|examined|evaluated|selected|registered|"
    r"involved)|\brandomly (?:divided|assigned|allocated))",
)
_TOOK_PART_AFTER = re.compile(
    r"^[^.;]{0,60}?\b(?:participated|took part|completed|underwent|entered|were treated|were eligible|"
    r"met (?:the )?(?:inclusion|eligibility)|were analy[sz]ed)",
)
_OUTCOME_AFTER = re.compile(
    r"^[^.;]{0,25}?\b(?:reported|experienced|had (?:a|an|no|complete|partial|significant|more|less|greater|\d)|"
    r"developed|showed|exhibited|achieved|required|needed|obtained|died|withdrew|dropped|discontinued|were lost|"
    r"lost|did not|suffered|complained|demonstrated|noted|felt|became|remained|continued|stopped|were considered|"
    r"were (?:classified|judged|rated) as|received (?:a|an|the|additional|rescue))\b",
)
# One arm counted, not the whole sample: "52 patients in the ketamine group", "(placebo group, n = 19)";
# "divided into two groups" is the whole sample.
_ARM_AFTER = re.compile(
    r"^\s*(?:(?:were|was)\s+\w+\s+)?(?:in|into|to|of|from) (?:the |each |both )?(?:[\w+-]+ ){0,3}?(?<!age )"
    r"(?:group|arm)\b",
)
_ARM_BEFORE = re.compile(r"\b(?:group|arm)\b[^.;()]{0,25}[(,]\s*(?:[nN]\s*[=:]\s*)?$")
_EACH_AFTER = re.compile(r"^[\s,)]*(?:in |for )?(?:each|per (?:group|arm))\b")
_SCREENED_NEAR = re.compile(
    r"\b(?:screened|assessed for eligibility|approached|contacted|eligible|identified|records|citations|invited)\b",
)
_PAST = re.compile(r"\b(?:were|was|had)\b")
_PLANNED = re.compile(r"\bwill (?:be )?(?:\w+ )?(?:randomi|enrol|recruit|includ|allocat|assign)|\bplanned\b|\btarget")
_SINGLE_CASE = re.compile(
    r"\b(?:an? (?:\d+[- ](?:year|month)s?[- ]old|(?:young |elderly |adult |middle-aged |older )?"
    r"(?:man|woman|male|female|boy|girl|patient|adult|child|infant|gentleman|lady))\b|"
    r"a case\b|this case\b|the patient\b)",
)
# Every expression above runs over lower-cased text (``_lower``), so none needs IGNORECASE, which makes
# Python's engine several times slower on long alternations.
_ROLE_WEIGHT = {"title": 1.0, "methods": 1.0, "results": 1.0, "unlabelled": 0.5, "objective": 0.0, "conclusions": -0.5}
_NUMBER_WORDS = re.compile(  # over the lower-cased sentence
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)\b"
)
_MIN_SCORE = 2.0
_CLOSE = 1.0  # counts this close to the best-read one are all taken as candidates for the total


@dataclass
class SampleSize:
    """Participants (people, or animals where ``animals``); for a review also its included studies."""

    participants: int | None = None
    studies: int | None = None
    animals: bool = False
    planned: bool = False  # a protocol's target, not yet enrolled
    evidence: str = ""  # the words it was read from, numbers written as digits

    @property
    def text(self) -> str:
        """As a reader sees it: "154 participants", "17 studies, 212 participants", "22 planned"."""
        parts = []
        if self.studies is not None:
            parts.append(f"{self.studies} {'study' if self.studies == 1 else 'studies'}")
        if self.participants is not None:
            noun = "animals" if self.animals else "participants"
            if self.participants == 1:
                noun = "animal" if self.animals else "participant"
            parts.append(f"{self.participants:,} {noun}" + (" planned" if self.planned else ""))
        return ", ".join(parts)


@dataclass
class _Count:
    value: int
    score: float
    animals: bool
    arm: bool
    sentence: int
    evidence: str


def sample_size(
    record: Record, design: str | None = None, *, sentences: list[Sentence] | None = None
) -> SampleSize | None:
    """The record's sample size, or None where the abstract states none; ``design`` is ``Tags.design``."""
    title = [Sentence(record.title, "methods", "title", -1)] if record.title else []
    sentences = title + (sentences_of(record) if sentences is None else sentences)
    texts = [_digits(s) for s in sentences]
    lows = [_lower(t) for t in texts]
    planned = design == "protocol"
    if design == "systematic_review":
        review = _review_size(sentences, texts, lows)
        if review is not None:
            return review
    counts = [
        c
        for i, s in enumerate(sentences)
        if s.role not in ("background", "trailer")
        for c in _counts(s, texts[i], lows[i], i)
    ]
    best = _best(counts)
    if best is not None:
        animals, value, evidence = best.animals, best.value, best.evidence
        stated = lows[best.sentence]
        planned = bool(_PLANNED.search(stated)) or (planned and not _PAST.search(stated))
        return SampleSize(participants=value, animals=animals, planned=planned, evidence=evidence)
    if design == "case_report" and any(_SINGLE_CASE.search(t) for t in lows):
        return SampleSize(participants=1, evidence="case report of one patient")
    return None


def _digits(sentence: Sentence) -> str:
    """The sentence with numbers written as words turned into digits ("Thirty-six" → "36")."""
    if sentence.role == "background" or not _NUMBER_WORDS.search(sentence.low):
        return sentence.text
    return str(alpha2digit(sentence.text, "en", threshold=0))


def _lower(text: str) -> str:
    """``text`` lower-cased letter for letter, so that offsets found in it hold in ``text``."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _counts(sentence: Sentence, text: str, low: str, index: int) -> list[_Count]:
    out = []
    for match in _NUMBER.finditer(low):
        count = _score(sentence, text, low, match, index)
        if count is not None:
            out.append(count)
    return out


def _score(sentence: Sentence, text: str, low: str, match: re.Match[str], index: int) -> _Count | None:
    """A number read as a count of participants, scored by its surroundings; None where it counts nothing.

    ``low`` is ``text`` lower-cased, which the expressions read; the evidence is quoted from ``text``."""
    value = int(match.group(1).replace(",", ""))
    start, end = match.span()
    before = low[max(0, start - 40) : start]
    after = low[end : end + 90]
    noun = _noun_after(after)
    bare = not noun and not 1900 <= value <= 2100 and bool(_BARE_ENROLLED.match(after))  # not "2019 were included"
    n_equals = bool(_N_EQUALS_BEFORE.search(before)) or bare
    enumerator = before.endswith("(") and after.startswith(")")  # "(1) Male rats were fed"
    if (not noun and not n_equals) or value == 0 or enumerator or _NAMING_BEFORE.search(before):
        return None
    rest = after[noun.end() :] if noun else after
    arm = _one_arm(before, rest)
    score = 2.0 + _ROLE_WEIGHT.get(sentence.role, 0.0) + _context_weight(before, rest, arm)
    if noun is None:
        score -= 0.5  # "n = 40" alone may count a subgroup
    elif noun.group("people") and noun.group("people").startswith(("control", "responder", "case")):
        score -= 0.5
    animals = bool(noun and noun.group("animals"))
    evidence = text[max(0, start - 30) : min(len(text), end + (noun.end() if noun else 0) + 30)].strip()
    return _Count(value, score - 0.05 * max(index, 0), animals, arm, index, evidence)


def _noun_after(after: str) -> re.Match[str] | None:
    """The person or animal noun a number counts, unless a preposition or unit stands between them."""
    noun = _NOUN_AFTER.match(after)
    if noun and _GAP_STOP.search(after[: noun.start("people") if noun.group("people") else noun.start("animals")]):
        return None
    return noun


def _one_arm(before: str, rest: str) -> bool:
    """Whether a count is of one group only; "a total of 2,500 patients in a primary care group" is not."""
    if _A_TOTAL_BEFORE.search(before):
        return False
    return bool(_EACH_AFTER.search(rest) or _ARM_AFTER.search(rest) or _ARM_BEFORE.search(before))


def _context_weight(before: str, rest: str, arm: bool) -> float:
    """What the words around a count say: enrolled (more), an outcome, one arm or a screening pool (less)."""
    whole = bool(_DENOMINATOR_BEFORE.search(before))  # the verb after tells what the part did, not the whole
    weight = 1.5 if _TOTAL_BEFORE.search(before) else 0.5 if whole else 0.0
    if _ENROLLED_AFTER.search(rest):
        weight += 2.0
    elif _TOOK_PART_AFTER.search(rest):
        weight += 1.0
    elif not whole and _OUTCOME_AFTER.search(rest):
        # "A total of 129 patients were classified as either …" counts them all; an outcome rarely
        # opens with "a total of" unless its count is small beside the sample's
        weight -= 1.25 if _A_TOTAL_BEFORE.search(before) else 2.5
    if not whole and _DEFINITE_BEFORE.search(before):
        weight -= 1.0
    if arm:
        weight -= 2.0
    if _SCREENED_NEAR.search(rest[:40]):
        weight -= 1.5
    return weight


def _best(counts: list[_Count]) -> _Count | None:
    """The sample: of the counts that read like one, the largest (a subgroup or the completers are fewer)."""
    if not counts:
        return None
    top = max(c.score for c in counts)
    close = [c for c in counts if not c.arm and c.score >= max(_MIN_SCORE, top - _CLOSE)]
    if close:
        return max(close, key=lambda c: (c.value, c.score))
    best = max(counts, key=lambda c: c.score)
    arms = [c for c in counts if c.arm and abs(c.sentence - best.sentence) <= 1 and c.score > 0]
    if best.arm and len(arms) >= 2 and not _EACH_AFTER.search(best.evidence.lower()):
        total = sum(c.value for c in arms)
        return _Count(total, best.score, best.animals, False, best.sentence, "; ".join(c.evidence for c in arms))
    return None


def _review_size(sentences: list[Sentence], texts: list[str], lows: list[str]) -> SampleSize | None:
    """Included studies, and the participants named with them, of a systematic review."""
    for i, sentence in enumerate(sentences):
        if sentence.role in ("background", "objective", "trailer"):
            continue
        text, low = texts[i], lows[i]
        for match in _NUMBER.finditer(low):
            value = int(match.group(1).replace(",", ""))
            studies = _STUDIES_AFTER.match(low, match.end())
            if not studies or 1900 <= value <= 2100:
                continue
            if _GAP_STOP.search(low[match.end() : studies.start(1)]) or _SCREENED_NEAR.search(
                low[match.end() : studies.end() + 30]
            ):
                continue
            window = text[match.start() :] + " " + (texts[i + 1] if i + 1 < len(texts) else "")
            people = [c for c in _counts(sentence, window, _lower(window), i) if c.value != value and not c.arm]
            return SampleSize(
                participants=max((c.value for c in people), default=None),
                studies=value,
                evidence=text[match.start() : studies.end() + 60].strip(),
            )
    return None
