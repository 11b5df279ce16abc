"""Tagging: on_topic, conditions, routes and design, each with the evidence that decided it.

New records in a weekly digest have no MeSH yet, so everything is read from
the title and abstract; MeSH headings and publication types support the
reading when a record has them. The vocabulary (``queries/*.vocab.toml``)
says what the words are; the rules here say which mentions count:

* A word counts when it describes the record's *own study*: the title, the
  objective, methods and results. Background sentences, comparisons with
  other work, exclusion criteria, treatment patients had before the study
  and calls for future research do not make a label.
* A route belongs to the drug it is attached to: "oral morphine" says nothing
  of ketamine; "ketamine was given intravenously" does.
* The design is the highest-priority design the abstract states of its own
  study; PubMed's publication types fill in only where the abstract is silent.

Speed matters (tagging runs inside every import): ``litscan.tagging.matching`` runs
each pattern only where the text has a word it could start with.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from pathlib import Path

from ..config import Topic
from ..models import Evidence, Record, Tags
from .matching import PatternIndex, is_word_char
from .vocabulary import Pattern, Vocabulary, load_vocabulary

RULES_VERSION = "5"  # bump when a rule changes: stored records are then re-tagged

# --- how abstracts are written: cues that do not depend on the topic ---------------------------

# Each cue list is matched like vocabulary patterns (case-insensitive, from a word start).
_CUES: dict[str, list[str]] = {
    # Sentences about the record's own study.
    "own": [
        r"we\b",
        r"our\b",
        r"this (?:\w+[- ]){0,3}(?:study|trial|review|analysis|report|case|series|audit|"
        r"work|paper|article|investigation|experiment|evaluation|survey)",
        r"the (?:present|current) ",
        r"here\b",
        r"the authors\b",
        r"the (?:aim|objective|purpose|goal)s? (?:of|was|were|is)",
        r"aims? to",
        r"aimed",
        r"objectives?\b",
        r"to (?:determine|evaluate|assess|investigate|examine|compare|explore|test|study|"
        r"describe|identify|characteri[sz]e|clarify|deduce|establish|report)\b",
        r"hypothesi",
        r"was (?:undertaken|conducted|performed|designed|carried out)",
        r"were (?:randomi|enrolled|included|recruited|allocated|assigned|treated|given|studied|divided|"
        r"evaluated|assessed|examined|identified|analy[sz]ed|followed)",
        r"received\b",
        r"underwent\b",
        r"completed the",
        r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
        r"twenty|thirty|forty|fifty|sixty)[- ](?:\w+ ){0,3}(?:patients|participants|subjects|volunteers|"
        r"individuals|cases|rats|mice|studies|trials)",
    ],
    # Own-study sentences too: a noun counted by a number ("12 patients", "40 healthy adult volunteers").
    # The number, up to three words before the noun, is checked by ``_counted`` where the noun is
    # found: a cue starting at the number could start at any digit, so every text would be searched.
    "counted": [
        r"patients|participants|subjects|volunteers|adults|children|women|men|individuals|cases|rats|mice|"
        r"studies|trials",
    ],
    # Sentences that state the study's purpose even inside a background section.
    "purpose": [
        r"we (?:aimed|designed|examined|investigated|hypothesi[sz]ed|sought|report|present|describe|"
        r"performed)",
        r"this (?:\w+[- ]){0,3}(?:study|trial|review|report) (?:was|is|aimed|aims|investigated|examined)",
        r"the (?:aim|objective|purpose|goal)s? (?:of (?:this|the present|our)|was|were)",
        r"(?:study|trial) was undertaken",
        r"to determine whether",
        r"to evaluate (?:the|whether)",
        r"to investigate (?:the|whether)",
        r"to assess (?:the|whether)",
    ],
    # Statements about the literature or about other work.
    "background": [
        r"previous(?:ly)? (?:studies|reports|trials|work|research)",
        r"prior (?:studies|reports|trials)",
        r"other (?:studies|trials|reports|authors|investigators)",
        r"earlier (?:studies|reports|trials)",
        r"recent (?:studies|reports|trials|evidence|data)",
        r"(?:has|have) been (?:shown|reported|"
        r"suggested|proposed|used|described|demonstrated|studied)",
        r"is (?:widely|commonly|often|"
        r"increasingly|frequently) used",
        r"little is known",
        r"the literature",
        r"in contrast (?:to|with) "
        r"(?:previous|other|earlier)",
        r"unlike (?:previous|other|earlier)",
        r"consistent with (?:previous|"
        r"earlier|other)",
        r"(?:as|has been) reported",
        r"remains? (?:a |an )?(?:challenge|difficult|"
        r"unclear|poorly|controversial)",
        r"is a (?:\w+ ){0,3}(?:condition|disorder|syndrome|disease)",
        r"(?:a|one|two|several|recent|previous|prior) (?:recent |previous |prior )?(?:meta-analys[ie]s|"
        r"systematic reviews?|reviews?|trials?|studies) (?:has|have|found|showed|shown|suggested|reported|"
        r"concluded)",
    ],
    # Exclusion criteria.
    "exclusion": [
        r"exclud",
        r"exclusion",
        r"(?:were|was) not eligible",
        r"ineligible",
        r"were not included",
    ],
    # Treatment before the study (an entry criterion, not the study's intervention).
    "history": [
        r"had (?:previously |already |once )?(?:been )?(?:admitted|received|responded|treated|undergone|"
        r"failed|tried|used)",
        r"previously (?:received|treated|responded|used)",
        r"(?:who|that) (?:had )?(?:previously |once )?responded to",
        r"prior (?:treatment|exposure|response)",
        r"history of (?:\w+ ){0,2}(?:treatment|use)",
    ],
    # Conclusions that speculate beyond the study ("ketamine may also help in CRPS").
    "speculative": [
        r"in conclusion",
        r"(?:these|our|the) (?:results|findings|data|observations) (?:suggest|indicate|support|show)",
        r"may (?:also |still |therefore )?(?:be|have|provide|offer|help|represent|play)",
        r"could (?:also )?(?:be|offer|provide|help)",
        r"might\b",
        r"potential(?:ly)? (?:role|option|alternative|use)",
    ],
    # Lists of diagnoses inside a mixed population ("diagnoses included CRPS (n=12), headache...").
    "listing": [
        r"includ",
        r"such as",
        r"e\.g\.",
        r"compris",
        r"diagnos[ie]s",
        r"consist(?:ing|ed) of",
        r"mostly",
        r"mainly",
        r"predominantly",
        r"n ?= ?\d",
    ],
    # Calls for further research.
    "future": [
        r"(?:are|is) (?:still )?(?:warranted|needed|required)",
        r"further (?:\w+ ){0,2}(?:studies|research|"
        r"trials|investigation)",
        r"future (?:studies|research|trials)",
        r"need for",
        r"should be "
        r"(?:investigated|studied|evaluated|explored|conducted)",
        # Recommendations name a study still to be done ("merits a randomised trial"), not this one's method.
        r"merits?\b",
        r"warrants?\b",
        r"deserves? (?:a|an|further|larger)",
        r"calls? for",
    ],
}

_ROLE_OF_LABEL = (
    ("background", re.compile(r"background|introduction|context|rationale|importance|^aims? and background")),
    ("objective", re.compile(r"objective|aim|purpose|goal|question|hypothes")),
    (
        "methods",
        re.compile(
            r"method|design|setting|patient|participant|intervention|measure|case|"
            r"material|subject|procedure|search|selection|data|source|population|report"
        ),
    ),
    ("results", re.compile(r"result|finding|outcome")),
    (
        "conclusion",
        re.compile(
            r"conclu|discussion|interpretation|implication|significance|summary|"
            r"perspective|comment"
        ),
    ),
)

# A period after one of these, a single letter or a digit ends no sentence ("Fig. 2", "J. Smith", "1.5").
_NO_BREAK_AFTER = (
    "e.g",
    "i.e",
    "vs",
    "et al",
    "dr",
    "approx",
    "no",
    "fig",
    "ca",
    "cf",
    "resp",
    "i.v",
    "i.m",
    "s.c",
    "p.o",
    "b.i.d",
    "t.i.d",
    "q.d",
)


def _sentence_end() -> re.Pattern[str]:
    """[.!?] before a capital, unless what precedes it says otherwise (one lookbehind per width).

    The checks sit after the punctuation so the engine's fast scan for [.!?] still leads, and after
    the capital, which most punctuation lacks; each also holds with a line break before the
    punctuation. Group 1 is the whitespace after it.
    """
    by_width: dict[int, list[str]] = {1: [r"\b[A-Z]", r"\d"]}
    for word in _NO_BREAK_AFTER:
        by_width.setdefault(len(word), []).append(rf"\b{re.escape(word)}")
    checks = "".join(f"(?<!(?i:{'|'.join(words)}){gap}.)" for words in by_width.values() for gap in ("", "\n"))
    return re.compile(r"[.!?](?=(\s+)[A-Z(\[])" + checks)


_SENTENCE_END = _sentence_end()
_ABBREVIATION = re.compile(r"[^.;:()]{0,40}?\s\(([A-Z][A-Za-z0-9]{0,3}[A-Z][A-Za-z0-9-]{0,4})s?[),;]")
_COORDINATED = re.compile(
    r"^[\s,]*(?:\([^()]{0,20}\)\s*)?(?:and/or|and|or|plus|with|\+|/|,)?\s*"
    r"(?:\d[\d.]*\s*(?:mg|µg|mcg|g|ml|%)[^\s,]*\s*)?$",
    re.IGNORECASE,
)
_INFUSION = re.compile(r"\binfus", re.IGNORECASE)
_CLAUSE = (
    r"[;:]|\b(?:while|whereas|but|followed by|compared (?:with|to)|than|as opposed to|instead of|"
    r"unlike)\b"
)
_BOUNDARY = re.compile(_CLAUSE + r"|\b(?:versus|vs)\b")
# An adjective reaches forward to its noun, not across a clause: "an oral drug that could extend ketamine";
# "IM versus IV ketamine" names two routes of ketamine, so "versus" does not stop it.
_ADJECTIVE_BOUNDARY = re.compile(
    _CLAUSE + r"|\b(?:that|which|who|whom|could|can|may|might|will|would|"
    r"should|was|were|is|are|has|have|had|after|before|during)\b"
)
_COUNT_AFTER = re.compile(r"[\w -]{0,30}?\(n ?= ?\d")
# Before a "counted" noun, in its sentence: a number, then at most three words (``_counted``). A digit
# first lets the regex engine skip to the digits; that the number starts a word is checked after.
_COUNT_BEFORE = re.compile(r"\d+ (?:\w+ ){0,3}\Z")
_HUMANS_UI = "D006801"
_WORD_TAIL = re.compile(r"(?:[^\W_]|-)*")  # letters, digits (str.isalnum) and hyphens
_START = attrgetter("start")

_FORWARD_WINDOW = 60
_BACKWARD_WINDOW = 90

_TITLE, _BACKGROUND, _OBJECTIVE, _METHODS, _RESULTS, _CONCLUSION, _UNLABELLED = range(7)
_ROLE_IDS = {
    "background": _BACKGROUND,
    "objective": _OBJECTIVE,
    "methods": _METHODS,
    "results": _RESULTS,
    "conclusion": _CONCLUSION,
}


@dataclass(frozen=True, slots=True)
class _Entry:
    """One pattern of the flat list a record is matched against."""

    kind: str  # "drug", "other_drug", "cond", "cond_weak", "cond_part", "route", "route_adverb",
    # "route_form", "design", "design_weak", "design_title", "chronic", "model", "off", cue names
    ident: str
    pattern: Pattern
    part: int = 0  # for sentence_patterns: which list of parts


@dataclass(slots=True)
class _Hit:
    kind: str
    ident: str
    start: int
    end: int
    sentence: int
    entry: _Entry | None


@dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    segment: int
    role: int
    own: bool = True  # the record's own study: counts for conditions and routes
    states_design: bool = True  # may state the design: exclusion or prior-treatment clauses still do
    flags: int = 0


_FLAG = {
    "own": 1,
    "counted": 1,
    "purpose": 2,
    "background": 4,
    "exclusion": 8,
    "history": 16,
    "future": 32,
    "speculative": 64,
    "listing": 128,
}


class Tagger:
    """Labels records with one topic's vocabulary; ``tagger(record)`` returns ``Tags``."""

    def __init__(self, vocabulary: Vocabulary | Path | str) -> None:
        self.vocabulary = vocabulary if isinstance(vocabulary, Vocabulary) else load_vocabulary(vocabulary)
        self.vocabulary_path = self.vocabulary.path
        self.fingerprint = hashlib.sha1(f"{self.vocabulary.fingerprint}:{RULES_VERSION}".encode()).hexdigest()[:12]
        self._entries = list(self._build_entries())
        self._index = PatternIndex(
            [e.pattern.source for e in self._entries], [e.pattern.matcher for e in self._entries]
        )
        self._label_designs: dict[str, str | None] = {}
        self._cond_mesh = {ui: c.id for c in self.vocabulary.conditions.values() for ui in c.mesh}
        self._design_pt = {pt.lower(): d.id for d in self.vocabulary.designs.values() for pt in d.publication_types}
        self._design_mesh = {ui: d.id for d in self.vocabulary.designs.values() for ui in d.mesh}
        self._design_rank = {d: i for i, d in enumerate(self.vocabulary.designs)}
        self._condition_rank = {c: i for i, c in enumerate(self.vocabulary.conditions)}
        self._route_rank = {r: i for i, r in enumerate(self.vocabulary.routes)}
        # The condition every other one yields to ("chronic pain" in general), if the vocabulary has one.
        self._general = next((cid for cid, c in self.vocabulary.conditions.items() if "*" in c.yields_to), None)
        self._flag_of = [_FLAG.get(e.kind, 0) for e in self._entries]
        self._counted_cues = frozenset(i for i, e in enumerate(self._entries) if e.kind == "counted")

    @classmethod
    def for_topic(cls, topic: Topic) -> Tagger:
        return cls(topic.vocabulary_path)

    def __call__(self, record: Record) -> Tags:
        return self.tag(record)

    def _build_entries(self) -> Iterable[_Entry]:
        v = self.vocabulary
        for p in v.intervention:
            yield _Entry("drug", v.intervention_label, p)
        for p in v.other_drugs:
            yield _Entry("other_drug", p.source, p)
        for c in v.conditions.values():
            for p in c.patterns:
                yield _Entry("cond", c.id, p)
            for p in c.weak_patterns:
                yield _Entry("cond_weak", c.id, p)
            for i, parts in enumerate(c.sentence_patterns):
                # Only the first part is searched for; the others are checked in its sentence.
                yield _Entry("cond_part", c.id, parts[0], i)
        for r in v.routes.values():
            for kind, patterns in (("route", r.patterns), ("route_adverb", r.adverbs), ("route_form", r.forms)):
                for p in patterns:
                    yield _Entry(kind, r.id, p)
        for d in v.designs.values():
            for kind, patterns in (
                ("design", d.strong),
                ("design_weak", d.weak),
                ("design_title", d.title),
                ("design_decides", d.decides),
            ):
                for p in patterns:
                    yield _Entry(kind, d.id, p)
        for p in v.chronic_patterns:
            yield _Entry("chronic", "chronic", p)
        for p in v.preclinical_model_patterns:
            yield _Entry("model", "model", p)
        for off in v.off_topic:
            for p in off.patterns:
                yield _Entry("off", off.id, p)
        for name, sources in _CUES.items():
            for i, source in enumerate(sources):
                yield _Entry(name, name, _cue_pattern(source, f"rule cue {name}[{i}]"))

    # -- the pass over the text ------------------------------------------------------------------

    def tag(self, record: Record) -> Tags:
        doc = _Document(record)
        self._match(doc)
        return _Decision(self, doc, record).tags()

    def _match(self, doc: _Document) -> None:
        entries = self._entries
        flag_of = self._flag_of
        sentences = doc.sentences
        starts = doc.sentence_starts
        counted = self._counted_cues
        hits = []
        for index, start, end in self._index.find(doc.text, doc.lower):
            flag = flag_of[index]
            if flag:  # a rule cue only marks its sentence (read by classify_sentences)
                sentence = sentences[bisect_right(starts, start) - 1]
                if index not in counted or _counted(doc.lower, sentence.start, start):
                    sentence.flags |= flag
                continue
            entry = entries[index]
            hits.append(_Hit(entry.kind, entry.ident, start, end, bisect_right(starts, start) - 1, entry))
        hits.sort(key=_START)  # stable: hits at one offset keep the order they were found in
        doc.hits = hits
        doc.learn_abbreviations()
        doc.classify_sentences()


