"""Tagging: on_topic, conditions, routes and design, each with its evidence.

PLACEHOLDER: a first keyword tagger so the pipeline runs end to end; the
tagging issue replaces the internals, keeping ``Tagger`` and its methods.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .config import Topic
from .models import Evidence, Record, Tags

_KETAMINE = re.compile(r"\b(?:es|ar|nor)?ketamine\b", re.I)
_CONDITIONS = {
    "crps": re.compile(r"complex regional pain|\bCRPS\b|reflex sympathetic dystrophy", re.I),
    "neuropathic_pain": re.compile(r"neuropathic pain", re.I),
    "fibromyalgia": re.compile(r"fibromyalgia", re.I),
    "cancer_pain": re.compile(r"cancer pain", re.I),
    "chronic_pain_general": re.compile(r"chronic pain", re.I),
}
_ROUTES = {
    "intravenous": re.compile(r"intravenous|\binfusion", re.I),
    "oral": re.compile(r"\boral\b", re.I),
    "intranasal": re.compile(r"intranasal|nasal spray", re.I),
}


class Tagger:
    """Labels records with one topic's vocabulary."""

    def __init__(self, vocabulary_path: Path) -> None:
        self.vocabulary_path = Path(vocabulary_path)
        self.fingerprint = hashlib.sha1(self.vocabulary_path.read_bytes()).hexdigest()[:12]

    @classmethod
    def for_topic(cls, topic: Topic) -> Tagger:
        return cls(topic.vocabulary_path)

    def __call__(self, record: Record) -> Tags:
        return self.tag(record)

    def tag(self, record: Record) -> Tags:
        text = f"{record.title or ''}\n{record.abstract or ''}"
        conditions = {}
        for cid, pattern in _CONDITIONS.items():
            m = pattern.search(text)
            if m:
                conditions[cid] = (Evidence("text", m.group(0), "keyword", m.start(), m.end()),)
        routes = {}
        for rid, pattern in _ROUTES.items():
            m = pattern.search(text)
            if m:
                routes[rid] = (Evidence("text", m.group(0), "keyword", m.start(), m.end()),)
        k = _KETAMINE.search(text)
        on_topic = bool(k and conditions)
        ptypes = " ".join(record.publication_type_names)
        design = "rct" if "Randomized Controlled Trial" in ptypes else (
            "systematic_review" if "Systematic Review" in ptypes or "Meta-Analysis" in ptypes else "other")
        return Tags(on_topic=on_topic, conditions=tuple(conditions), routes=tuple(routes), design=design,
                    condition_evidence=conditions, route_evidence=routes)
