"""One ``PubmedArticle`` / ``PubmedBookArticle`` element → Record.

Speed matters here (the import must stay well ahead of pubmed_parser), so
each element's direct children are walked once and dispatched on their tag;
no XPath, no ``find``. The self-contained parts (authors, MeSH, dates, pages...)
are read by ``litscan.pubmed.xml_fields``; this module walks the record and
says which element goes where. Only
``MedlineCitation``/``BookDocument`` and the direct children of
``PubmedData`` are read: ``ReferenceList`` is never entered, because cited
works carry their own DOIs and PMIDs that are not the article's.
"""

from __future__ import annotations

from lxml import etree

from litscan.models import (
    AbstractSection,
    Accession,
    Author,
    Chemical,
    CommentCorrection,
    MeshHeading,
    OtherAbstract,
    PartialDate,
    PublicationType,
    Record,
    RecordKind,
)
from litscan.pubmed.accessions import xml_accessions
from litscan.pubmed.xml_fields import (
    abstract_sections,
    authors,
    chemicals,
    clean_doi,
    comments_corrections,
    day_date,
    keywords,
    mesh_headings,
    other_abstract,
    pages,
    pub_date,
    strip,
)
from litscan.pubmed.xml_text import element_text

_Element = etree._Element


class _Fields:
    """What one record's elements say, gathered before the Record is built."""

    __slots__ = (
        "abstract",
        "accessions",
        "aid_doi",
        "article_date",
        "authors",
        "authors_complete",
        "chemicals",
        "comments",
        "created_date",
        "eloc_doi",
        "entrez_date",
        "issn",
        "issue",
        "journal",
        "journal_abbrev",
        "keywords",
        "languages",
        "medline_ta",
        "mesh",
        "other_abstracts",
        "pages",
        "pmcid",
        "pmid",
        "pub_date",
        "publication_status",
        "publication_types",
        "revised_date",
        "status",
        "title",
        "vernacular_title",
        "version",
        "volume",
    )

    abstract: list[AbstractSection]
    accessions: tuple[Accession, ...]
    aid_doi: str | None
    article_date: str | None
    authors: tuple[Author, ...] | None
    authors_complete: bool
    chemicals: tuple[Chemical, ...]
    comments: tuple[CommentCorrection, ...]
    created_date: str | None
    eloc_doi: str | None
    entrez_date: str | None
    issn: str | None
    issue: str | None
    journal: str | None
    journal_abbrev: str | None
    keywords: list[str]
    languages: list[str]
    medline_ta: str | None
    mesh: tuple[MeshHeading, ...]
    other_abstracts: list[OtherAbstract]
    pages: str | None
    pmcid: str | None
    pmid: str | None
    pub_date: PartialDate | None
    publication_status: str | None
    publication_types: list[PublicationType]
    revised_date: str | None
    status: str | None
    title: str | None
    vernacular_title: str | None
    version: int
    volume: str | None

    def __init__(self) -> None:
        self.abstract = []
        self.aid_doi = self.article_date = self.created_date = self.entrez_date = None
        self.eloc_doi = self.issn = self.issue = self.journal = self.journal_abbrev = None
        self.medline_ta = self.pages = self.pmcid = self.pmid = self.publication_status = None
        self.revised_date = self.status = self.title = self.vernacular_title = self.volume = None
        self.pub_date = None
        self.authors = None
        self.authors_complete = True
        self.chemicals = ()
        self.comments = ()
        self.accessions = ()
        self.mesh = ()
        self.keywords = []
        self.languages = []
        self.publication_types = []
        self.other_abstracts = []
        self.version = 1

    def record(self, kind: RecordKind) -> Record | None:
        if not self.pmid:
            return None
        authors = self.authors or ()
        erroneous: tuple[Author, ...] = ()
        if not all(author.valid for author in authors):
            erroneous = tuple(author for author in authors if not author.valid)
            authors = tuple(author for author in authors if author.valid)
        return Record(
            pmid=self.pmid,
            version=self.version,
            kind=kind,
            title=self.title,
            vernacular_title=self.vernacular_title,
            abstract_sections=tuple(self.abstract),
            other_abstracts=tuple(self.other_abstracts),
            journal=self.journal,
            journal_abbrev=self.medline_ta or self.journal_abbrev,  # as MEDLINE text (TA) and citations have it
            issn=self.issn,
            volume=self.volume,
            issue=self.issue,
            pages=self.pages,
            pub_date=self.pub_date,
            article_date=self.article_date,
            created_date=self.created_date,
            entrez_date=self.entrez_date,
            revised_date=self.revised_date,
            doi=self.eloc_doi or self.aid_doi,
            pmcid=self.pmcid,
            authors=authors,
            erroneous_authors=erroneous,
            authors_complete=self.authors_complete,
            languages=tuple(self.languages),
            publication_types=tuple(self.publication_types),
            mesh=self.mesh,
            chemicals=self.chemicals,
            keywords=tuple(self.keywords),
            status=self.status,
            publication_status=self.publication_status,
            comments_corrections=self.comments,
            accessions=self.accessions,
        )


