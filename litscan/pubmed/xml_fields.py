"""Readers of the self-contained parts of a PubMed XML record: each element in, one field value out.

Authors, MeSH headings, chemicals, comment/correction links, keywords,
pages, dates, DOIs and abstract sections are read here, each from its own
element; ``litscan.pubmed.xml_record`` walks a record and says which element
goes to which reader. These run for every record of a 30 GB baseline, so
they walk direct children once and compare tags, with no XPath or ``find``.

Leaf values that PubMed never marks up (ids, names, codes) are read with
``.text``; titles, abstracts, keywords and affiliations go through
``element_text`` so inline markup and MathML are flattened without losing
spaces.
"""

from __future__ import annotations

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
)
from litscan.pubmed.dates import date_from_parts, date_from_text, iso_date
from litscan.pubmed.xml_text import element_text, normalize

Element = etree._Element


def strip(text: str | None) -> str | None:
    """``text`` without surrounding whitespace; None when nothing is left."""
    if text is None:
        return None
    return text.strip() or None


# Keyed by the text of <Month>/<Day>, which may be missing: a lookup of None simply misses.
_MM: dict[str | None, str] = {
    **{str(i): f"{i:02d}" for i in range(1, 13)},
    **{f"{i:02d}": f"{i:02d}" for i in range(1, 13)},
}
_DD: dict[str | None, str] = {
    **{str(i): f"{i:02d}" for i in range(1, 32)},
    **{f"{i:02d}": f"{i:02d}" for i in range(1, 32)},
}


def day_date(el: Element) -> str | None:
    """``YYYY-MM-DD`` from a Year/Month/Day element (PubMedPubDate, DateRevised, ArticleDate)."""
    if len(el) >= 3:
        year_el, month_el, day_el = el[0], el[1], el[2]
        if year_el.tag == "Year" and month_el.tag == "Month" and day_el.tag == "Day":
            year, month, day = year_el.text, month_el.text, day_el.text
            mm, dd = _MM.get(month), _DD.get(day)
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


def pub_date(el: Element) -> PartialDate | None:
    """A journal issue's or book's ``PubDate``: Year/Month/Day/Season parts, or free ``MedlineDate`` text."""
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


def clean_doi(value: str | None) -> str | None:
    """A DOI as ``10.xxx/...``, without the resolver URL or ``doi:`` some publishers put before it."""
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


def abstract_sections(el: Element) -> list[AbstractSection]:
    """The ``AbstractText`` parts of an ``Abstract`` or ``OtherAbstract``, with their labels and categories."""
    sections = []
    for child in el:
        if child.tag == "AbstractText":
            text = element_text(child)
            if text is not None:
                sections.append(AbstractSection(text, child.get("Label") or None, child.get("NlmCategory") or None))
    return sections


def other_abstract(el: Element) -> OtherAbstract | None:
    """An ``OtherAbstract`` (a translation, a plain-language summary) as one text."""
    text = "\n".join(f"{s.label}: {s.text}" if s.label else s.text for s in abstract_sections(el))
    if not text:
        return None
    return OtherAbstract(text, el.get("Type") or None, el.get("Language") or None)


def authors(el: Element) -> tuple[Author, ...]:
    """The ``Author`` entries of an ``AuthorList``, erroneous ones (ValidYN="N") kept and flagged.

    One loop with each author's fields read inline, as in ``xml_record``: a call per author
    shows in the import's instruction count. Affiliations, which need the most care, have
    their own helper.
    """
    found = []
    for author in el:
        if author.tag != "Author":
            continue
        last = fore = initials = suffix = collective = orcid = None
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
                affiliations += _affiliations(child)
            elif tag == "Suffix":
                suffix = normalize(child.text)
            elif tag == "CollectiveName":
                collective = element_text(child)
            elif tag == "Identifier" and child.get("Source") == "ORCID" and child.text:
                orcid = child.text.strip().rstrip("/").rsplit("/", 1)[-1] or None
        found.append(
            Author(
                (last.strip() or None) if last else None,
                (fore.strip() or None) if fore else None,
                (initials.strip() or None) if initials else None,
                collective,
                affiliations,
                orcid,
                author.get("ValidYN") != "N",
                suffix,
            )
        )
    return tuple(found)


def _affiliations(el: Element) -> tuple[str, ...]:
    """The ``Affiliation`` text of one ``AffiliationInfo`` (one, by the DTD)."""
    found: tuple[str, ...] = ()
    for info in el:
        if info.tag == "Affiliation":
            # Inline fast path: affiliations are nearly always one clean line.
            text = None if len(info) else info.text
            if text is None or "\n" in text or "  " in text or "\t" in text:
                text = element_text(info)
            text = normalize(text)  # XML white space only: a publisher's no-break space stays, as in titles
            if text:
                found += (text,)
    return found


def mesh_headings(el: Element) -> tuple[MeshHeading, ...]:
    """A ``MeshHeadingList``: each descriptor with its qualifiers and major-topic flags."""
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


def chemicals(el: Element) -> tuple[Chemical, ...]:
    """A ``ChemicalList``: substance names with their MeSH UI and registry number."""
    found = []
    for chemical in el:
        name = ui = registry = None
        for child in chemical:
            tag = child.tag
            if tag == "NameOfSubstance":
                name = strip(child.text)
                ui = child.get("UI") or None
            elif tag == "RegistryNumber":
                registry = strip(child.text)
        if name is not None:
            # "0" is NLM's placeholder for "no registry number".
            found.append(Chemical(name, ui, None if registry == "0" else registry))
    return tuple(found)


def comments_corrections(el: Element) -> tuple[CommentCorrection, ...]:
    """A ``CommentsCorrectionsList``: errata, retractions, comments, each with its source and PMID."""
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
                pmid = strip(child.text)
        links.append(CommentCorrection(ref_type, source, pmid))
    return tuple(links)


def keywords(el: Element, out: list[str]) -> None:
    """Append the keywords of a ``KeywordList`` to ``out`` (a record may have several lists)."""
    for child in el:
        if child.tag == "Keyword":
            text = element_text(child)
            if text is not None:
                out.append(text)


def pages(el: Element) -> str | None:
    """A ``Pagination``: MEDLINE's page text, else ``start-end``, else the start page."""
    medline = start = end = None
    for child in el:
        tag = child.tag
        if tag == "MedlinePgn":
            medline = strip(child.text)
        elif tag == "StartPage":
            start = strip(child.text)
        elif tag == "EndPage":
            end = strip(child.text)
    if medline is not None:
        return medline
    if start is not None and end is not None:
        return f"{start}-{end}"
    return start
