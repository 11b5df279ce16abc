"""Abstract sections: the NLM category a section label names, and the labels inside one-piece abstracts.

PubMed XML gives a structured abstract as labelled sections, most with NLM's category (BACKGROUND,
OBJECTIVE, METHODS, RESULTS, CONCLUSIONS; UNASSIGNED where NLM has none). Where the category is
missing or unassigned (MEDLINE text has none, nor has an abstract typed as one text), the label's
words say it: ``category_of("MATERIALS AND METHODS")`` is METHODS. MEDLINE text and typed abstracts
also hold their labels inline ("BACKGROUND: ... METHODS: ..."): ``split_labelled`` cuts them there.
Every reader of labels (the tagger's section roles, the MEDLINE reader, the gold-file writer, the
digest's conclusion) asks this module.
"""

from __future__ import annotations

import enum
import re
from functools import lru_cache

from litscan.pubmed.xml_text import normalize


class Category(enum.StrEnum):
    """NLM's abstract section categories (the ``NlmCategory`` attribute of ``AbstractText``)."""

    BACKGROUND = "BACKGROUND"
    OBJECTIVE = "OBJECTIVE"
    METHODS = "METHODS"
    RESULTS = "RESULTS"
    CONCLUSIONS = "CONCLUSIONS"
    UNASSIGNED = "UNASSIGNED"


# The words of each category, searched in a lower-cased label in this order: the first that matches
# decides ("BACKGROUND AND AIMS" is background, "MEASUREMENTS AND MAIN RESULTS" methods).
_WORDS = (
    (
        Category.BACKGROUND,
        re.compile(
            r"background|introduction|context|rationale|importance|^aims? and background|"
            r"introducci|introdu[cç]|antecedente|fundamento|justificativa"
        ),
    ),
    # "Areas covered" (a review journal's): what the review sets out to cover
    (Category.OBJECTIVE, re.compile(r"objective|aim|purpose|goal|question|hypothes|objetivo|areas covered")),
    # Labels whose words would read as methods: a review's synthesis and a case's observations are
    # its findings; a lay summary or take-home message is its conclusion.
    (Category.RESULTS, re.compile(r"synthesis|^observations?$")),
    (
        Category.CONCLUSIONS,
        re.compile(
            r"take[- ]home|key messages?|key points|highlights|expert opinion|lessons|bottom line|"
            r"(?:patient|lay|plain language) summary"
        ),
    ),
    (
        Category.METHODS,
        re.compile(
            r"method|m[ée]todo|design|setting|patient|participant|intervention|measure|case|caso|material|subject|"
            r"procedure|search|selection|eligib|acquisition|extraction|data|source|population|report|sample|approach|"
            r"exposure|statistic|inclusion|criteria|presentation|"
            # what a trial measures (a registration's or a protocol's "Primary outcome:"), not its findings
            r"(?:primary|secondary|main) outcome"
        ),
    ),
    (Category.RESULTS, re.compile(r"result|finding|outcome")),
    (
        Category.CONCLUSIONS,
        re.compile(r"conclu|discussion|discusi|interpretation|implication|significance|summary|perspective|comment"),
    ),
)


@lru_cache(maxsize=4096)
def category_of(label: str | None) -> Category | None:
    """The category a label's words name; None when they name none (or name NLM's UNASSIGNED)."""
    if not label:
        return None
    lowered = label.lower()
    if lowered == "unassigned":
        return None
    for category, words in _WORDS:
        if words.search(lowered):
            return category
    return None


def section_category(label: str | None, category: str | None) -> Category | None:
    """A section's category: NLM's where it gives one, else what its label's words name."""
    return category_of(category) or category_of(label)


# Sections after the findings that are no part of them.
_BACK_MATTER = re.compile(
    r"registration|funding|level of evidence|trial registry|prospero|ethics and dissemination|"
    r"strengths and limitations",
    re.IGNORECASE,
)


def is_back_matter(label: str | None) -> bool:
    """A section that follows the findings without being one: trial registration, funding, level of evidence."""
    return label is not None and _BACK_MATTER.search(label) is not None


# --- labels inside an abstract written as one text --------------------------------------------------

