"""The role of each part of an abstract: background, objective, methods, results, conclusions, or a trailer.

A section's role comes from what PubMed gives (``AbstractSection.label`` and its NLM category); an
unlabelled section is split where the text itself carries a heading ("… pain. Conclusions: Ketamine …",
"… RESULTS Two hundred …"). Trailers (trial registration, funding, level of evidence) are kept apart so
nothing reads them as a result. Every label pattern lives here, so the reading can move to
``litscan.pubmed`` in one piece.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..models import Record

Role = Literal["background", "objective", "methods", "results", "conclusions", "trailer", "unlabelled"]

_CATEGORY_ROLE: dict[str, Role] = {
    "BACKGROUND": "background",
    "OBJECTIVE": "objective",
    "METHODS": "methods",
    "RESULTS": "results",
    "CONCLUSIONS": "conclusions",
}

# First match wins: a trailer before anything else ("Trial registration" is not a method), outcome
# *measures* are methods, "Methods and results" holds results.
_LABEL_PATTERNS: tuple[tuple[Role, str], ...] = (
    (
        "trailer",
        r"regist|funding|sponsor|conflicts?\b|disclos|level of evidence|evidence level|key ?words|"
        r"prospero|clinicaltrials|acknowledg|ethic|grant|competing interest|role of the funder",
    ),
    # "Measurements and main results" holds results; a case report's outcome is told in its case presentation.
    ("results", r"results?\b|findings|what did we find|what we found|\bcases?\b(?! selection)|patient case"),
    ("methods", r"outcome measure|main outcome|measurements?\b"),
    (
        "conclusions",
        r"conclu|interpretation|implication|discussion|summary|significance|perspective|key (?:message|point)|"
        r"take[- ]home|bottom line|comment|relevance|what this (?:study|paper) adds",
    ),
    ("objective", r"objective|aims?\b|purpose|goals?\b|hypothes|question"),
    ("background", r"background|introduction|context|rationale|importance|what is (?:known|the issue)"),
    (
        "methods",
        r"method|design|setting|patient|participant|intervention|material|subject|case|selection|source|"
        r"search|extraction|eligib|population|procedure|sample|what did we do|analysis|animals",
    ),
)
_LABEL_ROLES = tuple((role, re.compile(pattern, re.IGNORECASE)) for role, pattern in _LABEL_PATTERNS)

_HEADING_WORDS = (
    r"background(?: and (?:aims?|objectives?|purpose))?|introduction|context|objectives?|aims?|purpose|"
    r"(?:materials?|patients?|subjects?|participants?) and methods|methods?(?: and (?:materials|results))?|"
    r"design|setting|participants|interventions?|(?:main )?outcome measures?|results?|findings|"
    r"conclusions?|discussion|interpretation|(?:clinical )?trial registration|registration|funding"
)
# Headings without a colon ("… Results At 1 month …") only for the common words, followed by a capital.
_BARE_HEADING_WORDS = (
    r"background|objectives?|aims?|(?:materials?|patients?|subjects?|participants?) and methods|methods|results|"
    r"findings|conclusions?|discussion|interpretation"
)
# The stems of the bare headings, in both cases: text holding none of them (nor a colon) has no heading.
_BARE_HEADING_STARTS = tuple(
    form
    for stem in (
        "Background",
        "Objective",
        "Aim",
        "Method",
        "Result",
        "Finding",
        "Conclusion",
        "Discussion",
        "Interpret",
    )
    for form in (stem, stem.upper())
)
_INLINE_HEADING = re.compile(
    r"(?:^|(?<=[.!?)\]])\s+)"
    rf"(?=[A-Z])((?i:{_HEADING_WORDS}))\s*:\s*"
    r"|(?:^|(?<=[.!?)\]])\s+)"
    rf"(?=[A-Z])((?i:{_BARE_HEADING_WORDS}))(?:\.\s+|\s+)(?=[A-Z0-9])"
)


@dataclass
class Passage:
    """A run of abstract text with one role; ``label`` is the heading as the record writes it."""

    role: Role
    text: str
    label: str | None = None


def role_of_label(label: str | None, category: str | None = None) -> Role:
    """The role a section heading gives its text; its NLM category where the heading says nothing known."""
    if label:
        for role, pattern in _LABEL_ROLES:
            if pattern.search(label):
                return role
    if category and category.upper() in _CATEGORY_ROLE:
        return _CATEGORY_ROLE[category.upper()]
    return "unlabelled"


def split_inline(text: str, role: Role, label: str | None) -> list[Passage]:
    """One section's text cut where it carries headings of its own."""
    if ":" not in text and not any(stem in text for stem in _BARE_HEADING_STARTS):
        return [Passage(role, text.strip(), label)]  # the common case, found without the expression
    marks = list(_INLINE_HEADING.finditer(text))
    if not marks:
        return [Passage(role, text.strip(), label)]
    out: list[Passage] = []
    head = text[: marks[0].start()].strip()
    if head:
        out.append(Passage(role, head, label))
    for i, mark in enumerate(marks):
        heading = mark.group(1) or mark.group(2)
        stop = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        body = text[mark.end() : stop].strip()
        if body:
            out.append(Passage(role_of_label(heading), body, heading))
    return out


def passages(record: Record) -> list[Passage]:
    """The record's abstract as passages in reading order, each with its role."""
    out: list[Passage] = []
    for section in record.abstract_sections:
        if section.text and section.text.strip():
            out.extend(split_inline(section.text, role_of_label(section.label, section.category), section.label))
    return out
