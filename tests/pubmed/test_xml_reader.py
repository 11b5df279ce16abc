"""litscan.pubmed.xml_reader / litscan.pubmed.xml_record: PubMed XML → Record / Deletion.

Fixtures (written for these tests, invented content):
- pubmed_messy.xml: two articles carrying the cases that break PubMed parsers (see its header comment).
- pubmed_mixed.xml: article + book chapter + DeleteCitation, as in an update file.
"""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

from litscan.errors import InputError
from litscan.models import AbstractSection, Author, Deletion, PartialDate, Record
from litscan.pubmed.xml_reader import (
    detect_format,
    iter_pubmed_xml,
    iter_records,
    parse_pubmed_bytes,
    parse_pubmed_document,
)
from litscan.pubmed.xml_references import WithoutReferences

FIXTURES = Path(__file__).parents[1] / "fixtures"
MESSY = FIXTURES / "pubmed_messy.xml"
MIXED = FIXTURES / "pubmed_mixed.xml"
MEDLINE = FIXTURES / "medline_export.nbib"


def _messy() -> tuple[Record, Record]:
    first, second = iter_pubmed_xml(MESSY)
    assert isinstance(first, Record) and isinstance(second, Record)
    return first, second


def _one(inner: str, *, status: str = "MEDLINE") -> Record:
    """A minimal PubmedArticle around ``inner`` (children of Article after the title)."""
    body = (
        f'<PubmedArticleSet><PubmedArticle><MedlineCitation Status="{status}">'
        f'<PMID Version="1">1</PMID><Article><ArticleTitle>T</ArticleTitle>{inner}</Article>'
        f"</MedlineCitation></PubmedArticle></PubmedArticleSet>"
    )
    (record,) = parse_pubmed_bytes(body.encode())
    assert isinstance(record, Record)
    return record


def _error(data: bytes, name: str = "input.xml") -> InputError:
    with pytest.raises(InputError) as caught:
        list(iter_pubmed_xml(io.BytesIO(data), name=name))
    message = str(caught.value)
    assert "\n" not in message and name in message
    return caught.value


# --- text ----------------------------------------------------------------------------------------


def test_title_markup_flattened_with_spaces_kept_and_lt_as_text():
    first, _ = _messy()
    assert first.title == "P<0.05 & effect of E. coli on CO2 during ketamine infusion®."


def test_abstract_sections_keep_labels_categories_and_mathml_text():
    first, _ = _messy()
    assert first.abstract_sections == (
        AbstractSection(
            "Low-dose S-ketamine was given to adults with complex regional pain syndrome.", "BACKGROUND", "BACKGROUND"
        ),
        # MathML read as text, its TeX annotation not repeated; the empty AbstractText is dropped.
        AbstractSection("Pain fell when x<2 mg/kg (P < 0.01).", "RESULTS", "RESULTS"),
    )
    assert "Invented Publisher" not in (first.abstract or "")  # CopyrightInformation is not abstract


def test_other_abstract_is_not_merged_into_abstract():
    first, _ = _messy()
    assert "Niedrig" not in (first.abstract or "")
    (other,) = first.other_abstracts
    assert (other.text, other.type, other.language) == (
        "Niedrig dosiertes Ketamin wurde untersucht.",
        "Publisher",
        "ger",
    )


def test_keywords_from_all_lists_vernacular_title_and_languages():
    first, _ = _messy()
    assert first.keywords == ("NMDA receptor antagonist", "CRPS", "ketamine")
    assert first.vernacular_title == "Ketamin bei chronischem Schmerz."
    assert first.languages == ("eng", "ger")


def test_mathml_prefix_declared_only_by_the_dtd_still_parses():
    _, second = _messy()
    assert second.title == "Oral β-blockade and ketamine: a case report."


def test_entities_are_not_resolved():
    data = (
        b'<?xml version="1.0"?><!DOCTYPE PubmedArticleSet [<!ENTITY leak SYSTEM "file:///etc/passwd">]>'
        b"<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>5</PMID><Article>"
        b"<ArticleTitle>A &leak; B</ArticleTitle></Article></MedlineCitation></PubmedArticle>"
        b"</PubmedArticleSet>"
    )
    (record,) = parse_pubmed_bytes(data)
    assert isinstance(record, Record)
    assert "root" not in (record.title or "")


# --- identifiers, journal, dates ------------------------------------------------------------------


def test_pmid_version_status_and_in_process_record_without_mesh():
    first, second = _messy()
    assert (first.pmid, first.version, first.status) == ("39000001", 2, "In-Process")
    assert first.mesh == () and first.chemicals == ()
    assert (second.pmid, second.version, second.status) == ("39000002", 1, "MEDLINE")


