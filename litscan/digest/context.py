"""The digest: which records entered a topic in a period, arranged for reading.

``build_context`` turns the store's records into a ready-to-print context
(no queries or logic left for the templates); ``write_digest`` renders it,
writes the page with its CSV/RIS/BibTeX files, records the digest in the
store and refreshes the topic's archive page and Atom feed.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..citations import to_bibtex, to_ris
from ..config import Topic
from ..errors import InputError
from ..export import write_csv
from ..files import atomic_write_text
from ..models import Evidence, Record
from ..store import TIMESTAMP_FORMAT, RecordFilter, Store, StoredRecord, parse_timestamp, utc_now
from . import chart, feeds, render
from .labels import Labels, labels_for_topic

PMC_URL = "https://pmc.ncbi.nlm.nih.gov/articles/{}/"
DOI_URL = "https://doi.org/{}"

HIGHLIGHT_DESIGNS = ("systematic_review", "rct")
# Strongest evidence first; within a design, newest publication first.
DESIGN_ORDER = (
    "systematic_review",
    "rct",
    "guideline",
    "nonrandomized_trial",
    "observational",
    "case_report",
    "protocol",
    "review",
    "preclinical",
    "other",
)
_PERIOD_DAYS = {"week": 7}

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\[])")
_CONCLUSION_LABELS = ("CONCLUSION", "INTERPRETATION", "IMPLICATION")
_QUOTES = re.compile(r'"([^"]*)"')
_TRAILING_LABELS = ("REGISTRATION", "FUNDING", "LEVEL OF EVIDENCE", "TRIAL REGISTRY", "PROSPERO")


@dataclass(frozen=True)
class DigestResult:
    path: Path
    period_start: str
    period_end: str
    counts: dict[str, int]


@dataclass(frozen=True)
class Chip:
    """A condition or route label on a record, with the evidence that earned it."""

    id: str
    label: str
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class RecordView:
    """One record as the page shows it."""

    pmid: str
    url: str
    title: str
    authors: str | None
    journal: str | None
    date: str | None
    year: int | None
    design: str
    design_label: str
    design_evidence: tuple[str, ...]
    conditions: tuple[Chip, ...]
    routes: tuple[Chip, ...]
    conclusion: str | None
    conclusion_label: str | None  # set when the conclusion is split off the abstract below
    abstract: tuple[tuple[str | None, str], ...]  # without what is shown as the conclusion
    abstract_split: bool  # the conclusion above was taken out of the abstract
    topic_evidence: tuple[str, ...]  # why the tagger judged it on- or off-topic
    doi: str | None
    doi_url: str | None
    pmcid: str | None
    pmc_url: str | None
    citation: str | None  # volume(issue):pages
    on_topic: bool
    retracted: bool
    retracted_at: str | None

    @property
    def data_conditions(self) -> str:
        return " ".join(c.id for c in self.conditions)

    @property
    def data_routes(self) -> str:
        return " ".join(r.id for r in self.routes)


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


@dataclass(frozen=True)
class Period:
    start: str | None  # None: everything before ``end`` (a topic's first digest)
    end: str  # exclusive


@dataclass
class DigestContext:
    """Everything the templates print, already ordered and counted."""

    topic: Topic
    labels: Labels
    period: Period
    period_text: str
    ran_at: str
    last_fetch: str | None
    counts: dict[str, int]
    highlights: list[RecordView]
    others: list[RecordView]
    off_topic: list[RecordView]
    retracted: list[RecordView]
    routes: list[tuple[str, str]]
    map_rows: list[MapRow]
    chart_svg: str
    glance: list[str]
    filter_conditions: list[tuple[str, str, bool]]  # (id, label, is_group)
    filter_designs: list[tuple[str, str]]
    sections: list[tuple[str, str, list[RecordView]]]  # (design, label, records), strongest first
    groups: dict[str, list[str]]
    on_topic_items: list[StoredRecord] = field(default_factory=list)  # for the CSV/RIS/BibTeX files
    files: dict[str, str] = field(default_factory=dict)  # kind -> file name next to the page
    highlight_limit: int = 20  # the rest of a big period's trials and reviews lead the list anyway
    archive_url: str | None = None
    feed_url: str | None = None

    @property
    def records(self) -> list[RecordView]:
        return self.highlights + self.others + self.off_topic


# --- the period -----------------------------------------------------------------------------


def parse_bound(text: str, *, end: bool = False, option: str = "date") -> str:
    """A user's date or timestamp as a store timestamp; a bare end date includes that whole day."""
    value = text.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = dt.date.fromisoformat(value) + dt.timedelta(days=1 if end else 0)
            moment = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
        else:
            moment = parse_timestamp(value)
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=dt.UTC)
    except ValueError:
        raise InputError(f"{option}: cannot read {text!r} as a date (use YYYY-MM-DD)") from None
    return moment.astimezone(dt.UTC).strftime(TIMESTAMP_FORMAT)


