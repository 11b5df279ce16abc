"""Typed records passed between pipeline stages.

Every stage hands the next one dataclasses: lists stay tuples (never
``;``-joined strings) and a missing value is ``None``, never ``""``. Treat
them as values and do not change them in place (``dataclasses.replace`` makes
a changed copy). They are not declared ``frozen``: a frozen dataclass sets
each field through ``object.__setattr__``, and with a dozen of them built per
record, parsing and tagging ran 8% more instructions that way (callgrind,
1,000 records).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import orjson

RecordKind = Literal["article", "book"]


@dataclass
class PartialDate:
    """A date known to year, month or day precision, with the source text kept."""

    year: int | None
    month: int | None = None
    day: int | None = None
    raw: str | None = None

    @property
    def precision(self) -> str | None:
        if self.year is None:
            return None
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    def iso(self) -> str | None:
        """ISO text to the precision known: ``2024``, ``2024-03`` or ``2024-03-07``."""
        if self.year is None:
            return None
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text


@dataclass
class Author:
    last_name: str | None = None
    fore_name: str | None = None
    initials: str | None = None
    collective_name: str | None = None
    affiliations: tuple[str, ...] = ()
    orcid: str | None = None
    # PubMed keeps erroneous names with ValidYN="N" for the record. Such a name is no author: a
    # Record lists it apart, in ``erroneous_authors``, with this flag False.
    valid: bool = True
    suffix: str | None = None  # Jr, Sr, 2nd, 3rd, ...

    @property
    def display_name(self) -> str:
        """The name as PubMed cites it: ``Shaffer AL 3rd``, or the collective name."""
        if self.collective_name:
            return self.collective_name
        name = self.last_name or self.fore_name or ""
        if self.last_name and self.initials:
            name = f"{self.last_name} {self.initials}"
        return f"{name} {self.suffix}" if name and self.suffix else name


@dataclass
class AbstractSection:
    text: str
    label: str | None = None
    category: str | None = None  # NlmCategory: BACKGROUND, METHODS, ...


@dataclass
class OtherAbstract:
    text: str
    type: str | None = None
    language: str | None = None


@dataclass
class MeshQualifier:
    name: str
    ui: str | None = None
    major: bool = False


@dataclass
class MeshHeading:
    descriptor: str
    ui: str | None = None
    major: bool = False
    qualifiers: tuple[MeshQualifier, ...] = ()


@dataclass
class PublicationType:
    name: str
    ui: str | None = None


@dataclass
class Chemical:
    name: str
    ui: str | None = None
    registry_number: str | None = None


@dataclass
class CommentCorrection:
    """A CommentsCorrections link: RetractionIn, ErratumIn, CommentOn, ..."""

    ref_type: str
    ref_source: str | None = None
    pmid: str | None = None


@dataclass
class Accession:
    """A number a data bank gave to something the paper reports (XML ``DataBankList``, MEDLINE ``SI``):
    a trial registration (``ClinicalTrials.gov``, ``NCT01234567``), a sequence (``GENBANK``, ...)."""

    databank: str
    number: str


@dataclass
class Record:
    """One PubMed citation (journal article or book/chapter) as litscan stores it."""

    pmid: str
    version: int = 1
    kind: RecordKind = "article"
    title: str | None = None
    vernacular_title: str | None = None
    abstract_sections: tuple[AbstractSection, ...] = ()
    other_abstracts: tuple[OtherAbstract, ...] = ()
    journal: str | None = None
    journal_abbrev: str | None = None
    issn: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    pub_date: PartialDate | None = None
    article_date: str | None = None  # electronic publication date, ISO yyyy-mm-dd
    created_date: str | None = None  # Entrez create date [crdt], ISO
    entrez_date: str | None = None  # PubMed entry date [edat], ISO
    revised_date: str | None = None  # DateRevised, ISO
    doi: str | None = None
    pmcid: str | None = None
    authors: tuple[Author, ...] = ()  # the authors; never an erroneous name
    authors_complete: bool = True
    languages: tuple[str, ...] = ()
    publication_types: tuple[PublicationType, ...] = ()
    mesh: tuple[MeshHeading, ...] = ()
    chemicals: tuple[Chemical, ...] = ()
    keywords: tuple[str, ...] = ()
    status: str | None = None  # MEDLINE, In-Process, Publisher, ...
    publication_status: str | None = None  # ppublish, epublish, aheadofprint
    comments_corrections: tuple[CommentCorrection, ...] = ()
    # Names PubMed marks ValidYN="N" (erroneous, kept for the record): no author of the paper, so
    # no citation, export column or digest lists them; kept here, flagged ``valid=False``.
    erroneous_authors: tuple[Author, ...] = ()
    accessions: tuple[Accession, ...] = ()  # DataBankList / MEDLINE SI: trial registrations and the like

    @property
    def display_title(self) -> str | None:
        """The title to show: the English one, or the original-language one where PubMed has no English title."""
        if self.title is None or self.title == NOT_AVAILABLE:
            return self.vernacular_title or self.title
        return self.title

    @property
    def abstract(self) -> str | None:
        """The whole abstract as text, section labels kept as ``LABEL: text`` lines."""
        if not self.abstract_sections:
            return None
        return "\n".join(
            f"{section.label}: {section.text}" if section.label else section.text for section in self.abstract_sections
        )

    @property
    def url(self) -> str:
        """The record's PubMed page."""
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"

    @property
    def year(self) -> int | None:
        return self.pub_date.year if self.pub_date else None

    @property
    def retracted(self) -> bool:
        return any(
            pt.ui == RETRACTED_PUBLICATION_UI or pt.name == "Retracted Publication" for pt in self.publication_types
        ) or any(cc.ref_type == "RetractionIn" for cc in self.comments_corrections)

    @property
    def errata(self) -> tuple[CommentCorrection, ...]:
        return tuple(cc for cc in self.comments_corrections if cc.ref_type == "ErratumIn")

    @property
    def publication_type_names(self) -> tuple[str, ...]:
        return tuple(pt.name for pt in self.publication_types)

    @property
    def mesh_descriptors(self) -> tuple[str, ...]:
        return tuple(heading.descriptor for heading in self.mesh)


