"""Each request has a total deadline: a server that trickles its reply cannot hold a run (issue 15, point 8).

The fake E-utilities on 127.0.0.1 sends one byte every ``trickle_seconds``: often
enough that no read ever times out, too slowly for the reply to finish. The
deadlines here are small, set through the client's constructor.
"""

from __future__ import annotations

import time

import pytest

from litscan.errors import TransientFetchError
from litscan.pubmed.eutils import EutilsClient
from litscan.pubmed.pacing import RateLimiter
from tests.fake_eutils import FakeEutils, make_records


def client_for(url: str, **kwargs) -> EutilsClient:
    return EutilsClient(url, limiter=RateLimiter(0.0, 10_000), backoff_base=0.2, **kwargs)


@pytest.mark.parametrize("kind", ["trickle", "trickle-all"])
def test_a_trickling_reply_is_cut_at_the_deadline_and_retries_stay_in_the_budget(kind):
    with FakeEutils(make_records(3), rate_limit=None, trickle_seconds=0.2) as fake:
        fake.inject(kind, times=20)
        client = client_for(fake.url, deadline=1.0, max_retry_seconds=2.5, timeout=(1.0, 1.0))
        started = time.monotonic()
        with pytest.raises(TransientFetchError, match=r"no complete reply from 127\.0\.0\.1:\d+ within 1s") as info:
            client.esearch("ketamine")
        seconds = time.monotonic() - started
        attempts = fake.count(answer=kind)
    assert 2 <= attempts <= 4 and f"gave up after {attempts} attempts" in str(info.value)
    assert 2.0 < seconds < 4.0  # the 2.5 s budget, with at most one short last attempt past it


def test_a_reply_that_ends_in_time_is_not_cut_however_slowly_each_byte_comes():
    # Half a second for the whole reply, in 2 ms bytes: well within the 5 s deadline, so it is read whole.
    with FakeEutils(make_records(2), rate_limit=None, trickle_seconds=0.002) as fake:
        fake.inject("trickle")
        client = client_for(fake.url, deadline=5.0, timeout=(1.0, 1.0))
        result = client.esearch("ketamine")
    assert result.count == 2 and client.stats.retries == 0


def test_a_deadline_that_passes_after_the_reply_harms_no_later_request():
    with FakeEutils(make_records(2), rate_limit=None) as fake:
        client = client_for(fake.url, deadline=0.2)
        assert client.esearch("ketamine").count == 2
        time.sleep(0.4)  # the first request's deadline passes while its connection sits in the pool
        assert client.esearch("ketamine").count == 2
        assert client.stats.retries == 0 and len(fake.requests) == 2


def test_each_attempt_gets_what_is_left_of_the_retry_budget():
    now = [0.0]
    client = EutilsClient("http://127.0.0.1:9/", clock=lambda: now[0], deadline=60.0, max_retry_seconds=100.0)
    assert client._attempt_seconds(0.0) == 60.0
    now[0] = 95.0
    assert client._attempt_seconds(0.0) == 5.0
    now[0] = 99.9
    assert client._attempt_seconds(0.0) == 1.0  # a last attempt is worth a second, not a tenth
