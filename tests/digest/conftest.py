"""Fixtures of the digest tests: one headless Chromium per test process."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .chromium import launch, missing


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("playwright (python) is not installed")
    with sync_playwright() as playwright:
        launched = launch(playwright)
        yield launched
        launched.close()
