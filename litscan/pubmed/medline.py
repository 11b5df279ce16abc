"""Parse stage for PubMed's text export ("Save → PubMed format", .txt/.nbib): MEDLINE tags → Record.

Tags are read with ``Bio.Medline``. It keeps each tag's values but not the
order of tags across authors, so which ``AD`` (affiliation) and ``AUID``
(ORCID) lines belong to which author is recovered from the order of the lines
as they stream past (``_AuthorTrail``). MEDLINE text has no NLM abstract
categories: a ``LABEL: text`` structure is split back into sections, with the
category guessed from the label's words (``METHODS AND MATERIALS`` → METHODS), both
by ``litscan.pubmed.sections``.
"""

from __future__ import annotations

import gzip
import io
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
from litscan.pubmed.dates import date_from_text, iso_date
from litscan.pubmed.pmid import is_pmid, not_a_pmid
from litscan.pubmed.sections import category_of, split_labelled

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


class _AuthorTrail:
    """Passes lines through to Bio.Medline, noting the order of the author-block tags of a record."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = lines
        self.tags: list[str] = []

    def __iter__(self) -> Iterator[str]:
        for line in self._lines:
            if line[:1] not in (" ", "\n", "\r", ""):
                tag = line[:4].rstrip()
                if tag in _AUTHOR_TAGS:
                    self.tags.append(tag)
            yield line

    def take(self) -> list[str]:
        tags, self.tags = self.tags, []
        return tags


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
    try:
        trail = _AuthorTrail(handle)
        for raw in _parse(trail):
            count += 1
            record = _record(raw, trail.take())
            if record is None:
                if count == 1 and not raw.get("PMID"):
                    raise InputError("not MEDLINE format: the first record has no 'PMID- ' line", path=label)
                raise InputError(
                    f"record {count} has no PMID", path=label, where=f"after record {count - 1} (PMID {last_pmid})"
                )
            _check_pmid(record.pmid, count, label)
            last_pmid = record.pmid
            yield record
        if count == 0:
            raise InputError("file is empty (no MEDLINE records)", path=label)
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


def _check_pmid(pmid: str, count: int, label: str) -> None:
    if is_pmid(pmid):
        return
    ids = pmid.split()
    if len(ids) > 1 and all(is_pmid(i) for i in ids):  # Bio.Medline joins a record's repeated PMID lines
        raise InputError(
            f"record {count} has {len(ids)} PMID lines ({', '.join(ids[:3])}): "
            "MEDLINE records must be separated by a blank line",
            path=label,
        )
    raise InputError(f"record {count}: {not_a_pmid(pmid)}", path=label)


# --- field mapping --------------------------------------------------------------------------------


def _text(value: str | list[str] | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = " ".join(value)
    return " ".join(value.split()) or None


def _values(raw: MedlineFields, tag: str) -> list[str]:
    value = raw.get(tag)
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    return [v for v in (" ".join(item.split()) for item in values) if v]


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


def _authors(raw: MedlineFields, trail: list[str]) -> tuple[Author, ...]:
    full = iter(raw.get("FAU", []))
    short = iter(raw.get("AU", []))
    groups = iter(raw.get("CN", []))
    affiliations = iter(raw.get("AD", []))
    ids = iter(raw.get("AUID", []))
    people: list[_Person] = []
    current: _Person | None = None
    for tag in trail:
        if tag == "FAU":
            current = {"fau": next(full, None), "au": None, "cn": None, "ad": [], "orcid": None}
            people.append(current)
        elif tag == "AU":
            if current is not None and current["fau"] is not None and current["au"] is None:
                current["au"] = next(short, None)
            else:
                current = {"fau": None, "au": next(short, None), "cn": None, "ad": [], "orcid": None}
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
            value = next(ids, "") or ""
            if value.upper().startswith("ORCID:"):
                current["orcid"] = value.split(":", 1)[1].strip().rstrip("/").rsplit("/", 1)[-1] or None
    return tuple(_author(p) for p in people)


def _author(person: _Person) -> Author:
    if person["cn"]:
        return Author(collective_name=_text(person["cn"]), affiliations=tuple(person["ad"]))
    last = fore = initials = None
    if person["fau"]:
        last, _, fore = (part.strip() for part in person["fau"].partition(","))
    if person["au"]:
        short_last, _, maybe_initials = person["au"].strip().rpartition(" ")
        if short_last and maybe_initials.isupper():
            initials = maybe_initials
            last = last or short_last
        else:
            last = last or person["au"].strip()
    return Author(last or None, fore or None, initials, None, tuple(person["ad"]), person["orcid"])


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


def _record(raw: MedlineFields, trail: list[str]) -> Record | None:
    pmid = _text(raw.get("PMID"))
    if not pmid:
        return None
    book_title = _text(raw.get("BTI"))
    location_ids = _typed_ids(_values(raw, "LID"))  # LID mirrors the XML's ELocationID
    article_ids = _typed_ids(_values(raw, "AID"))  # AID mirrors PubmedData/ArticleIdList
    issn_match = _ISSN.search(_text(raw.get("IS")) or "")
    other_abstracts = tuple(OtherAbstract(text, None, _first(raw, "OABL")) for text in [_text(raw.get("OAB"))] if text)
    return Record(
        pmid=pmid,
        kind="book" if book_title else "article",
        title=_text(raw.get("TI")) or book_title,
        vernacular_title=_text(raw.get("TT")),
        abstract_sections=abstract_sections(raw.get("AB")),
        other_abstracts=other_abstracts,
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
        authors=_authors(raw, trail),
        languages=tuple(_values(raw, "LA")),
        publication_types=tuple(PublicationType(name) for name in _values(raw, "PT")),
        mesh=_mesh(_values(raw, "MH")),
        chemicals=_chemicals(_values(raw, "RN")),
        keywords=tuple(_values(raw, "OT")),
        status=_text(raw.get("STAT")),
        publication_status=_text(raw.get("PST")),
        comments_corrections=_comments(raw),
    )
