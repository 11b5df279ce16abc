"""The PRISMA 2020 flow diagram for an update of a living review, drawn in Python as inline SVG.

Laid out as PRISMA 2020's template for updated reviews (databases only): previous studies on the
left; the new search in the middle (records identified, already in the store, new, screened,
included) with what left the flow beside it (already stored, awaiting screening, excluded with
each reason, marked maybe); the total of included studies at the foot. Every label is SVG text
(readable by screen readers, searchable, printable), and a title and a description carry the
whole diagram in words.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from xml.sax.saxutils import escape

from ..config import NO_REASON
from .prisma import PrismaCounts, PrismaReport

WIDTH = 860
BAND = 26  # the stage bands on the left (Identification, Screening, Included)
PREVIOUS_X, PREVIOUS_W = 36, 200
MAIN_X, MAIN_W = 256, 290
SIDE_X, SIDE_W = 576, 274
LINE = 17  # text line height
PAD = 9  # space between a box's edge and its text
GAP = 26  # between rows (room for the arrows)
CHAR_WIDTH = 7.0  # an average character at 13px, to wrap lines before they leave their box

_STYLE = (
    "svg.prisma .box{fill:#fff;stroke:#333;stroke-width:1.2}"
    "svg.prisma .head{fill:#dde6f3;stroke:#333;stroke-width:1.2}"
    "svg.prisma .band{fill:#a9c1e4;stroke:#333;stroke-width:1.2}"
    "svg.prisma .arrow{stroke:#333;stroke-width:1.4;fill:none}"
    "svg.prisma text{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:13px;fill:#111}"
    "svg.prisma .strong{font-weight:600}"
)


@dataclass(frozen=True)
class _Box:
    x: int
    y: int
    w: int
    lines: tuple[str, ...]
    kind: str = "box"

    @property
    def h(self) -> int:
        return len(self.lines) * LINE + 2 * PAD - 4

    @property
    def mid_y(self) -> int:
        return self.y + self.h // 2


def _n(value: int) -> str:
    """A count as "(n = 1,234)", never broken across lines."""
    return f"(n\u00a0=\u00a0{value:,})"


def _count(value: int) -> str:
    return f"{value:,}"


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, int((width - 2 * PAD) / CHAR_WIDTH), break_long_words=True) or [""]


def _lines(width: int, *parts: str) -> tuple[str, ...]:
    return tuple(line for part in parts for line in _wrap(part, width))


def _reason_lines(current: PrismaCounts, reasons: dict[str, str]) -> list[str]:
    """One line per reason of the topic that excluded any record, in the topic's order, then any other."""
    order = list(reasons) + sorted(r for r in current.excluded_by_reason if r not in reasons)
    labels = {**reasons, NO_REASON: "No reason recorded"}
    return [
        f"{labels.get(reason, reason)} {_n(current.excluded_by_reason[reason])}"
        for reason in order
        if current.excluded_by_reason.get(reason)
    ]


def _layout(previous: PrismaCounts, current: PrismaCounts, reasons: dict[str, str]) -> dict[str, _Box]:
    """Every box, placed row by row; a row is as tall as its tallest box."""
    boxes: dict[str, _Box] = {}
    top = 8
    head_lines = ("Previous studies",), ("Identification of new studies via PubMed",)
    boxes["head_previous"] = _Box(PREVIOUS_X, top, PREVIOUS_W, head_lines[0], "head")
    boxes["head_new"] = _Box(MAIN_X, top, SIDE_X + SIDE_W - MAIN_X, head_lines[1], "head")
    y = top + boxes["head_new"].h + 16
    rows: list[dict[str, tuple[str, ...]]] = [
        {
            "previous": _lines(
                PREVIOUS_W, f"Studies included in the previous version of the review {_n(previous.included)}"
            ),
            "identified": _lines(MAIN_W, f"Records identified from PubMed {_n(current.identified)}"),
            "removed": _lines(
                SIDE_W,
                "Records removed before screening:",
                f"already in the store from earlier searches {_n(current.already_stored)}",
            ),
        },
        {
            "new": _lines(MAIN_W, f"New records {_n(current.new)}"),
            "awaiting": _lines(SIDE_W, f"Records awaiting screening {_n(current.awaiting)}"),
        },
        {
            "screened": _lines(MAIN_W, f"Records screened, title and abstract {_n(current.screened)}"),
            "excluded": (
                *_lines(SIDE_W, f"Records excluded {_n(current.excluded)}"),
                *(line for text in _reason_lines(current, reasons) for line in _wrap("• " + text, SIDE_W)),
            ),
        },
        {"maybe": _lines(SIDE_W, f"Marked maybe, still to decide {_n(current.maybe)}")},
        {"included": _lines(MAIN_W, f"New studies included in the review {_n(current.included)}")},
    ]
    columns = {"previous": (PREVIOUS_X, PREVIOUS_W), "identified": (MAIN_X, MAIN_W), "new": (MAIN_X, MAIN_W)}
    columns |= {"screened": (MAIN_X, MAIN_W), "included": (MAIN_X, MAIN_W)}
    for row in rows:
        placed = {}
        for name, lines in row.items():
            x, w = columns.get(name, (SIDE_X, SIDE_W))
            placed[name] = _Box(x, y, w, lines)
        boxes.update(placed)
        y += max(box.h for box in placed.values()) + GAP
    total = f"Total studies included in the review {_n(previous.included + current.included)}"
    boxes["total"] = _Box(PREVIOUS_X, y, MAIN_X + MAIN_W - PREVIOUS_X, _lines(MAIN_W, total))
    return boxes


