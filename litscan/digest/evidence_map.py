"""The evidence map: condition rows (a group row, then its members) by route columns, with a column for
records that state no route; counted this period (all designs, and trials and systematic reviews apart)
and all time, shaded by the all-time count so the pale cells show where evidence is missing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .labels import Labels

NO_ROUTE = "none"  # the column of records that state no route
NO_CONDITION = "none"  # the row of on-topic records that name no condition (shown only when there are any)
NO_ROUTE_LABEL = "No route stated"
NO_CONDITION_LABEL = "No condition stated"


@dataclass(frozen=True)
class MapCell:
    condition: str
    route: str  # a route id, or NO_ROUTE
    count: int  # this period's on-topic records
    strong: int  # of them, trials and systematic reviews that are not retracted
    all_time: int
    level: int = 0  # 0-4 shading by the all-time count: pale cells are the evidence gaps


@dataclass(frozen=True)
class MapRow:
    id: str
    label: str
    cells: tuple[MapCell, ...]
    total: int  # records in the row: one with two routes counts in two cells but once here
    strong: int
    all_time: int
    is_group: bool = False
    group: str | None = None  # for member rows: the group they sit under


class MapCounter:
    """Records counted into rows and columns.

    A record counts once in each row it belongs to (a group row counts records, not member tags), and
    in that row once under each route it states, or under "no route stated" when it states none.
    """

    def __init__(self, labels: Labels) -> None:
        self.labels = labels
        self.cells: Counter[tuple[str, str]] = Counter()
        self.rows: Counter[str] = Counter()

    def add(self, conditions: Sequence[str], routes: Sequence[str]) -> None:
        keys = set(conditions)
        keys.update(g for g in (self.labels.group_of(c) for c in conditions) if g)
        columns = set(routes) or {NO_ROUTE}
        for key in keys or {NO_CONDITION}:
            self.rows[key] += 1
            for route in columns:
                self.cells[key, route] += 1


def columns(labels: Labels) -> list[tuple[str, str]]:
    """(route id, label) of the map's columns: the vocabulary's routes, then "no route stated"."""
    return [*labels.routes.items(), (NO_ROUTE, NO_ROUTE_LABEL)]


def evidence_map(period: MapCounter, strong: MapCounter, all_time: MapCounter, labels: Labels) -> list[MapRow]:
    """Rows in the labels' order, each member right under its group; the no-condition row last, if used."""
    peak = max(all_time.cells.values(), default=0)
    routes = [rid for rid, _ in columns(labels)]

    def level(n: int) -> int:
        return 0 if not n else min(4, 1 + (4 * n) // (peak + 1))

    def row(rid: str, label: str, *, is_group: bool = False, group: str | None = None) -> MapRow:
        cells = tuple(
            MapCell(
                rid,
                route,
                period.cells[rid, route],
                strong.cells[rid, route],
                all_time.cells[rid, route],
                level(all_time.cells[rid, route]),
            )
            for route in routes
        )
        return MapRow(rid, label, cells, period.rows[rid], strong.rows[rid], all_time.rows[rid], is_group, group)

    rows: list[MapRow] = []
    for entry in labels.rows():
        rows.append(row(entry.id, entry.label, is_group=entry.is_group))
        rows.extend(row(m, labels.condition(m), group=entry.id) for m in entry.members)
    if period.rows[NO_CONDITION] or all_time.rows[NO_CONDITION]:
        rows.append(row(NO_CONDITION, NO_CONDITION_LABEL))
    return rows
