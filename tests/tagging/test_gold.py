"""The tagger on the shared hand-labelled records (read from ``../shared/gold`` beside the checkout).

No gold text is copied here: the records are read where they are, and the test fails, saying so, when
they are absent. The scores are those of folds 1-4 (fold 0 is the sealed fold of FOLDS.md, scored by
hand once, not by a test run on every change).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from litscan.tagging.evaluate import Selection, evaluate, fold_of, load_gold, tag_gold
from litscan.tagging.tagger import Tagger

GOLD = Path(__file__).resolve().parents[2] / ".." / "shared" / "gold"
FILES = [GOLD / "dev.jsonl", GOLD / "dev2.jsonl"]


@pytest.fixture(scope="module")
def gold_files() -> list[Path]:
    missing = [str(p) for p in FILES if not p.is_file()]
    if missing:
        pytest.fail(f"the shared gold records are missing ({', '.join(missing)}): check out ../shared beside the repo")
    return FILES


def test_scores_on_the_gold_folds_reach_the_targets(gold_files: list[Path], tagger: Tagger) -> None:
    result = evaluate(gold_files, tagger, selection=Selection(exclude_fold=0))
    assert result["records"] > 100
    assert result["condition_micro_f1"] >= 0.92
    assert result["on_topic_accuracy"] >= 0.97


def test_every_gold_decision_has_evidence_text(gold_files: list[Path], tagger: Tagger) -> None:
    used: set[str] = set()
    # Folds 1-4 only: the sealed fold's records are not read, even to name one here.
    gold = [item for path in gold_files for item in load_gold(path, used) if fold_of(item) != 0]
    empty = []
    for item, tags, _ in tag_gold(gold, tagger):
        if not tags.on_topic_evidence or not all(e.text.strip() for e in tags.on_topic_evidence):
            empty.append(f"{item['_file']} line {item['_line']}: on_topic")
        for cid in tags.conditions:
            evidence = tags.condition_evidence.get(cid, ())
            if not evidence or not all(e.text.strip() for e in evidence):
                empty.append(f"{item['_file']} line {item['_line']}: {cid}")
    assert not empty, f"decisions without evidence text: {empty}"
