"""An independent reading of real PubMed files, the yardstick ``test_realdata`` holds litscan's readers to.

Written apart from ``litscan.pubmed`` and importing nothing from it: PubMed XML is read with lxml
XPath over the whole tree, MEDLINE text with Bio.Medline (records split on their ``PMID-`` lines
first, as ``cat a.txt b.txt`` leaves them). Each record becomes a dict of plain values; the test
reduces litscan's Record to the same shape and the two must agree field by field.

The rules both sides must follow are PubMed's, written down once here:

* text: every text node of the element, inline markup flattened, MathML annotations (a formula
  repeated in TeX) left out, runs of XML white space made one space;
* a publication date is its first year, and the month (or season) and day right after it; a
  range's first month is its month, a season's its first (Spring 3, Summer 6, Fall/Autumn 9,
  Winter 12); a season before the year (``Winter 2016``) may mean either year: year only;
* an author marked ``ValidYN="N"`` is no author: listed apart as erroneous; MEDLINE's
  ``AU - et al.`` is no author either but says the list is incomplete;
* a MEDLINE name is ``FAU - Last, Fore [Suffix]`` over ``AU - Last Initials [Suffix]``: the
  initials are what AU has after the last name, the suffix (Jr, Sr, 2nd, 3rd...) its last word;
* keywords lose MEDLINE's ``*`` major-topic mark; the DOI is the article's own (a valid
  ELocationID, else the article's ArticleIdList, never a reference's).
"""

from __future__ import annotations

import gzip
import io
import re
from functools import cache
from pathlib import Path
from typing import Any

from Bio import Medline
from lxml import etree

Fields = dict[str, Any]

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
SUFFIX = re.compile(r"^(?:Jr|Sr|\d+(?:st|nd|rd|th))\.?$")
NOT_AVAILABLE = "[Not Available]."

# Elements whose text is no part of the reading, in any namespace (MathML's repeat a formula in TeX).
_ANNOTATIONS = ("annotation", "annotation-xml")
_XML_SPACE = re.compile(r"[ \t\r\n]+")


@cache
def _compiled(path: str) -> etree.XPath:
    return etree.XPath(path)


def _all(node: etree._Element, path: str) -> list[Any]:
    """``node.xpath(path)``, with ``path`` compiled once (``xpath`` compiles it again at every call)."""
    return _compiled(path)(node)  # type: ignore[no-any-return]


def _space(text: str | None) -> str | None:
    if text is None:
        return None
    if "\n" in text or "\t" in text or "\r" in text or "  " in text:  # most text has no run to collapse
        text = _XML_SPACE.sub(" ", text)
    return text.strip(" ") or None


def _texts(node: etree._Element, found: list[str]) -> None:
    """The text nodes below ``node`` in document order (XPath's ``descendant::text()``), those inside
    an annotation left out: a comment's, processing instruction's or entity's own text is no text
    node, its tail is. Walked by hand: an XPath test of every text node's ancestors took seconds."""
    if node.text:
        found.append(node.text)
    for child in node:
        tag = child.tag
        if isinstance(tag, str) and tag.rpartition("}")[2] not in _ANNOTATIONS:
            _texts(child, found)
        if child.tail:
            found.append(child.tail)


def _flat(node: etree._Element | None) -> str | None:
    if node is None:
        return None
    if not len(node):
        return _space(node.text or "")
    found: list[str] = []
    _texts(node, found)
    return _space("".join(found))


def _first(node: etree._Element, path: str) -> etree._Element | None:
    found = _all(node, path)
    return found[0] if found else None


def _value(node: etree._Element, path: str) -> str | None:
    return _flat(_first(node, path))


def _month(word: str | None) -> int | None:
    if not word:
        return None
    word = word.strip().lower()
    if word.isdigit():
        return int(word) if 1 <= int(word) <= 12 else None
    if word in SEASONS:
        return SEASONS[word]
    return MONTHS.index(word[:3]) + 1 if word[:3] in MONTHS else None


