"""Run bookkeeping: each import, fetch and digest run with its outcome, and each topic's fetch state.

A run is recorded with the process that runs it; a run still marked running whose process is gone
was killed, and the next run to start marks it ``interrupted``.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
from typing import Any

from .lock import process_alive
from .schema import RUN_COLUMNS
from .timestamps import utc_now


def topic_state(db: sqlite3.Connection, topic: str) -> dict[str, Any]:
    row = db.execute("SELECT state FROM topic_state WHERE topic = ?", (topic,)).fetchone()
    state: dict[str, Any] = json.loads(row["state"]) if row else {}
    return state


def save_topic_state(db: sqlite3.Connection, topic: str, state: dict[str, Any]) -> None:
    db.execute(
        "INSERT INTO topic_state(topic, state, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT(topic) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
        (topic, json.dumps(state, sort_keys=True), utc_now()),
    )


def start_run(db: sqlite3.Connection, kind: str, topic: str | None, detail: dict[str, Any] | None) -> int:
    mark_interrupted(db)
    cursor = db.execute(
        "INSERT INTO runs(kind, topic, started_at, detail, pid, host) VALUES (?, ?, ?, ?, ?, ?)",
        (kind, topic, utc_now(), json.dumps(detail or {}, sort_keys=True), os.getpid(), socket.gethostname()),
    )
    return int(cursor.lastrowid or 0)


def mark_interrupted(db: sqlite3.Connection) -> list[int]:
    """Mark the runs still 'running' whose process is gone as 'interrupted'; returns their ids.

    Runs recorded before runs had a process (no pid) were all killed long ago; runs of another
    host cannot be checked and are left alone.
    """
    host = socket.gethostname()
    rows = db.execute("SELECT id, pid, host FROM runs WHERE status = 'running'").fetchall()
    gone = [r["id"] for r in rows if r["pid"] is None or (r["host"] == host and not process_alive(r["pid"]))]
    db.executemany(
        "UPDATE runs SET status = 'interrupted', "
        "detail = json_set(detail, '$.error', 'its process ended before the run finished') WHERE id = ?",
        [(run_id,) for run_id in gone],
    )
    return gone


def finish_run(db: sqlite3.Connection, run_id: int, status: str, detail: dict[str, Any] | None) -> None:
    """Close a run; ``detail`` is merged into what it was started with."""
    old = db.execute("SELECT detail FROM runs WHERE id = ?", (run_id,)).fetchone()
    merged = {**(json.loads(old["detail"]) if old else {}), **(detail or {})}
    db.execute(
        "UPDATE runs SET finished_at = ?, status = ?, detail = ? WHERE id = ?",
        (utc_now(), status, json.dumps(merged, sort_keys=True), run_id),
    )


def runs(db: sqlite3.Connection, topic: str | None, limit: int) -> list[dict[str, Any]]:
    """The latest runs first, each a dict of ``RUN_COLUMNS`` (``detail`` decoded)."""
    sql = f"SELECT {', '.join(RUN_COLUMNS)} FROM runs"
    params: list[Any] = []
    if topic:
        sql += " WHERE topic = ?"
        params.append(topic)
    sql += " ORDER BY id DESC LIMIT ?"
    params.append(limit)
    return [{**dict(row), "detail": json.loads(row["detail"])} for row in db.execute(sql, params)]
