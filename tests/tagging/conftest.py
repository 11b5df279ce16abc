"""The tagger with the project's vocabulary, made once for all tagging tests."""

from __future__ import annotations

import pytest

from litscan.tagging.tagger import Tagger

from .records import VOCABULARY


@pytest.fixture(scope="session")
def tagger() -> Tagger:
    return Tagger(VOCABULARY)
