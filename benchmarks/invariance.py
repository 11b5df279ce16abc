"""Metamorphic test of the tagger: a rewrite that keeps an abstract's meaning must keep its tags.

    python benchmarks/invariance.py                       # gold folds 1-4 and the 10,000 generated records
    python benchmarks/invariance.py --source gold --show 3  # a few flipped records per rewrite (ids only)
    python benchmarks/invariance.py --json out.json

No labels are needed: each record is tagged as it is and after each rewrite (British or American
spelling, hyphens and dashes, spaces, case, section labels, numbers, abbreviations, the condition
noun, the people's noun, "persistent" for "chronic", other words for a design, and context that never
makes a label: how common other conditions are, future work on them); a rewrite that changes the
record's text and its tags is a flip. The report gives the flip
rate per rewrite and per tag kind (on-topic, design, each condition, each route).

Gold records are read from ``../shared/gold/*.jsonl`` at run time (their text never enters the
project); the sealed fold 0 is skipped before a record's text is looked at. They are turned into
PubMed records the way ``litscan eval`` does (``litscan.tagging.evaluate.pubmed_xml``).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from isal import igzip

from litscan.models import AbstractSection, Record, Tags
from litscan.pubmed.sections import Category, category_of, section_category
from litscan.pubmed.xml_reader import parse_pubmed_bytes, parse_pubmed_document
from litscan.tagging.evaluate import fold_of, load_gold, pubmed_xml
from litscan.tagging.tagger import Tagger

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
GEN10K = Path("/work/base/gen10k.xml.gz")
SEALED_FOLD = 0

Rewrite = Callable[[str], str]

# --- word-level rewrites ---------------------------------------------------------------------------

# British → American, as whole words or word starts (the ending follows: "tumours", "randomised").
_BRITISH = {
    "tumour": "tumor",
    "anaesthe": "anesthe",
    "anaesthetic": "anesthetic",
    "randomis": "randomiz",
    "haemorrhag": "hemorrhag",
    "haemat": "hemat",
    "haemo": "hemo",
    "paediatric": "pediatric",
    "ischaemi": "ischemi",
    "oesophag": "esophag",
    "leukaemi": "leukemi",
    "anaemi": "anemi",
    "behaviour": "behavior",
    "labour": "labor",
    "colour": "color",
    "favour": "favor",
    "analysed": "analyzed",
    "analysing": "analyzing",
    "organis": "organiz",
    "characteris": "characteriz",
    "minimis": "minimiz",
    "optimis": "optimiz",
    "utilis": "utiliz",
    "hospitalis": "hospitaliz",
    "categoris": "categoriz",
    "nebulis": "nebuliz",
    "aerosolis": "aerosoliz",
    "sensitis": "sensitiz",
    "generalis": "generaliz",
    "standardis": "standardiz",
    "recognis": "recogniz",
    "oestrogen": "estrogen",
    "foetal": "fetal",
    "orthopaed": "orthoped",
    "gynaecolog": "gynecolog",
    "enrolment": "enrollment",
}
# Whole words (a plural "s" may follow): "centre" is not the start of "centred".
_BRITISH_WORDS = {
    "centre": "center",
    "litre": "liter",
    "fibre": "fiber",
    "programme": "program",
    "enrol": "enroll",
    "oedema": "edema",
    "diarrhoea": "diarrhea",
    "dyspnoea": "dyspnea",
    "manoeuvre": "maneuver",
}
_AMERICAN = {us: uk for uk, us in _BRITISH.items()}
_AMERICAN_WORDS = {us: uk for uk, us in _BRITISH_WORDS.items()}


def _word_map(stems: dict[str, str], words: dict[str, str]) -> Rewrite:
    table = {**stems, **words}
    alternatives = [re.escape(k) for k in sorted(stems, key=len, reverse=True)]
    alternatives += [re.escape(k) + r"(?=s?\b)" for k in sorted(words, key=len, reverse=True)]
    regex = re.compile(r"\b(" + "|".join(alternatives) + ")", re.IGNORECASE)

    def swap(m: re.Match[str]) -> str:
        found = m.group(1)
        out = table[found.lower()]
        if found.isupper():
            return out.upper()
        return out[0].upper() + out[1:] if found[0].isupper() else out

    return lambda text: regex.sub(swap, text)


to_american = _word_map(_BRITISH, _BRITISH_WORDS)
to_british = _word_map(_AMERICAN, _AMERICAN_WORDS)

# Prefixes written joined, hyphenated or spaced: "postoperative", "post-operative", "post operative".
_PREFIXES = r"(post|pre|non|anti|intra|peri|sub|inter|multi|co|re|poly|neuro|trans|extra|hyper|hypo)"
_HYPHENED = re.compile(_PREFIXES + r"-([a-z]{3,})\b", re.IGNORECASE)
_JOINED = re.compile(
    r"\b(post|pre|non|intra|peri|sub)(operative|surgical|herpetic|stroke|cancer|malignant|randomi[sz]ed|"
    r"venous|muscular|cutaneous|nasal|lingual|thecal|dural|spinal|amputation|traumatic|clinical|neuropathic|"
    r"opioid|diabetic|acute|chronic)\b",
    re.IGNORECASE,
)
_PAIRS = re.compile(
    r"\b(double|placebo|open|single|dose|long|short|cross|case|follow|well|half)[- ](blind(?:ed)?|controlled|label|arm|"
    r"centre|center|finding|escalation|ranging|term|over|control|series|up|tolerated|life)\b",
    re.IGNORECASE,
)


def hyphen_joined(text: str) -> str:
    """post-operative → postoperative, non-cancer → noncancer (word pairs are ``pairs_spaced``)."""
    return _HYPHENED.sub(lambda m: m.group(1) + m.group(2), text)


def hyphen_spaced(text: str) -> str:
    """post-operative → post operative, double-blind → double blind."""
    return _HYPHENED.sub(lambda m: m.group(1) + " " + m.group(2), text)


def hyphen_added(text: str) -> str:
    """postoperative → post-operative, double blind → double-blind."""
    text = _JOINED.sub(lambda m: m.group(1) + "-" + m.group(2), text)
    return _PAIRS.sub(lambda m: m.group(1) + "-" + m.group(2), text)


def pairs_spaced(text: str) -> str:
    """double-blind → double blind, placebo-controlled → placebo controlled, open-label → open label."""
    return _PAIRS.sub(lambda m: m.group(1) + " " + m.group(2), text)


def dash_en(text: str) -> str:
    """Hyphens between words or numbers → en dashes (as some publishers set them), and back for ranges."""
    return re.sub(r"(?<=\w)-(?=\w)", "\u2013", text)


def dash_unicode(text: str) -> str:
    """ASCII hyphens joining words → Unicode hyphens (U+2010), as several publishers' XML has them."""
    return re.sub(r"(?<=[A-Za-z])-(?=[A-Za-z])", "\u2010", text)


