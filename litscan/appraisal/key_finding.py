"""The key finding of a record: the one abstract sentence that states what the study found.

Like Trialstreamer's "punchline", candidate sentences from the results and conclusions are ranked by
what makes a finding (an effect or its absence, a comparison, significance, figures) and by where they
sit; a sentence that calls for more research, states a limitation, a registration, funding or ethics
approval, or only says what the study set out to do is never quoted (a finding that such a clause
merely follows is quoted up to the clause, the cut marked "…"). When the quote is the authors'
conclusion without numbers, the results sentence that gives them is attached as ``figures``.

A record that reports no result (a protocol, a narrative review, an editorial) gets a plain statement
instead of a quote, and so does an abstract whose text states no result at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..models import Record
from .phrases import Phrases, load_phrases
from .sentences import Sentence, sentences_of

Source = Literal["conclusions", "results", "abstract", "statement"]

PROTOCOL = "Protocol: no results yet."
NO_RESULT = "No result stated in the abstract."
# Non-research publication types PubMed gives, and how the statement names them.
_NO_RESULT_TYPES = (("Editorial", "Editorial"), ("Letter", "Letter"), ("Comment", "Comment"), ("News", "News item"))
_NARRATIVE_REVIEW = "Narrative review"

_ROLE_WEIGHT = {"conclusions": 4.0, "results": 2.0}
# Heaviest first: the sum stops at _MAX_CUES, so the lighter lists are often not searched at all.
_FINDING_WEIGHT = {
    "conclusion": 1.0,
    "effect": 1.0,
    "null_result": 1.0,
    "comparison": 0.8,
    "significance": 0.7,
    "figures": 0.5,
}
_MAX_CUES = 3.0  # a results sentence crowded with statistics must not outweigh the authors' conclusion
_WEAK_WEIGHT = {"baseline": -3.0, "flow": -2.0, "speculation": -1.5, "adverse": -1.0, "background": -2.5}
_MIN_SCORE = 1.6  # below it a sentence is background or a baseline table, not a finding
_MIN_WORDS = 5
_LONG_WORDS = 70
# Where a clause may be cut off: a semicolon or colon, or a comma or conjunction that opens a new clause.
_CLAUSE_BREAK = re.compile(
    r"\s*[;:]\s+|,\s+(?:(?:but|and|so|yet|although|though|while|whereas|however|thus|therefore|hence|which)\b\s*)?"
    r"|\s+(?:but|although|though|whereas|however)\s+"
    r"|\s+and\s+(?=(?:it |this |these |they )?(?:suggests?|indicates?|may|might|could|should|warrants?|calls?|needs?|"
    r"requires?|opens?)\b)"
)


# "Although limited by its size, the trial showed …": the finding is the main clause after the comma.
_SUBORDINATE_OPENING = re.compile(r"(?:although|though|while|despite|notwithstanding|given|because|as)\b", re.I)


@dataclass
class KeyFinding:
    """What a record found, as quoted from its abstract, or a plain statement that it reports none."""

    text: str
    source: Source  # "statement" when ``text`` is not a quote
    label: str | None = None  # the heading the quote sat under, as the record writes it
    figures: str | None = None  # a results sentence with the numbers behind a conclusion that gives none

    @property
    def is_statement(self) -> bool:
        return self.source == "statement"


@dataclass
class _Candidate:
    sentence: Sentence
    text: str
    low: str
    score: float

    def has_figures(self, phrases: Phrases) -> bool:
        return phrases.finding["figures"].found(self.low)


def key_finding(
    record: Record,
    design: str | None = None,
    phrases: Phrases | None = None,
    *,
    sentences: list[Sentence] | None = None,
) -> KeyFinding | None:
    """The record's key finding; ``design`` is its design tag (``Tags.design``) where known.

    None only when there is nothing to read: no abstract and no design that explains why. ``sentences``
    (``sentences_of(record)``) may be passed when the caller has them already.
    """
    phrases = phrases or load_phrases()
    statement = _statement_for(record, design)
    if statement:
        return KeyFinding(statement, "statement")
    sentences = sentences_of(record) if sentences is None else sentences
    if not sentences:
        return None
    first_conclusion = next((s.index for s in sentences if s.role == "conclusions"), None)
    read: dict[int, _Candidate | None] = {}  # each sentence's reading, shared by the quote and its figures
    best = _best(sentences, first_conclusion, phrases, read)
    if best is None:
        return KeyFinding(NO_RESULT, "statement")
    source: Source = "conclusions" if best.sentence.role == "conclusions" else "abstract"
    if best.sentence.role == "results":
        source = "results"
    figures = None if best.has_figures(phrases) else _figures_for(best, sentences, first_conclusion, phrases, read)
    return KeyFinding(best.text, source, best.sentence.label, figures)


def _best(
    sentences: list[Sentence], first_conclusion: int | None, phrases: Phrases, read: dict[int, _Candidate | None]
) -> _Candidate | None:
    """The highest-scoring sentence; those whose place caps them below the best so far are not read."""
    weighted = sorted(
        ((weight, s) for s in sentences if (weight := _role_weight(s)) is not None), key=lambda ws: -ws[0]
    )
    best: _Candidate | None = None
    for weight, sentence in weighted:
        if best is not None and weight + _MAX_CUES < best.score:
            break
        candidate = read[sentence.index] = _candidate(sentence, first_conclusion, phrases)
        if candidate is not None and candidate.score >= _MIN_SCORE and (best is None or _rank(candidate) > _rank(best)):
            best = candidate
    return best


def _rank(candidate: _Candidate) -> tuple[float, bool, int]:
    """Higher is better: the score, then the authors' conclusion, then the earlier sentence."""
    return candidate.score, candidate.sentence.role == "conclusions", -candidate.sentence.index


