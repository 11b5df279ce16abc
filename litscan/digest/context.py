"""The page context: each record as the page shows it, and everything the digest templates print,
already queried, ordered and counted (no queries or logic left for the templates)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..config import Topic
from ..models import Evidence, Record
from ..pubmed.sections import Category, is_back_matter, section_category
from ..store import RecordFilter, Store, StoredRecord
from ..tagging.sentences import split_sentences
from . import chart, render
from .evidence_map import MapRow, evidence_map
from .labels import Labels, labels_for_topic
from .period import Period, commits_of, period_text

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

_QUOTES = re.compile(r'"([^"]*)"')


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

    @property
    def tag_ids(self) -> tuple[list[str], list[str]]:
        """(condition ids, route ids): what the evidence map counts."""
        return [c.id for c in self.conditions], [r.id for r in self.routes]


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


# --- one record -----------------------------------------------------------------------------


def conclusion_of(record: Record) -> str | None:
    """The CONCLUSIONS section, else the abstract's last sentence (registration lines skipped)."""
    return _conclusion(record)[0]


def _conclusion(record: Record) -> tuple[str | None, int | None]:
    """The conclusion, and the index of the abstract section it is (None for a sentence)."""
    sections = list(record.abstract_sections)
    for index in range(len(sections) - 1, -1, -1):
        section = sections[index]
        if section_category(section.label, section.category) is Category.CONCLUSIONS:
            return section.text.strip() or None, index
    while sections and is_back_matter(sections[-1].label):
        sections.pop()
    if not sections:
        return None, None
    sentences = split_sentences(sections[-1].text.strip())
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


def _citation(record: Record) -> str | None:
    """volume(issue):pages, as far as known."""
    citation = record.volume or ""
    if record.issue:
        citation += f"({record.issue})"
    if record.pages:
        citation += f":{record.pages}"
    return citation or None


@dataclass(frozen=True)
class _Abstract:
    """The conclusion shown first, and the abstract below it without what the conclusion repeats."""

    conclusion: str | None
    conclusion_label: str | None
    sections: tuple[tuple[str | None, str], ...]
    split: bool


def _abstract(record: Record) -> _Abstract:
    conclusion, section_index = _conclusion(record)
    sections = record.abstract_sections
    if section_index is not None:
        rest = tuple((s.label, s.text) for i, s in enumerate(sections) if i != section_index)
        label = (sections[section_index].label or "Conclusions").capitalize()
        return _Abstract(conclusion, label, rest, True)
    whole = tuple((s.label, s.text) for s in sections)
    if conclusion and len(sections) == 1 and sections[0].text.rstrip().endswith(conclusion):
        # a plain abstract: its last sentence is shown as the conclusion, the rest below it
        text = sections[0].text.rstrip()[: -len(conclusion)].rstrip()
        return _Abstract(conclusion, None, ((sections[0].label, text),) if text else (), True)
    return _Abstract(conclusion, None, whole, False)