def dash_hyphen(text: str) -> str:
    """En and em dashes and minus signs → ASCII hyphens (or " - " where spaced)."""
    return re.sub(r"[\u2010\u2011\u2012\u2013\u2014\u2212]", "-", text)


def dash_em(text: str) -> str:
    """A parenthetical comma pair or spaced hyphen → em dash without spaces."""
    return re.sub(r" [-\u2013] ", "\u2014", text)


def nbsp_units(text: str) -> str:
    """No-break spaces between a number and what it counts, and around = < >."""
    text = re.sub(r"(?<=\d) (?=[A-Za-z%µ])", "\u00a0", text)
    return re.sub(r" ?([=<>≤≥]) ?", "\u00a0\\1\u00a0", text)


def thin_units(text: str) -> str:
    """Thin spaces where no-break spaces go."""
    return nbsp_units(text).replace("\u00a0", "\u2009")


def nbsp_words(text: str) -> str:
    """A no-break space after every short word (publishers' typesetting keeps "of the" together)."""
    return re.sub(r"\b([A-Za-z]{1,3}) (?=\w)", "\\1\u00a0", text)


# --- numbers --------------------------------------------------------------------------------------

_NUMBER_WORDS = [
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"),
    *("thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"),
]
_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_WORD_OF = {**{w: i for i, w in enumerate(_NUMBER_WORDS)}, **_TENS}
_DIGIT_OF = {v: k for k, v in _WORD_OF.items()}
_COUNTED = (
    r"(?=\s+(?:[a-z-]+\s+){0,2}(?:patients|participants|subjects|cases|studies|trials|weeks|months|days|years|"
    r"women|men|children|adults|rats|mice|sessions|infusions|doses|hours|groups|arms|centres|centers|articles|"
    r"records|reviews|volunteers|individuals))"
)


