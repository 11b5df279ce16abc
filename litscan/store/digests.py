"""The digest list: which digest pages were written for a topic, for which period (by the clock and in the
store's commit order), with which counts."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from .queries import CommitSpan, commit_mark
from .schema import DIGEST_COLUMNS
from .timestamps import utc_now


def add_digest(
    db: sqlite3.Connection,
    topic: str,
    period_start: str,
    period_end: str,
    path: str,
    counts: dict[str, Any],
    commits: CommitSpan | None = None,
) -> None:
    """Record a digest; ``commits`` are the writes it took (by default, those stamped within its period)."""
    if commits is None:
        commits = CommitSpan(commit_mark(db, period_start), commit_mark(db, period_end))
    db.execute(
        "INSERT INTO digests(topic, period_start, period_end, path, created_at, counts, seq_start, seq_end) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (topic, period_start, period_end, path, utc_now(), json.dumps(counts), commits.after or 0, commits.through),
    )


def digests(db: sqlite3.Connection, topic: str) -> list[dict[str, Any]]:
    """The topic's digests, latest period first, each a dict of ``DIGEST_COLUMNS`` (``counts`` decoded)."""
    rows = db.execute(
        f"SELECT {', '.join(DIGEST_COLUMNS)} FROM digests WHERE topic = ? ORDER BY period_end DESC, id DESC", (topic,)
    )
    return [{**dict(row), "counts": json.loads(row["counts"])} for row in rows]
