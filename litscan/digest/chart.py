"""The trend chart: on-topic records per publication year, one small bar strip per condition group.

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


def series_counts(
    overview: Iterable[tuple[int | None, Sequence[str], Sequence[str]]], labels: Labels
) -> dict[str, Counter[int]]:
    """Records per year for each chart series (a group or a condition outside any group)."""
    counts: dict[str, Counter[int]] = {row.id: Counter() for row in labels.rows()}
    for year, conditions, _ in overview:
        if year is None:
            continue
        keys = {labels.group_of(c) or c for c in conditions}
        for key in keys:
            if key in counts:
                counts[key][year] += 1
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
    counts = series_counts(overview, labels)
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
    peak = max((n for values in scaled for n in values), default=0) or 1
    height = ROW_HEIGHT * len(rows) + 28
    title = "On-topic records per publication year, by condition group"
    out = [
        f'<svg class="trend" role="img" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg" aria-labelledby="trend-title">'
        f'<title id="trend-title">{escape(title)}</title>'
    ]
    for index, row in enumerate(rows):
        total = sum(counts[row.id].values())
        out.extend(_series(index * ROW_HEIGHT, row.id, row.label, binned[row.id], total, years, peak))
    out.extend(_year_labels(ROW_HEIGHT * len(rows) + 16, years))
    out.append("</svg>")
    return "".join(out)


def _series(top: int, sid: str, label: str, values: list[int], total: int, years: _Years, peak: int) -> list[str]:
    """One series' row: its label, baseline, a bar per year with a tooltip, and its total."""
    out = [f'<g class="series" data-series="{escape(sid)}">']
    short = label if len(label) <= 34 else label[:33] + "…"
    out.append(f'<text x="0" y="{top + ROW_HEIGHT - 12}" class="lbl">{escape(short)}</text>')
    out.append(
        f'<line x1="{LABEL_WIDTH}" x2="{LABEL_WIDTH + BAR_AREA}" y1="{top + ROW_HEIGHT - 6}" '
        f'y2="{top + ROW_HEIGHT - 6}" class="axis"/>'
    )
    for slot, (year, n) in enumerate(zip(years.span, values, strict=True)):
        if not n:
            continue
        h = max(1.5, (ROW_HEIGHT - 10) * min(n, peak) / peak)
        x = LABEL_WIDTH + slot * years.bar
        when = f"{year} and earlier" if years.older and year == years.first else str(year)
        out.append(
            f'<rect x="{x + 0.5:.1f}" y="{top + ROW_HEIGHT - 6 - h:.1f}" '
            f'width="{max(years.bar - 1, 1):.1f}" height="{h:.1f}">'
            f"<title>{escape(label)}, {when}: {n}</title></rect>"
        )
    out.append(f'<text x="{WIDTH}" y="{top + ROW_HEIGHT - 12}" class="num" text-anchor="end">{total}</text>')
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
