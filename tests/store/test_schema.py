"""The one definition of each table's columns matches the tables the migrations build."""

from __future__ import annotations

from litscan.store import Store
from litscan.store.schema import DIGEST_COLUMNS, RECORD_COLUMNS, RUN_COLUMNS, STATE_COLUMNS, STORED_COLUMNS


def _columns(store: Store, table: str) -> list[str]:
    return [row["name"] for row in store.connection.execute(f"PRAGMA table_info({table})")]


def test_record_columns_are_the_records_table_in_order(store: Store) -> None:
    # kept by the store, then the registrations schema 5 added
    history = ["first_seen", "last_changed", "retracted_at", "deleted_at", "seq", "retracted_seq", "registrations"]
    assert list(RECORD_COLUMNS) + history == _columns(store, "records")
    assert set(STORED_COLUMNS) <= set(_columns(store, "records"))
    assert set(STATE_COLUMNS) <= set(_columns(store, "records"))


def test_bookkeeping_columns_exist(store: Store) -> None:
    assert list(RUN_COLUMNS) == _columns(store, "runs")
    assert set(DIGEST_COLUMNS) <= set(_columns(store, "digests"))