def period_start_for(end: str, period: str) -> str:
    """The start of a week or calendar-month period that ends at ``end``."""
    moment = parse_timestamp(end)
    if period in _PERIOD_DAYS:
        start = moment - dt.timedelta(days=_PERIOD_DAYS[period])
    elif period == "month":
        year, month = (moment.year, moment.month - 1) if moment.month > 1 else (moment.year - 1, 12)
        start = moment.replace(year=year, month=month, day=min(moment.day, 28))
    else:
        raise InputError(f"--period: {period!r} is not one of week, month")
    return start.strftime(TIMESTAMP_FORMAT)


def resolve_period(
    store: Store, topic: Topic, since: str | None, until: str | None, ran_at: str, period: str | None = None
) -> Period:
    """Explicit bounds win; otherwise the period starts where the topic's previous digest ended."""
    end = parse_bound(until, end=True, option="--until") if until else ran_at
    if since:
        start: str | None = parse_bound(since, option="--since")
    elif period:
        start = period_start_for(end, period)
    else:
        # the latest digest that ended by then, so a digest of an earlier period can still be asked for
        previous = [d["period_end"] for d in store.digests(topic.name) if d["period_end"] <= end]
        start = previous[0] if previous else None
    if start is not None and start >= end:
        raise InputError(f"digest period is empty: it starts {start} and ends {end}")
    return Period(start, end)


def period_text(period: Period) -> str:
    last_day = render.last_day(period.end)
    if period.start is None:
        return f"everything up to {last_day}"
    return f"{render.day(period.start)} – {last_day}"


# --- one record -----------------------------------------------------------------------------


def conclusion_of(record: Record) -> str | None:
    """The CONCLUSIONS section, else the abstract's last sentence (registration lines skipped)."""
    return _conclusion(record)[0]


def _conclusion(record: Record) -> tuple[str | None, int | None]:
    """The conclusion, and the index of the abstract section it is (None for a sentence)."""
    sections = list(record.abstract_sections)
    for index in range(len(sections) - 1, -1, -1):
        section = sections[index]
        name = f"{section.category or ''} {section.label or ''}".upper()
        if any(word in name for word in _CONCLUSION_LABELS):
            return section.text.strip() or None, index
    while sections and any(w in (sections[-1].label or "").upper() for w in _TRAILING_LABELS):
        sections.pop()
    if not sections:
        return None, None
    sentences = [s for s in _SENTENCE_END.split(sections[-1].text.strip()) if s]
    return (sentences[-1] if sentences else None), None


EVIDENCE_ITEMS = 1  # the strongest; the JSON export carries all of them
EVIDENCE_SPAN = 60


