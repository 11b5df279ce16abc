"""The SQLite store: every record once, by PMID, with its tags, topics, runs and digests.

All SQL lives in this package; other stages ask the store questions through its methods.
"""

from .database import (
    TIMESTAMP_FORMAT,
    BatchSummary,
    PreparedRecord,
    RecordFilter,
    Store,
    StoredRecord,
    parse_timestamp,
    prepare_record,
    utc_now,
)

__all__ = [
    "TIMESTAMP_FORMAT",
    "BatchSummary",
    "PreparedRecord",
    "RecordFilter",
    "Store",
    "StoredRecord",
    "parse_timestamp",
    "prepare_record",
    "utc_now",
]
