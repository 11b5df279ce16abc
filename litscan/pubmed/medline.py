"""Parse stage for PubMed's text export ("Save → PubMed format", .txt/.nbib): MEDLINE tags → Record.

Tags are read with ``Bio.Medline``. It keeps each tag's values but not the
order of tags across authors, so which ``AD`` (affiliation) and ``AUID``
(ORCID) lines belong to which author, and where one ``OAB`` (other-language
abstract) ends and the next begins, is recovered from the lines as they stream
past (``_Lines``). Each ``PMID-`` line starts a record, blank line before it or
not (``cat a.txt b.txt`` leaves none), and a record must end with its ``SO``
line, as every PubMed-format record does: one without it was cut off. A file
cut inside its last record (a cut download) keeps its whole records and the cut
one is left out with a warning; a cut record with another after it refuses the
file. MEDLINE text has no NLM abstract categories: a ``LABEL: text``
structure is split back into sections, with the category guessed from the
label's words (``METHODS AND MATERIALS`` → METHODS), both by
``litscan.pubmed.sections``. White space is collapsed as in the XML reader:
runs of space, tab and line ends, never a publisher's no-break or thin space.
"""

from __future__ import annotations

import gzip
import io
import logging
import os
import re
import zlib
from collections.abc import Iterable, Iterator, Mapping
from typing import TextIO, TypedDict

from Bio import Medline

from litscan.errors import InputError
from litscan.models import (
    AbstractSection,
    Author,
    Chemical,
    CommentCorrection,
    MeshHeading,
    MeshQualifier,
    OtherAbstract,
    PublicationType,
    Record,
)
from litscan.pubmed.accessions import medline_accessions
from litscan.pubmed.dates import date_from_text, iso_date
from litscan.pubmed.pmid import is_pmid, not_a_pmid
from litscan.pubmed.sections import category_of, split_labelled
from litscan.pubmed.xml_text import normalize

log = logging.getLogger(__name__)

# MEDLINE comment/correction tags and the XML RefType each one stands for.
COMMENT_TAGS = {
    "CIN": "CommentIn",
    "CON": "CommentOn",
    "EIN": "ErratumIn",
    "EFR": "ErratumFor",
    "RIN": "RetractionIn",
    "ROF": "RetractionOf",
    "CRI": "CorrectedandRepublishedIn",
    "CRF": "CorrectedandRepublishedFrom",
    "RRI": "RetractedandRepublishedIn",
    "RRF": "RetractedandRepublishedFrom",
    "UIN": "UpdateIn",
    "UOF": "UpdateOf",
    "RPI": "RepublishedIn",
    "RPF": "RepublishedFrom",
    "SPIN": "SummaryForPatientsIn",
    "ORI": "OriginalReportIn",
    "ECI": "ExpressionOfConcernIn",
    "ECF": "ExpressionOfConcernFor",
}
_AUTHOR_TAGS = frozenset({"FAU", "AU", "CN", "AD", "AUID"})
_PMID_IN_SOURCE = re.compile(r"\s*PMID:\s*(\d+)\s*$")
_RN = re.compile(r"^(.*?)\s*\((.+)\)\s*$")
_ISSN = re.compile(r"\b\d{4}-\d{3}[\dXx]\b")


# One record as Bio.Medline reads it: tag → its text (tags it knows hold one value) or list of lines.
MedlineFields = Mapping[str, str | list[str]]


def _parse(lines: Iterable[str]) -> Iterator[MedlineFields]:
    # Biopython ships py.typed but leaves Medline.parse unannotated.
    records: Iterator[MedlineFields] = Medline.parse(lines)  # type: ignore[no-untyped-call]
    return records


class _Lines:
    """Passes lines through to Bio.Medline, ending a record at each ``PMID-`` line and noting what it forgets.

    Noted for the record being read: the order of its author-block tags, and how many lines
    (tag line and continuations) each of its ``OAB`` abstracts has.
    """

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = lines
        self.tags: list[str] = []
        self.other_abstract_lines: list[int] = []
        self.number = 0  # of the line read last
        self.start = 0  # the line number of the record's PMID line

    def __iter__(self) -> Iterator[str]:
        blank = True  # the line before was blank, or there was none
        in_other_abstract = False
        for line in self._lines:
            self.number += 1
            first = line[:1]
            if first == "\ufeff":  # the byte-order mark of a file run together after another
                line = line[1:]
                first = line[:1]
            elif first in (" ", "\t") and line[:6] != "      " and not line.strip():
                line = first = "\n"  # a line of a blank or two: no continuation, so a blank line
            if first in ("\n", "\r", ""):
                blank, in_other_abstract = True, False
            elif first == " ":
                if in_other_abstract:
                    self.other_abstract_lines[-1] += 1
            else:
                tag = line[:4].rstrip()
                if tag == "PMID":
                    if not blank:
                        yield "\n"  # the record before ends here, though no blank line ended it
                    self.start = self.number
                blank = False
                in_other_abstract = tag == "OAB"
                if tag in _AUTHOR_TAGS:
                    self.tags.append(tag)
                elif in_other_abstract:
                    self.other_abstract_lines.append(1)
            yield line

    def take(self) -> tuple[list[str], list[int]]:
        """What was noted of the record Bio.Medline has just returned, forgotten here for the next."""
        noted = self.tags, self.other_abstract_lines
        self.tags, self.other_abstract_lines = [], []
        return noted


