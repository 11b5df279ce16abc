"""litscan.pubmed.xml_references: cutting out <ReferenceList> never changes what a record reads.

The judge is libxml2 itself: each document is read with the cut and without it (every
<ReferenceList> left for libxml2 to parse), with the stream split at every byte, and the records
must be the same. The documents hide list tags in comments, CDATA sections, processing
instructions, a DTD's internal subset and unusual but valid tags; all of it is written here.
"""

from __future__ import annotations

import io
import random
from collections.abc import Iterator

import pytest

from litscan.errors import InputError
from litscan.models import ParsedItem
from litscan.pubmed import xml_reader
from litscan.pubmed.xml_reader import iter_pubmed_xml, parse_pubmed_bytes, parse_pubmed_document
from litscan.pubmed.xml_references import ReferenceListError, WithoutReferences, plain_prolog

REFERENCES = (
    "<ReferenceList><Title>References</Title><Reference><Citation>Cited work.</Citation>"
    '<ArticleIdList><ArticleId IdType="doi">10.9/cited</ArticleId><ArticleId IdType="pubmed">1</ArticleId>'
    "</ArticleIdList></Reference></ReferenceList>"
)


def record(pmid: int, in_article: str = "", in_data: str = "") -> str:
    return (
        f'<PubmedArticle><MedlineCitation Status="MEDLINE"><PMID Version="1">{pmid}</PMID><Article>'
        f"<ArticleTitle>Title {pmid}</ArticleTitle>{in_article}<Abstract><AbstractText>Abstract {pmid}."
        f'</AbstractText></Abstract></Article></MedlineCitation><PubmedData><ArticleIdList><ArticleId IdType="doi">'
        f"10.9/own.{pmid}</ArticleId></ArticleIdList>{in_data}{REFERENCES}</PubmedData></PubmedArticle>\n"
    )


def document(*records: str, prolog: str = "") -> bytes:
    return f'<?xml version="1.0"?>\n{prolog}<PubmedArticleSet>\n{"".join(records)}</PubmedArticleSet>\n'.encode()


class _Pieces:
    """A stream that hands out the given pieces, one a read (an empty read is the end)."""

    def __init__(self, pieces: list[bytes]) -> None:
        self._pieces = iter([piece for piece in pieces if piece])

    def read(self, size: int = -1) -> bytes:
        return next(self._pieces, b"")


def cut(pieces: list[bytes]) -> bytes:
    reader = WithoutReferences(b"", _Pieces(pieces))
    return b"".join(iter(reader.read, b""))


def splits(data: bytes) -> Iterator[list[bytes]]:
    """The document in two pieces at every byte, then in pieces of 1 to 7 bytes."""
    for at in range(len(data) + 1):
        yield [data[:at], data[at:]]
    for size in range(1, 8):
        yield [data[i : i + size] for i in range(0, len(data), size)]


class _Uncut:
    def __init__(self, head: bytes, rest: io.BytesIO) -> None:
        self._data = head + rest.read()

    def read(self, size: int = -1) -> bytes:
        data, self._data = self._data, b""
        return data


def uncut(data: bytes, monkeypatch: pytest.MonkeyPatch) -> list[ParsedItem]:
    """What libxml2 reads in ``data`` with every reference list left in."""
    with monkeypatch.context() as patch:
        patch.setattr(xml_reader, "WithoutReferences", _Uncut)
        return parse_pubmed_bytes(data)


def assert_cut_reads_as_uncut(data: bytes, monkeypatch: pytest.MonkeyPatch) -> list[ParsedItem]:
    expected = uncut(data, monkeypatch)
    whole = cut([data])
    assert b"Cited work" not in whole or b"<ReferenceList" in whole  # cut, or left to libxml2 from some point
    for pieces in splits(data):
        assert cut(pieces) == whole, [len(p) for p in pieces][:3]
    assert parse_pubmed_bytes(data) == expected
    assert parse_pubmed_document(data, name="doc") == expected
    return expected


def abstracts(items: list[ParsedItem]) -> list[tuple[str, str]]:
    return [(item.pmid, item.abstract_sections[0].text) for item in items]  # type: ignore[union-attr]


THREE = [(str(n), f"Abstract {n}.") for n in (1, 2, 3)]


@pytest.mark.parametrize(
    ("first", "third"),
    [
        ("<!-- <ReferenceList> -->", "<!-- </ReferenceList> -->"),
        ("<?note <ReferenceList>?>", "<?note </ReferenceList>?>"),
        ("<VernacularTitle><![CDATA[<ReferenceList>]]></VernacularTitle>", "<!-- x --><?y?>"),
        (
            "<VernacularTitle><![CDATA[x]]></VernacularTitle>",
            "<VernacularTitle><![CDATA[</ReferenceList>]]></VernacularTitle>",
        ),
    ],
    ids=["comment", "processing-instruction", "cdata-open", "cdata-close"],
)
def test_list_tags_in_comments_cdata_and_pis_never_join_records(first, third, monkeypatch):
    data = document(record(1, first), record(2), record(3, third))
    items = assert_cut_reads_as_uncut(data, monkeypatch)
    assert abstracts(items) == THREE
    assert [item.doi for item in items] == ["10.9/own.1", "10.9/own.2", "10.9/own.3"]  # type: ignore[union-attr]


