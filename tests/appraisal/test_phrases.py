"""The phrase lists are data: validated when loaded, every mistake named by file and entry."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from litscan.appraisal.phrases import Matcher, _top_level_alternatives, default_path, load_phrases
from litscan.errors import ConfigError


def test_the_shipped_file_loads_and_is_cached() -> None:
    assert load_phrases() is load_phrases()
    assert load_phrases().rejected_by("Further studies are needed.") == "future_research"
    assert load_phrases().rejected_by("Pain fell by half.") is None


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "phrases.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _shipped_with(old: str, new: str) -> str:
    text = default_path().read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("funding = [\n", "funding = [\n  '\\bfund(',\n", r"reject\.funding\[0\]: bad regular expression"),
        ("funding = [\n", "funding = [\n  'x?',\n", r"reject\.funding\[0\]: pattern 'x\?' matches empty text"),
        ("funding = [\n", "funding = [\n  '\\bGrant',\n", r"reject\.funding\[0\]: .*capital letter"),
        ("[weak]\n", "[weak]\nvibes = ['x']\n", r"weak: unknown list 'vibes'"),
        ("version = 1", "version = 2", r"version: version must be 1"),
        ("version = 1", "version = 1\ncolour = 'red'", r"unknown key 'colour'"),
    ],
)
def test_a_mistake_names_the_file_and_the_entry(tmp_path: Path, old: str, new: str, message: str) -> None:
    path = _write(tmp_path, _shipped_with(old, new))
    with pytest.raises(ConfigError, match=re.escape(str(path)) + ": " + message):
        load_phrases(path)


def test_a_missing_list_and_a_missing_file_are_errors(tmp_path: Path) -> None:
    text = default_path().read_text(encoding="utf-8")
    start = text.index("ethics = [")
    path = _write(tmp_path, text[:start] + text[text.index("]", start) + 1 :])
    with pytest.raises(ConfigError, match=r"reject\.ethics: must be a non-empty list"):
        load_phrases(path)
    with pytest.raises(ConfigError, match="phrase file not found"):
        load_phrases(tmp_path / "absent.toml")


def test_broken_toml_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_phrases(_write(tmp_path, "version = [\n"))


def test_a_users_file_changes_what_is_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path, _shipped_with("funding = [\n", "funding = [\n  '\\bcoffee\\b',\n"))
    assert load_phrases(path).rejected_by("The team drank coffee.") == "funding"
    assert load_phrases().rejected_by("The team drank coffee.") is None


@pytest.mark.parametrize(
    ("source", "parts"),
    [
        (r"\ba|\bb", [r"\ba", r"\bb"]),
        (r"(a|b)c|d", ["(a|b)c", "d"]),
        (r"[|]x|y", ["[|]x", "y"]),
        (r"[]|]x|y", ["[]|]x", "y"]),
        (r"[^]|]x|y", ["[^]|]x", "y"]),
        (r"\|x|y", [r"\|x", "y"]),
    ],
)
def test_top_level_alternatives(source: str, parts: list[str]) -> None:
    assert _top_level_alternatives(source) == parts


def test_a_joined_matcher_finds_what_its_patterns_find_and_where() -> None:
    sources = [r"\bpain\b", r"^in short\b", r"\d ?%", r"\bno (?:effect|change)\b|\bsimilar\b"]
    matcher = Matcher(sources)
    for text in ("in short, pain fell", "50 % fewer", "it was similar", "no change at all", "painful", "nothing"):
        plain = [m for m in (re.search(s, text) for s in sources) if m]
        found = matcher.search(text)
        assert (found.start() if found else None) == (min(m.start() for m in plain) if plain else None), text