# "Background: ...", "Methods\n..." at the start of a line (a doubled colon is a typing slip).
_LINE_LABEL = re.compile(r"^\s*([A-Z][A-Za-z/&,' -]{1,48}?)\s*(?::+\s*|\n)", re.MULTILINE)
# "BACKGROUND: ..." at the start, after a sentence or at a line start; a web page's copy may lose the space
# after the colon ("METHODS:Three doses ..."), as with the labels below.
# Capitals may be accented ("MÉTODOS:", "JUSTIFICATIVA E OBJETIVOS:").
_CAPITAL = "A-ZÀ-ÖØ-Ý"
_INLINE_LABEL = re.compile(
    rf"(?:(?<=^)|(?<=[.?!)\]]\s)|(?<=\n))([{_CAPITAL}][{_CAPITAL}/&,' -]{{2,48}}[{_CAPITAL}]):(?:\s|(?=[{_CAPITAL}]))"
)
# Any words in capitals there: "AVAILABILITY:", "MAIN MEASURES:", "CASE 2:" are labels whatever they say.
_CAPITALS_LABEL = re.compile(r"(?:(?<=^)|(?<=[.?!)\]]\s)|(?<=\n))([A-Z][A-Z0-9]{2,}(?:[ ,&/-]+[A-Z0-9]+)*):\s")
# "Results: ..." after a sentence; a web page's copy may lose the space after the colon ("Methods:A liquid ...")
# or put one before it ("Results : Chronic constriction ..."). Letters may be accented ("Material y métodos:").
_INLINE_MIXED_LABEL = re.compile(
    r"(?<=[.?!)\]]\s)([A-Z][^\W\dA-Z_]+(?:(?: &)?[ /](?:[^\W\d_]|')+){0,3}) ?:(?:\s|(?=[A-Z]))"
)
# The words a label starts with: a capitalised word before a colon is a label only when it is one of these.
_LABEL_WORDS = re.compile(
    r"^(?:background|introduction|context|rationale|importance|aims?|objectives?|purpose|goals?|"
    r"hypothesis|design|setting|methods?|materials|patients|participants|subjects|interventions?|"
    r"measurements?|main outcome|outcomes?|results?|findings|recent findings|conclusions?|discussion|"
    r"interpretation|implications?|significance|summary|perspective|limitations|case|case reports?|"
    r"case presentation|case description|trial registration|registration|evidence|data sources|"
    r"study selection|data extraction|review methods|search methods|selection criteria|"
    r"data collection|main results|authors'? conclusions|clinical relevance|level of evidence|"
    r"purpose of review|objectives? and methods?|methods? and results?|methods?/design|"
    r"materials? and methods?|(?:patients|participants|subjects) and methods|aims? and objectives?|"
    r"background and objectives?|background and aims?|background and purpose|study design|"
    r"experimental design|animals|key results|what is known|what is new|funding|ethics|"
    r"methods and analysis|"
    # the other labels journals print ("Methodology:", "Study population:", "Areas covered:", "Expert opinion:")
    r"methodolog(?:y|ies)|study (?:objectives?|aims?|population|participants|sample)|population|sample|"
    r"procedures?|approach|exposures?|main outcomes?|primary outcomes?|secondary outcomes?|statistical analysis|"
    r"data (?:analysis|synthesis)|evidence (?:acquisition|synthesis|review)|eligibility criteria|inclusion criteria|"
    r"search strategy|areas covered|expert (?:opinion|commentary)|key points|highlights|summary of background data|"
    r"clinical (?:presentation|implications|significance)|practical implications|presentation of case|"
    r"case (?:summary|series)|observations?|lessons(?: learned| learnt)?|ethics and dissemination|"
    r"strengths and limitations|trial design|"
    # in Spanish and Portuguese
    r"objetivos?|m[ée]todos?|resultados?|conclusi[oó]n(?:es)?|conclus[aã]o|conclus[oõ]es|introducci[oó]n|introdu[cç][aã]o|"
    r"antecedentes|fundamentos?|justificativa(?: e objetivos)?|materiale?s? [ye] m[ée]todos|discusi[oó]n|discuss[aã]o|"
    r"relato do caso|caso cl[ií]nico)\b",
    re.IGNORECASE,
)


def split_labelled(abstract: str | None) -> list[tuple[str | None, str]]:
    """An abstract written as one text, as (label, text) sections, cut where it has section labels.

    Text before the first label is a section without one; an abstract without labels is one section.
    Runs of space, tab and line ends inside each section become one space (a publisher's no-break
    or thin space is kept, as the XML reader keeps it).
    """
    if not abstract or not abstract.strip():
        return []
    marks = label_marks(abstract)
    if not marks:
        return [(None, normalize(abstract) or "")]
    sections: list[tuple[str | None, str]] = []
    for _, body, stop, label in labelled_parts(abstract, marks):
        text = normalize(abstract[body:stop])
        if text:
            sections.append((label, text))
    return sections


