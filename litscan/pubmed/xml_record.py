"""One ``PubmedArticle`` / ``PubmedBookArticle`` element → Record.

Speed matters here (the import must stay well ahead of pubmed_parser), so
each element's direct children are walked once and dispatched on their tag;
no XPath, no ``find``, and hot loops are written out rather than split into
many tiny functions. Only ``MedlineCitation``/``BookDocument`` and the direct
children of ``PubmedData`` are read: ``ReferenceList`` is never entered,
because cited works carry their own DOIs and PMIDs that are not the article's.

Leaf values that PubMed never marks up (ids, names, codes) are read with
``.text``; titles, abstracts, keywords and affiliations go through
``element_text`` so inline markup and MathML are flattened without losing
spaces.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from litscan.models import (
    AbstractSection,
    Author,
    Chemical,
    CommentCorrection,
    MeshHeading,
    MeshQualifier,
    OtherAbstract,
    PartialDate,
    PublicationType,
    Record,
)
from litscan.pubmed.dates import date_from_parts, date_from_text, iso_date
from litscan.pubmed.xml_text import element_text

_Element = etree._Element


def _strip(text: str | None) -> str | None:
    if text is None:
        return None
    return text.strip() or None


_MM = {**{str(i): f"{i:02d}" for i in range(1, 13)}, **{f"{i:02d}": f"{i:02d}" for i in range(1, 13)}}
_DD = {**{str(i): f"{i:02d}" for i in range(1, 32)}, **{f"{i:02d}": f"{i:02d}" for i in range(1, 32)}}


def _iso(el: _Element) -> str | None:
    """``YYYY-MM-DD`` from a Year/Month/Day element (PubMedPubDate, DateRevised, ArticleDate)."""
    if len(el) >= 3:
        year_el, month_el, day_el = el[0], el[1], el[2]
        if year_el.tag == "Year" and month_el.tag == "Month" and day_el.tag == "Day":
            year, month, day = year_el.text, month_el.text, day_el.text
            mm, dd = _MM.get(month), _DD.get(day)  # type: ignore[arg-type]
            if mm is not None and dd is not None and year and len(year) == 4 and year.isdigit():
                return f"{year}-{mm}-{dd}"
            return iso_date(year, month, day)
    year = month = day = None
    for child in el:
        tag = child.tag
        if tag == "Year":
            year = child.text
        elif tag == "Month":
            month = child.text
        elif tag == "Day":
            day = child.text
    return iso_date(year, month, day)


def _pub_date(el: _Element) -> PartialDate | None:
    year = month = day = season = None
    for child in el:
        tag = child.tag
        if tag == "Year":
            year = child.text
        elif tag == "Month":
            month = child.text
        elif tag == "Day":
            day = child.text
        elif tag == "Season":
            season = child.text
        elif tag == "MedlineDate":
            return date_from_text(child.text)
    return date_from_parts(year, month, day, season)


_DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:")


def _clean_doi(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if value.startswith("10."):
        return value
    lowered = value.lower()
    for prefix in _DOI_PREFIXES:
        if lowered.startswith(prefix):
            return value[len(prefix) :].strip() or None
    return value or None


def _sections(el: _Element) -> list[AbstractSection]:
    sections = []
    for child in el:
        if child.tag == "AbstractText":
            text = element_text(child)
            if text is not None:
                sections.append(AbstractSection(text, child.get("Label") or None, child.get("NlmCategory") or None))
    return sections


def _other_abstract(el: _Element) -> OtherAbstract | None:
    text = "\n".join(f"{s.label}: {s.text}" if s.label else s.text for s in _sections(el))
    if not text:
        return None
    return OtherAbstract(text, el.get("Type") or None, el.get("Language") or None)


def _authors(el: _Element) -> tuple[Author, ...]:
    authors = []
    for author in el:
        if author.tag != "Author":
            continue
        last = fore = initials = collective = orcid = None
        affiliations: tuple[str, ...] = ()
        for child in author:
            tag = child.tag
            if tag == "LastName":
                last = child.text
            elif tag == "ForeName":
                fore = child.text
            elif tag == "Initials":
                initials = child.text
            elif tag == "AffiliationInfo":
                for info in child:
                    if info.tag == "Affiliation":
                        # Inline fast path: affiliations are nearly always one clean line.
                        text = None if len(info) else info.text
                        if text is None or "\n" in text or "  " in text or "\t" in text:
                            text = element_text(info)
                        if text:
                            affiliations += (text.strip(),)
            elif tag == "CollectiveName":
                collective = element_text(child)
            elif tag == "Identifier" and child.get("Source") == "ORCID" and child.text:
                orcid = child.text.strip().rstrip("/").rsplit("/", 1)[-1] or None
        authors.append(
            Author(
                (last.strip() or None) if last else None,
                (fore.strip() or None) if fore else None,
                (initials.strip() or None) if initials else None,
                collective,
                affiliations,
                orcid,
                author.get("ValidYN") != "N",
            )
        )
    return tuple(authors)


def _mesh(el: _Element) -> tuple[MeshHeading, ...]:
    headings = []
    for heading in el:
        descriptor = None
        qualifiers = []
        for child in heading:
            tag = child.tag
            if tag == "DescriptorName":
                descriptor = child
            elif tag == "QualifierName" and child.text:
                qualifiers.append(
                    MeshQualifier(child.text.strip(), child.get("UI") or None, child.get("MajorTopicYN") == "Y")
                )
        if descriptor is not None and descriptor.text:
            headings.append(
                MeshHeading(
                    descriptor.text.strip(),
                    descriptor.get("UI") or None,
                    descriptor.get("MajorTopicYN") == "Y",
                    tuple(qualifiers),
                )
            )
    return tuple(headings)


def _chemicals(el: _Element) -> tuple[Chemical, ...]:
    chemicals = []
    for chemical in el:
        name = ui = registry = None
        for child in chemical:
            tag = child.tag
            if tag == "NameOfSubstance":
                name = _strip(child.text)
                ui = child.get("UI") or None
            elif tag == "RegistryNumber":
                registry = _strip(child.text)
        if name is not None:
            # "0" is NLM's placeholder for "no registry number".
            chemicals.append(Chemical(name, ui, None if registry == "0" else registry))
    return tuple(chemicals)


def _comments(el: _Element) -> tuple[CommentCorrection, ...]:
    links = []
    for item in el:
        ref_type = item.get("RefType")
        if not ref_type:
            continue
        source = pmid = None
        for child in item:
            tag = child.tag
            if tag == "RefSource":
                source = element_text(child)
            elif tag == "PMID":
                pmid = _strip(child.text)
        links.append(CommentCorrection(ref_type, source, pmid))
    return tuple(links)


def _keywords(el: _Element, out: list[str]) -> None:
    for child in el:
        if child.tag == "Keyword":
            text = element_text(child)
            if text is not None:
                out.append(text)


def _pages(el: _Element) -> str | None:
    medline = start = end = None
    for child in el:
        tag = child.tag
        if tag == "MedlinePgn":
            medline = _strip(child.text)
        elif tag == "StartPage":
            start = _strip(child.text)
        elif tag == "EndPage":
            end = _strip(child.text)
    if medline is not None:
        return medline
    if start is not None and end is not None:
        return f"{start}-{end}"
    return start


class _Fields:
    """What one record's elements say, gathered before the Record is built."""

    __slots__ = (
        "abstract",
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

    def __init__(self) -> None:
        self.abstract: list[AbstractSection] = []
        self.aid_doi = self.article_date = self.created_date = self.entrez_date = None
        self.eloc_doi = self.issn = self.issue = self.journal = self.journal_abbrev = None
        self.medline_ta = self.pages = self.pmcid = self.pmid = self.publication_status = None
        self.revised_date = self.status = self.title = self.vernacular_title = self.volume = None
        self.pub_date: PartialDate | None = None
        self.authors: tuple[Author, ...] | None = None
        self.authors_complete = True
        self.chemicals: tuple[Chemical, ...] = ()
        self.comments: tuple[CommentCorrection, ...] = ()
        self.mesh: tuple[MeshHeading, ...] = ()
        self.keywords: list[str] = []
        self.languages: list[str] = []
        self.publication_types: list[PublicationType] = []
        self.other_abstracts: list[OtherAbstract] = []
        self.version = 1

    def record(self, kind: Any) -> Record | None:
        if not self.pmid:
            return None
        return Record(
            pmid=self.pmid,
            version=self.version,
            kind=kind,
            title=self.title,
            vernacular_title=self.vernacular_title,
            abstract_sections=tuple(self.abstract),
            other_abstracts=tuple(self.other_abstracts),
            journal=self.journal,
            journal_abbrev=self.journal_abbrev or self.medline_ta,
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
            authors=self.authors or (),
            authors_complete=self.authors_complete,
            languages=tuple(self.languages),
            publication_types=tuple(self.publication_types),
            mesh=self.mesh,
            chemicals=self.chemicals,
            keywords=tuple(self.keywords),
            status=self.status,
            publication_status=self.publication_status,
            comments_corrections=self.comments,
        )


def _pmid(el: _Element, f: _Fields) -> None:
    f.pmid = _strip(el.text)
    version = el.get("Version")
    if version and version.isdigit():
        f.version = int(version)


def _article_ids(el: _Element, f: _Fields) -> None:
    for child in el:
        id_type = child.get("IdType")
        if id_type == "doi":
            if f.aid_doi is None:
                f.aid_doi = _clean_doi(child.text)
        elif id_type == "pmc" and f.pmcid is None:
            f.pmcid = _strip(child.text)


def _journal(el: _Element, f: _Fields) -> None:
    for child in el:
        tag = child.tag
        if tag == "JournalIssue":
            for part in child:
                ptag = part.tag
                if ptag == "Volume":
                    f.volume = _strip(part.text)
                elif ptag == "Issue":
                    f.issue = _strip(part.text)
                elif ptag == "PubDate":
                    f.pub_date = _pub_date(part)
        elif tag == "Title":
            f.journal = element_text(child)
        elif tag == "ISOAbbreviation":
            f.journal_abbrev = _strip(child.text)
        elif tag == "ISSN" and f.issn is None:
            f.issn = _strip(child.text)


def _publication_type(el: _Element, f: _Fields) -> None:
    if el.text:
        name = el.text.strip()
        if name:
            f.publication_types.append(PublicationType(name, el.get("UI") or None))


def _article_part(el: _Element, f: _Fields) -> None:
    """Children of MedlineCitation/Article, and the same elements directly under a BookDocument."""
    for child in el:
        tag = child.tag
        if tag == "Journal":
            _journal(child, f)
        elif tag == "ArticleTitle":
            f.title = element_text(child)
        elif tag == "Abstract":
            f.abstract = _sections(child)
        elif tag == "AuthorList":
            # Books also list editors; an article's single list has no Type.
            if f.authors is None and child.get("Type", "authors") == "authors":
                f.authors = _authors(child)
                f.authors_complete = child.get("CompleteYN") != "N"
        elif tag == "ELocationID":
            if f.eloc_doi is None and child.get("EIdType") == "doi" and child.get("ValidYN") != "N":
                f.eloc_doi = _clean_doi(child.text)
        elif tag == "Pagination":
            f.pages = _pages(child)
        elif tag == "Language":
            if child.text and child.text.strip():
                f.languages.append(child.text.strip())
        elif tag == "PublicationTypeList":
            for item in child:
                _publication_type(item, f)
        elif tag == "PublicationType":  # books have no list around them
            _publication_type(child, f)
        elif tag == "ArticleDate":
            if f.article_date is None and child.get("DateType", "Electronic") == "Electronic":
                f.article_date = _iso(child)
        elif tag == "VernacularTitle":
            f.vernacular_title = element_text(child)
        elif tag == "KeywordList":
            _keywords(child, f.keywords)
        elif tag == "DateRevised":
            f.revised_date = _iso(child)
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
                    f.created_date = _iso(date)
                elif status == "pubmed":
                    f.entrez_date = _iso(date)
        elif tag == "PublicationStatus":
            f.publication_status = _strip(child.text)
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
                    f.revised_date = _iso(child)
                elif tag == "MeshHeadingList":
                    f.mesh = _mesh(child)
                elif tag == "ChemicalList":
                    f.chemicals = _chemicals(child)
                elif tag == "CommentsCorrectionsList":
                    f.comments = _comments(child)
                elif tag == "KeywordList":
                    _keywords(child, f.keywords)
                elif tag == "OtherAbstract":
                    other = _other_abstract(child)
                    if other is not None:
                        f.other_abstracts.append(other)
                elif tag == "MedlineJournalInfo":
                    for info in child:
                        if info.tag == "MedlineTA":
                            f.medline_ta = _strip(info.text)
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
                        f.pub_date = _pub_date(item)
                    elif tag == "Volume":
                        f.volume = _strip(item.text)
                    elif tag == "ELocationID":
                        if item.get("EIdType") == "doi" and item.get("ValidYN") != "N":
                            f.eloc_doi = f.eloc_doi or _clean_doi(item.text)
                    elif tag == "AuthorList" and item.get("Type", "authors") == "authors":
                        book_authors = _authors(item)
            _article_part(part, f)
        elif part.tag == "PubmedBookData":
            _pubmed_data(part, f)
    f.journal = book_title
    if f.title is None:
        f.title = book_title
    if f.authors is None:
        f.authors = book_authors
    return f.record("book")
