"""The SQLite store: every record once, by PMID, with its tags, topics, runs, digests and screening decisions.

All SQL lives in this package; other stages ask the store questions through ``Store``'s methods.
"""

from .database import Store
from .queries import CommitSpan, RecordFilter, RecordTags, StoredRecord
from .records import BatchSummary, Unchanged
from .schema import CitationColumns, RecordRow, TagColumns
from .screening import Decision, NewDecision, ScreeningRow
from .timestamps import TIMESTAMP_FORMAT, parse_timestamp, utc_now

__all__ = [
    "TIMESTAMP_FORMAT",
    "BatchSummary",
    "CitationColumns",
    "CommitSpan",
    "Decision",
    "NewDecision",
    "RecordFilter",
    "RecordRow",
    "RecordTags",
    "ScreeningRow",
    "Store",
    "StoredRecord",
    "TagColumns",
    "Unchanged",
    "parse_timestamp",
    "utc_now",
]
