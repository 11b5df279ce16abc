"""A topic's records as a reviewer screens them: each with its latest decision and whether PubMed has revised
it since (``changed_since_screened``), most likely inclusions first; the undecided ones are those no one has
decided and those revised since they were decided."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..config import Topic
from ..models import record_from_dict
from ..store import ScreeningRow, Store
from .ordering import by_likely_inclusion
from .revision import screened_hash

PUBMED_URL = "https://pubmed.ncbi.nlm.nih.gov/{}/"


@dataclass(frozen=True)
class ScreeningItem:
    """One record of a topic as the screening list shows it."""

    pmid: str
    title: str | None
    doi: str | None
    design: str
    on_topic: bool
    pub_date: str | None
    retracted: bool
    withdrawn: bool  # NLM deleted the citation: listed so it counts, screened last
    entered: str  # when the record entered the topic
    decision: str | None  # include | exclude | maybe; None: not screened
    reason: str | None
    note: str | None
    by: str | None
    at: str | None
    changed_since_screened: bool

    @property
    def undecided(self) -> bool:
        """Still to screen: never decided, or revised since it was."""
        return self.decision is None or self.changed_since_screened

    @property
    def url(self) -> str:
        return PUBMED_URL.format(self.pmid)

    def as_dict(self) -> dict[str, Any]:
        return {
            "pmid": self.pmid,
            "decision": self.decision,
            "changed_since_screened": self.changed_since_screened,
            "title": self.title,
            "doi": self.doi,
            "design": self.design,
            "on_topic": self.on_topic,
            "pub_date": self.pub_date,
            "retracted": self.retracted,
            "withdrawn": self.withdrawn,
            "reason": self.reason,
            "note": self.note,
            "by": self.by,
            "at": self.at,
            "url": self.url,
        }


def changed_since_screened(row: ScreeningRow) -> bool:
    """Whether PubMed revised what the screener judged since the latest decision (``revision``)."""
    if row.decision is None or row.revised_data is None:
        return False  # undecided, or stored exactly as it was decided
    return screened_hash(record_from_dict(json.loads(row.revised_data))) != row.decision.screened_hash


def item(row: ScreeningRow) -> ScreeningItem:
    decision = row.decision
    return ScreeningItem(
        pmid=row.pmid,
        title=row.title,
        doi=row.doi,
        design=row.design,
        on_topic=row.on_topic,
        pub_date=row.pub_date,
        retracted=row.retracted,
        withdrawn=row.withdrawn,
        entered=row.entered,
        decision=decision.decision if decision else None,
        reason=decision.reason if decision else None,
        note=decision.note if decision else None,
        by=decision.by if decision else None,
        at=decision.at if decision else None,
        changed_since_screened=changed_since_screened(row),
    )


def screening_items(store: Store, topic: Topic) -> Iterator[ScreeningItem]:
    """Every record of the topic with its screening state, in PMID order, as read from the store."""
    return (item(row) for row in store.screening_rows(topic.name))


def screening_list(store: Store, topic: Topic, *, undecided: bool = False) -> list[ScreeningItem]:
    """The topic's records (only the undecided ones, if asked), most likely inclusions first."""
    items: Iterable[ScreeningItem] = screening_items(store, topic)
    if undecided:
        items = (i for i in items if i.undecided)
    return by_likely_inclusion(items)


def format_list(items: Iterable[ScreeningItem]) -> str:
    """The list as text, one record a line: PMID, decision (``-`` none; ``!`` changed since screened), design,
    on or off topic, title."""
    lines = []
    for entry in items:
        state = (entry.decision or "-") + (f":{entry.reason}" if entry.reason else "")
        state += "!" if entry.changed_since_screened else ""
        topic = "on-topic" if entry.on_topic else "off-topic"
        withdrawn = " [withdrawn]" if entry.withdrawn else ""
        lines.append(f"{entry.pmid}\t{state}\t{entry.design}\t{topic}\t{entry.title or ''}{withdrawn}")
    return "\n".join(lines)
