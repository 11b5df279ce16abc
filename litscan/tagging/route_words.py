"""The English words around a route word: which nouns a route adjective may describe, which words between
it and the drug leave it on the drug, and whether it is the way the drug was given ("by", "via"), whatever
the topic (read by ``routes``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import regex_programs
from .document import Hit

# The words that join the items of a list of routes: "intravenous or oral", "from subcutaneous to oral".
LIST_WORDS = r"and/or|and|or|versus|vs\.?|to|then|as well as|plus"
LINKS = frozenset(
    (
        *("and", "or", "versus", "vs", "to", "with", "plus", "in", "at", "of", "for", "as"),
        # the same words in Spanish and Portuguese, whose route adjective follows the drug ("ketamina intravenosa en")
        *("y", "e", "o", "ou", "en", "em", "de", "del", "da", "do", "con", "com", "para", "por"),
    )
)
# Nouns a route adjective may describe without leaving the drug ("intravenous infusion of ketamine").
ROUTE_NOUNS = LINKS | frozenset(
    (
        *("administration", "administered", "injection", "injections", "infusion", "infusions", "bolus"),
        *("boluses", "dose", "doses", "dosing", "route", "routes", "delivery", "formulation", "formulations"),
        *("form", "forms", "use", "therapy", "treatment", "treatments", "application", "applications"),
        # a phase of the treatment given by that route: "oral maintenance after a positive infusion"
        *("maintenance", "continuation"),
        *("preparation", "preparations", "solution", "regimen", "regimens", "product", "products", "dosage"),
        # what the route does to the drug: "oral bioavailability is low", "nasal absorption"
        *("bioavailability", "absorption"),
        # dosage forms: "ketamine as sublingual drops", "a buccal film of ketamine"
        *("drops", "spray", "sprays", "tablet", "tablets", "lozenge", "lozenges", "troche", "troches", "wafer"),
        *("wafers", "film", "films", "capsule", "capsules", "cream", "gel", "ointment", "patch", "patches"),
        *("syrup", "liquid", "rinse", "mouthwash"),
        # the drug's part in a mixture given by the route: "esketamine as an epidural adjuvant"
        *("adjuvant", "adjuvants", "adjunct", "additive"),
        # devices: "the intrathecal pump", "a nasal atomiser", "an epidural catheter"
        *("pump", "pumps", "catheter", "catheters", "port", "driver", "atomiser", "atomizer", "device", "devices"),
        *("nebuliser", "nebulizer", "inhaler"),
    )
)
# Words between a route adjective and its drug that leave the adjective on the drug ("oral low-dose ketamine").
MODIFIERS = frozenset(
    (
        *("low", "low-dose", "high-dose", "dose", "single", "continuous", "repeated", "racemic", "subanaesthetic"),
        *("subanesthetic", "sub-anaesthetic", "sub-anesthetic", "adjunctive", "adjuvant", "perioperative"),
        *("intraoperative", "postoperative", "preoperative", "short-term", "long-term", "prolonged", "daily"),
        *("intra-operative", "post-operative", "pre-operative", "peri-operative", "low-dosage", "high-dosage"),
        *("weekly", "bolus", "infusion", "infusions", "injection", "injections", "administration", "outpatient"),
        *("inpatient", "mg", "kg", "the", "of", "a", "an", "test", "challenge", "compounded"),
    )
)

# A unit per another, however written: "/kg", "per h", " kg-1" (a minus sign reads as a hyphen), "·kg⁻¹", and as
# a text copy of superscripts leaves it, " kg(-1)".
PER = r"(?:\s*(?:/|per)\s*(?:{0})|\s*[·.x×]?\s*(?:{0})(?:-1|⁻¹|\(-1\)))"

# A drug given "by" or "via" a route: "ketamine administered by patient-controlled epidural analgesia".
_BY_ROUTE = regex_programs.compile(
    r"\b(?:by|via|through|using)\s+(?:(?:a|an|the)\s+)?(?:[\w()+/-]+\s+){0,3}$", re.IGNORECASE
)
# ... but not what something was caused or shown by: "spondylodiscitis complicated by epidural abscess".
_NOT_GIVEN_BY = regex_programs.compile(
    r"\b(?:complicated|caused|followed|preceded|confirmed|accompanied|induced|mediated|characteri[sz]ed|diagnosed|"
    r"detected|demonstrated|shown|revealed|identified|assessed|measured|evaluated|determined|defined|affected|"
    r"obtained|visuali[sz]ed|seen|replaced|supported|explained|limited|marked)\s+(?:by|via|through|using)\s+"
    r"(?:(?:a|an|the)\s+)?(?:[\w()+/-]+\s+){0,3}$",
    re.IGNORECASE,
)
# The word after a route word, past an abbreviation in brackets: "intravenous (IV) cannulation".
_NEXT_WORD = regex_programs.compile(r"[\s)\]]*(?:\([^()]{0,12}\)\s*)?([A-Za-z][\w-]*)")
_OF_DRUG = regex_programs.compile(r"\s*(?:\([^()]{0,20}\)\s*)?(?:of|with|containing)\s+(?:[\w./%-]+\s+){0,4}$")


# A route adjective coordinated with another before their shared noun: "by intrathecal or oral route"
_SHARED_NOUN = regex_programs.compile(r"\s+(?:or|and|and/or)\s+[A-Za-z][\w-]*(?=\s+[A-Za-z])")


def names_its_noun(text: str, end: int, drug_start: int) -> bool:
    """The route word has its own noun ("epidural injection"), or shares the next adjective's ("intrathecal or
    oral route"), not followed by "of <that drug>"."""
    shared = _SHARED_NOUN.match(text, end, drug_start) if text.startswith((" or ", " and"), end) else None
    m = _NEXT_WORD.match(text, shared.end() if shared else end)
    if not m or m.group(1).lower() not in ROUTE_NOUNS or m.group(1).lower() in LINKS:
        return False
    return not _OF_DRUG.match(text[m.end() : drug_start])