def date_of_text(text: str | None) -> tuple[int | None, int | None, int | None] | None:
    """A MedlineDate or DP: its first year, and the month (or season) and day right after it."""
    text = _space(text)
    if text is None:
        return None
    words = re.findall(r"\d+|[A-Za-z]+", text)
    years = [i for i, w in enumerate(words) if len(w) == 4 and w.isdigit()]
    if not years:
        return (None, None, None)
    year = int(words[years[0]])
    after = text.split(words[years[0]], 1)[1].lstrip()
    match = re.match(r"([A-Za-z]+)\.?(?:\s+(\d{1,2})(?!\d))?", after)
    if match is None or _month(match.group(1)) is None:
        return (year, None, None)
    day = int(match.group(2)) if match.group(2) and 1 <= int(match.group(2)) <= 31 else None
    return (year, _month(match.group(1)), day)


def _pub_date(node: etree._Element | None) -> tuple[int | None, int | None, int | None] | None:
    if node is None:
        return None
    medline = _value(node, "MedlineDate")
    if medline is not None:
        return date_of_text(medline)
    year = _value(node, "Year")
    if year is None:
        return None
    month = _month(_value(node, "Month"))
    if month is None:
        season = _value(node, "Season")
        month = _month(re.split(r"[-/ ]", season)[0]) if season else None
        return (int(year), month, None)
    day = _value(node, "Day")
    return (int(year), month, int(day) if day and day.isdigit() else None)


def _iso(node: etree._Element | None) -> str | None:
    if node is None:
        return None
    year, month, day = (_value(node, tag) for tag in ("Year", "Month", "Day"))
    if not (year and month and day):
        return None
    month_value = _month(month)
    return f"{int(year):04d}-{month_value:02d}-{int(day):02d}" if month_value else None


def _xml_author(author: etree._Element) -> tuple[str | None, ...]:
    return tuple(_value(author, tag) for tag in ("LastName", "ForeName", "Initials", "Suffix", "CollectiveName"))


def _sections(node: etree._Element | None) -> tuple[tuple[str | None, str | None, str], ...]:
    if node is None:
        return ()
    found = []
    for part in _all(node, "AbstractText"):
        text = _flat(part)
        if text is not None:
            found.append((part.get("Label") or None, part.get("NlmCategory") or None, text))
    return tuple(found)


