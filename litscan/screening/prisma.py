"""PRISMA 2020 counts for a living review: for every update (each fetch or import run of the topic) and in
total, how many records the search identified, how many of those the topic already held, how many were new,
and what became of the new ones (screened: included, excluded by reason, maybe; or awaiting screening).

Each record of the topic is counted once, in the update it entered the topic in (records that entered
before the topic's first recorded run count in that run's update), and by its latest decision. So the
counts add up, per update and in total:

    identified = already_stored + new
    new        = screened + awaiting
    screened   = included + excluded + maybe

``identified`` is what the search found: the records it listed that the topic already held, plus
those it brought in. A fetch run records how many records PubMed listed for its windows
(``reported_by_pubmed``) and how many of them were stored already; when a run stores all it
listed, ``identified`` equals PubMed's count.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..config import Topic
from ..store import Store
from .decisions import reason_key
from .listing import ScreeningItem, screening_items

UPDATE_RUNS = ("fetch", "import")
# The keys of each block of ``litscan prisma --json``, in order.
COUNT_KEYS = ("identified", "already_stored", "new", "screened", "awaiting", "included", "excluded", "maybe")
KEYS = (*COUNT_KEYS, "excluded_by_reason")
_ALL_RUNS = 1 << 31


@dataclass
class PrismaCounts:
    """One block of counts: an update, several updates together, or the total."""

    identified: int = 0
    already_stored: int = 0
    new: int = 0
    screened: int = 0
    awaiting: int = 0
    included: int = 0
    excluded: int = 0
    maybe: int = 0
    excluded_by_reason: Counter[str] = field(default_factory=Counter)
    changed_since_screened: int = 0  # screened records PubMed revised since (counted by their decision)
    reported_by_pubmed: int | None = None  # what PubMed listed for the run's windows, where recorded

    def add_item(self, item: ScreeningItem) -> None:
        self.new += 1
        if item.decision is None:
            self.awaiting += 1
            return
        self.screened += 1
        if item.decision == "include":
            self.included += 1
        elif item.decision == "exclude":
            self.excluded += 1
            self.excluded_by_reason[reason_key(item.reason)] += 1
        else:
            self.maybe += 1
        self.changed_since_screened += item.changed_since_screened

    def add(self, other: PrismaCounts) -> None:
        for name in COUNT_KEYS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.excluded_by_reason.update(other.excluded_by_reason)
        self.changed_since_screened += other.changed_since_screened
        if other.reported_by_pubmed is not None:
            self.reported_by_pubmed = (self.reported_by_pubmed or 0) + other.reported_by_pubmed

    def as_dict(self, reasons: Sequence[str] = ()) -> dict[str, Any]:
        """The block as JSON data, exactly the keys of ``KEYS``; every reason of the topic is listed, with 0
        where none was given."""
        by_reason = {reason: self.excluded_by_reason.get(reason, 0) for reason in reasons}
        by_reason.update({r: n for r, n in sorted(self.excluded_by_reason.items()) if r not in by_reason})
        return {**{key: getattr(self, key) for key in COUNT_KEYS}, "excluded_by_reason": by_reason}


@dataclass
class Update:
    """The counts of one update: the run it was, and the records that entered the topic in it."""

    run: int | None  # None: records with no recorded run (a store whose runs were never recorded)
    kind: str | None
    status: str | None
    started_at: str | None
    finished_at: str | None
    window: dict[str, str] | None
    counts: PrismaCounts

    @property
    def label(self) -> str:
        """The update in words: its run, kind and window, for the text report."""
        what = f"run {self.run} ({self.kind}, {self.status})" if self.run is not None else "records before any run"
        windows = " ".join(f"[{name}] {span}" for name, span in (self.window or {}).items())
        return " ".join(part for part in (what, self.started_at, windows) if part)


@dataclass
class PrismaReport:
    """A topic's counts: every update, oldest first, and their sum."""

    topic: Topic
    updates: list[Update]

    @property
    def total(self) -> PrismaCounts:
        return combined(u.counts for u in self.updates)

    def split(self, since: str | None) -> tuple[PrismaCounts, PrismaCounts]:
        """(before, from): the updates started before ``since`` and those from it on summed apart; without
        ``since``, the latest update is "from" and all earlier ones "before" (a PRISMA diagram for updates).
        Records of a store that recorded no runs are all "from": nothing tells which came before."""
        if since is None:
            earlier, latest = self.updates[:-1], self.updates[-1:]
        else:
            earlier = [u for u in self.updates if u.started_at is not None and u.started_at < since]
            latest = [u for u in self.updates if u.started_at is None or u.started_at >= since]
        return combined(u.counts for u in earlier), combined(u.counts for u in latest)

    def as_dict(self) -> dict[str, Any]:
        """``{"total": {...}, "updates": [{...}, ...]}``, oldest update first, each block with ``KEYS``."""
        reasons = list(self.topic.screening.reasons)
        return {"total": self.total.as_dict(reasons), "updates": [u.counts.as_dict(reasons) for u in self.updates]}


