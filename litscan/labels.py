"""Display labels and condition groups for the digest, in one place.

The topic's vocabulary file is the source of truth; ``labels_for_topic``
asks ``litscan.vocabulary`` for it when that module can load the file, and
falls back to the TAXONOMY ids below otherwise, so a digest always renders.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ConditionRow:
    """One row of the evidence map: a condition, or a group with its member conditions."""

    id: str
    label: str
    members: tuple[str, ...] = ()  # empty for a plain condition

    @property
    def is_group(self) -> bool:
        return bool(self.members)


@dataclass(frozen=True)
class Labels:
    """Everything the digest needs to name tags: labels, their order and the groups."""

    conditions: dict[str, str]
    routes: dict[str, str]
    designs: dict[str, str]
    groups: dict[str, tuple[str, tuple[str, ...]]]  # group id -> (label, member condition ids)

    def condition(self, cid: str) -> str:
        return self.conditions.get(cid) or self.groups.get(cid, (cid, ()))[0]

    def route(self, rid: str) -> str:
        return self.routes.get(rid, rid)

    def design(self, did: str) -> str:
        return self.designs.get(did, did)

    def group_of(self, cid: str) -> str | None:
        for gid, (_, members) in self.groups.items():
            if cid in members:
                return gid
        return None

    def rows(self) -> list[ConditionRow]:
        """Evidence-map rows in vocabulary order; a group row stands where its first member would."""
        rows: list[ConditionRow] = []
        placed: set[str] = set()
        for cid, label in self.conditions.items():
            gid = self.group_of(cid)
            if gid is None:
                rows.append(ConditionRow(cid, label))
            elif gid not in placed:
                placed.add(gid)
                glabel, members = self.groups[gid]
                rows.append(ConditionRow(gid, glabel, members))
        return rows

    def series(self) -> list[ConditionRow]:
        """Trend-chart series: each group, and each condition outside any group."""
        return self.rows()


FALLBACK_CONDITIONS: dict[str, str] = {
    "crps": "CRPS",
    "trigeminal_neuralgia": "Trigeminal neuralgia",
    "central_poststroke_pain": "Central post-stroke pain",
    "spinal_cord_injury_pain": "Spinal cord injury pain",
    "phantom_limb_pain": "Phantom limb pain",
    "postherpetic_neuralgia": "Postherpetic neuralgia",
    "diabetic_neuropathy": "Diabetic neuropathy",
    "chemotherapy_neuropathy": "Chemotherapy-induced neuropathy",
    "neuropathic_pain": "Neuropathic pain, other",
    "fibromyalgia": "Fibromyalgia",
    "cancer_pain": "Cancer pain",
    "headache": "Headache and migraine",
    "low_back_pain": "Low back pain",
    "chronic_postsurgical_pain": "Chronic post-surgical pain",
    "chronic_pain_general": "Chronic pain, general",
}

FALLBACK_ROUTES: dict[str, str] = {
    "intravenous": "Intravenous",
    "intramuscular": "Intramuscular",
    "subcutaneous": "Subcutaneous",
    "intranasal": "Intranasal",
    "oral": "Oral",
    "sublingual_buccal": "Sublingual/buccal",
    "topical": "Topical",
    "neuraxial": "Neuraxial",
    "inhaled": "Inhaled",
}

FALLBACK_DESIGNS: dict[str, str] = {
    "systematic_review": "Systematic review",
    "rct": "RCT",
    "nonrandomized_trial": "Non-randomised trial",
    "observational": "Observational",
    "case_report": "Case report",
    "preclinical": "Preclinical",
    "guideline": "Guideline",
    "protocol": "Protocol",
    "review": "Review",
    "other": "Other",
}

FALLBACK_GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "neuropathic": ("Neuropathic pain", (
        "trigeminal_neuralgia", "central_poststroke_pain", "spinal_cord_injury_pain", "phantom_limb_pain",
        "postherpetic_neuralgia", "diabetic_neuropathy", "chemotherapy_neuropathy", "neuropathic_pain")),
}

FALLBACK = Labels(FALLBACK_CONDITIONS, FALLBACK_ROUTES, FALLBACK_DESIGNS, FALLBACK_GROUPS)


def labels_for_topic(topic: Any) -> Labels:
    """Labels from the topic's vocabulary file, or the built-in TAXONOMY labels."""
    try:
        from . import vocabulary  # written in parallel; absent in older checkouts
    except ImportError:
        return FALLBACK
    if not hasattr(vocabulary, "load_vocabulary"):
        return FALLBACK
    try:
        return _from_vocabulary(vocabulary, topic)
    except Exception as exc:  # a vocabulary problem must not cost the reader the digest
        log.warning("digest: using built-in labels (%s)", exc)
        return FALLBACK


def _from_vocabulary(vocabulary: Any, topic: Any) -> Labels:
    """Labels from ``vocabulary.load_vocabulary``: dicts of entries with ``label`` (and ``members``)."""
    vocab = vocabulary.load_vocabulary(topic.vocabulary_path)

    def table(entries: Any, fallback: dict[str, str]) -> dict[str, str]:
        if not entries:
            return fallback
        return {str(key): str(getattr(entry, "label", None) or fallback.get(key) or key)
                for key, entry in entries.items()}

    groups = {str(gid): (str(group.label), tuple(group.members))
              for gid, group in (getattr(vocab, "groups", None) or {}).items() if group.members}
    return Labels(table(vocab.conditions, FALLBACK_CONDITIONS), table(vocab.routes, FALLBACK_ROUTES),
                  table(vocab.designs, FALLBACK_DESIGNS), groups or FALLBACK_GROUPS)
