"""Conditions described rather than named: the parts of a sentence pattern found together.

A condition's ``sentence_patterns`` name it only together ("stroke" and "central pain" in one sentence);
its ``title_sentence_patterns`` may also find their first part in the title, as the population the title
names ("ketamine prescribing in a hospice"), and the others in one of the study's own sentences ("given
for pain in 36"), one that denies nothing ("pain was not an outcome").
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from . import regex_programs
from .document import Document, Role, Sentence
from .vocabulary import Condition, Pattern


class Described(Enum):
    """Where a condition's parts were found together."""

    NOT = 0
    IN_ITS_SENTENCE = 1
    TITLE_AND_ABSTRACT = 2  # the title names the population, a sentence of the abstract the rest


_DENYING = regex_programs.compile(r"\b(?:not|no|without|never|neither|nor)\b")


def described(doc: Document, condition: Condition, s: Sentence, part: int) -> Described:
    """Whether the first part of the condition's list ``part``, found in sentence ``s``, has the others with it."""
    parts = condition.described[part]
    text = doc.text
    population = part >= len(condition.sentence_patterns)  # a population named, not the condition's own words
    if population and _another_named_in(doc, s, condition.id):
        return Described.NOT
    title_population = population and s.role == Role.TITLE
    if all(p.regex.search(text, s.start, s.end) for p in parts[1:]):
        return Described.IN_ITS_SENTENCE
    if title_population and _in_an_own_sentence(doc, parts[1:]):
        return Described.TITLE_AND_ABSTRACT
    return Described.NOT


def _another_named_in(doc: Document, s: Sentence, condition: str) -> bool:
    """The sentence or the title names another condition by its name: the population has that one ("Palliative
    ketamine in central post-stroke pain": the palliative care is of post-stroke pain)."""
    sentences = doc.sentences
    return any(
        h.ident != condition and (s.start <= h.start < s.end or sentences[h.sentence].role == Role.TITLE)
        for h in doc.hits_of("cond")
    )


def _in_an_own_sentence(doc: Document, parts: Sequence[Pattern]) -> bool:
    text = doc.text
    return any(
        s.own
        and s.role != Role.TITLE
        and all(p.regex.search(text, s.start, s.end) for p in parts)
        and not _DENYING.search(doc.lower, s.start, s.end)
        for s in doc.sentences
    )
