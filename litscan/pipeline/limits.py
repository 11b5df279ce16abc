"""Size limits on imported files: a hostile size is refused after a bounded read, with one line.

Nothing in PubMed puts more than a few megabytes between the ends of two records, and a baseline
or update file decompresses to a few hundred megabytes. A file past either bound (a small gzip of
gigabytes of whitespace, one giant record) would otherwise cost minutes and gigabytes before any
error; it is refused as soon as the bound is crossed, naming the file, how far it was read and
the setting that raises the limit.
"""

from __future__ import annotations

import gzip
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, TextIO

from ..config import DEFAULT_MAX_INPUT_MB
from ..errors import InputError

# More than any PubMed record (the largest, with thousands of authors, are a few MB).
MAX_RECORD_BYTES = 64 << 20
DEFAULT_MAX_INPUT_BYTES = DEFAULT_MAX_INPUT_MB << 20  # LITSCAN_MAX_INPUT_MB overrides it
RECORD_END_TAGS = (b"</PubmedArticle>", b"</PubmedBookArticle>", b"</DeleteCitation>")
# A record end split across two reads is found by looking this far back into the previous one.
RECORD_END_OVERLAP = max(len(tag) for tag in RECORD_END_TAGS) - 1
# In PubMed-format (MEDLINE) text a record ends where the next one starts, at its PMID line.
MEDLINE_RECORD_STARTS = (b"\nPMID-",)


class SizeLimitExceeded(InputError):
    """A file holds more than an import accepts; raised as soon as the bound is crossed."""


@dataclass(frozen=True)
class Limits:
    """The most one file may hold (decompressed), and between two record ends."""

    max_input: int
    max_record: int = field(default_factory=lambda: MAX_RECORD_BYTES)

    def check_total(self, total: int, path: str) -> None:
        if total > self.max_input:
            raise SizeLimitExceeded(
                f"refused: more than {_size(self.max_input)} once decompressed "
                "(the limit for one file; set LITSCAN_MAX_INPUT_MB to raise it)",
                path=path,
            )

    def check_gap(self, gap: int, at: int, path: str) -> None:
        if gap > min(self.max_record, self.max_input):
            raise SizeLimitExceeded(
                f"refused: more than {_size(self.max_record)} without the end of a record "
                f"(at byte {at:,}); no PubMed record is that large",
                path=path,
            )


def last_record_end(data: bytes | bytearray, start: int = 0, tags: tuple[bytes, ...] = RECORD_END_TAGS) -> int | None:
    """The offset just past the last record end tag in ``data[start:]``, or None if it has none."""
    end = None
    for tag in tags:  # the commonest first: the others need only be looked for after it
        found = data.rfind(tag, start)
        if found >= 0:
            end = start = found + len(tag)
    return end


class GuardedStream:
    """A decompressed PubMed XML (or MEDLINE, with its ``ends``) stream that refuses to read past
    ``limits``; one pass, linear."""

    def __init__(
        self,
        stream: BinaryIO,
        path: str,
        limits: Limits,
        raw: BinaryIO | None = None,
        ends: tuple[bytes, ...] = RECORD_END_TAGS,
    ) -> None:
        self._stream = stream
        self._raw = raw  # the file under a decompressor, which closing the decompressor leaves open
        self._path = path
        self._limits = limits
        self._ends = ends
        self._overlap = max(len(tag) for tag in ends) - 1
        self._total = 0
        self._since_end = 0  # bytes read since the last record end
        self._tail = b""  # the last few bytes read, where an end tag may have begun

    def read(self, size: int = -1, /) -> bytes:
        data = self._stream.read(size)
        self._total += len(data)
        self._limits.check_total(self._total, self._path)
        window = self._tail + data
        end = last_record_end(window, 0, self._ends)
        self._since_end = len(window) - end if end is not None else self._since_end + len(data)
        self._limits.check_gap(self._since_end, self._total, self._path)
        self._tail = window[-self._overlap :]
        return data

    def close(self) -> None:
        self._stream.close()
        if self._raw is not None:
            self._raw.close()


def open_guarded(path: Path, limits: Limits, ends: tuple[bytes, ...] = RECORD_END_TAGS) -> GuardedStream:
    """``path`` decompressed if gzipped, as a stream that refuses what ``limits`` does not allow."""
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot open file ({exc.strerror or exc})", path=str(path)) from None
    stream: BinaryIO = raw
    if raw.read(2) == b"\x1f\x8b":
        stream = gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[assignment]
    raw.seek(0)
    return GuardedStream(stream, str(path), limits, raw if stream is not raw else None, ends)


class _Raw(io.RawIOBase):
    """A ``GuardedStream`` as the raw stream ``io`` buffers and decodes."""

    def __init__(self, guarded: GuardedStream) -> None:
        self._guarded = guarded

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self._guarded.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if not self.closed:
            self._guarded.close()
        super().close()


def open_guarded_medline(path: Path, limits: Limits) -> TextIO:
    """A MEDLINE (PubMed-format) file as text, gzipped or not, under the same ``limits`` as XML.

    UTF-8, a byte-order mark dropped (some editors add one), any line end read as ``\\n``.
    """
    raw = _Raw(open_guarded(path, limits, MEDLINE_RECORD_STARTS))
    return io.TextIOWrapper(io.BufferedReader(raw), encoding="utf-8-sig", newline=None)


def _size(count: int) -> str:
    return f"{count >> 30:,} GiB" if count >= 1 << 30 and not count % (1 << 30) else f"{count >> 20:,} MiB"


__all__ = [
    "DEFAULT_MAX_INPUT_BYTES",
    "MAX_RECORD_BYTES",
    "MEDLINE_RECORD_STARTS",
    "RECORD_END_OVERLAP",
    "GuardedStream",
    "Limits",
    "SizeLimitExceeded",
    "last_record_end",
    "open_guarded",
    "open_guarded_medline",
]