def _statement_for(record: Record, design: str | None) -> str | None:
    if design == "protocol":
        return PROTOCOL
    if design == "review":
        types = record.publication_type_names
        for pubmed_type, name in _NO_RESULT_TYPES:
            if pubmed_type in types:
                return f"{name}: no study results."
        return f"{_NARRATIVE_REVIEW}: no results reported."
    return None


def _candidate(sentence: Sentence, first_conclusion: int | None, phrases: Phrases) -> _Candidate | None:
    role_weight = _role_weight(sentence)
    if role_weight is None or sentence.text.endswith("?"):
        return None
    text, low = sentence.text, sentence.low
    # The authors' conclusion is a finding as it stands; elsewhere a sentence must state one (the
    # cheapest test, made first: most sentences state none and need no other search).
    if sentence.role != "conclusions" and not phrases.any_qualifying.found(low):
        return None
    if phrases.any_reject.found(low):
        trimmed = _without_rejected_clause(text, phrases)
        if trimmed is None:
            return None
        text, low = trimmed, trimmed.lower()
        if sentence.role != "conclusions" and not phrases.any_qualifying.found(low):
            return None
    cues = 0.0
    for kind, weight in _FINDING_WEIGHT.items():
        if phrases.finding[kind].found(low):
            cues += weight
            if cues >= _MAX_CUES:
                break
    score = role_weight + min(_MAX_CUES, cues)
    if phrases.any_weak.found(low):
        score += sum(weight for kind, weight in _WEAK_WEIGHT.items() if phrases.weak[kind].found(low))
    if sentence.role == "conclusions" and first_conclusion is not None:
        score -= 0.4 * (sentence.index - first_conclusion)  # the first conclusion is the main one
    words = len(text.split())
    if words < _MIN_WORDS:
        score -= 2.0
    elif words > _LONG_WORDS:
        score -= 1.0
    return _Candidate(sentence, text, low, score)


def _role_weight(sentence: Sentence) -> float | None:
    """How likely a sentence's place makes it a finding; None where no finding is stated."""
    if sentence.role in _ROLE_WEIGHT:
        return _ROLE_WEIGHT[sentence.role]
    if sentence.role == "unlabelled":
        # Unstructured abstracts state their results in the second half and conclude at the end.
        return 0.5 + 1.5 * sentence.position if sentence.index > 0 else None
    return None


def _without_rejected_clause(text: str, phrases: Phrases) -> str | None:
    """The sentence, or its clause that states a finding when a rejected phrase fills the rest; None if neither."""
    first = _first_rejected(text, phrases)
    if first is None:
        return text
    start, end = first
    cut = None
    for brk in _CLAUSE_BREAK.finditer(text, 0, start):
        cut = brk.start()
    if cut is not None and len(text[:cut].split()) >= 6 and _first_rejected(text[:cut], phrases) is None:
        return text[:cut].rstrip(" ,;:") + " …"
    after = _CLAUSE_BREAK.search(text, end)
    if cut is None and after is not None and _SUBORDINATE_OPENING.match(text):
        rest = text[after.end() :].strip()
        if len(rest.split()) >= 6 and _first_rejected(rest, phrases) is None:
            return "… " + rest
    return None


def _first_rejected(text: str, phrases: Phrases) -> tuple[int, int] | None:
    low = text.lower()
    match = phrases.any_reject.search(low) if len(low) == len(text) else None  # offsets must hold in ``text``
    if match is None and len(low) != len(text) and phrases.any_reject.search(low):
        return 0, len(text)  # a rare letter changed length when lower-cased: reject the whole sentence
    return match.span() if match else None


def _figures_for(
    best: _Candidate,
    sentences: list[Sentence],
    first_conclusion: int | None,
    phrases: Phrases,
    read: dict[int, _Candidate | None],
) -> str | None:
    """The strongest results sentence with figures, before the quote, to stand beside a conclusion without them."""
    pool = []
    for sentence in sentences[: best.sentence.index]:
        if sentence.role == "conclusions":
            continue
        if sentence.index not in read:
            read[sentence.index] = _candidate(sentence, first_conclusion, phrases)
        candidate = read[sentence.index]
        if candidate is not None and candidate.score >= _MIN_SCORE and candidate.has_figures(phrases):
            pool.append(candidate)
    return max(pool, key=_rank).text if pool else None
