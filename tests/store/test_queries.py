"""Questions the digest asks the store: retractions in a period, the tags to count, a topic's first record."""

from __future__ import annotations

import sqlite3

import pytest

from litscan.models import Deletion, PublicationType
from litscan.pipeline.prepare import store_records
from litscan.store import CommitSpan, RecordFilter, Store
from tests.conftest import fixed_tagger, make_record

RETRACTED = (PublicationType("Retracted Publication", "D016441"),)


def test_retracted_in_a_period_whenever_the_record_entered(store: Store) -> None:
    store_records(store, [make_record("1"), make_record("2")], tagger=fixed_tagger(), topic="t", now="2025-01-01T00Z")
    store_records(store, [make_record("1", publication_types=RETRACTED)], tagger=fixed_tagger(), now="2025-03-01T00Z")
    store_records(store, [make_record("2", publication_types=RETRACTED)], tagger=fixed_tagger(), now="2025-05-01T00Z")

    def retracted(since: str | None, until: str) -> list[str]:
        found = RecordFilter(topic="t", retracted_since=since, retracted_until=until, include_deleted=True)
        return sorted(s.pmid for s in store.query(found))

    assert retracted("2025-02-01T00Z", "2025-04-01T00Z") == ["1"]
    assert retracted(None, "2025-06-01T00Z") == ["1", "2"]
    assert retracted("2025-05-01T00Z", "2025-06-01T00Z") == ["2"]
    assert retracted(None, "2025-03-01T00Z") == [], "the end is exclusive"


def test_on_topic_tags_count_live_on_topic_records_of_the_topic_before_the_end(store: Store) -> None:
    store_records(store, [make_record("1"), make_record("2")], tagger=fixed_tagger(), topic="t", now="2025-01-01T00Z")
    store_records(store, [make_record("3")], tagger=fixed_tagger(on_topic=False), topic="t", now="2025-01-01T00Z")
    store_records(store, [make_record("4")], tagger=fixed_tagger(), topic="other", now="2025-01-01T00Z")
    store_records(store, [make_record("5")], tagger=fixed_tagger(), topic="t", now="2025-02-01T00Z")
    store.upsert([Deletion("2")], now="2025-01-15T00Z")
    tags = store.on_topic_tags("t", "2025-02-01T00Z")
    assert [(t.year, t.conditions, t.routes) for t in tags] == [(2024, ["crps"], ["intravenous"])]


def test_topic_first_seen(store: Store) -> None:
    assert store.topic_first_seen("t") is None
    store_records(store, [make_record("1")], tagger=fixed_tagger(), topic="t", now="2025-02-01T00Z")
    store_records(store, [make_record("2")], tagger=fixed_tagger(), topic="t", now="2025-03-01T00Z")
    assert store.topic_first_seen("t") == "2025-02-01T00Z"


def test_pages_hold_what_query_holds_in_pmid_order_and_keep_nothing_open(store: Store, db_path) -> None:
    store_records(store, [make_record(str(p)) for p in range(1, 24)], tagger=fixed_tagger(), topic="t")
    store_records(store, [make_record(str(p)) for p in range(30, 35)], tagger=fixed_tagger(), topic="other")
    store.upsert([Deletion("5")])
    filters = RecordFilter(topic="t")
    seen: list[int] = []
    with sqlite3.connect(db_path) as other:
        for page in store.pages(filters, size=4):
            assert 1 <= len(page) <= 4
            seen.extend(int(item.pmid) for item in page)
            # No read is left open between pages: the log can be checkpointed to the end meanwhile.
            busy, _, _ = other.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            assert busy == 0
    assert seen == sorted(int(item.pmid) for item in store.query(filters))
    assert seen == [p for p in range(1, 24) if p != 5]
    assert [len(page) for page in store.pages(RecordFilter(pmids=["30", "31"]), size=10)] == [2]
    with pytest.raises(ValueError):
        next(store.pages(filters, size=0))


def test_a_digest_period_is_read_by_commit_span(store: Store) -> None:
    store_records(store, [make_record("1")], tagger=fixed_tagger(), topic="t")
    mark = store.commit_mark()
    store_records(store, [make_record("2"), make_record("3")], tagger=fixed_tagger(), topic="t")
    store_records(store, [make_record("1", publication_types=RETRACTED)], tagger=fixed_tagger(), topic="t")
    span = CommitSpan(mark, store.commit_mark())
    entered = [item.pmid for page in store.pages(RecordFilter(topic="t", added_in=span)) for item in page]
    retracted = [item.pmid for item in store.query(RecordFilter(topic="t", retracted_in=span))]
    assert (entered, retracted) == (["2", "3"], ["1"])
    assert [t.conditions for t in store.on_topic_tags("t", "9999", through=mark)] == [["crps"]]
