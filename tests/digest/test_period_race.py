"""Digests taken while an import writes: every record lands in exactly one digest period.

Before, a digest's period ended at its start time, and records an import had stamped before that
but committed after it fell between two digests (13,000 of 30,000 in the issue's run). Periods now
follow the store's commit order. Also: a digest that cannot be recorded leaves no files behind.
"""

from __future__ import annotations

import csv
import sqlite3
import subprocess
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from litscan.config import default_topic_path, load_topic
from litscan.digest import feeds
from litscan.digest.writer import write_digest
from litscan.errors import StoreLockedError
from litscan.pipeline.prepare import store_records
from litscan.store import CommitSpan, RecordFilter, Store
from litscan.store.schema import SCHEMA_VERSION
from tests.conftest import fixed_tagger, make_record
from tests.pipeline.sample_files import litscan_with_small_chunks, repeated_sample

ATOM = "{http://www.w3.org/2005/Atom}"


def csv_pmids(page: Path) -> list[str]:
    with page.with_suffix(".csv").open(newline="") as handle:
        return [row["pmid"] for row in csv.DictReader(handle)]


@pytest.mark.slow(seconds=6)
def test_digests_taken_while_an_import_writes_hold_every_record_once(tmp_path):
    # A file for the parallel import (one transaction, committed at its end, its records stamped all
    # along as its chunks come in), then small files, each committed on its own.
    files = [repeated_sample(tmp_path / "big.xml", at_least=3 << 20)]
    files += [repeated_sample(tmp_path / f"small{n}.xml", at_least=1 << 17, first=200 + 20 * n) for n in range(3)]
    db = tmp_path / "store.sqlite"
    topic = load_topic(default_topic_path())
    reports = tmp_path / "reports"
    importing = subprocess.Popen(
        litscan_with_small_chunks("import", *map(str, files), "--db", str(db), "--workers", "2"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    results = []
    try:
        # Digest once the big file's records are being written: the transaction's pages spill into the WAL.
        wal = db.with_name(db.name + "-wal")
        while importing.poll() is None and (not wal.exists() or wal.stat().st_size < 1 << 20):
            time.sleep(0.005)
        with Store.open(db) as store:
            while importing.poll() is None:
                results.append(write_digest(store, topic, reports_dir=reports))
                time.sleep(0.05)
            assert importing.returncode == 0, importing.stderr.read()
            results.append(write_digest(store, topic, reports_dir=reports))
            stored = {item.pmid for item in store.query(RecordFilter(topic=topic.name))}
            on_topic = {item.pmid for item in store.query(RecordFilter(topic=topic.name, on_topic=True))}
    finally:
        importing.kill()
        importing.wait()
    assert len(results) >= 2 and len(stored) > 1000
    assert sum(r.counts["new"] for r in results) == len(stored)
    listed = [pmid for r in results for pmid in csv_pmids(r.path)]
    assert len(listed) == len(set(listed)), "a record in two digests"
    assert set(listed) == on_topic, f"{len(on_topic - set(listed))} records in no digest"


def test_a_write_committed_after_a_digest_read_the_store_is_in_the_next_digest(tmp_path, monkeypatch):
    # The race step by step: an import stamps PMID 2, a digest reads the store, the import commits.
    topic = load_topic(default_topic_path())
    db = tmp_path / "s.sqlite"
    digest_has_read = threading.Event()
    stamped = threading.Event()

    def importer() -> None:
        with Store.open(db) as other, other.transaction():
            store_records(other, [make_record("2")], tagger=fixed_tagger(), topic=topic.name)
            stamped.set()
            digest_has_read.wait(timeout=20)  # the digest now waits to record itself: commit

    with Store.open(db) as store:
        store_records(store, [make_record("1")], tagger=fixed_tagger(), topic=topic.name)
        record_digest = store.add_digest

        def add_digest(*args: Any, **kwargs: Any) -> None:
            digest_has_read.set()
            record_digest(*args, **kwargs)

        store.add_digest = add_digest  # type: ignore[method-assign]
        writing = threading.Thread(target=importer)
        writing.start()
        assert stamped.wait(timeout=20)
        first = write_digest(store, topic, reports_dir=tmp_path / "r")
        writing.join()
        second = write_digest(store, topic, reports_dir=tmp_path / "r")
        store.add_digest = record_digest  # type: ignore[method-assign]
        store_records(store, [make_record("3")], tagger=fixed_tagger(), topic=topic.name)
        monkeypatch.setattr(feeds, "FEED_MIN_ENTRIES", 2)
        third = write_digest(store, topic, reports_dir=tmp_path / "r")
    assert (csv_pmids(first.path), csv_pmids(second.path), csv_pmids(third.path)) == (["1"], ["2"], ["3"])
    # The feed takes the older digests' records by the same commit order: filled from the two
    # newest digests, it holds what their pages held (by the stamps, PMID 2, stamped inside the
    # first period, fell outside the second's dates, and the first digest was read to fill it).
    feed = ET.parse(third.path.with_name("feed.xml")).getroot()
    ids = [entry.findtext(f"{ATOM}id") for entry in feed.iter(f"{ATOM}entry")]
    assert ids == [f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" for pmid in ("3", "2")]


def test_a_digest_that_gives_up_on_a_busy_store_leaves_no_files(tmp_path):
    topic = load_topic(default_topic_path())
    db = tmp_path / "s.sqlite"
    reports = tmp_path / "reports"
    with Store.open(db) as store:
        store_records(store, [make_record("1")], tagger=fixed_tagger(), topic=topic.name)
        write_digest(store, topic, reports_dir=reports)
        before = sorted(p.relative_to(reports) for p in reports.rglob("*"))
        store_records(store, [make_record("2")], tagger=fixed_tagger(), topic=topic.name)
        blocker = sqlite3.connect(db)
        blocker.execute("BEGIN IMMEDIATE")  # another process writing for longer than the digest waits
        store.connection.execute("PRAGMA busy_timeout = 100")
        try:
            with pytest.raises(StoreLockedError, match="database is busy"):
                write_digest(store, topic, reports_dir=reports)
        finally:
            blocker.rollback()
            blocker.close()
        assert sorted(p.relative_to(reports) for p in reports.rglob("*")) == before
        assert len(store.digests(topic.name)) == 1
        again = write_digest(store, topic, reports_dir=reports)  # and the next one has it
        assert csv_pmids(again.path) == ["2"]


def test_an_older_store_gets_commit_numbers_in_the_order_of_its_stamps(tmp_path):
    # A version-2 store: records, topic links, a retraction and a digest stamped by the clock only.
    db = tmp_path / "old.sqlite"
    with Store.open(db) as store:
        store_records(
            store, [make_record("1"), make_record("2")], tagger=fixed_tagger(), topic="t", now="2025-01-01T00Z"
        )
        store.add_digest("t", "2025-01-01T00Z", "2025-01-15T00Z", "/x/first.html", {"new": 2})
        store_records(store, [make_record("3")], tagger=fixed_tagger(), topic="t", now="2025-02-01T00Z")
        store_records(store, [make_record("4")], tagger=fixed_tagger(), topic="t", now="2025-03-01T00Z")
    with sqlite3.connect(db) as connection:
        connection.executescript(
            "DROP INDEX record_topics_seq; DROP INDEX commits_at; DROP TABLE commits;"
            "ALTER TABLE records DROP COLUMN seq; ALTER TABLE records DROP COLUMN retracted_seq;"
            "ALTER TABLE record_topics DROP COLUMN seq;"
            "ALTER TABLE digests DROP COLUMN seq_start; ALTER TABLE digests DROP COLUMN seq_end;"
            "DROP TABLE record_registrations; ALTER TABLE records DROP COLUMN registrations;"  # version 5
            "PRAGMA user_version = 2;"
        )
    with Store.open(db) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        seqs = dict(store.connection.execute("SELECT pmid, seq FROM record_topics"))
        assert seqs[1] == seqs[2] < seqs[3] < seqs[4]
        [digest] = store.digests("t")
        assert (digest["seq_start"], digest["seq_end"]) == (0, seqs[1])
        following = store.query(RecordFilter(topic="t", added_in=CommitSpan(digest["seq_end"], store.commit_mark())))
        assert sorted(item.pmid for item in following) == ["3", "4"]
        store_records(store, [make_record("5")], tagger=fixed_tagger(), topic="t")
        assert store.connection.execute("SELECT seq FROM record_topics WHERE pmid = 5").fetchone()[0] > seqs[4]
