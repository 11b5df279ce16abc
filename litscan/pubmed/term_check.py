"""Measure a topic's PubMed term on records whose relevance is known (``litscan check-term``).

Offline, the term is parsed (litscan.pubmed.term) and evaluated on each record the way PubMed
reads it (litscan.pubmed.term_match): hand-labelled gold records (JSON lines with title, abstract
and ``labels.on_topic``; they carry no MeSH, like a record NLM has not indexed yet) and, with
``db``, the records of a litscan store (on topic as tagged). The report gives recall on the
on-topic records, how many off-topic records the term also matches, each on-topic record it
misses with the top-level block that found nothing, and the clauses that alone carry records
(a term whose hits rest on one phrase is fragile).

Live, ``check_live`` asks PubMed itself which of some known PMIDs the term misses: one esearch
for ``(term) AND (p1[uid] OR p2[uid] ...)`` and one for the PMIDs alone (so a PMID PubMed does
not hold is not counted as a miss), 200 PMIDs at a time. What PubMed says about the term in the
reply (phrases not found, ignored, rewritten) is kept with the result.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import default_topic_path, eutils_settings, load_topic
from ..errors import InputError
from ..models import AbstractSection, PartialDate, PublicationType, Record
from ..store import RecordFilter, Store
from ..tagging.evaluate import load_gold
from .eutils import EutilsClient
from .term import Clause, Node, Term, iter_clauses, parse_term
from .term_match import Matcher, MeshTree, RecordView

LIVE_BATCH = 200
_BLOCK_WIDTH = 100


@dataclass(frozen=True)
class Known:
    """A record and whether it is on topic, with where it came from."""

    record: Record
    on_topic: bool
    source: str
    where: str
    pmid: str | None  # the real PMID, if known (gold records without one get a stand-in id)


@dataclass(frozen=True)
class Miss:
    pmid: str | None
    title: str
    where: str
    blocks: tuple[int, ...]  # 1-based top-level blocks that found nothing
    excluded_by: tuple[int, ...] = ()  # ... and blocks after a NOT that took the record out

    def as_dict(self) -> dict[str, Any]:
        return {
            "pmid": self.pmid,
            "title": self.title,
            "where": self.where,
            "blocks": list(self.blocks),
            "excluded_by": list(self.excluded_by),
        }


@dataclass
class SourceCounts:
    name: str
    records: int = 0
    on_topic: int = 0
    found: int = 0
    off_topic_matched: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.name,
            "records": self.records,
            "on_topic": self.on_topic,
            "found": self.found,
            "recall": _ratio(self.found, self.on_topic),
            "off_topic": self.records - self.on_topic,
            "off_topic_matched": self.off_topic_matched,
        }


@dataclass(frozen=True)
class LiveCheck:
    """PubMed's own answer for known PMIDs."""

    asked: tuple[str, ...]
    found: tuple[str, ...]
    missed: tuple[str, ...]
    not_in_pubmed: tuple[str, ...]
    messages: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "asked": len(self.asked),
            "found": len(self.found),
            "missed": list(self.missed),
            "not_in_pubmed": list(self.not_in_pubmed),
            "messages": list(self.messages),
        }


@dataclass
class TermReport:
    """What check-term measured; ``ok`` when nothing on topic was missed."""

    topic: str
    blocks: tuple[str, ...]
    sources: list[SourceCounts] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)
    sole: Counter[tuple[int, str]] = field(default_factory=Counter)
    warnings: tuple[str, ...] = ()
    live: LiveCheck | None = None

    @property
    def on_topic(self) -> int:
        return sum(s.on_topic for s in self.sources)

    @property
    def found(self) -> int:
        return sum(s.found for s in self.sources)

    @property
    def recall(self) -> float | None:
        return _ratio(self.found, self.on_topic)

    @property
    def ok(self) -> bool:
        return not self.misses and (self.live is None or not self.live.missed)

    def as_dict(self) -> dict[str, Any]:
        return {
            "topic": self.topic,
            "ok": self.ok,
            "records": sum(s.records for s in self.sources),
            "on_topic": self.on_topic,
            "found": self.found,
            "recall": self.recall,
            "off_topic": sum(s.records - s.on_topic for s in self.sources),
            "off_topic_matched": sum(s.off_topic_matched for s in self.sources),
            "sources": [s.as_dict() for s in self.sources],
            "blocks": list(self.blocks),
            "misses": [m.as_dict() for m in self.misses],
            "sole_support": [
                {"block": block, "clause": clause, "records": n} for (block, clause), n in self.sole.most_common()
            ],
            "warnings": list(self.warnings),
            "live": self.live.as_dict() if self.live else None,
        }


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


# -- records whose relevance is known ----------------------------------------------------


