"""Atomic writes: a failure part-way leaves the old file whole and no temporary file behind."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from litscan.errors import OutputError
from litscan.files import atomic_text_writer, atomic_write_bytes, atomic_write_text


def test_failed_write_keeps_the_previous_file(tmp_path):
    page = tmp_path / "digest.html"
    atomic_write_text(page, "<p>last week's digest</p>")
    with pytest.raises(RuntimeError), atomic_text_writer(page) as out:
        out.write("<p>half a new pa")
        raise RuntimeError("render failed")
    assert page.read_text() == "<p>last week's digest</p>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digest.html"]


def test_successful_write_replaces_and_is_readable_by_others(tmp_path):
    feed = tmp_path / "sub" / "feed.xml"
    atomic_write_bytes(feed, b"<feed/>")
    atomic_write_bytes(feed, b"<feed>new</feed>")
    assert feed.read_bytes() == b"<feed>new</feed>"
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(feed.stat().st_mode) == 0o666 & ~mask


@pytest.mark.parametrize("call", ["fsync", "replace"])
def test_a_full_disk_is_an_output_error_naming_the_file(tmp_path, monkeypatch, call):
    page = tmp_path / "digest.html"
    atomic_write_text(page, "<p>last week's digest</p>")

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, call, disk_full)
    with pytest.raises(OutputError, match=r"digest\.html: cannot write \(No space left on device\)") as caught:
        atomic_write_text(page, "<p>this week's</p>")
    monkeypatch.undo()
    assert caught.value.exit_code == 3
    assert page.read_text() == "<p>last week's digest</p>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digest.html"]


def test_a_folder_that_cannot_be_made_is_an_output_error(tmp_path):
    (tmp_path / "reports").write_text("a file where the folder should be")
    with pytest.raises(OutputError, match="cannot write"):
        atomic_write_text(tmp_path / "reports" / "t" / "index.html", "x")


def test_an_error_about_another_file_passes_through(tmp_path):
    with pytest.raises(FileNotFoundError), atomic_text_writer(tmp_path / "out.csv") as out:
        out.write((tmp_path / "missing-input.txt").read_text())
