"""Runs of items listed in one sentence, each run with its number of items."""

from __future__ import annotations

import re

from litscan.tagging.document import Hit
from litscan.tagging.item_runs import item_runs

GAP = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)")


def hits_of(text: str, *words: str) -> list[Hit]:
    return [Hit("cond", w, text.index(w), text.index(w) + len(w), 0, None) for w in words]


def test_a_list_is_one_run_and_counts_its_items() -> None:
    text = "Adults with diabetic neuropathy, postherpetic neuralgia or nerve injury pain."
    runs = item_runs(text, hits_of(text, "nerve injury", "diabetic neuropathy", "postherpetic neuralgia"), GAP)
    assert [items for _, items in runs] == [3]


def test_a_word_of_the_same_item_is_no_new_item() -> None:
    # "neuralgia" right after "postherpetic", a stem's hit ending inside its word ("neuralgi")
    text = "Adults with postherpetic neuralgia or diabetic neuropathy."
    found = hits_of(text, "postherpetic", "neuralgi", "diabetic neuropathy")
    assert [items for _, items in item_runs(text, found, GAP)] == [2]


def test_words_between_break_the_run() -> None:
    text = "Postherpetic neuralgia was treated, whereas diabetic neuropathy was not."
    found = hits_of(text, "Postherpetic", "diabetic neuropathy")
    assert [items for _, items in item_runs(text, found, GAP)] == [1, 1]
