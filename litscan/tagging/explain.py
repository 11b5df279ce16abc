"""Why a record got its tags, in words a clinician can check against the abstract.

``explain_tags`` turns a record and its ``Tags`` into text (or, with
``explanation``, plain data for JSON); ``explain_pmid`` looks the record up in
a store, re-tagging it with the topic's current vocabulary when asked. Each tag's
evidence comes decisive first (the tagger orders it so): the text marks that piece
"decided by", the data repeats it as ``decided_by``.
"""

from __future__ import annotations

import textwrap
from typing import Any

from ..errors import InputError
from ..models import Evidence, Record, Tags
from ..store import Store


def explanation(record: Record, tags: Tags, labels: Any = None) -> dict[str, Any]:
    """Structured explanation: each tag with its label and evidence."""

    def name(kind: str, ident: str) -> str:
        if labels is None:
            return ident
        table = {"condition": labels.conditions, "route": labels.routes, "design": labels.designs}[kind]
        return f"{table[ident].label} ({ident})" if ident in table else ident

    return {
        "pmid": record.pmid,
        "title": record.title,
        "on_topic": {"value": tags.on_topic, **_evidence_data(tags.on_topic_evidence)},
        "design": {"value": tags.design, "label": name("design", tags.design), **_evidence_data(tags.design_evidence)},
        "conditions": [
            {"value": c, "label": name("condition", c), **_evidence_data(tags.condition_evidence.get(c, ()))}
            for c in tags.conditions
        ],
        "routes": [
            {"value": r, "label": name("route", r), **_evidence_data(tags.route_evidence.get(r, ()))}
            for r in tags.routes
        ],
    }


def _evidence_data(evidence: tuple[Evidence, ...]) -> dict[str, Any]:
    """The evidence of one tag, and the piece that decided it (the first)."""
    pieces = [e.as_dict() for e in evidence]
    return {"decided_by": pieces[0] if pieces else None, "evidence": pieces}


def explain_tags(record: Record, tags: Tags, labels: Any = None, width: int = 100) -> str:
    """The explanation as readable text."""
    data = explanation(record, tags, labels)
    lines = [f"PMID {record.pmid}: {record.title or '(no title)'}", ""]
    lines.append(f"On topic: {'yes' if tags.on_topic else 'no'}")
    lines += _evidence_lines(tags.on_topic_evidence, width)
    lines.append(f"Design: {data['design']['label']}")
    lines += _evidence_lines(tags.design_evidence, width)
    lines.append("Conditions: " + (", ".join(c["label"] for c in data["conditions"]) or "none"))
    for c in data["conditions"]:
        lines.append(f"  {c['label']}")
        lines += _evidence_lines(tags.condition_evidence.get(c["value"], ()), width, indent=4)
    lines.append("Routes: " + (", ".join(r["label"] for r in data["routes"]) or "none stated"))
    for r in data["routes"]:
        lines.append(f"  {r['label']}")
        lines += _evidence_lines(tags.route_evidence.get(r["value"], ()), width, indent=4)
    return "\n".join(lines)


def _evidence_lines(evidence: tuple[Evidence, ...] | list[Evidence], width: int, indent: int = 2) -> list[str]:
    pad = " " * indent
    out = []
    for i, e in enumerate(evidence):
        out.append(f"{pad}- {'decided by: ' if i == 0 else 'also: '}{e.reason} [{e.field}]")
        if e.text:
            quoted = textwrap.fill(
                f'"{e.text}"', width=width, initial_indent=pad + "    ", subsequent_indent=pad + "    "
            )
            out.append(quoted)
    return out


def explain_pmid(
    store: Store, pmid: str, *, tagger: Any = None, labels: Any = None, as_data: bool = False
) -> str | dict[str, Any]:
    """Explain one stored record's tags; with ``tagger``, as that tagger would tag it now."""
    stored = store.get(str(pmid).strip())
    if stored is None:
        raise InputError(f"PMID {pmid} is not in the store", path=str(store.path))
    tags = tagger(stored.record) if tagger is not None else stored.tags
    if as_data:
        return explanation(stored.record, tags, labels)
    return explain_tags(stored.record, tags, labels)
