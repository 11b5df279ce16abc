"""litscan.pubmed.xml_reader reads nothing but its input: no DTD (http, https or a local path), no
external entity, no DTD attribute default, and entity bombs are refused.

Every PubMed file names a DTD in its DOCTYPE; 2020-2021 baselines and older efetch saves name an
``http://`` one. The DTDs used here are written by the tests; each would show if it were read.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from litscan.errors import InputError
from litscan.models import ParsedItem, Record
from litscan.pubmed.xml_reader import iter_pubmed_xml, parse_pubmed_bytes, parse_pubmed_document

BODY = (
    "<PubmedArticleSet><PubmedArticle><MedlineCitation Status='MEDLINE'><PMID>5</PMID><Article>"
    "<ArticleTitle>Start &x; end.</ArticleTitle>"
    "<AuthorList><Author><LastName>Roe</LastName><Initials>A</Initials></Author></AuthorList>"
    "</Article><MeshHeadingList><MeshHeading><DescriptorName>Pain</DescriptorName></MeshHeading>"
    "</MeshHeadingList></MedlineCitation></PubmedArticle></PubmedArticleSet>"
)

# What a DTD could do to the records if it were read: add text, mark every author erroneous and
# every heading major, or stop the parse (its last line is not a declaration).
EVIL_DTD = (
    '<!ENTITY x "LEAKED">\n<!ATTLIST Author ValidYN (Y|N) "N">\n<!ATTLIST DescriptorName MajorTopicYN (Y|N) "Y">\n'
)
BROKEN_DTD = "this is no DTD <<<\n"

READERS: dict[str, Callable[[bytes], list[ParsedItem]]] = {
    "stream": lambda data: list(iter_pubmed_xml(io.BytesIO(data), name="in.xml")),
    "document": lambda data: parse_pubmed_document(data, name="in.xml"),
}


def _document(doctype: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}\n{BODY}'.encode()


def _record(data: bytes, reader: str) -> Record:
    (record,) = READERS[reader](data)
    assert isinstance(record, Record)
    return record


def _untouched(record: Record) -> None:
    assert record.title == "Start end."
    assert record.authors[0].valid is True
    assert record.mesh[0].major is False


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize(
    "url",
    [
        # The paths of real DOCTYPEs (2019 baseline, 2012 efetch, 2026) on a closed port of this machine:
        # were the parser to fetch one, the test would fail without anything leaving the machine.
        "http://127.0.0.1:9/ncbi/pubmed/out/pubmed_190101.dtd",
        "http://127.0.0.1:9/corehtml/query/DTD/pubmed_120101.dtd",
        "https://127.0.0.1:9/ncbi/pubmed/out/pubmed_260101.dtd",
        "http://localhost:9/pubmed.dtd",
    ],
)
def test_a_dtd_named_by_url_is_never_fetched_and_the_file_reads(url: str, reader: str) -> None:
    doctype = f'<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle//EN" "{url}">'
    _untouched(_record(_document(doctype), reader))


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("as_url", [False, True])
@pytest.mark.parametrize("content", [EVIL_DTD, BROKEN_DTD])
def test_a_dtd_at_a_local_path_is_never_read(tmp_path: Path, content: str, as_url: bool, reader: str) -> None:
    dtd = tmp_path / "pubmed.dtd"
    dtd.write_text(content)
    system = dtd.as_uri() if as_url else str(dtd)
    for doctype in (
        f'<!DOCTYPE PubmedArticleSet SYSTEM "{system}">',
        f'<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle//EN" "{system}">',
        # An external parameter entity in the internal subset is a DTD by another road.
        f'<!DOCTYPE PubmedArticleSet [<!ENTITY % ext SYSTEM "{system}"> %ext;]>',
    ):
        _untouched(_record(_document(doctype), reader))


@pytest.mark.parametrize("reader", READERS)
def test_an_external_entity_is_never_resolved(tmp_path: Path, reader: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("LEAKED")
    doctype = f'<!DOCTYPE PubmedArticleSet [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
    _untouched(_record(_document(doctype), reader))


@pytest.mark.parametrize("reader", READERS)
def test_an_entity_bomb_is_refused_with_one_line(reader: str) -> None:
    levels = '<!ENTITY x0 "lol">' + "".join(f'<!ENTITY x{i} "{f"&x{i - 1};" * 10}">' for i in range(1, 10))
    data = _document(f"<!DOCTYPE PubmedArticleSet [{levels}<!ENTITY x '&x9;'>]>")
    with pytest.raises(InputError) as caught:
        READERS[reader](data)
    message = str(caught.value)
    assert message.startswith("in.xml") and "\n" not in message and "amplification" in message


def test_real_efetch_reply_shape_with_http_dtd_reads_every_record() -> None:
    records = [
        f"<PubmedArticle><MedlineCitation><PMID>{pmid}</PMID><Article><ArticleTitle>T{pmid}</ArticleTitle>"
        f"</Article></MedlineCitation></PubmedArticle>"
        for pmid in (11, 12, 13)
    ]
    data = (
        '<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2019//EN" '
        '"http://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_190101.dtd">\n'
        f"<PubmedArticleSet>{''.join(records)}</PubmedArticleSet>"
    ).encode()
    assert [item.pmid for item in parse_pubmed_bytes(data)] == ["11", "12", "13"]