def _counted(low: str, sentence_start: int, noun_start: int) -> bool:
    """A number starting a word comes before the noun at ``noun_start``, with at most three words between."""
    m = _COUNT_BEFORE.search(low, sentence_start, noun_start)
    while m is not None and m.start() and is_word_char(low[m.start() - 1]):
        m = _COUNT_BEFORE.search(low, m.start() + 1, noun_start)  # "a12 patients": no count there
    return m is not None


def _cue_pattern(source: str, where: str) -> Pattern:
    return Pattern.compile(source, where)


class _Document:
    """A record's title and abstract as one text, with sentences, their roles and the pattern hits."""

    def __init__(self, record: Record) -> None:
        parts: list[str] = []
        self.fields: list[tuple[str, int, int, int, str | None]] = []  # (name, start, end, role, label)
        offset = 0

        def add(name: str, text: str, role: int, label: str | None) -> None:
            nonlocal offset
            parts.append(text)
            self.fields.append((name, offset, offset + len(text), role, label))
            offset += len(text) + 1

        if record.title:
            add("title", record.title, _TITLE, None)
        for section in record.abstract_sections:
            if not section.text:
                continue
            label = section.label or None
            name = f"abstract:{label}" if label else "abstract"
            add(name, section.text, _section_role(label, section.category), label)
        self.text = "\n".join(parts)
        self.lower = self.text.lower()
        if len(self.lower) != len(self.text):  # a few letters lower-case to two characters
            self.lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in self.text)
        self.sentences: list[_Sentence] = []
        for index, (_, start, end, role, _label) in enumerate(self.fields):
            self._split(index, start, end, role)
        self.sentence_starts = [s.start for s in self.sentences]
        self.hits: list[_Hit] = []

    def _split(self, segment: int, start: int, end: int, role: int) -> None:
        # The field on its own: what precedes a sentence end is read within the field only.
        cursor = 0
        for m in _SENTENCE_END.finditer(self.text[start:end]):
            self.sentences.append(_Sentence(start + cursor, start + m.end(), segment, role))
            cursor = m.end(1)  # the next sentence starts after the whitespace
        if start + cursor < end:
            self.sentences.append(_Sentence(start + cursor, end, segment, role))

    def learn_abbreviations(self) -> None:
        """ "persistent post-surgical pain (PPSP)": later "PPSP" counts as the phrase it stands for."""
        text = self.text
        learned: list[_Hit] = []
        seen: set[str] = set()
        # The longest phrase names the abbreviation: "trigeminal neuralgia (TN)", not "neuralgia (TN)".
        for hit in self.hits:  # sorted by start
            if hit.kind not in ("cond", "cond_weak", "drug", "other_drug"):
                continue
            if text.find("(", hit.end, hit.end + 42) < 0:  # cheap: _ABBREVIATION needs one this near
                continue
            m = _ABBREVIATION.match(text, hit.end)
            if m is None:
                continue
            abbreviation = m.group(1)
            if abbreviation in seen or len(abbreviation) < 2:
                continue
            seen.add(abbreviation)
            for found in re.finditer(rf"\b{re.escape(abbreviation)}s?\b", text[m.end() :]):
                start = m.end() + found.start()
                learned.append(
                    _Hit(
                        hit.kind,
                        hit.ident,
                        start,
                        start + len(abbreviation),
                        bisect_right(self.sentence_starts, start) - 1,
                        hit.entry,
                    )
                )
        if learned:
            self.hits.extend(learned)

    def classify_sentences(self) -> None:
        """Mark each sentence as the record's own study or not (background, exclusion, history...).

        Reads the flags the rule cues set on their sentences (``Tagger._match``).
        """
        sentences = self.sentences
        first_own_in_segment: dict[int, int] = {}
        for i, s in enumerate(sentences):
            if s.role == _UNLABELLED and s.flags & 3 and s.segment not in first_own_in_segment:
                first_own_in_segment[s.segment] = i
        for i, s in enumerate(sentences):
            flags = s.flags
            if s.role == _TITLE:
                s.own = not flags & 8
                continue
            if flags & (8 | 16 | 32):  # exclusion, history, future
                s.own = False
                s.states_design = not flags & 32 and not (s.role == _BACKGROUND and not flags & 2)
                continue
            elif s.role == _BACKGROUND:
                s.own = bool(flags & 2)
            elif s.role == _UNLABELLED:
                first = first_own_in_segment.get(s.segment)
                if first is not None and i < first:
                    s.own = False  # the opening sentences before the study is introduced
                elif first is None and i == _first_of_segment(sentences, i) and i + 1 < len(sentences):
                    s.own = not flags & 4
                else:
                    s.own = not (flags & 4 and not flags & 3)
            else:
                s.own = not (flags & 4 and not flags & 3)
            s.states_design = s.own

    def field_of(self, position: int) -> tuple[str, int]:
        for name, start, end, _role, _label in self.fields:
            if start <= position <= end:
                return name, start
        return "abstract", 0

    def evidence(self, hit: _Hit, reason: str) -> Evidence:
        """The sentence that holds ``hit``, trimmed around it, with offsets in its field."""
        sentence = self.sentences[hit.sentence]
        start, end = sentence.start, sentence.end
        if end - start > 300:
            start = max(start, hit.start - 120)
            end = min(end, hit.end + 150)
        name, base = self.field_of(hit.start)
        return Evidence(name, self.text[start:end].strip(), reason, start - base, end - base)

    def span(self, hit: _Hit) -> str:
        """The matched words, completed to the end of the last one ("randomiz" → "randomized")."""
        end = _WORD_TAIL.match(self.text, hit.end, hit.end + 20).end()  # type: ignore[union-attr]
        return self.text[hit.start : end].rstrip("-")


