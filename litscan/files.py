"""Files a user names: read whole with a one-line error, written atomically.

Writes go to a temporary file in the same folder, then a rename: a crash or an
error mid-write never leaves a half-written file, and a failed run never
clobbers the file that was there before.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import IO, Any

from .errors import InputError, OutputError


def read_named_file(path: Path, what: str, error: type[InputError]) -> bytes:
    """The bytes of the ``what`` file at ``path``, or ``error`` naming the file and saying why not."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise error(f"{what} not found", path=str(path)) from None
    except OSError as exc:
        raise error(f"cannot read ({exc.strerror or exc})", path=str(path)) from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_FILE_MODE = 0o666 & ~_umask()


@contextmanager
def _atomic_file(path: Path, mode: str, encoding: str | None = None) -> Iterator[IO[Any]]:
    """Yield a file that replaces ``path`` only if the block finishes without error.

    A write that fails (a full disk, a read-only folder) is an ``OutputError`` naming ``path``.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    try:
        os.fchmod(fd, _FILE_MODE)  # mkstemp makes 0600; reports must stay readable by a web server
        with os.fdopen(fd, mode, encoding=encoding, newline="" if encoding else None) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except OSError as exc:
        Path(tmp_name).unlink(missing_ok=True)
        if exc.filename not in (None, tmp_name, str(path)):
            raise  # about some other file the block was reading
        raise _cannot_write(path, exc) from None
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _cannot_write(path: Path, exc: OSError) -> OutputError:
    return OutputError(f"{path}: cannot write ({exc.strerror or exc})")


def atomic_text_writer(path: Path, encoding: str = "utf-8") -> AbstractContextManager[IO[str]]:
    """A text file that replaces ``path`` only if the ``with`` block finishes without error."""
    return _atomic_file(path, "w", encoding)


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    with _atomic_file(path, "w", encoding) as handle:
        handle.write(text)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    with _atomic_file(path, "wb") as handle:
        handle.write(data)