def _open_text(source: str | os.PathLike[str], label: str) -> TextIO:
    try:
        raw = open(source, "rb")  # noqa: SIM115 -- wrapped and closed by the caller
    except FileNotFoundError:
        raise InputError("file not found", path=label) from None
    except OSError as exc:
        raise InputError(f"cannot open file ({exc.strerror or exc})", path=label) from None
    binary = raw.peek(2)[:2] if hasattr(raw, "peek") else b""
    stream = gzip.GzipFile(fileobj=raw, mode="rb") if binary == b"\x1f\x8b" else raw
    # utf-8-sig: PubMed's downloads are UTF-8, some editors add a BOM.
    return io.TextIOWrapper(stream, encoding="utf-8-sig", newline=None)


def iter_medline(source: str | os.PathLike[str] | TextIO, *, name: str | None = None) -> Iterator[Record]:
    """Records from a MEDLINE-format file (plain or gzipped path) or an open text stream.

    Raises InputError (one line, naming file and record) for a missing, empty,
    undecodable, cut-off or non-MEDLINE file and for a record without PMID.
    """
    if isinstance(source, (str, os.PathLike)):
        label = name or os.fspath(source)
        handle = _open_text(source, str(label))
        owned = True
    else:
        label = name or getattr(source, "name", None) or "<stream>"
        handle, owned = source, False
    label = str(label)
    count = 0
    last_pmid: str | None = None
    cut: InputError | None = None  # a record without its SO line: cut off if nothing follows it
    try:
        lines = _Lines(handle)
        for raw in _parse(lines):
            if cut is not None:
                raise cut  # another record follows: this is no cut download, the file is not what it says
            count += 1
            record = _identified(_record(raw, *lines.take()), raw, count, last_pmid, label)
            if "SO" not in raw:
                cut = InputError(
                    f"record {count} (PMID {record.pmid}) is cut off: it ends before the SO line "
                    "every PubMed-format record ends with",
                    path=label,
                    where=f"line {lines.start}",
                )
                continue
            last_pmid = record.pmid
            yield record
        if count == 0:
            raise InputError("file is empty (no MEDLINE records)", path=label)
        if cut is not None and count > 1:
            # The file ends inside its last record, as a cut download or a truncated save does: the
            # whole records before it are kept, the partial one is never stored, and the user is told.
            log.warning("%s; it was not imported (the %d records before it were)", cut, count - 1)
        elif cut is not None:
            raise cut
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 text ({exc.reason} at byte {exc.start})",
            path=label,
            where=f"after record {count} (PMID {last_pmid})" if count else None,
        ) from None
    except EOFError as exc:
        raise InputError(
            f"gzip data is cut off ({exc})",
            path=label,
            where=f"after record {count} (PMID {last_pmid})" if count else None,
        ) from None
    except (zlib.error, gzip.BadGzipFile) as exc:
        raise InputError(f"corrupt gzip data ({exc})", path=label) from None
    finally:
        if owned:
            handle.close()


def _identified(
    record: Record | None, raw: Mapping[str, object], count: int, last_pmid: str | None, label: str
) -> Record:
    """``record``, the ``count``-th of the file, if it has a PMID that is one; else the InputError that says why."""
    if record is None:
        if count == 1 and not raw.get("PMID"):
            raise InputError("not MEDLINE format: the first record has no 'PMID- ' line", path=label)
        raise InputError(
            f"record {count} has no PMID", path=label, where=f"after record {count - 1} (PMID {last_pmid})"
        )
    if not is_pmid(record.pmid):
        raise InputError(f"record {count}: {not_a_pmid(record.pmid)}", path=label)
    return record


# --- field mapping --------------------------------------------------------------------------------