_NEXT_WORD = re.compile(r"\s*(?:\([^()]{0,12}\)\s*)?([A-Za-z][\w-]*)")
_ROUTE_NOUNS = frozenset(
    (
        "administration",
        "administered",
        "injection",
        "injections",
        "infusion",
        "infusions",
        "bolus",
        "boluses",
        "dose",
        "doses",
        "dosing",
        "route",
        "routes",
        "delivery",
        "formulation",
        "formulations",
        "form",
        "forms",
        "use",
        "therapy",
        "treatment",
        "treatments",
        "application",
        "applications",
        "preparation",
        "solution",
        "regimen",
        "regimens",
        "and",
        "or",
        "versus",
        "vs",
        "to",
        "with",
        "plus",
        "in",
        "at",
        "of",
        "for",
        "as",
    )
)


_OF_DRUG = re.compile(r"\s*(?:\([^()]{0,20}\)\s*)?(?:of|with|containing)\s+(?:[\w./%-]+\s+){0,4}$")


def _names_its_noun(text: str, end: int, drug_start: int) -> bool:
    """The route word has its own noun ("epidural injection") not followed by "of <that drug>"."""
    m = _NEXT_WORD.match(text, end)
    if not m or m.group(1).lower() not in _ROUTE_NOUNS or m.group(1).lower() in _LINKS:
        return False
    return not _OF_DRUG.match(text[m.end() : drug_start])


