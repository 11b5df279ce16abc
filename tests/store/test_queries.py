"""Questions the digest asks the store: retractions in a period, the tags to count, a topic's first record."""

from __future__ import annotations

from litscan.models import Deletion, PublicationType
from litscan.pipeline.prepare import store_records
from litscan.store import RecordFilter, Store
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
