"""Parse and tag a large PubMed XML file on every core, storing in file order.

Parsing and tagging cost about ten times what writing to SQLite does, and
they are independent per record. Each worker process reads (and gunzips)
the whole file itself and cuts it into the same ~1 MB chunks at record
boundaries (a ``bytes.rfind`` per megabyte); worker *w* of *n* parses, tags
and serialises chunks *w*, *w + n*, ... into ``PreparedRecord`` rows and
sends them down a pipe of its own. The main process reads the pipes as rows
arrive and writes the chunks in file order; it does nothing else.

Decompressing in every worker costs less than handing megabytes of XML
from one process to the others: a worker never waits for its next chunk,
and the main process stays free for SQLite. Memory stays flat: a worker
holds one chunk, and a pipe holds at most about one chunk's rows before
its worker waits for the main process to catch up.

Anything unusual (a root other than ``PubmedArticleSet``, a chunk that does
not parse, a tail after the last record that is not the closing tag, a
worker that dies) raises ``ChunkingFailed``, and the caller re-reads the
file with the serial parser, whose error message names the exact line and
record.
"""

from __future__ import annotations

import contextlib
import fcntl
import gzip
import multiprocessing
import os
import re
import sys
from collections import deque
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from .models import Deletion
from .parse import declare_mathml_prefix, parse_pubmed_document
from .store import PreparedRecord, prepare_record
from .tag import Tagger

CHUNK_BYTES = 1 << 20
# Below this (decompressed) size, starting worker processes costs more than it saves.
MIN_PARALLEL_BYTES = 8 << 20
# A chunk's rows are ~0.75 of its XML: a pipe this wide takes them without the worker waiting.
_PIPE_BYTES = 1 << 20
# Chunks' rows read ahead of the one due next (~0.75 MB each): enough to keep every worker busy.
_MAX_BUFFERED = 8

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
        _TAGGER = tagger  # forked workers inherit it: compiling the vocabulary again costs ~0.1 s each
    context = multiprocessing.get_context("fork" if fork else "spawn")
    pipes: list[Connection] = []
    processes: list[Any] = []
    try:
        for index in range(workers):
            receiver, sender = context.Pipe(duplex=False)
            _widen(receiver)
            process = context.Process(
                target=_work, daemon=True, name=f"litscan-import-{index}",
                args=(str(path), index, workers, str(tagger.vocabulary_path), tagger.fingerprint, sender))
            process.start()
            sender.close()  # the worker holds the only writing end: its exit ends our reads
            pipes.append(receiver)
            processes.append(process)
        # Chunk n comes from worker n % workers. Whatever any worker has sent is read at once, so no
        # worker waits on a full pipe while we wait for another; at most _MAX_BUFFERED wait here.
        inbox: list[deque[tuple[str, Any]]] = [deque() for _ in pipes]
        open_pipes = set(pipes)
        number = 0
        while True:
            expected = number % workers
            while not inbox[expected]:
                room = sum(map(len, inbox)) < _MAX_BUFFERED
                for pipe in wait(list(open_pipes) if room else [pipes[expected]]):
                    message = _receive(pipe)  # type: ignore[arg-type]
                    inbox[pipes.index(pipe)].append(message)  # type: ignore[arg-type]
                    if message[0] == "end":
                        open_pipes.discard(pipe)  # type: ignore[arg-type]
            kind, payload = inbox[expected].popleft()
            if kind == "end":
                break
            yield payload
            number += 1
        # Every worker saw the same chunks, and is done.
        others = [inbox[i].popleft() if inbox[i] else _receive(pipe) for i, pipe in enumerate(pipes) if i != expected]
        if payload != number or any(last != ("end", number) for last in others) or any(inbox):
            raise ChunkingFailed("the worker processes cut the file differently")
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
            process.join()
        for pipe in pipes:
            pipe.close()


def _receive(pipe: Connection) -> tuple[str, Any]:
    try:
        kind, payload = pipe.recv()
    except (EOFError, OSError) as exc:
        raise ChunkingFailed(f"a worker process stopped ({exc or 'no reply'})") from None
    if kind == "failed":  # a parse error: the serial parser will say where
        raise ChunkingFailed(payload)
    return kind, payload


def _widen(pipe: Connection) -> None:
    # Not Linux, or over the system's limit: the default width still works, with more waiting.
    with contextlib.suppress(AttributeError, OSError):
        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, _PIPE_BYTES)


def _work(path: str, index: int, workers: int, vocabulary_path: str, tagger_id: str, pipe: Connection) -> None:
    """A worker's life: prepare every ``workers``-th chunk from ``index`` on, then report the count."""
    try:
        _start_worker(vocabulary_path)
        count = 0
        for number, chunk in _chunks(Path(path), keep=lambda n: n % workers == index):
            count = number + 1
            if chunk is not None:
                pipe.send(("items", _prepare_chunk(chunk, tagger_id)))
        pipe.send(("end", count))
    except Exception as exc:  # any failure sends the file to the serial reader
        pipe.send(("failed", f"{type(exc).__name__}: {exc}"))
    finally:
        pipe.close()


def _chunks(path: Path, keep: Callable[[int], bool] = lambda number: True) -> Iterator[tuple[int, bytes | None]]:
    """Numbered whole-record chunks of the file, each wrapped as a complete PubmedArticleSet document.

    The cut depends on the file alone, so every worker cuts it alike; a chunk ``keep`` refuses comes
    as None (it is not copied out).
    """
    opener = gzip.open if _is_gzip(path) else open
    with opener(path, "rb") as stream:
        buffer = stream.read(CHUNK_BYTES)
        first = _FIRST_RECORD.search(buffer)
        root = _ROOT_OPEN.search(buffer)
        if first is None or root is None or root.start() > first.start():
            raise ChunkingFailed("no PubmedArticleSet header before the first record")
        # Patched once here (parse would otherwise copy each chunk to declare the MathML prefix).
        header, buffer = declare_mathml_prefix(buffer[: first.start()]), buffer[first.start():]
        eof = False
        number = 0
        while True:
            last_end = _last_record_end(buffer)
            if last_end is not None and (len(header) + len(buffer) >= CHUNK_BYTES or eof):
                kept = keep(number)
                yield number, b"".join((header, memoryview(buffer)[:last_end], _ROOT_CLOSE)) if kept else None
                number += 1
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
