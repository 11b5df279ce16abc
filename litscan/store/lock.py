"""The store's writer lock: one litscan run writes to a store at a time; a second waits, then gives up."""

from __future__ import annotations

import fcntl
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import StoreLockedError


@contextmanager
def writer_lock(store_path: Path, wait_seconds: float = 10.0) -> Iterator[None]:
    """Hold ``<store>.lock`` for the duration; released when the process ends, however it ends."""
    lock_path = Path(f"{store_path}.lock")
    handle = lock_path.open("a+")
    deadline = time.monotonic() + wait_seconds
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreLockedError(
                        f"{store_path}: another litscan run is using this store; try again when it finishes"
                    ) from None
                time.sleep(0.2)
        yield
    finally:
        handle.close()
