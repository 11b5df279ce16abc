"""Vocabulary files: the bundled one loads, and every mistake names the file and the entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from litscan.config import default_topic_path, load_topic
from litscan.digest.labels import labels_for_topic
from litscan.errors import ConfigError
from litscan.tagging.tagger import Tagger
from litscan.tagging.vocabulary import load_vocabulary

BUNDLED = Path(__file__).resolve().parents[2] / "queries" / "chronic-pain.vocab.toml"

MINIMAL = """
version = 1
name = "tiny"

[intervention]
label = "ketamine"
patterns = ['ketamine']
infusion_route = "intravenous"

[groups.neuropathic]
label = "Neuropathic pain"

[[condition]]
id = "crps"
label = "CRPS"
patterns = ['complex regional pain', 'crps\\b']

[[condition]]
id = "neuropathic_pain"
label = "Neuropathic pain"
group = "neuropathic"
weak_patterns = ['neuropathic pain']
yields_to = ["group:neuropathic"]

[[route]]
id = "intravenous"
label = "Intravenous"
patterns = ['intravenous']

[[design]]
id = "rct"
label = "RCT"
strong = ['randomi[sz]ed']
publication_types = ["Randomized Controlled Trial"]

[[design]]
id = "other"
label = "Other"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "test.vocab.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_vocabulary_has_the_taxonomy_ids() -> None:
    vocabulary = load_vocabulary(BUNDLED)
    assert "crps" in vocabulary.condition_ids and "chronic_pain_general" in vocabulary.condition_ids
    assert vocabulary.route_ids == (
        "intravenous",
        "intramuscular",
        "subcutaneous",
        "intranasal",
        "oral",
        "sublingual_buccal",
        "topical",
        "neuraxial",
        "inhaled",
    )
    assert vocabulary.design_ids[-1] == "other" and len(vocabulary.design_ids) == 10
    assert "crps" not in vocabulary.groups["neuropathic"].members
    assert len(vocabulary.groups["neuropathic"].members) == 8


def test_bundled_topic_points_at_it_and_the_digest_labels_come_from_it() -> None:
    topic = load_topic(default_topic_path())
    assert topic.vocabulary_path.name == "chronic-pain.vocab.toml"
    labels = labels_for_topic(topic)
    assert labels.condition("crps") == "Complex regional pain syndrome"
    assert labels.group_of("phantom_limb_pain") == "neuropathic"


def test_minimal_vocabulary_loads(tmp_path: Path) -> None:
    vocabulary = load_vocabulary(write(tmp_path, MINIMAL))
    assert vocabulary.name == "tiny"
    assert vocabulary.conditions["neuropathic_pain"].yields_to == ("group:neuropathic",)
    assert vocabulary.groups["neuropathic"].members == ("neuropathic_pain",)


