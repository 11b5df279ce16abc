"""A record as the tagger reads it: title and abstract sections as one text, cut into sentences.

Each sentence knows the field it is in and that field's role (title, background, methods...); the
cues mark it further (``litscan.tagging.cues``). The document also holds the pattern hits found in
it, grouped by kind, and quotes the evidence for a tag: the sentence around a hit, with offsets in
its field.
"""

from __future__ import annotations

import enum
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, Final, NamedTuple

from ..models import Evidence, Record
from ..pubmed.sections import Category, label_marks, labelled_parts, may_have_labels, section_category
from . import regex_programs
from .sentences import sentence_spans

if TYPE_CHECKING:
    from .compiled import Entry


class Role(enum.IntEnum):
    """The part of the record a sentence is in."""

    TITLE = 0
    BACKGROUND = 1
    OBJECTIVE = 2
    METHODS = 3
    RESULTS = 4
    CONCLUSION = 5
    UNLABELLED = 6  # an abstract without section labels, or a label that names no part


_ROLE_WORD = {
    Role.TITLE: "the title",
    Role.BACKGROUND: "the background",
    Role.OBJECTIVE: "the objective",
    Role.METHODS: "the methods",
    Role.RESULTS: "the results",
    Role.CONCLUSION: "the conclusions",
    Role.UNLABELLED: "the abstract",
}

_ROLE_OF_CATEGORY = {
    Category.BACKGROUND: Role.BACKGROUND,
    Category.OBJECTIVE: Role.OBJECTIVE,
    Category.METHODS: Role.METHODS,
    Category.RESULTS: Role.RESULTS,
    Category.CONCLUSIONS: Role.CONCLUSION,
}


@lru_cache(maxsize=4096)
def section_role(label: str | None, category: str | None) -> Role:
    """The role of an abstract section: by its NLM category, else by its label's words."""
    found = section_category(label, category)
    return Role.UNLABELLED if found is None else _ROLE_OF_CATEGORY.get(found, Role.UNLABELLED)


class Field(NamedTuple):
    """The title or one abstract section, placed in the document's text."""

    name: str  # "title", "abstract", "abstract:METHODS": the field evidence names
    start: int
    end: int
    role: Role
    label: str | None
    base: int  # where the record's field starts: an abstract's inline sections share the abstract's offsets


# Hits and sentences are made by the tens per record: their ``__init__`` is written out, because
# the one ``dataclass`` generates stays interpreted Python where mypyc compiles the class (``setup.py``),
# ~2,800 instructions a call against ~150.
@dataclass(slots=True, init=False)
class Sentence:
    """One sentence of the document, and what its cues and section make of it."""

    start: int
    end: int
    segment: int  # index of its field
    role: Role
    cues: int = 0  # ``litscan.tagging.cues.Cue`` flags, set by the tagger's pass over the text
    own: bool = True  # the record's own study: counts for conditions and routes (``cues.classify``)
    states_design: bool = True  # may state the design: exclusion or prior-treatment clauses still do
    firm: bool = True  # said of the study itself, not in a conclusion that looks beyond it

    def __init__(
        self,
        start: int,
        end: int,
        segment: int,
        role: Role,
        cues: int = 0,
        own: bool = True,
        states_design: bool = True,
        firm: bool = True,
    ) -> None:
        self.start = start
        self.end = end
        self.segment = segment
        self.role = role
        self.cues = cues
        self.own = own
        self.states_design = states_design
        self.firm = firm


@dataclass(slots=True, init=False)
class Hit:
    """A vocabulary pattern found in the document."""

    kind: str  # the kind of its entry: "drug", "cond", "route", "design", ... (``compiled.Entry``)
    ident: str
    start: int
    end: int
    sentence: int  # index into ``Document.sentences``
    entry: Entry | None  # None for a hit a rule made up (a section label naming the design)
    context: int = 0  # ``litscan.tagging.context.Context`` flags of the triggers whose scope covers it
    context_by: tuple[Hit, ...] = ()  # those triggers (``context.apply``)

    def __init__(
        self,
        kind: str,
        ident: str,
        start: int,
        end: int,
        sentence: int,
        entry: Entry | None,
        context: int = 0,
        context_by: tuple[Hit, ...] = (),
    ) -> None:
        self.kind = kind
        self.ident = ident
        self.start = start
        self.end = end
        self.sentence = sentence
        self.entry = entry
        self.context = context
        self.context_by = context_by


