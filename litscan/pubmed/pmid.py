"""What a PubMed identifier looks like, so a file that holds anything else is refused by name.

PubMed issues PMIDs as plain numbers counting up from 1 (about 40 million so far): ASCII digits,
no leading zero, at most nine of them. Anything else (``12ab``, ``0123``, a 23-digit number, two
ids run together) is not a record litscan can store, link to or delete.
"""

from __future__ import annotations

import re

_PMID = re.compile(r"[1-9][0-9]{0,8}")


def is_pmid(text: str) -> bool:
    return _PMID.fullmatch(text) is not None


def not_a_pmid(text: str) -> str:
    """Why ``text`` is refused, for an error message (long values are shortened)."""
    shown = text if len(text) <= 24 else text[:24] + "..."
    return f"PMID {shown!r} is not a PubMed id (1 to 9 digits, no leading zero)"