def test_doi_is_the_articles_own_never_a_references():
    first, second = _messy()
    assert first.doi == "10.1000/litscan.messy.1"  # ELocationID doi, followed by a pii
    assert second.doi == "10.1000/litscan.messy.2"  # ELocationID ValidYN="N" → ArticleIdList
    assert first.pmcid == "PMC9000001"  # not the cited PMC1111111
    assert _one('<ELocationID EIdType="pii">S1</ELocationID>').doi is None


def test_journal_issue_pages_and_dates():
    first, second = _messy()
    assert (first.journal, first.journal_abbrev, first.issn) == (
        "Pain medicine (Malden, Mass.)",
        "Pain Med",
        "1526-4637",
    )
    assert (first.volume, first.issue, first.pages) == ("12", "4", "101-9")
    assert first.pub_date == PartialDate(1998, 12, None, "1998 Dec-1999 Jan")
    assert first.article_date == "1998-11-30"
    assert first.created_date == "1998-12-01"  # PubStatus entrez
    assert first.entrez_date == "1998-12-02"  # PubStatus pubmed
    assert first.revised_date == "2026-02-07"
    assert first.publication_status == "ppublish"
    assert second.pub_date == PartialDate(2001, 12, None, "2001 Winter")
    assert second.pages == "e101-e105"
    assert second.journal_abbrev == "Pain"  # no ISOAbbreviation: MedlineTA
    assert second.revised_date == "2025-03-05"  # month written as "Mar"
    assert second.entrez_date is None and second.article_date is None


@pytest.mark.parametrize(
    ("pubdate", "expected"),
    [
        ("<Year>2024</Year><Month>Mar</Month><Day>7</Day>", PartialDate(2024, 3, 7, "2024 Mar 7")),
        ("<Year>2024</Year><Month>03</Month>", PartialDate(2024, 3, None, "2024 03")),
        ("<Year>2024</Year>", PartialDate(2024, None, None, "2024")),
        ("<Year>1984</Year><Season>Spring</Season>", PartialDate(1984, 3, None, "1984 Spring")),
        ("<MedlineDate>2013 Jan-Mar</MedlineDate>", PartialDate(2013, 1, None, "2013 Jan-Mar")),
        ("<MedlineDate>1995-1997</MedlineDate>", PartialDate(1995, None, None, "1995-1997")),
        ("<MedlineDate>1984 Apr 23-30</MedlineDate>", PartialDate(1984, 4, 23, "1984 Apr 23-30")),
        ("<Year>2019</Year><Season>Nov-Dec</Season>", PartialDate(2019, 11, None, "2019 Nov-Dec")),
        ("<Year>2019</Year><Season>Fall-Winter</Season>", PartialDate(2019, 9, None, "2019 Fall-Winter")),
    ],
)
def test_pub_date_shapes(pubdate, expected):
    record = _one(f"<Journal><JournalIssue><PubDate>{pubdate}</PubDate></JournalIssue></Journal>")
    assert record.pub_date == expected


# --- people and classification --------------------------------------------------------------------


def test_suffix_is_read_and_an_erroneous_name_is_no_author():
    record = _one(
        '<AuthorList CompleteYN="Y"><Author ValidYN="Y"><LastName>Shaffer</LastName><ForeName>Arthur L</ForeName>'
        "<Initials>AL</Initials><Suffix>3rd</Suffix></Author>"
        '<Author ValidYN="N"><LastName>Shafer</LastName><Initials>A</Initials></Author></AuthorList>'
    )
    assert record.authors == (Author("Shaffer", "Arthur L", "AL", suffix="3rd"),)
    assert record.authors[0].display_name == "Shaffer AL 3rd"
    assert record.erroneous_authors == (Author("Shafer", None, "A", valid=False),)


def test_display_title_is_the_vernacular_one_where_there_is_no_english_title():
    body = (
        '<PubmedArticleSet><PubmedArticle><MedlineCitation Status="MEDLINE"><PMID Version="1">1</PMID>'
        "<Article><ArticleTitle>[Not Available].</ArticleTitle><VernacularTitle>Titre inventé.</VernacularTitle>"
        "</Article></MedlineCitation></PubmedArticle></PubmedArticleSet>"
    )
    (record,) = parse_pubmed_bytes(body.encode())
    assert isinstance(record, Record)
    assert (record.title, record.display_title) == ("[Not Available].", "Titre inventé.")
    assert _one("").display_title == "T"


