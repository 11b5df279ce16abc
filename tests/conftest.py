"""Shared fixtures: a fresh store per test, small records built in code, and the browser."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from litscan.models import AbstractSection, Author, PartialDate, PublicationType, Record, Tags
from litscan.store import Store

FIXTURES = Path(__file__).parent / "fixtures"

# The test modules, as pytest rewrites them for its assert messages, are cached as bytecode even where
# PYTHONDONTWRITEBYTECODE is set: else each test process rewrites all ~100 of them at every run, about
# 2 s of CPU per process, four processes a run. The files go to __pycache__, which git ignores.
sys.dont_write_bytecode = False


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite"


@pytest.fixture
def store(db_path: Path):
    with Store.open(db_path) as opened:
        yield opened


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium per test process, for the digest's and the screening app's browser tests.

    Started once: each Playwright start and Chromium launch costs about a second of CPU. One for the
    whole process also because a Playwright left running holds an asyncio loop that keeps a second
    one from starting.
    """
    from tests.digest.chromium import launch, missing

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("playwright (python) is not installed")
    with sync_playwright() as playwright:
        launched = launch(playwright)
        yield launched
        launched.close()


@pytest.fixture
def browser(chromium: Any) -> Iterator[Any]:
    """The process's Chromium; whatever a test leaves open in it is closed after the test."""
    yield chromium
    for context in chromium.contexts:
        context.close()


def make_record(pmid: str, title: str = "Ketamine infusion for CRPS", **overrides) -> Record:
    """A small article; pass overrides for the fields a test is about."""
    values = dict(
        pmid=pmid,
        title=title,
        abstract_sections=(AbstractSection("Adults received ketamine.", label="METHODS", category="METHODS"),),
        journal="Journal of Invented Results",
        pub_date=PartialDate(2024, 5, 1, raw="2024 May 1"),
        authors=(Author(last_name="Doe", fore_name="Jane", initials="J"),),
        publication_types=(PublicationType("Journal Article", "D016428"),),
        languages=("eng",),
    )
    values.update(overrides)
    return Record(**values)


def fixed_tagger(conditions=("crps",), routes=("intravenous",), design="rct", on_topic=True):
    """A tagger that labels every record alike and counts its calls."""

    def tag(record: Record) -> Tags:
        tag.calls.append(record.pmid)
        return Tags(on_topic=on_topic, conditions=tuple(conditions), routes=tuple(routes), design=design)

    tag.calls = []
    return tag


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Start the longest tests first: with several workers (pytest-xdist), a long test that starts
    last keeps the whole run waiting. Marked ``slow`` in their modules; otherwise the order is kept."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