def combined(blocks: Iterable[PrismaCounts]) -> PrismaCounts:
    total = PrismaCounts()
    for block in blocks:
        total.add(block)
    return total


def prisma_report(store: Store, topic: Topic) -> PrismaReport:
    """Count the topic's records by update and by screening state (see the module's docstring)."""
    runs = sorted(
        (run for run in store.runs(topic.name, limit=_ALL_RUNS) if run["kind"] in UPDATE_RUNS),
        key=lambda run: run["id"],
    )
    starts = [run["started_at"] for run in runs]
    blocks = [PrismaCounts() for _ in runs] or [PrismaCounts()]
    counted = 0
    for item in screening_items(store, topic):  # one pass, nothing held: a store of any size
        blocks[max(bisect.bisect_right(starts, item.entered) - 1, 0)].add_item(item)
        counted += 1
    if not runs:
        blocks[0].identified = blocks[0].new
        return PrismaReport(topic, [Update(None, None, None, None, None, None, blocks[0])] if counted else [])
    updates = []
    for run, counts in zip(runs, blocks, strict=True):
        if counts.new == 0 and run["status"] != "ok":
            continue  # a run that failed before it stored anything updated nothing
        counts.already_stored, counts.reported_by_pubmed = _search_counts(run, counts.new)
        counts.identified = counts.already_stored + counts.new
        detail = run["detail"]
        window = detail.get("window") if isinstance(detail.get("window"), dict) else None
        updates.append(
            Update(run["id"], run["kind"], run["status"], run["started_at"], run["finished_at"], window, counts)
        )
    return PrismaReport(topic, updates)


def _search_counts(run: dict[str, Any], new: int) -> tuple[int, int | None]:
    """(records the run's search listed that the topic held already, what PubMed listed) from its detail.

    A fetch run records both; an import run records what each file held (new, updated and unchanged
    records), of which those that did not enter the topic were held already.
    """
    detail = run["detail"]
    if run["kind"] == "fetch":
        stored = detail.get("already_stored")
        reported = detail.get("identified")
        return (
            stored if isinstance(stored, int) and stored >= 0 else 0,
            reported if isinstance(reported, int) and reported >= 0 else None,
        )
    counts = detail.get("counts", detail)
    read = sum(counts.get(key, 0) for key in ("new", "updated", "unchanged") if isinstance(counts.get(key), int))
    return max(read - new, 0), None


def _block_lines(counts: PrismaCounts, reasons: dict[str, str]) -> list[str]:
    lines = [
        f"  identified {counts.identified} = already stored {counts.already_stored} + new {counts.new}",
        f"  new {counts.new} = screened {counts.screened} + awaiting screening {counts.awaiting}",
        f"  screened {counts.screened} = included {counts.included} + excluded {counts.excluded}"
        f" + maybe {counts.maybe}",
    ]
    lines += [
        f"    excluded, {reasons.get(r, r)}: {n}"
        for r, n in counts.as_dict(list(reasons))["excluded_by_reason"].items()
    ]
    if counts.changed_since_screened:
        lines.append(f"  changed since screened (to screen again): {counts.changed_since_screened}")
    if counts.reported_by_pubmed is not None:
        lines.append(f"  PubMed listed {counts.reported_by_pubmed} for the windows searched")
    return lines


def format_report(report: PrismaReport) -> str:
    """The counts as text: every update, oldest first, then the total."""
    reasons = report.topic.screening.reasons
    lines = [f"PRISMA 2020 counts for topic {report.topic.name}"]
    if not report.updates:
        return lines[0] + ": no records yet"
    for number, update in enumerate(report.updates, start=1):
        lines += [f"Update {number}: {update.label}", *_block_lines(update.counts, reasons)]
    return "\n".join([*lines, "Total", *_block_lines(report.total, reasons)])