def numbers_as_words(text: str) -> str:
    """20 patients → twenty patients (counts up to 20 and round tens)."""

    def word(m: re.Match[str]) -> str:
        n = int(m.group(0))
        return _DIGIT_OF.get(n, m.group(0))

    return re.sub(r"(?<![\d.,/:%-])\b\d{1,2}\b(?![\d.,%/:-]\d)" + _COUNTED, word, text)


def numbers_as_digits(text: str) -> str:
    """twenty patients → 20 patients; a sentence's first word keeps its capital as a digit can."""
    words = "|".join(sorted(_WORD_OF, key=len, reverse=True))

    def digit(m: re.Match[str]) -> str:
        return str(_WORD_OF[m.group(0).lower()])

    return re.sub(rf"\b(?:{words})\b" + _COUNTED, digit, text, flags=re.IGNORECASE)


def percent_spaced(text: str) -> str:
    """50% → 50 %."""
    return re.sub(r"(?<=\d)%", " %", text)


def equals_unspaced(text: str) -> str:
    """n = 20 → n=20, P < 0.05 → P<0.05."""
    return re.sub(r"(?<=\w) ?([=<>≤≥]) ?(?=[\d.])", "\\1", text)


_RATE = re.compile(r"\b(mg|µg|mcg|ug|g|ml)/(kg)(?:/(h|hr|min|day|d)\b)?")


def units_exponent(text: str) -> str:
    """0.5 mg/kg/h → 0.5 mg kg−1 h−1 (the style of several anaesthesia journals)."""

    def rate(m: re.Match[str]) -> str:
        out = f"{m.group(1)} {m.group(2)}\u22121"
        return out + (f" {m.group(3)}\u22121" if m.group(3) else "")

    return _RATE.sub(rate, text)


def units_dotted(text: str) -> str:
    """0.5 mg/kg/h → 0.5 mg·kg⁻¹·h⁻¹."""

    def rate(m: re.Match[str]) -> str:
        out = f"{m.group(1)}\u00b7{m.group(2)}\u207b\u00b9"
        return out + (f"\u00b7{m.group(3)}\u207b\u00b9" if m.group(3) else "")

    return _RATE.sub(rate, text)


def age_forms(text: str) -> str:
    """a 58-year-old woman → a 58 years old woman."""
    return re.sub(r"\b(\d{1,3})[- ]year[- ]old\b", "\\1 years old", text)


def comparison_ascii(text: str) -> str:
    """≥ → >=, ≤ → <=."""
    return text.replace("≥", ">=").replace("≤", "<=")


def comparison_symbols(text: str) -> str:
    """>= → ≥, <= → ≤, "at least" and "more than" before a number → ≥ and >."""
    text = text.replace(">=", "≥").replace("<=", "≤")
    text = re.sub(r"\bat least (?=\d)", "≥", text)
    return re.sub(r"\b(?:more|greater|longer) than (?=\d)", ">", text)


# --- case -----------------------------------------------------------------------------------------

_SMALL = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "vs", "with", "from"}


def title_case(text: str) -> str:
    """Every word but the small ones capitalised, abbreviations kept."""

    def cap(m: re.Match[str]) -> str:
        word = m.group(0)
        if word.lower() in _SMALL and m.start() > 0:
            return word
        return word[0].upper() + word[1:]

    return re.sub(r"[A-Za-z][\w'-]*", cap, text)


# --- abbreviations --------------------------------------------------------------------------------