def test_authors_collective_invalid_orcid_and_affiliations():
    first, second = _messy()
    assert first.authors == (
        Author(
            "Nguyen",
            "Anna",
            "A",
            None,
            ("Department of Anesthesiology, Example University, Exampletown.", "Pain Clinic, Example Hospital."),
            "0000-0002-1825-0097",
            True,
        ),
        Author(collective_name="Ketamine in Pain Study Group"),
    )
    # ValidYN="N": a name PubMed keeps as erroneous is no author; kept apart, flagged.
    assert first.erroneous_authors == (Author("Smiht", "Jon", "J", valid=False),)
    assert first.authors_complete is True
    assert second.authors_complete is False


def test_publication_types_mesh_and_chemicals():
    first, second = _messy()
    assert [(p.name, p.ui) for p in first.publication_types] == [
        ("Journal Article", "D016428"),
        ("Retracted Publication", "D016441"),
    ]
    ketamine, humans, pain = second.mesh
    assert (ketamine.descriptor, ketamine.ui, ketamine.major) == ("Ketamine", "D007649", False)
    assert [(q.name, q.ui, q.major) for q in ketamine.qualifiers] == [
        ("administration & dosage", "Q000008", False),
        ("therapeutic use", "Q000627", True),
    ]
    assert humans.qualifiers == () and pain.major is True
    assert [(c.name, c.ui, c.registry_number) for c in second.chemicals] == [
        ("Ketamine", "D007649", "690G0D6V8H"),
        ("Analgesics", "D000700", None),
    ]


def test_retraction_and_errata():
    first, second = _messy()
    assert first.retracted is True
    assert first.comments_corrections[0].pmid == "39000099"
    assert second.retracted is False
    assert [(e.ref_source, e.pmid) for e in second.errata] == [("Pain. 2001 Spring;32(1):9", "39000003")]


def test_retracted_by_retraction_in_link_alone():
    record = _one("")
    assert record.retracted is False
    body = (
        "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>7</PMID><CommentsCorrectionsList>"
        '<CommentsCorrections RefType="RetractionIn"><RefSource>J. 2020;1:1</RefSource>'
        "</CommentsCorrections></CommentsCorrectionsList></MedlineCitation></PubmedArticle>"
        "</PubmedArticleSet>"
    )
    (linked,) = parse_pubmed_bytes(body.encode())
    assert isinstance(linked, Record) and linked.retracted is True


def test_missing_values_are_none_never_empty_strings():
    record = _one("<Pagination><MedlinePgn></MedlinePgn></Pagination><Language> </Language>")
    assert record.pages is None and record.languages == ()
    assert record.abstract is None and record.doi is None and record.pub_date is None


# --- whole files ----------------------------------------------------------------------------------


def test_mixed_file_yields_article_book_and_deletions_in_order():
    items = list(iter_pubmed_xml(MIXED))
    assert [type(i).__name__ for i in items] == ["Record", "Record", "Deletion", "Deletion"]
    article, book = items[0], items[1]
    assert isinstance(article, Record) and isinstance(book, Record)
    assert (article.kind, article.doi, article.publication_status) == (
        "article",
        "10.1000/mixed.article",
        "aheadofprint",
    )
    assert items[2:] == [Deletion("39100098"), Deletion("39100099")]


def test_book_chapter_fields():
    book = list(iter_pubmed_xml(MIXED))[1]
    assert isinstance(book, Record)
    assert (book.kind, book.pmid, book.title) == ("book", "39100002", "Ketamine in palliative care")
    assert book.journal == "Handbook of Invented Analgesia"
    assert [a.last_name for a in book.authors] == ["Rossi"]  # chapter authors, not the book's editors
    assert book.abstract_sections == (AbstractSection("Ketamine is used near the end of life.", "INTRODUCTION"),)
    assert [p.name for p in book.publication_types] == ["Review"]
    assert book.pub_date == PartialDate(2024, 1, None, "2024 Jan")
    assert (book.doi, book.volume, book.languages) == ("10.1000/mixed.book", "2", ("eng",))
    assert (book.created_date, book.revised_date) == ("2024-02-21", "2024-02-20")


def test_gzip_path_file_object_and_bytes_give_the_same_items(tmp_path):
    plain = list(iter_pubmed_xml(MIXED))
    packed = gzip.compress(MIXED.read_bytes())
    gz_path = tmp_path / "update.xml.unknown-extension"  # detected by magic bytes, not the name
    gz_path.write_bytes(packed)
    assert list(iter_pubmed_xml(gz_path)) == plain
    assert list(iter_pubmed_xml(io.BytesIO(packed), name="efetch")) == plain
    assert parse_pubmed_bytes(packed) == plain
    assert parse_pubmed_bytes(MIXED.read_bytes()) == plain


