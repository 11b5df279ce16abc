"""Values kept under the cache folder between processes: each only a shortcut, rebuilt when missing or damaged.

A value is kept as ``marshal`` data, which Python reads several times faster than JSON or TOML
(the tagger's data files took ~12 ms to parse and its kept regex programs ~12 ms to read, before
the first record of every command). The file's first line is the SHA-1 of the rest: a file cut
short or changed since it was written reads as missing, and ``marshal`` never sees it. Files are
written whole, then renamed (``files.atomic_write_bytes``), so a reader in another process sees
the old file, the new one, or none.

Each kind keeps its ``keep`` newest files. Every edit of a vocabulary is a new key, and without a
bound the folder grew by a file per edit (222 of one kind after a few weeks of editing); files an
interrupted writer left half-written go too, once an hour old. A folder that cannot be written is
left alone, and a process with no home folder keeps nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import time
from pathlib import Path
from typing import Any

from .config import cache_dir
from .errors import OutputError
from .files import atomic_write_bytes

_SUFFIX = ".marshal"
_ABANDONED_SECONDS = 3600  # a temporary file this old has no writer left


def path_for(kind: str, key: str) -> Path | None:
    """Where the value of ``kind`` under ``key`` is kept; None without a cache folder."""
    try:
        return cache_dir() / f"{kind}-{key}{_SUFFIX}"
    except RuntimeError:  # no home directory to put a cache in
        return None


def load(kind: str, key: str) -> Any | None:
    """The value kept for ``kind`` and ``key``; None when there is none, or none this module wrote whole."""
    path = path_for(kind, key)
    if path is None:
        return None
    try:
        check, _, body = path.read_bytes().partition(b"\n")
        if hashlib.sha1(body).hexdigest().encode() != check:
            return None
        return marshal.loads(body)
    except (OSError, ValueError, EOFError, TypeError):
        return None


def store(kind: str, key: str, value: Any, keep: int) -> None:
    """Keep ``value`` (of types ``marshal`` writes) for ``kind`` and ``key``; then the kind's ``keep`` newest files."""
    path = path_for(kind, key)
    if path is None:
        return
    try:
        body = marshal.dumps(value)
    except ValueError:  # a type marshal does not write (a TOML date): not kept
        return
    with contextlib.suppress(OutputError):  # a cache folder that cannot be written is left alone
        atomic_write_bytes(path, hashlib.sha1(body).hexdigest().encode() + b"\n" + body)
        _prune(path.parent, kind, keep)


def _prune(folder: Path, kind: str, keep: int) -> None:
    now = time.time()
    kept: list[tuple[float, Path]] = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            name = entry.name
            if name.startswith(f".{kind}-") and name.endswith(".tmp"):
                if now - entry.stat().st_mtime > _ABANDONED_SECONDS:
                    Path(entry.path).unlink(missing_ok=True)
            elif name.startswith(f"{kind}-"):  # files of an earlier format (.json) included
                kept.append((entry.stat().st_mtime, Path(entry.path)))
        kept.sort(reverse=True)
        for _, old in kept[keep:]:
            old.unlink(missing_ok=True)