_DEFINITION = re.compile(r"\b((?:[A-Za-z][\w-]*[ -]){1,6}?)\(([A-Z][A-Za-z0-9-]{1,9})s?\)")


def _definitions(text: str) -> list[tuple[re.Match[str], str, str]]:
    """(match, long form, abbreviation) of each "long form (LF)": the fewest last words before the bracket
    whose initials spell the abbreviation's first letters and start with its first letter."""
    out = []
    for m in _DEFINITION.finditer(text):
        abbreviation = m.group(2)
        letters = "".join(c for c in abbreviation.lower() if c.isalpha())
        words = m.group(1).split()
        for size in range(1, len(words) + 1):
            tail = words[-size:]
            initials = "".join(part[:1].lower() for word in tail for part in word.split("-") if part)
            if (
                tail[0][:1].lower() == letters[:1]
                and len(initials) >= len(letters) - 1
                and letters.startswith(initials[: len(letters)][:2])
            ):
                long_form = " ".join(tail)
                if not long_form[1:2].isupper():
                    long_form = long_form[:1].lower() + long_form[1:]
                out.append((m, long_form, abbreviation))
                break
    return out


def abbreviation_spelled(text: str) -> str:
    """Uses of a defined abbreviation after its definition → the long form ("CRPS" → the phrase)."""
    for m, long_form, abbreviation in reversed(_definitions(text)):
        head, tail = text[: m.end()], text[m.end() :]
        text = head + re.sub(rf"\b{re.escape(abbreviation)}\b", long_form, tail)
    return text


def abbreviation_used(text: str) -> str:
    """Later mentions of a defined long form → its abbreviation."""
    for m, long_form, abbreviation in reversed(_definitions(text)):
        head, tail = text[: m.end()], text[m.end() :]
        text = head + re.sub(rf"\b{re.escape(long_form)}\b", abbreviation, tail, flags=re.IGNORECASE)
    return text


def abbreviation_reversed(text: str) -> str:
    """ "long form (LF)" → "LF (long form)"."""
    for m, long_form, abbreviation in reversed(_definitions(text)):
        start = m.start() + m.group(0).lower().find(long_form.lower())
        text = (
            text[:start]
            + f"{abbreviation} ({text[start : m.start() + m.group(0).rfind('(')].strip()})"
            + text[m.end() :]
        )
    return text


def abbreviation_unparenthesised(text: str) -> str:
    """ "long form (LF)" → "long form, LF," (the definition without brackets)."""
    for m, _long_form, abbreviation in reversed(_definitions(text)):
        bracket = m.start() + m.group(0).rfind("(")
        after = text[m.end() :]
        comma = "" if after[:1] in (",", ".", ";", ":", ")") else ","
        text = text[:bracket].rstrip() + f", {abbreviation}{comma}" + after
    return text


def abbreviation_dropped(text: str) -> str:
    """No abbreviation at all: the definition's brackets removed, every use spelled out."""
    text = abbreviation_spelled(text)
    for m, _long_form, _abbreviation in reversed(_definitions(text)):
        text = text[: m.end() - len(m.group(0)) + m.group(0).rfind("(") - 1] + text[m.end() :]
    return text


# --- the condition noun ---------------------------------------------------------------------------

_HEADS = r"(?:pain|neuralgia|neuropathy|syndrome|migraine|headache|fibromyalgia|CRPS|disorder)"
_PATIENTS_WITH = re.compile(
    rf"\b(?i:patients) with ((?:(?!(?:who|had|has|were|was|and|or|with|of|in|the)\b)[\w-]+ ){{0,3}}{_HEADS})\b"
    r"(?=[,.;:)]| (?:received|were|was|underwent|who|had)\b)"
)
_X_PATIENTS = re.compile(rf"\b((?:[a-z][\w-]+ ){{0,3}}{_HEADS}) patients\b(?! with)")
_PLURAL = {"neuropathy": "neuropathies", "syndrome": "syndromes", "migraine": "migraines", "headache": "headaches"}
_PLURAL_HEAD = re.compile(r"\b((?i:patients) with (?:[\w-]+ ){0,3})(neuropathy|syndrome|migraine|headache)\b")


