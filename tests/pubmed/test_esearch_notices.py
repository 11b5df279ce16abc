"""Everything esearch says about a term is heard (issue 11 point 4): the five in-band lists (phrases
and fields not found, quoted phrases not found, phrases ignored, output messages) reach stderr, the
run's record in the runs table, and the digest's query section.

Against ``responses`` for the reading, the fake E-utilities (127.0.0.1) for the run and the command.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import responses

from litscan.config import load_topic
from litscan.pipeline.run import run_topic
from litscan.pubmed.eutils import EutilsClient
from litscan.pubmed.pacing import RateLimiter
from litscan.store import Store
from litscan.tagging.tagger import Tagger
from tests.clock import FakeClock
from tests.fake_eutils import FakeEutils, make_records

ROOT = Path(__file__).resolve().parents[2]
TOPIC_FILE = ROOT / "queries" / "ketamine-chronic-pain.toml"
B = "https://eutils.example/entrez/eutils/"
NOTICES = {
    "errorlist": {"phrasesnotfound": ["ketamnie"], "fieldsnotfound": ["[tiabx]"]},
    "warninglist": {
        "quotedphrasesnotfound": ['"ketamine dreams"'],
        "phrasesignored": ["of"],
        "outputmessages": ["Wildcard search for 'pain*' used only the first 600 variations"],
    },
}
# One per kind, as they must be heard: the kind in words, then what PubMed named.
HEARD = [
    "phrase not found, searched without it: ketamnie",
    "field not found, searched without it: [tiabx]",
    'quoted phrase not found: "ketamine dreams"',
    "phrase ignored: of",
    "PubMed says: Wildcard search for 'pain*' used only the first 600 variations",
]


def fast_client(url: str) -> EutilsClient:
    clock = FakeClock(now=0.0)
    limiter = RateLimiter(0.0, 10_000, clock=clock, sleep=clock.sleep)
    return EutilsClient(
        url, email="dev@example.org", clock=clock, sleep=clock.sleep, rng=random.Random(1), limiter=limiter
    )


@responses.activate
def test_every_kind_of_notice_is_read_and_no_items_found_is_not_one():
    body = {"count": "2", "retmax": "2", "retstart": "0", "idlist": ["2", "1"], **NOTICES}
    responses.get(B + "esearch.fcgi", json={"header": {"type": "esearch"}, "esearchresult": body})
    result = fast_client(B).esearch("ketamnie OR ketamine")
    assert list(result.notices) == HEARD
    assert result.phrases_not_found == ("ketamnie", "[tiabx]")
    empty = {"count": "0", "retmax": "0", "retstart": "0", "idlist": []}
    empty["warninglist"] = {"phrasesignored": [], "quotedphrasesnotfound": [], "outputmessages": ["No items found."]}
    responses.get(B + "esearch.fcgi", json={"header": {"type": "esearch"}, "esearchresult": empty})
    assert fast_client(B).esearch("ketamine").notices == ()


def test_a_run_logs_stores_and_digests_what_pubmed_said(tmp_path, caplog):
    topic = dataclasses.replace(load_topic(TOPIC_FILE), start=dt.date(2026, 5, 1))
    records = make_records(12, first_day=dt.date(2026, 5, 2), last_day=dt.date(2026, 5, 20))
    with Store.open(tmp_path / "s.sqlite") as store, FakeEutils(records, rate_limit=None, term_notices=NOTICES) as fake:
        with caplog.at_level(logging.WARNING):
            result = run_topic(
                store,
                topic,
                fast_client(fake.url),
                tagger=Tagger.for_topic(topic),
                reports_dir=tmp_path / "reports",
                now=dt.datetime(2026, 6, 1, tzinfo=dt.UTC),
            )
        assert result.ok, result.message
        assert result.summary.new == 12  # PubMed searched without what it dropped: the hits are kept
        assert result.warnings == HEARD  # each once, though both windows' searches said it
        logged = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
        assert all(any(heard in line for line in logged) for heard in HEARD), logged
        [run] = store.runs(topic.name)
        assert run["status"] == "ok" and run["detail"]["warnings"] == HEARD
    assert result.digest_path is not None
    page = result.digest_path.read_text(encoding="utf-8")
    query = page[page.index('<details class="query"') : page.index("</details>", page.index('<details class="query"'))]
    assert "PubMed did not search it as written" in query
    for heard in HEARD:
        assert heard.replace('"', "&#34;").replace("'", "&#39;") in query


@pytest.mark.slow
def test_the_run_command_says_it_on_stderr_and_keeps_it_in_the_runs_table(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NCBI_", "LITSCAN_"))}
    # TMPDIR holds the pace file: this run paces alone.
    env.update(NCBI_EMAIL="dev@example.org", LITSCAN_CONFIG=str(tmp_path / "none.toml"), TMPDIR=str(tmp_path))
    records = make_records(5, first_day=dt.date(2025, 1, 2), last_day=dt.date(2025, 1, 20))
    db = tmp_path / "s.sqlite"
    with FakeEutils(records, rate_limit=None, term_notices=NOTICES) as fake:
        command = [sys.executable, "-m", "litscan", "run", str(TOPIC_FILE), "--db", str(db)]
        command += ["--reports", str(tmp_path / "r"), "--eutils-url", fake.url]
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    for heard in HEARD:
        assert heard in result.stderr, result.stderr
    with sqlite3.connect(db) as connection:
        [(detail,)] = connection.execute("SELECT detail FROM runs WHERE kind = 'fetch'").fetchall()
    assert json.loads(detail)["warnings"] == HEARD
