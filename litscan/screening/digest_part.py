"""What the digest and its e-mail say of screening: how many records await it, which decided records PubMed
revised since, the PRISMA flow diagram of the period's updates, the included set written beside the page
(CSV and RIS), and what the page and the e-mail leave out under the topic's alert limits.

The digest writer puts ``ScreeningDigest`` in the page context as ``d.screening``, which ``_screening.html``
prints, and writes its ``contents`` beside the page; the e-mail adds ``mail_lines``.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..citations import write_ris
from ..config import Topic
from ..export import write_csv
from ..store import RecordFilter, Store
from .alerts import Selection, check_limits, limited, select
from .flow_diagram import flow_svg
from .listing import ScreeningItem, screening_items
from .ordering import by_likely_inclusion
from .prisma import PrismaCounts, prisma_report

EMAIL_RECORDS = 50  # an e-mail names at most this many records; the page has them all


@dataclass(frozen=True)
class AlertRecord:
    """A record an e-mail names."""

    pmid: str
    title: str
    url: str
    design: str
    design_label: str
    on_topic: bool
    pub_date: str | None
    retracted: bool = False
    withdrawn: bool = False


@dataclass
class ScreeningDigest:
    """The digest's screening section, already counted and drawn."""

    awaiting: int  # records of the topic no one has screened yet
    changed: list[ScreeningItem]  # decided records PubMed revised since: to screen again
    included: int  # records included, all updates
    prisma: PrismaCounts  # the period's updates
    prisma_svg: str
    page: Selection  # what the page lists of the period under [digest]
    email: Selection  # ... and the e-mail under [email]
    email_records: list[AlertRecord]
    files: dict[str, str] = field(default_factory=dict)  # kind -> file name beside the page
    contents: dict[str, str] = field(default_factory=dict)  # file name -> text, for the writer to write


def _included_files(store: Store, topic: Topic, pmids: list[str], stem: str) -> dict[str, str]:
    """The included set (``pmids``) as CSV and RIS (file name -> text), in PMID order."""
    records = list(store.query(RecordFilter(topic=topic.name, pmids=pmids, include_deleted=True))) if pmids else []
    records.sort(key=lambda stored: int(stored.pmid))
    csv_text, ris_text = io.StringIO(), io.StringIO()
    write_csv(records, csv_text)
    write_ris(records, ris_text)
    return {f"{stem}-included.csv": csv_text.getvalue(), f"{stem}-included.ris": ris_text.getvalue()}


def _email_records(store: Store, topic: Topic, period: RecordFilter, designs: Mapping[str, str]) -> list[AlertRecord]:
    found = [
        AlertRecord(
            pmid=stored.pmid,
            title=stored.record.title or stored.record.vernacular_title or f"PMID {stored.pmid}",
            url=stored.record.url,
            design=stored.tags.design,
            design_label=designs.get(stored.tags.design, stored.tags.design),
            on_topic=stored.tags.on_topic,
            pub_date=stored.record.pub_date.iso() if stored.record.pub_date else None,
            retracted=stored.record.retracted,
        )
        for stored in store.query(limited(period, topic.email.limits, topic.name))
    ]
    return by_likely_inclusion(found)[:EMAIL_RECORDS]


def screening_digest(
    store: Store, topic: Topic, period: RecordFilter, *, since: str | None, page_stem: str, designs: Mapping[str, str]
) -> ScreeningDigest:
    """The screening section of the digest of ``period`` (the records it covers; ``since``: when it starts)."""
    check_limits(topic, designs)
    awaiting, changed, included = 0, [], []
    for item in screening_items(store, topic):  # one pass, nothing held but the decided few
        awaiting += item.decision is None and not item.withdrawn
        if item.changed_since_screened:
            changed.append(item)
        if item.decision == "include":
            included.append(item.pmid)
    report = prisma_report(store, topic)
    previous, current = report.split(since) if since else (PrismaCounts(), report.total)
    contents = _included_files(store, topic, included, page_stem)
    names = list(contents)
    return ScreeningDigest(
        awaiting=awaiting,
        changed=by_likely_inclusion(changed),
        included=len(included),
        prisma=current,
        prisma_svg=flow_svg(previous, current, topic.screening.reasons, ident=f"prisma-{topic.name}"),
        page=select(store, period, topic.digest.limits, topic.name, designs),
        email=select(store, period, topic.email.limits, topic.name, designs),
        email_records=_email_records(store, topic, period, designs) if topic.email.limits.any else [],
        files={"included_csv": names[0], "included_ris": names[1]},
        contents=contents,
    )


def mail_lines(part: ScreeningDigest) -> list[str]:
    """The e-mail's plain-text lines on screening and on the records it names."""
    revised = f" ({len(part.changed)} revised since screened)" if part.changed else ""
    lines = [f"Awaiting screening: {part.awaiting}{revised}; included so far: {part.included}"]
    if part.email.limited:
        lines.append(
            f"This e-mail names {part.email.described}: {part.email.listed} of the period's records "
            f"({part.email.left_out} left out; the attached page lists "
            f"{'all' if not part.page.limited else part.page.listed} of them)."
        )
        lines += [f"- {r.title} ({r.design_label}) {r.url}" for r in part.email_records]
        if part.email.listed > len(part.email_records):
            lines.append(f"- ... and {part.email.listed - len(part.email_records)} more on the attached page")
    return lines


def nothing_to_send(topic: Topic, part: ScreeningDigest | None) -> bool:
    """Whether the topic's e-mail is skipped: it asks to be (``skip_empty``) and no record passes its limits."""
    return topic.email.skip_empty and part is not None and part.email.listed == 0
