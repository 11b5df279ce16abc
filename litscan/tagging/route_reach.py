"""How far a route word reaches for the drug it speaks of: within so many characters or words (a dose or
regimen in brackets not counted), and not across a clause boundary ("whereas", "compared with", ";").
Read by ``routes``."""

from __future__ import annotations

import re

from . import regex_programs

# A list of routes introduced by a colon: "ketamine's routes of administration: intravenous, oral...".
LIST_INTRO = regex_programs.compile(r"\b(?:routes?|administration|formulations?|forms)\b[^:]{0,25}:\s*$", re.IGNORECASE)
BRACKETED = regex_programs.compile(r"\([^()]*\)")
_CLAUSE = r"[;:]|\b(?:while|whereas|but|followed by|compared (?:with|to)|than|as opposed to|instead of|unlike)\b"
BOUNDARY = regex_programs.compile(_CLAUSE + r"|\b(?:versus|vs)\b")
# An adjective reaches forward to its noun, not across a clause: "an oral drug that could extend ketamine";
# "IM versus IV ketamine" names two routes of ketamine, so "versus" does not stop it.
ADJECTIVE_BOUNDARY = regex_programs.compile(
    _CLAUSE + r"|\b(?:that|which|who|whom|could|can|may|might|will|would|"
    r"should|was|were|is|are|has|have|had|after|before|during)\b"
)
# Characters (or words, "N-methyl-D-aspartate" one where another writes "NMDA") from a route word to the drug
FORWARD_WINDOW, FORWARD_WORDS = 60, 8  # ... after it
BACKWARD_WINDOW, BACKWARD_WORDS = 90, 12  # ... and before it


def within(text: str, lo: int, hi: int, characters: int, words: int) -> bool:
    """``text[lo:hi]`` is short enough, in characters or in words."""
    if text.find("(", lo, hi) < 0:
        return hi - lo <= characters or (hi - lo <= 2 * characters and text.count(" ", lo, hi) <= words)
    # a dose or a regimen in brackets does not take the drug out of reach: "ketamine (0.1 mg/kg as a bolus
    # followed by 7 micrograms/kg/min for 45 min) or saline was given intravenously"
    span = BRACKETED.sub("", text[lo:hi])
    return len(span) <= characters or (len(span) <= 2 * characters and span.count(" ") <= words)


def blocked_back(text: str, drug_end: int, route_start: int, *, title: bool = False) -> bool:
    """A clause boundary between a drug and a route word after it; a colon opening a list of routes is none,
    nor is a title's colon, before the subtitle that goes on about the drug ("Ketamine as an analgesic: oral,
    subcutaneous and intranasal administration")."""
    m = BOUNDARY.search(text, drug_end, route_start)
    if m is None:
        return False
    if text.count("(", drug_end, m.start()) > text.count(")", drug_end, m.start()):
        # inside the drug's brackets: "ketamine (30 mg/kg; intramuscular)", "ketamine (a bolus followed by ...)"
        return blocked_back(text, m.end(), route_start, title=title)
    opens_a_list = m.group(0) == ":" and (title or LIST_INTRO.search(text, drug_end, route_start) is not None)
    return not opens_a_list or BOUNDARY.search(text, m.end(), route_start) is not None
