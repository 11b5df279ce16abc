"""``litscan serve`` on the command line: it parses, calls the library, and reports errors in one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from werkzeug.serving import BaseWSGIServer

from litscan.cli import cli
from litscan.config import Topic, default_topic_path


def stop_at_once(self: BaseWSGIServer, *args: object) -> None:
    raise KeyboardInterrupt  # Ctrl-C as soon as it serves


def test_serve_starts_on_loopback_and_stops_on_ctrl_c(
    filled: tuple[Path, Topic], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, _ = filled
    monkeypatch.setattr(BaseWSGIServer, "serve_forever", stop_at_once)
    result = CliRunner().invoke(cli, ["serve", str(default_topic_path()), "--db", str(db), "--port", "0"])
    assert result.exit_code == 0, result.output
    assert "Screening ketamine-chronic-pain at http://127.0.0.1:" in result.stderr
    assert "anyone who can reach it" not in result.stderr


def test_serve_warns_about_another_address(filled: tuple[Path, Topic], monkeypatch: pytest.MonkeyPatch) -> None:
    db, _ = filled
    monkeypatch.setattr(BaseWSGIServer, "serve_forever", stop_at_once)
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--port", "0", "--host", "0.0.0.0"])
    assert result.exit_code == 0, result.output
    assert "anyone who can reach it can read the records and change screening decisions" in result.stderr
    assert "http://0.0.0.0:" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--db", "{tmp}/missing.sqlite"], "no litscan store here"),
        (["no-such-topic", "--db", "{db}"], "no topic named 'no-such-topic'"),
        (["--db", "{db}", "--host", "192.0.2.1"], "cannot listen on 192.0.2.1:0"),  # no address of this machine
    ],
)
def test_serve_refuses_bad_input_in_one_line(
    filled: tuple[Path, Topic], tmp_path: Path, args: list[str], message: str
) -> None:
    db, _ = filled
    given = [a.format(tmp=tmp_path, db=db) for a in args]
    result = CliRunner().invoke(cli, ["serve", "--port", "0", *given])
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 or "anyone who can reach it" in lines[0], result.stderr
    assert lines[-1].startswith("Error: ")
    assert message in lines[-1]