def labelled_parts(abstract: str, marks: list[tuple[int, int, str]]) -> list[tuple[int, int, int, str | None]]:
    """(start, text start, end, label) of each part of ``abstract`` its label ``marks`` cut it into: a part
    runs from its label to the next; text before the first label is a part without one."""
    parts: list[tuple[int, int, int, str | None]] = [(0, 0, marks[0][0], None)] if marks[0][0] else []
    for i, (start, end, label) in enumerate(marks):
        parts.append((start, end, marks[i + 1][0] if i + 1 < len(marks) else len(abstract), label))
    return parts


# The headings a label without a colon may be: the commonest, which a capitalised word or a number follows.
_HEADINGS = (
    r"background(?: and (?:objectives?|aims?|purpose))?|introduction|objectives?|aims?|purpose|"
    r"(?:materials?|patients|participants|subjects) and methods?|methods? and materials?|methods?|results|findings|"
    r"conclusions?|"
    r"interpretation|"
    # a review journal's: "Purpose of Review ... Recent Findings ... Summary ..."
    r"purpose of (?:this |the )?review|recent findings|summary"
)
# A heading without a colon, as a web page or a PDF leaves it: "Background and Objectives Ketamine is ...
# Methods Twenty-four volunteers ...".
_BARE_LABEL = re.compile(rf"(?:(?<=^)|(?<=[.?!)\]]\s))((?i:{_HEADINGS}))\s(?=[A-Z0-9])")
_BARE_BODY = re.compile(r"(?i:methods?|results|conclusions?|recent findings)")
# A heading closed by a full stop, as some journals print them: "Objective. The NMDA receptor ... Design. PubMed,
# EMBASE and CENTRAL were searched ... Results. Twenty-eight studies ...", with the headings such abstracts add.
_DOT_LABEL = re.compile(
    rf"(?:(?<=^)|(?<=[.?!)\]]\s))((?i:{_HEADINGS}|context|design|setting|patients|participants|interventions?|"
    r"(?:main )?outcome measure(?:ment)?s?|measurements?))\.\s(?=[A-Z0-9])"
)


def may_have_labels(abstract: str) -> bool:
    """A cheap test before ``label_marks``: a colon, a line end or a bare heading word the labels need."""
    return ":" in abstract or "\n" in abstract or _bare_heading_word(abstract)


def _bare_heading_word(abstract: str) -> bool:
    """A heading word a colon-less heading needs (spelled out: a loop over them costs more than the tests)."""
    return (
        "Methods " in abstract
        or "Results " in abstract
        or "METHODS " in abstract
        or "RESULTS " in abstract
        or "Methods. " in abstract
        or "Results. " in abstract
        or "Recent Findings " in abstract
        or "Recent findings " in abstract
        or "RECENT FINDINGS " in abstract
    )


def label_marks(abstract: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of each section label, in text order."""
    # a colon or a line end ends every other label: without either, only bare headings may stand
    marks = _colon_marks(abstract) if ":" in abstract or "\n" in abstract else []
    if not marks and _bare_heading_word(abstract):
        for pattern in (_BARE_LABEL, _DOT_LABEL):
            bare = [(m.start(), m.end(), m.group(1)) for m in pattern.finditer(abstract)]
            # two headings at least, one of the body's: "Results Eighteen ..." alone may be a sentence's words
            if len(bare) >= 2 and any(_BARE_BODY.fullmatch(label) for _, _, label in bare):
                return bare
    return marks


def _colon_marks(abstract: str) -> list[tuple[int, int, str]]:
    marks: list[tuple[int, int, str]] = []
    for m in _LINE_LABEL.finditer(abstract):
        label = m.group(1).strip()
        if _LABEL_WORDS.match(label) and len(label.split()) <= 5:
            marks.append((m.start(), m.end(), label))
    for pattern in (_INLINE_LABEL, _INLINE_MIXED_LABEL, _CAPITALS_LABEL):
        for m in pattern.finditer(abstract):
            label = m.group(1).strip()
            known = pattern is _CAPITALS_LABEL or _LABEL_WORDS.match(label)
            if known and not any(s <= m.start() < e for s, e, _ in marks):
                marks.append((m.start(), m.end(), label))
    marks.sort()
    return marks
