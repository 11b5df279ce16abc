"""Every PMID a query matches in a date window, past PubMed's 9,999-hit esearch ceiling.

esearch pages only through the first 9,999 hits of a query, but its ``count``
stays accurate beyond that. A window with more hits is split by date, halving
until each piece fits; a single day that still holds more is split by PMID
range (``lo:hi[uid]``), as NCBI's EDirect does. The ids collected must add up
to the count esearch reported for the whole window, or the collection is
incomplete and says so: a short list is never passed off as the full one.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from ..errors import IncompleteFetchError, QueryError
from .eutils import ESEARCH_CEILING, EutilsClient, SearchResult

log = logging.getLogger(__name__)

UID_MAX = 999_999_999  # far above any PMID; empty ranges cost one cheap count each


@dataclass(frozen=True)
class Piece:
    """One sub-query small enough to list in a single esearch page."""

    query: str
    ids: tuple[str, ...]
    webenv: str | None = None
    query_key: str | None = None


@dataclass
class Collection:
    """The ids of one window, with the count esearch reported for the whole of it."""

    query: str
    expected: int
    pieces: list[Piece] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ids(self) -> set[str]:
        return {pmid for piece in self.pieces for pmid in piece.ids}


def window_query(term: str, date_field: str, lo: dt.date, hi: dt.date, uids: tuple[int, int] | None = None) -> str:
    """``term`` limited to ``lo``..``hi`` (inclusive) on ``[crdt]``/``[mdat]``, optionally to a PMID range."""
    query = f"({term}) AND {lo:%Y/%m/%d}:{hi:%Y/%m/%d}[{date_field}]"
    if uids is not None:
        query += f" AND {uids[0]}:{uids[1]}[uid]"
    return query


def collect(
    client: EutilsClient, term: str, date_field: str, lo: dt.date, hi: dt.date, *, usehistory: bool = False
) -> Collection:
    """All PMIDs matching ``term`` whose ``date_field`` falls in ``lo``..``hi``."""
    query = window_query(term, date_field, lo, hi)
    first = client.esearch(query, usehistory=usehistory)
    collection = Collection(query=query, expected=first.count)
    if first.phrases_not_found and first.count == 0:
        raise QueryError(
            f"PubMed did not recognise part of the query term: {', '.join(first.phrases_not_found)} (and found nothing)"
        )
    _resolve(client, term, date_field, lo, hi, None, first, collection, usehistory)
    got = len(collection.ids)
    if got != collection.expected:
        raise IncompleteFetchError(
            f"{date_field} window {lo}..{hi}: collected {got} PMIDs but esearch counted "
            f"{collection.expected}; PubMed changed during the run or a split lost records"
        )
    return collection


def _resolve(
    client: EutilsClient,
    term: str,
    date_field: str,
    lo: dt.date,
    hi: dt.date,
    uids: tuple[int, int] | None,
    result: SearchResult,
    collection: Collection,
    usehistory: bool,
) -> None:
    query = window_query(term, date_field, lo, hi, uids)
    collection.warnings.extend(n for n in result.notices if n not in collection.warnings)
    if result.count <= ESEARCH_CEILING:
        collection.pieces.append(Piece(query, result.ids, result.webenv, result.query_key))
        return
    log.debug("%s: %d hits, over the %d ceiling; splitting", query, result.count, ESEARCH_CEILING)
    for sub_lo, sub_hi, sub_uids in _split(lo, hi, uids, result.ids):
        sub_query = window_query(term, date_field, sub_lo, sub_hi, sub_uids)
        sub = client.esearch(sub_query, usehistory=usehistory)
        _resolve(client, term, date_field, sub_lo, sub_hi, sub_uids, sub, collection, usehistory)


def _split(
    lo: dt.date, hi: dt.date, uids: tuple[int, int] | None, sample: tuple[str, ...]
) -> list[tuple[dt.date, dt.date, tuple[int, int] | None]]:
    if uids is None and hi > lo:
        mid = lo + (hi - lo) // 2
        return [(lo, mid, None), (mid + dt.timedelta(days=1), hi, None)]
    if uids is None:
        # One day over the ceiling: bracket the PMIDs we saw so the tails (usually empty)
        # cost one search each and the bisection starts near the records.
        numbers = sorted(int(p) for p in sample) or [1, UID_MAX]
        low, high = numbers[0], numbers[-1]
        ranges = [(low, high)]
        if low > 1:
            ranges.insert(0, (1, low - 1))
        if high < UID_MAX:
            ranges.append((high + 1, UID_MAX))
        return [(lo, hi, r) for r in ranges]
    a, b = uids
    if a >= b:
        raise IncompleteFetchError(
            f"PMID {a} alone matches more than {ESEARCH_CEILING} records on {lo}; esearch is inconsistent"
        )
    half = (a + b) // 2
    return [(lo, hi, (a, half)), (lo, hi, (half + 1, b))]
