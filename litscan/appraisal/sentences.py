"""An abstract as sentences, each with the role of the passage it sits in and its place in the abstract.

A full stop ends a sentence when whitespace and a capital, digit or bracket follow, and the word
before it is not an abbreviation ("vs.", "e.g.", "et al.", "i.v.") or an initial. In text without
headings, a sentence that opens a conclusion ("In conclusion, …", "We conclude …") makes it and the
sentences after it conclusions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Record
from .sections import Passage, Role, passages

_BREAK = re.compile(r"[.!?](?:[\"”’)\]])?(\s+)(?=[\"“(\[]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    [
        "e.g",
        "i.e",
        "vs",
        "v",
        "et",
        "al",
        "fig",
        "figs",
        "no",
        "nos",
        "approx",
        "dr",
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
        "ref",
        "eq",
        "st",
        "mr",
        "mrs",
        "ms",
        "incl",
        "dept",
        "univ",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_CONCLUSION_OPENING = re.compile(
    r"^(?:in conclusions?|in summary|to conclude|to summari[sz]e|taken together|overall,|we conclude|"
    r"(?:the authors|we) (?:therefore )?conclude|"
    r"(?:this|the present|our) (?:[\w-]+ ){0,3}(?:study|trial|review|case|series|analysis|report|audit|experience|"
    r"work|data|results|findings) (?:has |have )?(?:shows?|showed|demonstrates?|demonstrated|suggests?|suggested|"
    r"indicates?|indicated|confirms?|confirmed|found|supports?))",
    re.IGNORECASE,
)


@dataclass
class Sentence:
    """One sentence: its text, its role, the heading of its passage, and its place among all sentences."""

    text: str
    role: Role
    label: str | None
    index: int  # 0-based, over the whole abstract
    total: int = 0  # sentences in the abstract
    low: str = ""  # the text lower-cased, made once for the phrase lists

    def __post_init__(self) -> None:
        self.low = self.text.lower()

    @property
    def position(self) -> float:
        """Where it sits in the abstract: 0.0 first, 1.0 last."""
        return self.index / (self.total - 1) if self.total > 1 else 1.0


def split_sentences(text: str) -> list[str]:
    """The sentences of one passage of text."""
    out: list[str] = []
    start = 0
    for match in _BREAK.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, match.start() - 12), match.start())
        if before:
            word = before.group(1).rstrip(".").lower()
            if word in _ABBREVIATIONS:
                continue
        end = match.start(1)
        piece = text[start:end].strip()
        if piece:
            out.append(piece)
        start = match.end(1)
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def sentences_of(record: Record) -> list[Sentence]:
    """Every sentence of the record's abstract, in order, with its role."""
    return sentences_of_passages(passages(record))


def sentences_of_passages(parts: list[Passage]) -> list[Sentence]:
    out: list[Sentence] = []
    for part in parts:
        out += [
            Sentence(text, part.role, part.label, len(out) + i) for i, text in enumerate(split_sentences(part.text))
        ]
    concluding = False
    for sentence in out:
        sentence.total = len(out)
        # An opening like "We conclude" in the second half of text without headings starts its conclusion.
        if sentence.role == "unlabelled" and sentence.position >= 0.5:
            concluding = concluding or bool(_CONCLUSION_OPENING.match(sentence.text))
            sentence.role = "conclusions" if concluding else sentence.role
    return out
