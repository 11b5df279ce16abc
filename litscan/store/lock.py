"""The store's writer lock: one litscan run writes to a store at a time; a second waits, then gives up.

The lock is an ``flock`` on ``<store>.lock`` beside the store's resolved path, so a symlink or a
relative path to the same file meets the same lock. The kernel drops it when the holder's process
ends, however it ends; a child forked while it is held closes its copy at once, so a worker left
behind cannot keep the store locked. The file records its holder's PID: a lock still held although
that process is gone (something it started kept the descriptor, as the import workers of earlier
litscan versions did) is stale and is taken over, with a warning. Opening, taking over and
recording happen under a short lock on the folder, so two runs never both believe they hold the store.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import socket
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from ..errors import StoreError, StoreLockedError

log = logging.getLogger(__name__)

_HELD: set[IO[str]] = set()  # the lock files this process holds


def _close_in_child() -> None:
    # A forked child must not keep the store locked after its parent is gone.
    for handle in _HELD:
        with contextlib.suppress(OSError):
            handle.close()
    _HELD.clear()


os.register_at_fork(after_in_child=_close_in_child)


def lock_path(store_path: Path) -> Path:
    """The lock file of the store at ``store_path`` (however it is reached)."""
    return Path(f"{os.path.realpath(store_path)}.lock")


@contextmanager
def writer_lock(store_path: Path, wait_seconds: float = 10.0) -> Iterator[None]:
    """Hold the store's lock for the duration; released when the process ends, however it ends."""
    path = lock_path(store_path)
    deadline = time.monotonic() + wait_seconds
    while (handle := _try_lock(path)) is None:
        if time.monotonic() >= deadline:
            raise StoreLockedError(f"{store_path}: another litscan run is using this store; try again when it finishes")
        time.sleep(0.2)
    _HELD.add(handle)
    try:
        yield
    finally:
        _HELD.discard(handle)
        handle.close()


def _try_lock(path: Path) -> IO[str] | None:
    """The locked lock file, or None while a live process holds it; a stale lock is taken over."""
    with _folder_locked(path.parent):
        try:
            handle = path.open("a+")
        except OSError as exc:
            raise StoreError(f"{path}: cannot open the store's lock file ({exc.strerror or exc})") from None
        if _lock(handle):
            _record_holder(handle)
            return handle
        holder = _holder(handle)
        handle.close()
        if holder is None or process_alive(holder):
            return None
        try:
            fresh = _take_over(path)
        except OSError as exc:  # a folder that became read-only, or a full disk
            raise StoreError(
                f"{path}: the lock of litscan process {holder}, which is gone, cannot be replaced "
                f"({exc.strerror or exc}); remove the file when no litscan command is running"
            ) from None
    log.warning(
        "%s: took over the lock of litscan process %d, which is gone (a process it started still held it)",
        path,
        holder,
    )
    return fresh


def _lock(handle: IO[str]) -> bool:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _take_over(path: Path) -> IO[str]:
    """Lock a fresh file and put it in the stale one's place (whoever holds that one keeps a file nobody uses)."""
    fd, fresh_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    fresh = os.fdopen(fd, "w+")
    _lock(fresh)  # a new file: nobody else can hold it
    _record_holder(fresh)
    os.fchmod(fd, stat.S_IMODE(os.stat(path).st_mode))  # who may lock the store stays who could
    os.replace(fresh_name, path)
    return fresh


def _record_holder(handle: IO[str]) -> None:
    handle.seek(0)
    handle.truncate()
    handle.write(f"{os.getpid()} {socket.gethostname()}\n")
    handle.flush()


def _holder(handle: IO[str]) -> int | None:
    """The PID of the process that took the lock, if it can be known on this host.

    Recorded in the file; a file without one (earlier versions recorded none) is looked up in
    the kernel's list of locks, where Linux shows who took each one.
    """
    handle.seek(0)
    fields = handle.read(200).split()
    if not fields:
        return _flock_owner(handle)
    if len(fields) != 2 or not fields[0].isascii() or not fields[0].isdigit():
        return None
    return int(fields[0]) if fields[1] == socket.gethostname() else None  # another host's: cannot check


def _flock_owner(handle: IO[str]) -> int | None:
    st = os.fstat(handle.fileno())
    key = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"
    try:
        lines = Path("/proc/locks").read_text().splitlines()
    except OSError:
        return None
    for line in lines:  # "1: FLOCK  ADVISORY  WRITE 4242 fe:00:2162693 0 EOF"; "->" marks a waiter
        fields = line.split()
        if len(fields) >= 6 and fields[1] == "FLOCK" and fields[5] == key and fields[4].isdigit():
            return int(fields[4])
    return None


def process_alive(pid: int) -> bool:
    """Whether a process of this host with this PID exists (it may belong to another user)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


@contextmanager
def _folder_locked(folder: Path) -> Iterator[None]:
    """A lock on the store's folder, held for the microseconds it takes to open, check and record.

    Where a folder cannot be locked (some network file systems), the lock file alone decides.
    """
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        deadline = time.monotonic() + 5  # held for microseconds: never wait on it for long
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    break
                time.sleep(0.01)
            except OSError:
                break
        yield
    finally:
        os.close(fd)
