"""The SQLite store: upsert by PMID, tombstones, topics, atomic batches, the writer lock."""

from __future__ import annotations

import json
import sqlite3

import pytest

from litscan.errors import StoreError, StoreLockedError
from litscan.models import Deletion, PublicationType
from litscan.pipeline.prepare import prepare_record, retag, store_records
from litscan.store import RecordFilter, Store
from litscan.store.connection import PAGE_SIZE
from litscan.store.schema import SCHEMA_VERSION
from tests.conftest import fixed_tagger, make_record


def test_new_records_are_stored_once_with_tags(store):
    tagger = fixed_tagger()
    summary = store_records(store, [make_record("1"), make_record("2")], tagger=tagger, topic="t", now="2025-01-01T00Z")
    assert (summary.new, summary.updated, summary.unchanged) == (2, 0, 0)
    again = store_records(store, [make_record("1"), make_record("2")], tagger=tagger, topic="t", now="2025-02-01T00Z")
    assert (again.new, again.updated, again.unchanged) == (0, 0, 2)
    assert tagger.calls == ["1", "2"], "unchanged records are not re-tagged"
    assert store.count() == 2
    stored = store.get("1")
    assert stored.tags.conditions == ("crps",)
    assert stored.first_seen == "2025-01-01T00Z"
    assert stored.topics == ("t",)


def test_changed_record_is_updated_keeps_first_seen_and_is_retagged(store):
    store_records(store, [make_record("7")], tagger=fixed_tagger(), now="2025-01-01T00Z")
    retracted = make_record("7", publication_types=(PublicationType("Retracted Publication", "D016441"),))
    summary = store_records(store, [retracted], tagger=fixed_tagger(conditions=("fibromyalgia",)), now="2025-03-01T00Z")
    assert (summary.new, summary.updated) == (0, 1)
    stored = store.get("7")
    assert stored.first_seen == "2025-01-01T00Z"
    assert stored.last_changed == "2025-03-01T00Z"
    assert stored.record.retracted and stored.retracted_at == "2025-03-01T00Z"
    assert stored.tags.conditions == ("fibromyalgia",)
    assert [p for p in store.query(RecordFilter(conditions=["crps"]))] == [], "old tag links replaced"


def _as_an_older_release_stored_it(store, pmid, dropped_keys, dropped_author_keys):
    """Rewrite a stored row as a release that did not read some fields would have written it."""
    db = store.connection
    (data,) = db.execute("SELECT data FROM records WHERE pmid = ?", (int(pmid),)).fetchone()
    old = json.loads(data)
    for key in dropped_keys:
        del old[key]
    for author in old["authors"]:
        for key in dropped_author_keys:
            del author[key]
    with db:
        db.execute("UPDATE records SET data = ?, content_hash = 'older' WHERE pmid = ?", (json.dumps(old), int(pmid)))


def test_fields_a_newer_release_reads_are_stored_without_counting_the_record_as_revised(store):
    store_records(store, [make_record("8"), make_record("9")], tagger=fixed_tagger(), now="2025-01-01T00Z")
    for pmid in ("8", "9"):
        _as_an_older_release_stored_it(store, pmid, ["vernacular_title", "other_abstracts"], ["suffix", "valid"])
    revised = make_record("9", title="Ketamine infusion for CRPS: a corrected title")
    summary = store_records(store, [make_record("8"), revised], tagger=fixed_tagger(), now="2025-03-01T00Z")
    assert (summary.new, summary.updated, summary.unchanged) == (0, 1, 1)
    assert summary.updated_pmids == ["9"]
    assert store.get("8").last_changed == "2025-01-01T00Z"
    assert store.get("9").last_changed == "2025-03-01T00Z"
    (data,) = store.connection.execute("SELECT data FROM records WHERE pmid = 8").fetchone()
    assert "vernacular_title" in json.loads(data), "the newer reading is what is stored"
    again = store_records(store, [make_record("8")], tagger=fixed_tagger(), now="2025-04-01T00Z")
    assert (again.updated, again.unchanged) == (0, 1)


def test_deletion_tombstones_without_losing_the_record(store):
    store_records(store, [make_record("5"), make_record("6")], tagger=fixed_tagger())
    summary = store_records(store, [Deletion("5"), Deletion("999")], tagger=fixed_tagger())
    assert (summary.deleted, summary.skipped) == (1, 1)
    assert [s.pmid for s in store.query()] == ["6"]
    tombstone = store.get("5")
    assert tombstone.deleted_at is not None and tombstone.record.title


