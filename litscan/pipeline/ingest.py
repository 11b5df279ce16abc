"""Import files into a store: parse → tag → store, one file at a time.

Each file is imported inside one transaction: a file that turns out to be
truncated or corrupt halfway leaves the store exactly as it was, and the
error names the file and the place.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import BinaryIO, TypeVar, cast

from ..config import Topic, default_topic_path, load_topic, max_input_bytes
from ..errors import InputError
from ..models import Deletion, ParsedItem
from ..pubmed.xml_reader import detect_format, iter_pubmed_xml
from ..store import BatchSummary, RecordRow, Store
from ..tagging.tagger import Tagger
from . import parallel
from .limits import Limits, open_guarded, open_guarded_medline
from .prepare import store_records

BATCH_SIZE = 1000
B = TypeVar("B")

ProgressCallback = Callable[[str, int], None]  # (path, items done so far in that file)


@dataclass
class ImportResult:
    """What an import did, per file and in total; ``failed`` names the files not imported, and why."""

    summary: BatchSummary = field(default_factory=BatchSummary)
    files: list[tuple[str, BatchSummary]] = field(default_factory=list)
    failed: list[tuple[str, InputError]] = field(default_factory=list)


class ImportFailedError(InputError):
    """Some of the files could not be imported; the others were. ``result`` tells which is which."""

    def __init__(self, result: ImportResult) -> None:
        self.result = result
        errors = [str(error) for _, error in result.failed]
        attempted = len(result.files) + len(result.failed)
        # One file: its own message; several: how many, then each (still one line).
        message = (
            errors[0] if len(errors) == 1 else f"{len(errors)} of {attempted} files not imported: " + "; ".join(errors)
        )
        super().__init__(message)


def import_files(
    store: Store,
    paths: Sequence[str | os.PathLike[str]],
    *,
    topic: Topic | None = None,
    tagger: Tagger | None = None,
    progress: ProgressCallback | None = None,
    batch_size: int = BATCH_SIZE,
    workers: int | None = None,
    max_bytes: int | None = None,
) -> ImportResult:
    """Import PubMed XML (``.xml``/``.xml.gz``) and MEDLINE (``.txt``/``.nbib``) files.

    Every path is checked before anything is written, so a missing file stops
    the import with nothing stored. Each file lands whole or not at all: a file that
    cannot be read is left out and the next one is tried; once all were tried,
    ``ImportFailedError`` names the files left out (its ``result`` holds what the others
    did). Records are linked to ``topic`` (default:
    the bundled ketamine/chronic-pain topic) and tagged with its vocabulary.
    Large PubMed XML files are parsed and tagged by ``workers`` processes
    (default: one per core; 1 keeps everything in this process). A PubMed XML file holding
    more than ``max_bytes`` once decompressed (default: ``LITSCAN_MAX_INPUT_MB``, 4096 MB), or
    one record past ``limits.MAX_RECORD_BYTES``, is refused with nothing of it stored; so is a
    MEDLINE file.
    """
    workers = parallel.default_workers() if workers is None else workers
    limits = Limits(max_input=max_input_bytes() if max_bytes is None else max_bytes)
    topic = topic or load_topic(default_topic_path())
    tagger = tagger or Tagger.for_topic(topic)
    files = [Path(p) for p in paths]
    for path in files:
        if not path.is_file():
            raise InputError("no such file", path=str(path))
    result = ImportResult()
    run_id = store.start_run("import", topic.name, {"files": [str(p) for p in files]})
    try:
        for path in files:
            try:
                file_summary = _import_one(store, path, topic, tagger, progress, batch_size, workers, limits)
            except InputError as exc:  # this file rolled back whole; the others still count
                result.failed.append((str(path), exc))
                continue
            result.files.append((str(path), file_summary))
            result.summary.add(file_summary)
    except Exception as exc:
        store.finish_run(run_id, "failed", {"error": str(exc), **result.summary.counts()})
        raise
    if result.failed:
        failed = ImportFailedError(result)
        store.finish_run(run_id, "failed", {"error": str(failed), **result.summary.counts()})
        raise failed
    store.finish_run(run_id, "ok", result.summary.counts())
    tagger.keep_compiled()
    return result


def _import_one(
    store: Store,
    path: Path,
    topic: Topic,
    tagger: Tagger,
    progress: ProgressCallback | None,
    batch_size: int,
    workers: int,
    limits: Limits,
) -> BatchSummary:
    def write_prepared(batch: list[RecordRow | Deletion]) -> BatchSummary:
        return store.upsert(batch, topic=topic.name, savepoint=False)  # _store_file's transaction holds the file

    def write_parsed(batch: list[ParsedItem]) -> BatchSummary:
        return store_records(
            store, batch, tagger=tagger, topic=topic.name, tagger_id=tagger.fingerprint, savepoint=False
        )

    if detect_format(path) == "medline":
        return _store_file(store, path, _batches(_guarded_medline(path, limits), batch_size), write_parsed, progress)
    if parallel.worth_parallel(path, workers):
        try:
            prepared = parallel.prepared_items(path, tagger, workers, limits)
            return _store_file(store, path, prepared, write_prepared, progress)
        except parallel.ChunkingFailed:
            pass  # the transaction rolled back; the serial reader reports the exact place
    return _store_file(store, path, _batches(_guarded_xml(path, limits), batch_size), write_parsed, progress)


def _store_file(
    store: Store,
    path: Path,
    batches: Iterable[list[B]],
    write: Callable[[list[B]], BatchSummary],
    progress: ProgressCallback | None,
) -> BatchSummary:
    """All of one file's batches in one transaction: the file lands whole, or not at all."""
    summary = BatchSummary()
    done = 0
    with store.first_load(), store.transaction():
        for batch in batches:
            summary.add(write(batch))
            done += len(batch)
            if progress:
                progress(str(path), done)
    return summary


def _guarded_xml(path: Path, limits: Limits) -> Iterator[ParsedItem]:
    stream = open_guarded(path, limits)
    try:
        yield from iter_pubmed_xml(cast(BinaryIO, stream), name=str(path))  # the reader only calls read()
    finally:
        stream.close()


def _guarded_medline(path: Path, limits: Limits) -> Iterator[ParsedItem]:
    # Imported here: the MEDLINE reader (Biopython, section rules) costs an XML import ~5 ms of start-up.
    from ..pubmed.medline import iter_medline

    stream = open_guarded_medline(path, limits)
    try:
        yield from iter_medline(stream, name=str(path))
    finally:
        stream.close()


def _batches(items: Iterable[ParsedItem], size: int) -> Iterator[list[ParsedItem]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
