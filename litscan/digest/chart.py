"""The trend chart: on-topic records per publication year, one small bar strip per condition group, all
on one count axis.

Inline SVG drawn here in Python, so the page needs no charting script and the
chart survives printing, e-mail clients and JavaScript being off.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from .labels import Labels

ROW_HEIGHT = 34
LABEL_WIDTH = 230
BAR_AREA = 560
TOTAL_WIDTH = 60
MAX_YEARS = 36  # older years are summed into the first bar so the bars stay readable
MIN_YEARS = 10  # a short history still gets a decade's axis, not three fat bars
WIDTH = LABEL_WIDTH + BAR_AREA + TOTAL_WIDTH


Series = dict[str, Counter[int]]  # series id -> records per publication year


def empty_series(labels: Labels) -> Series:
    return {row.id: Counter() for row in labels.rows()}


def count_into(counts: Series, year: int | None, conditions: Sequence[str], labels: Labels) -> None:
    """Count one record into its series (a group or a condition outside any group), once each."""
    if year is None:
        return
    for key in {labels.group_of(c) or c for c in conditions}:
        if key in counts:
            counts[key][year] += 1


def series_counts(overview: Iterable[tuple[int | None, Sequence[str], Sequence[str]]], labels: Labels) -> Series:
    """Records per year for each chart series."""
    counts = empty_series(labels)
    for year, conditions, _ in overview:
        count_into(counts, year, conditions, labels)
    return counts


@dataclass(frozen=True)
class _Years:
    """The chart's year axis: ``first`` to ``last``, the first bar summing older years when ``older``."""

    first: int
    last: int
    older: bool

    @property
    def span(self) -> list[int]:
        return list(range(self.first, self.last + 1))

    @property
    def bar(self) -> float:
        return BAR_AREA / len(self.span)


def _years(present: list[int]) -> _Years:
    last = present[-1]
    first = min(max(present[0], last - MAX_YEARS + 1), last - MIN_YEARS + 1)
    return _Years(first, last, present[0] < first)


def trend_svg(overview: Iterable[tuple[int | None, Sequence[str], Sequence[str]]], labels: Labels) -> str:
    """The chart as an ``<svg>`` element (markup already escaped), or a short note when empty."""
    return trend_svg_of(series_counts(overview, labels), labels)


def nice_ceiling(n: int) -> int:
    """The axis top: 1, 2 or 5 times a power of ten, at least ``n``."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if factor * step >= n:
                return factor * step
        step *= 10


def trend_svg_of(counts: Series, labels: Labels) -> str:
    """The chart of counted series; every row shares one count axis, labelled on each row."""
    present = sorted({y for c in counts.values() for y in c})
    if not present:
        return '<p class="muted">No dated on-topic records yet.</p>'
    years = _years(present)
    rows = labels.rows()
    binned = {
        row.id: [sum(n for y, n in counts[row.id].items() if y <= years.first)]
        + [counts[row.id][y] for y in years.span[1:]]
        for row in rows
    }
    # the "and earlier" bar sums many years: it must not flatten the yearly bars, so it is clipped
    scaled = [values[1:] if years.older else values for values in binned.values()]
    top = nice_ceiling(max((n for values in scaled for n in values), default=0) or 1)
    height = ROW_HEIGHT * len(rows) + 30
    title = f"On-topic records per publication year, by condition group (each row's axis runs from 0 to {top})"
    out = [
        f'<svg class="trend" role="img" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg" aria-labelledby="trend-title">'
        f'<title id="trend-title">{escape(title)}</title>'
    ]
    for index, row in enumerate(rows):
        total = sum(counts[row.id].values())
        out.extend(_series(index * ROW_HEIGHT, row.id, row.label, binned[row.id], total, years, top))
    out.extend(_year_labels(ROW_HEIGHT * len(rows) + 18, years))
    out.append("</svg>")
    return "".join(out)


def _series(top: int, sid: str, label: str, values: list[int], total: int, years: _Years, peak: int) -> list[str]:
    """One series' row: its label, its count axis (0 and the top), a bar per year with a tooltip, its total."""
    out = [f'<g class="series" data-series="{escape(sid)}">']
    short = label if len(label) <= 30 else label[:29] + "…"
    base = top + ROW_HEIGHT - 6
    out.append(f'<text x="0" y="{base - 6}" class="lbl">{escape(short)}</text>')
    axis_x = LABEL_WIDTH - 4
    out.append(f'<line x1="{axis_x}" x2="{axis_x}" y1="{top + 4}" y2="{base}" class="axis"/>')
    out.append(f'<text x="{axis_x - 3}" y="{top + 12}" class="yr" text-anchor="end">{peak}</text>')
    out.append(f'<text x="{axis_x - 3}" y="{base}" class="yr" text-anchor="end">0</text>')
    out.append(f'<line x1="{LABEL_WIDTH}" x2="{LABEL_WIDTH + BAR_AREA}" y1="{base}" y2="{base}" class="axis"/>')
    for slot, (year, n) in enumerate(zip(years.span, values, strict=True)):
        if not n:
            continue
        h = max(1.5, (ROW_HEIGHT - 10) * min(n, peak) / peak)
        x = LABEL_WIDTH + slot * years.bar
        when = f"{year} and earlier" if years.older and year == years.first else str(year)
        out.append(
            f'<rect x="{x + 0.5:.1f}" y="{base - h:.1f}" '
            f'width="{max(years.bar - 1, 1):.1f}" height="{h:.1f}">'
            f"<title>{escape(label)}, {when}: {n}</title></rect>"
        )
    out.append(f'<text x="{WIDTH}" y="{base - 6}" class="num" text-anchor="end">{total}</text>')
    out.append("</g>")
    return out


def _year_labels(axis_y: int, years: _Years) -> list[str]:
    """The first and last year and every fifth between them, under the bars; "all" under the totals."""
    out = []
    first, last = years.first, years.last
    for slot, year in enumerate(years.span):
        if year in (first, last) or (year % 5 == 0 and last - year > 1 and year - first > 1):
            x = LABEL_WIDTH + (slot + 0.5) * years.bar
            text = f"≤{year}" if years.older and year == first else str(year)
            out.append(f'<text x="{x:.1f}" y="{axis_y}" class="yr" text-anchor="middle">{text}</text>')
    out.append(f'<text x="{WIDTH}" y="{axis_y}" class="yr" text-anchor="end">all</text>')
    return out
