"""PubMed publication dates (XML ``PubDate`` parts, ``MedlineDate``, MEDLINE ``DP``) as PartialDate.

PubMed states a journal issue's date as Year/Month/Day, Year/Season or free
text (``MedlineDate``; the MEDLINE format's ``DP`` uses the same text). We keep
the precision that the text gives and the text itself in ``raw``:

* the year is the first four-digit year; month and day are taken only when
  they directly follow it (``1998 Dec-1999 Jan`` → 1998-12, ``2013 Jan-Mar`` →
  2013-01, ``1984 Apr 23-30`` → 1984-04-23, ``1995-1997`` → 1995);
* a season becomes the first month of that season as printed on the issue:
  Spring → 3, Summer → 6, Fall/Autumn → 9, Winter → 12, day unknown; a range of
  months as a ``Season`` (``Nov-Dec``) its first month, as in ``MedlineDate``. Issues
  dated "Winter 2001" may have appeared in early 2001; ``raw`` keeps the season
  so a reader can tell, and the year is never shifted;
* text without a year gives ``PartialDate(None, raw=text)``.
"""

from __future__ import annotations

import re

from litscan.models import PartialDate

_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
SEASON_MONTHS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}

# Exact source spellings seen in PubMed, looked up before any normalising work.
_MONTHS: dict[str, int] = {}
for _i, _name in enumerate(_MONTH_NAMES, start=1):
    for _spelling in (_name, _name.title(), _name.upper(), str(_i), f"{_i:02d}"):
        _MONTHS[_spelling] = _i

_LEADING = re.compile(r"\s*(\d{4})(?:\s+([A-Za-z]+)\.?(?:\s+(\d{1,2})(?!\d))?)?")
_ANY_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def month_number(text: str | None) -> int | None:
    """``Jan``/``january``/``1``/``01`` → 1; anything else → None."""
    if text is None:
        return None
    month = _MONTHS.get(text)
    if month is not None:
        return month
    text = text.strip().lower()
    if text.isdigit():
        value = int(text)
        return value if 1 <= value <= 12 else None
    if len(text) >= 3 and text[:3] in _MONTH_NAMES:
        return _MONTH_NAMES.index(text[:3]) + 1
    return None


_FIRST_WORD = re.compile(r"[A-Za-z]+")


def season_month(season: str) -> int | None:
    """A ``Season``'s month: a season's first (``Summer`` → 6), a range's first (``Nov-Dec`` → 11)."""
    word = _FIRST_WORD.search(season)
    if word is None:
        return None
    return SEASON_MONTHS.get(word.group().lower()) or month_number(word.group())


def _day_number(text: str | None) -> int | None:
    if text is None:
        return None
    text = text.strip()
    if not text.isdigit():
        return None
    value = int(text)
    return value if 1 <= value <= 31 else None


def _year_number(text: str | None) -> int | None:
    if text is None:
        return None
    match = _ANY_YEAR.search(text)
    return int(match.group(1)) if match else None


_DAYS = {**{str(i): i for i in range(1, 32)}, **{f"{i:02d}": i for i in range(1, 32)}}


def date_from_parts(
    year: str | None, month: str | None = None, day: str | None = None, season: str | None = None
) -> PartialDate | None:
    """A PubDate given as Year/Month/Day or Year/Season elements."""
    if season is None and year is not None and len(year) == 4 and year.isdigit():
        # The common, clean shapes, without the normalising below (this runs once per record).
        if month is None:
            return PartialDate(int(year), None, None, year)
        month_value = _MONTHS.get(month)
        if month_value is not None:
            if day is None:
                return PartialDate(int(year), month_value, None, f"{year} {month}")
            day_value = _DAYS.get(day)
            if day_value is not None:
                return PartialDate(int(year), month_value, day_value, f"{year} {month} {day}")
    pieces = [p.strip() for p in (year, month if month is not None else season, day) if p and p.strip()]
    if not pieces:
        return None
    raw = " ".join(pieces)
    year_value = _year_number(year)
    if year_value is None:
        return PartialDate(None, raw=raw)
    month_value = month_number(month)
    if month_value is None and season is not None:
        return PartialDate(year_value, season_month(season), None, raw)
    day_value = _day_number(day) if month_value is not None else None
    return PartialDate(year_value, month_value, day_value, raw)


def date_from_text(text: str | None) -> PartialDate | None:
    """A free-text date: XML ``MedlineDate`` or MEDLINE ``DP`` (``2024 Mar 5``, ``1998 Dec-1999 Jan``)."""
    if text is None:
        return None
    raw = " ".join(text.split())
    if not raw:
        return None
    match = _LEADING.match(raw)
    if match is None:
        return PartialDate(_year_number(raw), raw=raw)
    year = int(match.group(1))
    word = match.group(2)
    if word is None:
        return PartialDate(year, raw=raw)
    season = SEASON_MONTHS.get(word.lower())
    if season is not None:
        return PartialDate(year, season, None, raw)
    month = month_number(word)
    if month is None:
        return PartialDate(year, raw=raw)
    return PartialDate(year, month, _day_number(match.group(3)), raw)


def iso_date(year: str | None, month: str | None, day: str | None) -> str | None:
    """``YYYY-MM-DD`` from three parts, or None unless all three are usable."""
    if year is None or day is None:
        return None
    month_value = month_number(month)
    day_value = _day_number(day)
    year = year.strip()
    if month_value is None or day_value is None or len(year) != 4 or not year.isdigit():
        return None
    return f"{year}-{month_value:02d}-{day_value:02d}"
