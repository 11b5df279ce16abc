"""Preparing records for the store: tag only what changed, the later version of a record wins."""

from __future__ import annotations

import pytest

from litscan.errors import StoreError
from litscan.models import Deletion
from litscan.pipeline.prepare import content_hash, prepare_record, store_records
from litscan.store import Store, Unchanged
from tests.conftest import fixed_tagger, make_record


def test_a_record_twice_in_a_batch_is_tagged_and_stored_once_in_its_later_version(store: Store) -> None:
    tagger = fixed_tagger()
    first, later = make_record("1", title="First title"), make_record("1", title="Corrected title")
    summary = store_records(store, [first, make_record("2"), later], tagger=tagger, topic="t")
    assert sorted(tagger.calls) == ["1", "2"]
    assert (summary.new, summary.unchanged) == (2, 0)
    assert store.get("1").record.title == "Corrected title"


def test_a_record_deleted_later_in_the_batch_is_stored_then_tombstoned(store: Store) -> None:
    summary = store_records(store, [make_record("1"), Deletion("1")], tagger=fixed_tagger())
    assert (summary.new, summary.deleted) == (1, 1)
    assert store.get("1").deleted_at is not None


def test_a_deletion_followed_by_the_record_again_keeps_it(store: Store) -> None:
    store_records(store, [make_record("1")], tagger=fixed_tagger())
    summary = store_records(store, [Deletion("1"), make_record("1")], tagger=fixed_tagger())
    assert (summary.deleted, summary.unchanged) == (0, 1)
    assert store.get("1").deleted_at is None


def test_a_tombstoned_record_that_comes_back_is_retagged_and_live(store: Store) -> None:
    store_records(store, [make_record("1")], tagger=fixed_tagger())
    store_records(store, [Deletion("1")], tagger=fixed_tagger())
    tagger = fixed_tagger()
    summary = store_records(store, [make_record("1")], tagger=tagger)
    assert tagger.calls == ["1"] and summary.updated == 1
    assert store.get("1").deleted_at is None


def test_a_new_tagger_retags_without_counting_a_change(store: Store) -> None:
    store_records(store, [make_record("1")], tagger=fixed_tagger(), tagger_id="v1", now="2025-01-01T00Z")
    summary = store_records(
        store, [make_record("1")], tagger=fixed_tagger(("cancer_pain",)), tagger_id="v2", now="2025-02-01T00Z"
    )
    assert (summary.updated, summary.unchanged) == (0, 1)
    stored = store.get("1")
    assert stored.tags.conditions == ("cancer_pain",) and stored.last_changed == "2025-01-01T00Z"


def test_the_store_refuses_unchanged_for_a_record_it_does_not_hold_as_it_is(store: Store) -> None:
    row = prepare_record(make_record("1"), fixed_tagger(), "v1")
    store.upsert([row])
    assert store.unchanged({1: row.citation.content_hash, 2: "x"}, "v1") == {1}
    assert store.unchanged({1: row.citation.content_hash}, "v2") == set()
    with pytest.raises(StoreError, match="PMID 2"):
        store.upsert([Unchanged(2, content_hash(b"{}"), "v1")])
    assert store.count() == 1