def _pmid(el: _Element, f: _Fields) -> None:
    f.pmid = strip(el.text)
    version = el.get("Version")
    if version and version.isdigit():
        f.version = int(version)


def _article_ids(el: _Element, f: _Fields) -> None:
    for child in el:
        id_type = child.get("IdType")
        if id_type == "doi":
            if f.aid_doi is None:
                f.aid_doi = clean_doi(child.text)
        elif id_type == "pmc" and f.pmcid is None:
            f.pmcid = strip(child.text)


def _journal(el: _Element, f: _Fields) -> None:
    for child in el:
        tag = child.tag
        if tag == "JournalIssue":
            for part in child:
                ptag = part.tag
                if ptag == "Volume":
                    f.volume = strip(part.text)
                elif ptag == "Issue":
                    f.issue = strip(part.text)
                elif ptag == "PubDate":
                    f.pub_date = pub_date(part)
        elif tag == "Title":
            f.journal = element_text(child)
        elif tag == "ISOAbbreviation":
            f.journal_abbrev = strip(child.text)
        elif tag == "ISSN" and f.issn is None:
            f.issn = strip(child.text)


def _author_list(el: _Element, f: _Fields) -> None:
    # Books also list editors; an article's single list has no Type.
    if f.authors is None and el.get("Type", "authors") == "authors":
        f.authors = authors(el)
        f.authors_complete = el.get("CompleteYN") != "N"


def _elocation_id(el: _Element, f: _Fields) -> None:
    if f.eloc_doi is None and el.get("EIdType") == "doi" and el.get("ValidYN") != "N":
        f.eloc_doi = clean_doi(el.text)


def _language(el: _Element, f: _Fields) -> None:
    if el.text and el.text.strip():
        f.languages.append(el.text.strip())


def _publication_type(el: _Element, f: _Fields) -> None:
    if el.text:
        name = el.text.strip()
        if name:
            f.publication_types.append(PublicationType(name, el.get("UI") or None))


def _article_date(el: _Element, f: _Fields) -> None:
    if f.article_date is None and el.get("DateType", "Electronic") == "Electronic":
        f.article_date = day_date(el)


