"""The page context: everything the digest templates print, gathered in one pass over the period's records.

Each record is read from the store, made into a card (appraised), counted and spooled into the page's
embedded data, then dropped: the context keeps counters and a few dozen cards (the Highlights and the
first records, which the page prints for readers without JavaScript), never the whole period.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from ..appraisal import load_phrases
from ..citations import ris_entry
from ..config import Topic
from ..models import Record
from ..pubmed.sections import Category, is_back_matter, section_category
from ..store import CommitSpan, RecordFilter, Store, StoredRecord
from ..tagging.sentences import split_sentences
from . import chart, render
from .cards import Card, design_rank, make_card
from .evidence_map import NO_CONDITION, NO_ROUTE, MapCounter, MapRow, columns, evidence_map
from .labels import Labels, labels_for_topic
from .page_data import PageData
from .period import Period, commits_of
from .tally import FIRST_LIMIT, HIGHLIGHT_LIMIT, Tally

if TYPE_CHECKING:
    from ..screening.digest_part import ScreeningDigest

RETRACTION_LIMIT = 10  # named in the notice; the rest are counted


@dataclass
class Retractions:
    """Records flagged retracted since the previous digest: the on-topic ones, the first few by name."""

    on_topic: list[Card] = field(default_factory=list)
    on_topic_count: int = 0
    off_topic_count: int = 0

    @property
    def total(self) -> int:
        return self.on_topic_count + self.off_topic_count


@dataclass
class FilterOption:
    id: str
    label: str
    count: int  # on-topic records of the period with this tag
    is_group: bool = False
    member: bool = False  # a condition listed under its group


@dataclass
class DigestContext:
    """Everything the templates print, already ordered and counted; ``data`` holds the records."""

    topic: Topic
    labels: Labels
    period: Period
    period_words: str  # "Added to PubMed 1–7 Dec 2026"
    ran_at: str
    last_fetch: str | None
    counts: dict[str, int]
    highlights: list[Card]
    first_on_topic: list[Card]  # in list order: strongest design first, then newest publication
    first_off_topic: list[Card]
    retractions: Retractions
    routes: list[tuple[str, str]]  # the map's columns: each route, then "no route stated"
    map_rows: list[MapRow]
    chart_svg: str
    glance: list[str]
    filter_conditions: list[FilterOption]
    filter_routes: list[FilterOption]
    filter_designs: list[FilterOption]
    data: PageData
    files: dict[str, str] = field(default_factory=dict)  # kind -> file name next to the page
    highlight_limit: int = HIGHLIGHT_LIMIT
    first_limit: int = FIRST_LIMIT
    archive_url: str | None = None
    feed_url: str | None = None
    screening: ScreeningDigest | None = None  # the _screening.html block (litscan.screening.digest_part)
    query_warnings: list[str] = field(default_factory=list)  # what PubMed said of the term at the last fetch

    @property
    def sections(self) -> list[tuple[str, str, int, list[Card]]]:
        """(design, label, records of that design, the printed ones) for the printed list, strongest first."""
        designs: dict[str, list[Card]] = {}
        for card in self.first_on_topic:
            designs.setdefault(card.design, []).append(card)
        return [
            (design, self.labels.design(design), next(o.count for o in self.filter_designs if o.id == design), cards)
            for design, cards in designs.items()
        ]

    def meta_json(self) -> str:
        """The tables the embedded rows index into, and what the script needs besides (JSON)."""
        return self.data.tables_json(
            {"counts": self.counts, "first": self.first_limit, "highlights": self.highlight_limit, "none": NO_ROUTE}
        )

    def close(self) -> None:
        self.data.close()

    def __enter__(self) -> DigestContext:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def conclusion_of(record: Record) -> str | None:
    """The CONCLUSIONS section, else the abstract's last sentence (registration lines skipped): the feed's
    summary of a record, read without appraising it."""
    sections = list(record.abstract_sections)
    for section in reversed(sections):
        if section_category(section.label, section.category) is Category.CONCLUSIONS:
            return section.text.strip() or None
    while sections and is_back_matter(sections[-1].label):
        sections.pop()
    if not sections:
        return None
    sentences = split_sentences(sections[-1].text.strip())
    return sentences[-1] if sentences else None


# --- the whole digest -----------------------------------------------------------------------


def period_records(topic: Topic, commits: CommitSpan) -> RecordFilter:
    """The records a digest lists: those the topic gained in the period's writes, as far as the topic's
    [digest] limits let it list them."""
    from ..screening.alerts import limited  # screening imports this module

    return limited(RecordFilter(topic=topic.name, added_in=commits), topic.digest.limits, topic.name)


class ContextBuilder:
    """Reads the period's records once (``records``), then arranges the page (``finish``).

    Each record is made into a card, counted and spooled into the page's data as it passes, and handed
    on, so the caller can write the digest's other files in the same pass.
    """

    def __init__(
        self, store: Store, topic: Topic, period: Period, *, labels: Labels | None = None, spool_dir: Path | None = None
    ) -> None:
        self.store, self.topic, self.period = store, topic, period
        # the writes the period holds, read once: every part of the page counts the same records
        self.commits = commits_of(store, period)
        self.labels = labels or labels_for_topic(topic)
        self.tally = Tally(self.labels)
        self.data = PageData(self.labels, spool_dir)

    def records(self) -> Iterator[tuple[StoredRecord, Card, str]]:
        """Each record of the period with its card and RIS entry, in the store's order."""
        phrases = load_phrases()
        for item in self.store.query(period_records(self.topic, self.commits)):
            card = make_card(item, self.labels, phrases)
            ris = ris_entry(item)
            self.tally.add(card)
            self.data.add(card, ris)
            yield item, card, ris
        self.data.finish()

    def finish(self, ran_at: str) -> DigestContext:
        """The page context, once ``records`` has been read to the end."""
        store, topic, period, labels, tally = self.store, self.topic, self.period, self.labels, self.tally
        all_time = MapCounter(labels)
        series = chart.empty_series(labels)
        all_time_on_topic = 0
        for year, conditions, routes in store.on_topic_tags(topic.name, period.end, through=self.commits.through):
            all_time.add(conditions, routes)
            chart.count_into(series, year, conditions, labels)
            all_time_on_topic += 1
        retractions = _retractions(store, topic, self.commits, labels)
        map_rows = evidence_map(tally.period_map, tally.strong_map, all_time, labels)
        counts = tally.counts(retracted=retractions.total, all_time_on_topic=all_time_on_topic)
        return DigestContext(
            topic=topic,
            labels=labels,
            period=period,
            period_words=render.period_words(period.start, period.end),
            ran_at=ran_at,
            last_fetch=_last_fetch(store, topic.name),
            query_warnings=_query_warnings(store, topic.name),
            counts=counts,
            highlights=tally.highlights.cards(),
            first_on_topic=tally.first_on_topic.cards(),
            first_off_topic=tally.first_off_topic.cards(),
            retractions=retractions,
            routes=columns(labels),
            map_rows=map_rows,
            chart_svg=chart.trend_svg_of(series, labels),
            glance=at_a_glance(map_rows, counts),
            filter_conditions=_filter_conditions(labels, tally),
            filter_routes=[FilterOption(rid, label, tally.routes[rid]) for rid, label in columns(labels)],
            filter_designs=[
                FilterOption(d, labels.design(d), n)
                for d, n in sorted(tally.designs.items(), key=lambda i: design_rank(i[0]))
            ],
            data=self.data,
        )

    def close(self) -> None:
        self.data.close()