def gold_records(path: str | Path) -> Iterator[Known]:
    """Gold records as PubMed holds a new, unindexed record: title, abstract, journal, year, no MeSH."""
    name = Path(path).name
    for item in load_gold(path):
        abstract = item.get("abstract")
        year = item.get("year")
        record = Record(
            pmid=item["_pmid"],
            title=item.get("title"),
            abstract_sections=(AbstractSection(abstract),) if abstract else (),
            journal=item.get("journal"),
            pub_date=PartialDate(int(year)) if isinstance(year, int) else None,
            publication_types=(PublicationType("Journal Article", "D016428"),),
            languages=("eng",),
        )
        pmid = str(item["pmid"]) if item.get("pmid") else None
        yield Known(record, bool(item["labels"]["on_topic"]), name, f"{name} line {item['_line']}", pmid)


def stored_records(db: str | Path) -> Iterator[Known]:
    """Every record of a litscan store that is not deleted, on topic as its tags say."""
    path = Path(db)
    if not path.is_file():
        raise InputError("no litscan database here", path=str(path))
    with Store.open(path) as store:
        for stored in store.query(RecordFilter()):
            record = stored.record
            yield Known(record, stored.tags.on_topic, path.name, f"{path.name} PMID {record.pmid}", record.pmid)


# -- offline check ----------------------------------------------------------------------------


def _miss(known: Known, term: Term, matcher: Matcher, view: RecordView) -> Miss:
    """A missed record, with the top-level blocks that found nothing or that excluded it."""
    empty, excluded = [], []
    for number, (op, block) in enumerate(term.blocks(), 1):
        hit = matcher.matches(block, view)
        if op == "NOT" and hit:
            excluded.append(number)
        elif op != "NOT" and not hit:
            empty.append(number)
    return Miss(known.pmid, known.record.title or "", known.where, tuple(empty), tuple(excluded))


def _alternatives(block: Node) -> list[Node]:
    """The OR-ed alternatives of a block; a block that also ANDs or NOTs at its top has none."""
    if isinstance(block, Clause) or any(op != "OR" for op, _ in block.rest):
        return []
    return [block.first, *(operand for _, operand in block.rest)]


def _sole_support(term: Term, matcher: Matcher, view: RecordView, tally: Counter[tuple[int, str]]) -> None:
    """Count the records that one alternative of an OR block finds alone: the term's weak points."""
    for number, (_, block) in enumerate(term.blocks(), 1):
        hits = [alt for alt in _alternatives(block) if matcher.matches(alt, view)]
        if len(hits) == 1:
            tally[(number, term.source(hits[0]))] += 1


def check_records(
    term: Term, records: Iterable[Known], *, matcher: Matcher, with_mesh: bool = True, topic: str = "term"
) -> TermReport:
    """Evaluate ``term`` on every record; count recall and off-topic matches per source."""
    report = TermReport(topic, tuple(_block_label(term, op, b) for op, b in term.blocks()), warnings=term.warnings)
    by_source: dict[str, SourceCounts] = {}
    for known in records:
        counts = by_source.setdefault(known.source, SourceCounts(known.source))
        view = RecordView(known.record, with_mesh=with_mesh)
        hit = matcher.matches(term.root, view)
        counts.records += 1
        if not known.on_topic:
            counts.off_topic_matched += hit
            continue
        counts.on_topic += 1
        if hit:
            counts.found += 1
            _sole_support(term, matcher, view, report.sole)
        else:
            report.misses.append(_miss(known, term, matcher, view))
    report.sources = list(by_source.values())
    return report


def _block_label(term: Term, op: str | None, block: Node) -> str:
    text = " ".join(term.source(block).split())
    if len(text) > _BLOCK_WIDTH:
        text = text[: _BLOCK_WIDTH - 4] + " ..."
    return f"{op} {text}" if op else text


def unknown_headings(term: Term, tree: MeshTree) -> list[str]:
    """[mh]/[majr] clauses naming no heading of the tree: PubMed may map an entry term; we cannot."""
    out = []
    for clause in iter_clauses(term.root):
        descriptor = clause.value.partition("/")[0]
        if clause.field in ("mh", "majr") and "*" not in descriptor and not tree.knows(descriptor):
            out.append(f"{clause.text}: not a heading in the MeSH tree given; write the descriptor's name")
    return out


# -- live check -------------------------------------------------------------------------------


def check_live(term: str, pmids: Sequence[str], *, eutils_url: str | None = None) -> LiveCheck:
    """Which of ``pmids`` PubMed's own search for ``term`` does not find."""
    bad = [p for p in pmids if not p.isdigit()]
    if bad:
        raise InputError(f"not a PMID: {bad[0]!r}")
    wanted = list(dict.fromkeys(pmids))
    client = EutilsClient.from_settings(eutils_settings(eutils_url))
    found: set[str] = set()
    known: set[str] = set()
    messages: list[str] = []
    for start in range(0, len(wanted), LIVE_BATCH):
        batch = wanted[start : start + LIVE_BATCH]
        ids = " OR ".join(f"{p}[uid]" for p in batch)
        known.update(client.esearch(ids, retmax=len(batch)).ids)
        result = client.esearch(f"({term}) AND ({ids})", retmax=len(batch))
        found.update(result.ids)
        messages.extend(result.notices)  # all five kinds of what PubMed says about the term
    return LiveCheck(
        asked=tuple(wanted),
        found=tuple(p for p in wanted if p in found),
        missed=tuple(p for p in wanted if p in known and p not in found),
        not_in_pubmed=tuple(p for p in wanted if p not in known),
        messages=tuple(dict.fromkeys(messages)),
    )


