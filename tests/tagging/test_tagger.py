"""The tagger as a whole: every tag carries its evidence, the fingerprint follows the vocabulary.

The rules themselves are tested per decision (test_conditions, test_routes, test_design,
test_on_topic) and per reading (test_cues, test_abbreviations).
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from litscan.models import Record, Tags, to_jsonable
from litscan.tagging.tagger import Tagger

from .records import VOCABULARY, record


def test_every_tag_carries_evidence_with_the_exact_text(tagger: Tagger) -> None:
    rec = record(
        "Intravenous ketamine for complex regional pain syndrome: a randomized trial",
        ("METHODS", "Forty patients were randomly assigned to ketamine or saline."),
    )
    tags = tagger(rec)
    assert tags.design_evidence and tags.on_topic_evidence
    for cid in tags.conditions:
        assert tags.condition_evidence[cid]
    for rid in tags.routes:
        evidence = tags.route_evidence[rid][0]
        field_text = rec.title if evidence.field == "title" else rec.abstract_sections[0].text
        assert field_text[evidence.start : evidence.end] == evidence.text
    assert Tags.from_dict(to_jsonable(tags)) == tags, "the store's JSON keeps every piece of evidence"


def test_fingerprint_changes_with_the_vocabulary_file(tmp_path: Path, tagger: Tagger) -> None:
    copy = tmp_path / "v.vocab.toml"
    shutil.copy(VOCABULARY, copy)
    assert Tagger(copy).fingerprint == tagger.fingerprint
    copy.write_text(copy.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert Tagger(copy).fingerprint != tagger.fingerprint


def test_record_without_abstract_or_title(tagger: Tagger) -> None:
    tags = tagger(Record(pmid="2"))
    assert tags.on_topic is False and tags.design == "other"


def test_a_topic_tagger_is_built_once_per_vocabulary_content(tmp_path: Path) -> None:
    from litscan.config import default_topic_path, load_topic

    topic = load_topic(default_topic_path())
    assert Tagger.for_topic(topic) is Tagger.for_topic(topic)
    mine = tmp_path / "mine.vocab.toml"
    shutil.copy(topic.vocabulary_path, mine)
    first = Tagger.for_topic(replace(topic, vocabulary_path=mine))
    mine.write_text(mine.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    edited = Tagger.for_topic(replace(topic, vocabulary_path=mine))
    assert edited is not first and edited.fingerprint != first.fingerprint
