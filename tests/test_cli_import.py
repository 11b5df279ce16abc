"""``litscan import`` of several files (issue 11): every file is tried, each gets its own line, the good
ones land, the exit code says one failed; the summary's words say what was not stored."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from litscan.cli import cli


def _article(pmid: str) -> str:
    return (
        f'<PubmedArticle><MedlineCitation Status="MEDLINE"><PMID Version="1">{pmid}</PMID><Article>'
        f"<ArticleTitle>Invented record {pmid}.</ArticleTitle></Article></MedlineCitation></PubmedArticle>"
    )


def _xml(path: Path, *items: str) -> Path:
    path.write_text(f"<?xml version='1.0'?>\n<PubmedArticleSet>{''.join(items)}</PubmedArticleSet>\n")
    return path


def _medline(path: Path, *pmids: str, cut: bool = False) -> Path:
    records = [f"PMID- {p}\nTI  - Invented record {p}.\nSO  - J Invent. 2020;1:1.\n" for p in pmids]
    text = "\n".join(records)
    path.write_text(text[: text.rindex("SO  -")] if cut else text)
    return path


def _stored(db: Path) -> list[tuple[int, bool]]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT pmid, deleted_at IS NOT NULL FROM records ORDER BY pmid")
        return [(pmid, bool(deleted)) for pmid, deleted in rows]


def test_every_file_is_tried_and_the_good_ones_land(tmp_path, caplog):
    good = _xml(tmp_path / "good.xml", _article("39000001"), _article("39000002"))
    cut = _medline(tmp_path / "cut.nbib", "39000003", "39000004", cut=True)
    broken = tmp_path / "broken.xml"
    broken.write_text(f"<PubmedArticleSet>{_article('39000005')}<PubmedArt")
    together = _medline(tmp_path / "together.txt", "39000006")
    together.write_text(together.read_text() + _medline(tmp_path / "b.txt", "39000007").read_text())  # no blank line
    db = tmp_path / "s.sqlite"
    paths = [good, cut, broken, together]
    with caplog.at_level(logging.WARNING, logger="litscan"):
        result = CliRunner().invoke(cli, ["import", *map(str, paths), "--db", str(db)])
    assert result.exit_code == 2, result.output
    out = result.stdout.splitlines()
    assert out == [
        f"{good}: 2 new, 0 updated, 0 unchanged, 0 deleted",
        f"{cut}: 1 new, 0 updated, 0 unchanged, 0 deleted",  # its whole record; the cut one is named below
        f"{together}: 2 new, 0 updated, 0 unchanged, 0 deleted",
        "Imported 3 of 4 file(s): 5 new, 0 updated, 0 unchanged, 0 deleted",
    ]
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1 and str(broken) in errors[0] and "after record 1 (PMID 39000005)" in errors[0]
    assert f"{cut}: line 5: record 2 (PMID 39000004) is cut off" in caplog.text
    stored = [(39000001, False), (39000002, False), (39000003, False), (39000006, False), (39000007, False)]
    assert _stored(db) == stored
    with sqlite3.connect(db) as connection:
        status, detail = connection.execute("SELECT status, detail FROM runs ORDER BY id DESC").fetchone()
    assert status == "failed" and str(broken) in detail and "PMID 39000005" in detail  # the one file not imported


def test_deletions_of_pmids_never_stored_are_named_for_what_they_are(tmp_path):
    db = tmp_path / "s.sqlite"
    first = _xml(tmp_path / "a.xml", _article("39000001"), _article("39000002"))
    deletions = "".join(f'<DeleteCitation><PMID Version="1">{p}</PMID></DeleteCitation>' for p in (2, 39000001, 3))
    update = _xml(tmp_path / "update.xml", _article("39000002"), _article("39000003"), deletions)
    runner = CliRunner()
    assert runner.invoke(cli, ["import", str(first), "--db", str(db)]).exit_code == 0
    result = runner.invoke(cli, ["import", str(update), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == (
        "Imported 1 of 1 file(s): 1 new, 0 updated, 1 unchanged, 1 deleted, "
        "2 deletions of PMIDs not stored or already deleted (nothing to delete)"
    )
    assert _stored(db) == [(39000001, True), (39000002, False), (39000003, False)]
