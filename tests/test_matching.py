"""PatternIndex: the same matches as searching each pattern case-insensitively from word starts."""

from __future__ import annotations

import re

import pytest

from litscan.matching import PatternIndex, _gates_of

PATTERNS = [
    "neuropathic (?:\\w+ )?pain", "neuralgi", "chronic (?:\\w+[- ]){0,2}pain", "persistent pain",
    "(?:chronic|persistent) post-?surgical pain", "rats?\\b", "(?-i:IV)\\b", "oral(?! mucositis)",
    "in vitro", "\\d+ patients", "sub-?lingual",
]


def reference(text: str) -> set[tuple[int, int, int]]:
    found = set()
    for i, source in enumerate(PATTERNS):
        flags = 0 if "(?-i" in source else re.IGNORECASE
        for m in re.finditer(rf"\b(?:{source})", text, flags):
            found.add((i, m.start(), m.end()))
    return found


@pytest.mark.parametrize("text", [
    "Chronic neuropathic pain and persistent postsurgical pain were studied in 40 patients.",
    "Rats, not a rat model; IV ketamine in phase IV; oral mucositis and oral ketamine.",
    "Mononeuropathic pain is not neuropathic PAIN? In vitro work; Sub-lingual and SUBLINGUAL.",
    "Post-herpetic neuralgia: 12 patients — trigeminal neuralgia in 3 patients.",
])
def test_same_matches_as_searching_each_pattern(text: str) -> None:
    index = PatternIndex(PATTERNS)
    assert set(index.find(text, text.lower())) == reference(text)


def test_gates() -> None:
    assert _gates_of("neuropathic (pain|neuralgia)") == {("prefix", "neur")}
    assert _gates_of("iv\\b") == {("word", "iv")}
    assert _gates_of("rats?\\b") == {("word", "rat"), ("prefix", "rats")}
    assert _gates_of("(?:chronic|persistent) pain") == {("prefix", "chro"), ("prefix", "pers")}
    assert _gates_of("\\d+ patients") is None