def test_a_failing_batch_leaves_the_store_as_it_was(store):
    store_records(store, [make_record("1")], tagger=fixed_tagger())

    def broken_tagger(record):
        if record.pmid == "3":
            raise RuntimeError("boom")
        return fixed_tagger()(record)

    with pytest.raises(RuntimeError):
        store_records(store, [make_record("2"), make_record("3")], tagger=broken_tagger, topic="t")
    assert [s.pmid for s in store.query(RecordFilter(include_deleted=True))] == ["1"]


def test_nested_transaction_rolls_back_the_outer_whole(store):
    with pytest.raises(RuntimeError), store.transaction():
        store_records(store, [make_record("1")], tagger=fixed_tagger())
        raise RuntimeError("file turned out corrupt")
    assert store.count() == 0


def test_a_batch_without_savepoint_is_undone_with_the_transaction_it_joined(store):
    row = prepare_record(make_record("1"), fixed_tagger(), None)
    with pytest.raises(StoreError, match="no such table") as caught, store.transaction():
        store.upsert([row], topic="t", savepoint=False)
        with store.transaction(savepoint=False) as db:
            db.execute("INSERT INTO no_such_table VALUES (1)")
    assert str(store.path) in str(caught.value)
    assert store.count() == 0 and not store.connection.in_transaction


def test_a_batch_without_savepoint_joins_the_transaction_and_is_not_undone_alone(store):
    with store.transaction():
        with pytest.raises(StoreError), store.transaction(savepoint=False) as db:
            store.upsert([prepare_record(make_record("1"), fixed_tagger(), None)], savepoint=False)
            db.execute("INSERT INTO no_such_table VALUES (1)")
        assert store.count() == 1, "no savepoint of its own: what it wrote stays with the transaction"
        with pytest.raises(StoreError), store.transaction() as db:
            store.upsert([prepare_record(make_record("2"), fixed_tagger(), None)], savepoint=False)
            db.execute("INSERT INTO no_such_table VALUES (1)")
        assert store.count() == 1, "a savepoint is undone alone"
    assert store.pmids() == [1]


def test_a_batch_without_savepoint_and_no_transaction_under_way_is_its_own_transaction(store):
    row = prepare_record(make_record("1"), fixed_tagger(), None)
    with pytest.raises(StoreError), store.transaction(savepoint=False) as db:
        store.upsert([row], savepoint=False)
        db.execute("INSERT INTO no_such_table VALUES (1)")
    assert store.count() == 0 and not store.connection.in_transaction


def _journal(store):
    return store.connection.execute("PRAGMA journal_mode").fetchone()[0]


def test_a_first_load_goes_through_a_rollback_journal_and_leaves_the_store_in_wal(store):
    with store.first_load(), store.transaction():
        assert _journal(store) == "delete"
        assert store.connection.execute("PRAGMA synchronous").fetchone()[0] == 2, "FULL"
        store_records(store, [make_record("1")], tagger=fixed_tagger())
    assert _journal(store) == "wal" and store.pmids() == [1]
    assert store.connection.execute("PRAGMA synchronous").fetchone()[0] == 1, "NORMAL again"
    with store.first_load():  # the store holds a record now
        assert _journal(store) == "wal"


def test_a_first_load_that_fails_leaves_nothing_and_the_store_in_wal(store, db_path):
    with pytest.raises(RuntimeError), store.first_load(), store.transaction():
        store_records(store, [make_record("1")], tagger=fixed_tagger())
        raise RuntimeError("file turned out corrupt")
    assert _journal(store) == "wal" and store.count() == 0
    assert not db_path.with_name(db_path.name + "-journal").exists()


def test_a_first_load_stays_in_wal_while_another_connection_has_the_store(store, db_path):
    with Store.open(db_path) as reader:
        assert reader.count() == 0
        with store.first_load(), store.transaction():
            assert _journal(store) == "wal"
            store_records(store, [make_record("1")], tagger=fixed_tagger())
            assert reader.count() == 0, "the reader sees the store as it was"
        assert reader.count() == 1
    assert store.connection.execute("PRAGMA busy_timeout").fetchone()[0] == 30000


