"""What a decisions file says of one record, before it is matched to the store: the record's identifiers,
the decision with its reasons and note, who made it and when, and the line it was read from."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..store import TIMESTAMP_FORMAT

DOI = re.compile(r"10\.\d{4,9}/\S+", re.IGNORECASE)
PUBMED_URL = re.compile(r"(?:pubmed\.ncbi\.nlm\.nih\.gov/|ncbi\.nlm\.nih\.gov/pubmed/|PMID:?\s*)(\d{1,9})\b", re.I)


@dataclass(frozen=True)
class FileDecision:
    """One record's decision as a file gives it (``decision`` None: the file has none for it)."""

    line: int
    pmid: str | None = None
    doi: str | None = None
    title: str | None = None
    decision: str | None = None  # include | exclude | maybe
    reasons: tuple[str, ...] = ()  # as the file words them: reason ids or labels
    note: str | None = None
    by: str | None = None
    at: str | None = None  # a store timestamp


def clean(value: str | None) -> str | None:
    """A cell's text with its spacing normalised; None when empty."""
    text = " ".join((value or "").split())
    return text or None


def doi_of(text: str | None) -> str | None:
    """The DOI in a DOI cell or link, lower-cased (DOIs are case-insensitive)."""
    found = DOI.search(text or "")
    return found.group(0).rstrip(".,;").lower() if found else None


def pmid_in(text: str | None) -> str | None:
    """A PMID named in a PubMed link or a ``PMID: n`` note."""
    found = PUBMED_URL.search(text or "")
    return found.group(1).lstrip("0") or None if found else None


def pmid_cell(text: str | None) -> str | None:
    """The PMID in a PMID cell as review tools and spreadsheets write it: ``12345``, ``12345.0`` (a column read
    as numbers), ``PMID: 12345`` or a PubMed link; None when it holds none."""
    value = clean(text)
    if value is None:
        return None
    number = re.fullmatch(r"0*(\d{1,9})(?:\.0+)?", value)
    return number.group(1) if number else pmid_in(value)


def timestamp(text: str | None) -> str | None:
    """A date and time from a file as a store timestamp (UTC when no zone is given); None if unreadable."""
    value = clean(text)
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).strftime(TIMESTAMP_FORMAT)
