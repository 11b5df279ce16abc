"""Sentence cues: which sentences speak of the record's own study, and which of something else.

A cue is a list of patterns (``cues.toml`` beside this module: data, like a topic's vocabulary, but
the same for every topic). A sentence where one matches carries the cue's flag, a ``Cue``;
``classify`` then decides from the flags and the section a sentence is in whether it describes the
record's own study (its words make labels) and whether it may state the study's design. The tagger
marks every sentence of every record, so the flags travel as plain ints: ``OWN``, ``PURPOSE``...
below are the ``Cue`` values, named.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final

from ..config import toml_data
from ..errors import ConfigError
from ..files import read_named_file
from . import regex_programs
from .document import Role, Sentence
from .matching import is_word_char
from .vocabulary import Pattern

CUES_FILE = Path(__file__).with_name("cues.toml")


class Cue(enum.IntFlag):
    """What a sentence says of itself; a sentence may carry several."""

    OWN = 1  # the record's own study: "we", "this trial", "were randomised"
    PURPOSE = 2  # the study's purpose, even inside a background section
    BACKGROUND = 4  # the literature or other work
    EXCLUSION = 8  # exclusion criteria
    HISTORY = 16  # treatment before the study (an entry criterion)
    FUTURE = 32  # calls for further research
    SPECULATIVE = 64  # a conclusion looking beyond the study
    COUNTED = 256  # a population counted by a number: "12 patients"
    CONCLUDING = 512  # the study's conclusion, in an abstract without section labels too: "in conclusion"
    EARLIER = 1024  # the authors' own earlier work: "we previously reported that ..."
    PREVALENCE = 2048  # how common a condition is: background that names no study's population


# The flags as plain ints, for the tests run on every sentence (IntFlag arithmetic is a Python call).
OWN: Final = Cue.OWN.value
PURPOSE: Final = Cue.PURPOSE.value
BACKGROUND: Final = Cue.BACKGROUND.value
EXCLUSION: Final = Cue.EXCLUSION.value
HISTORY: Final = Cue.HISTORY.value
FUTURE: Final = Cue.FUTURE.value
SPECULATIVE: Final = Cue.SPECULATIVE.value
COUNTED: Final = Cue.COUNTED.value
CONCLUDING: Final = Cue.CONCLUDING.value
EARLIER: Final = Cue.EARLIER.value
PREVALENCE: Final = Cue.PREVALENCE.value
# A sentence that introduces the study: "we", "this trial", "12 patients", "the aim was".
INTRODUCES_STUDY: Final = OWN | COUNTED | PURPOSE
# Sentences about people or plans outside the study: its exclusions, earlier treatment, future work, and the
# authors' earlier studies.
OUTSIDE_STUDY: Final = EXCLUSION | HISTORY | FUTURE | EARLIER


# Section roles, looked up once: ``Role.TITLE`` costs a Python call each time in a loop.
_TITLE: Final = Role.TITLE
_BACKGROUND_SECTION: Final = Role.BACKGROUND
_UNLABELLED: Final = Role.UNLABELLED
_OPENING_SECTIONS: Final = frozenset((Role.BACKGROUND, Role.OBJECTIVE, Role.METHODS))
_CONCLUSION: Final = Role.CONCLUSION


@dataclass(frozen=True)
class CueList:
    """One cue of ``cues.toml``: its flag and its patterns."""

    name: str
    flag: Cue
    patterns: tuple[Pattern, ...]


@lru_cache(maxsize=4)
def load_cues(path: Path = CUES_FILE) -> tuple[CueList, ...]:
    """The cues of ``path``, in the file's order; a ConfigError names the file and the entry."""
    raw = toml_data(read_named_file(path, "sentence cues file", ConfigError), str(path))
    cues = []
    for name, table in raw.items():
        if name.upper() not in Cue.__members__:
            known = ", ".join(c.lower() for c in Cue.__members__)
            raise ConfigError(f"unknown cue (known: {known})", path=str(path), where=name)
        sources = table.get("patterns") if isinstance(table, dict) else None
        if not isinstance(sources, list) or not sources or not all(isinstance(s, str) and s for s in sources):
            raise ConfigError("needs patterns = [...], a list of regular expressions", path=str(path), where=name)
        cues.append(CueList(name, Cue[name.upper()], tuple(_pattern(path, name, i, s) for i, s in enumerate(sources))))
    return tuple(cues)


def _pattern(path: Path, name: str, index: int, source: str) -> Pattern:
    where = f"rule cue {name}[{index}]"
    try:
        return Pattern.compile(source, where)
    except re.error as exc:
        raise ConfigError(f"bad regular expression {source!r} ({exc})", path=str(path), where=where) from None


