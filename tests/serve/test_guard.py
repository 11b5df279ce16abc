"""Cross-site requests that would change decisions are refused, and change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from litscan.config import Topic

from . import serve_data
from .conftest import token_of

URL = "/ketamine-chronic-pain/601"


def refused(client: FlaskClient, db: Path, status: int, **kwargs: object) -> None:
    """The POST is answered ``status`` and no decision is written."""
    before = serve_data.decision_count(db)
    answer = client.post(URL, **kwargs)  # type: ignore[arg-type]
    assert answer.status_code == status, answer.text
    assert serve_data.decision_count(db) == before
    assert "601" not in serve_data.latest(db)


def test_a_post_without_the_token_is_refused(client: FlaskClient, filled: tuple[Path, Topic]) -> None:
    db, _ = filled
    token_of(client, URL)  # the session exists, the form's token is left out
    refused(client, db, 400, data={"choice": "include"})


def test_a_post_before_any_page_was_opened_is_refused(client: FlaskClient, filled: tuple[Path, Topic]) -> None:
    db, _ = filled
    refused(client, db, 400, data={"choice": "include", "csrf_token": ""})


def test_a_wrong_token_is_refused(client: FlaskClient, filled: tuple[Path, Topic]) -> None:
    db, _ = filled
    token = token_of(client, URL)
    refused(client, db, 400, data={"choice": "include", "csrf_token": token[:-2] + "xx"})
    refused(client, db, 400, data={"choice": "include", "csrf_token": "é" * 10})  # not even ASCII


def test_another_sessions_token_is_refused(app: Flask, filled: tuple[Path, Topic]) -> None:
    db, _ = filled
    theirs = token_of(app.test_client(), URL)
    mine = app.test_client()
    token_of(mine, URL)
    refused(mine, db, 400, data={"choice": "include", "csrf_token": theirs})


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "http://localhost:9999"},  # another port is another origin
        {"Origin": "null"},  # a sandboxed frame or a file:// page
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},  # another port or subdomain of the same site
        {"Sec-Fetch-Site": "same-origin", "Origin": "https://evil.example"},
    ],
)
def test_a_post_from_another_origin_is_refused_even_with_the_token(
    client: FlaskClient, filled: tuple[Path, Topic], headers: dict[str, str]
) -> None:
    db, _ = filled
    token = token_of(client, URL)
    refused(client, db, 403, data={"choice": "include", "csrf_token": token}, headers=headers)


def test_a_post_from_the_apps_own_page_is_accepted(client: FlaskClient, filled: tuple[Path, Topic]) -> None:
    db, _ = filled
    token = token_of(client, URL)
    headers = {"Origin": "http://localhost", "Sec-Fetch-Site": "same-origin"}
    answer = client.post(URL, data={"choice": "include", "csrf_token": token}, headers=headers)
    assert answer.status_code == 303
    assert serve_data.latest(db)["601"] == ("include", None, None)
    # A script of the page may send the token in a header instead.
    answer = client.post(URL, data={"choice": "maybe"}, headers={"X-CSRF-Token": token})
    assert answer.status_code == 303
    assert serve_data.latest(db)["601"] == ("maybe", None, None)


def test_another_host_name_is_refused(client: FlaskClient, filled: tuple[Path, Topic]) -> None:
    """DNS rebinding: a page of evil.example whose name now points at 127.0.0.1 would be same-origin."""
    db, _ = filled
    assert client.get(URL, headers={"Host": "evil.example"}).status_code == 400
    token = token_of(client, URL)
    refused(client, db, 400, data={"choice": "include", "csrf_token": token}, headers={"Host": "evil.example:80"})
    assert client.get(URL, headers={"Host": "127.0.0.1:8765"}).status_code == 200


def test_the_session_cookie_stays_on_this_site(client: FlaskClient) -> None:
    answer = client.get(URL)
    cookie = answer.headers["Set-Cookie"]
    assert "SameSite=Strict" in cookie
    assert "HttpOnly" in cookie