def test_filters_by_condition_route_design_topic_and_dates(store):
    store_records(store, [make_record("1")], tagger=fixed_tagger(("crps",), ("intravenous",), "rct"), topic="a")
    store_records(
        store, [make_record("2", pub_date=None)], tagger=fixed_tagger(("fibromyalgia",), ("oral",), "review"), topic="b"
    )
    assert [s.pmid for s in store.query(RecordFilter(conditions=["crps"]))] == ["1"]
    assert [s.pmid for s in store.query(RecordFilter(routes=["oral"]))] == ["2"]
    assert [s.pmid for s in store.query(RecordFilter(designs=["rct"]))] == ["1"]
    assert [s.pmid for s in store.query(RecordFilter(topic="b"))] == ["2"]
    assert [s.pmid for s in store.query(RecordFilter(published_from="2024-01-01", published_to="2024-05"))] == ["1"]
    assert [s.pmid for s in store.query(RecordFilter(published_to="2023-12-31"))] == []


def test_record_found_by_two_topics_is_stored_once_and_linked_to_both(store):
    store_records(store, [make_record("1")], tagger=fixed_tagger(), topic="a")
    store_records(store, [make_record("1")], tagger=fixed_tagger(), topic="b")
    assert store.count() == 1
    assert store.get("1").topics == ("a", "b")


def test_lists_are_stored_as_json_lists_not_joined_strings(store, db_path):
    store_records(store, [make_record("1")], tagger=fixed_tagger(("crps", "neuropathic_pain")))
    raw = sqlite3.connect(db_path).execute("SELECT conditions, data FROM records").fetchone()
    assert isinstance(raw[0], str) and json.loads(raw[0]) == ["crps", "neuropathic_pain"]
    assert '"authors":[{' in raw[1]


def test_json_columns_are_text_on_both_write_paths(store, db_path):
    # The store binds JSON as UTF-8 bytes; stored values must still be TEXT, or SQL users'
    # json_extract(data, ...) and sqlite3's str results would break.
    tagger = fixed_tagger(("crps",))
    store_records(store, [make_record("1", title="Ketamine – a test with µ")], tagger=tagger)
    store.upsert([prepare_record(make_record("2"), tagger, "t")])
    retag(store, tagger)
    rows = (
        sqlite3.connect(db_path)
        .execute("SELECT typeof(data), typeof(tags), json_extract(data, '$.title') FROM records ORDER BY pmid")
        .fetchall()
    )
    assert [row[:2] for row in rows] == [("text", "text")] * 2
    assert rows[0][2] == "Ketamine – a test with µ"


def test_bytes_and_none_parameters_are_stored_as_given(store, db_path):
    # connection.py registers adapters for bytes and None (a speed-up): a blob stays a blob,
    # a NULL a NULL, and the bytes bound as JSON text still land as TEXT.
    store.upsert([prepare_record(make_record("3"), fixed_tagger(), None)])
    with store.transaction() as db:
        db.execute("CREATE TABLE probe(value)")
        db.executemany("INSERT INTO probe VALUES (?)", [(b"\x00\xffraw",), (None,), ("text",)])
    check = sqlite3.connect(db_path)
    assert check.execute("SELECT typeof(value), value FROM probe ORDER BY rowid").fetchall() == [
        ("blob", b"\x00\xffraw"),
        ("null", None),
        ("text", "text"),
    ]
    assert check.execute("SELECT typeof(data), typeof(pmcid), typeof(tagger) FROM records").fetchone() == (
        "text",
        "null",
        "null",
    )


def test_new_store_uses_large_pages_and_an_old_one_keeps_its_own(tmp_path):
    with Store.open(tmp_path / "new.sqlite") as store:
        assert store.connection.execute("PRAGMA page_size").fetchone()[0] == PAGE_SIZE
    old = tmp_path / "old.sqlite"
    made = sqlite3.connect(old)  # a file made with 4 KB pages, empty again (a file with tables of its own is refused)
    made.execute("CREATE TABLE t(x)")
    made.execute("DROP TABLE t")
    made.close()
    with Store.open(old) as store:
        assert store.connection.execute("PRAGMA page_size").fetchone()[0] == 4096
        store_records(store, [make_record("1")], tagger=fixed_tagger(()))
        assert store.count() == 1


def test_schema_is_versioned_and_reopening_is_safe(db_path):
    Store.open(db_path).close()
    with Store.open(db_path) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_newer_schema_is_refused(db_path):
    sqlite3.connect(db_path).execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer"):
        Store.open(db_path)


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("this is not sqlite" * 100)
    with pytest.raises(StoreError, match=r"notes\.sqlite"):
        Store.open(path)


