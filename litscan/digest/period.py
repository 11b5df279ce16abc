"""The digest's period: from the user's dates, a week or month, or where the topic's last digest ended.

A period is shown by its dates but read in the store's commit order (``CommitSpan``): it holds the
writes committed up to the moment the digest reads the store, and the next digest starts exactly
where the previous one stopped, so a record an import commits while a digest runs is in the next
digest, never in none. Dates the user gives select the writes stamped within them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..config import Topic
from ..errors import InputError
from ..store import TIMESTAMP_FORMAT, CommitSpan, Store, parse_timestamp

_PERIOD_DAYS = {"week": 7}


@dataclass(frozen=True)
class Period:
    start: str | None  # None: everything before ``end`` (a topic's first digest)
    end: str  # exclusive
    # The writes the period holds. Not part of its identity: the same dates read at another moment
    # are the same period. None: the writes stamped within the dates (``commits_of``).
    commits: CommitSpan | None = field(default=None, compare=False)


def parse_bound(text: str, *, end: bool = False, option: str = "date") -> str:
    """A user's date or timestamp as a store timestamp; a bare end date includes that whole day."""
    value = text.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = dt.date.fromisoformat(value) + dt.timedelta(days=1 if end else 0)
            moment = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
        else:
            moment = parse_timestamp(value)
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=dt.UTC)
    except ValueError:
        raise InputError(f"{option}: cannot read {text!r} as a date (use YYYY-MM-DD)") from None
    return moment.astimezone(dt.UTC).strftime(TIMESTAMP_FORMAT)


def period_start_for(end: str, period: str) -> str:
    """The start of a week or calendar-month period that ends at ``end``."""
    moment = parse_timestamp(end)
    if period in _PERIOD_DAYS:
        start = moment - dt.timedelta(days=_PERIOD_DAYS[period])
    elif period == "month":
        year, month = (moment.year, moment.month - 1) if moment.month > 1 else (moment.year - 1, 12)
        start = moment.replace(year=year, month=month, day=min(moment.day, 28))
    else:
        raise InputError(f"--period: {period!r} is not one of week, month")
    return start.strftime(TIMESTAMP_FORMAT)


def resolve_period(
    store: Store, topic: Topic, since: str | None, until: str | None, ran_at: str, period: str | None = None
) -> Period:
    """Explicit bounds win; otherwise the period starts where the topic's previous digest ended."""
    end = parse_bound(until, end=True, option="--until") if until else ran_at
    # the latest digest that ended by then, so a digest of an earlier period can still be asked for
    previous = next((d for d in store.digests(topic.name) if d["period_end"] <= end), None)
    if since:
        start: str | None = parse_bound(since, option="--since")
    elif period:
        start = period_start_for(end, period)
    else:
        start = previous["period_end"] if previous else None
    if start is not None and start >= end:
        raise InputError(f"digest period is empty: it starts {start} and ends {end}")
    after = None if start is None else store.commit_mark(before=start)
    if after is not None and previous is not None and previous["period_end"] >= start:
        # Writes the previous digest could not see yet (committed after it read the store, though
        # stamped before it ended) belong here.
        after = min(after, previous["seq_end"])
    return Period(start, end, CommitSpan(after, store.commit_mark(before=end)))


def commits_of(store: Store, period: Period) -> CommitSpan:
    """The writes ``period`` holds: those it was resolved with, else those stamped within its dates."""
    if period.commits is not None:
        return period.commits
    after = None if period.start is None else store.commit_mark(before=period.start)
    return CommitSpan(after, store.commit_mark(before=period.end))
