"""A worker process's tie to the process that started it: the worker ends when its parent ends.

``kill -9`` of an import's main process runs none of its clean-up, so its workers must notice on
their own. Three ways, each covering what the others miss: on Linux the kernel sends the worker
SIGKILL when the parent dies (``PR_SET_PDEATHSIG``); a watchdog thread sees the worker change
parents and ends it (any platform, and whatever the worker is blocked on); and the worker closes
the reading ends of the pipes it inherited, so writing to a parent that is gone fails at once
instead of waiting on a full pipe that nobody reads.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Iterable
from multiprocessing.connection import Connection

_PR_SET_PDEATHSIG = 1  # from <sys/prctl.h>
WATCH_SECONDS = 0.25


def tie_to_parent(parent: int, inherited: Iterable[Connection] = ()) -> None:
    """Make this process end when ``parent`` does; close ``inherited``, the ends it must not keep."""
    for end in inherited:
        with contextlib.suppress(OSError):
            end.close()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it died before the kernel was told to tell us
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="litscan-lifeline", daemon=True).start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)  # no clean-up: the parent's transaction is gone, and nothing here is worth keeping
