"""Send a large load's pages to the disk while it runs, so that its commit has few left to wait for.

SQLite hands pages to the operating system as its page cache fills, and at commit syncs the file:
the system then writes everything it still holds. For a first import of 10,000 records that is the
whole ~60 MB file in one ``fdatasync`` (0.1 s on this project's machines) after the last record,
with every core idle. While the load runs, a thread syncs the file every quarter second instead
(``fdatasync`` lets go of the GIL: the disk writes while the cores parse and tag), and the commit
syncs only the last pages.

Syncing early changes nothing SQLite relies on: the system may write those pages back at any time
anyway, and what makes the load undoable is the journal, which SQLite syncs before it writes into
the file. The thread's descriptor stays open until ``close``, after the store's connection has
closed: closing any descriptor of a file drops every POSIX lock the process holds on it, SQLite's
own included.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

INTERVAL_SECONDS = 0.25


class PageFlusher:
    """Syncs one database file in the background between ``start`` and ``stop``; ``close`` at the end."""

    def __init__(self, path: Path, interval: float | None = None) -> None:
        self._path = path
        self._interval = INTERVAL_SECONDS if interval is None else interval
        self._descriptor: int | None = None
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self.syncs = 0  # how many syncs the thread ran (tests read it)

    def start(self) -> None:
        if self._thread is not None:
            return
        if self._descriptor is None:
            try:
                self._descriptor = os.open(self._path, os.O_RDONLY)
            except OSError:
                return  # nothing to sync early: the commit syncs it all, as without this
        self._stopping.clear()
        self._thread = threading.Thread(target=self._run, args=(self._descriptor,), name="litscan-flush", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            self._stopping.set()
            self._thread.join()
            self._thread = None

    def close(self) -> None:
        """Stop, and close the descriptor: only once the store's connection is closed (see the module)."""
        self.stop()
        if self._descriptor is not None:
            os.close(self._descriptor)
            self._descriptor = None

    def _run(self, descriptor: int) -> None:
        while not self._stopping.wait(self._interval):
            try:
                os.fdatasync(descriptor) if hasattr(os, "fdatasync") else os.fsync(descriptor)
            except OSError:
                return  # a file system that cannot sync from here: the commit still does
            self.syncs += 1
