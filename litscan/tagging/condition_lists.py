"""An aetiology list of a general population the title names.

"Topical ketamine in neuropathic pain syndromes ... patients with diabetic neuropathy, postherpetic neuralgia
or post-traumatic neuropathic pain": the title names the general row, and one sentence lists three or more
conditions under it. That is a mixed population, and its list adds no rows (TAXONOMY: an aetiology list
without results of its own adds nothing). A listed condition named anywhere else, the title included, keeps
its row: a subgroup with results of its own is named again where its results are.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Final, Protocol

from . import regex_programs
from .context import Context
from .document import Document, Hit
from .item_runs import item_runs
from .vocabulary import Vocabulary

# Between two items of one list: a comma, a slash or a conjunction, and at most two modifiers of the next
# item ("diabetic neuropathy, postherpetic neuralgia, or postsurgical/posttraumatic neuropathic pain").
_ITEM_GAP = regex_programs.compile(
    r"\s*(?:[,;/]\s*(?:(?:and|or|and/or)\s+)?|(?:and|or|and/or|as well as)\s+)(?:[\w-]+(?:/|\s+)){0,2}", re.IGNORECASE
)
_MIN_ITEMS: Final = 3
_SUBGROUP: Final = Context.SUBGROUP.value  # "by diagnosis (neuropathic pain, CRPS and fibromyalgia)": analysed


class Mentioned(Protocol):
    """A condition mention: its hit (None for a MeSH heading), and whether it is in the title."""

    @property
    def hit(self) -> Hit | None: ...

    @property
    def title(self) -> bool: ...


def only_in_a_list(doc: Document, v: Vocabulary, mentions: Mapping[str, Sequence[Mentioned]]) -> set[str]:
    """The specific conditions (of ``mentions``, by condition id; one a MeSH heading names is never dropped)
    named only as items of a list of a general population the title names."""
    if len(mentions) < 2:
        return set()  # one condition: no list to read
    titled = {cid for cid, found in mentions.items() if any(m.title for m in found)}
    if not any(v.rows_under[cid] for cid in titled):
        return set()  # the title names no general row (most records)
    hits = {cid: [m.hit for m in found if m.hit is not None] for cid, found in mentions.items()}
    hits = {cid: found for cid, found in hits.items() if len(found) == len(mentions[cid])}
    covered = {cid for g in titled for cid in v.rows_under[g]} - titled
    if not covered:
        return set()
    in_lists = _listed_hits(doc, hits)
    return {cid for cid in covered & hits.keys() if _all_listed(hits[cid], in_lists)}


def _all_listed(found: Sequence[Hit], in_lists: set[int]) -> bool:
    return bool(found) and all(id(h) in in_lists and not h.context & _SUBGROUP for h in found)


def _listed_hits(doc: Document, hits: Mapping[str, Sequence[Hit]]) -> set[int]:
    """The ids of the hits that are items of a list of three or more conditions in one sentence."""
    by_sentence: dict[int, list[Hit]] = {}
    for found in hits.values():
        for h in found:
            by_sentence.setdefault(h.sentence, []).append(h)
    text = doc.text
    listed: set[int] = set()
    for sentence_hits in by_sentence.values():
        if len(sentence_hits) < _MIN_ITEMS:
            continue
        runs = item_runs(text, sentence_hits, _ITEM_GAP)
        for run, items in runs:
            if items >= _MIN_ITEMS:
                listed.update(id(h) for h in run)
    return listed
