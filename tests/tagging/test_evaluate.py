"""Scoring the tagger on gold records that go through parse → store → tag like new PubMed records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from litscan.cli import cli
from litscan.errors import InputError
from litscan.models import Tags
from litscan.pubmed.xml_reader import parse_pubmed_bytes
from litscan.tagging.evaluate import LabelScore, evaluate, load_gold, pubmed_xml, score, split_of
from litscan.tagging.tagger import Tagger

FIXTURES = Path(__file__).parents[1] / "fixtures"
GOLD = FIXTURES / "gold_tiny.jsonl"  # four invented records, one deliberately mislabelled route
VOCABULARY = Path(__file__).resolve().parents[2] / "queries" / "chronic-pain.vocab.toml"


def test_gold_records_parse_as_new_unindexed_records() -> None:
    gold = load_gold(GOLD)
    items = parse_pubmed_bytes(pubmed_xml(gold), name="gold.xml")
    assert [item.pmid for item in items] == [g["_pmid"] for g in gold]
    first = items[0]
    assert [s.label for s in first.abstract_sections] == ["BACKGROUND", "METHODS", "RESULTS"]
    assert first.publication_type_names == ("Journal Article",)
    assert first.mesh == ()
    assert gold[1]["_pmid"].isdigit()  # no PMID: a stable stand-in


def test_evaluate_scores_and_lists_errors() -> None:
    result = evaluate(GOLD, Tagger(VOCABULARY))
    assert result["records"] == 4 and result["on_topic_records"] == 3
    assert result["design_accuracy"] == 1.0
    assert result["on_topic_accuracy"] == 1.0
    assert result["condition_micro_f1"] == 1.0
    # the rat record's gold route is wrong on purpose: one false negative, and one error listed
    assert result["routes"]["topical"]["fn"] == 1
    assert [e["field"] for e in result["errors"]] == ["routes"]
    assert set(result["splits"]) == {"dev", "holdout"}


def test_score_micro_f1() -> None:
    gold = [{"labels": {"on_topic": True, "conditions": ["crps", "headache"], "routes": [], "design": "rct"}}]
    tags = Tags(on_topic=True, conditions=("crps", "fibromyalgia"), routes=(), design="review")
    report = score(zip(gold, [tags], strict=True))
    micro = report.micro(report.conditions)
    assert (micro.tp, micro.fp, micro.fn) == (1, 1, 1)
    assert micro.f1 == pytest.approx(0.5)
    assert report.design_accuracy == 0.0
    assert LabelScore().f1 == 0.0


def test_split_is_fixed_by_id() -> None:
    items = [{"pmid": str(n)} for n in range(300)]
    parts = [split_of(item) for item in items]
    assert parts == [split_of(item) for item in items]
    assert 70 < parts.count("holdout") < 130


def test_bad_gold_line_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"title": "x"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gold\.jsonl: line 1"):
        load_gold(path)


def test_eval_command() -> None:
    runner = CliRunner()
    done = runner.invoke(cli, ["eval", str(GOLD)])
    assert done.exit_code == 0, done.output
    assert "route micro-F1" in done.output and "errors (1)" in done.output
    done = runner.invoke(cli, ["eval", str(GOLD), "--json", "--split", "dev"])
    assert done.exit_code == 0
    assert "condition_micro_f1" in json.loads(done.output)
