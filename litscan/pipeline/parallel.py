"""Parse and tag a large PubMed XML file on every core, storing in file order.

Parsing and tagging cost about ten times what writing to SQLite does, and
they are independent per record. Every process (the main one included)
reads and gunzips the whole file itself and cuts it into the same ~1 MB
chunks at record boundaries (a ``bytes.rfind`` per megabyte); a chunk is
parsed, tagged and serialised into the store's ``RecordRow`` rows by whichever
process reaches it first (``_Claims`` hands them out in order). Workers send
their rows down a pipe of their own; the main process writes the chunks to
SQLite in file order, and prepares a chunk itself whenever the one it must
write next is not ready yet, so neither core waits on the other.

Decompressing in every process costs less than handing megabytes of XML
from one process to the others. Memory stays flat: a process holds one
chunk, and the workers stay within ``_MAX_BUFFERED`` chunks of the one the
main process writes next.

Workers end with the main process however it ends, ``kill -9`` included (``lifeline``), and do not
keep the store's lock (``litscan.store.lock`` closes it in every forked child).

Anything unusual (a root other than ``PubmedArticleSet``, a chunk that does
not parse, a tail after the last record that is not the closing tag, a
worker that dies) raises ``ChunkingFailed``, and the caller re-reads the
file with the serial parser, whose error message names the exact line and
record.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import multiprocessing
import os
import re
import sys
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from isal import igzip

from ..models import Deletion
from ..pubmed.registries import load_registries
from ..pubmed.xml_reader import declare_mathml_prefix, parse_pubmed_document
from ..pubmed.xml_references import plain_prolog
from ..store import CitationColumns, RecordRow, TagColumns
from ..tagging.tagger import Tagger
from .lifeline import tie_to_parent
from .limits import DEFAULT_MAX_INPUT_BYTES, RECORD_END_OVERLAP, Limits, SizeLimitExceeded, last_record_end
from .prepare import prepare_record

CHUNK_BYTES = 1 << 20
# Below this (decompressed) size, starting worker processes costs more than it saves.
MIN_PARALLEL_BYTES = 8 << 20
# A chunk's rows are ~0.75 of its XML: a pipe this wide takes them without the worker waiting.
_PIPE_BYTES = 1 << 20
# Chunks' rows read ahead of the one due next (~0.75 MB each): enough to keep every worker busy.
_MAX_BUFFERED = 8

_FIRST_RECORD = re.compile(rb"<(?:PubmedArticle|PubmedBookArticle|DeleteCitation)[\s>]")
_ROOT_OPEN = re.compile(rb"<PubmedArticleSet[\s>]")
_ROOT_CLOSE = b"</PubmedArticleSet>"

Batch = list[RecordRow | Deletion]  # one chunk's records, prepared for the store, and its deletions
# A Batch as it crosses a pipe: each RecordRow as its three parts, with the columns in plain tuples.
Packed = list[tuple[tuple[Any, ...], tuple[Any, ...], bytes | None] | Deletion]


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


def prepared_items(path: Path, tagger: Tagger, workers: int, limits: Limits | None = None) -> Iterator[Batch]:
    """Batches of prepared records and deletions, in file order, computed by ``workers`` processes.

    This process is one of them: it writes to the store, and prepares a chunk itself whenever the
    one due next is not ready yet. The others are started here and stopped before this returns.
    A file past ``limits`` raises ``SizeLimitExceeded`` once any process reads past them.
    """
    limits = limits or Limits(max_input=DEFAULT_MAX_INPUT_BYTES)
    with fewer_collections():
        yield from _prepared_items(path, tagger, workers, limits)


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the cyclic garbage collector less often, and never over what already exists.

    Parsing and tagging make thousands of short-lived objects a record, freed by reference counts
    (records hold no cycles), so each collection finds next to nothing; and a full one would walk
    the compiled tagger every time. Frozen start-up objects and a gen-0 threshold of 10,000: 3%
    fewer instructions to prepare a record (callgrind). The caller's settings come back after; what
    the caller had frozen itself stays frozen.
    """
    threshold = gc.get_threshold()
    frozen_before = gc.get_freeze_count()
    gc.freeze()
    gc.set_threshold(10_000, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        if not frozen_before:  # unfreezing is all or nothing: leave a caller's own freeze alone
            gc.unfreeze()


def _prepared_items(path: Path, tagger: Tagger, workers: int, limits: Limits) -> Iterator[Batch]:
    global _TAGGER
    fork = sys.platform.startswith("linux")
    if fork:
        _TAGGER = tagger  # forked workers inherit it: compiling the vocabulary again costs ~0.1 s each
    context = multiprocessing.get_context("fork") if fork else multiprocessing.get_context("spawn")
    claims = _Claims(context)
    started = _Workers()
    try:
        for index in range(workers - 1):
            started.start(context, index, path, claims, tagger, limits)
        chunks = _InOrder(started.pipes, path, claims, tagger.fingerprint, limits)
        number = 0
        while (batch := chunks.take(number)) is not None:
            number += 1
            claims.done(number)
            yield batch
        chunks.finish(number)
    finally:
        started.stop()


class _Workers:
    """The worker processes of one import, each with the pipe it sends its chunks' rows down."""

    def __init__(self) -> None:
        self.pipes: list[Connection] = []
        self._processes: list[Any] = []

    def start(self, context: Any, index: int, path: Path, claims: _Claims, tagger: Tagger, limits: Limits) -> None:
        receiver, sender = context.Pipe(duplex=False)
        _widen(receiver)
        # A forked worker holds copies of every reading end so far, its own included: it closes them,
        # so that a write to this process fails at once when this process is gone.
        inherited = [*self.pipes, receiver] if context.get_start_method() == "fork" else []
        process = context.Process(
            target=_work,
            daemon=True,
            name=f"litscan-import-{index}",
            args=(
                str(path),
                claims,
                (str(tagger.vocabulary_path), tagger.fingerprint),
                sender,
                limits,
                (os.getpid(), inherited),
            ),
        )
        process.start()
        sender.close()  # the worker holds the only writing end: its exit ends our reads
        self.pipes.append(receiver)
        self._processes.append(process)

    def stop(self) -> None:
        for process in self._processes:
            if process.is_alive():
                process.terminate()
            process.join()
        for pipe in self.pipes:
            pipe.close()


class _InOrder:
    """The chunks' rows in file order, from the workers' pipes and from this process's own share."""

    def __init__(self, pipes: list[Connection], path: Path, claims: _Claims, tagger_id: str, limits: Limits) -> None:
        self._ready: dict[int, Batch] = {}  # prepared chunks by number, not yet taken
        self._counts: list[int] = []  # the number of chunks each process found in the file
        self._own = _OwnShare(path, claims, tagger_id, self._counts, limits)
        self._open = list(pipes)

    def take(self, number: int) -> Batch | None:
        """Chunk ``number``'s rows, once prepared; None past the file's last chunk."""
        while not self._counts or number < self._counts[0]:
            if number in self._ready:
                return self._ready.pop(number)
            self._advance(number)
        return None

    def _advance(self, number: int) -> None:
        # What the workers have sent is read at once: a worker never waits on a full pipe for long.
        arrived = wait(self._open, timeout=0) if self._open else []
        if not arrived and not self._own.done and len(self._ready) < _MAX_BUFFERED:
            self._own.prepare_next(self._ready)
            return
        if not arrived:
            if not self._open:
                raise ChunkingFailed(f"chunk {number} never came")
            arrived = wait(self._open)
        for pipe in arrived:
            kind, payload = _receive(pipe)  # type: ignore[arg-type]
            if kind == "end":
                self._counts.append(payload)
                self._open.remove(pipe)  # type: ignore[arg-type]
            else:
                self._ready[payload[0]] = _unpacked(payload[1])

    def finish(self, number: int) -> None:
        """After the last of ``number`` chunks: check every process saw the same chunks, and is done."""
        while not self._own.done:
            self._own.prepare_next(self._ready)
        for pipe in self._open:
            kind, payload = _receive(pipe)
            if kind != "end":
                raise ChunkingFailed(f"a worker sent chunk {payload[0]} of {number}")
            self._counts.append(payload)
        if self._ready or any(count != number for count in self._counts):
            raise ChunkingFailed("the worker processes cut the file differently")


class _OwnShare:
    """The main process's share of the chunks: the next one nobody has taken, when it has time."""

    def __init__(self, path: Path, claims: _Claims, tagger_id: str, counts: list[int], limits: Limits) -> None:
        self._chunks = _chunks(path, keep=claims.take_now, limits=limits)
        self._tagger_id = tagger_id
        self._seen = 0
        self._counts = counts
        self.done = False

    def prepare_next(self, ready: dict[int, Batch]) -> None:
        """Prepare the next chunk into ``ready``; at the end of the file, add its chunk count to ``counts``."""
        try:
            for number, chunk in self._chunks:
                self._seen = number + 1
                if chunk is not None:
                    ready[number] = _prepare_chunk(chunk, self._tagger_id)
                    return
        except (ChunkingFailed, SizeLimitExceeded):
            raise
        except Exception as exc:  # as in a worker: the serial reader will say where
            raise ChunkingFailed(f"{type(exc).__name__}: {exc}") from None
        self._counts.append(self._seen)
        self.done = True


class _Claims:
    """Which process prepares which chunk: the first to reach a chunk nobody has taken takes it.

    Every process scans the file in order, so chunks are taken in order. Workers keep within
    ``_MAX_BUFFERED`` chunks of the one the main process writes next, which bounds its memory.
    """

    def __init__(self, context: Any) -> None:
        self._lock = context.Condition()
        self._next = context.RawValue("q", 0)  # the first chunk nobody has taken
        self._written = context.RawValue("q", 0)  # chunks the main process has written

    def take_now(self, number: int) -> bool:
        with self._lock:
            if self._next.value != number:
                return False
            self._next.value = number + 1
            return True

    def take(self, number: int) -> bool:
        """Take chunk ``number`` once it is within reach; False if another process took it first."""
        parent = os.getppid()
        with self._lock:
            while self._next.value == number and number >= self._written.value + _MAX_BUFFERED:
                if not self._lock.wait(timeout=1.0) and os.getppid() != parent:
                    raise ChunkingFailed("the main process is gone")
            if self._next.value != number:
                return False
            self._next.value = number + 1
            return True

    def done(self, written: int) -> None:
        with self._lock:
            self._written.value = written
            self._lock.notify_all()


def _receive(pipe: Connection) -> tuple[str, Any]:
    try:
        kind, payload = pipe.recv()
    except (EOFError, OSError) as exc:
        raise ChunkingFailed(f"a worker process stopped ({exc or 'no reply'})") from None
    if kind == "failed":  # a parse error: the serial parser will say where
        raise ChunkingFailed(payload)
    if kind == "refused":
        raise SizeLimitExceeded(payload)
    return kind, payload


def _packed(batch: Batch) -> Packed:
    """``batch`` as plain tuples: pickle runs Python code for each NamedTuple it writes and reads
    (``__getnewargs__``, ``__new__``): ~3.5 µs a record more to send and receive a chunk's rows."""
    return [item if isinstance(item, Deletion) else (tuple(item[0]), tuple(item[1]), item[2]) for item in batch]


def _unpacked(packed: Packed) -> Batch:
    """The Batch that ``_packed`` made ``packed`` of."""
    new = tuple.__new__  # what NamedTuple's own __new__ ends in, without its argument handling
    return [
        item
        if isinstance(item, Deletion)
        else RecordRow(new(CitationColumns, item[0]), new(TagColumns, item[1]), item[2])
        for item in packed
    ]


def _widen(pipe: Connection) -> None:
    # Not Linux, or over the system's limit: the default width still works, with more waiting.
    with contextlib.suppress(AttributeError, OSError):
        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, _PIPE_BYTES)


