"""Compiled regular expressions kept between processes: the tagger's patterns ready in milliseconds.

Python's ``re`` compiles an expression in Python code (its parser, then its code generator) and
keeps nothing between processes. The tagger's ~1,000 patterns and its scanner cost ~0.15 s of every
command that tags, before its first record (the machine's other cores wait for it), and each import
process compiles a few hundred more as the texts reach them. What the code generator makes, the
*program* (the integers the C engine runs, and the group names), depends only on the expression,
its flags and the Python build; so programs are kept, in one file per Python build under the cache
folder (``litscan.cache_files``). An expression found there goes to the engine as it is
(``_sre.compile``, the step ``re.compile`` ends with; the engine checks a program before it takes
it); any other is compiled as ``re`` compiles it, and its program is added to the file by ``save``.

The file is only a shortcut: one that is missing, unreadable, corrupt, of another shape or from
another Python is compiled afresh, and a program the engine refuses is compiled again from its
expression. ``re._parser`` and ``re._compiler`` are CPython's own modules (``literal_starts`` reads
patterns with the parser too); where they are not what this module expects, nothing is kept.
"""

from __future__ import annotations

import hashlib
import re
import sys
from array import array
from typing import Any

from .. import cache_files

try:  # CPython's regex internals, as of 3.11; any other shape turns the cache off (``_KEEP``)
    import _sre  # type: ignore[import-not-found]  # CPython's engine; typeshed has no stub for it
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _KEEP = (
        callable(getattr(_sre, "compile", None))
        and callable(getattr(_compiler, "_code", None))
        and getattr(_sre, "CODESIZE", 0) == array("I").itemsize  # programs are written as unsigned ints
    )
except ImportError:  # pragma: no cover - another Python implementation
    _KEEP = False

Key = tuple[bool, str, int]  # (bytes pattern?, the pattern as text, flags asked for)
# What ``_sre.compile`` takes besides the pattern: flags, code, groups, group index, index group. The code
# is kept as written in the file (its integers' bytes) and turned into a list when compiled: as Python lists
# of integers the table held ~5 MB more.
Program = tuple[int, bytes, int, dict[str, int], list[str | None]]
_KIND = "regex-programs"

# Programs kept at most, and characters (bytes of code) of them. The tagger uses ~1,300 (about 1 MB of program text); an
# edited vocabulary or rule file brings its own, some of them large (a chain of alternatives is tens of KB),
# and the file is read whole at every start: the ones used last are kept. After a day of vocabulary edits
# the count alone let the file grow to 18 MB, read at every start (+0.07 s, +35 MB).
_MOST = 3_000
_MOST_CHARACTERS = 4_000_000

_programs: dict[Key, Program] | None = None  # loaded on first use
_used: dict[Key, None] = {}  # in the order last used
_added = False


def compile(pattern: str | bytes, flags: int = 0) -> re.Pattern[Any]:
    """``re.compile(pattern, flags)``, from the kept program where there is one; raises ``re.error`` as it does."""
    if not _KEEP:
        return re.compile(pattern, flags)
    key = (isinstance(pattern, bytes), _text(pattern), flags)
    programs = _loaded()
    _used.pop(key, None)
    _used[key] = None
    program = programs.get(key)
    if program is not None:
        try:
            return _from_program(pattern, program)
        except (RuntimeError, TypeError, ValueError):  # refused by the engine: compile it afresh
            del programs[key]
    program = _program(pattern, flags)
    programs[key] = program
    global _added
    _added = True
    return _from_program(pattern, program)


def save() -> None:
    """Add the programs compiled since the file was read to it (merged with what other processes added)."""
    global _added
    if not _KEEP or not _added or _programs is None:
        return
    kept = _read() or {}  # what other processes added meanwhile stays
    for key in _used:  # this process's programs go last, as the most recent
        kept.pop(key, None)
    kept.update((key, _programs[key]) for key in _used if key in _programs)
    for key in list(kept)[: max(0, len(kept) - _MOST)]:
        del kept[key]
    _write(_within_budget(kept))
    _added = False


def _within_budget(programs: dict[Key, Program]) -> dict[Key, Program]:
    """The programs used last whose text fits ``_MOST_CHARACTERS``, in the order they were used."""
    total = 0
    newest: list[Key] = []
    for key in reversed(programs):
        total += len(key[1]) + len(programs[key][1])
        if total > _MOST_CHARACTERS:
            break
        newest.append(key)
    return {key: programs[key] for key in reversed(newest)}


def _text(pattern: str | bytes) -> str:
    return pattern.decode("latin-1") if isinstance(pattern, bytes) else pattern


def _program(pattern: str | bytes, flags: int) -> Program:
    """What ``re._compiler.compile`` hands the engine for ``pattern``."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    names: dict[str, int] = dict(parsed.state.groupdict)
    index_group: list[str | None] = [None] * parsed.state.groups
    for name, number in names.items():
        index_group[number] = name
    return (flags | parsed.state.flags, _bytes_of(code), parsed.state.groups - 1, names, index_group)


def _from_program(pattern: str | bytes, program: Program) -> re.Pattern[Any]:
    flags, code, groups, names, index_group = program
    return _sre.compile(pattern, flags, _code_of(code), groups, names, tuple(index_group))  # type: ignore[no-any-return]


def _loaded() -> dict[Key, Program]:
    global _programs
    if _programs is None:
        _programs = _read() or {}
    return _programs


def _build() -> str:
    return hashlib.sha1(f"{sys.version}\0{sys.implementation.cache_tag}\0{_sre.MAGIC}".encode()).hexdigest()[:16]


def _read() -> dict[Key, Program] | None:
    """The programs kept for this Python build; None for none, or a file not of the shape written."""
    kept = cache_files.load(_KIND, _build())
    if kept is None:
        return None
    try:
        # Taken as read: cache_files checked the file is one written whole, and the engine checks each program.
        return {
            (is_bytes, text, flags): (program_flags, code, groups, names, index_group)
            for is_bytes, text, flags, program_flags, code, groups, names, index_group in kept
        }
    except (TypeError, ValueError):
        return None


def _code_of(data: bytes) -> list[int]:
    return array("I", data).tolist()


def _bytes_of(code: Any) -> bytes:
    return array("I", code).tobytes()


def _write(programs: dict[Key, Program]) -> None:
    cache_files.store(
        _KIND,
        _build(),
        # Flags as plain integers: marshal writes no RegexFlag.
        [
            (is_bytes, text, int(flags), int(program_flags), *rest)
            for (is_bytes, text, flags), (program_flags, *rest) in programs.items()
        ],
        keep=2,
    )
