"""Fewer, better alerts: which of a period's records the digest page and the e-mail list under the topic's
limits (``[digest]``/``[email]``: on topic only, some designs only, awaiting screening only), and how many
they leave out, said in words."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from ..config import AlertLimits, Topic
from ..errors import ConfigError
from ..store import RecordFilter, Store


def limited(filters: RecordFilter, limits: AlertLimits, topic: str) -> RecordFilter:
    """``filters`` narrowed by ``limits`` (designs the filter already asks for are narrowed, not widened)."""
    designs = tuple(filters.designs)
    if limits.designs:
        designs = tuple(d for d in designs if d in limits.designs) if designs else limits.designs
        designs = designs or ("",)  # the two lists share no design: no record has the empty one
    return dataclasses.replace(
        filters,
        on_topic=True if limits.on_topic else filters.on_topic,
        designs=designs,
        undecided_in=topic if limits.awaiting_screening else filters.undecided_in,
    )


def check_limits(topic: Topic, designs: Mapping[str, str]) -> None:
    """Refuse limits naming designs the topic's vocabulary does not have (``designs``: id -> label)."""
    for table, limits in (("digest", topic.digest.limits), ("email", topic.email.limits)):
        unknown = [d for d in limits.designs if d not in designs]
        if unknown:
            raise ConfigError(
                f"unknown design id {unknown[0]!r} (designs: {', '.join(designs)})",
                path=str(topic.path) if topic.path else None,
                where=f"{table}.only_designs",
            )


def describe(limits: AlertLimits, designs: Mapping[str, str]) -> str:
    """The limits in words: "on-topic records awaiting screening (systematic review, randomised trial)"."""
    text = ("on-topic " if limits.on_topic else "") + "records"
    text += " awaiting screening" if limits.awaiting_screening else ""
    if limits.designs:
        text += f" ({', '.join(designs.get(d, d).lower() for d in limits.designs)})"
    return text


@dataclass(frozen=True)
class Selection:
    """What an alert lists of a period under its limits."""

    limits: AlertLimits
    described: str  # the limits in words
    listed: int
    left_out: int

    @property
    def limited(self) -> bool:
        return self.limits.any


def select(
    store: Store, period: RecordFilter, limits: AlertLimits, topic: str, designs: Mapping[str, str]
) -> Selection:
    """How many of the period's records (``period``) an alert with ``limits`` lists, and leaves out."""
    everything = store.count(period)
    listed = store.count(limited(period, limits, topic)) if limits.any else everything
    return Selection(limits, describe(limits, designs), listed, everything - listed)