def test_empty_article_set_yields_nothing():
    assert parse_pubmed_bytes(b'<?xml version="1.0" ?>\n<PubmedArticleSet></PubmedArticleSet>') == []


def test_reference_lists_are_cut_at_any_chunk_boundary(monkeypatch):
    expected = list(iter_pubmed_xml(MESSY))
    for size in (1, 5, 16, 17, 64):
        monkeypatch.setattr(WithoutReferences, "_CHUNK", size)
        assert list(iter_pubmed_xml(MESSY)) == expected


def test_reference_filter_handles_nesting_and_keeps_newlines():
    data = (
        b"<a>1<ReferenceList>\n<R>x</R><ReferenceList><R/></ReferenceList>\n</ReferenceList>2"
        b"<ReferenceList/>3<ReferenceListing>4</ReferenceListing></a>"
    )
    reader = WithoutReferences(b"", io.BytesIO(data))
    out = b"".join(iter(reader.read, b""))
    assert out == b"<a>1\n\n23<ReferenceListing>4</ReferenceListing></a>"


# --- bad input ------------------------------------------------------------------------------------


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="file not found") as caught:
        list(iter_pubmed_xml(tmp_path / "nope.xml"))
    assert "nope.xml" in str(caught.value)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.xml"
    path.write_bytes(b"")
    with pytest.raises(InputError, match="file is empty"):
        list(iter_pubmed_xml(path))
    assert "file is empty" in str(_error(gzip.compress(b"")))


def test_non_xml_file():
    error = _error(MEDLINE.read_bytes(), name="export.nbib")
    assert "not PubMed XML" in str(error) and "before the first record" in str(error)


def test_truncated_xml_names_line_and_last_good_record():
    data = MESSY.read_bytes()
    cut = data[: data.index(b"<ArticleTitle>Oral")]
    items = []
    with pytest.raises(InputError) as caught:
        items.extend(iter_pubmed_xml(io.BytesIO(cut), name="cut.xml"))
    message = str(caught.value)
    assert [i.pmid for i in items] == ["39000001"]  # what came before the break was delivered
    assert "truncated or malformed XML" in message and "Premature end of data" in message
    assert "after record 1 (PMID 39000001)" in message
    # Line numbers stay true although the reference list before the break was cut out.
    lines = cut.count(b"\n") + 1
    assert caught.value.where == f"line {lines}"


def test_malformed_xml_mid_file():
    data = MESSY.read_bytes().replace(b"<Volume>31</Volume>", b"<Volume>31</Volum>")
    error = _error(data)
    assert "mismatch" in str(error) and "after record 1 (PMID 39000001)" in str(error)


def _many_records(count: int) -> bytes:
    article = MIXED.read_bytes().split(b"\n")[6]  # the one-line PubmedArticle
    assert article.startswith(b"<PubmedArticle>")
    body = b"\n".join(article.replace(b"39100001", str(40000000 + i).encode()) for i in range(count))
    return b"<PubmedArticleSet>\n" + body + b"\n</PubmedArticleSet>\n"


