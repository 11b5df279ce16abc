"""The multi-process import path gives exactly what the serial path gives, errors included."""

from __future__ import annotations

import gc
import os
import sqlite3
from pathlib import Path

import pytest

from litscan.config import default_topic_path, load_topic
from litscan.errors import InputError
from litscan.models import Deletion
from litscan.pipeline import parallel
from litscan.pipeline.demo import sample_path
from litscan.pipeline.ingest import import_files
from litscan.pubmed.xml_reader import parse_pubmed_bytes
from litscan.store import Store
from litscan.tagging.tagger import Tagger


@pytest.fixture
def small_chunks(monkeypatch):
    # Force the parallel path on a small file, cut into many chunks.
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 3000)


def rows(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT pmid, data, content_hash, on_topic, design, conditions, routes, tags, deleted_at IS NULL "
            "FROM records ORDER BY pmid"
        ).fetchall()


def test_chunks_cut_at_record_boundaries_and_each_parses(small_chunks):
    numbered = list(parallel._chunks(sample_path()))
    assert [number for number, _ in numbered] == list(range(len(numbered)))
    chunks = [chunk for _, chunk in numbered]
    assert len(chunks) > 3
    items = [item for chunk in chunks for item in parse_pubmed_bytes(chunk)]
    assert [getattr(i, "pmid", None) for i in items] == [
        getattr(i, "pmid", None) for i in parse_pubmed_bytes(sample_path().read_bytes())
    ]


def test_each_worker_keeps_its_share_and_together_they_keep_every_chunk(small_chunks):
    every = [chunk for _, chunk in parallel._chunks(sample_path())]
    shares = [dict(parallel._chunks(sample_path(), keep=lambda n, w=w: n % 3 == w)) for w in range(3)]
    for w, share in enumerate(shares):
        assert all((chunk is None) == (n % 3 != w) for n, chunk in share.items())
    assert [shares[n % 3][n] for n in range(len(every))] == every


def test_a_worker_that_dies_sends_the_file_to_the_serial_reader(small_chunks, tmp_path, monkeypatch):
    def die_in_worker(claims, number):
        os._exit(3)  # as if killed: no message, the pipe just closes

    # Only workers call take(), at every chunk they reach, so the worker dies even when this process
    # has already taken every chunk itself (a prepare-time death would then never happen).
    monkeypatch.setattr(parallel._Claims, "take", die_in_worker)
    with Store.open(tmp_path / "parallel.sqlite") as store:
        with pytest.raises(parallel.ChunkingFailed, match="stopped"):
            list(parallel.prepared_items(sample_path(), Tagger.for_topic(load_topic(default_topic_path())), 2))
        fallen_back = import_files(store, [sample_path()], workers=2).summary
    with Store.open(tmp_path / "serial.sqlite") as store:
        serial = import_files(store, [sample_path()], workers=1).summary
    assert fallen_back.counts() == serial.counts() and fallen_back.new > 10
    assert rows(tmp_path / "parallel.sqlite") == rows(tmp_path / "serial.sqlite")


def test_parallel_import_stores_exactly_what_serial_import_stores(small_chunks, tmp_path):
    with Store.open(tmp_path / "serial.sqlite") as store:
        serial = import_files(store, [sample_path()], workers=1).summary
    with Store.open(tmp_path / "parallel.sqlite") as store:
        split = import_files(store, [sample_path()], workers=2).summary
    assert serial.counts() == split.counts()
    assert rows(tmp_path / "serial.sqlite") == rows(tmp_path / "parallel.sqlite")


@pytest.mark.parametrize("workers", [1, 2])
def test_a_first_import_leaves_the_store_in_wal_with_no_journal_behind(small_chunks, tmp_path, workers):
    db = tmp_path / "new.sqlite"
    for _ in range(2):  # a first load (rollback journal), then an import into a store that holds records
        with Store.open(db) as store:
            import_files(store, [sample_path()], workers=workers)
            assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert not db.with_name(db.name + "-journal").exists()
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("SELECT COUNT(*) FROM records").fetchone()[0] > 0
    connection.close()


def test_deletion_after_its_record_wins_across_chunks(small_chunks, tmp_path):
    body = (
        sample_path()
        .read_text()
        .replace(
            '<DeleteCitation><PMID Version="1">99000099</PMID>', '<DeleteCitation><PMID Version="1">99000001</PMID>'
        )
    )
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


