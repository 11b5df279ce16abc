"""A fake clock for the tests of pacing, retries and runs: time passes only when the code sleeps."""

from __future__ import annotations


class FakeClock:
    """monotonic() and sleep() in one: sleeping only moves the clock, and each sleep is kept."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
