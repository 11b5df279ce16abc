"""`litscan explain`: each tag of a stored record with the field and text that decided it."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from litscan.cli import cli
from litscan.models import AbstractSection, Record
from litscan.pipeline.prepare import store_records
from litscan.store import Store
from litscan.tagging.explain import explain_pmid, explain_tags
from litscan.tagging.tagger import Tagger
from litscan.tagging.vocabulary import load_vocabulary

VOCABULARY = Path(__file__).resolve().parents[2] / "queries" / "chronic-pain.vocab.toml"

RECORD = Record(
    pmid="777",
    title="Oral ketamine for postherpetic neuralgia: an open-label study (invented)",
    abstract_sections=(
        AbstractSection("Shingles pain often persists.", label="BACKGROUND", category="BACKGROUND"),
        AbstractSection(
            "Twenty adults with postherpetic neuralgia took oral ketamine; oral morphine was continued.",
            label="METHODS",
            category="METHODS",
        ),
    ),
)


def stored(tmp_path: Path, tagger: Tagger) -> Path:
    db = tmp_path / "explain.sqlite"
    with Store.open(db) as store:
        store_records(store, [RECORD], tagger=tagger, tagger_id=tagger.fingerprint)
    return db


def test_explain_text_names_fields_and_reasons(tmp_path: Path, tagger: Tagger) -> None:
    with Store.open(stored(tmp_path, tagger)) as store:
        text = explain_pmid(store, "777", labels=load_vocabulary(VOCABULARY))
    assert isinstance(text, str)
    assert "Design: Non-randomised trial (nonrandomized_trial)" in text
    assert "Postherpetic neuralgia (postherpetic_neuralgia)" in text
    assert 'route "oral" stated for ketamine' in text
    assert "[abstract:METHODS]" in text


def test_explain_data_matches_the_tags(tagger: Tagger) -> None:
    tags = tagger(RECORD)
    text = explain_tags(RECORD, tags)
    assert "Routes: oral" in text
    assert [e.field for e in tags.route_evidence["oral"]] == ["title", "abstract:METHODS"]
    assert tags.route_evidence["oral"][1].text.startswith("Twenty adults")


def test_explain_command(tmp_path: Path, tagger: Tagger) -> None:
    db = stored(tmp_path, tagger)
    runner = CliRunner()
    done = runner.invoke(cli, ["explain", "777", "--db", str(db)])
    assert done.exit_code == 0, done.output
    assert "On topic: yes" in done.output
    done = runner.invoke(cli, ["explain", "777", "--db", str(db), "--json", "--retag"])
    data = json.loads(done.output)
    assert data["routes"][0]["value"] == "oral"
    assert data["routes"][0]["evidence"][1]["field"] == "abstract:METHODS"
    done = runner.invoke(cli, ["explain", "12345", "--db", str(db)])
    assert done.exit_code != 0 and "12345 is not in the store" in done.output