def test_second_writer_waits_then_gives_up(db_path):
    with (
        Store.open(db_path) as first,
        Store.open(db_path) as second,
        first.exclusive(),
        pytest.raises(StoreLockedError, match="another litscan run"),
        second.exclusive(wait_seconds=0.3),
    ):
        pass


def test_retag_recomputes_every_record(store):
    store_records(store, [make_record("1"), make_record("2")], tagger=fixed_tagger(("crps",)))
    assert retag(store, fixed_tagger(("cancer_pain",)), tagger_id="v2") == 2
    assert {s.pmid for s in store.query(RecordFilter(conditions=["cancer_pain"]))} == {"1", "2"}


def test_runs_and_topic_state_round_trip(store):
    run = store.start_run("fetch", "t", {"window": "2025"})
    store.finish_run(run, "ok", {"new": 3})
    assert store.runs("t")[0]["detail"] == {"window": "2025", "new": 3}
    store.save_topic_state("t", {"watermark": "2025/01/01"})
    assert store.topic_state("t") == {"watermark": "2025/01/01"}


def test_pmid_lists_beyond_sqlites_placeholder_cap(store):
    store_records(store, [make_record("7"), make_record("39999")], tagger=fixed_tagger(), topic="t")
    many = [str(p) for p in range(1, 40_001)]  # SQLite refuses more than 32,766 "?" in one statement
    assert sorted(s.pmid for s in store.query(RecordFilter(pmids=many))) == ["39999", "7"]
    assert store.topic_pmids("t", many) == {"7", "39999"}


# --- a full disk, a busy store, someone else's file --------------------------------------------------


def _nearly_full(store: Store, pages: int = 1) -> None:
    """Let the file grow by ``pages`` pages only: SQLite then fails as on a full disk (SQLITE_FULL)."""
    count = store.connection.execute("PRAGMA page_count").fetchone()[0]
    store.connection.execute(f"PRAGMA max_page_count={count + pages}")


def test_a_full_disk_is_reported_as_such_and_the_batch_is_not_half_written(store):
    store_records(store, [make_record("1")], tagger=fixed_tagger())
    _nearly_full(store)
    big = [make_record(str(n), title="Ketamine " * 400) for n in range(2, 60)]
    with pytest.raises(StoreError, match="database or disk is full") as caught:
        store_records(store, big, tagger=fixed_tagger())
    assert "rollback" not in str(caught.value) and str(store.path) in str(caught.value)
    assert store.pmids() == [1] and not store.connection.in_transaction


def test_a_full_disk_inside_a_file_transaction_undoes_the_whole_file(store):
    _nearly_full(store, pages=3)
    with pytest.raises(StoreError, match="database or disk is full"), store.transaction():
        store_records(store, [make_record("1")], tagger=fixed_tagger())  # a savepoint that fits
        store_records(
            store, [make_record(str(n), title="Ketamine " * 400) for n in range(2, 60)], tagger=fixed_tagger()
        )
    assert store.pmids() == [] and not store.connection.in_transaction


def test_a_busy_store_is_75_and_any_other_sqlite_error_is_3(db_path):
    with Store.open(db_path) as first, Store.open(db_path) as second:
        second.connection.execute("PRAGMA busy_timeout=0")
        with first.transaction(), pytest.raises(StoreLockedError, match="busy"), second.transaction():
            pass
        with pytest.raises(StoreError) as caught, second.transaction() as db:
            db.execute("INSERT INTO no_such_table VALUES (1)")
        assert type(caught.value) is StoreError and "no such table" in str(caught.value)


@pytest.mark.parametrize("version", [0, SCHEMA_VERSION])
def test_someone_elses_sqlite_file_is_refused_before_anything_changes(tmp_path, version):
    theirs = tmp_path / "theirs.sqlite"
    with sqlite3.connect(theirs) as connection:
        connection.execute("CREATE TABLE records (pmid INTEGER PRIMARY KEY, note TEXT)")
        connection.execute(f"PRAGMA user_version={version}")
    connection.close()
    data = theirs.read_bytes()
    with pytest.raises(StoreError, match=r"theirs\.sqlite: not a litscan database \(its tables: records\)"):
        Store.open(theirs)
    assert theirs.read_bytes() == data and sorted(p.name for p in tmp_path.iterdir()) == ["theirs.sqlite"]


def test_a_folder_that_cannot_be_made_is_a_store_error(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="cannot create its folder"):
        Store.open(tmp_path / "file" / "s.sqlite")