def _doi(value: str | None) -> str | None:
    value = _space(value)
    if value is None:
        return None
    return re.sub(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", "", value, flags=re.IGNORECASE) or None


def _xml_record(node: etree._Element) -> Fields:
    book = node.tag == "PubmedBookArticle"
    cite = _first(node, "BookDocument" if book else "MedlineCitation")
    data = _first(node, "PubmedBookData" if book else "PubmedData")
    assert cite is not None
    art = cite if book else _first(cite, "Article")
    assert art is not None
    ids = _all(data, "ArticleIdList/ArticleId") if data is not None else []
    if book:
        lists = _all(cite, "AuthorList[not(@Type) or @Type='authors']") or _all(
            cite, "Book/AuthorList[not(@Type) or @Type='authors']"
        )
        journal = _value(cite, "Book/BookTitle")
        elocations = _all(cite, "(Book/ELocationID | ELocationID)[@EIdType='doi' and not(@ValidYN='N')]")
        pub_date = _first(cite, "Book/PubDate")
    else:
        lists = _all(art, "AuthorList[not(@Type) or @Type='authors']")
        journal = _value(art, "Journal/Title")
        elocations = _all(art, "ELocationID[@EIdType='doi' and not(@ValidYN='N')]")
        pub_date = _first(art, "Journal/JournalIssue/PubDate")
    people = _all(lists[0], "Author") if lists else []
    doi = _doi(elocations[0].text) if elocations else None
    if doi is None:
        doi = next((_doi(i.text) for i in ids if i.get("IdType") == "doi"), None)
    pages = _value(art, "Pagination/MedlinePgn")
    if pages is None and _value(art, "Pagination/StartPage"):
        end = _value(art, "Pagination/EndPage")
        pages = _value(art, "Pagination/StartPage") + (f"-{end}" if end else "")  # type: ignore[operator]
    title = _value(art, "ArticleTitle") or (journal if book else None)
    history = _all(data, "History/PubMedPubDate") if data is not None else []
    version = _first(cite, "PMID")
    return {
        "pmid": _value(cite, "PMID"),
        "version": int(version.get("Version") or 1) if version is not None else 1,
        "journal_abbrev": None
        if book
        else _value(cite, "MedlineJournalInfo/MedlineTA") or _value(art, "Journal/ISOAbbreviation"),
        "revised_date": _iso(_first(cite, "DateRevised")),
        "affiliations": tuple(
            tuple(a for a in (_flat(x) for x in _all(person, "AffiliationInfo/Affiliation")) if a)
            for person in people
            if person.get("ValidYN") != "N"
        ),
        "mesh_ui": tuple(
            (_first(h, "DescriptorName").get("UI"), tuple(q.get("UI") for q in _all(h, "QualifierName")))  # type: ignore[union-attr]
            for h in _all(cite, "MeshHeadingList/MeshHeading")
        ),
        "kind": "book" if book else "article",
        "title": title,
        "vernacular_title": _value(art, "VernacularTitle"),
        "abstract": _sections(_first(art, "Abstract")),
        "other_abstracts": tuple(
            (
                other.get("Type") or None,
                other.get("Language") or None,
                "\n".join(f"{label}: {text}" if label else text for label, _, text in _sections(other)),
            )
            for other in _all(cite, "OtherAbstract")
            if _sections(other)
        ),
        "pub_date": _pub_date(pub_date),
        "authors": tuple(_xml_author(a) for a in people if a.get("ValidYN") != "N"),
        "erroneous_authors": tuple(_xml_author(a) for a in people if a.get("ValidYN") == "N"),
        "authors_complete": not lists or lists[0].get("CompleteYN") != "N",
        "keywords": tuple(k for k in (_flat(k) for k in _all(cite, "KeywordList/Keyword")) if k),
        "mesh": tuple(
            (
                _value(h, "DescriptorName"),
                _first(h, "DescriptorName").get("MajorTopicYN") == "Y",  # type: ignore[union-attr]
                tuple((_flat(q), q.get("MajorTopicYN") == "Y") for q in _all(h, "QualifierName")),
            )
            for h in _all(cite, "MeshHeadingList/MeshHeading")
        ),
        "publication_types": tuple(
            _flat(p) for p in _all(art, "PublicationTypeList/PublicationType | PublicationType")
        ),
        "doi": doi,
        "pmcid": next((_space(i.text) for i in ids if i.get("IdType") == "pmc"), None),
        "languages": tuple(_flat(lang) for lang in _all(art, "Language")),
        "journal": journal,
        "volume": _value(art, "Journal/JournalIssue/Volume") or (_value(cite, "Book/Volume") if book else None),
        "issue": _value(art, "Journal/JournalIssue/Issue"),
        "pages": pages,
        "issn": _value(art, "Journal/ISSN"),
        "chemicals": tuple(_value(c, "NameOfSubstance") for c in _all(cite, "ChemicalList/Chemical")),
        "status": cite.get("Status") or None,
        "publication_status": _value(data, "PublicationStatus") if data is not None else None,
        "article_date": _iso(_first(art, "ArticleDate[not(@DateType) or @DateType='Electronic']")),
        "created_date": next((_iso(h) for h in history if h.get("PubStatus") == "entrez"), None),
        "entrez_date": next((_iso(h) for h in history if h.get("PubStatus") == "pubmed"), None),
        "comments_corrections": tuple(
            (c.get("RefType"), _value(c, "RefSource"), _value(c, "PMID"))
            for c in _all(cite, "CommentsCorrectionsList/CommentsCorrections")
        ),
    }


def read_xml(path: Path) -> tuple[list[Fields], list[str]]:
    """The records and the deleted PMIDs of a PubMed XML file (plain or gzipped)."""
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    parser = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False, huge_tree=True)
    root = etree.parse(io.BytesIO(raw), parser).getroot()
    records = [_xml_record(node) for node in _all(root, "PubmedArticle | PubmedBookArticle")]
    deleted = [_space(p.text) or "" for p in _all(root, "DeleteCitation/PMID")]
    return records, deleted


