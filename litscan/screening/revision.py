"""What a screener judged of a record, as one hash: when it changes, PubMed has revised the record in a way
that calls for a second look (a new title or abstract, a retraction, an erratum or another correction notice).

Most revisions PubMed makes are indexing: MeSH headings, chemicals, publication types and status
filled in weeks after a record appears, volume and pages once it is printed. Those change the
record's content hash but not what the screener read, so they do not bring a decided record back.
"""

from __future__ import annotations

import hashlib

from ..models import Record, json_bytes

# CommentsCorrections that revise the record itself (NLM's RefType values); comments on it do not.
REVISING_NOTICES = frozenset(
    {
        "RetractionIn",
        "PartialRetractionIn",
        "ErratumIn",
        "ExpressionOfConcernIn",
        "CorrectedandRepublishedIn",
        "RetractionandRepublishedIn",
        "RepublishedIn",
        "UpdateIn",
    }
)


def screened_hash(record: Record) -> str:
    """The hash of what a screener judges: title, abstract, version, retraction and revising notices."""
    notices = sorted(
        (cc.ref_type, cc.pmid or "", cc.ref_source or "")
        for cc in record.comments_corrections
        if cc.ref_type in REVISING_NOTICES
    )
    judged = {
        "version": record.version,
        "title": _words(record.title or record.vernacular_title or ""),
        "abstract": [(section.label or "", _words(section.text)) for section in record.abstract_sections],
        "retracted": record.retracted,
        "notices": notices,
    }
    return hashlib.blake2b(json_bytes(judged), digest_size=16).hexdigest()


def _words(text: str) -> str:
    """Text as read: spacing and line breaks do not count."""
    return " ".join(text.split())
