"""The command line against hostile input, a full disk and someone else's files (issue 15, points 4-5).

Each case is run as the attack: through the command, against a store that already holds records.
Each must end with its documented exit code (2 input, 3 store or output), one line on stderr that
names the file, no traceback, and the store (and whatever else was there) exactly as it was.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from litscan.cli import cli
from litscan.pipeline import parallel
from litscan.pipeline.demo import sample_path
from litscan.store import database

SAMPLE_RECORDS = 14


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "s.sqlite"
    assert CliRunner().invoke(cli, ["import", str(sample_path()), "--db", str(path)]).exit_code == 0
    return path


@pytest.fixture
def db(sample_store: Path, tmp_path: Path) -> Path:
    """A store holding the sample's records (a copy: each test attacks its own)."""
    return Path(shutil.copy(sample_store, tmp_path / "s.sqlite"))


def contents(db: Path) -> list[tuple]:
    """Everything a run must not lose or half-write: the records, their topics, the digests."""
    with sqlite3.connect(db) as connection:
        return [
            *connection.execute("SELECT * FROM records ORDER BY pmid"),
            *connection.execute("SELECT * FROM record_topics ORDER BY pmid"),
            *connection.execute("SELECT * FROM digests ORDER BY id"),
        ]


def one_error_line(result: Result, exit_code: int, *names: str) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.exit_code == exit_code, result.output
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert "Traceback" not in result.output
    for name in names:
        assert name in lines[0], lines[0]
    return lines[0]


def article(pmid: str) -> str:
    return (
        f'<PubmedArticle><MedlineCitation Status="MEDLINE"><PMID Version="1">{pmid}</PMID><Article>'
        f"<ArticleTitle>Ketamine infusion for pain, record {pmid}.</ArticleTitle><Abstract><AbstractText>"
        f"Invented abstract {pmid}. {'Patients received ketamine. ' * 20}</AbstractText></Abstract></Article>"
        f"</MedlineCitation></PubmedArticle>\n"
    )


def pubmed_file(path: Path, *items: str) -> Path:
    path.write_text(f'<?xml version="1.0"?>\n<PubmedArticleSet>\n{"".join(items)}</PubmedArticleSet>\n')
    return path


