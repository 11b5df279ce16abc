"""Atomic writes: a failure part-way leaves the old file whole and no temporary file behind."""

from __future__ import annotations

import os
import stat

import pytest

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
