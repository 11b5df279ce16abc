"""An abbreviation the record defines counts as the phrase it stands for."""

from __future__ import annotations

from litscan.tagging.tagger import Tagger

from .records import tag


def test_abbreviation_defined_once_counts_later(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine after surgery",
        "Persistent post-surgical pain (PPSP) follows many operations. We randomised 80 patients "
        "to ketamine or saline and recorded PPSP at 6 months.",
    )
    assert "chronic_postsurgical_pain" in tags.conditions