# --- MEDLINE -----------------------------------------------------------------------------------


def _chunks(text: str) -> list[list[str]]:
    """The lines of each record: a record starts at its PMID line, blank line before it or not."""
    chunks: list[list[str]] = []
    for line in text.splitlines():
        if line.startswith("PMID-"):
            chunks.append([])
        if chunks and line.strip():
            chunks[-1].append(line + "\n")
    return chunks


def _medline_name(full: str | None, short: str | None) -> tuple[str | None, ...]:
    last = fore = initials = suffix = None
    if full:
        last, _, fore = (_space(part) for part in full.partition(","))
    fore_words = (fore or "").split()
    if short:
        words = short.split()
        if len(words) > 1 and SUFFIX.match(words[-1]):
            suffix = words.pop()
        if last and (words == last.split() or " ".join(words).startswith(last + " ")):
            initials = " ".join(words[len(last.split()) :]) or None
        elif len(words) > 1 and words[-1] == words[-1].upper():
            initials, last = words[-1], last or " ".join(words[:-1])
        else:
            last = last or " ".join(words)
    elif len(fore_words) > 1 and SUFFIX.match(fore_words[-1]):
        suffix = fore_words[-1]
    if suffix and fore_words[-1:] == [suffix]:
        fore = " ".join(fore_words[:-1]) or None
    return (last or None, fore or None, initials, suffix, None)


def _medline_authors(
    lines: tuple[str, ...], record: Any
) -> tuple[list[tuple[str | None, ...]], list[tuple[str, ...]], bool]:
    """Authors in the order of their lines (each FAU with the AU after it, AU alone, or a CN), each
    with the AD lines that follow it, and whether the list is complete."""
    full, short, groups = iter(record.get("FAU", [])), iter(record.get("AU", [])), iter(record.get("CN", []))
    places = iter(record.get("AD", []))
    people: list[list[Any]] = []
    complete = True
    for line in lines:
        tag = line[:4].rstrip()
        if tag == "FAU":
            people.append([next(full), None, None, []])
        elif tag == "AU":
            name = next(short)
            if name.strip().lower() == "et al.":
                complete = False
            elif people and people[-1][0] is not None and people[-1][1] is None:
                people[-1][1] = name
            else:
                people.append([None, name, None, []])
        elif tag == "CN":
            people.append([None, None, next(groups), []])
        elif tag == "AD":
            place = _space(next(places))
            if people and place:
                people[-1][3].append(place)
    authors = [
        (None, None, None, None, _space(group)) if group else _medline_name(_space(f), _space(s))
        for f, s, group, _ in people
    ]
    return authors, [tuple(p[3]) for p in people], complete


def _tagged(values: list[str], kind: str) -> str | None:
    """The first identifier marked ``[kind]`` in LID or AID lines (``10.1/x [doi] S01 [pii]``)."""
    for value in values:
        for match in re.finditer(r"(\S+)\s+\[(\w+)\]", value):
            if match.group(2) == kind:
                return match.group(1)
    return None