def condition_before_patients(text: str) -> str:
    """patients with chronic back pain → chronic back pain patients."""

    def swap(m: re.Match[str]) -> str:
        phrase = m.group(1)
        if m.group(0)[0].isupper() and not phrase[1:2].isupper():
            phrase = phrase[0].upper() + phrase[1:]
        elif not phrase[1:2].isupper():
            phrase = phrase[0].lower() + phrase[1:]
        return f"{phrase} patients"

    return _PATIENTS_WITH.sub(swap, text)


def condition_after_patients(text: str) -> str:
    """neuropathic pain patients → patients with neuropathic pain."""
    return _X_PATIENTS.sub(lambda m: f"patients with {m.group(1)}", text)


def condition_plural(text: str) -> str:
    """patients with diabetic neuropathy → patients with diabetic neuropathies."""
    return _PLURAL_HEAD.sub(lambda m: m.group(1) + _PLURAL[m.group(2)], text)


_PATIENTS = re.compile(r"\b([Pp])atients\b")
_CHRONIC_PAIN = re.compile(r"\b([Cc])hronic (?=(?:[\w-]+ ){0,2}pain\b)")
_DESIGN_WORDS = (
    (re.compile(r"\b(were|was) randomi[sz]ed (to|into)\b"), r"\1 randomly assigned \2"),
    (re.compile(r"\bdouble-blind(?:ed)?\b"), "double-masked"),
    (re.compile(r"\bmeta-analysis\b"), "meta-analytic review"),
    (re.compile(r"\bcase series\b"), "series of cases"),
)


def people_participants(text: str) -> str:
    """patients → participants (the study's people, whatever a journal calls them)."""
    return _PATIENTS.sub(lambda m: "Participants" if m.group(1) == "P" else "participants", text)


def chronic_persistent(text: str) -> str:
    """chronic (neuropathic) pain → persistent (neuropathic) pain."""
    return _CHRONIC_PAIN.sub(lambda m: "Persistent " if m.group(1) == "C" else "persistent ", text)


def design_paraphrased(text: str) -> str:
    """randomised to → randomly assigned to, double-blind → double-masked, case series → series of cases."""
    for regex, replacement in _DESIGN_WORDS:
        text = regex.sub(replacement, text)
    return text


# --- record-level rewrites ------------------------------------------------------------------------

RecordRewrite = Callable[[Record], Record]


def text_rewrite(fn: Rewrite, title: bool = True, labels: bool = False) -> RecordRewrite:
    """A rewrite of the words of the title and every section (and of the labels, if asked)."""

    def apply(record: Record) -> Record:
        sections = tuple(
            dataclasses.replace(s, text=fn(s.text), label=fn(s.label) if labels and s.label else s.label)
            for s in record.abstract_sections
        )
        new_title = fn(record.title) if title and record.title else record.title
        return dataclasses.replace(record, title=new_title, abstract_sections=sections)

    return apply


def _relabel(record: Record, label_of: Callable[[str], str], keep_category: bool) -> Record:
    sections = tuple(
        dataclasses.replace(
            s,
            label=label_of(s.label),
            category=(s.category if keep_category else (category_of(label_of(s.label)) or None)),
        )
        if s.label
        else s
        for s in record.abstract_sections
    )
    return dataclasses.replace(record, abstract_sections=sections)


def labels_dropped(record: Record) -> Record:
    """A structured abstract as one unlabelled block."""
    if len(record.abstract_sections) < 2:
        return record
    text = " ".join(s.text for s in record.abstract_sections)
    return dataclasses.replace(record, abstract_sections=(AbstractSection(text),))


def labels_inline(record: Record) -> Record:
    """A structured abstract as one block with its labels in the text ("METHODS: ..."), as MEDLINE has it."""
    if len(record.abstract_sections) < 2:
        return record
    text = " ".join(f"{s.label}: {s.text}" if s.label else s.text for s in record.abstract_sections)
    return dataclasses.replace(record, abstract_sections=(AbstractSection(text),))