RETRACTED_PUBLICATION_UI = "D016441"
# What PubMed puts in ArticleTitle when the article has no English title.
NOT_AVAILABLE = "[Not Available]."


@dataclass
class Deletion:
    """A ``DeleteCitation`` entry: NLM withdrew this PMID."""

    pmid: str


ParsedItem = Record | Deletion


@dataclass
class Evidence:
    """Why a tag was given: which field, which text span, and the rule in words."""

    field: str  # "title", "abstract", "abstract:METHODS", "mesh", "publication_type", "keyword"
    text: str  # the span that decided, as it reads in the record
    reason: str  # e.g. "route stated for ketamine", "infusion with no route stated"
    start: int | None = None  # character offsets of `text` within that field's text
    end: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"field": self.field, "text": self.text, "reason": self.reason, "start": self.start, "end": self.end}


@dataclass
class Tags:
    """The labels of one record (ids from TAXONOMY.md) with the evidence for each."""

    on_topic: bool
    conditions: tuple[str, ...]
    routes: tuple[str, ...]
    design: str
    on_topic_evidence: tuple[Evidence, ...] = ()
    design_evidence: tuple[Evidence, ...] = ()
    condition_evidence: dict[str, tuple[Evidence, ...]] = field(default_factory=dict)
    route_evidence: dict[str, tuple[Evidence, ...]] = field(default_factory=dict)

    def evidence_dict(self) -> dict[str, Any]:
        """Evidence in the shape the JSON export and the digest use."""
        return {
            "on_topic": [e.as_dict() for e in self.on_topic_evidence],
            "design": [e.as_dict() for e in self.design_evidence],
            "conditions": {k: [e.as_dict() for e in v] for k, v in self.condition_evidence.items()},
            "routes": {k: [e.as_dict() for e in v] for k, v in self.route_evidence.items()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Tags:
        """Inverse of ``to_jsonable(tags)`` (the shape the store keeps)."""

        def items(raw: list[dict[str, Any]] | None) -> tuple[Evidence, ...]:
            return tuple(Evidence(**e) for e in raw or ())

        return cls(
            on_topic=bool(data["on_topic"]),
            conditions=tuple(data.get("conditions") or ()),
            routes=tuple(data.get("routes") or ()),
            design=data.get("design") or "other",
            on_topic_evidence=items(data.get("on_topic_evidence")),
            design_evidence=items(data.get("design_evidence")),
            condition_evidence={k: items(v) for k, v in (data.get("condition_evidence") or {}).items()},
            route_evidence={k: items(v) for k, v in (data.get("route_evidence") or {}).items()},
        )


# --- JSON codec -------------------------------------------------------------
# Serialising every record is on the import hot path: orjson encodes the
# dataclasses natively (faster without __slots__: it reads their __dict__),
# 2.5x faster than json with a hook and ~10x faster than dataclasses.asdict.
# Tuples become arrays; None stays null.


def json_bytes(obj: Any) -> bytes:
    """Compact UTF-8 JSON of a record, its tags, or any part of them.

    Bytes, not str: the store hashes them, worker processes pickle them and
    SQLite stores them as they are, with no decoding and re-encoding between.
    """
    return orjson.dumps(obj)


def to_jsonable(obj: Any) -> Any:
    """A record (or any of its parts) as plain JSON data."""
    return orjson.loads(orjson.dumps(obj))


def record_from_dict(data: dict[str, Any]) -> Record:
    """Inverse of ``to_jsonable(record)``."""
    values = dict(data)
    nested: dict[str, type] = {
        "abstract_sections": AbstractSection,
        "other_abstracts": OtherAbstract,
        "publication_types": PublicationType,
        "chemicals": Chemical,
        "comments_corrections": CommentCorrection,
        "accessions": Accession,
    }
    for key, cls in nested.items():
        if key in values:
            values[key] = tuple(cls(**item) for item in values[key])
    for key in ("authors", "erroneous_authors"):
        if key in values:
            values[key] = tuple(Author(**{**a, "affiliations": tuple(a.get("affiliations", ()))}) for a in values[key])
    if any(not a.valid for a in values.get("authors", ())):
        # Stored before erroneous names were listed apart.
        values["erroneous_authors"] = (
            *values.get("erroneous_authors", ()),
            *(a for a in values["authors"] if not a.valid),
        )
        values["authors"] = tuple(a for a in values["authors"] if a.valid)
    if "mesh" in values:
        values["mesh"] = tuple(
            MeshHeading(**{**m, "qualifiers": tuple(MeshQualifier(**q) for q in m.get("qualifiers", ()))})
            for m in values["mesh"]
        )
    for key in ("languages", "keywords"):
        if key in values:
            values[key] = tuple(values[key])
    if values.get("pub_date"):
        values["pub_date"] = PartialDate(**values["pub_date"])
    return Record(**values)
