"""Fixtures of the digest tests: the page of page_records (the browser is tests/conftest.py's)."""

from __future__ import annotations

from pathlib import Path

import pytest

from litscan.digest import context as digest_module
from litscan.digest.labels import FALLBACK
from litscan.digest.writer import write_digest
from litscan.store import Store

from . import page_records


@pytest.fixture
def pinned_labels(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fallback labels, not the topic's vocabulary (edited elsewhere): these tests are about the digest."""
    monkeypatch.setattr(digest_module, "labels_for_topic", lambda topic: FALLBACK)


@pytest.fixture(scope="session")
def records_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The digest of page_records' period, written once per test process."""
    tmp = tmp_path_factory.mktemp("records-page")
    patch = pytest.MonkeyPatch()
    patch.setattr(digest_module, "labels_for_topic", lambda topic: FALLBACK)
    try:
        with Store.open(tmp / "p.sqlite") as store:
            page_records.fill(store)
            topic = page_records.make_topic(tmp)
            since, until, ran_at = page_records.SINCE, page_records.UNTIL, page_records.RAN_AT
            result = write_digest(store, topic, reports_dir=tmp / "reports", since=since, until=until, ran_at=ran_at)
    finally:
        patch.undo()
    return result.path