_SYNONYM = (
    (re.compile(r"^(?:OBJECTIVES?|AIMS?|PURPOSE|GOALS?)$", re.I), ("AIM", "PURPOSE", "OBJECTIVE")),
    (re.compile(r"^(?:BACKGROUND|INTRODUCTION|CONTEXT)$", re.I), ("INTRODUCTION", "CONTEXT", "BACKGROUND")),
    (
        re.compile(r"^(?:METHODS?|MATERIALS? AND METHODS|PATIENTS AND METHODS|DESIGN|SUBJECTS AND METHODS)$", re.I),
        ("PATIENTS AND METHODS", "DESIGN", "MATERIALS AND METHODS"),
    ),
    (re.compile(r"^(?:RESULTS?|FINDINGS)$", re.I), ("FINDINGS", "MAIN RESULTS", "RESULTS")),
    (
        re.compile(r"^(?:CONCLUSIONS?|INTERPRETATION|DISCUSSION)$", re.I),
        ("INTERPRETATION", "CONCLUSION", "CONCLUSIONS"),
    ),
)


def _synonym(label: str) -> str:
    for regex, choices in _SYNONYM:
        if regex.match(label):
            for choice in choices:
                if choice.lower() != label.lower():
                    return choice
    return label


def labels_synonyms(record: Record) -> Record:
    """OBJECTIVE → AIM, METHODS → PATIENTS AND METHODS, CONCLUSIONS → INTERPRETATION: NLM's category kept."""
    return _relabel(record, _synonym, keep_category=True)


def labels_synonyms_uncategorised(record: Record) -> Record:
    """The synonym labels with no NLM category (MEDLINE text, a publisher's XML): the label's words decide."""
    return _relabel(record, _synonym, keep_category=False)


def labels_title_case(record: Record) -> Record:
    """METHODS → Methods, no NLM category."""
    return _relabel(record, lambda label: label.title(), keep_category=False)


def opening_unlabelled(record: Record) -> Record:
    """The first section's label left off (some journals print the opening without one): "Ketamine ... Aim: ..."."""
    if len(record.abstract_sections) < 2 or not record.abstract_sections[0].label:
        return record
    first = dataclasses.replace(record.abstract_sections[0], label=None, category=None)
    return dataclasses.replace(record, abstract_sections=(first, *record.abstract_sections[1:]))


# Context that never makes a label (TAXONOMY): how common other conditions are, and work still to do on others.
_PREVALENCE = "Chronic pain conditions such as fibromyalgia, migraine and low back pain affect millions of people."
_FUTURE_WORK = "Future trials should examine ketamine in patients with phantom limb pain and postherpetic neuralgia."


def background_prevalence(record: Record) -> Record:
    """A sentence on how common other chronic pain conditions are, opening the background (or the abstract)."""
    if not record.abstract_sections:
        return record
    first = record.abstract_sections[0]
    if first.label and section_category(first.label, first.category) is not Category.BACKGROUND:
        first = AbstractSection(_PREVALENCE)  # a background section of its own before the others
        return dataclasses.replace(record, abstract_sections=(first, *record.abstract_sections))
    opened = dataclasses.replace(first, text=f"{_PREVALENCE} {first.text}")
    return dataclasses.replace(record, abstract_sections=(opened, *record.abstract_sections[1:]))


def future_work_added(record: Record) -> Record:
    """A call for future work on other conditions at the end of the abstract."""
    if not record.abstract_sections:
        return record
    last = record.abstract_sections[-1]
    ended = dataclasses.replace(last, text=f"{last.text} {_FUTURE_WORK}")
    return dataclasses.replace(record, abstract_sections=(*record.abstract_sections[:-1], ended))


def title_upper(record: Record) -> Record:
    return dataclasses.replace(record, title=record.title.upper() if record.title else record.title)


def title_title_case(record: Record) -> Record:
    return dataclasses.replace(record, title=title_case(record.title) if record.title else record.title)


