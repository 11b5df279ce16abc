"""The trend chart: on-topic records per publication year, one small bar strip per condition group.

Inline SVG drawn here in Python, so the page needs no charting script and the
chart survives printing, e-mail clients and JavaScript being off.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from xml.sax.saxutils import escape

from .labels import Labels

ROW_HEIGHT = 34
LABEL_WIDTH = 230
BAR_AREA = 560
TOTAL_WIDTH = 60
MAX_YEARS = 36  # older years are summed into the first bar so the bars stay readable
MIN_YEARS = 10  # a short history still gets a decade's axis, not three fat bars


def series_counts(
    overview: Iterable[tuple[int | None, list[str], list[str]]], labels: Labels
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


def trend_svg(overview: Iterable[tuple[int | None, list[str], list[str]]], labels: Labels) -> str:
    """The chart as an ``<svg>`` element (markup already escaped), or a short note when empty."""
    counts = series_counts(overview, labels)
    years = sorted({y for c in counts.values() for y in c})
    if not years:
        return '<p class="muted">No dated on-topic records yet.</p>'
    last = years[-1]
    first = min(max(years[0], last - MAX_YEARS + 1), last - MIN_YEARS + 1)
    span = list(range(first, last + 1))
    older = years[0] < first
    rows = labels.rows()
    binned = {
        row.id: [sum(n for y, n in counts[row.id].items() if y <= first)] + [counts[row.id][y] for y in span[1:]]
        for row in rows
    }
    # the "and earlier" bar sums many years: it must not flatten the yearly bars, so it is clipped
    scaled = [values[1:] if older else values for values in binned.values()]
    peak = max((n for values in scaled for n in values), default=0) or 1
    bar = BAR_AREA / len(span)
    height = ROW_HEIGHT * len(rows) + 28
    width = LABEL_WIDTH + BAR_AREA + TOTAL_WIDTH
    title = "On-topic records per publication year, by condition group"
    out = [
        f'<svg class="trend" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg" aria-labelledby="trend-title">'
        f'<title id="trend-title">{escape(title)}</title>'
    ]
    for index, row in enumerate(rows):
        top = index * ROW_HEIGHT
        total = sum(counts[row.id].values())
        out.append(f'<g class="series" data-series="{escape(row.id)}">')
        label = row.label if len(row.label) <= 34 else row.label[:33] + "…"
        out.append(f'<text x="0" y="{top + ROW_HEIGHT - 12}" class="lbl">{escape(label)}</text>')
        out.append(
            f'<line x1="{LABEL_WIDTH}" x2="{LABEL_WIDTH + BAR_AREA}" y1="{top + ROW_HEIGHT - 6}" '
            f'y2="{top + ROW_HEIGHT - 6}" class="axis"/>'
        )
        for slot, (year, n) in enumerate(zip(span, binned[row.id], strict=True)):
            if not n:
                continue
            h = max(1.5, (ROW_HEIGHT - 10) * min(n, peak) / peak)
            x = LABEL_WIDTH + slot * bar
            when = f"{year} and earlier" if older and year == first else str(year)
            out.append(
                f'<rect x="{x + 0.5:.1f}" y="{top + ROW_HEIGHT - 6 - h:.1f}" '
                f'width="{max(bar - 1, 1):.1f}" height="{h:.1f}">'
                f"<title>{escape(row.label)}, {when}: {n}</title></rect>"
            )
        out.append(f'<text x="{width}" y="{top + ROW_HEIGHT - 12}" class="num" text-anchor="end">{total}</text>')
        out.append("</g>")
    axis_y = ROW_HEIGHT * len(rows) + 16
    for slot, year in enumerate(span):
        if year in (first, last) or (year % 5 == 0 and last - year > 1 and year - first > 1):
            x = LABEL_WIDTH + (slot + 0.5) * bar
            text = f"≤{year}" if older and year == first else str(year)
            out.append(f'<text x="{x:.1f}" y="{axis_y}" class="yr" text-anchor="middle">{text}</text>')
    out.append(f'<text x="{width}" y="{axis_y}" class="yr" text-anchor="end">all</text>')
    out.append("</svg>")
    return "".join(out)