# --- markup that hides list tags (point 3) -------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "third"),
    [
        ("<!-- <ReferenceList> -->", "<!-- </ReferenceList> -->"),
        ("<![CDATA[<ReferenceList>]]>", "<![CDATA[</ReferenceList>]]>"),
        ("<?x <ReferenceList>?>", "<?x </ReferenceList>?>"),
    ],
    ids=["comment", "cdata", "pi"],
)
def test_list_tags_in_comments_cdata_or_pis_never_move_text_between_records(runner, tmp_path, first, third):
    def hiding(pmid: str, markup: str) -> str:
        return article(pmid).replace("<AbstractText>", f"<AbstractText>{markup}")

    db = tmp_path / "s.sqlite"
    hostile = pubmed_file(
        tmp_path / "hostile.xml", hiding("39000001", first), article("39000002"), hiding("39000003", third)
    )
    result = runner.invoke(cli, ["import", str(hostile), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "3 new" in result.stdout
    with sqlite3.connect(db) as connection:
        stored = dict(connection.execute("SELECT pmid, json_extract(data, '$.abstract_sections[0].text') FROM records"))
    assert sorted(stored) == [39000001, 39000002, 39000003]
    assert all(f"Invented abstract {pmid}." in text for pmid, text in stored.items())


# --- identifiers -----------------------------------------------------------------------------------

NOT_PMIDS = ["12ab", "12345678901234567890123", "0123", "1234567890", "１２３", "-5", "12 13"]


@pytest.mark.parametrize("pmid", NOT_PMIDS)
def test_a_record_whose_pmid_is_not_a_number(runner, db, tmp_path, pmid):
    before = contents(db)
    bad = pubmed_file(tmp_path / "bad-pmid.xml", article("39000001"), article("39000002"), article(pmid))
    line = one_error_line(runner.invoke(cli, ["import", str(bad), "--db", str(db)]), 2, "bad-pmid.xml", "line 5")
    assert "record 3" in line and "not a PubMed id" in line
    assert contents(db) == before  # the two good records before it did not land either


@pytest.mark.parametrize("pmid", NOT_PMIDS[:4])
def test_a_deletion_whose_pmid_is_not_a_number(runner, db, tmp_path, pmid):
    before = contents(db)
    deletion = f'<DeleteCitation><PMID Version="1">99000001</PMID><PMID Version="1">{pmid}</PMID></DeleteCitation>'
    bad = pubmed_file(tmp_path / "bad-delete.xml", article("39000001"), deletion)
    line = one_error_line(runner.invoke(cli, ["import", str(bad), "--db", str(db)]), 2, "bad-delete.xml")
    assert "DeleteCitation" in line and "line 4" in line
    assert contents(db) == before  # 99000001 is not deleted, 39000001 not added


def test_a_bad_pmid_on_the_parallel_path_gives_the_serial_error(runner, db, tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 3000)
    before = contents(db)
    items = [article(str(39000000 + n)) for n in range(1, 30)]
    bad = pubmed_file(tmp_path / "big.xml", *items[:20], article("12ab"), *items[20:])
    result = runner.invoke(cli, ["import", str(bad), "--db", str(db), "--workers", "2"])
    assert "record 21" in one_error_line(result, 2, "big.xml", "line 23")
    assert contents(db) == before


def test_a_medline_file_cut_inside_its_last_record(runner, db, tmp_path, caplog):
    before = contents(db)
    bad = tmp_path / "export.nbib"
    so = "SO  - J Invent. 2020;1:1.\n"
    bad.write_text(f"PMID- 39000001\nTI  - One.\n{so}PMID- 39000002\nTI  - Two.\n{so}\nPMID- 39000003\nTI  - Thr")
    with caplog.at_level(logging.WARNING, logger="litscan"):
        result = runner.invoke(cli, ["import", str(bad), "--db", str(db)])
    assert result.exit_code == 0, result.output
    [warning] = [r.getMessage() for r in caplog.records if "cut off" in r.getMessage()]
    assert "export.nbib: line 8: record 3 (PMID 39000003) is cut off" in warning and "not imported" in warning
    with sqlite3.connect(db) as connection:
        added = {str(pmid) for (pmid,) in connection.execute("SELECT pmid FROM records")} - {str(r[0]) for r in before}
    assert added == {"39000001", "39000002"}  # the whole records; the cut one is never stored


def test_a_medline_pmid_that_is_not_a_number(runner, db, tmp_path):
    before = contents(db)
    bad = tmp_path / "export.txt"
    bad.write_text("PMID- 39000001\nTI  - One.\nSO  - J. 2020.\n\nPMID- 39x00002\nTI  - Two.\nSO  - J. 2020.\n")
    assert "record 2" in one_error_line(runner.invoke(cli, ["import", str(bad), "--db", str(db)]), 2, "export.txt")
    assert contents(db) == before


# --- the store -------------------------------------------------------------------------------------


def test_a_read_only_database(runner, db, tmp_path, monkeypatch):
    before = contents(db)
    new = pubmed_file(tmp_path / "new.xml", article("39000001"))
    if os.geteuid() != 0:
        db.chmod(0o444)
    else:  # root writes to any file: open it read-only instead, which SQLite reports the same way
        connect = sqlite3.connect
        monkeypatch.setattr(
            sqlite3, "connect", lambda path, **kw: connect(f"file:{path}?mode=ro", uri=True, **kw), raising=True
        )
    result = runner.invoke(cli, ["import", str(new), "--db", str(db)])
    monkeypatch.undo()
    assert "readonly database" in one_error_line(result, 3, "s.sqlite")
    db.chmod(0o644)
    assert contents(db) == before


def test_a_full_disk_shows_its_cause_and_keeps_what_was_stored(runner, db, tmp_path, monkeypatch):
    before = contents(db)
    configure = database.configure

    def nearly_full(connection, path):  # the file may grow by two pages more: SQLite's own "disk is full"
        configure(connection, path)
        connection.execute(f"PRAGMA max_page_count={connection.execute('PRAGMA page_count').fetchone()[0] + 2}")

    monkeypatch.setattr(database, "configure", nearly_full)
    many = pubmed_file(tmp_path / "many.xml", *(article(str(39000000 + n)) for n in range(1, 200)))
    line = one_error_line(runner.invoke(cli, ["import", str(many), "--db", str(db), "--workers", "1"]), 3, "s.sqlite")
    assert "database or disk is full" in line and "rollback" not in line
    monkeypatch.undo()
    assert contents(db) == before
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.parametrize("command", [["import", str(sample_path())], ["export"], ["digest"]])
def test_someone_elses_sqlite_file_is_refused_and_left_untouched(runner, tmp_path, command):
    theirs = tmp_path / "theirs.sqlite"
    with sqlite3.connect(theirs) as connection:
        connection.execute("CREATE TABLE records (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO records VALUES (1, 'their row')")
    connection.close()
    data, files = theirs.read_bytes(), sorted(tmp_path.iterdir())
    result = runner.invoke(cli, [*command, "--db", str(theirs)], catch_exceptions=False)
    assert "not a litscan database" in one_error_line(result, 3, "theirs.sqlite")
    assert theirs.read_bytes() == data and sorted(tmp_path.iterdir()) == files  # no -wal, -shm, lock or report


# --- the reports folder ----------------------------------------------------------------------------


@pytest.mark.parametrize("call", ["fsync", "replace"])
def test_a_full_reports_folder(runner, db, tmp_path, monkeypatch, call):
    reports = tmp_path / "reports"
    before = contents(db)
    real = getattr(os, call)

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, call, disk_full)
    result = runner.invoke(cli, ["digest", "--db", str(db), "--reports", str(reports)])
    monkeypatch.setattr(os, call, real)
    line = one_error_line(result, 3, str(reports / "ketamine-chronic-pain"))
    assert "No space left on device" in line
    assert contents(db) == before  # no digest recorded that has no page
    assert not [p for p in reports.rglob("*") if p.name.endswith(".tmp")]


# --- topic names -----------------------------------------------------------------------------------


def topic_file(tmp_path: Path, name: str) -> Path:
    vocabulary = Path(__file__).resolve().parents[1] / "queries" / "chronic-pain.vocab.toml"
    path = tmp_path / "topics" / "hostile.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(
        f'name = "{name}"\nterm = "ketamine[tiab]"\nstart = 2020-01-01\nvocabulary = "{vocabulary}"\n',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("name", ["..", ".", "a\\u0000b", "x" * 300, "a/b", "../escape", "-rf", "née", ""])
def test_a_topic_name_that_is_not_a_slug(runner, db, tmp_path, name):
    topic = topic_file(tmp_path, name)
    reports = tmp_path / "site" / "reports"
    reports.mkdir(parents=True)
    before = contents(db)
    for command in (
        ["digest", str(topic), "--db", str(db), "--reports", str(reports)],
        ["import", str(sample_path()), "--query", str(topic), "--db", str(db)],
        ["run", str(topic), "--db", str(db), "--reports", str(reports), "--eutils-url", "http://127.0.0.1:9/"],
    ):
        line = one_error_line(runner.invoke(cli, command), 2, "hostile.toml", "name")
        assert len(line) < 400
        assert sorted((tmp_path / "site").rglob("*")) == [reports]  # nothing written, inside or out
    assert contents(db) == before


def test_a_good_slug_is_a_folder_under_reports(runner, db, tmp_path):
    reports = tmp_path / "reports"
    result = runner.invoke(
        cli, ["digest", str(topic_file(tmp_path, "Pain_2-b")), "--db", str(db), "--reports", str(reports)]
    )
    assert result.exit_code == 0, result.output
    assert Path(result.stdout.strip()).parent == reports / "Pain_2-b"
