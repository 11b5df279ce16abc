"""Remember what ``PatternIndex`` reads off its patterns, between processes.

Reading each pattern's gates and scan keys through the regex parser, and
building the scanner's trie, is most of what building a tagger costs (~0.2 s of
~0.25 s for the bundled vocabulary), and every ``litscan`` command that tags
pays it before its first record. The reading depends only on the pattern texts
and on the code that reads them, so it is kept in a small JSON file under the
cache directory (``litscan.config.cache_dir``), named by a hash of both: an
edited vocabulary, cue file or litscan version is a new name, never a stale
reading. The cache is only ever a shortcut: a file that is missing, unreadable,
corrupt or of another shape is read afresh, and a directory that cannot be
written to is left alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..config import cache_dir
from ..errors import OutputError
from ..files import atomic_write_bytes

Gate = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Starts:
    """Per pattern, its gates (None: it may start anywhere) and scan keys; and the scanner's trie."""

    gates: list[list[Gate] | None]
    keys: list[list[bytes]]
    trie: bytes


def remembered(sources: list[str], read: Callable[[list[str]], Starts]) -> Starts:
    """``read(sources)``, from the cache where an earlier process stored it, else read and stored."""
    path = _path(sources)
    if path is not None:
        found = _load(path, len(sources))
        if found is not None:
            return found
    starts = read(sources)
    if path is not None:
        _store(path, starts)
    return starts


def _path(sources: list[str]) -> Path | None:
    if _READER_CODE is None:
        return None
    digest = hashlib.sha1(_READER_CODE)
    for source in sources:
        digest.update(source.encode("utf-8", "surrogatepass") + b"\0")
    try:
        return cache_dir() / f"pattern-starts-{digest.hexdigest()}.json"
    except RuntimeError:  # no home directory to put a cache in
        return None


def _reader_code() -> bytes | None:
    """What the reading depends on besides the patterns: the code that reads them, and Python's regex parser.

    None where that code is not installed as files (a zip): then nothing is cached.
    """
    here = Path(__file__).parent
    try:
        code = [(here / name).read_bytes() for name in ("literal_starts.py", "matching.py", "index_cache.py")]
    except OSError:
        return None
    return b"\0".join([sys.version.encode(), *code])


_READER_CODE = _reader_code()


def _load(path: Path, count: int) -> Starts | None:
    try:
        data = json.loads(path.read_bytes())
        gates = [None if g is None else [(str(kind), str(word)) for kind, word in g] for g in data["gates"]]
        keys = [[str(key).encode("latin-1") for key in k] for k in data["keys"]]
        trie = str(data["trie"]).encode("latin-1")
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if len(gates) != count or len(keys) != count:
        return None
    return Starts(gates, keys, trie)


def _store(path: Path, starts: Starts) -> None:
    data = {
        "gates": [None if g is None else sorted(g) for g in starts.gates],
        "keys": [sorted(key.decode("latin-1") for key in k) for k in starts.keys],
        "trie": starts.trie.decode("latin-1"),
    }
    # Written whole, then renamed: a reader in another process sees the old file, the new one, or none.
    with contextlib.suppress(OutputError):  # a cache folder that cannot be written is left alone
        atomic_write_bytes(path, json.dumps(data, separators=(",", ":")).encode())