# -- the command's one call -----------------------------------------------------------------------


def _split_inputs(inputs: Sequence[str], *, db: str | None, live: bool) -> tuple[list[str], list[str]]:
    """Gold files and bare PMIDs, checked for a request that makes sense."""
    pmids = [i for i in inputs if i.isdigit()]
    files = [i for i in inputs if not i.isdigit()]
    if pmids and not live:
        raise InputError(f"{pmids[0]}: a bare PMID can only be checked with --live (PubMed holds the record)")
    if not files and not db and not pmids:
        raise InputError("nothing to check: give gold files (JSON lines), --db, or --live with PMIDs")
    return files, pmids


def check_term(
    query_file: str | None,
    inputs: Sequence[str],
    *,
    db: str | None = None,
    with_mesh: bool = True,
    mesh_tree: str | None = None,
    live: bool = False,
    eutils_url: str | None = None,
) -> TermReport:
    """Check a topic's term on gold files and/or a store; with ``live``, also ask PubMed.

    ``inputs`` are gold files (JSON lines), and with ``live`` also bare PMIDs. PubMed is asked
    about those PMIDs and about every on-topic gold record that has a PMID.
    """
    topic = load_topic(query_file or default_topic_path())
    term = parse_term(topic.term, where=str(topic.path))
    files, pmids = _split_inputs(inputs, db=db, live=live)
    tree = MeshTree.load(mesh_tree) if mesh_tree else None
    gold: list[Known] = [k for path in files for k in gold_records(path)]
    known = gold + (list(stored_records(db)) if db else [])
    report = check_records(term, known, matcher=Matcher(tree), with_mesh=with_mesh, topic=str(topic.path))
    if tree is not None:
        report.warnings += tuple(unknown_headings(term, tree))
    if known and not report.on_topic:
        raise InputError("none of the records given is on topic: recall cannot be measured")
    if live:
        asked = pmids + [k.pmid for k in gold if k.on_topic and k.pmid]
        if not asked:
            raise InputError("--live needs PMIDs: give them, or gold records that have them")
        report.live = check_live(topic.term, asked, eutils_url=eutils_url)
    return report


def format_report(report: TermReport, *, sole_shown: int = 8) -> str:
    """The report as text for a terminal."""
    lines = [f"Term of {report.topic}"]
    lines += [f"  block {number}: {label}" for number, label in enumerate(report.blocks, 1)]
    if report.sources:
        lines += ["", *_recall_lines(report)]
    if report.misses:
        lines += ["", f"Missed on-topic records ({len(report.misses)}):"]
        for miss in report.misses:
            ident = f"PMID {miss.pmid}" if miss.pmid else "no PMID"
            lines.append(f"  - {ident} | {miss.title[:90]} ({miss.where})")
            if miss.blocks:
                lines.append(f"    nothing found by block {', '.join(map(str, miss.blocks))}")
            if miss.excluded_by:
                lines.append(f"    taken out by NOT block {', '.join(map(str, miss.excluded_by))}")
    if report.sole:
        lines += ["", "Clauses that alone find an on-topic record in their block (most first):"]
        for (number, clause), n in report.sole.most_common(sole_shown):
            lines.append(f"  {n:>4}  block {number}: {clause}")
    if report.live:
        lines += ["", *_live_lines(report.live)]
    if report.warnings:
        lines += ["", "Warnings:", *(f"  - {w}" for w in report.warnings)]
    return "\n".join(lines)


def _recall_lines(report: TermReport) -> list[str]:
    lines = [
        f"  {s.name}: found {s.found} of {s.on_topic} on-topic records ({_percent(s.found, s.on_topic)}); "
        f"matched {s.off_topic_matched} of {s.records - s.on_topic} off-topic"
        for s in report.sources
    ]
    off = sum(s.records - s.on_topic for s in report.sources)
    matched = sum(s.off_topic_matched for s in report.sources)
    lines.append(
        f"Recall {_percent(report.found, report.on_topic)} ({report.found} of {report.on_topic} on-topic "
        f"records); off-topic records matched: {matched} of {off}"
    )
    return lines


def _live_lines(live: LiveCheck) -> list[str]:
    lines = [f"PubMed (live): found {len(live.found)} of {len(live.asked)} PMIDs asked"]
    if live.missed:
        lines.append(f"  missed by the term: {', '.join(live.missed)}")
    if live.not_in_pubmed:
        lines.append(f"  not in PubMed: {', '.join(live.not_in_pubmed)}")
    lines += [f"  PubMed says: {m}" for m in live.messages]
    return lines


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "n/a"
