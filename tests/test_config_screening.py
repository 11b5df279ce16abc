"""The topic file's screening reasons and alert limits, and finding a topic by its name."""

from __future__ import annotations

from pathlib import Path

import pytest

from litscan.config import AlertLimits, find_topic, load_topic
from litscan.errors import ConfigError
from tests.screening import screening_data as data

BUNDLED = Path(__file__).resolve().parents[1] / "queries" / "ketamine-chronic-pain.toml"


def test_the_bundled_topic_ships_the_issues_reasons_and_email_limits():
    topic = load_topic(BUNDLED)
    assert list(topic.screening.reasons) == [
        "wrong_population",
        "wrong_intervention",
        "acute_pain_only",
        "wrong_design",
        "duplicate",
    ]
    assert topic.digest.limits == AlertLimits()
    assert topic.email.limits == AlertLimits(True, ("systematic_review", "rct"), True) and topic.email.skip_empty


def test_limits_and_reasons_are_read(tmp_path):
    path = data.write_topic_file(tmp_path, '[digest]\nonly_on_topic = true\nonly_designs = ["rct"]\n')
    topic = load_topic(path)
    assert topic.digest.limits == AlertLimits(on_topic=True, designs=("rct",))
    assert topic.screening.reasons == data.REASONS


@pytest.mark.parametrize(
    ("extra", "where"),
    [
        ("[digest]\nonly_on_topic = 1\n", "digest.only_on_topic"),
        ('[email]\nonly_designs = "rct"\n', "email.only_designs"),
        ("[screening]\nreasons = 1\n", "screening.reasons"),
        ('[screening.reasons]\n"Bad Id" = "x"\n', "screening.reasons.Bad Id"),
        ('[screening.reasons]\nunspecified = "x"\n', "screening.reasons.unspecified"),
        ('[screening.reasons]\nok = ""\n', "screening.reasons.ok"),
        ("[screening]\nlabels = 1\n", "labels"),
    ],
)
def test_bad_settings_name_the_file_and_key(tmp_path, extra, where):
    path = tmp_path / "x.toml"
    path.write_text(f'name = "x"\nterm = "k"\nstart = 2020-01-01\nvocabulary = "{data.VOCAB}"\n{extra}')
    with pytest.raises(ConfigError) as raised:
        load_topic(path)
    assert str(path) in str(raised.value) and where in str(raised.value)


def test_a_topic_is_found_by_name_or_file(tmp_path):
    path = data.write_topic_file(tmp_path)
    assert find_topic(str(path)).name == data.TOPIC
    assert find_topic("ketamine-chronic-pain").path == BUNDLED.resolve()
    with pytest.raises(ConfigError, match=r"no topic named 'nope'.*ketamine-chronic-pain"):
        find_topic("nope")
