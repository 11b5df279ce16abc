"""The walk through a sitting: undecided records, those decided in the sitting, and where a decision leads."""

from __future__ import annotations

from litscan.screening.listing import ScreeningItem
from litscan.serve.walk import Walk

SINCE = "2026-12-06T10:00:00.000000Z"
BEFORE = "2026-12-01T10:00:00.000000Z"
DURING = "2026-12-06T10:05:00.000000Z"


def item(pmid: str, decision: str | None = None, at: str | None = None, changed: bool = False) -> ScreeningItem:
    return ScreeningItem(
        pmid=pmid,
        title=f"Record {pmid}",
        doi=None,
        design="rct",
        on_topic=True,
        pub_date="2025",
        retracted=False,
        withdrawn=False,
        entered=BEFORE,
        decision=decision,
        reason=None,
        note=None,
        by="someone" if decision else None,
        at=at,
        changed_since_screened=changed,
    )


ITEMS = [
    item("1", "include", DURING),  # decided in this sitting
    item("2"),
    item("3", "exclude", BEFORE),  # decided before it
    item("4", "maybe", BEFORE, changed=True),  # revised since: to screen again
    item("5"),
]


def pmids(items: list[ScreeningItem]) -> list[str]:
    return [i.pmid for i in items]


def test_the_sitting_walks_the_undecided_and_its_own_decisions() -> None:
    walk = Walk(ITEMS, "undecided", SINCE)
    assert pmids(walk.shown) == ["1", "2", "4", "5"]
    assert walk.awaiting == 3
    assert walk.first() == ITEMS[1]
    assert walk.previous("2") == ITEMS[0]
    assert walk.next("2") == ITEMS[3]  # skips 3, decided before the sitting
    assert walk.previous("1") is None
    assert walk.next("5") is None
    assert walk.next("404") is None and walk.previous("404") is None


def test_a_decision_leads_to_the_next_record_still_to_screen_wrapping_round() -> None:
    walk = Walk(ITEMS, "undecided", SINCE)
    assert walk.after_decision("2") == ITEMS[3]
    assert walk.after_decision("5") == ITEMS[1]  # wraps round to the first still undecided
    assert walk.after_decision("1") == ITEMS[1]
    alone = Walk([item("7"), item("8", "include", DURING)], "undecided", SINCE)
    assert alone.after_decision("7") is None  # 7 was the last one: nothing left


def test_walking_every_record() -> None:
    walk = Walk(ITEMS, "all", SINCE)
    assert pmids(walk.shown) == ["1", "2", "3", "4", "5"]
    assert walk.first() == ITEMS[0]
    assert walk.next("2") == ITEMS[2]
    assert walk.after_decision("2") == ITEMS[2]
    assert walk.position("4") == 3
