"""Parse and tag a large PubMed XML file on every core, storing in file order.

Parsing and tagging cost about ten times what writing to SQLite does, and
they are independent per record. So the main process only cuts the
decompressed byte stream into chunks at record boundaries (a ``bytes.rfind``
per megabyte); worker processes parse, tag and serialise each chunk into
``PreparedRecord`` rows; the main process writes them in the order they came.
Memory stays flat: a handful of chunks are in flight at a time.

Anything unusual (a root other than ``PubmedArticleSet``, a chunk that does
not parse, a tail after the last record that is not the closing tag) raises
``ChunkingFailed``, and the caller re-reads the file with the serial parser,
whose error message names the exact line and record.
"""

from __future__ import annotations

import gzip
import multiprocessing
import os
import re
import sys
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from .models import Deletion
from .parse import parse_pubmed_document
from .store import PreparedRecord, prepare_record
from .tag import Tagger

CHUNK_BYTES = 1 << 20
# Below this (decompressed) size, starting worker processes costs more than it saves.
MIN_PARALLEL_BYTES = 8 << 20

_RECORD_END = re.compile(rb"</(?:PubmedArticle|PubmedBookArticle|DeleteCitation)>")
_FIRST_RECORD = re.compile(rb"<(?:PubmedArticle|PubmedBookArticle|DeleteCitation)[\s>]")
_ROOT_OPEN = re.compile(rb"<PubmedArticleSet[\s>]")
_ROOT_CLOSE = b"</PubmedArticleSet>"


class ChunkingFailed(Exception):
    """The file is not the plain shape the parallel path handles; read it serially instead."""


def worth_parallel(path: Path, workers: int) -> bool:
    if workers < 2:
        return False
    return path.stat().st_size * (5 if _is_gzip(path) else 1) >= MIN_PARALLEL_BYTES  # PubMed XML gzips ~5:1


def _is_gzip(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(2) == b"\x1f\x8b"


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def prepared_items(path: Path, tagger: Tagger, workers: int) -> Iterator[list[PreparedRecord | Deletion]]:
    """Batches of prepared records and deletions, in file order, computed by ``workers`` processes."""
    global _TAGGER
    fork = sys.platform.startswith("linux")
    if fork:
        _TAGGER = tagger  # forked workers inherit it: compiling the vocabulary again costs ~0.2 s each
    context = multiprocessing.get_context("fork" if fork else "spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker,
                             initargs=(str(tagger.vocabulary_path),)) as pool:
        in_flight: deque[Future[list[PreparedRecord | Deletion]]] = deque()
        try:
            for chunk in _chunks(path):
                in_flight.append(pool.submit(_prepare_chunk, chunk, tagger.fingerprint))
                if len(in_flight) > 2 * workers:
                    yield _result(in_flight.popleft())
            while in_flight:
                yield _result(in_flight.popleft())
        finally:
            for future in in_flight:
                future.cancel()


def _result(future: Future[list[PreparedRecord | Deletion]]) -> list[PreparedRecord | Deletion]:
    try:
        return future.result()
    except ChunkingFailed:
        raise
    except Exception as exc:  # a worker's parse error: the serial parser will say where
        raise ChunkingFailed(str(exc)) from exc


def _chunks(path: Path) -> Iterator[bytes]:
    """Whole-record chunks of the file, each wrapped as a complete PubmedArticleSet document."""
    opener = gzip.open if _is_gzip(path) else open
    with opener(path, "rb") as stream:
        buffer = stream.read(CHUNK_BYTES)
        first = _FIRST_RECORD.search(buffer)
        root = _ROOT_OPEN.search(buffer)
        if first is None or root is None or root.start() > first.start():
            raise ChunkingFailed("no PubmedArticleSet header before the first record")
        header, buffer = buffer[: first.start()], buffer[first.start():]
        eof = False
        while True:
            last_end = _last_record_end(buffer)
            if last_end is not None and (len(header) + len(buffer) >= CHUNK_BYTES or eof):
                yield header + buffer[:last_end] + _ROOT_CLOSE
                buffer = buffer[last_end:]
            elif eof:
                break
            else:
                more = stream.read(CHUNK_BYTES)
                eof = not more
                buffer += more
        if buffer.strip() != _ROOT_CLOSE:
            raise ChunkingFailed("the file does not end with </PubmedArticleSet>")


def _last_record_end(buffer: bytes) -> int | None:
    """The end offset of the last complete record in ``buffer``, or None if there is none."""
    window = 4096
    while True:
        start = max(0, len(buffer) - window)
        found = [m.end() for m in _RECORD_END.finditer(buffer, start)]
        if found:
            return found[-1]
        if start == 0:
            return None
        window *= 8


_TAGGER: Tagger | None = None


def _start_worker(vocabulary_path: str) -> None:
    global _TAGGER
    if _TAGGER is None or str(_TAGGER.vocabulary_path) != vocabulary_path:
        _TAGGER = Tagger(Path(vocabulary_path))


def _prepare_chunk(chunk: bytes, tagger_id: str) -> list[PreparedRecord | Deletion]:
    assert _TAGGER is not None, "worker started without its tagger"
    out: list[PreparedRecord | Deletion] = []
    for item in parse_pubmed_document(chunk, name="<chunk>"):
        out.append(item if isinstance(item, Deletion) else prepare_record(item, _TAGGER, tagger_id))
    return out
