"""Where a condition's described-together parts are found: one sentence, or the title's population and an
own sentence of the abstract."""

from __future__ import annotations

import pytest

from litscan.tagging.described import Described, described
from litscan.tagging.tagger import Tagger

from .records import record


def _where(tagger: Tagger, title: str, abstract: str) -> list[Described]:
    doc = tagger.read(record(title, abstract))
    cancer = tagger.compiled.vocabulary.conditions["cancer_pain"]
    return [
        described(doc, cancer, doc.sentences[h.sentence], h.entry.part)
        for h in doc.hits_of("cond_part")
        if h.ident == "cancer_pain" and h.entry is not None
    ]


@pytest.mark.parametrize(
    ("title", "abstract", "expected"),
    [
        ("Ketamine in a hospice", "Ketamine was given for pain in 30 of 40 patients.", [Described.TITLE_AND_ABSTRACT]),
        ("Ketamine for pain in a hospice", "Forty patients took it.", [Described.IN_ITS_SENTENCE]),
        ("Ketamine in a hospice", "Depression improved in 30 of 40; pain was not an outcome.", [Described.NOT]),
        ("Ketamine and mood", "Hospice patients took ketamine, and pain was lower.", [Described.IN_ITS_SENTENCE]),
    ],
)
def test_the_title_names_the_population_and_an_own_sentence_the_pain(
    tagger: Tagger, title: str, abstract: str, expected: list[Described]
) -> None:
    assert _where(tagger, title, abstract) == expected
