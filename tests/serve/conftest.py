"""Fixtures for the screening app: a filled store, the app on it, and a test client that holds a session."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from litscan.config import Topic
from litscan.serve import ServeSettings, create_app

from . import serve_data

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture(scope="session")
def filled_once(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Topic]:
    db = tmp_path_factory.mktemp("serve") / "screen.sqlite"
    return db, serve_data.fill(db)


@pytest.fixture
def filled(tmp_path: Path, filled_once: tuple[Path, Topic]) -> tuple[Path, Topic]:
    """A store of its own for each test: a copy of the one ``serve_data.fill`` wrote (filling it for
    each test, the tagging and decisions again, cost ten times the CPU)."""
    original, topic = filled_once
    db = tmp_path / "screen.sqlite"
    shutil.copyfile(original, db)
    return db, topic


@pytest.fixture
def app(filled: tuple[Path, Topic]) -> Flask:
    db, topic = filled
    return create_app(ServeSettings(db, [topic], reviewer="tester"))


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def token_of(client: FlaskClient, url: str) -> str:
    """The CSRF token of the page at ``url`` (opening it starts the client's session)."""
    page = client.get(url)
    assert page.status_code == 200, page.text
    found = TOKEN.search(page.text)
    assert found, "the page has no decision form"
    return found.group(1)