def _evidence_lines(items: tuple[Evidence, ...]) -> tuple[str, ...]:
    """Short lines saying why a tag was given.

    The reason usually quotes the words that decided; the span is added only when
    it is short and not already quoted, because a whole title repeated on every
    tag of every record would double the size of a large digest.
    """
    lines = []
    for item in items[:EVIDENCE_ITEMS]:
        where = item.field.replace("abstract:", "abstract, ").lower()
        text = " ".join(item.text.split())
        section = where.split(",")[0]
        line = item.reason if section in item.reason.lower() else f"{item.reason} ({where})"
        if text and len(text) <= EVIDENCE_SPAN and text.lower() not in item.reason.lower():
            line = f"“{text}”: {line}"
        line = _QUOTES.sub(lambda m: f"“{m.group(1)}”", line)  # 6 bytes, not the 10 of two &#34;
        lines.append(line)
    return tuple(lines)


def authors_text(record: Record, limit: int = 3) -> str | None:
    names = [a.display_name for a in record.authors if a.valid and a.display_name]
    if not names:
        return None
    more = len(names) > limit or not record.authors_complete
    return ", ".join(names[:limit]) + (" et al." if more else "")


def record_view(item: StoredRecord, labels: Labels) -> RecordView:
    record, tags = item.record, item.tags
    citation = record.volume or ""
    if record.issue:
        citation += f"({record.issue})"
    if record.pages:
        citation += f":{record.pages}"
    date = record.pub_date.iso() if record.pub_date and record.pub_date.year else record.article_date
    conclusion, section_index = _conclusion(record)
    sections = record.abstract_sections
    abstract = tuple((s.label, s.text) for i, s in enumerate(sections) if i != section_index)
    conclusion_label = None
    split = section_index is not None
    if split:
        conclusion_label = (sections[section_index].label or "Conclusions").capitalize()
    elif conclusion and len(sections) == 1 and sections[0].text.rstrip().endswith(conclusion):
        # a plain abstract: its last sentence is shown as the conclusion, the rest below it
        rest = sections[0].text.rstrip()[: -len(conclusion)].rstrip()
        abstract = ((sections[0].label, rest),) if rest else ()
        split = True
    return RecordView(
        pmid=record.pmid,
        url=record.url,
        title=record.title or record.vernacular_title or f"PMID {record.pmid} (no title)",
        authors=authors_text(record),
        journal=record.journal_abbrev or record.journal,
        date=date,
        year=record.year,
        design=tags.design,
        design_label=labels.design(tags.design),
        design_evidence=_evidence_lines(tags.design_evidence),
        conditions=tuple(
            Chip(c, labels.condition(c), _evidence_lines(tags.condition_evidence.get(c, ()))) for c in tags.conditions
        ),
        routes=tuple(Chip(r, labels.route(r), _evidence_lines(tags.route_evidence.get(r, ()))) for r in tags.routes),
        conclusion=conclusion,
        conclusion_label=conclusion_label,
        abstract=abstract,
        abstract_split=split,
        topic_evidence=_evidence_lines(tags.on_topic_evidence),
        doi=record.doi,
        doi_url=DOI_URL.format(record.doi) if record.doi else None,
        pmcid=record.pmcid,
        pmc_url=PMC_URL.format(record.pmcid) if record.pmcid else None,
        citation=citation or None,
        on_topic=tags.on_topic,
        retracted=record.retracted or item.retracted_at is not None,
        retracted_at=item.retracted_at,
    )


def _design_rank(design: str) -> tuple[int, str]:
    return (DESIGN_ORDER.index(design) if design in DESIGN_ORDER else len(DESIGN_ORDER), design)


def ordered(views: list[RecordView]) -> list[RecordView]:
    """Strongest design first, retracted papers last within it, then newest publication first."""
    newest_first = sorted(views, key=lambda v: (v.date or "", int(v.pmid)), reverse=True)
    return sorted(newest_first, key=lambda v: (_design_rank(v.design), v.retracted))  # stable


# --- the whole digest -----------------------------------------------------------------------


