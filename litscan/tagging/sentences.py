"""Where the sentences of an abstract begin and end.

A period, "!" or "?" before whitespace and a capital, an opening bracket or a listed item's number
("2. We measured") ends a sentence, unless what precedes it says otherwise: an abbreviation ("e.g.",
"vs.", "Fig."), an initial ("J. Smith") or the number of a listed item itself ("... at baseline.
2. We measured"). A number ends its sentence like any word ("in 2019. Twelve", "CRPS type 1.
Patients"). The tagger cuts every field of every record with it, so it is one regex whose fast scan
for [.!?] leads; the digest picks an abstract's last sentence with it too.
"""

from __future__ import annotations

import re

from . import regex_programs

# A period after one of these or a capital letter ends no sentence ("Fig. 2", "J. Smith").
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


def _sentence_end(punctuation: str = "[.!?]") -> re.Pattern[str]:
    """``punctuation`` before a capital, unless what precedes it says otherwise (one lookbehind per width).

    The checks sit after the punctuation so the engine's fast scan for it still leads, and after
    the capital, which most punctuation lacks; each also holds with a line break before the
    punctuation. Group 1 is the whitespace after it.
    """
    # An initial is a capital ("J. Smith"); a lower-case letter before a period is a unit ("0.1 mg/kg/h. Pain"),
    # an exponent ("0.1 mg kg-1 h-1. Pain": a minus sign reads as a hyphen) or a number ("in 2019. Twelve")
    # ends its sentence like any other word.
    by_width: dict[int, list[str]] = {1: [r"(?-i:\b[A-Z])"]}
    for word in _NO_BREAK_AFTER:
        by_width.setdefault(len(word), []).append(rf"\b{re.escape(word)}")
    plain = "".join(f"(?<!(?i:{'|'.join(words)}).)" for words in by_width.values())
    lined = "".join(f"(?<!(?i:{'|'.join(words)})\n.)" for words in by_width.values())
    # A number of one or two digits that opens the text or follows a sentence end numbers an item
    # ("... measured separately. 2. We propose ..."): the item starts before it, not after.
    items = r"(?<!^\d\.)(?<!^\d\d\.)(?<![.!?:;]\s\d\.)(?<![.!?:;]\s\d\d\.)"
    # The checks with a line break are tried only where one stands before the punctuation: where none
    # does, none of them can match, and each costs a lookbehind at every sentence end.
    return regex_programs.compile(
        punctuation + r"(?=(\s+)(?:[A-Z(\[]|\d\d?\.\s))" + plain + rf"(?:(?<!\n.)|{lined})" + items
    )


_SENTENCE_END = _sentence_end()
# The same for a text with no "!" or "?", most abstracts: the engine scans for one literal character
# several times faster than for any of a set of them.
_PERIOD_END = _sentence_end(r"\.")


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text[start:end]``, as offsets in ``text``.

    A sentence ends after its punctuation; the next starts after the whitespace. Only the span is
    read: what precedes a sentence end outside it does not count.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cursor = 0
    part = text[start:end]
    ends = _SENTENCE_END if "!" in part or "?" in part else _PERIOD_END
    for m in ends.finditer(part):
        spans.append((start + cursor, start + m.end()))
        cursor = m.end(1)  # the next sentence starts after the whitespace
    if start + cursor < end:
        spans.append((start + cursor, end))
    return spans


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, without the whitespace between them."""
    return [text[start:end] for start, end in sentence_spans(text)]
