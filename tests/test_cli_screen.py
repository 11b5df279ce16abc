"""The screening commands and ``litscan prisma`` on the command line: output, exit codes, one-line errors and
the store behind them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from litscan.cli import cli
from litscan.store import Store
from tests.screening import screening_data as data


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def setup(tmp_path: Path) -> tuple[str, str]:
    """(--db, the topic file) with the invented records stored in two updates."""
    db = tmp_path / "s.sqlite"
    with Store.open(db) as store:
        data.fill(store, later=True)
    return str(db), str(data.write_topic_file(tmp_path))


def _decisions(db: str) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT pmid, decision, reason, note, decided_by FROM screening_decisions").fetchall()


def test_decide_then_list_as_json(runner, setup):
    db, topic = setup
    decided = runner.invoke(
        cli,
        [
            "screen",
            "decide",
            topic,
            "14",
            "11",
            "--exclude",
            "wrong_population",
            "--note",
            "adults",
            "--by",
            "Ana",
            "--db",
            db,
        ],
    )
    assert decided.exit_code == 0, decided.output
    assert sorted(_decisions(db)) == [
        (11, "exclude", "wrong_population", "adults", "Ana"),
        (14, "exclude", "wrong_population", "adults", "Ana"),
    ]
    listed = runner.invoke(cli, ["screen", "list", topic, "--undecided", "--json", "--db", db])
    assert listed.exit_code == 0, listed.output
    rows = json.loads(listed.stdout)
    assert [row["pmid"] for row in rows] == ["13", "21", "16", "12", "15"]
    assert all(row["decision"] is None and row["changed_since_screened"] is False for row in rows)
    everything = json.loads(runner.invoke(cli, ["screen", "list", topic, "--json", "--db", db]).stdout)
    assert {row["pmid"]: row["decision"] for row in everything}["14"] == "exclude"


def test_a_revised_record_is_listed_again_flagged(runner, setup):
    db, topic = setup
    assert runner.invoke(cli, ["screen", "decide", topic, "12", "--include", "--db", db]).exit_code == 0
    with Store.open(db) as store:
        data.revise(store, "12", comments_corrections=data.RETRACTION)
    rows = json.loads(runner.invoke(cli, ["screen", "list", topic, "--undecided", "--json", "--db", db]).stdout)
    [row] = [r for r in rows if r["pmid"] == "12"]
    assert row["decision"] == "include" and row["changed_since_screened"] is True
    text = runner.invoke(cli, ["screen", "list", topic, "--db", db]).stdout
    assert "12\tinclude!\trct" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["12", "99999", "--include"], "PMID 99999 not in the store"),
        (["12", "--exclude", "too_small"], "'too_small' is not an exclusion reason of topic t"),
        (["12", "--include", "--maybe"], "give exactly one of"),
        (["12"], "give exactly one of"),
    ],
)
def test_bad_decide_input_is_one_line_and_changes_nothing(runner, setup, args, message):
    db, topic = setup
    result = runner.invoke(cli, ["screen", "decide", topic, *args, "--db", db])
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert _decisions(db) == []


def test_an_unknown_topic_is_one_line(runner, setup):
    db, _ = setup
    result = runner.invoke(cli, ["screen", "decide", "no-such-topic", "12", "--include", "--db", db])
    assert result.exit_code == 2 and "no topic named 'no-such-topic'" in result.stderr


@pytest.mark.parametrize("format", ["csv", "ris", "asreview"])
def test_export_then_import_round_trip(runner, setup, tmp_path, format):
    db, topic = setup
    runner.invoke(cli, ["screen", "decide", topic, "12", "--include", "--by", "Ana", "--db", db])
    runner.invoke(cli, ["screen", "decide", topic, "14", "--exclude", "wrong_population", "--note", "n", "--db", db])
    out = tmp_path / f"d.{format}"
    exported = runner.invoke(
        cli, ["screen", "export", "--topic", topic, "--format", format, "-o", str(out), "--db", db]
    )
    assert exported.exit_code == 0 and "Exported 2 records" in exported.stderr
    other = tmp_path / "other.sqlite"
    with Store.open(other) as store:
        data.fill(store)
    imported = runner.invoke(cli, ["screen", "import", str(out), "--topic", topic, "--db", str(other)])
    assert imported.exit_code == 0, imported.output
    assert imported.stdout.startswith("2 decisions recorded")
    assert sorted(row[:4] for row in _decisions(str(other))) == sorted(row[:4] for row in _decisions(db))


def test_a_bad_import_file_is_refused_naming_the_line(runner, setup, tmp_path):
    db, topic = setup
    bad = tmp_path / "bad.csv"
    bad.write_text("pmid,decision,reason,note\n12,include,,\n14,exclude,nope,\n", encoding="utf-8")
    result = runner.invoke(cli, ["screen", "import", str(bad), "--topic", topic, "--db", db])
    assert result.exit_code == 2
    assert f"{bad}: line 3: exclusion reason 'nope'" in result.stderr
    assert _decisions(db) == []


def test_prisma_json_text_and_svg(runner, setup, tmp_path):
    db, topic = setup
    runner.invoke(cli, ["screen", "decide", topic, "12", "21", "--include", "--db", db])
    runner.invoke(cli, ["screen", "decide", topic, "14", "--exclude", "wrong_population", "--db", db])
    svg = tmp_path / "flow.svg"
    result = runner.invoke(cli, ["prisma", topic, "--json", "--svg", str(svg), "--db", db])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report) == {"total", "updates"} and len(report["updates"]) == 2
    keys = {"identified", "already_stored", "new", "screened", "awaiting", "included", "excluded", "maybe"}
    assert set(report["total"]) == keys | {"excluded_by_reason"}
    assert report["total"]["excluded_by_reason"]["wrong_population"] == 1
    assert (report["total"]["included"], report["updates"][1]["included"]) == (2, 1)
    assert etree.parse(str(svg)).getroot().tag == "{http://www.w3.org/2000/svg}svg"
    text = runner.invoke(cli, ["prisma", topic, "--db", db]).stdout
    assert "Update 2: run 2 (fetch, ok)" in text and "identified 8 = already stored 1 + new 7" in text
