"""Orchestration: windows, watermarks, partial failures, locking and the key, against the fake E-utilities.

The fake server runs in-process on 127.0.0.1 without its rate check, and the
client gets a limiter and a sleep that do not wait, so these tests are fast;
pacing itself is tested in test_fetch.py and end to end in test_run_e2e.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from pathlib import Path

import pytest
import responses

from litscan.config import load_topic
from litscan.errors import StoreLockedError
from litscan.pipeline.run import (
    MDAT_OVERLAP_DAYS,
    OVERLAP_DAYS,
    plan_windows,
    run_topic,
    run_topics,
    term_digest,
)
from litscan.pubmed.eutils import EutilsClient
from litscan.pubmed.pacing import RateLimiter
from litscan.store import RecordFilter, Store
from litscan.tagging.tagger import Tagger
from tests.clock import FakeClock
from tests.fake_eutils import FakeEutils, FakeRecord, make_records

TOPIC_FILE = Path(__file__).resolve().parents[2] / "queries" / "ketamine-chronic-pain.toml"
KEY = "SECRETKEY0123456789abcdef"
JUNE = dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC)


@pytest.fixture
def topic():
    return dataclasses.replace(load_topic(TOPIC_FILE), start=dt.date(2020, 1, 1))


def fast_client(url: str, **kwargs) -> EutilsClient:
    clock = FakeClock(now=0.0)
    return EutilsClient(
        url,
        email="dev@example.org",
        clock=clock,
        sleep=clock.sleep,
        rng=random.Random(2),
        limiter=RateLimiter(0.0, 10_000, clock=clock, sleep=clock.sleep),
        **kwargs,
    )


def fake_server(records: list[FakeRecord], **kwargs) -> FakeEutils:
    return FakeEutils(records, rate_limit=None, **kwargs)


def run(store: Store, topic, client: EutilsClient, now: dt.datetime = JUNE, **kwargs):
    return run_topic(store, topic, client, tagger=Tagger.for_topic(topic), reports_dir=None, now=now, **kwargs)


def stored_pmids(store: Store, topic) -> set[str]:
    return {item.pmid for item in store.query(RecordFilter(topic=topic.name, include_deleted=True))}


def test_plan_first_run_backfills_then_overlaps(topic):
    today = dt.date(2026, 6, 1)
    assert plan_windows(topic, {}, today) == {"crdt": (topic.start, today)}
    state = {"start": topic.start.isoformat(), "through": "2026-05-20", "term": term_digest(topic)}
    lo = dt.date(2026, 5, 20) - dt.timedelta(days=OVERLAP_DAYS)
    mdat_lo = dt.date(2026, 5, 20) - dt.timedelta(days=MDAT_OVERLAP_DAYS)
    assert plan_windows(topic, state, today) == {"crdt": (lo, today), "mdat": (mdat_lo, today)}
    moved = dataclasses.replace(topic, start=dt.date(2010, 1, 1))
    assert plan_windows(moved, state, today) == {"crdt": (dt.date(2010, 1, 1), today)}
    # An edited term must reach back to start too, or older records it now matches are never fetched.
    edited = dataclasses.replace(topic, term=topic.term + " OR arketamine[ti]")
    assert plan_windows(edited, state, today) == {"crdt": (topic.start, today)}


def test_backfill_then_increment_fetches_only_new_and_revised(store, topic):
    records = make_records(300, first_day=dt.date(2025, 1, 1), last_day=dt.date(2026, 5, 31))
    with fake_server(records) as fake:
        client = fast_client(fake.url)
        first = run(store, topic, client)
        assert first.ok, first.message
        assert first.summary.new == 300 and len(stored_pmids(store, topic)) == 300
        assert store.topic_state(topic.name)["through"] == "2026-06-01"

        new = [FakeRecord(40_000_000 + i, dt.date(2026, 6, 3), dt.date(2026, 6, 3)) for i in range(8)]
        fake.add(new)
        revised = [r.pmid for r in records[:5]]
        fake.retract(revised, on=dt.date(2026, 6, 3))
        before = len(fake.requests)
        second = run(store, topic, client, now=dt.datetime(2026, 6, 4, tzinfo=dt.UTC))
        assert second.ok, second.message
        assert (second.summary.new, second.summary.updated) == (8, 5)
        assert len(fake.requests) - before == 3  # crdt search, mdat search, one efetch
        assert second.requests == 3
    for pmid in revised:
        assert store.get(pmid).record.retracted
    assert store.count(RecordFilter(topic=topic.name)) == 308
    assert store.topic_state(topic.name)["through"] == "2026-06-04"
    assert [r["status"] for r in store.runs(topic.name)] == ["ok", "ok"]
    assert store.runs(topic.name)[0]["detail"]["requests"] == 3


def test_rerun_without_changes_fetches_nothing_new(store, topic):
    with fake_server(make_records(50, first_day=dt.date(2026, 5, 1), last_day=dt.date(2026, 5, 20))) as fake:
        client = fast_client(fake.url)
        assert run(store, topic, client).ok
        again = run(store, topic, client, now=JUNE + dt.timedelta(hours=1))
    assert again.ok and again.fetched == 0 and again.requests == 2
    assert fake.count("efetch") == 1 and again.summary.new == 0


def test_records_modified_in_the_overlap_are_fetched_again_but_not_rewritten(store, topic):
    with fake_server(make_records(10, first_day=dt.date(2026, 5, 31))) as fake:
        client = fast_client(fake.url)
        assert run(store, topic, client).ok
        again = run(store, topic, client, now=JUNE + dt.timedelta(hours=1))
    assert again.ok and again.fetched == 10
    assert again.summary.unchanged == 10 and again.summary.updated == 0


def test_failed_run_keeps_finished_batches_but_not_the_watermark(store, topic):
    records = make_records(1200, first_day=dt.date(2025, 1, 1), last_day=dt.date(2026, 5, 1))
    with fake_server(records) as fake:
        client = fast_client(fake.url, max_attempts=3)

        def break_after_first_batch(name: str, done: int, total: int) -> None:
            if done == 500:
                fake.inject("500", "efetch", times=50)

        failed = run(store, topic, client, progress=break_after_first_batch)
        assert not failed.ok and failed.exit_code == 4
        assert "nothing marked done" in failed.message and "gave up after 3 attempts" in failed.message
        assert store.topic_state(topic.name) == {}
        assert store.runs(topic.name)[0]["status"] == "failed"
        assert len(stored_pmids(store, topic)) == 500  # whole batches only

        fake.faults.clear()
        retry = run(store, topic, client)
        assert retry.ok, retry.message
        assert retry.summary.new == 700 and retry.fetched == 700
    assert len(stored_pmids(store, topic)) == 1200
    assert store.topic_state(topic.name)["through"] == "2026-06-01"


def test_lost_history_search_again_then_fall_back_to_ids(store, topic):
    records = make_records(1200, first_day=dt.date(2025, 1, 1), last_day=dt.date(2026, 5, 1))
    with fake_server(records, forget_history=True) as fake:
        result = run(store, topic, fast_client(fake.url))
    assert result.ok, result.message
    assert len(stored_pmids(store, topic)) == 1200 and result.summary.new == 1200
    webenv_fetches = [r for r in fake.requests if r.util == "efetch" and "WebEnv" in r.params]
    assert len(webenv_fetches) == 2  # the first try, and one after searching again


def test_faults_of_every_kind_are_survived(store, topic):
    records = make_records(1100, first_day=dt.date(2025, 1, 1), last_day=dt.date(2026, 5, 1))
    with fake_server(records) as fake:
        for kind in ("500", "502", "429", "429-retry-after", "rate-json-200", "truncated", "error", "drop"):
            fake.inject(kind, "esearch")
            fake.inject(kind, "efetch")
        result = run(store, topic, fast_client(fake.url, max_attempts=20, max_retry_seconds=10_000))
    assert result.ok, result.message
    assert result.summary.new == 1100 and len(stored_pmids(store, topic)) == 1100


class DroppingServer(FakeEutils):
    """PubMed lists a PMID in esearch but efetch never returns it."""

    @staticmethod
    def article_set(records):
        return FakeEutils.article_set([r for r in records if r.pmid != 30000007])


def test_ids_efetch_never_returns_fail_the_run(store, topic):
    records = make_records(20, first_day=dt.date(2026, 5, 1))
    with DroppingServer(records, rate_limit=None) as fake:
        result = run(store, topic, fast_client(fake.url))
    assert not result.ok
    assert "1 of 20 PMIDs" in result.message and "30000007" in result.message
    assert fake.count("efetch") == 2  # the batch, then one targeted second try
    assert len(stored_pmids(store, topic)) == 19
    assert store.topic_state(topic.name) == {}


class MiscountingServer(FakeEutils):
    """esearch's count says one more record than it can list."""

    def esearch(self, params):
        status, ctype, body = super().esearch(params)
        return status, ctype, body.replace(b'"count": "20"', b'"count": "21"')


