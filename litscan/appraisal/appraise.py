"""One record appraised: its key finding, sample size and trial markers, for the digest and the exports."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Record, Tags
from .key_finding import KeyFinding, key_finding
from .phrases import Phrases, load_phrases
from .sample_size import SampleSize, sample_size
from .sentences import sentences_of
from .trial_markers import trial_markers

# Raised whenever a change to the rules in code changes what appraise() returns.
RULES_VERSION = 1


def fingerprint(phrases: Phrases | None = None) -> str:
    """Names the rules an appraisal was made with (code and phrases), for a store to know a stale one."""
    return f"{RULES_VERSION}:{(phrases or load_phrases()).fingerprint}"


@dataclass(frozen=True)
class Appraisal:
    """What a record found and how strong the study behind it is."""

    key_finding: KeyFinding | None
    sample_size: SampleSize | None
    markers: tuple[str, ...]


# The last appraisal, by the identity of what it was asked about: a record that two stages read in turn
# (the digest's card, then its CSV row) is appraised once.
_last: tuple[Record, Tags | None, Phrases, Appraisal] | None = None


def appraise(record: Record, tags: Tags | None = None, *, phrases: Phrases | None = None) -> Appraisal:
    """Appraise one record; ``tags`` (its design) sharpen every part but may be left out."""
    global _last
    phrases = phrases or load_phrases()
    last = _last
    if last is not None and last[0] is record and last[1] is tags and last[2] is phrases:
        return last[3]
    design = tags.design if tags is not None else None
    sentences = sentences_of(record)
    appraisal = Appraisal(
        key_finding=key_finding(record, design, phrases, sentences=sentences),
        sample_size=sample_size(record, design, sentences=sentences),
        markers=trial_markers(record, design, phrases, sentences=sentences),
    )
    _last = (record, tags, phrases, appraisal)
    return appraisal