def build_context(
    store: Store, topic: Topic, period: Period, *, ran_at: str, labels: Labels | None = None
) -> DigestContext:
    """Query the period's records and arrange them: counts, highlights, map, chart, filters."""
    labels = labels or labels_for_topic(topic)
    items = list(store.query(RecordFilter(topic=topic.name, added_since=period.start, added_until=period.end)))
    views = ordered([record_view(item, labels) for item in items])
    # PMID order, so the CSV/RIS/BibTeX files diff cleanly between runs
    on_topic_items = sorted((item for item in items if item.tags.on_topic), key=lambda item: int(item.pmid))
    on_topic = [v for v in views if v.on_topic]
    highlights = [v for v in on_topic if v.design in HIGHLIGHT_DESIGNS]
    others = [v for v in on_topic if v.design not in HIGHLIGHT_DESIGNS]
    off_topic = [v for v in views if not v.on_topic]

    retracted_items = _retracted_in(store, topic, period)
    retracted = ordered([record_view(item, labels) for item in retracted_items])

    overview = store.on_topic_tags(topic.name, period.end)
    routes = [(rid, label) for rid, label in labels.routes.items()]
    map_rows = evidence_map(on_topic, overview, labels)
    designs = Counter(v.design for v in on_topic)
    counts = {
        "new": len(views),
        "on_topic": len(on_topic),
        "off_topic": len(off_topic),
        "trials": designs["rct"],
        "systematic_reviews": designs["systematic_review"],
        "retracted": len(retracted),
        "all_time_on_topic": len(overview),
    }
    groups = {gid: list(members) for gid, (_, members) in labels.groups.items()}
    filter_conditions: list[tuple[str, str, bool]] = []
    for row in labels.rows():
        filter_conditions.append((row.id, row.label, row.is_group))
        filter_conditions.extend((m, labels.condition(m), False) for m in row.members)
    present_designs = sorted({v.design for v in views}, key=_design_rank)
    sections = [
        (design, labels.design(design), [v for v in on_topic if v.design == design])
        for design in sorted({v.design for v in on_topic}, key=_design_rank)
    ]
    return DigestContext(
        topic=topic,
        labels=labels,
        period=period,
        period_text=period_text(period),
        ran_at=ran_at,
        last_fetch=_last_fetch(store, topic.name),
        counts=counts,
        highlights=highlights,
        others=others,
        off_topic=off_topic,
        retracted=retracted,
        routes=routes,
        map_rows=map_rows,
        chart_svg=chart.trend_svg(overview, labels),
        glance=at_a_glance(on_topic, map_rows, counts),
        filter_conditions=filter_conditions,
        filter_designs=[(d, labels.design(d)) for d in present_designs],
        sections=sections,
        groups=groups,
        on_topic_items=on_topic_items,
    )


def evidence_map(
    on_topic: list[RecordView], overview: list[tuple[int | None, list[str], list[str]]], labels: Labels
) -> list[MapRow]:
    """Condition rows (a group row, then its members) × route columns, this period and all time."""
    period_pairs: Counter[tuple[str, str]] = Counter()
    period_rows: Counter[str] = Counter()
    for view in on_topic:
        _count_pairs(period_pairs, period_rows, [c.id for c in view.conditions], [r.id for r in view.routes], labels)
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
    pairs: Counter[tuple[str, str]], rows: Counter[str], conditions: list[str], routes: list[str], labels: Labels
) -> None:
    # a record counts once per row, so a group row counts records, not member tags
    keys = set(conditions)
    keys.update(g for g in (labels.group_of(c) for c in conditions) if g)
    for key in keys:
        rows[key] += 1
        for route in set(routes):
            pairs[key, route] += 1