def given_by(text: str, lo: int, hi: int) -> bool:
    """ "Given by", "via", "through" just before the route word, not "complicated by"."""
    return _BY_ROUTE.search(text, lo, hi) is not None and _NOT_GIVEN_BY.search(text, lo, hi) is None


# The route's own noun and its object, where no drug follows: "induced by intramuscular (i.m.) infusion of
# hypertonic saline" gave the saline; "an intravenous infusion of the study drug" or "of 50-150 mg" is the drug's.
_NOUN_OF = regex_programs.compile(
    r"[\s)\]]*(?:\([^()]{0,12}\)\s*)?(?:infusions?|injections?|boluses|bolus|administration)\s+of\s+"
    r"(?!(?:the |this |that |each )?(?:study |trial |active )?(?:drugs?|medications?|solutions?|it|them)\b)"
    r"(?!(?:at least|up to|about|approximately|around|a|an|one|two|three|four|five)\b)[a-z]",  # not a dose
    re.IGNORECASE,
)


def gives_another(text: str, end: int) -> bool:
    """The route word's own noun names what it gave, which is not the drug ("infusion of hypertonic saline")."""
    return _NOUN_OF.match(text, end) is not None


# Nouns a route adjective describes that no drug is given as: "oral intake", "intravenous access", "nasal mucosa".
OTHER_NOUNS = frozenset(
    (
        *("intake", "mucosa", "cavity", "hygiene", "feeding", "access", "line", "lines", "cannula", "cannulae"),
        *("cannulas", "cannulation", "health", "bleeding", "secretions", "congestion", "obstruction", "mucositis"),
        *("lesion", "lesions", "ulcer", "ulcers", "surgery", "procedure", "procedures"),
    )
)


def names_another_noun(text: str, end: int) -> bool:
    """The route adjective describes a noun no drug is given as ("oral intake improved in the ketamine group")."""
    m = _NEXT_WORD.match(text, end)
    return m is not None and m.group(1).lower() in OTHER_NOUNS


# A route in the dose brackets of a word that is not a drug we know: "infliximab (5 mg/kg IV)",
# "methysergide (ID50 = 8 ug/kg s.c.)".
_OTHERS_DOSE = regex_programs.compile(
    r"([A-Za-z][\w-]*)\s*\(\s*(?:[A-Za-z][\w]{0,5}\s*[=:]\s*)?\d[\d.,]*\s*(?:mg|µg|mcg|ug|g|ml|mmol|%|units?|IU)"
    + PER.format(r"\w+")
    + r"*[\s,;]*$"
)
# Nouns of the drug's own giving, whose dose brackets hold its route: "ketamine administration (30 mg/kg; i.m.)"
REGIMEN_NOUNS = frozenset(
    [
        *("administration", "infusion", "infusions", "injection", "injections", "bolus", "boluses", "dose", "doses"),
        *("group", "arm", "treatment", "regimen", "protocol"),
    ]
)
_LISTING = regex_programs.compile(rf"\b(?:{LIST_WORDS})\b|[,/]")


def others_dose(text: str, lo: int, hi: int) -> str | None:
    """The word whose dose brackets end at ``hi`` with the route word next: "infliximab" in "infliximab (5 mg/kg"."""
    opened = text.rfind("(", lo, hi)
    if opened < 0 or text.find(")", opened, hi) >= 0:
        return None  # no bracket open before the route word: most route words, found without the regex
    m = _OTHERS_DOSE.search(text, max(lo, opened - 40), hi)
    return None if m is None else m.group(1)


def has_its_own(text: str, word: Hit, drug: Hit, routes: Sequence[Hit]) -> bool:
    """The drug after the route word has a route word of its own between them, with no coordinator that would
    list the two: "underwent spinal anesthesia with intravenous ketamine" gave ketamine intravenously; "five
    oral and two intrathecal ketamine" lists two."""
    return any(
        word.end < r.start < drug.start
        and r.ident != word.ident
        and _LISTING.search(text, word.end, r.start) is None
        and -1 <= drug.start - r.end <= 1
        for r in routes
    )


# The analgesia or anaesthesia every patient had, beside the drug studied.
_CO_TREATMENT = regex_programs.compile(
    r"\b(?:analgesia|an(?:a)?esthesia)\s+(?:was\s+|were\s+)?(?:consisted|comprised|included|provided|maintained|"
    r"standardi[sz]ed)\b|\b(?:standard|usual|routine|background|multimodal)\s+(?:post[- ]?operative\s+)?"
    r"(?:analgesia|analgesic\s+regimen|pain\s+management)\b",
    re.IGNORECASE,
)


def names_co_treatment(text: str, lo: int, hi: int) -> bool:
    """``text[lo:hi]`` speaks of the analgesia every patient had ("post-operative analgesia consisted of ...")."""
    return _CO_TREATMENT.search(text, lo, hi) is not None