# Typesetting the rules need not spell out: a publisher's no-break, thin or other fixed-width space is a
# space, and a Unicode hyphen, non-breaking hyphen, figure dash, en dash or minus sign joining words or
# numbers is a hyphen ("post\u2010operative", "placebo\u2013controlled"). One character for one, so
# offsets hold; evidence quotes the record's own characters.
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_HYPHENS = "\u2010\u2011\u2012\u2013\u2212"
_PLAIN = {**dict.fromkeys(_SPACES, " "), **dict.fromkeys(_HYPHENS, "-")}
_START = attrgetter("start")
_WORD_TAIL = regex_programs.compile(r"(?:[^\W_]|-)*")  # letters, digits (str.isalnum) and hyphens
_NO_HITS: Sequence[Hit] = ()
_TITLE: Final = Role.TITLE


class Document:
    """A record's title and abstract as one text, with sentences, their roles and the pattern hits."""

    def __init__(self, record: Record) -> None:
        self.record = record
        parts: list[str] = []
        self.fields: list[Field] = []
        offset = 0
        if record.title:
            parts.append(record.title)
            self.fields.append(Field("title", 0, len(record.title), _TITLE, None, 0))
            offset = len(record.title) + 1
        for section in record.abstract_sections:
            if not section.text:
                continue
            label = section.label or None
            parts.append(section.text)
            if label is None and section.category is None:
                self.fields.extend(_inline_sections(section.text, offset))
            else:
                role = section_role(label, section.category)
                self.fields.append(
                    Field(
                        f"abstract:{label}" if label else "abstract",
                        offset,
                        offset + len(section.text),
                        role,
                        label,
                        offset,
                    )
                )
            offset += len(section.text) + 1
        self.source = self.text = "\n".join(parts)  # ``source``: the record's characters, for quotes
        if not self.text.isascii():
            # One ``in`` per character: C-speed, and instant for a character wider than any of the text's
            # (most non-ASCII abstracts are Latin-1: "µ", "±"); a regex class tests each character of the text.
            for typeset, plain in _PLAIN.items():
                if typeset in self.text:  # most texts: none, or an en dash or two
                    self.text = self.text.replace(typeset, plain)  # str.translate: ~8x slower here
        self.lower = self.text.lower()
        if len(self.lower) != len(self.text):  # a few letters lower-case to two characters
            self.lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in self.text)
        text = self.text
        self.sentences = [
            Sentence(start, end, segment, f.role)
            for segment, f in enumerate(self.fields)
            for start, end in sentence_spans(text, f.start, f.end)
        ]
        if ";" in text:
            self.sentences = _clauses(text, self.sentences)
        self.sentence_starts = [s.start for s in self.sentences]
        self.hits: list[Hit] = []  # sorted by start, then the abbreviations learned from them
        self._by_kind: dict[str, list[Hit]] = {}  # each kind's hits, in text order

    def sentence_at(self, position: int) -> int:
        """The index of the sentence holding ``position``."""
        return bisect_right(self.sentence_starts, position) - 1

    def set_hits(self, hits: list[Hit]) -> None:
        """The pattern hits, in text order (hits at one offset in the order they were found), indexed by kind."""
        self.hits = hits
        by_kind: dict[str, list[Hit]] = {}
        for hit in hits:
            same = by_kind.get(hit.kind)
            if same is None:
                by_kind[hit.kind] = [hit]
            else:
                same.append(hit)
        self._by_kind = by_kind

    def add_hits(self, more: list[Hit]) -> None:
        """Hits found after the others (abbreviations learned from them): each kind's hits stay in text order,
        hits at one offset in the order they were added."""
        self.hits.extend(more)
        by_kind = self._by_kind
        for kind in {hit.kind for hit in more}:
            by_kind[kind] = sorted([*by_kind.get(kind, ()), *(h for h in more if h.kind == kind)], key=_START)

    def remove_hits(self, gone: list[Hit]) -> None:
        """Hits a later reading takes back (an abbreviation the record defines as something else)."""
        ids = {id(hit) for hit in gone}
        self.hits = [hit for hit in self.hits if id(hit) not in ids]
        self._by_kind = {kind: [h for h in hits if id(h) not in ids] for kind, hits in self._by_kind.items()}

    def hits_of(self, kind: str) -> Sequence[Hit]:
        return self._by_kind.get(kind, _NO_HITS)

    def hits_by_sentence(self, kind: str) -> dict[int, list[Hit]]:
        """The hits of one kind, by the index of their sentence."""
        out: dict[int, list[Hit]] = {}
        for h in self.hits_of(kind):
            out.setdefault(h.sentence, []).append(h)
        return out

    def own(self, hit: Hit) -> bool:
        return self.sentences[hit.sentence].own

    def firm(self, hit: Hit) -> bool:
        return self.sentences[hit.sentence].firm

    def role(self, hit: Hit) -> Role:
        return self.sentences[hit.sentence].role

    def where(self, hit: Hit) -> str:
        """The part of the record the hit is in, in words: "the title", "the methods"."""
        return _ROLE_WORD[self.sentences[hit.sentence].role]

    def field_of(self, position: int) -> tuple[str, int]:
        """The name and start of the field holding ``position``."""
        for f in self.fields:
            if f.start <= position <= f.end:
                return f.name, f.base
        return "abstract", 0

    def evidence(self, hit: Hit, reason: str) -> Evidence:
        """The sentence that holds ``hit``, trimmed around it, with offsets in its field."""
        sentence = self.sentences[hit.sentence]
        start, end = sentence.start, sentence.end
        if end - start > 300:
            start = max(start, hit.start - 120)
            end = min(end, hit.end + 150)
        name, base = self.field_of(hit.start)
        return Evidence(name, self.source[start:end].strip(), reason, start - base, end - base)

    def sentence_evidence(self, index: int, reason: str) -> Evidence:
        """A whole sentence as the evidence (a rule about the sentence, not one word of it)."""
        s = self.sentences[index]
        return self.evidence(Hit("sentence", "", s.start, s.end, index, None), reason)

    def span(self, hit: Hit) -> str:
        """The matched words, completed to the end of the last one ("randomiz" → "randomized")."""
        m = _WORD_TAIL.match(self.text, hit.end, hit.end + 20)
        end = m.end() if m else hit.end
        return self.source[hit.start : end].rstrip("-" + _HYPHENS)


