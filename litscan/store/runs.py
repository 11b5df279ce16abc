"""Run bookkeeping: each import, fetch and digest run with its outcome, and each topic's fetch state."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

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
    cursor = db.execute(
        "INSERT INTO runs(kind, topic, started_at, detail) VALUES (?, ?, ?, ?)",
        (kind, topic, utc_now(), json.dumps(detail or {}, sort_keys=True)),
    )
    return int(cursor.lastrowid or 0)


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
