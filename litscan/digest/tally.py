"""The period's records counted as they stream past: the header's counts, the evidence map's cells, the
filter options' counts, and the few cards the page prints itself (the Highlights and the first records).

Nothing here grows with the period: counters, and heaps holding at most a fixed number of cards.
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field

from .cards import Card, design_rank, list_rank
from .evidence_map import NO_ROUTE, MapCounter
from .labels import Labels

HIGHLIGHT_LIMIT = 20  # the rest of a big period's trials and reviews lead the list anyway
FIRST_LIMIT = 50  # records printed into the page: what e-mail and readers without JavaScript see


class Firsts:
    """The ``limit`` cards with the smallest keys seen so far (a bounded heap)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._heap: list[tuple[tuple[int, ...], int, Card]] = []  # (negated key, negated order, card)
        self.seen = 0

    def offer(self, key: tuple[int, ...], order: int, card: Card) -> None:
        self.seen += 1
        entry = (tuple(-k for k in key), -order, card)
        if len(self._heap) < self.limit:
            heapq.heappush(self._heap, entry)
        elif entry[:2] > self._heap[0][:2]:
            heapq.heapreplace(self._heap, entry)

    def cards(self) -> list[Card]:
        return [card for _, _, card in sorted(self._heap, key=lambda e: e[:2], reverse=True)]


@dataclass
class Tally:
    """Counts and first cards of the period's records, fed one card at a time in the store's order
    (newest publication first), which is the list's order within a design."""

    labels: Labels
    new: int = 0
    off_topic: int = 0
    designs: Counter[str] = field(default_factory=Counter)  # on-topic records by design
    strong: Counter[str] = field(default_factory=Counter)  # trials and reviews that count as evidence
    routes: Counter[str] = field(default_factory=Counter)  # on-topic records by route (NO_ROUTE: none stated)
    period_map: MapCounter = field(init=False)
    strong_map: MapCounter = field(init=False)
    highlights: Firsts = field(default_factory=lambda: Firsts(HIGHLIGHT_LIMIT))
    first_on_topic: Firsts = field(default_factory=lambda: Firsts(FIRST_LIMIT))
    first_off_topic: Firsts = field(default_factory=lambda: Firsts(FIRST_LIMIT))

    def __post_init__(self) -> None:
        self.period_map = MapCounter(self.labels)
        self.strong_map = MapCounter(self.labels)

    def add(self, card: Card) -> None:
        order = self.new
        self.new += 1
        rank = list_rank(card)
        key = (rank[0], int(rank[1]))
        if not card.on_topic:
            self.off_topic += 1
            self.first_off_topic.offer(key, order, card)
            return
        conditions = [c.id for c in card.conditions]
        routes = [r.id for r in card.routes]
        self.designs[card.design] += 1
        self.routes.update(routes or [NO_ROUTE])
        self.period_map.add(conditions, routes)
        self.first_on_topic.offer(key, order, card)
        if card.strong:
            self.strong[card.design] += 1
            self.strong_map.add(conditions, routes)
            self.highlights.offer((design_rank(card.design),), order, card)

    @property
    def on_topic(self) -> int:
        return self.new - self.off_topic

    def counts(self, *, retracted: int, all_time_on_topic: int) -> dict[str, int]:
        """The header's counts; trials and systematic reviews leave retracted papers out."""
        return {
            "new": self.new,
            "on_topic": self.on_topic,
            "off_topic": self.off_topic,
            "trials": self.strong["rct"],
            "systematic_reviews": self.strong["systematic_review"],
            "retracted": retracted,
            "all_time_on_topic": all_time_on_topic,
        }
