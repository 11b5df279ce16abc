"""The tagger with the project's vocabulary, made once for all tagging tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from litscan.config import default_topic_path, load_topic
from litscan.tagging.tagger import Tagger

from .records import VOCABULARY


@pytest.fixture(scope="session")
def tagger() -> Tagger:
    """The bundled topic's tagger, which is this vocabulary's: built once a process, the same one the
    imports and runs of other tests in the process ask for (building one costs ~0.3 s of CPU)."""
    topic = load_topic(default_topic_path())
    assert Path(topic.vocabulary_path).resolve() == VOCABULARY.resolve()
    return Tagger.for_topic(topic)