REWRITES: dict[str, RecordRewrite] = {
    "spelling_american": text_rewrite(to_american),
    "spelling_british": text_rewrite(to_british),
    "hyphen_joined": text_rewrite(hyphen_joined),
    "hyphen_spaced": text_rewrite(hyphen_spaced),
    "hyphen_added": text_rewrite(hyphen_added),
    "pairs_spaced": text_rewrite(pairs_spaced),
    "dash_en": text_rewrite(dash_en),
    "dash_unicode": text_rewrite(dash_unicode),
    "dash_hyphen": text_rewrite(dash_hyphen),
    "dash_em": text_rewrite(dash_em),
    "nbsp_units": text_rewrite(nbsp_units),
    "thin_units": text_rewrite(thin_units),
    "nbsp_words": text_rewrite(nbsp_words),
    "title_case": title_title_case,
    "title_upper": title_upper,
    "labels_title_case": labels_title_case,
    "labels_dropped": labels_dropped,
    "labels_inline": labels_inline,
    "labels_synonyms": labels_synonyms,
    "labels_synonyms_uncategorised": labels_synonyms_uncategorised,
    "numbers_as_words": text_rewrite(numbers_as_words),
    "numbers_as_digits": text_rewrite(numbers_as_digits),
    "percent_spaced": text_rewrite(percent_spaced),
    "equals_unspaced": text_rewrite(equals_unspaced),
    "units_exponent": text_rewrite(units_exponent),
    "units_dotted": text_rewrite(units_dotted),
    "age_forms": text_rewrite(age_forms),
    "comparison_ascii": text_rewrite(comparison_ascii),
    "comparison_symbols": text_rewrite(comparison_symbols),
    "abbreviation_spelled": text_rewrite(abbreviation_spelled, title=False),
    "abbreviation_used": text_rewrite(abbreviation_used, title=False),
    "abbreviation_reversed": text_rewrite(abbreviation_reversed, title=False),
    "abbreviation_unparenthesised": text_rewrite(abbreviation_unparenthesised, title=False),
    "abbreviation_dropped": text_rewrite(abbreviation_dropped, title=False),
    "condition_before_patients": text_rewrite(condition_before_patients),
    "condition_after_patients": text_rewrite(condition_after_patients),
    "condition_plural": text_rewrite(condition_plural),
    "people_participants": text_rewrite(people_participants),
    "chronic_persistent": text_rewrite(chronic_persistent),
    "design_paraphrased": text_rewrite(design_paraphrased),
    "opening_unlabelled": opening_unlabelled,
    "background_prevalence": background_prevalence,
    "future_work_added": future_work_added,
}


# --- records --------------------------------------------------------------------------------------


def gold_records(gold_dir: Path) -> list[Record]:
    """Gold records of folds 1-4 as PubMed records; fold 0 is dropped before its text is used."""
    used: set[str] = set()
    items = [
        item
        for path in sorted(gold_dir.glob("*.jsonl"))
        for item in load_gold(path, used)
        if fold_of(item) != SEALED_FOLD
    ]
    return [r for r in parse_pubmed_bytes(pubmed_xml(items), name="gold.xml") if isinstance(r, Record)]


def generated_records(path: Path, limit: int | None) -> list[Record]:
    data = igzip.open(path).read()  # type: ignore[no-untyped-call]
    records = [r for r in parse_pubmed_document(data, name=path.name) if isinstance(r, Record)]
    return records[:limit] if limit else records


# --- flips ----------------------------------------------------------------------------------------


def _key(tags: Tags) -> tuple[bool, str, frozenset[str], frozenset[str]]:
    return (tags.on_topic, tags.design, frozenset(tags.conditions), frozenset(tags.routes))


def flip_kinds(before: Tags, after: Tags) -> list[str]:
    """The tag kinds that differ: "on_topic", "design", "condition:crps", "route:oral"."""
    kinds = []
    if before.on_topic != after.on_topic:
        kinds.append("on_topic")
    if before.design != after.design:
        kinds.append("design")
    kinds += [f"condition:{c}" for c in sorted(set(before.conditions) ^ set(after.conditions))]
    kinds += [f"route:{r}" for r in sorted(set(before.routes) ^ set(after.routes))]
    return kinds


