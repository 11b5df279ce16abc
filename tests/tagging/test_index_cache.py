"""The readings of a PatternIndex's patterns, kept between processes: the same matches, warm or cold."""

from __future__ import annotations

from pathlib import Path

import pytest

from litscan import cache_files
from litscan.tagging import matching
from litscan.tagging.matching import PatternIndex

PATTERNS = [
    "neuropathic (?:\\w+ )?pain",
    "chronic (?:\\w+[- ]){0,2}pain",
    "(?-i:IV)\\b",
    "oral(?! mucositis)",
    "\\d+ patients",
]
TEXT = "Chronic low back pain and neuropathic pain: 40 patients had IV or oral ketamine (not oral mucositis)."


@pytest.fixture
def cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("LITSCAN_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def cached_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("pattern-starts-*.marshal"))


def unread(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, reading a pattern through the regex parser fails the test."""

    def refuse(source: str) -> None:
        raise AssertionError(f"{source!r} was read again")

    monkeypatch.setattr(matching, "parse", refuse)


def test_a_second_index_of_the_same_patterns_reads_none_of_them_and_finds_the_same(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = PatternIndex(PATTERNS).find(TEXT, TEXT.lower())
    assert len(cached_files(cache)) == 1 and len(cold) == 5
    unread(monkeypatch)
    assert PatternIndex(PATTERNS).find(TEXT, TEXT.lower()) == cold


def test_other_patterns_are_read_afresh_into_a_file_of_their_own(cache: Path) -> None:
    PatternIndex(PATTERNS)
    PatternIndex([*PATTERNS[:-1], "\\d+ participants"])
    assert len(cached_files(cache)) == 2


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"0\n{not marshal",
        ("other shape", ([], [], b"")),  # passes the file's check: written whole, but of no patterns
        ("other shape", ([None], [1], "trie")),
        ("other shape", 1),
    ],
)
def test_a_damaged_or_foreign_file_is_read_afresh_and_mended(cache: Path, damage: object) -> None:
    cold = PatternIndex(PATTERNS).find(TEXT, TEXT.lower())
    (stored,) = cached_files(cache)
    key = stored.stem.removeprefix("pattern-starts-")
    if isinstance(damage, bytes):
        stored.write_bytes(damage)
    else:
        cache_files.store("pattern-starts", key, damage[1], keep=8)  # type: ignore[index]
    assert PatternIndex(PATTERNS).find(TEXT, TEXT.lower()) == cold
    gates, keys, trie = cache_files.load("pattern-starts", key)
    assert len(gates) == len(keys) == len(PATTERNS) and trie


def test_a_cache_directory_that_cannot_be_made_costs_nothing_but_time(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("LITSCAN_CACHE_DIR", str(blocker / "cache"))
    assert len(PatternIndex(PATTERNS).find(TEXT, TEXT.lower())) == 5
    assert [p.name for p in tmp_path.iterdir()] == ["a-file"]
