"""The command line: exit codes, one-line errors, and the database rows behind them."""

from __future__ import annotations

import gzip
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from litscan.cli import cli
from litscan.pipeline.demo import sample_path

SAMPLE_RECORDS = 14  # PubmedArticle elements in the bundled sample (plus one DeleteCitation)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def stored_pmids(db: Path) -> list[str]:
    with sqlite3.connect(db) as connection:
        return [str(row[0]) for row in connection.execute("SELECT pmid FROM records ORDER BY pmid")]


def test_import_then_export_round_trip(runner, tmp_path):
    db = tmp_path / "s.sqlite"
    result = runner.invoke(cli, ["import", str(sample_path()), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert f"{SAMPLE_RECORDS} new, 0 updated, 0 unchanged, 0 deleted, 1 deletion of a PMID not stored" in result.output
    again = runner.invoke(cli, ["import", str(sample_path()), "--db", str(db)])
    assert f"0 new, 0 updated, {SAMPLE_RECORDS} unchanged, 0 deleted, 1 deletion of a PMID not stored" in again.output

    exported = runner.invoke(cli, ["export", "--db", str(db)])
    assert exported.exit_code == 0, exported.output
    rows = json.loads(exported.stdout)
    assert len(rows) == SAMPLE_RECORDS
    assert sorted(r["pmid"] for r in rows) == stored_pmids(db)
    assert all(isinstance(r["pmid"], str) and r["queries"] == ["ketamine-chronic-pain"] for r in rows)


def test_export_to_file_and_filters(runner, tmp_path):
    db = tmp_path / "s.sqlite"
    runner.invoke(cli, ["import", str(sample_path()), "--db", str(db)])
    out = tmp_path / "retracted.csv"
    result = runner.invoke(
        cli,
        ["export", "--db", str(db), "--format", "csv", "-o", str(out), "--from", "2022-01-01", "--to", "2022-12-31"],
    )
    assert result.exit_code == 0, result.output
    lines = out.read_text().splitlines()
    assert len(lines) == 2 and "99000012" in lines[1]


def test_export_rejects_unknown_tag_and_bad_date(runner, tmp_path):
    db = tmp_path / "s.sqlite"
    bad_tag = runner.invoke(cli, ["export", "--db", str(db), "--condition", "gout"])
    assert bad_tag.exit_code != 0
    assert "unknown condition id 'gout'" in bad_tag.output and "vocab" in bad_tag.output
    bad_date = runner.invoke(cli, ["export", "--db", str(db), "--from", "2024-13-45"])
    assert bad_date.exit_code == 2 and "--from" in bad_date.output


def write_truncated(path: Path) -> Path:
    data = sample_path().read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("truncated.xml", lambda p: write_truncated(p), "truncated.xml"),
        ("corrupt.xml.gz", lambda p: p.write_bytes(gzip.compress(sample_path().read_bytes())[:4000]), "corrupt.xml.gz"),
        ("photo.png", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4), "photo.png"),
        ("notes.txt", lambda p: p.write_text("just some notes\nnot a citation\n"), "notes.txt"),
        ("empty.xml", lambda p: p.write_bytes(b""), "empty.xml"),
    ],
)
def test_bad_input_is_one_line_nonzero_and_store_unchanged(runner, tmp_path, name, make, message):
    db = tmp_path / "s.sqlite"
    runner.invoke(cli, ["import", str(sample_path()), "--db", str(db)])
    before = stored_pmids(db)
    bad = tmp_path / name
    make(bad)
    result = runner.invoke(cli, ["import", str(bad), "--db", str(db)])
    assert result.exit_code != 0
    error_lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(error_lines) == 1 and error_lines[0].startswith("Error:"), result.output
    assert message in error_lines[0]
    assert "Traceback" not in result.output
    assert stored_pmids(db) == before


def test_missing_file_is_reported_before_anything_is_written(runner, tmp_path):
    db = tmp_path / "s.sqlite"
    result = runner.invoke(cli, ["import", str(sample_path()), str(tmp_path / "nope.xml"), "--db", str(db)])
    assert result.exit_code != 0 and "nope.xml" in result.output
    assert stored_pmids(db) == []


def test_truncated_file_after_a_good_one_keeps_the_good_one(runner, tmp_path):
    db = tmp_path / "s.sqlite"
    result = runner.invoke(
        cli, ["import", str(sample_path()), str(write_truncated(tmp_path / "cut.xml")), "--db", str(db)]
    )
    assert result.exit_code != 0
    assert len(stored_pmids(db)) == SAMPLE_RECORDS, "the complete first file landed, the cut one did not"


