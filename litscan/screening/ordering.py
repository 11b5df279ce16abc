"""The order records are screened in: those most likely to be included first.

On-topic records before off-topic ones, then by the strength of the study design (systematic
reviews, then randomised trials, ... as the digest ranks them), a retracted paper after the others of
its design, then the newest publication first. Records NLM has withdrawn come last: they are listed
only so that every record counts somewhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from ..digest.cards import DESIGN_ORDER


class Rankable(Protocol):
    @property
    def pmid(self) -> str: ...
    @property
    def on_topic(self) -> bool: ...
    @property
    def design(self) -> str: ...
    @property
    def pub_date(self) -> str | None: ...
    @property
    def retracted(self) -> bool: ...
    @property
    def withdrawn(self) -> bool: ...


T = TypeVar("T", bound=Rankable)


def design_rank(design: str) -> int:
    return DESIGN_ORDER.index(design) if design in DESIGN_ORDER else len(DESIGN_ORDER)


def by_likely_inclusion(items: Iterable[T]) -> list[T]:
    """``items`` most likely included first (see the module's docstring); ties go to the higher PMID."""
    newest_first = sorted(items, key=lambda item: (item.pub_date or "", int(item.pmid)), reverse=True)
    return sorted(
        newest_first, key=lambda item: (item.withdrawn, not item.on_topic, design_rank(item.design), item.retracted)
    )