def _work(
    path: str,
    claims: _Claims,
    tagging: tuple[str, str],
    pipe: Connection,
    limits: Limits,
    parent: tuple[int, list[Connection]],
) -> None:
    """A worker's life: prepare each chunk it gets to first, then report how many chunks there were.

    ``tagging`` is the vocabulary's path and the tagger's fingerprint; ``parent`` the main process's
    PID and the pipe ends this worker inherited from it: the worker ends when the main process ends.
    """
    tie_to_parent(*parent)
    vocabulary_path, tagger_id = tagging
    try:
        _start_worker(vocabulary_path)
        count = 0
        with fewer_collections():  # a spawned worker (not forked) does not have the parent's settings
            for number, chunk in _chunks(Path(path), keep=claims.take, limits=limits):
                count = number + 1
                if chunk is not None:
                    pipe.send(("items", (number, _packed(_prepare_chunk(chunk, tagger_id)))))
        pipe.send(("end", count))
        Tagger.keep_compiled()
    except SizeLimitExceeded as exc:  # the serial reader would refuse it too, after reading as much again
        _send_last(pipe, ("refused", str(exc)))
    except Exception as exc:  # any failure sends the file to the serial reader
        _send_last(pipe, ("failed", f"{type(exc).__name__}: {exc}"))
    finally:
        pipe.close()