def _same_text(a: Record, b: Record) -> bool:
    return a.title == b.title and a.abstract_sections == b.abstract_sections


def measure(records: Iterable[Record], tagger: Tagger, names: list[str], show: int = 0) -> dict[str, Any]:
    """Per rewrite: records it changed, records whose tags flipped, flips by kind (and examples if asked)."""
    records = list(records)
    base = [tagger(r) for r in records]
    out: dict[str, Any] = {"records": len(records), "rewrites": {}}
    for name in names:
        rewrite = REWRITES[name]
        changed = flipped = 0
        kinds: Counter[str] = Counter()
        examples: list[dict[str, Any]] = []
        for record, tags in zip(records, base, strict=True):
            other = rewrite(record)
            if _same_text(record, other):
                continue
            changed += 1
            found = flip_kinds(tags, tagger(other))
            if found:
                flipped += 1
                kinds.update(found)
                if len(examples) < show:
                    examples.append({"pmid": record.pmid, "flips": found, "before": _describe(tags)})
        out["rewrites"][name] = {
            "changed": changed,
            "flipped": flipped,
            "rate": round(flipped / changed, 4) if changed else 0.0,
            "kinds": dict(kinds.most_common()),
            **({"examples": examples} if show else {}),
        }
    return out


def _describe(tags: Tags) -> str:
    return f"{tags.on_topic} {tags.design} {sorted(tags.conditions)} {sorted(tags.routes)}"


def by_kind(result: dict[str, Any]) -> dict[str, int]:
    """Flips summed over the rewrites, by tag kind."""
    total: Counter[str] = Counter()
    for row in result["rewrites"].values():
        total.update(row["kinds"])
    return dict(total.most_common())


def format_result(source: str, result: dict[str, Any]) -> str:
    lines = [
        f"{source}: {result['records']} records",
        f"  {'rewrite':<32}{'changed':>8}{'flipped':>8}{'rate':>8}  kinds",
    ]
    for name, row in result["rewrites"].items():
        kinds = ", ".join(f"{k} {v}" for k, v in row["kinds"].items())
        lines.append(f"  {name:<32}{row['changed']:>8}{row['flipped']:>8}{row['rate']:>8.3f}  {kinds}")
        for example in row.get("examples", ()):
            lines.append(f"      {example['pmid']}: {example['flips']}  (was {example['before']})")
    changed = sum(r["changed"] for r in result["rewrites"].values())
    flipped = sum(r["flipped"] for r in result["rewrites"].values())
    lines.append(f"  {'all':<32}{changed:>8}{flipped:>8}{flipped / changed if changed else 0:>8.4f}")
    lines.append("  by kind: " + ", ".join(f"{k} {v}" for k, v in by_kind(result).items()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", choices=("gold", "gen10k", "both"), default="both")
    parser.add_argument("--gold-dir", type=Path, default=SHARED / "gold")
    parser.add_argument("--gen10k", type=Path, default=GEN10K)
    parser.add_argument("--limit", type=int, default=None, help="only the first N generated records")
    parser.add_argument("--rewrite", action="append", choices=sorted(REWRITES), help="only these rewrites")
    parser.add_argument("--show", type=int, default=0, help="ids of up to N flipped records per rewrite")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    tagger = Tagger(ROOT / "queries" / "chronic-pain.vocab.toml")
    names = args.rewrite or list(REWRITES)
    results: dict[str, Any] = {"tagger": tagger.fingerprint}
    if args.source in ("gold", "both"):
        if not args.gold_dir.is_dir():
            print(f"{args.gold_dir}: no gold directory (the shared data sits beside the checkout)", file=sys.stderr)
            return 2
        results["gold"] = measure(gold_records(args.gold_dir), tagger, names, args.show)
        print(format_result("gold folds 1-4", results["gold"]))
    if args.source in ("gen10k", "both"):
        results["gen10k"] = measure(generated_records(args.gen10k, args.limit), tagger, names, args.show)
        print(format_result("gen10k", results["gen10k"]))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