# Before a "counted" noun, in its sentence: a number, then at most three words (``is_counted``). A digit
# first lets the regex engine skip to the digits; that the number starts a word is checked after.
_COUNT_BEFORE = regex_programs.compile(r"\d+ (?:\w+ ){0,3}\Z")


def states_the_aim(sentence: Sentence) -> bool:
    """A sentence of an objective section, or one a purpose cue marks ("we aimed to")."""
    return sentence.role == Role.OBJECTIVE or bool(sentence.cues & PURPOSE)


def sums_up_the_literature(sentences: list[Sentence], index: int) -> bool:
    """A sentence whose only cue is the literature's, after the record has said what it covers ("this review
    summarises ...") or in the second half of the abstract ("most trials have tested drugs, and short-term
    efficacy has been reported for ketamine"): what a review found. Before, the background."""
    if sentences[index].cues & ~BACKGROUND:
        return False
    if 2 * index >= len(sentences):
        return True
    return any(s.cues & OWN and s.role != _TITLE for s in sentences[:index])


def is_counted(low: str, sentence_start: int, noun_start: int) -> bool:
    """A number starting a word comes before the noun at ``noun_start``, with at most three words between."""
    m = _COUNT_BEFORE.search(low, sentence_start, noun_start)
    while m is not None and m.start() and is_word_char(low[m.start() - 1]):
        m = _COUNT_BEFORE.search(low, m.start() + 1, noun_start)  # "a12 patients": no count there
    return m is not None


def classify(sentences: list[Sentence]) -> None:
    """Mark each sentence: the record's own study or not, whether it may state the design, and firm or not.

    Reads the cue flags the tagger set on the sentences. Exclusion criteria, earlier treatment and
    future work are never the study's own population; a background section speaks of the study only
    where it states its purpose; an unlabelled abstract's opening sentences are background until
    one introduces the study, and so is unlabelled text before a labelled background, aim or methods.
    A sentence is firm unless it is in the conclusions or speculates.
    """
    first_own_in_segment: dict[int, int] = {}
    opening_ends: int | None = None  # the first labelled section that opens the study
    for i, s in enumerate(sentences):
        if s.cues & PREVALENCE:
            s.cues |= BACKGROUND  # how common a condition is: said of the world, not of the study
        # A call for future work ("trials are needed to clarify...") introduces no study.
        introduces = s.cues & INTRODUCES_STUDY and not s.cues & OUTSIDE_STUDY
        if s.role == _UNLABELLED and introduces and s.segment not in first_own_in_segment:
            first_own_in_segment[s.segment] = i
        if opening_ends is None and s.role in _OPENING_SECTIONS:
            opening_ends = s.segment
    if opening_ends is not None:
        # Unlabelled text before a labelled background, aim or methods ("... is common. Aim: to evaluate ...")
        # is the opening, whatever it says: the study is introduced after it. Its sentences are background.
        for s in sentences:
            if s.segment >= opening_ends:
                break
            if s.role == _UNLABELLED and s.segment not in first_own_in_segment:
                first_own_in_segment[s.segment] = len(sentences)
    for i, s in enumerate(sentences):
        cues = s.cues
        s.firm = s.role != _CONCLUSION and not cues & SPECULATIVE
        if s.role == _TITLE:
            s.own = not cues & EXCLUSION
        elif cues & OUTSIDE_STUDY:
            s.own = False
            # Exclusion or prior-treatment clauses may still name the design; calls for future work and the
            # authors' earlier studies do not.
            s.states_design = not cues & (FUTURE | EARLIER) and not (
                s.role == _BACKGROUND_SECTION and not cues & PURPOSE
            )
        else:
            s.own = s.states_design = _about_the_study(sentences, i, first_own_in_segment.get(s.segment))


def _about_the_study(sentences: list[Sentence], i: int, first_own: int | None) -> bool:
    """Sentence ``i`` of the abstract, with no cue that puts it outside the study, describes the study.

    ``first_own``: the first sentence of its unlabelled field that introduces the study, if any.
    """
    s = sentences[i]
    cues = s.cues
    if s.role == _BACKGROUND_SECTION:
        return bool(cues & PURPOSE)
    if s.role == _UNLABELLED:
        if first_own is not None and i < first_own:
            return False  # the opening sentences before the study is introduced
        if first_own is None and i == _first_of_segment(sentences, i) and i + 1 < len(sentences):
            return not cues & BACKGROUND
    return not (cues & BACKGROUND and not cues & INTRODUCES_STUDY)


def _first_of_segment(sentences: list[Sentence], i: int) -> int:
    segment = sentences[i].segment
    while i > 0 and sentences[i - 1].segment == segment:
        i -= 1
    return i
