"""Remember what ``PatternIndex`` reads off its patterns, between processes.

Reading each pattern's gates and scan keys through the regex parser, and
building the scanner's trie, is most of what building a tagger costs (~0.2 s of
~0.25 s for the bundled vocabulary), and every ``litscan`` command that tags
pays it before its first record. The reading depends only on the pattern texts
and on the code that reads them, so it is kept under the cache folder
(``litscan.cache_files``), named by a hash of both: an edited vocabulary, cue
file or litscan version is a new name, never a stale reading. The cache is only
ever a shortcut: a reading that is missing, damaged or of another shape is read
afresh.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import cache_files

Gate = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Starts:
    """Per pattern, its gates (None: it may start anywhere) and scan keys; and the scanner's trie."""

    gates: list[list[Gate] | None]
    keys: list[list[bytes]]
    trie: bytes


def remembered(sources: list[str], read: Callable[[list[str]], Starts]) -> Starts:
    """``read(sources)``, from the cache where an earlier process stored it, else read and stored."""
    key = _key(sources)
    if key is not None:
        found = _starts(cache_files.load(_KIND, key), len(sources))
        if found is not None:
            return found
    starts = read(sources)
    if key is not None:
        cache_files.store(_KIND, key, (starts.gates, starts.keys, starts.trie), keep=8)
    return starts


_KIND = "pattern-starts"


def _key(sources: list[str]) -> str | None:
    if _READER_CODE is None:
        return None
    digest = hashlib.sha1(_READER_CODE)
    for source in sources:
        digest.update(source.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


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


def _starts(kept: Any, count: int) -> Starts | None:
    """The ``Starts`` a kept value holds, if it is one of ``count`` patterns' as ``remembered`` stores them."""
    try:
        gates, keys, trie = kept
        gates = [None if g is None else [(str(kind), str(word)) for kind, word in g] for g in gates]
        keys = [list(k) for k in keys]
    except (TypeError, ValueError):
        return None
    if len(gates) != count or len(keys) != count or not isinstance(trie, bytes):
        return None
    if not all(isinstance(key, bytes) for k in keys for key in k):
        return None
    return Starts(gates, keys, trie)
