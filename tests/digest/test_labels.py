"""Display labels: from the topic's vocabulary when it loads, else the built-in TAXONOMY labels."""

from __future__ import annotations

from pathlib import Path

import pytest

from litscan.config import default_topic_path, load_topic
from litscan.digest.labels import FALLBACK, labels_for_topic

from . import digest_data as data


def test_fallback_follows_the_taxonomy() -> None:
    assert [row.id for row in FALLBACK.rows()] == [
        "crps",
        "neuropathic",
        "fibromyalgia",
        "cancer_pain",
        "headache",
        "low_back_pain",
        "chronic_postsurgical_pain",
        "chronic_pain_general",
    ]
    neuropathic = FALLBACK.rows()[1]
    assert neuropathic.is_group and len(neuropathic.members) == 8
    assert FALLBACK.group_of("phantom_limb_pain") == "neuropathic" and FALLBACK.group_of("crps") is None
    assert FALLBACK.condition("neuropathic") == "Neuropathic pain"  # a group id names its group
    assert FALLBACK.route("made_up") == "made_up"  # unknown ids still print


def test_bundled_vocabulary_supplies_labels_and_groups() -> None:
    labels = labels_for_topic(load_topic(default_topic_path()))
    assert set(labels.conditions) == set(FALLBACK.conditions)
    assert set(labels.routes) == set(FALLBACK.routes)
    assert labels.groups["neuropathic"][1] == FALLBACK.groups["neuropathic"][1]


def test_a_broken_vocabulary_falls_back(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    topic = data.make_topic(tmp_path)
    topic.vocabulary_path.write_text("this is = not [ toml", encoding="utf-8")
    assert labels_for_topic(topic) == FALLBACK
    assert "built-in labels" in caplog.text
