"""Topic files: validation errors name the file and the key, in one line; the bundled term is well formed."""

from __future__ import annotations

import os
import re
import socket
import tempfile
from pathlib import Path

import pytest
import requests

from litscan.config import (
    DEFAULT_EUTILS_URL,
    DEFAULT_RETRY_SECONDS,
    cache_dir,
    eutils_settings,
    load_topic,
    pace_dir,
    setting,
    templates_dir,
    topic_paths,
    topics_to_run,
)
from litscan.errors import ConfigError

QUERIES = Path(__file__).resolve().parent.parent / "queries"
PACKAGE = Path(__file__).resolve().parent.parent / "litscan"
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


@pytest.fixture
def clean_environment(tmp_path, monkeypatch):
    """No litscan or NCBI variable from the caller's shell, and a config.toml the test writes."""
    for name in ("NCBI_EMAIL", "NCBI_API_KEY", "LITSCAN_EUTILS_URL", "LITSCAN_RETRY_SECONDS", "LITSCAN_TEMPLATES"):
        monkeypatch.delenv(name, raising=False)
    config = tmp_path / "config.toml"
    monkeypatch.setenv("LITSCAN_CONFIG", str(config))
    return config


def test_eutils_settings_default_to_ncbi(clean_environment):
    assert eutils_settings().base_url == DEFAULT_EUTILS_URL
    assert eutils_settings().retry_seconds == DEFAULT_RETRY_SECONDS
    assert (eutils_settings().email, eutils_settings().api_key) == (None, None)


def test_eutils_settings_option_then_environment_then_config_file(clean_environment, monkeypatch):
    clean_environment.write_text('ncbi_email = "file@example.org"\nncbi_api_key = "file-key"\n')
    assert (eutils_settings().email, eutils_settings().api_key) == ("file@example.org", "file-key")
    monkeypatch.setenv("NCBI_API_KEY", "env-key")
    monkeypatch.setenv("LITSCAN_EUTILS_URL", "http://127.0.0.1:9/env/")
    monkeypatch.setenv("LITSCAN_RETRY_SECONDS", "4.5")
    settings = eutils_settings()
    assert (settings.api_key, settings.base_url, settings.retry_seconds) == ("env-key", "http://127.0.0.1:9/env/", 4.5)
    assert eutils_settings("http://127.0.0.1:9/option/").base_url == "http://127.0.0.1:9/option/"


def test_a_retry_budget_that_is_not_a_number_is_named(clean_environment, monkeypatch):
    monkeypatch.setenv("LITSCAN_RETRY_SECONDS", "two minutes")
    with pytest.raises(ConfigError, match=r"LITSCAN_RETRY_SECONDS.*'two minutes' is not a number of seconds"):
        eutils_settings()


def test_the_pace_directory_is_per_user_in_the_temporary_directory_unless_set(clean_environment, monkeypatch, tmp_path):
    monkeypatch.delenv("LITSCAN_PACE_DIR", raising=False)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)  # tempfile caches what it found first
    assert pace_dir() == tmp_path / f"litscan-{os.getuid()}" == eutils_settings().pace_dir
    monkeypatch.setenv("LITSCAN_PACE_DIR", str(tmp_path / "mine"))
    assert pace_dir() == tmp_path / "mine"


def test_the_cache_directory_is_under_the_users_cache_home_unless_set(monkeypatch, tmp_path):
    monkeypatch.delenv("LITSCAN_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache_dir() == tmp_path / ".cache" / "litscan"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "litscan"
    monkeypatch.setenv("LITSCAN_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"


def test_templates_folder_option_then_environment(clean_environment, monkeypatch, tmp_path):
    assert templates_dir() is None
    monkeypatch.setenv("LITSCAN_TEMPLATES", str(tmp_path / "env"))
    assert templates_dir() == tmp_path / "env"
    assert templates_dir(tmp_path / "option") == tmp_path / "option"


def test_run_takes_the_topics_given_else_every_topic_in_the_folder(tmp_path, monkeypatch):
    assert topics_to_run(["a.toml"]) == [Path("a.toml")]
    monkeypatch.setenv("LITSCAN_QUERIES", str(QUERIES))
    assert topics_to_run() == topic_paths(QUERIES)
    monkeypatch.setenv("LITSCAN_QUERIES", str(tmp_path))
    with pytest.raises(ConfigError, match="no topic files"):
        topics_to_run()


def test_only_the_config_module_reads_the_environment():
    readers = re.compile(r"os\.environ|os\.getenv|\benvvar\s*=|auto_envvar_prefix")
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "config.py" or path.parent != PACKAGE
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if readers.search(line)
    ]
    assert found == []


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


@pytest.mark.parametrize(
    "name", ["..", ".", "a\\u0000b", "x" * 300, "a/b", "a\\\\b", "two words", "-rf", "_x", "née", "a.b", "x" * 65]
)
def test_a_name_that_is_not_a_slug_is_named(tmp_path, name):
    message = error_for(tmp_path, GOOD.replace('name = "t"', f'name = "{name}"'))
    assert ": name: 'name' must be a slug" in message and len(message) < 400


@pytest.mark.parametrize("name", ["t", "Pain_2-b", "x" * 64, "2026"])
def test_a_slug_is_a_name(tmp_path, name):
    assert load_topic(topic_file(tmp_path, GOOD.replace('name = "t"', f'name = "{name}"'))).name == name


def test_the_suite_never_reaches_the_network() -> None:
    """tests/conftest.py refuses every connection off this machine, and the lookup of any host name."""
    for attempt in (
        lambda: requests.get("https://example.org/", timeout=5),
        lambda: socket.create_connection(("192.0.2.1", 80), timeout=5),
    ):
        with pytest.raises(RuntimeError, match="tests never reach the network"):
            attempt()
