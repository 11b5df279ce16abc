"""Fixtures of the digest tests: one headless Chromium per test module, and the page of page_records."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from litscan.digest import context as digest_module
from litscan.digest.labels import FALLBACK
from litscan.digest.writer import write_digest
from litscan.store import Store

from . import page_records
from .chromium import launch, missing


# Per module, not per session: a Playwright left running holds an asyncio loop that stops any other
# module (tests/serve) in the same process from starting Playwright's sync API.
@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("playwright (python) is not installed")
    with sync_playwright() as playwright:
        launched = launch(playwright)
        yield launched
        launched.close()


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
