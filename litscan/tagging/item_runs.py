"""Runs of items listed in one sentence: "morphine, hydromorphone, clonidine, ketamine", "diabetic neuropathy,
postherpetic neuralgia or post-traumatic neuropathic pain". Read by ``condition_lists`` (an aetiology list) and
``on_topic`` (a catalogue of drugs); what may stand between two items is the caller's ``gap``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import regex_programs
from .document import Hit

_WORD_END = regex_programs.compile(r"\w*")


def item_runs(text: str, hits: Iterable[Hit], gap: re.Pattern[str]) -> list[tuple[list[Hit], int]]:
    """The hits in runs, each with its number of items. A hit inside the last item, or right after it with
    only spaces between ("neuralgia" of "postherpetic neuralgia"), is that item still; one after a ``gap``
    is the next item; any other starts a new run."""
    runs: list[tuple[list[Hit], int]] = []
    end = -1
    for h in sorted(hits, key=lambda h: (h.start, -h.end)):
        if runs and (h.start < end or not text[end : h.start].strip()):
            runs[-1][0].append(h)
        elif runs and gap.fullmatch(text, end, h.start):
            runs[-1] = ([*runs[-1][0], h], runs[-1][1] + 1)
        else:
            runs.append(([h], 1))
        word = _WORD_END.match(text, h.end)  # a stem's hit ends inside its word ("neuralgi")
        end = max(end, word.end() if word else h.end)
    return runs
