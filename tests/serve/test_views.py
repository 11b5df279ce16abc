"""Every page of the screening app through Flask's test client: what it shows, and what a decision stores."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from litscan.config import Topic
from litscan.errors import InputError
from litscan.serve import ServeSettings, create_app
from litscan.store import Store

from . import serve_data
from .conftest import token_of

LIST = "/ketamine-chronic-pain/"
ROW = re.compile(r'<li class="row[^"]*" id="r-(\d+)"')


def record_url(pmid: str) -> str:
    return f"/ketamine-chronic-pain/{pmid}"


def rows(html: str) -> list[str]:
    return ROW.findall(html)


def post(client: FlaskClient, pmid: str, token: str, **form: str) -> object:
    return client.post(record_url(pmid), data={"csrf_token": token, **form})


def test_the_index_opens_the_only_topic_and_lists_several(filled: tuple[Path, Topic]) -> None:
    db, topic = filled
    one = create_app(ServeSettings(db, [topic])).test_client().get("/")
    assert one.status_code == 302
    assert one.headers["Location"] == LIST
    other = dataclasses.replace(topic, name="other-topic", title="Another <topic>")
    page = create_app(ServeSettings(db, [topic, other])).test_client().get("/")
    assert page.status_code == 200
    assert "Another &lt;topic&gt;" in page.text
    assert "<td>7</td>\n      <td>6</td>" in page.text  # the topic's records, and those to screen
    assert "<td>0</td>\n      <td>0</td>" in page.text  # the other topic has none


def test_the_list_holds_the_undecided_most_likely_inclusions_first(client: FlaskClient) -> None:
    page = client.get(LIST)
    assert page.status_code == 200
    assert rows(page.text) == ["601", "602", "607", "604", "603", "605"]  # 606 was included already
    assert "6 of 7 records to screen" in page.text
    changed = page.text.split('id="r-607"')[1].split("</li>")[0]
    assert "Changed since screened" in changed
    assert "exclude (Wrong study design)" in changed  # the decision PubMed's revision reopened
    every = client.get(LIST + "?show=all")
    assert rows(every.text) == ["601", "606", "602", "607", "604", "603", "605"]


def test_a_record_shows_its_text_with_the_evidence_marked(client: FlaskClient) -> None:
    page = client.get(record_url("601"))
    assert page.status_code == 200
    text = page.text
    assert "We searched five databases and pooled randomised trials of" in text
    assert '<strong class="label">METHODS:</strong>' in text
    # The route's sentence is marked in the methods, and the word the reason quotes inside it.
    assert re.search(r'<mark class="ev" title="[^"]*Route: Intravenous[^"]*">We searched', text)
    assert '<mark class="ev key" title="Route: Intravenous">intravenous</mark>' in text
    assert '<mark class="ev key" title="Design: Systematic review">systematic review</mark>' in text  # in the title
    assert "Design: Systematic review" in text
    assert 'rel="next" href="/ketamine-chronic-pain/602?show=undecided"' in text
    assert 'rel="prev"' not in text  # the first record to screen
    assert "1 of 6" in text
    for reason in ("exclude:wrong_population", "exclude:duplicate"):  # the topic's own reasons
        assert f'value="{reason}"' in text


def test_outside_text_is_escaped(client: FlaskClient) -> None:
    page = client.get(record_url("604"))
    assert page.status_code == 200
    assert "<script>window.pwned" not in page.text
    assert "<img src=x" not in page.text
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in page.text
    assert "<script>window.pwned" not in client.get(LIST).text


@pytest.mark.parametrize("url", ["/nope/", "/nope/601", record_url("999999"), record_url("abc")])
def test_unknown_topics_and_records_are_not_found(client: FlaskClient, url: str) -> None:
    page = client.get(url)
    assert page.status_code == 404
    assert 'role="alert"' in page.text


def test_deciding_stores_it_at_once_and_moves_on(client: FlaskClient, filled: tuple[Path, Topic]) -> None:
    db, topic = filled
    token = token_of(client, record_url("601"))
    answer = post(client, "601", token, choice="include", note="  clear   case ")
    assert answer.status_code == 303
    assert answer.headers["Location"] == "/ketamine-chronic-pain/602?show=undecided"
    with Store.open(db) as store:
        latest = store.latest_decisions(topic.name)["601"]
    assert (latest.decision, latest.reason, latest.note, latest.by, latest.source) == (
        "include",
        None,
        "clear case",
        "tester",
        "web",
    )
    following = client.get(answer.headers["Location"])
    assert "Included: PMID 601" in following.text  # said once, on the next page
    assert 'rel="prev" href="/ketamine-chronic-pain/601?show=undecided"' in following.text  # still in the walk
    assert rows(client.get(LIST).text) == ["601", "602", "607", "604", "603", "605"]  # decided in this sitting


def test_exclude_takes_a_reason_from_the_topic(client: FlaskClient, filled: tuple[Path, Topic]) -> None:
    db, _ = filled
    token = token_of(client, record_url("602"))
    assert post(client, "602", token, choice="exclude:wrong_population").status_code == 303
    assert serve_data.latest(db)["602"] == ("exclude", "wrong_population", None)
    answer = post(client, "603", token, choice="exclude", reason="acute_pain_only")
    assert answer.status_code == 303
    assert serve_data.latest(db)["603"] == ("exclude", "acute_pain_only", None)
    assert "Excluded: PMID 603 (acute_pain_only)" in client.get(answer.headers["Location"]).text


@pytest.mark.parametrize(
    "form",
    [
        {"choice": "exclude:not_a_reason"},
        {"choice": "exclude"},  # the topic has reasons: one must be chosen
        {"choice": "include:wrong_population"},
        {"choice": "delete"},
        {},
        {"choice": "maybe", "note": "x" * 5000},
    ],
)
def test_a_refused_decision_says_why_and_stores_nothing(
    client: FlaskClient, filled: tuple[Path, Topic], form: dict[str, str]
) -> None:
    db, _ = filled
    before = serve_data.decision_count(db)
    token = token_of(client, record_url("601"))
    answer = post(client, "601", token, **form)
    assert answer.status_code == 400
    assert 'class="error" role="alert"' in answer.text
    assert 'data-pmid="601"' in answer.text  # the same record, again
    assert serve_data.decision_count(db) == before


def test_a_record_of_no_topic_cannot_be_decided(client: FlaskClient, filled: tuple[Path, Topic]) -> None:
    db, _ = filled
    before = serve_data.decision_count(db)
    token = token_of(client, record_url("601"))
    assert post(client, "999999", token, choice="include").status_code == 404
    assert post(client, "601", token, choice="include", back="list", reason="").status_code == 303
    assert serve_data.decision_count(db) == before + 1


def test_deciding_from_the_list_returns_to_the_next_row(client: FlaskClient, filled: tuple[Path, Topic]) -> None:
    db, _ = filled
    token = token_of(client, LIST)
    answer = post(client, "607", token, choice="maybe", back="list", page="1")
    assert answer.status_code == 303
    assert answer.headers["Location"] == "/ketamine-chronic-pain/?show=undecided&page=1#r-604"
    assert serve_data.latest(db)["607"] == ("maybe", None, None)
    refused = post(client, "604", token, choice="exclude:nonsense", back="list")
    assert refused.status_code == 400
    assert "nonsense" in refused.text


def test_a_record_changed_since_screened_is_shown_again_until_decided_again(client: FlaskClient) -> None:
    page = client.get(record_url("607"))
    assert "Changed since screened" in page.text
    assert "PubMed has revised the record since" in page.text
    assert "exclude (Wrong study design)</strong> by earlier" in page.text
    assert "Earlier decisions (1)" in page.text
    token = token_of(client, record_url("607"))
    assert post(client, "607", token, choice="exclude:wrong_design").status_code == 303
    again = client.get(record_url("607"))
    assert "Changed since screened" not in again.text
    assert "Earlier decisions (2)" in again.text


def test_the_last_decision_leads_back_to_the_list(client: FlaskClient) -> None:
    token = token_of(client, LIST)
    for pmid in serve_data.UNDECIDED[:-1]:
        assert post(client, pmid, token, choice="maybe").status_code == 303
    last = post(client, serve_data.UNDECIDED[-1], token, choice="include")
    assert last.headers["Location"] == "/ketamine-chronic-pain/?show=undecided"
    fresh = create_app(ServeSettings(*_settings(client))).test_client()  # a new sitting: nothing left
    page = fresh.get(LIST)
    assert "Nothing to screen" in page.text
    assert rows(page.text) == []
    assert "Screen one at a time" not in page.text


def _settings(client: FlaskClient) -> tuple[Path, list[Topic]]:
    served = client.application.extensions["litscan"]
    return served.settings.db, list(served.settings.topics)


def test_walking_every_record_goes_through_decided_ones(client: FlaskClient) -> None:
    page = client.get(record_url("601") + "?show=all")
    assert 'rel="next" href="/ketamine-chronic-pain/606?show=all"' in page.text
    decided = client.get(record_url("606") + "?show=all")
    assert "Screened: <strong>include</strong> by earlier" in decided.text
    assert "2 of 7" in decided.text
    outside = client.get(record_url("606"))  # not in the walk of the undecided
    assert "not in this list" in outside.text


def test_static_files_and_headers(client: FlaskClient) -> None:
    for name, kind in (("serve.js", "javascript"), ("serve.css", "text/css"), ("favicon.svg", "image/svg+xml")):
        answer = client.get(f"/static/{name}")
        assert answer.status_code == 200
        assert kind in answer.headers["Content-Type"]
    page = client.get(LIST)
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]
    assert page.headers["X-Content-Type-Options"] == "nosniff"


def test_a_store_that_is_not_there_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no litscan store"):
        create_app(ServeSettings(tmp_path / "missing.sqlite", [serve_data.topic()]))
    assert not (tmp_path / "missing.sqlite").exists()
