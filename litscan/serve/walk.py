"""Which records a screener steps through, in which order, and where each step leads.

The order is the screening library's (most likely inclusions first). A sitting walks the undecided
records, and keeps in its walk those it decided itself since it began, so "previous" goes back to
a record just decided and its decision can be changed; ``all`` walks every record of the topic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..screening.listing import ScreeningItem

SHOWS = ("undecided", "all")


@dataclass(frozen=True)
class Walk:
    """The records of one sitting's walk, in screening order, out of all of the topic's ``items``."""

    items: Sequence[ScreeningItem]  # every record of the topic, in screening order
    show: str  # undecided | all
    since: str  # when the sitting began (a store timestamp)

    def includes(self, item: ScreeningItem) -> bool:
        if self.show == "all" or item.undecided:
            return True
        return item.at is not None and item.at >= self.since

    @property
    def shown(self) -> list[ScreeningItem]:
        return [item for item in self.items if self.includes(item)]

    @property
    def awaiting(self) -> int:
        return sum(item.undecided for item in self.items)

    def position(self, pmid: str) -> int | None:
        """The record's index among all of the topic's items (None: not a record of the topic)."""
        for index, item in enumerate(self.items):
            if item.pmid == pmid:
                return index
        return None

    def previous(self, pmid: str) -> ScreeningItem | None:
        at = self.position(pmid)
        if at is None:
            return None
        return next((item for item in reversed(self.items[:at]) if self.includes(item)), None)

    def next(self, pmid: str) -> ScreeningItem | None:
        at = self.position(pmid)
        if at is None:
            return None
        return next((item for item in self.items[at + 1 :] if self.includes(item)), None)

    def after_decision(self, pmid: str) -> ScreeningItem | None:
        """Where deciding ``pmid`` leads: the next record still to screen (walking ``all``: the next
        record), wrapping round to the first; None when nothing is left to screen."""
        if self.show == "all":
            return self.next(pmid)
        at = self.position(pmid)
        start = 0 if at is None else at + 1
        ahead = [*self.items[start:], *self.items[:start]]
        return next((item for item in ahead if item.undecided and item.pmid != pmid), None)

    def first(self) -> ScreeningItem | None:
        """The first record to screen (walking ``all``: the first record)."""
        return next((item for item in self.items if item.undecided or self.show == "all"), None)
