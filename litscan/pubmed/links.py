"""The links a reviewer needs on a record: its trial registrations, its free full text, its notices.

Registrations come from PubMed's data bank list (``Record.accessions``, NLM's own indexing) and from
the abstract's text, found with the patterns of ``registries.toml``; an id found in both counts as
``databank``. Full text is the record's PubMed Central copy. Notices are the ``CommentsCorrections``
a record points to (a retraction, an erratum, an expression of concern, an update), each linked to
its PubMed page.

The store keeps each record's registrations as worked out when it was written, with the
fingerprint of the registry file used (``registrations_json``); ``record_links`` takes them as
stored while the file is the same and works them out again when it has changed (or for a record
stored before litscan kept them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import orjson

from litscan.models import CommentCorrection, Record
from litscan.pubmed.registries import Registries, Registry, load_registries

Source = Literal["databank", "abstract"]
PUBMED_URL = "https://pubmed.ncbi.nlm.nih.gov/{}/"
PMC_URL = "https://pmc.ncbi.nlm.nih.gov/articles/{}/"

# The CommentsCorrections types that are notices about the record or that it is a notice about,
# most serious first, with how a reader is told; comments and cited works are no notices.
NOTICE_LABELS: dict[str, str] = {
    "RetractionIn": "Retraction notice",
    "PartialRetractionIn": "Partial retraction notice",
    "RetractedandRepublishedIn": "Retracted and republished",
    "ExpressionOfConcernIn": "Expression of concern",
    "CorrectedandRepublishedIn": "Corrected and republished",
    "ErratumIn": "Erratum",
    "UpdateIn": "Updated version",
    "RepublishedIn": "Republished",
    "RetractionOf": "Retraction of",
    "PartialRetractionOf": "Partial retraction of",
    "RetractedandRepublishedFrom": "Retracted and republished from",
    "ExpressionOfConcernFor": "Expression of concern about",
    "CorrectedandRepublishedFrom": "Corrected and republished from",
    "ErratumFor": "Erratum for",
    "UpdateOf": "Update of",
    "RepublishedFrom": "Republished from",
}
# Kept out of the exported list: a record's cited works, which only old records list here.
_NOT_EXPORTED = frozenset({"Cites"})


@dataclass(frozen=True)
class Registration:
    """A trial (or review protocol) registration: the registry, the id as it writes it, its page."""

    registry: str  # the registry's label: "ClinicalTrials.gov", "ISRCTN", ...
    id: str
    url: str
    source: Source  # "databank" (NLM's indexing) or "abstract" (found in the text)

    @property
    def text(self) -> str:
        """How a reader is shown it: the id, after the registry's name where the id does not start with it."""
        return self.id if self.id.lower().startswith(self.registry.lower()) else f"{self.registry} {self.id}"

    def as_dict(self) -> dict[str, str]:
        return {"registry": self.registry, "id": self.id, "url": self.url, "source": self.source}


@dataclass(frozen=True)
class NoticeLink:
    """A ``CommentsCorrections`` entry: its type, the record it points to, and that record's page."""

    type: str  # RefType: RetractionIn, ErratumIn, ...
    pmid: str | None
    source: str | None  # RefSource: the citation of the notice
    url: str | None

    @property
    def label(self) -> str:
        return NOTICE_LABELS.get(self.type, self.type)

    def as_dict(self) -> dict[str, str | None]:
        return {"type": self.type, "pmid": self.pmid, "source": self.source, "url": self.url}


@dataclass(frozen=True)
class RecordLinks:
    """Everything ``_links.html`` shows and the exports write of one record's links."""

    registrations: tuple[Registration, ...]
    comments_corrections: tuple[NoticeLink, ...]  # every entry but cited works
    full_text_url: str | None  # the PubMed Central copy

    @property
    def notices(self) -> tuple[NoticeLink, ...]:
        """The entries that are notices, most serious first (comments left out)."""
        order = list(NOTICE_LABELS)
        found = [n for n in self.comments_corrections if n.type in NOTICE_LABELS]
        return tuple(sorted(found, key=lambda n: order.index(n.type)))

    def __bool__(self) -> bool:
        return bool(self.registrations or self.notices or self.full_text_url)


