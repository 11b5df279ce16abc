"""The store's screening table: a store made by any earlier litscan opens, keeps its records, and takes
decisions; decisions are refused for records the store does not hold, all or none."""

from __future__ import annotations

import sqlite3

import pytest

from litscan.errors import StoreError
from litscan.screening import Choice, decide, screening_list
from litscan.store import NewDecision, Store
from litscan.store.schema import MIGRATIONS, SCHEMA_VERSION
from tests.screening import screening_data as data


def _version(path) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute("PRAGMA user_version").fetchone()[0])


def test_a_version_3_store_with_records_opens_and_takes_decisions(tmp_path):
    db = tmp_path / "v3.sqlite"
    with Store.open(db) as store:
        data.fill(store)
        before = sorted((item.pmid, item.tags.design) for item in store.query())
    with sqlite3.connect(db) as connection:  # what litscan wrote before screening existed
        connection.executescript(
            "DROP TABLE screening_decisions; DROP TABLE record_registrations;"
            "ALTER TABLE records DROP COLUMN registrations; PRAGMA user_version = 3;"
        )
    assert _version(db) == 3
    with Store.open(db) as store:
        assert sorted((item.pmid, item.tags.design) for item in store.query()) == before
        assert len(store.runs(data.TOPIC)) == 1
        decide(store, data.make_topic(), ["12"], Choice("include"))
        assert [i.pmid for i in screening_list(store, data.make_topic()) if i.decision] == ["12"]
    assert _version(db) == SCHEMA_VERSION == 5


@pytest.mark.parametrize("version", [1, 2, 3])
def test_a_store_made_by_each_earlier_schema_is_brought_up_to_date(tmp_path, version):
    db = tmp_path / f"v{version}.sqlite"
    with sqlite3.connect(db) as connection:
        for step in range(1, version + 1):
            for statement in MIGRATIONS[step].split(";"):
                if statement.strip():
                    connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {version}")
    with Store.open(db) as store:
        data.fill(store)
        decide(store, data.make_topic(), ["14"], Choice("exclude", "wrong_population"))
        assert store.latest_decisions(data.TOPIC)["14"].reason == "wrong_population"
    assert _version(db) == SCHEMA_VERSION


def test_a_decision_for_a_record_not_stored_writes_nothing(store):
    data.fill(store)
    row = NewDecision(data.TOPIC, 12, "include", None, None, "Ana", "2026-01-01T00:00:00.000000Z", "cli", "h")
    with pytest.raises(StoreError, match="PMID 999 is not in the store"):
        store.add_decisions([row, row._replace(pmid=999)])
    assert store.latest_decisions(data.TOPIC) == {}


def test_the_table_refuses_a_decision_that_is_not_one_of_three(store):
    data.fill(store)
    row = NewDecision(data.TOPIC, 12, "accept", None, None, "Ana", "2026-01-01T00:00:00.000000Z", "cli", "h")
    with pytest.raises(StoreError):
        store.add_decisions([row])
