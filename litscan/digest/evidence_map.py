"""The evidence map: condition rows (a group row, then its members) by route columns, counted this period
and all time, shaded so the pale cells show where evidence is missing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .labels import Labels

# (conditions, routes) of one record
TagIds = tuple[Sequence[str], Sequence[str]]


@dataclass(frozen=True)
class MapCell:
    condition: str
    route: str
    count: int  # this period's on-topic records
    all_time: int
    level: int = 0  # 0-4 shading by the all-time count: pale cells are the evidence gaps


@dataclass(frozen=True)
class MapRow:
    id: str
    label: str
    cells: tuple[MapCell, ...]
    total: int
    all_time: int
    is_group: bool = False
    group: str | None = None  # for member rows: the group they sit under


def evidence_map(
    period: Iterable[TagIds], overview: Iterable[tuple[int | None, Sequence[str], Sequence[str]]], labels: Labels
) -> list[MapRow]:
    """Rows in the labels' order: the period's on-topic records (``period``) and all time (``overview``)."""
    period_pairs: Counter[tuple[str, str]] = Counter()
    period_rows: Counter[str] = Counter()
    for conditions, routes in period:
        _count_pairs(period_pairs, period_rows, conditions, routes, labels)
    all_pairs: Counter[tuple[str, str]] = Counter()
    all_rows: Counter[str] = Counter()
    for _, conditions, routes in overview:
        _count_pairs(all_pairs, all_rows, conditions, routes, labels)

    peak = max(all_pairs.values(), default=0)

    def level(n: int) -> int:
        return 0 if not n else min(4, 1 + (4 * n) // (peak + 1))

    def row(rid: str, label: str, *, is_group: bool = False, group: str | None = None) -> MapRow:
        cells = tuple(
            MapCell(rid, route, period_pairs[rid, route], all_pairs[rid, route], level(all_pairs[rid, route]))
            for route in labels.routes
        )
        return MapRow(rid, label, cells, period_rows[rid], all_rows[rid], is_group, group)

    rows: list[MapRow] = []
    for entry in labels.rows():
        rows.append(row(entry.id, entry.label, is_group=entry.is_group))
        rows.extend(row(m, labels.condition(m), group=entry.id) for m in entry.members)
    return rows


def _count_pairs(
    pairs: Counter[tuple[str, str]],
    rows: Counter[str],
    conditions: Sequence[str],
    routes: Sequence[str],
    labels: Labels,
) -> None:
    # a record counts once per row, so a group row counts records, not member tags
    keys = set(conditions)
    keys.update(g for g in (labels.group_of(c) for c in conditions) if g)
    for key in keys:
        rows[key] += 1
        for route in set(routes):
            pairs[key, route] += 1