def registrations(record: Record, registries: Registries | None = None) -> tuple[Registration, ...]:
    """The record's registrations: its data bank's first, then those its abstract names."""
    return tuple(_registration(registry, trial_id, source) for registry, trial_id, source in _found(record, registries))


def _found(record: Record, registries: Registries | None) -> list[tuple[Registry, str, Source]]:
    """(registry, id, source) of each registration, an id named twice listed once, from the data bank."""
    registries = registries or load_registries()
    found: dict[tuple[str, str], tuple[Registry, str, Source]] = {}
    for accession in record.accessions:
        claimed = registries.for_databank(accession.databank)
        if claimed:
            registry, trial_id = _accession_id(claimed, accession.number)
            found.setdefault((registry.key, trial_id), (registry, trial_id, "databank"))
    texts = [section.text for section in record.abstract_sections]
    texts.extend(other.text for other in record.other_abstracts)
    if texts:
        for registry, trial_id in registries.search("\n".join(texts)):
            found.setdefault((registry.key, trial_id), (registry, trial_id, "abstract"))
    return list(found.values())


def _accession_id(claimed: tuple[Registry, ...], number: str) -> tuple[Registry, str]:
    """Which of the registries filed under one data bank issued ``number`` (JPRN holds several), and the id.

    A number none of their patterns reads is kept as NLM wrote it, under the first of them.
    """
    for registry in claimed:
        for trial_id in registry.find(number):
            return registry, trial_id
    return claimed[0], number.strip()


def _registration(registry: Registry, trial_id: str, source: Source) -> Registration:
    return Registration(registry.label, trial_id, registry.url(trial_id), source)


def notice_links(comments: tuple[CommentCorrection, ...]) -> tuple[NoticeLink, ...]:
    return tuple(
        NoticeLink(c.ref_type, c.pmid, c.ref_source, PUBMED_URL.format(c.pmid) if c.pmid else None)
        for c in comments
        if c.ref_type not in _NOT_EXPORTED
    )


def full_text_url(record: Record) -> str | None:
    return PMC_URL.format(record.pmcid) if record.pmcid else None


def record_links(
    record: Record, stored: str | bytes | None = None, registries: Registries | None = None
) -> RecordLinks:
    """The record's links; ``stored``, the registrations the store kept, is used if the same rules made it."""
    registries = registries or load_registries()
    kept = _stored_registrations(stored, registries)
    return RecordLinks(
        kept if kept is not None else registrations(record, registries),
        notice_links(record.comments_corrections),
        full_text_url(record),
    )


# --- as the store keeps them -------------------------------------------------------------------


def registrations_json(record: Record, registries: Registries | None = None) -> bytes:
    """The record's registrations as the store keeps them: the registry file's fingerprint and what it found.

    ``{"rules": "…", "found": [{"key": "clinicaltrials_gov", "id": "NCT…", "source": "databank"}]}``;
    the registry key, not its label, so a relabelled registry still finds its stored ids.
    """
    registries = registries or load_registries()
    found = [
        {"key": registry.key, "id": trial_id, "source": source}
        for registry, trial_id, source in _found(record, registries)
    ]
    return orjson.dumps({"rules": registries.fingerprint, "found": found})


def _stored_registrations(stored: str | bytes | None, registries: Registries) -> tuple[Registration, ...] | None:
    if not stored:
        return None
    try:
        data: Any = orjson.loads(stored)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(data, dict) or data.get("rules") != registries.fingerprint:
        return None
    out = []
    for item in data.get("found") or ():
        registry = registries.get(item.get("key", ""))
        if registry is None:
            return None
        out.append(_registration(registry, item["id"], "databank" if item.get("source") == "databank" else "abstract"))
    return tuple(out)
