"""An abstract sent as one block with its section labels in the text ("BACKGROUND: ... METHODS: ...") is read
by those sections' roles, as the same abstract sent in labelled parts is; evidence still points into the one
block the record holds."""

from __future__ import annotations

import pytest

from litscan.models import AbstractSection
from litscan.tagging.document import Document, Role
from litscan.tagging.tagger import Tagger

from .records import record, tag

TITLE = "Oral ketamine for chronic low back pain: an open-label study"
SECTIONS = [
    ("BACKGROUND", "Ketamine infusions are widely used in pain clinics, but they need a hospital stay."),
    ("METHODS", "Twenty adults with chronic low back pain took oral ketamine 20 mg three times a day for eight weeks."),
    ("RESULTS", "Pain scores fell by a third."),
    ("CONCLUSIONS", "Oral ketamine may spare patients an admission."),
]


def inline(separator: str = " ", label_case: str = "upper") -> str:
    labels = [label if label_case == "upper" else label.title() for label, _ in SECTIONS]
    return separator.join(f"{label}: {text}" for label, (_, text) in zip(labels, SECTIONS, strict=True))


@pytest.mark.parametrize(
    "block", [inline(), inline("\n"), inline(label_case="title")], ids=["capitals", "lines", "title-case"]
)
def test_inline_labels_give_the_tags_of_the_labelled_parts(tagger: Tagger, block: str) -> None:
    structured = tagger.tag(record(TITLE, *SECTIONS))
    tags = tagger.tag(record(TITLE, block))
    assert tags.routes == structured.routes == ("oral",)  # the background's infusion is not this study's
    assert (tags.on_topic, tags.design, tags.conditions) == (
        structured.on_topic,
        structured.design,
        structured.conditions,
    )


def test_each_inline_part_has_its_labels_role_and_offsets_in_the_one_block(tagger: Tagger) -> None:
    block = inline()
    doc = Document(record(TITLE, block))
    roles = [doc.sentences[doc.sentence_at(doc.text.index(text))].role for _, text in SECTIONS]
    assert roles == [Role.BACKGROUND, Role.METHODS, Role.RESULTS, Role.CONCLUSION]
    tags = tagger.tag(record(TITLE, block))
    quoted = [e for pieces in (*tags.route_evidence.values(), tags.design_evidence) for e in pieces]
    in_abstract = [e for e in quoted if e.field != "title"]
    assert in_abstract and {e.field for e in in_abstract} == {"abstract"}
    for e in in_abstract:
        assert e.start is not None and block[e.start : e.end] == e.text


def test_one_capitalised_word_and_a_colon_is_no_structure() -> None:
    text = "Twenty adults took oral ketamine. Results: mixed, as the authors expected."
    doc = Document(record(TITLE, text))
    assert {s.role for s in doc.sentences[1:]} == {Role.UNLABELLED}
    assert [f.name for f in doc.fields] == ["title", "abstract"]


def test_a_labelled_section_is_never_cut_again() -> None:
    section = AbstractSection("BACKGROUND: cited. METHODS: ours.", label="METHODS", category="METHODS")
    doc = Document(record(TITLE).__class__(pmid="1", title=TITLE, abstract_sections=(section,)))
    assert [f.role for f in doc.fields[1:]] == [Role.METHODS]


def test_labels_on_lines_of_their_own_without_a_colon_are_read() -> None:
    block = "\n".join(f"{label}\n{text}" for label, text in SECTIONS)
    doc = Document(record(TITLE, block))
    roles = [doc.sentences[doc.sentence_at(doc.text.index(text))].role for _, text in SECTIONS]
    assert roles == [Role.BACKGROUND, Role.METHODS, Role.RESULTS, Role.CONCLUSION]


@pytest.mark.parametrize("label_case", ["upper", "title"])
def test_headings_without_colons_are_labels(tagger: Tagger, label_case: str) -> None:
    # as a web page or a journal's own abstract leaves them: "Background Ketamine ... Methods Twenty adults ..."
    text = " ".join(f"{label if label_case == 'upper' else label.title()} {body}" for label, body in SECTIONS)
    doc = Document(record(TITLE, text))
    roles = [doc.sentences[doc.sentence_at(doc.text.index(body))].role for _, body in SECTIONS]
    assert roles == [Role.BACKGROUND, Role.METHODS, Role.RESULTS, Role.CONCLUSION]
    assert tagger.tag(record(TITLE, text)).routes == ("oral",)  # the background's infusion is not this study's


def test_a_block_with_no_heading_is_one_unlabelled_field() -> None:
    text = " ".join(body for _, body in SECTIONS)
    doc = Document(record(TITLE, text))
    assert [f.name for f in doc.fields] == ["title", "abstract"]
    assert {s.role for s in doc.sentences[1:]} == {Role.UNLABELLED}


def test_a_methodology_label_opens_the_methods(tagger: Tagger) -> None:
    """ "Methodology:" is a methods label like "Methods:": the design it states is the study's, not the background's."""
    tags = tag(
        tagger,
        "Ketamine for chronic neuropathic pain",
        "Introduction: Neuropathic pain responds poorly to opioids. Methodology: Forty patients with chronic "
        "neuropathic pain were randomized to ketamine or placebo. Findings: Pain fell more with ketamine.",
    )
    assert tags.design == "rct"
