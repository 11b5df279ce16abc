"""Pacing E-utilities requests: NCBI allows 3 requests/s per IP address, or 10 with an API key.

One ``RateLimiter`` serves every call of a client; with a shared pace file it
also serves every litscan process of the user on the machine. The pace file
lives in a directory only its user can write (``private_dir``), and nothing in
it is trusted: a stamp that is not a finite number, is older than the window or
lies in the future is ignored, so a stale or planted file costs at most one
pacing interval, never a long sleep with the store's lock held.
"""

from __future__ import annotations

import fcntl
import logging
import math
import os
import stat
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, BinaryIO

log = logging.getLogger(__name__)

PACE_FILE = "eutils.pace"
_READ_LIMIT = 4096  # a pace file holds a few stamps; anything longer is not ours


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
    pace: two cron jobs for two databases together stay under the limit. Shared
    stamps are wall-clock times (``time.time()``), which mean the same in every
    process and after a reboot; ``time.monotonic()`` restarts at boot, and a stamp
    from before one read as the far future. A clock set back makes the stamps
    before it lie in the future: they are ignored, as any stamp more than one
    interval ahead is, and one less far ahead counts as now.
    """

    window = 1.15

    def __init__(
        self,
        interval: float,
        per_second: int,
        *,
        clock: Callable[[], float] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        shared: Path | None = None,
    ) -> None:
        self.interval = interval
        self.per_second = per_second
        self.clock = clock or (time.time if shared else time.monotonic)
        self.sleep = sleep
        self.shared = shared
        self._stamps: deque[float] = deque()
        self._lock = threading.Lock()  # callers in several threads still share one pace

    @classmethod
    def for_key(cls, has_key: bool, **kwargs: Any) -> RateLimiter:
        return cls(0.11, 10, **kwargs) if has_key else cls(0.37, 3, **kwargs)

    @staticmethod
    def shared_file(directory: Path) -> Path | None:
        """The pace file in ``directory``, or None (with a warning) when the directory is not private."""
        folder = private_dir(directory)
        return None if folder is None else folder / PACE_FILE

    def wait(self) -> None:
        with self._lock:
            if self.shared is None:
                self._wait()
                return
            try:
                handle = _open_private(self.shared)
            except OSError as exc:  # read-only, odd or not ours: pace this process alone
                log.debug("cannot share request pacing through %s (%s)", self.shared, exc)
                self.shared = None
                self._wait()
                return
            with handle:
                fcntl.flock(handle, fcntl.LOCK_EX)  # other processes wait here for their turn
                handle.seek(0)
                others = _read_stamps(handle.read(_READ_LIMIT), self.shared)
                self._stamps = deque(sorted({*self._stamps, *others}))
                self._wait()
                handle.seek(0)
                handle.truncate()
                handle.write("".join(f"{stamp!r}\n" for stamp in list(self._stamps)[-self.per_second :]).encode())
                handle.flush()

    def _wait(self) -> None:
        while True:
            now = self.clock()
            self._stamps = deque(_usable(self._stamps, now, self.window, self.interval))
            delay = 0.0
            if self._stamps:
                delay = self._stamps[-1] + self.interval - now
            if len(self._stamps) >= self.per_second:
                delay = max(delay, self._stamps[-self.per_second] + self.window - now)
            if delay <= 0:
                break
            self.sleep(delay)
        self._stamps.append(self.clock())


def _usable(stamps: Iterable[float], now: float, window: float, interval: float) -> list[float]:
    """The stamps that still count, in order: within the window, none in the future (a slightly
    early one counts as now; one more than an interval ahead is from a clock set back, or planted)."""
    return sorted(min(s, now) for s in stamps if now - window < s <= now + interval)


def _read_stamps(data: bytes, path: Path) -> list[float]:
    """The times in a pace file; words that are not a finite number (``inf``, ``nan``, garbage) are skipped."""
    stamps: list[float] = []
    ignored: list[bytes] = []
    for word in data.split():
        stamp = _finite(word)
        if stamp is None:
            ignored.append(word)
        else:
            stamps.append(stamp)
    if ignored:
        log.debug("pace file %s: ignored what is not a time: %r", path, ignored[:3])
    return stamps


def _finite(word: bytes) -> float | None:
    try:
        value = float(word)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _open_private(path: Path) -> BinaryIO:
    """``path`` opened for reading and writing, refusing a symbolic link and a file of another user."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid():
        os.close(fd)
        raise OSError(f"{path} is not a file of this user")
    return os.fdopen(fd, "r+b")


def private_dir(path: Path) -> Path | None:
    """``path`` as a directory only this user can write (created mode 0700), or None with a warning.

    A directory another local user made (or could write to) would let them plant
    the pace file, or a link in its place, for every litscan run of ours.
    """
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(path)
    except OSError as exc:
        log.warning("pacing requests in this process alone: cannot use %s (%s)", path, exc.strerror or exc)
        return None
    problem = _not_private(info)
    if problem:
        log.warning("pacing requests in this process alone: %s %s", path, problem)
        return None
    return path


def _not_private(info: os.stat_result) -> str | None:
    if stat.S_ISLNK(info.st_mode):
        return "is a symbolic link"
    if not stat.S_ISDIR(info.st_mode):
        return "is not a directory"
    if info.st_uid != os.getuid():
        return f"belongs to another user (uid {info.st_uid})"
    if info.st_mode & 0o022:
        return f"is writable by other users (mode {stat.S_IMODE(info.st_mode):o})"
    return None
