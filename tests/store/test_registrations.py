"""Registrations in the store: written with each record, indexed by registry id, and a store from
before them (schema 3) opened, migrated and read as it was."""

from __future__ import annotations

import sqlite3

import orjson

from litscan.export import record_row
from litscan.models import AbstractSection, Accession, Deletion, json_bytes
from litscan.pipeline.prepare import retag, store_records
from litscan.pubmed.links import record_links
from litscan.store import Store
from litscan.store.schema import MIGRATIONS, SCHEMA_VERSION
from tests.conftest import fixed_tagger, make_record


def _registered(pmid: str, text: str, **overrides) -> object:
    return make_record(pmid, abstract_sections=(AbstractSection(text),), **overrides)


def _index(store: Store) -> list[tuple[str, str, int, str]]:
    rows = store.connection.execute("SELECT registry, trial_id, pmid, source FROM record_registrations ORDER BY 3, 2")
    return [tuple(row) for row in rows]


def test_registrations_are_stored_with_the_record_and_indexed(store):
    records = [
        _registered("1", "Registered as ISRCTN12345678.", accessions=(Accession("ClinicalTrials.gov", "NCT01234567"),)),
        _registered("2", "A second report of NCT01234567."),
        _registered("3", "No registration."),
    ]
    store_records(store, records, tagger=fixed_tagger())
    assert _index(store) == [  # by PMID, then id
        ("isrctn", "ISRCTN12345678", 1, "abstract"),
        ("clinicaltrials_gov", "NCT01234567", 1, "databank"),
        ("clinicaltrials_gov", "NCT01234567", 2, "abstract"),
    ]
    stored = store.get("1")
    assert stored is not None and stored.registrations is not None
    assert [r.id for r in record_links(stored.record, stored.registrations).registrations] == [
        "NCT01234567",
        "ISRCTN12345678",
    ]
    assert store.registered_pmids("NCT01234567") == ["1", "2"]
    assert store.registered_pmids("ISRCTN12345678") == ["1"]
    assert store.registered_pmids("NCT07654321") == []
    store_records(store, [Deletion("2")], tagger=fixed_tagger())
    assert store.registered_pmids("NCT01234567") == ["1"], "a deleted record names no trial"


def test_a_changed_record_replaces_its_registrations_and_a_retag_keeps_them(store):
    store_records(store, [_registered("1", "NCT01234567")], tagger=fixed_tagger())
    store_records(store, [_registered("1", "Corrected: ISRCTN12345678")], tagger=fixed_tagger())
    assert _index(store) == [("isrctn", "ISRCTN12345678", 1, "abstract")]
    retag(store, fixed_tagger(conditions=("fibromyalgia",)), "other-tagger")
    assert _index(store) == [("isrctn", "ISRCTN12345678", 1, "abstract")]


def _version_3_store(path) -> None:
    """A store as litscan wrote it before registrations: schema 3, one record whose JSON has no accessions."""
    record = _registered("42", "Trial registration: NCT01234567.")
    data = orjson.loads(json_bytes(record))
    del data["accessions"]
    connection = sqlite3.connect(path)
    for version in (1, 2, 3):
        connection.executescript(MIGRATIONS[version])
    tags = '{"on_topic": true, "conditions": ["crps"], "routes": [], "design": "rct"}'
    connection.execute(
        "INSERT INTO records(pmid, data, content_hash, title, on_topic, design, conditions, tags, tagger, "
        "first_seen, last_changed, seq) VALUES (42, ?, 'h', 'Old', 1, 'rct', '[\"crps\"]', ?, 'old', "
        "'2025-01-01T00Z', '2025-01-01T00Z', 1)",
        (orjson.dumps(data).decode(), tags),
    )
    connection.execute("INSERT INTO commits(at) VALUES ('2025-01-01T00Z')")
    connection.execute("INSERT INTO record_topics(pmid, topic, first_seen, seq) VALUES (42, 't', '2025-01-01T00Z', 1)")
    connection.execute("PRAGMA user_version = 3")
    connection.commit()
    connection.close()


def test_a_store_from_before_registrations_opens_migrated_and_reads_them_from_the_abstract(tmp_path):
    path = tmp_path / "old.sqlite"
    _version_3_store(path)
    with Store.open(path) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
        old = store.get("42")
        assert old is not None and old.registrations is None and old.record.accessions == ()
        assert old.tags.conditions == ("crps",) and old.first_seen == "2025-01-01T00Z"
        row = record_row(old)
        assert row["registrations"] == [
            {
                "registry": "ClinicalTrials.gov",
                "id": "NCT01234567",
                "url": "https://clinicaltrials.gov/study/NCT01234567",
                "source": "abstract",
            }
        ]
        assert _index(store) == []
        # The next import of the record writes its registrations and indexes them.
        summary = store_records(
            store, [_registered("42", "Trial registration: NCT01234567.")], tagger=fixed_tagger(), topic="t"
        )
        # Read anew by this release, not revised by PubMed: rewritten, but not counted as updated.
        assert (summary.updated, summary.unchanged) == (0, 1)
        assert _index(store) == [("clinicaltrials_gov", "NCT01234567", 42, "abstract")]
        assert store.get("42").first_seen == "2025-01-01T00Z"
    with Store.open(path) as again:  # opening a migrated store again changes nothing
        assert again.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert again.count() == 1