def _box_svg(box: _Box) -> list[str]:
    out = [f'<rect class="{box.kind}" x="{box.x}" y="{box.y}" width="{box.w}" height="{box.h}" rx="3"/>']
    for index, line in enumerate(box.lines):
        y = box.y + PAD + 9 + index * LINE
        weight = ' class="strong"' if box.kind == "head" else ""
        out.append(f'<text x="{box.x + PAD}" y="{y}"{weight}>{escape(line)}</text>')
    return out


def _arrow(points: list[tuple[int, int]], marker: str) -> str:
    path = " ".join(f"{x},{y}" for x, y in points)
    return f'<polyline class="arrow" points="{path}" marker-end="url(#{marker})"/>'


def _arrows(b: dict[str, _Box], marker: str) -> list[str]:
    main_mid = MAIN_X + MAIN_W // 2
    side = MAIN_X + MAIN_W
    out = [
        _arrow([(main_mid, b["identified"].y + b["identified"].h), (main_mid, b["new"].y - 2)], marker),
        _arrow([(main_mid, b["new"].y + b["new"].h), (main_mid, b["screened"].y - 2)], marker),
        _arrow([(main_mid, b["screened"].y + b["screened"].h), (main_mid, b["included"].y - 2)], marker),
        _arrow([(main_mid, b["included"].y + b["included"].h), (main_mid, b["total"].y - 2)], marker),
        _arrow([(side, b["identified"].mid_y), (SIDE_X - 2, b["identified"].mid_y)], marker),
        _arrow([(side, b["new"].mid_y), (SIDE_X - 2, b["new"].mid_y)], marker),
        _arrow([(side, b["screened"].mid_y), (SIDE_X - 2, b["screened"].mid_y)], marker),
    ]
    elbow = side + (SIDE_X - side) // 2
    out.append(
        _arrow(
            [
                (side, b["screened"].mid_y + 8),
                (elbow, b["screened"].mid_y + 8),
                (elbow, b["maybe"].mid_y),
                (SIDE_X - 2, b["maybe"].mid_y),
            ],
            marker,
        )
    )
    previous_mid = PREVIOUS_X + PREVIOUS_W // 2
    out.append(_arrow([(previous_mid, b["previous"].y + b["previous"].h), (previous_mid, b["total"].y - 2)], marker))
    return out


def _bands(b: dict[str, _Box]) -> list[str]:
    """The stage bands down the left edge, each labelled with turned (still real) text."""
    stages = (
        ("Identification", b["previous"].y, b["new"].y + b["new"].h),
        ("Screening", b["screened"].y, b["maybe"].y + b["maybe"].h),
        ("Included", b["included"].y, b["total"].y + b["total"].h),
    )
    out = []
    for label, top, bottom in stages:
        mid = (top + bottom) // 2
        out.append(f'<rect class="band" x="2" y="{top}" width="{BAND - 4}" height="{bottom - top}" rx="3"/>')
        out.append(
            f'<text class="strong" x="{BAND // 2}" y="{mid}" text-anchor="middle" dominant-baseline="central" '
            f'transform="rotate(-90 {BAND // 2} {mid})">{label}</text>'
        )
    return out


def describe(previous: PrismaCounts, current: PrismaCounts, reasons: dict[str, str]) -> str:
    """The diagram in one paragraph, for its ``<desc>`` (and for anyone who cannot see it)."""
    excluded = "; ".join(_reason_lines(current, reasons))
    return (
        f"Previous studies: {_count(previous.included)} included in the previous version of the review. "
        f"New search: {_count(current.identified)} records identified from PubMed, "
        f"{_count(current.already_stored)} of them already in the store from earlier searches, "
        f"{_count(current.new)} new. Of the new records, {_count(current.awaiting)} await screening "
        f"and {_count(current.screened)} were screened: "
        f"{_count(current.excluded)} excluded{f' ({excluded})' if excluded else ''}, "
        f"{_count(current.maybe)} marked maybe, "
        f"{_count(current.included)} included. "
        f"Total studies included in the review: {_count(previous.included + current.included)}."
    )


def flow_svg(
    previous: PrismaCounts,
    current: PrismaCounts,
    reasons: dict[str, str],
    *,
    ident: str = "prisma",
    title: str = "PRISMA 2020 flow diagram for an updated review",
) -> str:
    """The diagram as an ``<svg>`` element (its text escaped): ``previous`` holds the updates before this one,
    ``current`` this update's counts; ``ident`` makes its ids unique on a page holding several."""
    boxes = _layout(previous, current, reasons)
    height = boxes["total"].y + boxes["total"].h + 8
    marker = f"{ident}-arrow"
    out = [
        f'<svg class="prisma" role="img" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg" aria-labelledby="{ident}-title {ident}-desc">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(describe(previous, current, reasons))}</desc>',
        f"<style>{_STYLE}</style>",
        f'<defs><marker id="{marker}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#333"/></marker></defs>',
    ]
    out.extend(_bands(boxes))
    for box in boxes.values():
        out.extend(_box_svg(box))
    out.extend(_arrows(boxes, marker))
    out.append("</svg>")
    return "".join(out)


def diagram(report: PrismaReport, *, ident: str = "prisma") -> str:
    """The diagram of the report's latest update, the earlier updates as the previous version of the review."""
    previous, current = report.split(None) if report.updates else (PrismaCounts(), PrismaCounts())
    return flow_svg(previous, current, report.topic.screening.reasons, ident=ident)