_COORDINATOR = re.compile(r"\b(?:and|or|versus|vs|plus|with)\b|,")
_PARENTHETICAL = re.compile(r"\([^()]*\)")
_GAP_WORD = re.compile(r"[A-Za-z][A-Za-z-]{2,}")
_MODIFIERS = frozenset(
    (
        "low",
        "low-dose",
        "high-dose",
        "dose",
        "single",
        "continuous",
        "repeated",
        "racemic",
        "subanaesthetic",
        "subanesthetic",
        "sub-anaesthetic",
        "sub-anesthetic",
        "adjunctive",
        "adjuvant",
        "perioperative",
        "intraoperative",
        "postoperative",
        "preoperative",
        "short-term",
        "long-term",
        "prolonged",
        "daily",
        "weekly",
        "bolus",
        "infusion",
        "infusions",
        "injection",
        "injections",
        "administration",
        "outpatient",
        "inpatient",
        "mg",
        "kg",
        "the",
        "of",
        "a",
        "an",
        "test",
        "challenge",
        "compounded",
    )
)
_LINKS = frozenset(("and", "or", "versus", "vs", "to", "with", "plus", "in", "at", "of", "for", "as"))


def _modifies_other_noun(text: str, end: int) -> bool:
    m = _NEXT_WORD.match(text, end)
    return bool(m) and m.group(1).lower() not in _ROUTE_NOUNS