# A semicolon and a space with no closing bracket ahead before an opening one: likely outside brackets
# (the count in ``_clauses`` decides).
_OPEN_CLAUSE_MARK = regex_programs.compile(r"; (?![^()]*\))")


def _clauses(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences cut again where a semicolon outside brackets joins two clauses: each is read on its own
    ("randomised to intravenous ketamine or placebo; patients on oral opioids were excluded")."""
    cuts: dict[int, list[int]] = {}  # by sentence: where its clauses end
    starts: list[int] | None = None
    for m in _OPEN_CLAUSE_MARK.finditer(text):  # most semicolons sit in brackets: "(IQR 4-9; n = 12)"
        starts = starts or [s.start for s in sentences]
        at = m.start()
        i = bisect_right(starts, at) - 1
        if i >= 0 and at < sentences[i].end:
            cuts.setdefault(i, []).append(at)
    out: list[Sentence] = []
    done = 0  # the sentences before this one are in ``out``
    for i, ends in cuts.items():  # in text order
        s = sentences[i]
        start = s.start
        pieces = []
        # items a colon introduces are one list, not clauses: "four infusions of: calcitonin; ketamine; placebo"
        listed = text.find(": ", s.start, ends[-1])
        for cut in ends:
            if (listed < 0 or cut < listed) and text.count("(", start, cut) <= text.count(")", start, cut):
                pieces.append(Sentence(start, cut + 1, s.segment, s.role))
                start = cut + 2
        if pieces:
            out += sentences[done:i]
            out += pieces
            out.append(Sentence(start, s.end, s.segment, s.role))
            done = i + 1
    if not done:
        return sentences
    out += sentences[done:]
    return out


def _inline_sections(text: str, offset: int) -> list[Field]:
    """An unlabelled abstract's parts, each with the role its own label gives it ("BACKGROUND: ... METHODS: ..."
    in one block, as some publishers send a structured abstract), all named and placed as the one field it is.

    Two labels at least: one capitalised word and a colon alone may be anything ("Results: mixed").
    """
    # Most unlabelled abstracts have none of what a label needs, and looking for labels costs as much as
    # the rest of reading the record.
    if not may_have_labels(text):
        return [_unlabelled(text, offset)]
    marks = label_marks(text)
    if len(marks) < 2:
        return [_unlabelled(text, offset)]
    fields = []
    for start, _, stop, label in labelled_parts(text, marks):
        end = stop - 1 if stop < len(text) else stop  # a part ends before the space that opens the next
        role = Role.UNLABELLED if label is None else section_role(label, None)
        fields.append(Field("abstract", offset + start, offset + max(start, end), role, label, offset))
    return fields


def _unlabelled(text: str, offset: int) -> Field:
    return Field("abstract", offset, offset + len(text), Role.UNLABELLED, None, offset)


def role_words(role: Role) -> str:
    """A role in words: "the title", "the methods"."""
    return _ROLE_WORD[role]