def test_cut_off_gzip_names_the_last_good_record():
    packed = gzip.compress(_many_records(3000))
    items = []
    with pytest.raises(InputError) as caught:
        items.extend(iter_pubmed_xml(io.BytesIO(packed[: len(packed) // 2]), name="cut.xml.gz"))
    message = str(caught.value)
    assert "gzip data is cut off" in message
    assert f"after record {len(items)} (PMID {items[-1].pmid})" in message and len(items) > 100


def test_corrupt_gzip():
    packed = bytearray(gzip.compress(MESSY.read_bytes()))
    packed[len(packed) // 2 : len(packed) // 2 + 40] = b"\x00" * 40
    assert "corrupt gzip data" in str(_error(bytes(packed), name="bad.xml.gz"))


def test_record_without_pmid_is_named_by_number():
    data = MIXED.read_bytes().replace(b'<PMID Version="1">39100002</PMID>', b"")
    error = _error(data)
    assert "record 2 has no PMID" in str(error) and error.where and error.where.startswith("line ")


def test_efetch_error_envelope_raises_ncbis_message():
    # The DOCTYPE names a DTD URL as real replies do (on a closed port here); the parser never fetches
    # a DTD (load_dtd=False, no_network=True), so this test sends no request at all.
    body = (
        b'<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE eEfetchResult PUBLIC "-//NLM//DTD efetch '
        b'20131226//EN" "http://127.0.0.1:9/eutils/dtd/20131226/efetch.dtd">\n<eFetchResult>\n'
        b"\t<ERROR>ID list is empty! Possibly it has no correct IDs.</ERROR>\n</eFetchResult>\n"
    )
    error = _error(body, name="efetch")
    assert "NCBI returned an error" in str(error)
    assert "ID list is empty! Possibly it has no correct IDs." in str(error)


def test_truncated_efetch_error_envelope():
    error = _error(b"<eFetchResult><ERROR>proxy_stream(): Failed to connect to PubOne service")
    assert "truncated error envelope: proxy_stream(): Failed to connect to PubOne service" in str(error)


def test_xml_that_is_not_pubmed():
    error = _error(b"<html><body>Server Error</body></html>")
    assert "not PubMed XML (root element <html>)" in str(error)


# --- whole documents in memory (the parallel import's chunks) ------------------------------------


@pytest.mark.parametrize("fixture", [MESSY, MIXED])
def test_whole_document_parse_gives_what_streaming_gives(fixture):
    data = fixture.read_bytes()
    assert parse_pubmed_document(data, name="chunk") == parse_pubmed_bytes(data)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (MESSY.read_bytes()[:-200], "malformed XML"),
        (b"<html><body>Server Error</body></html>", "not PubMed XML (root element <html>)"),
        (
            b"<eFetchResult><ERROR>Search Backend failed</ERROR></eFetchResult>",
            "NCBI returned an error instead of records: Search Backend failed",
        ),
    ],
)
def test_whole_document_errors_name_the_input(data, message):
    with pytest.raises(InputError, match=r"^chunk-7: ") as caught:
        parse_pubmed_document(data, name="chunk-7")
    assert message in str(caught.value) and "\n" not in str(caught.value)


# --- format detection -----------------------------------------------------------------------------


def test_detect_format_sniffs_content_plain_and_gzipped(tmp_path):
    assert detect_format(MESSY) == "pubmed-xml"
    assert detect_format(MEDLINE) == "medline"
    packed = tmp_path / "export.txt"
    packed.write_bytes(gzip.compress(MEDLINE.read_bytes()))
    assert detect_format(packed) == "medline"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "file is empty"),
        (b"just some notes\n", "neither PubMed XML nor MEDLINE"),
        (b"<!DOCTYPE html><html></html>", "HTML page"),
    ],
)
def test_detect_format_rejects_other_files(tmp_path, content, message):
    path = tmp_path / "input"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        detect_format(path)


def test_iter_records_dispatches_on_content():
    xml = list(iter_records(MIXED))
    medline = list(iter_records(MEDLINE))
    assert len(xml) == 4 and xml[0].pmid == "39100001"
    assert [r.pmid for r in medline] == ["39200001", "39200002", "39200003"]


# --- identifiers ----------------------------------------------------------------------------------


@pytest.mark.parametrize("pmid", ["12ab", "0123", "1234567890", "1" * 23])
def test_a_record_pmid_that_is_not_a_number_is_refused_with_its_line(pmid):
    data = MIXED.read_bytes().replace(b">39100001</PMID>", f">{pmid}</PMID>".encode())
    with pytest.raises(InputError, match=r"mixed\.xml: line 7: record 1: PMID .* is not a PubMed id"):
        list(iter_pubmed_xml(io.BytesIO(data), name="mixed.xml"))
    with pytest.raises(InputError, match="record 1: PMID"):
        parse_pubmed_document(data, name="mixed.xml")


def test_a_deleted_pmid_that_is_not_a_number_is_refused_with_its_line():
    data = MIXED.read_bytes()
    deleted = data.index(b"<DeleteCitation>")
    data = data[:deleted] + data[deleted:].replace(b"</PMID>", b"x</PMID>", 1)
    line = data[: data.index(b"x</PMID>")].count(b"\n") + 1
    error = _error(data, name="update.xml")
    assert f"update.xml: line {line}: DeleteCitation: PMID" in str(error)


def test_a_record_saved_on_its_own_without_a_set_around_it():
    article = (
        b'<?xml version="1.0"?>\n<PubmedArticle><MedlineCitation Status="MEDLINE"><PMID Version="1">39000001</PMID>'
        b"<Article><ArticleTitle>Alone.</ArticleTitle></Article></MedlineCitation></PubmedArticle>\n"
    )
    (record,) = iter_pubmed_xml(io.BytesIO(article), name="one.xml")
    assert isinstance(record, Record) and (record.pmid, record.title) == ("39000001", "Alone.")
    assert parse_pubmed_document(article, name="one.xml") == [record]
