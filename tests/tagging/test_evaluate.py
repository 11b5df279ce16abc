"""Scoring the tagger on gold records that go through parse → store → tag like new PubMed records."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from litscan.cli import cli
from litscan.errors import InputError
from litscan.models import Tags
from litscan.pubmed.xml_reader import parse_pubmed_bytes
from litscan.tagging.evaluate import (
    LabelScore,
    Selection,
    evaluate,
    fold_of,
    load_gold,
    pubmed_xml,
    score,
    split_of,
)
from litscan.tagging.tagger import Tagger

FIXTURES = Path(__file__).parents[1] / "fixtures"
GOLD = FIXTURES / "gold_tiny.jsonl"  # four invented records, one deliberately mislabelled route


def test_gold_records_parse_as_new_unindexed_records() -> None:
    gold = load_gold(GOLD)
    items = parse_pubmed_bytes(pubmed_xml(gold), name="gold.xml")
    assert [item.pmid for item in items] == [g["_pmid"] for g in gold]
    first = items[0]
    assert [s.label for s in first.abstract_sections] == ["BACKGROUND", "METHODS", "RESULTS"]
    assert first.publication_type_names == ("Journal Article",)
    assert first.mesh == ()
    assert gold[1]["_pmid"].isdigit()  # no PMID: a stable stand-in


def test_evaluate_scores_and_lists_errors(tagger: Tagger) -> None:
    result = evaluate(GOLD, tagger)
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


def test_fold_is_the_sealed_fold_definition() -> None:
    # FOLDS.md: sha1("litscan-fold:" + PMID, or the title without one), first 8 hex digits, modulo 5
    assert fold_of({"pmid": "12345", "title": "t"}) == int(hashlib.sha1(b"litscan-fold:12345").hexdigest()[:8], 16) % 5
    assert (
        fold_of({"pmid": None, "title": "A title"})
        == int(hashlib.sha1(b"litscan-fold:A title").hexdigest()[:8], 16) % 5
    )
    folds = [fold_of({"pmid": str(n)}) for n in range(500)]
    assert set(folds) == {0, 1, 2, 3, 4} and all(60 < folds.count(f) < 140 for f in range(5))
    assert {fold_of({"pmid": str(n)}, 3) for n in range(50)} == {0, 1, 2}


def test_evaluate_reports_each_fold_and_leaves_one_out(tagger: Tagger) -> None:
    every = evaluate([GOLD], tagger)
    folds = {g["_pmid"]: fold_of(g) for g in load_gold(GOLD)}
    assert sum(row["records"] for row in every["folds"].values()) == 4
    assert set(every["folds"]) == {str(f) for f in folds.values()}
    left_out = next(iter(every["folds"]))
    rest = evaluate([GOLD], tagger, selection=Selection(exclude_fold=int(left_out)))
    assert left_out not in rest["folds"]
    assert rest["records"] == 4 - every["folds"][left_out]["records"]
    assert all(e["fold"] != int(left_out) for e in rest["errors"])
    only = evaluate([GOLD], tagger, selection=Selection(fold=int(left_out)))
    assert list(only["folds"]) == [left_out] and only["records"] == every["folds"][left_out]["records"]


def test_evaluate_takes_a_tagger_for_each_fold(tagger: Tagger) -> None:
    asked: list[int] = []

    def tagger_for(fold: int) -> Tagger:
        asked.append(fold)
        return tagger

    result = evaluate([GOLD], tagger_for, selection=Selection(folds=2))
    assert sorted(asked) == sorted(int(f) for f in result["folds"]) and result["records"] == 4


def test_evaluate_reads_several_files(tmp_path: Path, tagger: Tagger) -> None:
    other = tmp_path / "more.jsonl"
    other.write_text(GOLD.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    result = evaluate([GOLD, other], tagger)
    assert result["records"] == 5 and result["files"] == [str(GOLD), str(other)]


def test_fold_out_of_range_is_a_clear_error(tagger: Tagger) -> None:
    with pytest.raises(InputError, match="numbered 0 to 4"):
        evaluate([GOLD], tagger, selection=Selection(fold=5))
    runner = CliRunner()
    done = runner.invoke(cli, ["eval", str(GOLD), "--folds", "3", "--exclude-fold", "3"])
    assert done.exit_code != 0 and "--exclude-fold 3" in done.output


def test_eval_command_prints_folds() -> None:
    done = CliRunner().invoke(cli, ["eval", str(GOLD), str(GOLD), "--folds", "3"])
    assert done.exit_code == 0, done.output
    assert "fold 1" in done.output and "fold 2" in done.output and "8 records" in done.output
