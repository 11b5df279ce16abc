"""One record as the digest shows it: a card saying what the study found, how strong it is, why it carries
its tags, and (off topic) why it was judged off topic."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..appraisal import KeyFinding, Phrases, appraise
from ..models import Evidence, Record
from ..pubmed.links import RecordLinks, record_links
from ..store import StoredRecord
from .labels import Labels

PMC_URL = "https://pmc.ncbi.nlm.nih.gov/articles/{}/"
DOI_URL = "https://doi.org/{}"

# Trials and systematic reviews: what the Highlights, the strong-evidence counts and the map's marks show.
STRONG_DESIGNS = ("systematic_review", "rct")
# Strongest evidence first; the list, the Highlights and the filter options follow this order.
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
EVIDENCE_ITEMS = 1  # the strongest; the JSON export carries all of them
EVIDENCE_SPAN = 60
_QUOTES = re.compile(r'"([^"]*)"')
_SOURCE_LABELS = {"conclusions": "Conclusions", "results": "Results"}


@dataclass(frozen=True)
class Chip:
    """A condition or route label on a record, with the evidence that earned it."""

    id: str
    label: str
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Card:
    """One record as the page shows it."""

    pmid: str
    url: str
    title: str
    authors: str | None  # the first three, then "et al."
    all_authors: tuple[str, ...]
    journal: str | None
    date: str | None
    year: int | None
    citation: str | None  # volume(issue):pages
    doi: str | None
    doi_url: str | None
    pmcid: str | None
    pmc_url: str | None
    design: str
    design_label: str
    design_evidence: tuple[str, ...]
    conditions: tuple[Chip, ...]
    routes: tuple[Chip, ...]
    finding: KeyFinding | None
    sample_size: str | None  # "40 participants", "12 studies, 1,340 participants"
    markers: tuple[str, ...]  # randomised, double-blind, placebo-controlled, crossover, animal, ...
    abstract: tuple[tuple[str | None, str], ...]  # (label, text) sections
    on_topic: bool
    off_topic_reason: str | None  # what decided it is off topic
    retracted: bool
    retracted_at: str | None
    links: RecordLinks | None = None  # trial registrations and notices (_links.html)

    @property
    def strong(self) -> bool:
        """A trial or systematic review that counts as evidence: on topic and not retracted."""
        return self.on_topic and not self.retracted and self.design in STRONG_DESIGNS

    @property
    def finding_label(self) -> str | None:
        """The heading shown before the quote ("Conclusions", "Results"); None for a plain statement."""
        finding = self.finding
        if finding is None or finding.is_statement:
            return None
        if finding.label:
            return finding.label.capitalize()
        return _SOURCE_LABELS.get(finding.source)

    @property
    def data_conditions(self) -> str:
        return " ".join(c.id for c in self.conditions)

    @property
    def data_routes(self) -> str:
        return " ".join(r.id for r in self.routes)


def design_rank(design: str) -> int:
    return DESIGN_ORDER.index(design) if design in DESIGN_ORDER else len(DESIGN_ORDER)


def list_rank(card: Card) -> tuple[int, bool]:
    """Where a card stands in the list before the store's order (newest publication first) decides:
    strongest design first, retracted papers last within it."""
    return design_rank(card.design), card.retracted


def make_card(item: StoredRecord, labels: Labels, phrases: Phrases | None = None) -> Card:
    """The card of one stored record, appraised (key finding, sample size, markers) as it is made."""
    record, tags = item.record, item.tags
    appraisal = appraise(record, tags, phrases=phrases)
    return Card(
        pmid=record.pmid,
        url=record.url,
        title=record.display_title or f"PMID {record.pmid} (no title)",
        authors=authors_text(record),
        all_authors=tuple(a.display_name for a in record.authors if a.valid and a.display_name),
        journal=record.journal_abbrev or record.journal,
        date=record.pub_date.iso() if record.pub_date and record.pub_date.year else record.article_date,
        year=record.year,
        citation=_citation(record),
        doi=record.doi,
        doi_url=DOI_URL.format(record.doi) if record.doi else None,
        pmcid=record.pmcid,
        pmc_url=PMC_URL.format(record.pmcid) if record.pmcid else None,
        design=tags.design,
        design_label=labels.design(tags.design),
        design_evidence=evidence_lines(tags.design_evidence),
        conditions=tuple(
            Chip(c, labels.condition(c), evidence_lines(tags.condition_evidence.get(c, ()))) for c in tags.conditions
        ),
        routes=tuple(Chip(r, labels.route(r), evidence_lines(tags.route_evidence.get(r, ()))) for r in tags.routes),
        finding=appraisal.key_finding,
        sample_size=(appraisal.sample_size.text or None) if appraisal.sample_size else None,
        markers=appraisal.markers,
        abstract=tuple((s.label, s.text) for s in record.abstract_sections if s.text),
        on_topic=tags.on_topic,
        off_topic_reason=None if tags.on_topic else off_topic_reason(tags.on_topic_evidence),
        retracted=record.retracted or item.retracted_at is not None,
        retracted_at=item.retracted_at,
        links=record_links(record, item.registrations),
    )


def off_topic_reason(evidence: tuple[Evidence, ...]) -> str | None:
    """Why a record is off topic: the tagger lists the studied intervention first and what decided last,
    so the last item is the reason (the first says why the record looked on topic at all)."""
    return evidence_lines(evidence[-1:])[0] if evidence else None


def evidence_lines(items: tuple[Evidence, ...]) -> tuple[str, ...]:
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