@pytest.mark.parametrize(
    ("edit", "where"),
    [
        (
            ("patterns = ['complex regional pain', 'crps\\b']", "patterns = ['complex (regional pain']"),
            "condition 'crps'.patterns[0]",
        ),
        (('label = "CRPS"', 'label = "CRPS"\nsynonyms = ["x"]'), "condition 'crps'"),
        (('label = "CRPS"', 'label = "CRPS"\nonly_chronic = "yes"'), "condition 'crps'.only_chronic"),
        (
            ('label = "CRPS"', 'label = "CRPS"\ntitle_sentence_patterns = "hospice"'),
            "condition 'crps'.title_sentence_patterns",
        ),
        (('group = "neuropathic"', 'group = "nerves"'), "condition 'neuropathic_pain'.group"),
        (
            ('yields_to = ["group:neuropathic"]', 'yields_to = ["fibromyalgia"]'),
            "condition 'neuropathic_pain'.yields_to",
        ),
        (('id = "neuropathic_pain"', 'id = "crps"'), "condition 'crps'"),
        (('infusion_route = "intravenous"', 'infusion_route = "venous"'), "intervention.infusion_route"),
        (('[[design]]\nid = "other"\nlabel = "Other"', ""), "design"),
        (('id = "rct"', 'id = "RCT!"'), "design[0].id"),
        (("version = 1", "version = 7"), "version"),
        (("strong = ['randomi[sz]ed']", "strong = 'randomized'"), "design 'rct'.strong"),
        (("strong = ['randomi[sz]ed']", "strong = ['randomi[sz]ed']\noutranks = ['cohort']"), "design 'rct'.outranks"),
        (('name = "tiny"', 'name = "tiny"\ncolour = "red"'), "top level"),
        (
            (
                "[groups.neuropathic]",
                "[topic.off_topic.surgery]\npatterns = ['surgery']\nleaves = 'cpsp'\n\n[groups.neuropathic]",
            ),
            "topic.off_topic.surgery.leaves",
        ),
        (
            (
                "[groups.neuropathic]",
                "[topic.off_topic.volunteers]\npatterns = ['volunteers']\nanother_use = 'no'\n\n[groups.neuropathic]",
            ),
            "topic.off_topic.volunteers.another_use",
        ),
        (
            ("[groups.neuropathic]", "[topic]\nlate_outcome_patterns = ['(months']\n\n[groups.neuropathic]"),
            "topic.late_outcome_patterns[0]",
        ),
    ],
)
def test_mistakes_name_the_file_and_the_entry(tmp_path: Path, edit: tuple[str, str], where: str) -> None:
    old, new = edit
    assert old in MINIMAL
    path = write(tmp_path, MINIMAL.replace(old, new))
    with pytest.raises(ConfigError) as caught:
        load_vocabulary(path)
    message = str(caught.value)
    assert str(path) in message
    assert where in message


def test_not_toml_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_vocabulary(write(tmp_path, "[[condition]\n"))
    with pytest.raises(ConfigError, match="not found"):
        load_vocabulary(tmp_path / "absent.vocab.toml")


def test_bad_mesh_ui(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL.replace('label = "CRPS"', 'label = "CRPS"\nmesh = ["crps"]'))
    with pytest.raises(ConfigError, match=r"condition 'crps'\.mesh\[0\].*not a MeSH UI"):
        load_vocabulary(path)


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("(?<=pain+)ful", "look-behind requires fixed-width pattern"),  # an error only the compiler finds
        ("crps(?i)", "global flags not at the start"),
        ("(?:crps)?", "matches empty text"),  # would match at every word the tagger tries it on
    ],
)
def test_a_pattern_is_checked_as_the_tagger_runs_it(tmp_path: Path, pattern: str, message: str) -> None:
    path = write(tmp_path, MINIMAL.replace("'crps\\b'", repr(pattern)))
    assert path.read_text() != MINIMAL
    with pytest.raises(ConfigError, match=r"condition 'crps'\.patterns\[1\]") as caught:
        load_vocabulary(path)
    assert message in str(caught.value)


def test_patterns_keep_their_matcher_and_a_case_insensitive_word_start_regex(tmp_path: Path) -> None:
    crps = load_vocabulary(write(tmp_path, MINIMAL)).conditions["crps"].patterns[1]
    assert crps.matcher.match("crps type i") and not crps.matcher.match("CRPS")  # runs on lower-cased text
    assert crps.regex.search("in CRPS type I") and not crps.regex.search("CRPSX")


def test_every_bundled_pattern_starts_with_a_word_it_can_be_looked_up_by(tagger: Tagger) -> None:
    # A pattern without a word to start from (one that starts with a digit) is searched over every
    # text of every import: the tagger runs inside ingest, so the bundled rules have none.
    assert tagger.vocabulary_path == BUNDLED  # the session's tagger has the bundled vocabulary
    compiled = tagger.compiled
    assert [compiled.entries[i].pattern.source for i in compiled.index.always] == []


def test_another_use_of_the_drug_is_the_default_unless_title_only_or_said_otherwise() -> None:
    """Depression is another use of the drug; volunteers are another population; surgery counts in the title only."""
    off = {o.id: o for o in load_vocabulary(load_topic(default_topic_path()).vocabulary_path).off_topic}
    assert off["depression"].another_use and off["abuse"].another_use
    assert not off["volunteers"].another_use
    assert not off["surgery"].another_use
    assert off["acute_model"].acute_model and not off["surgery"].acute_model