def build_context(
    store: Store,
    topic: Topic,
    period: Period,
    *,
    ran_at: str,
    labels: Labels | None = None,
    spool_dir: Path | None = None,
) -> DigestContext:
    """Read the period's records once and arrange the page: counts, highlights, map, chart, filters, data.

    The records' data is spooled to temporary files (in ``spool_dir``) until the page is written:
    close the context (or use it in a ``with``) when done.
    """
    builder = ContextBuilder(store, topic, period, labels=labels, spool_dir=spool_dir)
    try:
        for _ in builder.records():
            pass
        return builder.finish(ran_at)
    except BaseException:
        builder.close()
        raise


def _filter_conditions(labels: Labels, tally: Tally) -> list[FilterOption]:
    """Each group, then its members, in the vocabulary's order; counts of on-topic records."""
    rows = tally.period_map.rows
    choices: list[FilterOption] = []
    for row in labels.rows():
        choices.append(FilterOption(row.id, row.label, rows[row.id], is_group=row.is_group))
        choices.extend(FilterOption(m, labels.condition(m), rows[m], member=True) for m in row.members)
    return choices


def at_a_glance(rows: list[MapRow], counts: dict[str, int]) -> list[str]:
    """Two or three plain sentences a clinician can take in before scrolling."""
    if not counts["on_topic"]:
        return ["No new on-topic records in this period."]
    lines = []
    strong = []
    if counts["systematic_reviews"]:
        strong.append(render.plural(counts["systematic_reviews"], "systematic review"))
    if counts["trials"]:
        strong.append(render.plural(counts["trials"], "randomised trial"))
    total = render.plural(counts["on_topic"], "new on-topic record")
    lines.append(
        f"{total}, including {' and '.join(strong)}." if strong else f"{total}; no new trials or systematic reviews."
    )
    top = sorted(
        (r for r in rows if r.group is None and r.total and r.id != NO_CONDITION), key=lambda r: (-r.total, r.label)
    )
    if top[:3]:
        lines.append("Most on " + ", ".join(f"{r.label} ({r.total:,})" for r in top[:3]) + ".")
    return lines


def _retractions(store: Store, topic: Topic, commits: CommitSpan, labels: Labels) -> Retractions:
    """The retraction notice: the on-topic records retracted in the period, the first few as cards."""
    notice = Retractions()
    query = RecordFilter(topic=topic.name, retracted_in=commits, include_deleted=True)
    for item in store.query(query):
        if not item.tags.on_topic:
            notice.off_topic_count += 1
            continue
        notice.on_topic_count += 1
        if len(notice.on_topic) < RETRACTION_LIMIT:
            notice.on_topic.append(make_card(item, labels))
    return notice


def _query_warnings(store: Store, topic: str) -> list[str]:
    """The esearch notices (dropped or ignored parts of the term) the last complete fetch stored."""
    for run in store.runs(topic, limit=20):
        if run["kind"] == "fetch" and run["status"] == "ok":
            return [str(w) for w in run["detail"].get("warnings") or ()]
    return []


def _last_fetch(store: Store, topic: str) -> str | None:
    for run in store.runs(topic, limit=20):
        if run["kind"] == "fetch" and run["status"] == "ok":
            finished: str = run["finished_at"] or run["started_at"]
            return finished
    return None
