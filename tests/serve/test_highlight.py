"""Marking the tag evidence in a record's text: found by offset or by search, quoted words inside."""

from __future__ import annotations

from litscan.digest.labels import FALLBACK
from litscan.models import AbstractSection, Evidence, Record, Tags
from litscan.serve.highlight import Marked, Section, mark_record

TITLE = "Oral ketamine in fibromyalgia"
FIRST = "Adults took part. They received oral ketamine daily."
SECOND = "Pain fell. The oral dose was well tolerated."


def record(*sections: AbstractSection) -> Record:
    return Record(pmid="1", title=TITLE, abstract_sections=sections)


def tags(**evidence: tuple[Evidence, ...]) -> Tags:
    return Tags(
        on_topic=True,
        conditions=("fibromyalgia",),
        routes=("oral",),
        design="rct",
        design_evidence=evidence.get("design", ()),
        condition_evidence={"fibromyalgia": evidence.get("condition", ())},
        route_evidence={"oral": evidence.get("route", ())},
    )


def text_of(section: Section) -> str:
    return "".join(piece.text for piece in section.pieces)


def marked_text(section: Section, key: bool | None = None) -> list[str]:
    return [p.text for p in section.pieces if p.marked and (key is None or p.key == key)]


def test_the_sentence_and_the_quoted_words_are_marked_by_offset() -> None:
    sentence = "They received oral ketamine daily."
    start = FIRST.index(sentence)
    evidence = Evidence("abstract:METHODS", sentence, 'route "oral" stated for ketamine', start, start + len(sentence))
    result = mark_record(record(AbstractSection(FIRST, "METHODS")), tags(route=(evidence,)), FALLBACK)
    section = result.abstract[0]
    assert section.label == "METHODS"
    assert text_of(section) == FIRST  # nothing lost or doubled
    assert marked_text(section, key=True) == ["oral"]
    assert "".join(marked_text(section)) == sentence
    assert {tag for p in section.pieces for tag in p.tags} == {"Route: Oral"}
    assert result.evidence[0].tag == "Route: Oral"


def test_offsets_into_the_wrong_section_of_the_same_name_are_found_by_the_text() -> None:
    """Two unlabelled sections are both "abstract": the offsets alone cannot say which."""
    sentence = "The oral dose was well tolerated."
    evidence = Evidence("abstract", sentence, 'route "oral" stated', SECOND.index(sentence), len(SECOND))
    result = mark_record(record(AbstractSection(FIRST), AbstractSection(SECOND)), tags(route=(evidence,)), FALLBACK)
    assert marked_text(result.abstract[0]) == []
    assert "".join(marked_text(result.abstract[1])) == sentence


def test_stale_evidence_is_listed_but_not_marked() -> None:
    gone = Evidence("abstract", "A sentence PubMed has since rewritten.", "design stated", 0, 38)
    mesh = Evidence("mesh", "Fibromyalgia", "MeSH heading Fibromyalgia (D005356)")
    result = mark_record(record(AbstractSection(FIRST)), tags(design=(gone,), condition=(mesh,)), FALLBACK)
    assert marked_text(result.abstract[0]) == []
    assert [(w.tag, w.field) for w in result.evidence] == [
        ("Design: RCT", "abstract"),
        ("Condition: Fibromyalgia", "mesh"),
    ]


def test_overlapping_evidence_of_several_tags_is_marked_once_with_every_tag() -> None:
    route = Evidence("title", TITLE, 'route "Oral" stated for ketamine', 0, len(TITLE))
    condition = Evidence("title", TITLE, 'names "fibromyalgia" in the title', 0, len(TITLE))
    result: Marked = mark_record(record(), tags(route=(route,), condition=(condition,)), FALLBACK)
    title = result.title
    assert text_of(title) == TITLE
    assert result.abstract == ()
    keys = {p.text: p.tags for p in title.pieces if p.key}
    assert keys == {"Oral": ("Route: Oral",), "fibromyalgia": ("Condition: Fibromyalgia",)}
    plain = [p for p in title.pieces if not p.key]
    assert all(set(p.tags) == {"Route: Oral", "Condition: Fibromyalgia"} for p in plain)


def test_a_record_without_evidence_is_plain_text() -> None:
    result = mark_record(record(AbstractSection(FIRST)), Tags(False, (), (), "other"), FALLBACK)
    assert [p.marked for p in result.title.pieces] == [False]
    assert text_of(result.abstract[0]) == FIRST
    assert result.evidence == ()