def _text(value: str | list[str] | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = " ".join(value)
    return normalize(value)


def _values(raw: MedlineFields, tag: str) -> list[str]:
    value = raw.get(tag)
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    return [v for v in (normalize(item) for item in values) if v]


def _first(raw: MedlineFields, tag: str) -> str | None:
    return next(iter(_values(raw, tag)), None)


def abstract_sections(text: str | list[str] | None) -> tuple[AbstractSection, ...]:
    """``BACKGROUND: ... METHODS: ...`` split into labelled sections; plain text stays one section."""
    sections = []
    for label, body in split_labelled(_text(text)):
        category = category_of(label)
        sections.append(AbstractSection(body, label, category.value if category else None))
    return tuple(sections)


class _Person(TypedDict):
    """One author's lines, gathered before the Author is built."""

    fau: str | None
    au: str | None
    cn: str | None
    ad: list[str]
    orcid: str | None


def _authors(raw: MedlineFields, trail: list[str]) -> tuple[tuple[Author, ...], bool]:
    """The authors in the order of their lines, and whether the list is complete (no ``AU - et al.``)."""
    full = iter(raw.get("FAU", []))
    short = iter(raw.get("AU", []))
    groups = iter(raw.get("CN", []))
    affiliations = iter(raw.get("AD", []))
    ids = iter(raw.get("AUID", []))
    people: list[_Person] = []
    current: _Person | None = None
    complete = True
    for tag in trail:
        if tag == "FAU":
            current = {"fau": next(full, None), "au": None, "cn": None, "ad": [], "orcid": None}
            people.append(current)
        elif tag == "AU":
            name = next(short, None)
            if name is not None and name.strip().lower() in ("et al.", "et al"):
                complete = False  # old records: NLM listed the first authors only
            elif current is not None and current["fau"] is not None and current["au"] is None:
                current["au"] = name
            else:
                current = {"fau": None, "au": name, "cn": None, "ad": [], "orcid": None}
                people.append(current)
        elif tag == "CN":
            current = {"fau": None, "au": None, "cn": next(groups, None), "ad": [], "orcid": None}
            people.append(current)
        elif tag == "AD":
            text = _text(next(affiliations, None))
            # Old records carry one AD for the whole paper, before or without authors.
            target = current if current is not None else (people[0] if people else None)
            if target is not None and text:
                target["ad"].append(text)
        elif tag == "AUID" and current is not None:
            current["orcid"] = _orcid(next(ids, "") or "") or current["orcid"]
    return tuple(_author(p) for p in people), complete


def _orcid(value: str) -> str | None:
    """The ORCID iD of an ``AUID - ORCID: https://orcid.org/0000-...`` line; None for another id."""
    if not value.upper().startswith("ORCID:"):
        return None
    return value.split(":", 1)[1].strip().rstrip("/").rsplit("/", 1)[-1] or None


# The suffixes NLM writes after a name: numbers as ordinals (``3rd``, never ``III``, which could be initials).
_SUFFIX = re.compile(r"(?:Jr|Sr|\d+(?:st|nd|rd|th))\.?")


def name_parts(full: str | None, short: str | None) -> tuple[str | None, str | None, str | None, str | None]:
    """(last name, fore name, initials, suffix) of ``FAU - Shaffer, Arthur L 3rd`` over ``AU - Shaffer AL 3rd``.

    The initials are what AU holds after FAU's last name, whatever their case (``Griensven Mv``
    for Martijn van Griensven, ``Giuliano Ide C``); the suffix is AU's last word when it is one.
    AU alone (old records) gives its last word as initials when that is written in capitals.
    """
    last = fore = None
    if full:
        last, _, fore = (normalize(part) for part in full.partition(","))
    words = short.split() if short else []
    if not words and fore:  # FAU alone: its suffix ends the fore names
        words = [*(last or "").split(), *fore.split()[-1:]]
    suffix = words.pop() if len(words) > 1 and _SUFFIX.fullmatch(words[-1]) else None
    if fore and suffix and fore.endswith(" " + suffix):
        fore = fore[: -len(suffix) - 1].rstrip()
    last, initials = _last_and_initials(last, " ".join(words) if short else None)
    return last or None, fore or None, initials, suffix


def _last_and_initials(last: str | None, short: str | None) -> tuple[str | None, str | None]:
    """FAU's last name and what AU (its suffix taken off) has after it; AU alone where there is no FAU."""
    if not short:
        return last, None
    if last and (short == last or short.startswith(last + " ")):
        return last, short[len(last) :].strip() or None
    words = short.split()
    if len(words) > 1 and words[-1].isupper():
        return last or " ".join(words[:-1]), words[-1]
    return last or short, None


def _author(person: _Person) -> Author:
    if person["cn"]:
        return Author(collective_name=_text(person["cn"]), affiliations=tuple(person["ad"]))
    last, fore, initials, suffix = name_parts(person["fau"], person["au"])
    return Author(last, fore, initials, None, tuple(person["ad"]), person["orcid"], True, suffix)


def _mesh(terms: list[str]) -> tuple[MeshHeading, ...]:
    headings = []
    for term in terms:
        descriptor, *qualifiers = term.split("/")
        major = descriptor.startswith("*")
        parsed = tuple(
            MeshQualifier(q.lstrip("*").strip(), None, q.startswith("*")) for q in qualifiers if q.strip("* ")
        )
        name = descriptor.lstrip("*").strip()
        if name:
            headings.append(MeshHeading(name, None, major, parsed))
    return tuple(headings)


def _chemicals(values: list[str]) -> tuple[Chemical, ...]:
    chemicals = []
    for value in values:
        match = _RN.match(value)
        if match:
            number, name = match.group(1).strip(), match.group(2).strip()
            chemicals.append(Chemical(name, None, None if number in ("", "0") else number))
        else:
            chemicals.append(Chemical(value))
    return tuple(chemicals)


def _comments(raw: MedlineFields) -> tuple[CommentCorrection, ...]:
    links = []
    for tag, ref_type in COMMENT_TAGS.items():
        for value in _values(raw, tag):
            match = _PMID_IN_SOURCE.search(value)
            source = (value[: match.start()] if match else value).strip().rstrip(".")
            links.append(CommentCorrection(ref_type, source or None, match.group(1) if match else None))
    return tuple(links)


def _typed_ids(values: list[str]) -> dict[str, str]:
    """``["10.1/x [doi]", "S0 [pii]"]`` → ``{"doi": "10.1/x", "pii": "S0"}`` (first of each type)."""
    ids: dict[str, str] = {}
    for value in values:
        for match in re.finditer(r"(\S+)\s+\[(\w+)\]", value):
            ids.setdefault(match.group(2).lower(), match.group(1))
    return ids


def _yyyymmdd(value: str | None) -> str | None:
    """MEDLINE dates: ``20240305`` (DEP, LR) or ``2024/03/05 06:00`` (CRDT, EDAT) → ISO."""
    if not value:
        return None
    digits = re.sub(r"[^0-9]", "", value.split(" ")[0])
    if len(digits) < 8:
        return None
    return iso_date(digits[:4], digits[4:6], digits[6:8])


def _other_abstracts(raw: MedlineFields, sizes: list[int]) -> tuple[OtherAbstract, ...]:
    """Each ``OAB`` (its lines, as ``_Lines`` counted them) with the ``OABL`` language after it."""
    lines = raw.get("OAB", [])
    lines = [lines] if isinstance(lines, str) else lines
    languages = iter(_values(raw, "OABL"))
    found = []
    start = 0
    for size in sizes or [len(lines)]:
        text = _text(lines[start : start + size])
        start += size
        if text:
            found.append(OtherAbstract(text, None, next(languages, None)))
    return tuple(found)


def _record(raw: MedlineFields, trail: list[str], other_abstract_lines: list[int]) -> Record | None:
    pmid = _text(raw.get("PMID"))
    if not pmid:
        return None
    book_title = _text(raw.get("BTI"))
    location_ids = _typed_ids(_values(raw, "LID"))  # LID mirrors the XML's ELocationID
    article_ids = _typed_ids(_values(raw, "AID"))  # AID mirrors PubmedData/ArticleIdList
    issn_match = _ISSN.search(_text(raw.get("IS")) or "")
    authors, complete = _authors(raw, trail)
    return Record(
        pmid=pmid,
        kind="book" if book_title else "article",
        title=_text(raw.get("TI")) or book_title,
        vernacular_title=_text(raw.get("TT")),
        abstract_sections=abstract_sections(raw.get("AB")),
        other_abstracts=_other_abstracts(raw, other_abstract_lines),
        journal=_text(raw.get("JT")) or book_title,
        journal_abbrev=_text(raw.get("TA")),
        issn=issn_match.group(0) if issn_match else None,
        volume=_text(raw.get("VI")),
        issue=_text(raw.get("IP")),
        pages=_text(raw.get("PG")),
        pub_date=date_from_text(_text(raw.get("DP"))),
        article_date=_yyyymmdd(_text(raw.get("DEP"))),
        created_date=_yyyymmdd(_first(raw, "CRDT")),
        entrez_date=_yyyymmdd(_text(raw.get("EDAT"))),
        revised_date=_yyyymmdd(_text(raw.get("LR"))),
        doi=location_ids.get("doi") or article_ids.get("doi"),
        pmcid=_text(raw.get("PMC")),
        authors=authors,
        authors_complete=complete,
        languages=tuple(_values(raw, "LA")),
        publication_types=tuple(PublicationType(name) for name in _values(raw, "PT")),
        mesh=_mesh(_values(raw, "MH")),
        chemicals=_chemicals(_values(raw, "RN")),
        # "*" marks a major-topic keyword; the keyword is the text after it.
        keywords=tuple(k for k in (keyword.lstrip("*").strip() for keyword in _values(raw, "OT")) if k),
        status=_text(raw.get("STAT")),
        publication_status=_text(raw.get("PST")),
        comments_corrections=_comments(raw),
        accessions=medline_accessions(_values(raw, "SI")),
    )
