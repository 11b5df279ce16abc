"""Display labels and condition groups for the digest, in one place.

The topic's vocabulary file is the source of truth; when it cannot be
loaded, ``labels_for_topic`` falls back to the TAXONOMY labels below, so a
digest always renders (the tests also use them as fixed labels).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from ..config import Topic
from ..errors import LitscanError
from ..tagging.vocabulary import load_vocabulary

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
        """Evidence-map rows (and trend-chart series) in vocabulary order: each condition outside any
        group, and each group, which stands where its first member would."""
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
    "neuropathic": (
        "Neuropathic pain",
        (
            "trigeminal_neuralgia",
            "central_poststroke_pain",
            "spinal_cord_injury_pain",
            "phantom_limb_pain",
            "postherpetic_neuralgia",
            "diabetic_neuropathy",
            "chemotherapy_neuropathy",
            "neuropathic_pain",
        ),
    ),
}

FALLBACK = Labels(FALLBACK_CONDITIONS, FALLBACK_ROUTES, FALLBACK_DESIGNS, FALLBACK_GROUPS)


def labels_for_topic(topic: Topic) -> Labels:
    """Labels from the topic's vocabulary file, or the built-in TAXONOMY labels if it will not load."""
    try:
        vocab = load_vocabulary(topic.vocabulary_path)
    except LitscanError as exc:  # a vocabulary problem must not cost the reader the digest
        log.warning("digest: using built-in labels (%s)", exc)
        return FALLBACK
    groups = {gid: (group.label, group.members) for gid, group in vocab.groups.items() if group.members}
    return Labels(
        {cid: c.label for cid, c in vocab.conditions.items()},
        {rid: r.label for rid, r in vocab.routes.items()},
        {did: d.label for did, d in vocab.designs.items()},
        groups,
    )
