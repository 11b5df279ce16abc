"""litscan.pubmed.dates: PubMed's date texts → PartialDate (the raw text is always kept)."""

from __future__ import annotations

import pytest

from litscan.models import PartialDate
from litscan.pubmed.dates import date_from_parts, date_from_text, iso_date, month_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1998 Dec-1999 Jan", PartialDate(1998, 12, None, "1998 Dec-1999 Jan")),
        ("2013 Jan-Mar", PartialDate(2013, 1, None, "2013 Jan-Mar")),
        ("1995-1997", PartialDate(1995, None, None, "1995-1997")),
        ("1984 Apr 23-30", PartialDate(1984, 4, 23, "1984 Apr 23-30")),
        ("1984 Spring-Summer", PartialDate(1984, 3, None, "1984 Spring-Summer")),
        ("1974-1975 Winter", PartialDate(1974, None, None, "1974-1975 Winter")),
        ("2000 Dec 23-2001 Jan 5", PartialDate(2000, 12, 23, "2000 Dec 23-2001 Jan 5")),
        ("2024 Mar 5", PartialDate(2024, 3, 5, "2024 Mar 5")),
        ("2001 Fall", PartialDate(2001, 9, None, "2001 Fall")),
        ("2001 Autumn", PartialDate(2001, 9, None, "2001 Autumn")),
        ("2019 Summer", PartialDate(2019, 6, None, "2019 Summer")),
        ("2020 June", PartialDate(2020, 6, None, "2020 June")),
        ("  2021   Feb  ", PartialDate(2021, 2, None, "2021 Feb")),
        ("Winter 1999", PartialDate(1999, None, None, "Winter 1999")),
        ("undated", PartialDate(None, None, None, "undated")),
    ],
)
def test_medline_date_text(text, expected):
    assert date_from_text(text) == expected


def test_empty_text_is_no_date():
    assert date_from_text(None) is None and date_from_text("  ") is None


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("2024", "Mar", "07"), PartialDate(2024, 3, 7, "2024 Mar 07")),
        (("2024", "3", None), PartialDate(2024, 3, None, "2024 3")),
        (("2024", None, None), PartialDate(2024, None, None, "2024")),
        (("2024", "Smarch", "1"), PartialDate(2024, None, None, "2024 Smarch 1")),
        (("2024", "Feb", "40"), PartialDate(2024, 2, None, "2024 Feb 40")),
    ],
)
def test_year_month_day_parts(parts, expected):
    assert date_from_parts(*parts) == expected


@pytest.mark.parametrize(("season", "month"), [("Spring", 3), ("Summer", 6), ("Fall", 9), ("Winter", 12)])
def test_seasons_map_to_their_first_month(season, month):
    assert date_from_parts("2001", season=season) == PartialDate(2001, month, None, f"2001 {season}")


@pytest.mark.parametrize(
    ("season", "month"),
    [("Nov-Dec", 11), ("Apr-Jun", 4), ("May/Jun", 5), ("sept-Oct", 9), ("Fall-Winter", 9), (" Jul - Aug ", 7)],
)
def test_a_season_that_is_a_range_of_months_has_its_first_month(season, month):
    date = date_from_parts("2019", season=season)
    assert date is not None and (date.year, date.month, date.day) == (2019, month, None)
    assert date.raw == f"2019 {season.strip()}"


def test_a_season_that_names_no_month_gives_the_year():
    assert date_from_parts("2019", season="Issue 2") == PartialDate(2019, None, None, "2019 Issue 2")


def test_month_number_and_iso_date():
    assert [month_number(m) for m in ("Jan", "january", "1", "01", "DEC", "13", "x", None)] == [
        1,
        1,
        1,
        1,
        12,
        None,
        None,
        None,
    ]
    assert iso_date("2024", "8", "5") == "2024-08-05"
    assert iso_date("2024", "Aug", "05") == "2024-08-05"
    assert iso_date("2024", "8", None) is None and iso_date("24", "8", "5") is None
