"""Pacing E-utilities requests: NCBI allows 3 requests/s per IP address, or 10 with an API key.

One ``RateLimiter`` serves every call of a client; with a shared pace file it
also serves every litscan process of the user on the machine.
"""

from __future__ import annotations

import fcntl
import logging
import os
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


class RateLimiter:
    """Spaces calls by ``interval`` and never lets more than ``per_second`` start in a rolling second.

    Spacing alone would do on paper; the window check keeps the promise even
    if a caller's clock jumps or the interval is tuned down. Exactly 334 ms
    between calls has still drawn 429s from NCBI, hence the margins: the
    window is 1.15 s because a request reaches the server some milliseconds
    after its stamp, and on a loaded machine the first of four can arrive
    late enough to put all four inside one second (seen at 1.05 s: one 429 in
    twelve runs of two processes sharing a pace beside two busy cores).

    NCBI counts per IP address (or key), not per process, so with ``shared`` (a
    small file) every litscan process of this user on this machine keeps one
    pace: two cron jobs for two databases together stay under the limit. The
    stamps are ``time.monotonic()`` values, which Linux keeps system-wide.
    """

    window = 1.15

    def __init__(
        self,
        interval: float,
        per_second: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        shared: Path | None = None,
    ) -> None:
        self.interval = interval
        self.per_second = per_second
        self.clock = clock
        self.sleep = sleep
        self.shared = shared
        self._stamps: deque[float] = deque()
        self._lock = threading.Lock()  # callers in several threads still share one pace

    @classmethod
    def for_key(cls, has_key: bool, **kwargs: Any) -> RateLimiter:
        return cls(0.11, 10, **kwargs) if has_key else cls(0.37, 3, **kwargs)

    @staticmethod
    def default_shared_path() -> Path:
        return Path(tempfile.gettempdir()) / f"litscan-eutils-{os.getuid()}.pace"

    def wait(self) -> None:
        with self._lock:
            if self.shared is None:
                self._wait()
                return
            try:
                handle = self.shared.open("a+", encoding="ascii")
            except OSError as exc:  # read-only or odd filesystem: pace this process alone
                log.debug("cannot share request pacing through %s (%s)", self.shared, exc)
                self.shared = None
                self._wait()
                return
            with handle:
                fcntl.flock(handle, fcntl.LOCK_EX)  # other processes wait here for their turn
                handle.seek(0)
                others = [float(line) for line in handle.read().split() if _is_float(line)]
                self._stamps = deque(sorted({*self._stamps, *others}))
                self._wait()
                handle.seek(0)
                handle.truncate()
                handle.write("".join(f"{stamp!r}\n" for stamp in list(self._stamps)[-self.per_second :]))
                handle.flush()

    def _wait(self) -> None:
        while True:
            now = self.clock()
            while self._stamps and now - self._stamps[0] >= self.window:
                self._stamps.popleft()
            delay = 0.0
            if self._stamps:
                delay = self._stamps[-1] + self.interval - now
            if len(self._stamps) >= self.per_second:
                delay = max(delay, self._stamps[-self.per_second] + self.window - now)
            if delay <= 0:
                break
            self.sleep(delay)
        self._stamps.append(self.clock())


def _is_float(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
