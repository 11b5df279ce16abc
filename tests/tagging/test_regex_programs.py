"""Regular expressions compiled from the programs an earlier process kept: the same expressions, warm or cold."""

from __future__ import annotations

import marshal
import re
from pathlib import Path
from typing import Any

import pytest

from litscan import cache_files
from litscan.config import default_topic_path, load_topic
from litscan.models import Record
from litscan.tagging import regex_programs
from litscan.tagging.tagger import Tagger

EXPRESSIONS: list[tuple[str | bytes, int]] = [
    ("chronic (?:\\w+[- ]){0,2}pain", 0),
    ("(?P<drug>ket|esket)amine (?P<route>iv|oral)?", 0),
    ("(?-i:IV)\\b", re.IGNORECASE),
    ("oral(?! mucositis)|(?<=\\d )patients", 0),
    (b" (?=(pain |ketamin(?:e|es)|the ))", 0),
]
TEXTS = [
    "chronic low back pain: 40 patients had ketamine oral, esketamine iv; IV not iv; oral mucositis.",
    b" chronic pain  the ketamine trial ",
]


@pytest.fixture
def cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("LITSCAN_CACHE_DIR", str(tmp_path / "cache"))
    new_process(monkeypatch)
    return tmp_path / "cache"


def new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """The module as a new process finds it: nothing read from the cache yet."""
    monkeypatch.setattr(regex_programs, "_programs", None)
    monkeypatch.setattr(regex_programs, "_used", {})
    monkeypatch.setattr(regex_programs, "_added", False)


def kept_file(cache: Path) -> Path:
    (path,) = cache.glob("regex-programs-*.marshal")
    return path


def uncompilable(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, compiling an expression through Python's regex parser fails the test."""

    def refuse(pattern: Any, flags: int = 0) -> None:
        raise AssertionError(f"{pattern!r} was compiled again")

    monkeypatch.setattr(regex_programs._parser, "parse", refuse)


def behaviour(pattern: re.Pattern[Any]) -> tuple[Any, ...]:
    texts = [text for text in TEXTS if isinstance(text, type(pattern.pattern))]
    found = [(m.span(), m.groups(), m.groupdict()) for text in texts for m in pattern.finditer(text)]
    return pattern.pattern, pattern.flags, pattern.groups, dict(pattern.groupindex), found


def compile_all() -> list[tuple[Any, ...]]:
    return [behaviour(regex_programs.compile(pattern, flags)) for pattern, flags in EXPRESSIONS]


def test_compiled_expressions_behave_as_re_compiles_them(cache: Path) -> None:
    expected = [behaviour(re.compile(pattern, flags)) for pattern, flags in EXPRESSIONS]
    assert compile_all() == expected
    assert all(found for *_, found in expected)  # each expression matches something in the texts


def test_a_later_process_compiles_nothing_and_gets_the_same_expressions(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = compile_all()
    regex_programs.save()
    new_process(monkeypatch)
    uncompilable(monkeypatch)
    assert compile_all() == cold


def test_programs_kept_by_two_processes_are_merged(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    regex_programs.compile(*EXPRESSIONS[0])
    regex_programs.save()
    new_process(monkeypatch)
    monkeypatch.setenv("LITSCAN_CACHE_DIR", str(cache))  # a second process, started before the first saved
    regex_programs._programs = {}
    regex_programs.compile(*EXPRESSIONS[1])
    regex_programs.save()
    new_process(monkeypatch)
    uncompilable(monkeypatch)
    regex_programs.compile(*EXPRESSIONS[0])
    regex_programs.compile(*EXPRESSIONS[1])


@pytest.mark.parametrize("damage", ["cut", "edited", "not marshal", "foreign", "other shape"])
def test_a_damaged_or_foreign_file_is_compiled_afresh(
    cache: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    cold = compile_all()
    regex_programs.save()
    path = kept_file(cache)
    raw = path.read_bytes()
    if damage == "cut":
        path.write_bytes(raw[: len(raw) // 2])
    elif damage == "edited":
        path.write_bytes(raw.replace(b"chronic", b"chronik", 1))
    elif damage == "not marshal":
        path.write_bytes(b"0\n{not marshal")
    elif damage == "foreign":
        path.write_bytes(b"[]")
    else:  # written whole, so it passes the file's check, but not a list of programs
        cache_files.store("regex-programs", regex_programs._build(), [1, 2], keep=2)
    new_process(monkeypatch)
    assert compile_all() == cold


def test_a_program_the_engine_refuses_is_compiled_afresh(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cold = compile_all()
    regex_programs.save()
    # A program that passes the file's check but not the engine's (as from another build's engine).
    assert regex_programs._programs is not None
    regex_programs._programs = {
        key: (flags, regex_programs._bytes_of([99999] * 8), *rest)
        for key, (flags, _, *rest) in regex_programs._programs.items()
    }
    regex_programs._added = True
    regex_programs.save()
    body = kept_file(cache).read_bytes().partition(b"\n")[2]
    assert len(marshal.loads(body)) == len(EXPRESSIONS)
    new_process(monkeypatch)
    assert compile_all() == cold


def test_a_bad_expression_raises_as_re_does(cache: Path) -> None:
    with pytest.raises(re.error, match="missing \\)"):
        regex_programs.compile("chronic (pain")
    regex_programs.save()
    assert not list(cache.glob("regex-programs-*.marshal"))  # nothing compiled, nothing kept


def test_a_cache_folder_that_cannot_be_written_is_left_alone(cache: Path) -> None:
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text("a file where the folder should be")
    assert compile_all()[0][0] == EXPRESSIONS[0][0]
    regex_programs.save()  # no error
    assert cache.read_text() == "a file where the folder should be"


def test_a_tagger_built_again_in_a_new_process_compiles_none_of_its_patterns(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vocabulary = load_topic(default_topic_path()).vocabulary_path
    record = Record(pmid="1", title="Oral ketamine for chronic neuropathic pain: a randomized controlled trial")
    cold = Tagger(vocabulary)(record)
    Tagger.keep_compiled()  # as an import does at its end: the patterns tagging compiled as texts reached them
    new_process(monkeypatch)
    uncompilable(monkeypatch)
    assert Tagger(vocabulary)(record) == cold
    assert cold.on_topic and cold.routes == ("oral",)


def test_the_file_keeps_the_programs_used_last_up_to_its_limit(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regex_programs, "_MOST", 3)
    for n in range(5):
        regex_programs.compile(f"old{n} pattern")
    regex_programs.save()
    new_process(monkeypatch)
    regex_programs.compile("old0 pattern")  # kept, and used again
    regex_programs.compile("new pattern")
    regex_programs.save()
    body = kept_file(cache).read_bytes().partition(b"\n")[2]
    assert [entry[1] for entry in marshal.loads(body)] == ["old4 pattern", "old0 pattern", "new pattern"]


def test_the_file_keeps_the_programs_used_last_up_to_a_size(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A chain of alternatives is tens of KB: a count alone let the file, read at every start, grow to 18 MB.
    small = regex_programs.compile("small one")
    program_size = len(regex_programs._loaded()[(False, "small one", 0)][1]) + len("small one")
    monkeypatch.setattr(regex_programs, "_MOST_CHARACTERS", 3 * program_size)
    assert small.match("small one")
    for word in ("small two", "small six", "small ten"):
        regex_programs.compile(word)
    regex_programs.save()
    body = kept_file(cache).read_bytes().partition(b"\n")[2]
    assert [entry[1] for entry in marshal.loads(body)] == ["small two", "small six", "small ten"]