def at_a_glance(on_topic: list[RecordView], rows: list[MapRow], counts: dict[str, int]) -> list[str]:
    """Two or three plain sentences a clinician can take in before scrolling."""
    if not on_topic:
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
    top = sorted((r for r in rows if r.group is None and r.total), key=lambda r: (-r.total, r.label))[:3]
    if top:
        lines.append("Most on " + ", ".join(f"{r.label} ({r.total})" for r in top) + ".")
    return lines


def _retracted_in(store: Store, topic: Topic, period: Period) -> list[StoredRecord]:
    """Records of the topic first seen flagged retracted within the period (whenever they entered)."""
    retracted = RecordFilter(
        topic=topic.name, retracted_since=period.start, retracted_until=period.end, include_deleted=True
    )
    return list(store.query(retracted))


def _last_fetch(store: Store, topic: str) -> str | None:
    for run in store.runs(topic, limit=20):
        if run["kind"] == "fetch" and run["status"] == "ok":
            return run["finished_at"] or run["started_at"]
    return None


# --- writing --------------------------------------------------------------------------------


def write_digest(
    store: Store,
    topic: Topic,
    *,
    reports_dir: Path,
    since: str | None = None,
    until: str | None = None,
    output: Path | None = None,
    templates_dir: Path | None = None,
    ran_at: str | None = None,
    period: str | None = None,
) -> DigestResult:
    """Render the topic's digest for a period, with its CSV/RIS/BibTeX, archive page and feed.

    Everything is rendered in memory first and each file is written atomically,
    so a failure never leaves a half page nor replaces an earlier digest.
    """
    env = render.environment(templates_dir)  # a bad --templates fails before anything is read
    ran_at = ran_at or utc_now()
    span = resolve_period(store, topic, since, until, ran_at, period)
    topic_dir = Path(reports_dir) / topic.name
    page = Path(output) if output else _page_path(store, topic, topic_dir, span)
    context = build_context(store, topic, span, ran_at=ran_at)
    stem = page.stem
    context.files = {"csv": f"{stem}.csv", "ris": f"{stem}.ris", "bib": f"{stem}.bib"}
    context.archive_url = _relative(topic_dir / "index.html", page.parent)
    context.feed_url = _relative(topic_dir / "feed.xml", page.parent)
    html = env.get_template("digest.html").render(d=context)

    period_items = context.on_topic_items
    csv_text = io.StringIO()
    write_csv(period_items, csv_text)
    sidecars = {
        page.with_suffix(".csv"): csv_text.getvalue(),
        page.with_suffix(".ris"): to_ris(period_items),
        page.with_suffix(".bib"): to_bibtex(period_items),
    }
    for path, text in sidecars.items():
        atomic_write_text(path, text)
    atomic_write_text(page, html)

    start = span.start or store.topic_first_seen(topic.name) or span.end
    counts = dict(context.counts)
    store.add_digest(topic.name, start, span.end, str(page.resolve()), counts)
    feeds.refresh(store, topic, topic_dir, env=env, updated=ran_at, latest=period_items)
    return DigestResult(path=page, period_start=start, period_end=span.end, counts=counts)


def _page_path(store: Store, topic: Topic, topic_dir: Path, period: Period) -> Path:
    """``<last day>.html``, ``<last day>-2.html`` for a second digest ending that day.

    Asking again for exactly the period of an earlier digest rewrites that digest's page
    (the archive lists it once) rather than adding a near copy.
    """
    for earlier in store.digests(topic.name):
        same = earlier["period_end"] == period.end and (period.start is None or earlier["period_start"] == period.start)
        if same and Path(earlier["path"]).parent == topic_dir.resolve():
            return Path(earlier["path"])
    last = parse_timestamp(period.end) - dt.timedelta(microseconds=1)
    page = topic_dir / f"{last:%Y-%m-%d}.html"
    number = 1
    while page.exists():
        number += 1
        page = topic_dir / f"{last:%Y-%m-%d}-{number}.html"
    return page


def _relative(target: Path, start: Path) -> str:
    return Path(os.path.relpath(target.resolve(), start.resolve())).as_posix()
