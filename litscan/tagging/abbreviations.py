"""Abbreviations a record defines: "persistent post-surgical pain (PPSP)", then "PPSP" means the phrase."""

from __future__ import annotations

import re

from .document import Document, Hit

# After a mention: a few words at most, then a parenthesised abbreviation of 2-10 characters.
_ABBREVIATION = re.compile(r"[^.;:()]{0,40}?\s\(([A-Z][A-Za-z0-9]{0,3}[A-Z][A-Za-z0-9-]{0,4})s?[),;]")
_DEFINES = frozenset(("cond", "cond_weak", "drug", "other_drug"))


def abbreviated_mentions(doc: Document) -> list[Hit]:
    """Later uses of the abbreviations defined after a condition or drug, as hits of that condition or drug.

    ``doc.hits`` must be sorted by start: the longest phrase names the abbreviation ("trigeminal
    neuralgia (TN)", not "neuralgia (TN)").
    """
    text = doc.text
    learned: list[Hit] = []
    seen: set[str] = set()
    for hit in doc.hits:
        if hit.kind not in _DEFINES:
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
                Hit(hit.kind, hit.ident, start, start + len(abbreviation), doc.sentence_at(start), hit.entry)
            )
    return learned
