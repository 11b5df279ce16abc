"""Values kept under the cache folder: read back as written, never damaged ones, and few of each kind."""

from __future__ import annotations

import os
import time
import tomllib
from pathlib import Path

import pytest

from litscan import cache_files
from litscan.config import toml_data
from litscan.errors import ConfigError


@pytest.fixture
def cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("LITSCAN_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


VALUE = {"name": "x", "rows": [("a", b"\x00\xff", None, 1.5)], "nested": {"deep": [True, False]}}


def test_a_value_is_read_back_as_written(cache: Path) -> None:
    cache_files.store("kind", "k1", VALUE, keep=4)
    assert cache_files.load("kind", "k1") == VALUE
    assert cache_files.load("kind", "k2") is None
    assert cache_files.load("other", "k1") is None


@pytest.mark.parametrize("damage", ["cut", "edited", "no check line"])
def test_a_damaged_file_reads_as_missing(cache: Path, damage: str) -> None:
    cache_files.store("kind", "k1", VALUE, keep=4)
    path = cache_files.path_for("kind", "k1")
    assert path is not None
    raw = path.read_bytes()
    if damage == "cut":
        path.write_bytes(raw[:-3])
    elif damage == "edited":
        path.write_bytes(raw.replace(b"deep", b"DEEP"))
    else:
        path.write_bytes(raw.partition(b"\n")[2])
    assert cache_files.load("kind", "k1") is None


def test_each_kind_keeps_its_newest_files_and_leaves_other_kinds_alone(cache: Path) -> None:
    cache_files.store("other", "o", 1, keep=1)
    for n in range(5):
        cache_files.store("kind", f"k{n}", n, keep=3)
        path = cache_files.path_for("kind", f"k{n}")
        assert path is not None
        os.utime(path, (1_000_000 + n, 1_000_000 + n))  # written in this order, a second apart
    (cache / "kind-old-format.json").write_text("{}")
    os.utime(cache / "kind-old-format.json", (999_000, 999_000))
    cache_files.store("kind", "k5", 5, keep=3)
    assert sorted(p.name for p in cache.iterdir()) == [
        "kind-k3.marshal",
        "kind-k4.marshal",
        "kind-k5.marshal",
        "other-o.marshal",
    ]


def test_a_temporary_file_is_removed_only_once_its_writer_is_long_gone(cache: Path) -> None:
    cache.mkdir()
    abandoned, current = cache / ".kind-k1.marshal.abc.tmp", cache / ".kind-k2.marshal.def.tmp"
    abandoned.write_bytes(b"half")
    current.write_bytes(b"being written")
    hours_ago = time.time() - 7200
    os.utime(abandoned, (hours_ago, hours_ago))
    cache_files.store("kind", "k3", 3, keep=3)
    assert not abandoned.exists() and current.exists()


def test_a_value_marshal_cannot_write_is_not_kept(cache: Path) -> None:
    cache_files.store("kind", "k1", {"when": time.gmtime()}, keep=3)
    assert not cache.exists() or not list(cache.iterdir())


def test_a_folder_that_cannot_be_written_is_left_alone(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("LITSCAN_CACHE_DIR", str(blocker / "cache"))
    cache_files.store("kind", "k1", VALUE, keep=3)  # no error
    assert cache_files.load("kind", "k1") is None


def test_a_data_file_parsed_once_is_read_back_without_parsing(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = b'version = 1\n[rows.a]\npatterns = ["x", "y"]\nweight = 0.5\n'
    first = toml_data(data, "rules.toml")

    def refuse(text: str) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(tomllib, "loads", refuse)
    assert (
        toml_data(data, "rules.toml") == first == {"version": 1, "rows": {"a": {"patterns": ["x", "y"], "weight": 0.5}}}
    )
    with pytest.raises(AssertionError, match="parsed again"):
        toml_data(data + b"# edited\n", "rules.toml")  # other content: parsed afresh


def test_a_data_file_that_is_not_toml_is_still_named_and_nothing_is_kept(cache: Path) -> None:
    for _ in range(2):
        with pytest.raises(ConfigError, match=r"rules\.toml.*not valid TOML"):
            toml_data(b"[rows\n", "rules.toml")
    assert not cache.exists() or not list(cache.iterdir())
