"""Topic files: validation errors name the file and the key, in one line; the bundled term is well formed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from litscan.config import load_topic, setting, topic_paths
from litscan.errors import ConfigError

QUERIES = Path(__file__).resolve().parent.parent / "queries"
GOOD = 'name = "t"\nterm = "ketamine[tiab]"\nstart = 2020-01-01\nvocabulary = "v.toml"\n'


def topic_file(tmp_path: Path, text: str) -> Path:
    (tmp_path / "v.toml").write_text("# vocabulary\n")
    path = tmp_path / "t.toml"
    path.write_text(text)
    return path


def error_for(tmp_path: Path, text: str) -> str:
    path = topic_file(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_topic(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    return message


def test_good_file_loads(tmp_path):
    topic = load_topic(topic_file(tmp_path, GOOD))
    assert (topic.name, topic.term, topic.start.isoformat()) == ("t", "ketamine[tiab]", "2020-01-01")


def test_unknown_key_is_named(tmp_path):
    message = error_for(tmp_path, GOOD + "colour = 1\n")
    assert "colour" in message and "unknown key" in message


def test_unknown_key_in_a_table_is_named_with_its_table(tmp_path):
    assert "digest.cadence" in error_for(tmp_path, GOOD + "[digest]\ncadence = 'week'\n")


@pytest.mark.parametrize("text", [GOOD.replace('term = "ketamine[tiab]"\n', ""), GOOD.replace("ketamine[tiab]", " ")])
def test_missing_or_empty_term_is_named(tmp_path, text):
    message = error_for(tmp_path, text)
    assert "'term'" in message and ": term:" in message


@pytest.mark.parametrize("value", ['"last spring"', '"2020-13-45"', "2020"])
def test_unparseable_start_date_is_named(tmp_path, value):
    message = error_for(tmp_path, GOOD.replace("2020-01-01", value))
    assert ": start:" in message and "YYYY-MM-DD" in message


def test_missing_start_is_named(tmp_path):
    assert "start" in error_for(tmp_path, GOOD.replace("start = 2020-01-01\n", ""))


def test_bad_toml_is_reported_with_the_file(tmp_path):
    assert "not valid TOML" in error_for(tmp_path, GOOD + "term = [\n")


def test_vocabulary_files_are_not_topics():
    paths = topic_paths(QUERIES)
    assert paths and all(not p.name.endswith(".vocab.toml") for p in paths)


def test_environment_wins_over_the_config_file(tmp_path, monkeypatch):
    config = tmp_path / "config.toml"
    config.write_text('ncbi_email = "file@example.org"\nncbi_api_key = "from-file"\n')
    monkeypatch.setenv("LITSCAN_CONFIG", str(config))
    monkeypatch.delenv("NCBI_API_KEY", raising=False)
    monkeypatch.setenv("NCBI_EMAIL", "env@example.org")
    assert setting("NCBI_EMAIL", "ncbi_email") == "env@example.org"
    assert setting("NCBI_API_KEY", "ncbi_api_key") == "from-file"


def _operators_by_depth(term: str) -> dict[int, set[str]]:
    """Which Boolean operators occur at each parenthesis depth (quoted phrases skipped)."""
    found: dict[int, set[str]] = {}
    depth = 0
    for token in re.findall(r'"[^"]*"(?:\[\w+\])?|\(|\)|\bAND\b|\bOR\b|\bNOT\b|[^\s()"]+', term):
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
            assert depth >= 0, "unbalanced parentheses"
        elif token in ("AND", "OR", "NOT"):
            found.setdefault(depth, set()).add(token)
    assert depth == 0, "unbalanced parentheses"
    return found


def test_bundled_term_mixes_no_and_into_its_or_lists():
    # PubMed evaluates left to right, so "a OR b AND c OR d" silently means "((a OR b) AND c) OR d".
    topic = load_topic(QUERIES / "ketamine-chronic-pain.toml")
    operators = _operators_by_depth(topic.term)
    assert operators[0] == {"AND"}  # (drug) AND (conditions)
    assert operators[1] == {"OR"}  # each block is a pure OR list; any AND sits deeper
    # Which wordings of each condition the term finds is measured, not string-matched, in
    # tests/pubmed/test_term_check.py (test_bundled_term_finds_each_condition_by_free_text_alone).


def test_the_old_precedence_bug_is_caught():
    bad = '(ketamine[tiab]) AND (fibromyalgia[tiab] OR "pain, postoperative"[mh] AND chronic[tiab])'
    assert _operators_by_depth(bad)[1] == {"OR", "AND"}