def test_count_that_ids_never_reach_fails_the_run(store, topic):
    with MiscountingServer(make_records(20, first_day=dt.date(2026, 5, 1)), rate_limit=None) as fake:
        result = run(store, topic, fast_client(fake.url, max_attempts=2))
    assert not result.ok and "count 21" in result.message
    assert store.topic_state(topic.name) == {}
    assert fake.count("efetch") == 0


def test_service_down_fails_fast_and_marks_nothing(store, topic):
    clock = FakeClock(now=0.0)
    client = EutilsClient("http://127.0.0.1:9/", clock=clock, sleep=clock.sleep)
    result = run(store, topic, client)
    assert not result.ok and result.exit_code == 4
    assert "gave up after" in result.message and "cannot connect to 127.0.0.1:9" in result.message
    assert clock.now < 120
    assert store.topic_state(topic.name) == {}
    assert store.runs(topic.name)[0]["status"] == "failed"


def test_second_run_on_a_locked_store_exits_cleanly(store, topic, db_path):
    with Store.open(db_path) as other, other.exclusive(), pytest.raises(StoreLockedError, match="another litscan"):
        run_topics(store, [topic], fast_client("http://127.0.0.1:9/"), reports_dir=None, lock_wait=0.3)
    assert store.runs() == []


@responses.activate
def test_rejected_key_stops_every_topic_and_is_stored_nowhere(store, topic, db_path):
    url = "https://eutils.test/"
    responses.post(
        url + "esearch.fcgi",
        status=400,
        json={"error": "API key invalid", "api-key": KEY, "type": "invalid", "status": "unknown"},
    )
    other = dataclasses.replace(topic, name="second-topic")
    results = run_topics(store, [topic, other], fast_client(url, api_key=KEY), reports_dir=None, now=JUNE)
    assert [r.ok for r in results] == [False, False]
    assert len(responses.calls) == 1
    assert all("API key" in r.message and KEY not in r.message for r in results)
    store.close()
    for path in db_path.parent.iterdir():
        assert KEY.encode() not in path.read_bytes()


def test_digest_is_written_after_a_complete_run(store, topic, tmp_path):
    with fake_server(make_records(30, first_day=dt.date(2026, 5, 1), last_day=dt.date(2026, 5, 30))) as fake:
        result = run_topic(
            store,
            topic,
            fast_client(fake.url),
            tagger=Tagger.for_topic(topic),
            reports_dir=tmp_path / "reports",
            now=JUNE,
        )
    assert result.ok, result.message
    assert result.digest_path is not None and result.digest_path.is_file()
    assert store.digests(topic.name)