def record_view(item: StoredRecord, labels: Labels) -> RecordView:
    record, tags = item.record, item.tags
    abstract = _abstract(record)
    return RecordView(
        pmid=record.pmid,
        url=record.url,
        title=record.title or record.vernacular_title or f"PMID {record.pmid} (no title)",
        authors=authors_text(record),
        journal=record.journal_abbrev or record.journal,
        date=record.pub_date.iso() if record.pub_date and record.pub_date.year else record.article_date,
        year=record.year,
        design=tags.design,
        design_label=labels.design(tags.design),
        design_evidence=_evidence_lines(tags.design_evidence),
        conditions=tuple(
            Chip(c, labels.condition(c), _evidence_lines(tags.condition_evidence.get(c, ()))) for c in tags.conditions
        ),
        routes=tuple(Chip(r, labels.route(r), _evidence_lines(tags.route_evidence.get(r, ()))) for r in tags.routes),
        conclusion=abstract.conclusion,
        conclusion_label=abstract.conclusion_label,
        abstract=abstract.sections,
        abstract_split=abstract.split,
        topic_evidence=_evidence_lines(tags.on_topic_evidence),
        doi=record.doi,
        doi_url=DOI_URL.format(record.doi) if record.doi else None,
        pmcid=record.pmcid,
        pmc_url=PMC_URL.format(record.pmcid) if record.pmcid else None,
        citation=_citation(record),
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
    commits = commits_of(store, period)
    items = list(store.query(RecordFilter(topic=topic.name, added_in=commits)))
    views = ordered([record_view(item, labels) for item in items])
    on_topic = [v for v in views if v.on_topic]
    off_topic = [v for v in views if not v.on_topic]
    retracted = ordered([record_view(item, labels) for item in _retracted_in(store, topic, period)])
    overview = store.on_topic_tags(topic.name, period.end, through=commits.through)
    map_rows = evidence_map([v.tag_ids for v in on_topic], overview, labels)
    counts = _counts(views, on_topic, retracted, all_time_on_topic=len(overview))
    return DigestContext(
        topic=topic,
        labels=labels,
        period=period,
        period_text=period_text(period),
        ran_at=ran_at,
        last_fetch=_last_fetch(store, topic.name),
        counts=counts,
        highlights=[v for v in on_topic if v.design in HIGHLIGHT_DESIGNS],
        others=[v for v in on_topic if v.design not in HIGHLIGHT_DESIGNS],
        off_topic=off_topic,
        retracted=retracted,
        routes=list(labels.routes.items()),
        map_rows=map_rows,
        chart_svg=chart.trend_svg(overview, labels),
        glance=at_a_glance(on_topic, map_rows, counts),
        filter_conditions=_filter_conditions(labels),
        filter_designs=_filter_designs(views, labels),
        sections=_sections(on_topic, labels),
        groups={gid: list(members) for gid, (_, members) in labels.groups.items()},
        # PMID order, so the CSV/RIS/BibTeX files diff cleanly between runs
        on_topic_items=sorted((item for item in items if item.tags.on_topic), key=lambda item: int(item.pmid)),
    )


def _counts(
    views: list[RecordView], on_topic: list[RecordView], retracted: list[RecordView], *, all_time_on_topic: int
) -> dict[str, int]:
    designs = Counter(v.design for v in on_topic)
    return {
        "new": len(views),
        "on_topic": len(on_topic),
        "off_topic": len(views) - len(on_topic),
        "trials": designs["rct"],
        "systematic_reviews": designs["systematic_review"],
        "retracted": len(retracted),
        "all_time_on_topic": all_time_on_topic,
    }


def _filter_conditions(labels: Labels) -> list[tuple[str, str, bool]]:
    """(id, label, is_group) for the condition filter: each group, then its members."""
    choices: list[tuple[str, str, bool]] = []
    for row in labels.rows():
        choices.append((row.id, row.label, row.is_group))
        choices.extend((m, labels.condition(m), False) for m in row.members)
    return choices


def _filter_designs(views: list[RecordView], labels: Labels) -> list[tuple[str, str]]:
    """(id, label) of the designs present, strongest first."""
    return [(d, labels.design(d)) for d in sorted({v.design for v in views}, key=_design_rank)]


def _sections(on_topic: list[RecordView], labels: Labels) -> list[tuple[str, str, list[RecordView]]]:
    """The on-topic records by design, strongest design first."""
    return [
        (design, labels.design(design), [v for v in on_topic if v.design == design])
        for design in sorted({v.design for v in on_topic}, key=_design_rank)
    ]


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
    retracted = RecordFilter(topic=topic.name, retracted_in=commits_of(store, period), include_deleted=True)
    return list(store.query(retracted))


def _last_fetch(store: Store, topic: str) -> str | None:
    for run in store.runs(topic, limit=20):
        if run["kind"] == "fetch" and run["status"] == "ok":
            finished: str = run["finished_at"] or run["started_at"]
            return finished
    return None
