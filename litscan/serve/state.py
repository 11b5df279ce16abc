"""What a request reaches: the app's settings (its store, topics, labels) and this request's store connection."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from flask import current_app, g

from ..config import Topic
from ..digest.labels import Labels
from ..store import Store

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class ServeSettings:
    """What the app serves: one store, its topics, who decides, and the host names it answers to."""

    db: Path
    topics: Sequence[Topic]
    reviewer: str | None = None  # None: the operating system's user
    trusted_hosts: Sequence[str] | None = LOOPBACK_NAMES  # None: any (a server bound to every address)


@dataclass(frozen=True)
class Served:
    """The settings as the views use them: topics by name, with their tag labels."""

    settings: ServeSettings
    topics: dict[str, Topic]
    labels: dict[str, Labels]


def served() -> Served:
    found: Served = current_app.extensions["litscan"]
    return found


def store() -> Store:
    """This request's store connection, opened on first use and closed when the request ends."""
    if "store" not in g:
        g.store = Store.open(served().settings.db)
    opened: Store = g.store
    return opened


def close_store(_: BaseException | None) -> None:
    opened = g.pop("store", None)
    if opened is not None:
        opened.close()