def _article_part(el: _Element, f: _Fields) -> None:
    """Children of MedlineCitation/Article, and the same elements directly under a BookDocument.

    An if/elif chain in the order the elements come, not a table of reader functions:
    with one call per element, records were read ~4% slower (callgrind, 3,000 records).
    What takes more than a line is a helper.
    """
    for child in el:
        tag = child.tag
        if tag == "Journal":
            _journal(child, f)
        elif tag == "ArticleTitle":
            f.title = element_text(child)
        elif tag == "Abstract":
            f.abstract = abstract_sections(child)
        elif tag == "AuthorList":
            _author_list(child, f)
        elif tag == "ELocationID":
            _elocation_id(child, f)
        elif tag == "Pagination":
            f.pages = pages(child)
        elif tag == "Language":
            _language(child, f)
        elif tag == "PublicationTypeList":
            for item in child:
                _publication_type(item, f)
        elif tag == "PublicationType":  # books have no list around them
            _publication_type(child, f)
        elif tag == "ArticleDate":
            _article_date(child, f)
        elif tag == "VernacularTitle":
            f.vernacular_title = element_text(child)
        elif tag == "KeywordList":
            keywords(child, f.keywords)
        elif tag == "DateRevised":
            f.revised_date = day_date(child)
        elif tag == "DataBankList":
            f.accessions = xml_accessions(child)
        elif tag == "PMID":
            _pmid(child, f)
        elif tag == "ArticleIdList":
            _article_ids(child, f)


def _pubmed_data(el: _Element, f: _Fields) -> None:
    for child in el:
        tag = child.tag
        if tag == "History":
            for date in child:
                status = date.get("PubStatus")
                # entrez = Create Date [crdt]; pubmed = Entry Date [edat].
                if status == "entrez":
                    f.created_date = day_date(date)
                elif status == "pubmed":
                    f.entrez_date = day_date(date)
        elif tag == "PublicationStatus":
            f.publication_status = strip(child.text)
        elif tag == "ArticleIdList":
            _article_ids(child, f)


def article_record(el: _Element) -> Record | None:
    """A ``PubmedArticle`` as a Record; None when it has no PMID."""
    f = _Fields()
    for part in el:
        ptag = part.tag
        if ptag == "MedlineCitation":
            f.status = part.get("Status") or None
            for child in part:
                tag = child.tag
                if tag == "Article":
                    _article_part(child, f)
                elif tag == "PMID":
                    _pmid(child, f)
                elif tag == "DateRevised":
                    f.revised_date = day_date(child)
                elif tag == "MeshHeadingList":
                    f.mesh = mesh_headings(child)
                elif tag == "ChemicalList":
                    f.chemicals = chemicals(child)
                elif tag == "CommentsCorrectionsList":
                    f.comments = comments_corrections(child)
                elif tag == "KeywordList":
                    keywords(child, f.keywords)
                elif tag == "OtherAbstract":
                    other = other_abstract(child)
                    if other is not None:
                        f.other_abstracts.append(other)
                elif tag == "MedlineJournalInfo":
                    for info in child:
                        if info.tag == "MedlineTA":
                            f.medline_ta = strip(info.text)
        elif ptag == "PubmedData":
            _pubmed_data(part, f)
    return f.record("article")


def book_record(el: _Element) -> Record | None:
    """A ``PubmedBookArticle`` (book or chapter) as a Record of kind "book"; None without PMID.

    The book title doubles as the "journal"; a chapter keeps its own title and
    a whole book uses the book title. Chapter authors come first, the book's
    authors (never its editors) otherwise.
    """
    f = _Fields()
    book_title = None
    book_authors: tuple[Author, ...] = ()
    for part in el:
        if part.tag == "BookDocument":
            for child in part:
                if child.tag != "Book":
                    continue
                for item in child:
                    tag = item.tag
                    if tag == "BookTitle":
                        book_title = element_text(item)
                    elif tag == "PubDate":
                        f.pub_date = pub_date(item)
                    elif tag == "Volume":
                        f.volume = strip(item.text)
                    elif tag == "ELocationID":
                        if item.get("EIdType") == "doi" and item.get("ValidYN") != "N":
                            f.eloc_doi = f.eloc_doi or clean_doi(item.text)
                    elif tag == "AuthorList" and item.get("Type", "authors") == "authors":
                        book_authors = authors(item)
            _article_part(part, f)
        elif part.tag == "PubmedBookData":
            _pubmed_data(part, f)
    f.journal = book_title
    if f.title is None:
        f.title = book_title
    if f.authors is None:
        f.authors = book_authors
    return f.record("book")
