"""Collecting every PMID of a window past the 9,999 ceiling (F07, F10, F11) and reconciling counts."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from litscan.errors import IncompleteFetchError, QueryError
from litscan.pubmed.eutils import ESEARCH_CEILING, SearchResult, search_notices
from litscan.pubmed.windows import collect, window_query

_DATES = re.compile(r"(\d{4}/\d{2}/\d{2}):(\d{4}/\d{2}/\d{2})\[crdt\]")
_UIDS = re.compile(r"(\d+):(\d+)\[uid\]")


class StubClient:
    """Answers esearch from (pmid, created) pairs the way PubMed does: count exact, ids capped at 9,999."""

    def __init__(
        self, records: list[tuple[int, dt.date]], *, lie_about_root: int = 0, phrases_not_found: tuple[str, ...] = ()
    ) -> None:
        self.records = records
        self.lie_about_root = lie_about_root
        self.phrases_not_found = phrases_not_found
        self.terms: list[str] = []

    def esearch(
        self, term: str, *, retstart: int = 0, retmax: int = ESEARCH_CEILING, usehistory: bool = False
    ) -> SearchResult:
        self.terms.append(term)
        found = self.records
        for lo, hi in _DATES.findall(term):
            a, b = (dt.date(*map(int, s.split("/"))) for s in (lo, hi))
            found = [r for r in found if a <= r[1] <= b]
        for lo, hi in _UIDS.findall(term):
            found = [r for r in found if int(lo) <= r[0] <= int(hi)]
        ids = tuple(str(p) for p, _ in sorted(found, reverse=True))
        count = len(ids) + (self.lie_about_root if len(self.terms) == 1 else 0)
        return SearchResult(
            count,
            ids[: min(retmax, ESEARCH_CEILING)],
            "MCID_1" if usehistory else None,
            "1" if usehistory else None,
            self.phrases_not_found,
            notices=search_notices({"errorlist": {"phrasesnotfound": list(self.phrases_not_found)}}),
        )


def spread(n: int, first: dt.date, days: int, first_pmid: int = 30_000_000) -> list[tuple[int, dt.date]]:
    return [(first_pmid + i, first + dt.timedelta(days=i * days // n)) for i in range(n)]


def test_window_query_shape():
    assert (
        window_query("ketamine[tiab]", "crdt", dt.date(2024, 1, 2), dt.date(2024, 2, 3), (5, 9))
        == "(ketamine[tiab]) AND 2024/01/02:2024/02/03[crdt] AND 5:9[uid]"
    )


def test_small_window_takes_one_request():
    client = StubClient(spread(120, dt.date(2024, 1, 1), 30))
    got = collect(client, "ketamine", "crdt", dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert len(got.ids) == 120 == got.expected
    assert len(client.terms) == 1


def test_f07_f10_oversized_window_is_split_by_date_until_each_piece_fits():
    client = StubClient(spread(15000, dt.date(2023, 1, 1), 600))
    got = collect(client, "ketamine", "crdt", dt.date(1990, 1, 1), dt.date(2026, 1, 1))
    assert got.expected == 15000 and len(got.ids) == 15000
    assert all(len(piece.ids) <= ESEARCH_CEILING for piece in got.pieces)
    assert len(client.terms) < 20


def test_f11_single_day_over_the_ceiling_is_split_by_pmid_range():
    day = dt.date(2025, 3, 3)
    client = StubClient([(40_000_000 + i * 3, day) for i in range(12000)])
    got = collect(client, "ketamine", "crdt", day, day)
    assert len(got.ids) == 12000
    assert any("[uid]" in piece.query for piece in got.pieces)
    assert len(client.terms) < 20


def test_ids_that_do_not_add_up_to_the_count_make_the_window_incomplete():
    client = StubClient(spread(15000, dt.date(2023, 1, 1), 600), lie_about_root=3)
    with pytest.raises(IncompleteFetchError, match="collected 15000 PMIDs but esearch counted 15003"):
        collect(client, "ketamine", "crdt", dt.date(1990, 1, 1), dt.date(2026, 1, 1))


def test_f12_unknown_phrase_with_no_hits_is_a_query_error_not_zero_new_records():
    client = StubClient([], phrases_not_found=("xyzzyqqq",))
    with pytest.raises(QueryError, match="xyzzyqqq"):
        collect(client, "xyzzyqqq", "crdt", dt.date(2024, 1, 1), dt.date(2024, 2, 1))


def test_f12_unknown_phrase_with_hits_is_kept_with_a_warning():
    client = StubClient(spread(37, dt.date(2024, 1, 1), 10), phrases_not_found=("xyzzyqqq",))
    got = collect(client, "ketamine OR xyzzyqqq", "crdt", dt.date(2024, 1, 1), dt.date(2024, 2, 1))
    assert len(got.ids) == 37
    assert "xyzzyqqq" in got.warnings[0]
