"""A topic's archive page (``index.html``) and Atom feed (``feed.xml``).

Both are rebuilt from the store's digest list after every digest, so they
always agree with it. Feed entry ids are PubMed URLs: stable across runs, so
a feed reader shows each record once however often the feed is rebuilt.
"""

from __future__ import annotations

import heapq
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2

from ..config import Topic
from ..files import atomic_write_bytes, atomic_write_text
from ..store import CommitSpan, RecordFilter, Store, StoredRecord
from .context import conclusion_of

ATOM_NS = "http://www.w3.org/2005/Atom"
FEED_MIN_ENTRIES = 50  # earlier digests are added until the feed holds at least this many
# The newest this many, however large the latest digest: a feed reader shows a few dozen, and a feed of
# a 10,000-record first digest would be megabytes every reader fetches again and again.
FEED_MAX_ENTRIES = 500
_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def refresh(
    store: Store,
    topic: Topic,
    topic_dir: Path,
    *,
    env: jinja2.Environment,
    updated: str,
    latest: list[StoredRecord] | None = None,
) -> None:
    """Rewrite the topic's ``index.html`` and ``feed.xml`` from the store.

    ``latest`` are the newest digest's on-topic records when the caller has them
    already, so a large digest does not read its records twice.
    """
    digests = store.digests(topic.name)
    write_index(topic, topic_dir, digests, env=env, updated=updated)
    feed = atom_feed(store, topic, digests, updated=updated, latest=latest)
    atomic_write_bytes(topic_dir / "feed.xml", feed)


def write_index(
    topic: Topic, topic_dir: Path, digests: list[dict[str, Any]], *, env: jinja2.Environment, updated: str
) -> None:
    rows = []
    listed: set[str] = set()
    for item in digests:
        if item["path"] in listed:  # a period digested again: its newest record stands
            continue
        listed.add(item["path"])
        page = Path(item["path"])
        if not page.exists() and (topic_dir / page.name).exists():
            page = (topic_dir / page.name).resolve()  # the reports folder was moved or copied whole
        try:
            href = Path(os.path.relpath(page, topic_dir.resolve())).as_posix()
        except ValueError:  # another drive on Windows
            href = page.as_uri()
        rows.append({**item, "href": href, "exists": page.exists()})
    html = env.get_template("index.html").render(topic=topic, digests=rows, updated=updated)
    atomic_write_text(topic_dir / "index.html", html)


def _text(value: str | None) -> str:
    return _XML_INVALID.sub("", value or "")


def _newest_first(item: StoredRecord) -> tuple[str, int]:
    return (item.record.pub_date.iso() or "" if item.record.pub_date else "", int(item.pmid))


class Newest:
    """The newest ``FEED_MAX_ENTRIES`` of the records added, kept as they pass: what the feed of the
    latest digest lists, without holding the whole digest."""

    def __init__(self) -> None:
        self._heap: list[tuple[tuple[str, int], StoredRecord]] = []  # PMIDs are unique: keys never tie

    def add(self, item: StoredRecord) -> None:
        entry = (_newest_first(item), item)
        if len(self._heap) < FEED_MAX_ENTRIES:
            heapq.heappush(self._heap, entry)
        elif entry[0] > self._heap[0][0]:
            heapq.heapreplace(self._heap, entry)

    def items(self) -> list[StoredRecord]:
        return [item for _, item in self._heap]


def _entries(
    store: Store, topic: Topic, digests: list[dict[str, Any]], latest: list[StoredRecord] | None
) -> list[tuple[StoredRecord, str]]:
    """(record, when it entered) for the newest digests' on-topic records, newest digest first."""
    entries: list[tuple[StoredRecord, str]] = []
    seen: set[str] = set()
    for index, digest in enumerate(digests):
        if index and len(entries) >= FEED_MIN_ENTRIES:
            break
        if index == 0 and latest is not None:
            items: Iterable[StoredRecord] = sorted(latest, key=_newest_first, reverse=True)
        else:
            items = store.query(
                RecordFilter(
                    topic=topic.name,
                    on_topic=True,
                    # the digest's own stretch of the commit order, so the feed lists what the page did
                    added_in=CommitSpan(
                        after=digest["seq_start"] if index < len(digests) - 1 else None, through=digest["seq_end"]
                    ),
                )
            )
        for item in items:
            if len(entries) >= FEED_MAX_ENTRIES:
                return entries
            if item.pmid not in seen:
                seen.add(item.pmid)
                entries.append((item, digest["period_end"]))
    return entries


def atom_feed(
    store: Store, topic: Topic, digests: list[dict[str, Any]], *, updated: str, latest: list[StoredRecord] | None = None
) -> bytes:
    """Atom 1.0 (RFC 4287): one entry per new on-topic record of the latest digests."""
    ET.register_namespace("", ATOM_NS)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
        if text is not None:
            element.text = _text(text)
        return element

    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    sub(feed, "id", f"urn:litscan:feed:{topic.name}")
    sub(feed, "title", f"{topic.title}: new records")
    if topic.description:
        sub(feed, "subtitle", topic.description)
    sub(feed, "updated", _atom_time(updated))
    author = sub(feed, "author")
    sub(author, "name", "litscan")
    sub(feed, "generator", "litscan")
    sub(feed, "link", rel="alternate", type="text/html", href="index.html")
    sub(feed, "link", rel="self", type="application/atom+xml", href="feed.xml")
    for item, entered in _entries(store, topic, digests, latest):
        record, tags = item.record, item.tags
        url = record.url
        entry = sub(feed, "entry")
        sub(entry, "id", url)
        sub(entry, "title", record.display_title or f"PMID {record.pmid}")
        sub(entry, "link", rel="alternate", type="text/html", href=url)
        # when the record entered the store and when it last changed: stable across rebuilds,
        # so readers do not re-announce old entries
        sub(entry, "updated", _atom_time(max(item.last_changed, item.first_seen)))
        sub(entry, "published", _atom_time(min(item.first_seen, entered)))
        for a in record.authors[:3]:
            if a.display_name:
                sub(sub(entry, "author"), "name", a.display_name)
        sub(entry, "category", term=tags.design, scheme="urn:litscan:design")
        for cid in tags.conditions:
            sub(entry, "category", term=cid, scheme="urn:litscan:condition")
        for rid in tags.routes:
            sub(entry, "category", term=rid, scheme="urn:litscan:route")
        summary = " · ".join(
            p for p in (record.journal, record.pub_date.iso() if record.pub_date else None, conclusion_of(record)) if p
        )
        sub(entry, "summary", summary or None)
    ET.indent(feed)
    document: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def _atom_time(stamp: str) -> str:
    """RFC 3339 as Atom wants it; store stamps already are, bar the microseconds."""
    return re.sub(r"\.\d+Z$", "Z", stamp)
