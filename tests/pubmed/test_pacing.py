"""The request pacer: NCBI's 3 (or 10) requests per second, within a process and across processes (F06)."""

from __future__ import annotations

import itertools
import logging
import os
import stat
import time

import pytest

from litscan.pubmed.pacing import PACE_FILE, RateLimiter, private_dir
from tests.clock import FakeClock


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

    # Each thread keeps the last clock reading the limiter took for it: that is the start the
    # limiter granted. A stamp read after wait() returns can lag it by however long a loaded
    # machine takes to schedule the thread again, which once made this test fail on CI.
    seen = threading.local()

    def clock() -> float:
        seen.last = real_time.monotonic()
        return float(seen.last)

    limiter = RateLimiter(0.02, 3, clock=clock, sleep=real_time.sleep)
    limiter.window = 0.2  # scaled down: 3 per 0.2 s, so the test takes about a second
    stamps: list[float] = []

    def job() -> None:
        for _ in range(2):
            limiter.wait()
            stamps.append(seen.last)

    threads = [threading.Thread(target=job) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stamps.sort()
    assert len(stamps) == 24
    assert all(stamps[i + 3] - stamps[i] >= 0.2 - 1e-3 for i in range(len(stamps) - 3))
    assert stamps[-1] - stamps[0] >= 7 * 0.2 - 1e-3  # 24 starts, 3 per window: seven windows at least


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


# --- the shared pace file: wall-clock stamps, nothing in it trusted (issue 15, points 4 and 8) ----

WALL = 1_780_000_000.0  # a wall-clock time in 2026


@pytest.fixture
def wall() -> FakeClock:
    return FakeClock(WALL)


def first_wait_with(pace: str | bytes, clock: FakeClock, tmp_path) -> float:
    """How long the first request waits when the pace file already holds ``pace``."""
    shared = tmp_path / "pace"
    shared.write_bytes(pace if isinstance(pace, bytes) else pace.encode())
    limiter = RateLimiter.for_key(False, clock=clock, sleep=clock.sleep, shared=shared)
    started = clock.now
    limiter.wait()
    assert limiter.shared == shared  # still shared: a bad file is ignored, not given up on
    return clock.now - started


def test_shared_stamps_are_wall_clock_times(tmp_path):
    assert RateLimiter.for_key(False, shared=tmp_path / "pace").clock is time.time
    assert RateLimiter.for_key(False).clock is time.monotonic


@pytest.mark.parametrize(
    "pace",
    [
        "8640000.5\n",  # time.monotonic() after 100 days' uptime, written before a reboot
        f"{WALL + 3600}\n",  # an hour ahead: a clock set back, or a planted file
        f"{WALL + 1e12}\n{WALL + 1e12}\n{WALL + 1e12}\n",
        "inf\n",
        "nan\n",
        "-inf\nnan\ninf\n",
        "",
        "not a time at all\n",
        b"\x00\xff\xfe garbage \x80\n",
        "1e999\n",
        "5" * 5000,
    ],
)
def test_a_stale_or_bad_pace_file_costs_no_more_than_one_interval(pace, wall, tmp_path, caplog):
    with caplog.at_level(logging.DEBUG, logger="litscan.pubmed.pacing"):
        waited = first_wait_with(pace, wall, tmp_path)
    assert waited <= 0.37
    assert (tmp_path / "pace").read_text().split() == [repr(WALL)]  # rewritten with the one true stamp
    if any(word in str(pace) for word in ("inf", "nan", "garbage", "not a time")):
        assert "ignored what is not a time" in caplog.text


def test_a_stamp_just_ahead_counts_as_now_and_costs_one_interval(wall, tmp_path):
    assert first_wait_with(f"{WALL + 0.3}\n", wall, tmp_path) == pytest.approx(0.37)


def test_recent_stamps_of_another_process_are_honoured(wall, tmp_path):
    # Three requests in the last 0.5 s: the fourth waits for the window, as without the file.
    waited = first_wait_with(f"{WALL - 0.5}\n{WALL - 0.3}\n{WALL - 0.1}\n", wall, tmp_path)
    assert waited == pytest.approx(1.15 - 0.5)


def test_a_clock_set_back_costs_this_process_no_more_than_one_interval():
    clock = FakeClock(WALL)
    limiter = RateLimiter.for_key(False, clock=clock, sleep=clock.sleep)
    limiter.wait()
    clock.now -= 3600  # NTP steps the clock back an hour
    started = clock.now
    limiter.wait()
    assert clock.now - started <= 0.37


def test_the_pace_directory_is_made_private(tmp_path):
    folder = private_dir(tmp_path / "litscan-pace")
    assert folder == tmp_path / "litscan-pace"
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    assert RateLimiter.shared_file(tmp_path / "litscan-pace") == folder / PACE_FILE


@pytest.mark.parametrize("how", ["world-writable", "group-writable", "a link", "not a directory", "another user's"])
def test_a_pace_directory_others_could_plant_is_refused_with_a_warning(how, tmp_path, monkeypatch, caplog):
    folder = tmp_path / "litscan-pace"
    if how == "a link":
        (tmp_path / "elsewhere").mkdir(mode=0o700)
        folder.symlink_to(tmp_path / "elsewhere")
    elif how == "not a directory":
        folder.write_text("")
    else:
        folder.mkdir(mode=0o700)
        folder.chmod({"world-writable": 0o777, "group-writable": 0o770}.get(how, 0o700))
    if how == "another user's":
        uid = os.getuid()
        monkeypatch.setattr(os, "getuid", lambda: uid + 1)  # the folder now belongs to someone else
    with caplog.at_level(logging.WARNING):
        assert RateLimiter.shared_file(folder) is None
    assert "pacing requests in this process alone" in caplog.text and str(folder) in caplog.text
    assert not (folder / PACE_FILE).exists()


def test_a_link_planted_as_the_pace_file_is_not_followed(clock, tmp_path):
    target = tmp_path / "victim"
    target.write_text("precious\n")
    (tmp_path / PACE_FILE).symlink_to(target)
    limiter = RateLimiter.for_key(False, clock=clock, sleep=clock.sleep, shared=tmp_path / PACE_FILE)
    limiter.wait()
    limiter.wait()
    assert limiter.shared is None and target.read_text() == "precious\n"
    assert clock.now >= 1000.37  # and it still paces, in this process