def _other_abstracts(lines: tuple[str, ...]) -> tuple[tuple[str | None, str | None, str], ...]:
    found: list[list[str | None]] = []
    tag = ""
    for line in lines:
        if not line.startswith("      "):
            tag = line[:4].rstrip()
            if tag == "OAB":
                found.append([None, None, line[6:]])
            elif tag == "OABL" and found:
                found[-1][1] = _space(line[6:])
        elif tag == "OAB":
            found[-1][2] = (found[-1][2] or "") + " " + line
    return tuple((kind, language, _space(text) or "") for kind, language, text in found)


def _ymd(value: str | None) -> str | None:
    digits = re.sub(r"\D", "", (value or "").split(" ")[0])
    if len(digits) < 8:
        return None
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}"


def _medline_record(lines: tuple[str, ...]) -> Fields:
    record = Medline.read(lines)  # type: ignore[no-untyped-call]
    text = {key: _space(value) if isinstance(value, str) else value for key, value in record.items()}
    authors, affiliations, complete = _medline_authors(lines, record)
    book = _space(record.get("BTI"))

    def many(tag: str) -> tuple[str, ...]:
        return tuple(v for v in (_space(value) for value in record.get(tag, [])) if v)

    headings = []
    for term in many("MH"):
        descriptor, *qualifiers = term.split("/")
        headings.append(
            (
                descriptor.lstrip("*"),
                descriptor.startswith("*"),
                tuple((q.lstrip("*"), q.startswith("*")) for q in qualifiers),
            )
        )
    return {
        "pmid": text.get("PMID"),
        "journal_abbrev": text.get("TA"),
        # RN - 690G0D6V8H (Ketamine): the name is in the parentheses; 0 for a class with no number
        "chemicals": tuple(m.group(1) if (m := re.search(r"\((.+)\)$", v)) else v for v in many("RN")),
        "affiliations": tuple(affiliations),
        "revised_date": _ymd(text.get("LR")),
        "kind": "book" if book else "article",
        "title": text.get("TI") or book,
        "vernacular_title": text.get("TT"),
        "abstract": text.get("AB"),
        "other_abstracts": _other_abstracts(lines),
        "pub_date": date_of_text(text.get("DP")),
        "authors": tuple(authors),
        "erroneous_authors": (),
        "authors_complete": complete,
        "keywords": tuple(k.lstrip("*").strip() for k in many("OT")),
        "mesh": tuple(headings),
        "publication_types": many("PT"),
        "doi": _tagged([text.get("LID") or ""], "doi") or _tagged(list(many("AID")), "doi"),
        "pmcid": text.get("PMC"),
        "languages": many("LA"),
        "journal": text.get("JT") or book,
        "volume": text.get("VI"),
        "issue": text.get("IP"),
        "pages": text.get("PG"),
        "status": text.get("STAT"),
        "publication_status": text.get("PST"),
        "article_date": _ymd(text.get("DEP")),
        "created_date": _ymd(next(iter(many("CRDT")), None)),
        "entrez_date": _ymd(text.get("EDAT")),
    }


def read_medline(path: Path) -> list[Fields]:
    """The records of a MEDLINE-format (PubMed format) file; CRLF, BOM and missing blank lines allowed."""
    return [_medline_record(lines) for lines in _file_chunks(path)]


def cut_off(path: Path) -> list[str]:
    """The PMIDs of a MEDLINE file's records that stop before their SO line (every PubMed-format record has one)."""
    return [chunk[0][6:].strip() for chunk in _file_chunks(path) if not any(line.startswith("SO  -") for line in chunk)]


@cache
def _file_chunks(path: Path) -> tuple[tuple[str, ...], ...]:
    """``_chunks`` of a file, split once: the test asks for each file's records and cut-off ones more than once."""
    return tuple(map(tuple, _chunks(path.read_bytes().decode("utf-8-sig"))))


def display_title(fields: Fields) -> str | None:
    """The title a reader is shown: the English one, or the vernacular where that is empty or not available."""
    title = fields["title"]
    if title is None or title == NOT_AVAILABLE:
        return fields["vernacular_title"] or title
    return title