def _send_last(pipe: Connection, message: tuple[str, str]) -> None:
    with contextlib.suppress(OSError):  # the main process is gone: nobody to tell
        pipe.send(message)


def _chunks(
    path: Path, keep: Callable[[int], bool] = lambda number: True, limits: Limits | None = None
) -> Iterator[tuple[int, bytes | None]]:
    """Numbered whole-record chunks of the file, each wrapped as a complete PubmedArticleSet document.

    The cut depends on the file alone, so every worker cuts it alike; a chunk ``keep`` refuses comes
    as None (it is not copied out). Each byte is searched for a record end once, and the buffer holds
    at most a chunk and one record: a file past ``limits`` is refused (``SizeLimitExceeded``) as soon
    as it crosses them.
    """
    limits = limits or Limits(max_input=DEFAULT_MAX_INPUT_BYTES)
    label = str(path)
    # ISA-L's gzip reader decompresses ~3x faster than zlib's, and every process reads the whole file.
    opener = igzip.open if _is_gzip(path) else open
    with opener(path, "rb") as stream:
        head = stream.read(CHUNK_BYTES)
        total = len(head)
        first = _FIRST_RECORD.search(head)
        root = _ROOT_OPEN.search(head)
        if first is None or root is None or root.start() > first.start():
            raise ChunkingFailed("no PubmedArticleSet header before the first record")
        if not plain_prolog(head[: first.start()]):  # a record-like tag in a comment, a PI, a DTD...
            raise ChunkingFailed("the file's prolog is not the plain one the chunks can share")
        # Patched once here (parse would otherwise copy each chunk to declare the MathML prefix).
        header, buffer = declare_mathml_prefix(head[: first.start()]), bytearray(head[first.start() :])
        last_end = last_record_end(buffer)  # the end of the buffer's last complete record
        eof = False
        number = 0
        while True:
            if last_end is not None and (len(header) + len(buffer) >= CHUNK_BYTES or eof):
                kept = keep(number)
                yield number, b"".join((header, memoryview(buffer)[:last_end], _ROOT_CLOSE)) if kept else None
                number += 1
                del buffer[:last_end]  # what is left holds no record end
                last_end = None
            elif eof:
                break
            else:
                more = stream.read(CHUNK_BYTES)
                eof = not more
                total += len(more)
                limits.check_total(total, label)
                searched = len(buffer)
                buffer += more
                last_end = last_record_end(buffer, max(0, searched - RECORD_END_OVERLAP)) or last_end
                if last_end is None:
                    limits.check_gap(len(buffer), total, label)
        if bytes(buffer).strip() != _ROOT_CLOSE:
            raise ChunkingFailed("the file does not end with </PubmedArticleSet>")


_TAGGER: Tagger | None = None


def _start_worker(vocabulary_path: str) -> None:
    global _TAGGER
    if _TAGGER is None or str(_TAGGER.vocabulary_path) != vocabulary_path:
        _TAGGER = Tagger(Path(vocabulary_path))


def _prepare_chunk(chunk: bytes, tagger_id: str) -> Batch:
    assert _TAGGER is not None, "worker started without its tagger"
    registries = load_registries()  # once a chunk, not once a record
    out: Batch = []
    for item in parse_pubmed_document(chunk, name="<chunk>"):
        out.append(
            item if isinstance(item, Deletion) else prepare_record(item, _TAGGER, tagger_id, registries=registries)
        )
    return out