def _first_of_segment(sentences: list[_Sentence], i: int) -> int:
    segment = sentences[i].segment
    while i > 0 and sentences[i - 1].segment == segment:
        i -= 1
    return i


@lru_cache(maxsize=4096)
def _section_role(label: str | None, category: str | None) -> int:
    for text in (category, label):
        if not text:
            continue
        lowered = text.lower()
        if lowered == "unassigned":
            continue
        for name, pattern in _ROLE_OF_LABEL:
            if pattern.search(lowered):
                return _ROLE_IDS[name]
    return _UNLABELLED


_ROLE_WORD = {
    _TITLE: "the title",
    _BACKGROUND: "the background",
    _OBJECTIVE: "the objective",
    _METHODS: "the methods",
    _RESULTS: "the results",
    _CONCLUSION: "the conclusions",
    _UNLABELLED: "the abstract",
}


class _Decision:
    """Turns one record's hits into labels, keeping the evidence for each."""

    def __init__(self, tagger: Tagger, doc: _Document, record: Record) -> None:
        self.t = tagger
        self.v = tagger.vocabulary
        self.doc = doc
        self.record = record
        self.firm_specific: set[str] = set()  # conditions the study itself names (set by conditions())
        self.by_kind: dict[str, list[_Hit]] = {}
        for hit in sorted(doc.hits, key=_START):
            self.by_kind.setdefault(hit.kind, []).append(hit)

    def own(self, hit: _Hit) -> bool:
        return self.doc.sentences[hit.sentence].own

    def where(self, hit: _Hit) -> str:
        return _ROLE_WORD[self.doc.sentences[hit.sentence].role]

    def tags(self) -> Tags:
        design, design_evidence = self.design()
        conditions = self.conditions()
        routes = self.routes(preclinical=design == "preclinical")
        on_topic, on_topic_evidence = self.on_topic(conditions, design)
        return Tags(
            on_topic=on_topic,
            conditions=tuple(conditions),
            routes=tuple(routes),
            design=design,
            on_topic_evidence=tuple(on_topic_evidence),
            design_evidence=tuple(design_evidence),
            condition_evidence=conditions,
            route_evidence=routes,
        )

    # -- conditions ----------------------------------------------------------------------------

    def firm(self, hit: _Hit) -> bool:
        """Said of the study itself, not only in a conclusion that looks beyond it."""
        s = self.doc.sentences[hit.sentence]
        return s.role != _CONCLUSION and not s.flags & 64

    def _first(self, kind: str) -> dict[str, _Hit]:
        """The first own-study mention of each id, preferring one outside speculative conclusions."""
        chosen: dict[str, _Hit] = {}
        for hit in self.by_kind.get(kind, ()):
            if self.own(hit) and (hit.ident not in chosen or (not self.firm(chosen[hit.ident]) and self.firm(hit))):
                chosen[hit.ident] = hit
        return chosen

    def conditions(self) -> dict[str, tuple[Evidence, ...]]:
        strong = self._first("cond")
        weak = self._first("cond_weak")
        firm = {cid for cid, hit in (*strong.items(), *weak.items()) if self.firm(hit)}
        part_hits: dict[str, int] = {}
        for hit in self.by_kind.get("cond_part", ()):
            if hit.ident in part_hits or not self.own(hit) or hit.entry is None:
                continue
            s = self.doc.sentences[hit.sentence]
            others = self.v.conditions[hit.ident].sentence_patterns[hit.entry.part][1:]
            if all(p.regex.search(self.doc.text, s.start, s.end) for p in others):
                part_hits[hit.ident] = hit.sentence
        found: dict[str, tuple[Evidence, ...]] = {}
        firm |= {
            cid
            for cid, sentence in part_hits.items()
            if self.doc.sentences[sentence].role != _CONCLUSION and not self.doc.sentences[sentence].flags & 64
        }
        for cid, hit in strong.items():
            found[cid] = (self.doc.evidence(hit, f'names "{self.doc.span(hit)}" in {self.where(hit)}'),)
        mesh_ids = {h.ui for h in self.record.mesh if h.ui}
        for ui in sorted(mesh_ids & self.t._cond_mesh.keys()):
            cid = self.t._cond_mesh[ui]
            heading = next(h.descriptor for h in self.record.mesh if h.ui == ui)
            found.setdefault(cid, (Evidence("mesh", heading, f"MeSH heading {heading} ({ui})"),))
            firm.add(cid)
        candidates: dict[str, tuple[Evidence, ...]] = {}
        for cid, hit in weak.items():
            if cid not in found:
                candidates[cid] = (self.doc.evidence(hit, f'names "{self.doc.span(hit)}" in {self.where(hit)}'),)
        for cid, sentence in part_hits.items():
            if cid not in found and cid not in candidates:
                s = self.doc.sentences[sentence]
                fake = _Hit("cond_part", cid, s.start, s.end, sentence, None)
                label = self.v.conditions[cid].label.lower()
                candidates[cid] = (self.doc.evidence(fake, f"describes {label} in {_ROLE_WORD[s.role]}"),)
        # A weak mention yields to a more specific condition: "neuropathic pain" to "phantom limb pain".
        for cid, evidence in candidates.items():
            if not self._yields(cid, set(found) | (set(candidates) - {cid})):
                found[cid] = evidence
        if firm & set(found):  # a condition named only in a speculative conclusion is not the population
            found = {cid: ev for cid, ev in found.items() if cid in firm}
        general = self.t._general
        if general and set(found) - {general}:
            found = self._drop_listed(found, general)
        self.firm_specific = {cid for cid in set(found) & firm if "*" not in self.v.conditions[cid].yields_to}
        return {cid: found[cid] for cid in sorted(found, key=self.t._condition_rank.__getitem__)}

    def _drop_listed(self, found: dict[str, tuple[Evidence, ...]], general: str) -> dict[str, tuple[Evidence, ...]]:
        """In a mixed chronic-pain population, diagnoses only listed (no results of their own) add nothing."""
        sentences = self.doc.sentences
        population = [
            h
            for h in self.by_kind.get("cond", []) + self.by_kind.get("cond_weak", [])
            if h.ident == general and (sentences[h.sentence].role == _TITLE or sentences[h.sentence].flags & 2)
        ]
        if not population:
            return found
        ids_in: dict[int, set[str]] = {}
        for hit in self.by_kind.get("cond", []) + self.by_kind.get("cond_weak", []):
            if self.own(hit):
                ids_in.setdefault(hit.sentence, set()).add(hit.ident)
        counted = {
            h.sentence
            for h in self.by_kind.get("cond", []) + self.by_kind.get("cond_weak", [])
            if _COUNT_AFTER.match(self.doc.text, h.end)
        }
        kept: dict[str, tuple[Evidence, ...]] = {}
        for cid, evidence in found.items():
            places = [i for i, ids in ids_in.items() if cid in ids]
            listed = places and all(
                sentences[i].flags & 128 and (len(ids_in[i] - {general}) > 1 or i in counted) for i in places
            )
            if not listed or cid == general:
                kept[cid] = evidence
        if general not in kept and len(kept) < len(found):
            hit = population[0]
            kept[general] = (
                self.doc.evidence(hit, f'a mixed population: "{self.doc.span(hit)}" in {self.where(hit)}'),
            )
        return {cid: kept[cid] for cid in self.v.conditions if cid in kept}

    def _yields(self, cid: str, others: set[str]) -> bool:
        for target in self.v.conditions[cid].yields_to:
            if target == "*":
                if others - {cid}:
                    return True
            elif target.startswith("group:"):
                members = self.v.groups[target[6:]].members
                if any(o in members and o != cid for o in others):
                    return True
            elif target in others:
                return True
        return False

    # -- routes --------------------------------------------------------------------------------

    def routes(self, *, preclinical: bool) -> dict[str, tuple[Evidence, ...]]:
        if not self.by_kind.get("drug"):
            return {}
        drugs = sorted(self.by_kind["drug"] + self.by_kind.get("other_drug", []), key=_START)
        by_sentence: dict[int, list[_Hit]] = {}
        for d in drugs:
            by_sentence.setdefault(d.sentence, []).append(d)
        only_drug = not any(self.own(h) for h in self.by_kind.get("other_drug", ()))
        found: dict[str, list[Evidence]] = {}
        firm: set[str] = set()
        bound_sentences: set[int] = set()
        for kind in ("route", "route_adverb", "route_form"):
            for hit in self.by_kind.get(kind, ()):
                if not self.own(hit) or (hit.ident in found and len(found[hit.ident]) >= 2):
                    continue
                reason = self._bind(hit, kind, by_sentence.get(hit.sentence, []), only_drug)
                if reason:
                    found.setdefault(hit.ident, []).append(self.doc.evidence(hit, reason))
                    bound_sentences.add(hit.sentence)
                    if self.firm(hit):
                        firm.add(hit.ident)
        if firm:  # "oral ketamine could be an alternative" in the conclusions of an IV trial
            found = {rid: ev for rid, ev in found.items() if rid in firm}
        infusion_route = self.v.infusion_route
        if infusion_route and not preclinical and infusion_route not in found:
            for d in self.by_kind.get("drug", ()):
                if not self.own(d) or d.sentence in bound_sentences:
                    continue
                s = self.doc.sentences[d.sentence]
                lo, hi = max(s.start, d.start - 40), min(s.end, d.end + 60)
                # Cheap first: n, f and u have no other case-insensitive matches than N, F and U.
                if self.doc.lower.find("nfu", lo, hi) < 0:
                    continue
                m = _INFUSION.search(self.doc.text, lo, hi)
                if m:
                    found[infusion_route] = [
                        self.doc.evidence(
                            d,
                            f'{self.v.intervention_label} given as an infusion ("{m.group(0)}..."); no route '
                            f"stated → {self.v.routes[infusion_route].label.lower()}",
                        )
                    ]
                    break
        return {rid: tuple(found[rid]) for rid in sorted(found, key=self.t._route_rank.__getitem__)}

    def _bind(self, hit: _Hit, kind: str, drugs: list[_Hit], only_drug: bool) -> str | None:
        """Why this route word belongs to the studied drug, or None when it belongs to another."""
        text = self.doc.text
        word = self.doc.span(hit)
        label = self.v.intervention_label
        blocker = _BOUNDARY if kind != "route" else _ADJECTIVE_BOUNDARY
        after = [
            d
            for d in drugs
            if d.start >= hit.end
            and d.start - hit.end <= _FORWARD_WINDOW
            and not blocker.search(text, hit.end, d.start)
        ]
        before = [
            d
            for d in drugs
            if d.end <= hit.start
            and hit.start - d.end <= _BACKWARD_WINDOW
            and not _BOUNDARY.search(text, d.end, hit.start)
        ]
        if kind == "route" and not after and _modifies_other_noun(text, hit.end):
            before = []  # "oral NMDA antagonist": the adjective belongs to the noun after it
        if kind == "route" and after and before and _names_its_noun(text, hit.end, after[0].start):
            after = []  # "ketamine ... epidural injection and gabapentin": the injection was ketamine's
        if kind == "route" and after and after[0].kind == "drug" and self._other_noun_first(hit, after[0]):
            after = []  # "oral nefopam and intravenous ketamine": "oral" went to a drug we do not list
        order = (after, before[::-1]) if kind == "route" else (before[::-1], after)
        if kind == "route_form":  # the nearest drug either side
            near = sorted(after + before, key=lambda d: min(abs(d.start - hit.end), abs(hit.start - d.end)))
            order = (near, [])
        for side in order:
            if not side:
                continue
            first = side[0]
            if first.kind == "drug":
                return f'route "{word}" stated for {label}'
            # "intravenous lidocaine or ketamine", "ketamine with bupivacaine for caudal block"
            for other in side[1:3]:
                lo, hi = (first.end, other.start) if other.start > first.start else (other.end, first.start)
                if other.kind == "drug" and _COORDINATED.match(text[lo:hi]):
                    return f'route "{word}" stated for {label} given with {self.doc.span(first)}'
            return None
        if only_drug and not drugs and self.doc.sentences[hit.sentence].role != _TITLE:
            return f'route "{word}" stated in {self.where(hit)}; {label} is the only drug studied'
        return None

    def _other_noun_first(self, hit: _Hit, drug: _Hit) -> bool:
        """Before a coordinator, the route word meets a word that is neither a modifier nor a route."""
        gap = self.doc.text[hit.end : drug.start]
        m = _COORDINATOR.search(gap)
        if m is None:
            return False
        route_starts = {h.start for k in ("route", "route_adverb", "route_form") for h in self.by_kind.get(k, ())}
        for w in _GAP_WORD.finditer(_PARENTHETICAL.sub(" ", gap[: m.start()])):
            if w.group(0).lower() not in _MODIFIERS and hit.end + w.start() not in route_starts:
                return True
        return False

    # -- design --------------------------------------------------------------------------------

    def design(self) -> tuple[str, list[Evidence]]:
        doc = self.doc
        rank = self.t._design_rank
        designs = self.v.designs
        title_hits: dict[str, _Hit] = {}
        strong_hits: dict[str, _Hit] = {}
        weak_hits: dict[str, _Hit] = {}
        for kind in ("design", "design_title"):
            for hit in self.by_kind.get(kind, ()):
                s = doc.sentences[hit.sentence]
                in_title = s.role == _TITLE
                if kind == "design_title" and not in_title:
                    continue
                if in_title:
                    title_hits.setdefault(hit.ident, hit)
                if s.states_design and (kind == "design" or in_title):
                    strong_hits.setdefault(hit.ident, hit)
        for hit in self.by_kind.get("design_decides", ()):
            if doc.sentences[hit.sentence].states_design:  # "in this review", "this case report"
                title_hits.setdefault(hit.ident, hit)
                strong_hits.setdefault(hit.ident, hit)
        for hit in self.by_kind.get("design_weak", ()):
            if doc.sentences[hit.sentence].states_design:
                weak_hits.setdefault(hit.ident, hit)
        label_hit = self._label_design()
        if label_hit:
            title_hits.setdefault(label_hit[0], label_hit[1])
            strong_hits.setdefault(label_hit[0], label_hit[1])
        decided = [d for d in title_hits if designs[d].title_decides]
        if decided:
            best = min(decided, key=rank.__getitem__)
            higher = [d for d in strong_hits if designs[d].title_decides and rank[d] < rank[best]]
            best = min(higher, key=rank.__getitem__) if higher else best
            hit = strong_hits.get(best) or title_hits[best]
            return best, [self._design_evidence(best, hit, f"{self.where(hit)} says")]
        if strong_hits:
            best = min(strong_hits, key=rank.__getitem__)
            hit = strong_hits[best]
            return best, [self._design_evidence(best, hit, f"{self.where(hit)} says of its own study")]
        from_types = self._design_from_types()
        if from_types:
            return from_types
        if weak_hits:
            best = min(weak_hits, key=rank.__getitem__)
            return best, [self._design_evidence(best, weak_hits[best], "suggested by")]
        return "other", [Evidence("abstract", "", "no design stated in the title, abstract or publication types")]

    def _label_design(self) -> tuple[str, _Hit] | None:
        """A section labelled "Case report" or "Purpose of review" names the design."""
        cache = self.t._label_designs
        for _name, start, end, _role, label in self.doc.fields:
            if not label:
                continue
            if label not in cache:
                cache[label] = next(
                    (d.id for d in self.v.designs.values() if any(p.regex.search(label) for p in d.strong + d.decides)),
                    None,
                )
                if len(cache) > 5000:
                    cache.clear()
            design = cache[label]
            if design:
                index = bisect_right(self.doc.sentence_starts, start) - 1
                return design, _Hit("design", design, start, min(end, start + 1), index, None)
        return None

    def _design_evidence(self, design: str, hit: _Hit, how: str) -> Evidence:
        label = self.v.designs[design].label.lower()
        if hit.entry is None:  # from a section label
            name, _ = self.doc.field_of(hit.start)
            return Evidence(name, name.split(":", 1)[-1], f"the section label names a {label}")
        return self.doc.evidence(hit, f'{how} "{self.doc.span(hit)}" → {label}')

    def _design_from_types(self) -> tuple[str, list[Evidence]] | None:
        rank = self.t._design_rank
        options: list[tuple[int, str, Evidence]] = []
        for pt in self.record.publication_types:
            design = self.t._design_pt.get(pt.name.lower())
            if design:
                options.append(
                    (rank[design], design, Evidence("publication_type", pt.name, f"PubMed publication type {pt.name}"))
                )
        mesh_uis = {h.ui for h in self.record.mesh}
        if _HUMANS_UI not in mesh_uis:
            for h in self.record.mesh:
                design = self.t._design_mesh.get(h.ui or "")
                if design:
                    options.append(
                        (
                            rank[design],
                            design,
                            Evidence("mesh", h.descriptor, f"MeSH heading {h.descriptor} without Humans"),
                        )
                    )
        if not options:
            return None
        _, design, evidence = min(options, key=lambda o: o[0])
        return design, [evidence]

    # -- on topic ------------------------------------------------------------------------------

    def on_topic(self, conditions: dict[str, tuple[Evidence, ...]], design: str) -> tuple[bool, list[Evidence]]:
        doc = self.doc
        label = self.v.intervention_label
        drug_hits = self.by_kind.get("drug", [])
        # "...in patients who responded to ketamine": named in the title, but given before the study.
        title_drug = [
            h
            for h in drug_hits
            if doc.sentences[h.sentence].role == _TITLE and not doc.sentences[h.sentence].flags & 16
        ]
        own_sentences = sorted({h.sentence for h in drug_hits if doc.sentences[h.sentence].own})
        purpose = [h for h in drug_hits if doc.sentences[h.sentence].own and doc.sentences[h.sentence].flags & 2]
        mesh_drug = [h for h in self.record.mesh if h.ui in self.v.intervention_mesh and h.major]
        studied: _Hit | None = (title_drug or purpose or [None])[0]
        if studied is None and len(own_sentences) >= 2:
            studied = next(h for h in drug_hits if h.sentence == own_sentences[0])
        if studied is None and not mesh_drug:
            if drug_hits:
                return False, [doc.evidence(drug_hits[0], f"{label} is only mentioned, not studied")]
            return False, [Evidence("abstract", "", f"{label} is not mentioned")]
        drug_evidence = (
            doc.evidence(studied, f"{label} is the studied intervention ({self.where(studied)})")
            if studied
            else Evidence("mesh", mesh_drug[0].descriptor, f"major MeSH heading {mesh_drug[0].descriptor}")
        )
        # Title-level context that makes a record off topic: depression, sedation, acute pain, abuse.
        chronic_title = [h for h in self.by_kind.get("chronic", ()) if doc.sentences[h.sentence].role == _TITLE]
        condition_title = [cid for cid, ev in conditions.items() if ev and ev[0].field == "title"]
        chronic_purpose = [h for h in self.by_kind.get("chronic", ()) if doc.sentences[h.sentence].flags & 2]
        # A specific chronic condition the study itself measures (persistent pain after the surgery
        # the title names) outweighs the title's acute or anaesthetic framing.
        measured = bool(self.firm_specific)
        for hit in self.by_kind.get("off", ()):
            off = next(o for o in self.v.off_topic if o.id == hit.ident)
            sentence = doc.sentences[hit.sentence]
            if sentence.role == _TITLE:
                counts = not chronic_title and not condition_title and not measured
            else:  # the stated purpose of the study, for contexts not limited to the title
                counts = (
                    not off.title_only
                    and sentence.own
                    and bool(sentence.flags & 2)
                    and not chronic_title
                    and not condition_title
                    and not chronic_purpose
                    and not conditions
                )
            if counts:
                return False, [
                    drug_evidence,
                    doc.evidence(hit, f'about {off.label} ("{doc.span(hit)}"), not chronic pain'),
                ]
        if conditions:
            cid = next(iter(conditions))
            return True, [drug_evidence, *conditions[cid][:1]]
        for kind, reason in (("chronic", "a chronic pain population"), ("model", "a chronic pain model")):
            if kind == "model" and design != "preclinical":
                continue
            for hit in self.by_kind.get(kind, ()):
                if doc.sentences[hit.sentence].own:
                    return True, [drug_evidence, doc.evidence(hit, f'{reason}: "{doc.span(hit)}"')]
        return False, [drug_evidence, Evidence("abstract", "", "no chronic pain condition in the study population")]
