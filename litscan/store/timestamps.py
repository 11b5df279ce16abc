"""The store's clock: timestamps as ISO-8601 UTC text with microseconds, so text order is time order."""

from __future__ import annotations

import datetime as dt

TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).strftime(TIMESTAMP_FORMAT)


def parse_timestamp(stamp: str) -> dt.datetime:
    """A store timestamp (or any ISO-8601 text) as an aware datetime."""
    return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