def test_constructs_inside_a_list_are_cut_with_it(monkeypatch):
    inside = REFERENCES.replace(
        "<Reference>", "<!-- </ReferenceList> --><?pi </ReferenceList>?><![CDATA[</ReferenceList>]]><Reference>"
    )
    data = document(record(1).replace(REFERENCES, inside), record(2), record(3))
    assert abstracts(assert_cut_reads_as_uncut(data, monkeypatch)) == THREE
    assert b"pi" not in cut([data])


def test_unusual_but_valid_list_tags(monkeypatch):
    data = document(
        record(1, in_data='<ReferenceList note="a>b"/>'),
        record(2)
        .replace("<ReferenceList>", "<ReferenceList\n  kind='x/>y' >")
        .replace("</ReferenceList>", "</ReferenceList \n>"),
        record(3, in_data="<ReferenceListing>kept</ReferenceListing>"),
    )
    assert abstracts(assert_cut_reads_as_uncut(data, monkeypatch)) == THREE
    assert b"<ReferenceListing>kept" in cut([data])


def test_a_dtd_internal_subset_is_left_to_libxml2(monkeypatch):
    prolog = '<!DOCTYPE PubmedArticleSet [\n<!ENTITY open "<ReferenceList>">\n<!-- ]> -->\n]>\n'
    data = document(record(1), record(2, "<!-- </ReferenceList> -->"), record(3), prolog=prolog)
    assert abstracts(assert_cut_reads_as_uncut(data, monkeypatch)) == THREE


def test_a_list_left_open_is_an_error_at_its_parents_end_not_a_cut_into_the_next_record():
    # Malformed (libxml2 rejects it uncut): the cut must not make it readable as two joined records.
    data = document(record(1, in_data="<ReferenceList><ReferenceList>"), record(2), record(3))
    for reader in (
        lambda: list(iter_pubmed_xml(io.BytesIO(data), name="open.xml")),
        lambda: parse_pubmed_document(data, name="open.xml"),
    ):
        with pytest.raises(InputError) as caught:
            reader()
        message = str(caught.value)
        assert message.startswith("open.xml: line 3:") and "not closed before </PubmedData>" in message
        assert "\n" not in message


def test_a_list_left_open_is_reported_on_its_line_however_the_stream_is_read():
    # The lines before a read are counted only for the errors of reads after it: a document read
    # whole in one read (the parallel import's chunks) and one read in pieces name the same line.
    data = document(record(1), record(2), record(3, in_data="<ReferenceList>"))
    line = data[: data.rindex(b"</PubmedData>")].count(b"\n") + 1
    assert line == 5
    for pieces in [[data], *splits(data)]:
        reader = WithoutReferences(b"", _Pieces(pieces))
        with pytest.raises(ReferenceListError) as caught:
            while reader.read():
                pass
        assert caught.value.line == line, pieces


def test_random_documents_read_alike_cut_or_not(monkeypatch):
    # Markup that must never act as a list tag, placed where each construct may stand.
    payloads = [
        "<ReferenceList>",
        "</ReferenceList>",
        "<ReferenceList/>",
        "</PubmedArticle>",
        "<PubmedArticle>",
        "-- ]>",
    ]
    places = [
        lambda p: f"<!-- {p.replace('--', '')} -->",
        lambda p: f"<?litscan {p}?>",
        lambda p: f"<VernacularTitle><![CDATA[{p}]]></VernacularTitle>",
    ]
    rng = random.Random(15)
    for _ in range(20):
        records = []
        for pmid in range(1, 6):
            extra = "".join(rng.choice(places)(rng.choice(payloads)) for _ in range(rng.randrange(3)))
            records.append(record(pmid, extra) if rng.random() < 0.5 else record(pmid, in_data=extra))
        data = document(*records)
        expected = uncut(data, monkeypatch)
        assert [item.pmid for item in expected] == ["1", "2", "3", "4", "5"]
        for at in rng.sample(range(len(data)), 15):
            assert parse_pubmed_bytes(cut([data[:at], data[at:]])) == expected


def test_plain_prolog():
    assert plain_prolog(
        b'\xef\xbb\xbf<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD x//EN" "https://x/y.dtd">'
        b"\n<!-- a - comment -->\n<?pi a ??>\n<PubmedArticleSet xmlns:mml='m'>\n<!-- x -->\n"
    )
    for head in (
        b"<PubmedArticleSet><?pi ",  # a record tag inside would open the PI in every chunk
        b"<PubmedArticleSet><!-- ",
        b"<!DOCTYPE PubmedArticleSet [<!ENTITY a 'b'>]><PubmedArticleSet>",
        b"<PubmedArticleSet><Other>",
        b"<!-- <PubmedArticleSet>",
        b"<!-- a -- b --><PubmedArticleSet>",  # "--" in a comment: not XML, so not plain
    ):
        assert not plain_prolog(head), head
