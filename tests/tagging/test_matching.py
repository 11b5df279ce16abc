"""PatternIndex: the same matches as searching each pattern case-insensitively from word starts."""

from __future__ import annotations

import random
import re

import pytest

from litscan.tagging.literal_starts import gates_of, scan_keys
from litscan.tagging.matching import PatternIndex

PATTERNS = [
    "neuropathic (?:\\w+ )?pain",
    "neuralgi",
    "chronic (?:\\w+[- ]){0,2}pain",
    "persistent pain",
    "(?:chronic|persistent) post-?surgical pain",
    "rats?\\b",
    "(?-i:IV)\\b",
    "oral(?! mucositis)",
    "in vitro",
    "\\d+ patients",
    "sub-?lingual",
]


def reference(text: str) -> set[tuple[int, int, int]]:
    found = set()
    for i, source in enumerate(PATTERNS):
        flags = 0 if "(?-i" in source else re.IGNORECASE
        for m in re.finditer(rf"\b(?:{source})", text, flags):
            found.add((i, m.start(), m.end()))
    return found


@pytest.mark.parametrize(
    "text",
    [
        "Chronic neuropathic pain and persistent postsurgical pain were studied in 40 patients.",
        "Rats, not a rat model; IV ketamine in phase IV; oral mucositis and oral ketamine.",
        "Mononeuropathic pain is not neuropathic PAIN? In vitro work; Sub-lingual and SUBLINGUAL.",
        "Post-herpetic neuralgia: 12 patients — trigeminal neuralgia in 3 patients.",
    ],
)
def test_same_matches_as_searching_each_pattern(text: str) -> None:
    index = PatternIndex(PATTERNS)
    assert set(index.find(text, text.lower())) == reference(text)


def test_gates() -> None:
    assert gates_of("neuropathic (pain|neuralgia)") == {("prefix", "neur")}
    assert gates_of("iv\\b") == {("word", "iv")}
    assert gates_of("rats?\\b") == {("word", "rat"), ("prefix", "rats")}
    assert gates_of("(?:chronic|persistent) pain") == {("prefix", "chro"), ("prefix", "pers")}
    assert gates_of("\\d+ patients") is None


def at_word_starts(text: str, patterns: list[str]) -> set[tuple[int, int, int]]:
    """Every pattern tried case-insensitively at every word start: what the index must find."""
    found = set()
    for i, source in enumerate(patterns):
        regex = re.compile(source, re.IGNORECASE)
        for start in range(len(text)):
            if start and text[start - 1].isalnum():
                continue
            m = regex.match(text, start)
            if m:
                found.add((i, start, m.end()))
    return found


def test_same_matches_on_generated_text() -> None:
    rng = random.Random(7)
    words = [
        "chronic",
        "Chronic",
        "neuropathic",
        "pain",
        "PAIN",
        "persistent",
        "post-surgical",
        "postsurgical",
        "rats",
        "rat",
        "IV",
        "iv",
        "phase",
        "oral",
        "mucositis",
        "in",
        "vitro",
        "12",
        "patients",
        "sub-lingual",
        "sublingual",
        "neuralgia",
        "é",
        "öral",
        "naïve",
        "–",
        "(",
        ")",
        ",",
        ".",
        "-",
        " ",
        "  ",
        "\n",
    ]
    index = PatternIndex(PATTERNS)
    for _ in range(300):
        text = "".join(
            rng.choice(words) + rng.choice(["", " ", " ", "-", "é", "–"]) for _ in range(rng.randrange(1, 25))
        )
        assert set(index.find(text, text.lower())) == at_word_starts(text, PATTERNS), text


def test_word_boundaries_with_non_ascii_letters() -> None:
    index = PatternIndex(["rats?\\b", "oral", "iv\\b"])
    text = "érats, –rats, oralé, éoral, ivé, iv–, ratsé"
    assert sorted(index.find(text, text.lower())) == [(0, 8, 12), (1, 14, 18), (2, 33, 35)]


def test_overlapping_patterns_at_one_word_are_all_found_in_pattern_order() -> None:
    index = PatternIndex(["post-?herpetic neuralgia", "post-?herpetic", "postherpetic neuralgia \\(phn\\)"])
    text = "Postherpetic neuralgia (PHN) persisted."
    assert index.find(text, text.lower()) == [(0, 0, 22), (1, 0, 12), (2, 0, 28)]


def test_scan_keys_narrow_the_gates() -> None:
    def keys(source: str) -> set[bytes]:
        gates = gates_of(source)
        assert gates is not None
        return scan_keys(source, gates, "(?-i" in source)

    assert keys("the (?:present|current) ") == {b"the present ", b"the current "}
    assert keys("rats?\\b") == {b"rat ", b"rats "}
    assert keys("post-?stroke pain") == {b"post stroke pain", b"poststroke pain"}
    # Case-insensitive parts: only the gate's letters are certain.
    assert keys("(?-i:IV)\\b") == {b"iv "}
    assert keys("(?i)rats?\\b") == {b"rat ", b"rats"}
    # Shorter than four characters with no word end: one key per character that may follow.
    assert b"menu" in keys("men\\w+") and b"men " in keys("men\\w+")


def test_scan_keys_of_character_sets_spelled_with_each_character() -> None:
    def keys(source: str) -> set[bytes]:
        gates = gates_of(source)
        assert gates is not None
        return scan_keys(source, gates, False)

    digits = b"0123456789 "  # a space stands for other scripts' digits
    # Two digits make 121 starts, too many: cut to the first digit.
    assert keys("at \\d\\d\\b") == {b"at " + bytes([c]) for c in digits}
    # After a space the word has ended; after a letter it goes on to its end.
    assert keys("ab[c ]\\b") == {b"abc ", b"ab "}
    centuries = (b"between 19", b"between 20", b"from 19", b"from 20")
    assert keys("(?:between|from) (?:19|20)\\d\\d to") == {p + bytes([c]) for p in centuries for c in digits}


def test_plain_word_patterns_found_without_a_regex_run_keep_word_ends() -> None:
    # "received\\b" and "placebo" are decided by the scanned letters alone; "_" and "é" after a word
    # are no word end for the regex, though the scanned bytes show a space there.
    patterns = ["received\\b", "placebo", "ketamine"]
    index = PatternIndex(patterns)
    for text in (
        "Placebos received; ketamine received_ Ketamines received.",
        "Received placeboé receivedé ketamine, received, Placebo.",
        "received, placebo and ketamine received",
    ):
        expected = {
            (i, m.start(), m.end())
            for i, source in enumerate(patterns)
            for m in re.finditer(rf"\b(?:{source})", text, re.IGNORECASE)
        }
        assert set(index.find(text, text.lower())) == expected, text
