"""The multi-process import path gives exactly what the serial path gives, errors included."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from litscan import parallel
from litscan.demo import sample_path
from litscan.errors import InputError
from litscan.ingest import import_files
from litscan.parse import parse_pubmed_bytes
from litscan.store import Store


@pytest.fixture
def small_chunks(monkeypatch):
    # Force the parallel path on a small file, cut into many chunks.
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 3000)


def rows(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT pmid, data, content_hash, on_topic, design, conditions, routes, tags, deleted_at IS NULL "
            "FROM records ORDER BY pmid").fetchall()


def test_chunks_cut_at_record_boundaries_and_each_parses(small_chunks):
    chunks = list(parallel._chunks(sample_path()))
    assert len(chunks) > 3
    items = [item for chunk in chunks for item in parse_pubmed_bytes(chunk)]
    assert [getattr(i, "pmid", None) for i in items] == [
        getattr(i, "pmid", None) for i in parse_pubmed_bytes(sample_path().read_bytes())]


def test_parallel_import_stores_exactly_what_serial_import_stores(small_chunks, tmp_path):
    with Store.open(tmp_path / "serial.sqlite") as store:
        serial = import_files(store, [sample_path()], workers=1).summary
    with Store.open(tmp_path / "parallel.sqlite") as store:
        split = import_files(store, [sample_path()], workers=2).summary
    assert serial.counts() == split.counts()
    assert rows(tmp_path / "serial.sqlite") == rows(tmp_path / "parallel.sqlite")


def test_deletion_after_its_record_wins_across_chunks(small_chunks, tmp_path):
    body = sample_path().read_text().replace(
        "<DeleteCitation><PMID Version=\"1\">99000099</PMID>",
        "<DeleteCitation><PMID Version=\"1\">99000001</PMID>")
    path = tmp_path / "with-delete.xml"
    path.write_text(body)
    summaries = []
    for workers in (1, 2):
        with Store.open(tmp_path / f"s{workers}.sqlite") as store:
            summaries.append(import_files(store, [path], workers=workers).summary.counts())
            assert store.get("99000001").deleted_at is not None
            assert store.count() == 13
    assert summaries[0] == summaries[1]


def test_truncated_file_gives_the_serial_error_and_stores_nothing(small_chunks, tmp_path):
    data = sample_path().read_bytes()
    cut = tmp_path / "cut.xml"
    cut.write_bytes(data[: int(len(data) * 0.7)])
    messages = []
    for workers in (1, 2):
        with Store.open(tmp_path / f"s{workers}.sqlite") as store:
            with pytest.raises(InputError) as caught:
                import_files(store, [cut], workers=workers)
            messages.append(str(caught.value))
            assert store.count() == 0
    assert messages[0] == messages[1]
    assert "cut.xml" in messages[0] and "line" in messages[0]


def test_file_without_a_pubmed_header_falls_back_to_serial(small_chunks, tmp_path):
    path = tmp_path / "error.xml"
    path.write_text("<eFetchResult><ERROR>Search Backend failed</ERROR></eFetchResult>")
    with Store.open(tmp_path / "s.sqlite") as store, pytest.raises(InputError, match="Search Backend failed"):
        import_files(store, [path], workers=2)
