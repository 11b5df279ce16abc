"""The request pacer: NCBI's 3 (or 10) requests per second, within a process and across processes (F06)."""

from __future__ import annotations

import itertools

import pytest

from litscan.pubmed.pacing import RateLimiter


class FakeClock:
    """monotonic() and sleep() in one: sleeping only moves the clock."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def test_f06_limiter_never_allows_more_than_three_in_a_rolling_second(clock):
    limiter = RateLimiter.for_key(False, clock=clock, sleep=clock.sleep)
    stamps = []
    for _ in range(40):
        limiter.wait()
        stamps.append(clock())
    assert all(b - a >= 0.37 - 1e-9 for a, b in itertools.pairwise(stamps))
    assert all(stamps[i + 3] - stamps[i] > 1.0 for i in range(len(stamps) - 3))


def test_f06_limiter_with_key_allows_ten(clock):
    limiter = RateLimiter.for_key(True, clock=clock, sleep=clock.sleep)
    stamps = []
    for _ in range(60):
        limiter.wait()
        stamps.append(clock())
    assert all(stamps[i + 10] - stamps[i] > 1.0 for i in range(len(stamps) - 10))
    assert stamps[-1] - stamps[0] < 60 * 0.12  # and it does use the faster rate


def test_f06_limiter_paces_twelve_threads_together():
    import threading
    import time as real_time

    limiter = RateLimiter(0.02, 3, clock=real_time.monotonic, sleep=real_time.sleep)
    limiter.window = 0.2  # scaled down: 3 per 0.2 s, so the test takes about a second
    stamps: list[float] = []

    def job() -> None:
        for _ in range(2):
            limiter.wait()
            stamps.append(real_time.monotonic())

    threads = [threading.Thread(target=job) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stamps.sort()
    assert len(stamps) == 24
    assert all(stamps[i + 3] - stamps[i] >= 0.2 - 1e-3 for i in range(len(stamps) - 3))


def test_limiters_sharing_a_pace_file_keep_one_pace(clock, tmp_path):
    # Two processes are two limiters with one file; Linux's monotonic clock is one clock for both.
    shared = tmp_path / "pace"
    first, second = (RateLimiter.for_key(False, clock=clock, sleep=clock.sleep, shared=shared) for _ in range(2))
    stamps = []
    for _ in range(10):
        for limiter in (first, second):
            limiter.wait()
            stamps.append(clock())
    assert all(b - a >= 0.37 - 1e-9 for a, b in itertools.pairwise(stamps))
    assert all(stamps[i + 3] - stamps[i] > 1.0 for i in range(len(stamps) - 3))
    assert len(shared.read_text().split()) == 3


def test_unwritable_pace_file_falls_back_to_this_process(clock, tmp_path):
    missing = tmp_path / "no" / "such" / "dir"
    limiter = RateLimiter.for_key(False, clock=clock, sleep=clock.sleep, shared=missing)
    limiter.wait()
    limiter.wait()
    assert limiter.shared is None and clock.now >= 1000.37
