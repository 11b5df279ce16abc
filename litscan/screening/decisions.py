"""Making screening decisions: what a decision may say (include, exclude with one of the topic's reasons,
maybe), checking it, and recording it for a set of a topic's records, all of them or none.

A decision is added, never written over: the record's earlier decisions stay as its trail, and the
latest one counts. Deciding a record again (the same way or not) is also how a reviewer clears its
"changed since screened" flag.
"""

from __future__ import annotations

import getpass
from collections.abc import Sequence
from dataclasses import dataclass

from ..config import NO_REASON, Topic
from ..errors import InputError
from ..pubmed.pmid import is_pmid, not_a_pmid
from ..store import NewDecision, RecordFilter, Store, utc_now
from .revision import screened_hash

DECISIONS = ("include", "exclude", "maybe")
NOTE_MAX = 4000  # characters: a note is a remark, not a document


@dataclass(frozen=True)
class Choice:
    """What a reviewer decides of a record: the decision, an exclusion reason, a note."""

    decision: str
    reason: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Planned:
    """One decision to record: which record, the choice, and who made it when (None: the caller's defaults)."""

    pmid: str
    choice: Choice
    by: str | None = None
    at: str | None = None


def choice_from_options(include: bool, exclude: str | None, maybe: bool, note: str | None) -> Choice:
    """The choice the command line asked for: exactly one of --include, --exclude REASON, --maybe."""
    given = [
        name for name, on in (("--include", include), ("--exclude", exclude is not None), ("--maybe", maybe)) if on
    ]
    if len(given) != 1:
        asked = " and ".join(given) if given else "none"
        raise InputError(f"give exactly one of --include, --exclude REASON, --maybe (got {asked})")
    if exclude is not None and not exclude.strip():
        raise InputError("--exclude needs a reason (one of the topic's [screening.reasons])")
    decision = "include" if include else "exclude" if exclude is not None else "maybe"
    return Choice(decision, exclude, note)


def check_choice(topic: Topic, choice: Choice, where: str | None = None, path: str | None = None) -> Choice:
    """The choice, checked against the topic (its reasons), its note trimmed; an InputError naming ``where``."""
    if choice.decision not in DECISIONS:
        raise InputError(
            f"decision {choice.decision[:40]!r} is not one of {', '.join(DECISIONS)}", path=path, where=where
        )
    reason = choice.reason.strip() if choice.reason else None
    if reason and choice.decision != "exclude":
        raise InputError(
            f"a reason ({reason[:40]!r}) goes only with exclude, not {choice.decision}", path=path, where=where
        )
    reasons = topic.screening.reasons
    if reason is not None and reason not in reasons:
        known = ", ".join(reasons) if reasons else f"none: add [screening.reasons] to {topic.path or 'the topic file'}"
        raise InputError(
            f"{reason[:40]!r} is not an exclusion reason of topic {topic.name} (reasons: {known})",
            path=path,
            where=where,
        )
    note = " ".join(choice.note.split()) if choice.note else None
    if note and len(note) > NOTE_MAX:
        raise InputError(f"the note is {len(note)} characters long (at most {NOTE_MAX})", path=path, where=where)
    return Choice(choice.decision, reason, note or None)


def default_reviewer() -> str:
    """Who decides when no one is named: the operating system's user."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name and no passwd entry (some containers)
        return "unknown"


def decide(
    store: Store,
    topic: Topic,
    pmids: Sequence[str],
    choice: Choice,
    *,
    by: str | None = None,
    at: str | None = None,
    source: str = "cli",
) -> list[int]:
    """Record one choice for each of ``pmids`` (records of ``topic``): all of them, or, on any bad input, none.

    Returns the new decisions' ids. An unknown PMID, a record outside the topic or a reason not in
    the topic's list is an ``InputError`` and nothing is recorded.
    """
    if not pmids:
        raise InputError("no PMID given")
    choice = check_choice(topic, choice)
    return record(store, topic, [Planned(pmid, choice) for pmid in pmids], by=by, at=at, source=source)


def record(
    store: Store,
    topic: Topic,
    planned: Sequence[Planned],
    *,
    by: str | None = None,
    at: str | None = None,
    source: str,
) -> list[int]:
    """Record checked choices in one transaction; each record's content is read inside it, so the
    hashes stored say exactly which version was judged."""
    for item in planned:
        if not is_pmid(item.pmid):
            raise InputError(not_a_pmid(item.pmid))
    by = _reviewer(by)
    at = at or utc_now()
    with store.transaction():
        found = {
            item.pmid: item
            for item in store.query(
                RecordFilter(topic=topic.name, pmids=[p.pmid for p in planned], include_deleted=True)
            )
        }
        missing = [p.pmid for p in planned if p.pmid not in found]
        if missing:
            raise InputError(_missing(store, topic, missing))
        rows = [
            NewDecision(
                topic=topic.name,
                pmid=int(item.pmid),
                decision=item.choice.decision,
                reason=item.choice.reason,
                note=item.choice.note,
                by=_reviewer(item.by) if item.by else by,
                at=item.at or at,
                source=source,
                screened_hash=screened_hash(found[item.pmid].record),
            )
            for item in planned
        ]
        return store.add_decisions(rows)


def _reviewer(name: str | None) -> str:
    name = " ".join((name or "").split())
    if len(name) > 200:
        raise InputError(f"reviewer name {name[:40]!r}... is longer than 200 characters")
    return name or default_reviewer()


def _missing(store: Store, topic: Topic, missing: list[str]) -> str:
    """Why these PMIDs cannot be decided in the topic: not stored at all, or stored for other topics."""
    stored = {item.pmid for item in store.query(RecordFilter(pmids=missing, include_deleted=True))}
    unknown = [p for p in missing if p not in stored]
    if unknown:
        shown = ", ".join(unknown[:5]) + (", ..." if len(unknown) > 5 else "")
        return f"PMID {shown} not in the store; nothing recorded"
    shown = ", ".join(missing[:5]) + (", ..." if len(missing) > 5 else "")
    return f"PMID {shown} not a record of topic {topic.name}; nothing recorded"


def reason_key(reason: str | None) -> str:
    """How an exclusion reason is counted: its id, or ``unspecified`` for one given without."""
    return reason or NO_REASON
