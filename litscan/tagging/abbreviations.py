"""Abbreviations a record defines: "persistent post-surgical pain (PPSP)" or "PPSP (persistent post-surgical
pain)", then "PPSP" means the phrase."""

from __future__ import annotations

import re

from . import regex_programs
from .context import TARGETS
from .document import Document, Hit

# After a mention: a few words at most, then a parenthesised abbreviation of 2-10 characters with a capital
# after its first letter ("PHN", "esK": some start lower-case).
_ABBREVIATION = regex_programs.compile(r"[^.;:()]{0,40}?\s\(([A-Za-z][A-Za-z0-9]{0,3}[A-Z][A-Za-z0-9-]{0,4})s?[),;]")
# Before a mention: the abbreviation, then the phrase in brackets ("TN (trigeminal neuralgia)").
_ABBREVIATION_FIRST = regex_programs.compile(r"\b([A-Z][A-Za-z0-9]{0,3}[A-Z][A-Za-z0-9-]{0,4})s? \($")
_DEFINES = frozenset(("cond", "cond_weak", "drug", "other_drug"))
_CONDITION_KINDS = TARGETS["condition"]  # a condition named, weakly or as a sentence pattern's part
# How far before "(ABBR)" the phrase it abbreviates may end: "post-herpetic neuralgia (PHN)".
_DEFINITION_REACH = 45


def abbreviated_mentions(doc: Document) -> list[Hit]:
    """Later uses of the abbreviations defined after a condition or drug, as hits of that condition or drug.

    ``doc.hits`` must be sorted by start: the longest phrase names the abbreviation ("trigeminal
    neuralgia (TN)", not "neuralgia (TN)").
    """
    text = doc.text
    learned: list[Hit] = []
    if "(" not in text:
        return learned  # every definition has its brackets
    seen: set[str] = set()
    hits = doc.hits
    for hit in hits:
        if hit.kind not in _DEFINES:
            continue
        found_at = _defined(text, hit)
        if found_at is None:
            continue
        abbreviation, after = found_at
        if abbreviation in seen or len(abbreviation) < 2:
            continue
        if after > hit.end and _nearer(hits, hit, after):
            continue  # a mention nearer the brackets is what they abbreviate: "magnesium and esketamine (esK)"
        seen.add(abbreviation)
        for found in re.finditer(rf"\b{re.escape(abbreviation)}s?\b", text[after:]):
            start = after + found.start()
            learned.append(
                Hit(hit.kind, hit.ident, start, start + len(abbreviation), doc.sentence_at(start), hit.entry)
            )
    return learned


def _nearer(hits: list[Hit], hit: Hit, after: int) -> bool:
    """Another defining mention stands between ``hit`` and the brackets that end at ``after``."""
    return any(o.kind in _DEFINES and hit.end <= o.start and o.end < after for o in hits if o.start < after)


def _defined(text: str, hit: Hit) -> tuple[str, int] | None:
    """The abbreviation defined by the mention, and where its uses may start: after "phrase (ABBR)", or at
    "ABBR (" when the mention fills the brackets after it."""
    if text.find("(", hit.end, hit.end + 42) >= 0:  # cheap: _ABBREVIATION needs one this near
        m = _ABBREVIATION.match(text, hit.end)
        if m is not None:
            return m.group(1), m.end()
    if hit.start > 2 and text[hit.start - 1] == "(" and text.find(")", hit.end, hit.end + 30) >= 0:
        m = _ABBREVIATION_FIRST.search(text, max(0, hit.start - 14), hit.start)
        if m is not None and "(" not in text[hit.end : text.find(")", hit.end)]:
            return m.group(1), m.start()
    return None


def defined_otherwise(doc: Document) -> list[Hit]:
    """The condition hits of an abbreviation the record defines as something else: after
    "pyridoxal-5'-phosphate (PLP)", "PLP" is no phantom limb pain anywhere in the record.

    An abbreviation in brackets defines the phrase just before it; where no mention of the same
    condition ends there, every use of those letters means that phrase, not the condition.
    """
    text = doc.text
    if "(" not in text:
        return []  # every definition has its brackets
    mentions = [h for kind in _CONDITION_KINDS for h in doc.hits_of(kind)]
    other: set[tuple[str, str]] = set()
    for hit in mentions:
        if hit.start < 2 or text[hit.start - 1] != "(" or text[hit.end : hit.end + 1] not in (")", ";", ","):
            continue
        letters = text[hit.start : hit.end]
        if letters.isupper() and not _named_before(mentions, hit):
            other.add((hit.ident, letters))
    if not other:
        return []
    return [h for h in mentions if (h.ident, text[h.start : h.end].upper()) in other]


def _named_before(mentions: list[Hit], abbreviation: Hit) -> bool:
    """A mention of the abbreviation's condition ends just before its bracket: the phrase it abbreviates."""
    lo = abbreviation.start - _DEFINITION_REACH
    return any(h.ident == abbreviation.ident and lo <= h.end < abbreviation.start for h in mentions)