def test_a_corrupt_chunk_this_process_prepares_sends_the_file_to_the_serial_reader(small_chunks, tmp_path):
    body = sample_path().read_text()
    middle = body.index("<PubmedArticle>", len(body) // 2)
    path = tmp_path / "corrupt.xml"
    path.write_text(body[:middle] + "<PubmedArticle><MedlineCitation>" + body[middle:])
    tagger = Tagger.for_topic(load_topic(default_topic_path()))
    with pytest.raises(parallel.ChunkingFailed, match="InputError"):
        list(parallel.prepared_items(path, tagger, 1))  # no worker processes: this one prepares every chunk
    with Store.open(tmp_path / "s.sqlite") as store, pytest.raises(InputError, match=r"corrupt\.xml.*line"):
        import_files(store, [path], workers=2)
    assert rows(tmp_path / "s.sqlite") == []


def test_file_without_a_pubmed_header_falls_back_to_serial(small_chunks, tmp_path):
    path = tmp_path / "error.xml"
    path.write_text("<eFetchResult><ERROR>Search Backend failed</ERROR></eFetchResult>")
    with Store.open(tmp_path / "s.sqlite") as store, pytest.raises(InputError, match="Search Backend failed"):
        import_files(store, [path], workers=2)


def test_the_collector_settings_are_the_callers_again_after_an_import(small_chunks, tmp_path):
    before = gc.get_threshold()
    tagger = Tagger.for_topic(load_topic(default_topic_path()))
    batches = parallel.prepared_items(sample_path(), tagger, 2)
    next(batches)
    assert gc.get_threshold()[0] == 10_000 and gc.get_freeze_count() > 0  # while the file is read
    list(batches)
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_a_callers_own_freeze_outlives_the_import():
    gc.freeze()
    try:
        with parallel.fewer_collections():
            pass
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def _import_both_ways(path: Path, tmp_path: Path) -> list[tuple]:
    """Import ``path`` serially and on two processes; the rows, which must be the same."""
    for workers in (1, 2):
        with Store.open(tmp_path / f"w{workers}.sqlite") as store:
            import_files(store, [path], workers=workers)
    assert rows(tmp_path / "w1.sqlite") == rows(tmp_path / "w2.sqlite")
    return rows(tmp_path / "w1.sqlite")


@pytest.mark.parametrize("hidden", ["<ReferenceList>", "</ReferenceList>", "</PubmedArticle>", "<PubmedArticle>"])
def test_tags_hidden_in_comments_cdata_and_pis_read_alike_on_every_path(small_chunks, tmp_path, hidden):
    # Every record carries the tag in a comment, a PI and a CDATA section, so chunk cuts fall near them.
    body = sample_path().read_text()
    hiding = f"<!-- {hidden} --><?note {hidden}?><VernacularTitle><![CDATA[{hidden}]]></VernacularTitle>"
    path = tmp_path / "hidden.xml"
    path.write_text(body.replace("<Abstract>", hiding + "<Abstract>"))
    assert len(_import_both_ways(path, tmp_path)) == 14
    if "PubmedArticle" not in hidden:  # a record's end tag in a comment may send the file to the serial reader
        tagger = Tagger.for_topic(load_topic(default_topic_path()))
        assert len([row for batch in parallel.prepared_items(path, tagger, 2) for row in batch]) == 15


def test_a_prolog_left_open_sends_the_file_to_the_serial_reader(small_chunks, tmp_path):
    # A PI opened before the first record would be opened again at the head of every chunk, swallowing
    # the chunk's first record up to the next "?>" (text between records may hold one).
    records = parse_pubmed_bytes(sample_path().read_bytes())
    body = sample_path().read_text()
    head = body.index("<PubmedArticle>")
    ends = [i + len("</PubmedArticle>") for i in range(len(body)) if body.startswith("</PubmedArticle>", i)]
    parts, last = [body[:head], "<?note <PubmedArticle>?>"], head
    for number, end in enumerate(ends):
        parts += [body[last:end], " ?>" if number % 2 else ""]
        last = end
    path = tmp_path / "open-prolog.xml"
    path.write_text("".join(parts) + body[last:])
    with pytest.raises(parallel.ChunkingFailed, match="prolog"):
        list(parallel._chunks(path))
    assert len(_import_both_ways(path, tmp_path)) == sum(1 for r in records if not isinstance(r, Deletion))