def test_malformed_topic_file_is_named(runner, tmp_path):
    topic = tmp_path / "bad.toml"
    topic.write_text('name = "x"\nterm = "ketamine"\nstart = 2020-01-01\nvocabulary = "v.toml"\ncolour = 1\n')
    result = runner.invoke(
        cli, ["import", str(sample_path()), "--query", str(topic), "--db", str(tmp_path / "s.sqlite")]
    )
    assert result.exit_code != 0
    assert "bad.toml" in result.output and "colour" in result.output


def test_demo_writes_a_page_and_prints_its_path(runner, tmp_path):
    result = runner.invoke(cli, ["demo", "--reports", str(tmp_path / "reports")])
    assert result.exit_code == 0, result.output
    page = Path(result.stdout.strip().splitlines()[-1])
    assert page.is_file() and page.suffix == ".html"
    html = page.read_text()
    assert "99000001" in html and "pubmed.ncbi.nlm.nih.gov/99000001/" in html


def test_python_dash_m_entry_point(tmp_path):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "litscan", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "import" in done.stdout and "export" in done.stdout


def test_the_key_appears_nowhere_with_vv_whichever_logger_writes_it(tmp_path):
    """A module written after the redaction logs a request URL and an NCBI reply: both reach stderr scrubbed."""
    import subprocess
    import sys

    key = "CLIsecretKEY0123456789ab"
    script = f"""
import logging
from litscan import cli
from litscan.pipeline import run as run_module
from litscan.config import eutils_settings
from litscan.pubmed.eutils import EutilsClient

def run_paths(paths, **options):
    log = logging.getLogger("litscan.a_stage_nobody_listed")
    # before any client exists: only the CLI's handler stands between this line and stderr
    log.debug("GET %s", options["eutils_url"] + "esearch.fcgi?db=pubmed&api_key={key}&term=x")
    EutilsClient.from_settings(eutils_settings(options["eutils_url"]))
    log.warning("NCBI replied %s", '{{"error": "API key invalid", "key": "{key}"}}')
    return []

run_module.run_paths = run_paths  # the run command calls the pipeline's run_paths
cli.main()
"""
    topic = Path(__file__).resolve().parent.parent / "queries" / "ketamine-chronic-pain.toml"
    env = {"PATH": "/usr/bin:/bin", "NCBI_API_KEY": key, "LITSCAN_CONFIG": str(tmp_path / "none.toml")}
    args = ["-vv", "run", str(topic), "--db", str(tmp_path / "s.sqlite"), "--eutils-url", "http://127.0.0.1:9/"]
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "litscan.a_stage_nobody_listed" in done.stderr
    assert "esearch.fcgi?db=pubmed&api_key=[redacted]&term=x" in done.stderr
    assert '"key": "[redacted]"' in done.stderr
    assert key not in done.stderr and key not in done.stdout


def test_templates_come_from_the_option_else_the_environment(runner, tmp_path, monkeypatch):
    db = tmp_path / "s.sqlite"
    runner.invoke(cli, ["import", str(sample_path()), "--db", str(db)])
    monkeypatch.setenv("LITSCAN_TEMPLATES", str(tmp_path / "from-env"))
    digest = ["digest", "--db", str(db), "--reports", str(tmp_path / "reports")]
    from_env = runner.invoke(cli, digest)
    assert from_env.exit_code == 2 and "from-env" in from_env.output and "templates directory" in from_env.output
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "_record.html").write_text("<article>MY RECORD {{ r.pmid }}</article>\n")
    from_option = runner.invoke(cli, [*digest, "--templates", str(mine)])
    assert from_option.exit_code == 0, from_option.output
    assert "MY RECORD 990000" in Path(from_option.stdout.strip().splitlines()[-1]).read_text()


def test_starting_the_command_loads_no_http_client_or_templates():
    """`litscan import` is timed as a whole command: the HTTP client and Jinja2 load only where used."""
    import subprocess
    import sys

    probe = "import sys, litscan.cli; print(sorted(m for m in ('requests', 'jinja2', 'pandas') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_version_says_whether_parsing_and_tagging_run_compiled() -> None:
    import litscan

    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    # The checkout's modules, as pytest imports them, are the plain Python ones.
    assert litscan.build() == "pure Python"
    assert result.output.strip().endswith("(pure Python)")
