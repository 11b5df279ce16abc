"""Whether a design word speaks of the record's own study, and whether the record reports results.

The cues (``cues``) say which sentences may state the design at all; inside one, a design word may
still describe other work: a study the sentence cites ("the observational report of Smith et al."),
a trial still to be done ("the feasibility of a randomised trial", "a larger randomised trial"), the
studies of the literature ("previous randomised trials"). And a record is a protocol only while it
reports no results of its own: a review that says "we will include a case report" has found its
nineteen articles already.
"""

from __future__ import annotations

import re
from typing import Final

from . import regex_programs
from .document import Document, Hit, Role
from .population import is_count_word

_TITLE: Final = Role.TITLE
_RESULTS: Final = Role.RESULTS
_BACKGROUND_SECTION: Final = Role.BACKGROUND
# The design word names a cited study: "the observational report of Smith et al.", "a trial (Lee et al., 2019)".
_CITED = regex_programs.compile(
    r"[\w-]*\s+(?:[\w-]+\s+){0,2}?(?:report|study|studies|trial|trials|analysis|review|series|cohort)s?\s*"
    r"(?:(?:of|by|from)\s+|\()(?:[A-Z][\w'’-]+\s+){1,2}et al\b"
)
_NOT_THIS_STUDY = regex_programs.compile(
    r"(?:\b(?:feasibility|planning|conduct(?:ing)?|need|basis|rationale) (?:of|for) "
    r"(?:conducting |performing |running )?(?:a |an )"
    # a trial a survey asks about: "to gauge their interest in a randomized controlled trial"
    r"|\b(?:interest|support|enthusiasm|willingness to (?:participate|take part)) (?:in|for) (?:a |an )"
    r"|\b(?:future|larger|subsequent|definitive|further|full[- ]scale|well[- ]designed|adequately[- ]powered|"
    r"confirmatory|previous|prior(?! to)|earlier|other|published|existing|several|many|few|(?:a|an) (?:19|20)\d\d|"
    # the work a letter or an editorial discusses: "the recent meta-analysis", "in this issue, a meta-analysis"
    r"recent|new|latest|in this issue(?: of (?:the|this) journal)?,?(?: (?:a|an|the))?)\s+"
    # the trial the study's patients came from: "patients who completed a randomised trial entered..."
    r"|\b(?:who|that|had|previously) (?:had )?(?:completed|participated in|took part in|been enrolled in|enrolled in|"
    r"finished) (?:a|an|the)\s+"
    # a comparison group: "compared with an age-matched cohort treated the year before", "historical controls"
    r"|\bcompared\s+(?:\w+\s+)?(?:with|to|against)\s+(?:an?\s+|the\s+)?|\bhistorical\s+"
    # a study the record proposes: "we outline the design of a trial that could answer it"
    r"|\b(?:outlines?|outlined|proposes?|sketch(?:es)?|sketched)\s+(?:the\s+|a\s+|an\s+)?"
    # named to compare: "as in animal models", "these results mirror findings in rats"
    r"|\b(?:as (?:in|with|seen in|shown in|reported in|described in)|similar to|consistent with|in line with|"
    r"unlike|like|(?:findings|studies|work|results|experiments|observations) (?:in|with|on))\s+)"
    r"(?:[\w-]+,?\s+){0,3}$",
    re.IGNORECASE,
)
# The design word names what the study follows or examines, not what the record is: "adherence to consensus
# guidelines", "implementation of a practice guideline", "before and after publication of the guidelines",
# "infusions given according to the protocol", "infusions audited against the 2018 guidelines". Read for the designs
# a record is often about rather than of (guidelines, protocols): "based on a randomised sequence" is a trial.
_FOLLOWED = ("adherence", "compliance", "concordance", "conformity", "fidelity", "deviation", "deviations")
_EXAMINED = (
    *("implementation", "publication", "introduction", "quality", "appraisal", "uptake", "awareness"),
    *("knowledge", "dissemination", "evaluation", "use", "release", "endorsement"),
)
_OBJECT = regex_programs.compile(
    rf"(?:\b(?:{'|'.join(_FOLLOWED)}) (?:to|with|from)|\b(?:{'|'.join(_EXAMINED)}) of|\baccording to|\bbased on|"
    r"\bagainst|\bas (?:recommended|set out) (?:by|in))"
    r"\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
# The word each match of ``_OBJECT`` opens with: a cheap test before it.
_OBJECT_WORDS: Final = frozenset((*_FOLLOWED, *_EXAMINED, "according", "based", "against", "as"))
# The study a record's data come from: "a cohort nested in a randomised trial".
_NESTED = regex_programs.compile(r"\b(?:nested|embedded) (?:in|within) (?:an?|the) (?:[\w-]+ ){0,3}$")
# Studies counted in the plural are the literature a record pools or cites: "30 randomised trials", "seven
# observational studies" (a study of its own counts patients, not trials).
_STUDIES_AFTER = regex_programs.compile(r"[\w-]*(?:,?\s+[\w-]+){0,2}?\s+(?:trials|studies|rcts)\b")
# A design word that is the subject of a finding is the literature's: "a meta-analysis of seven trials found".
_VERBS = r"(?:found|showed|reported|concluded|suggested|demonstrated|indicated|confirmed)\b"
_REPORTED = regex_programs.compile(r"[\w-]*(?:\s+[\w,()%-]+){0,6}?\s+" + _VERBS)
_FINDING = regex_programs.compile(r"\b" + _VERBS)
_OWN_BEFORE = regex_programs.compile(r"\b(?:this|our|the present|the current|we)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
# The design word's object: "trial of", "study with" and at most two words before a drug's name.
_OF_A_DRUG = regex_programs.compile(r"[\w-]*\s+(?:of|with)\s+(?:[\w-]+\s+){0,2}?")
_REACH = 60  # characters before a design word where a phrase of other work may stand
_WORDS_BEFORE = 6  # the phrase's first word stands at most this many words before the design word
_TRIGGERS: Final = frozenset(
    (
        *("feasibility", "planning", "conduct", "conducting", "need", "basis", "rationale", "future", "larger"),
        *("interest", "support", "enthusiasm", "willingness"),
        *("subsequent", "definitive", "further", "full-scale", "full", "well-designed", "adequately-powered"),
        *("adequately", "confirmatory", "previous", "prior", "earlier", "other", "published", "existing"),
        *("several", "many", "few", "as", "similar", "consistent", "line", "unlike", "like", "findings", "studies"),
        *("work", "results", "experiments", "observations", "who", "that", "had", "previously"),
        *("outline", "outlines", "outlined", "propose", "proposes", "sketch", "sketches", "sketched"),
        *("recent", "new", "latest", "issue", "compared", "historical"),
    )
)
# Results of the record's own: a p value, "were included", "was tolerated", "we found".
_RESULT = regex_programs.compile(
    r"\bp ?[<=>≤] ?0?\.\d|\b(?:was|were) (?:\w+ly )?(?:reduced|improved|decreased|increased|observed|found|"
    r"associated|included|identified|retrieved|tolerated|effective|ineffective|higher|lower|similar|superior|"
    r"inferior|achieved|reported|noted|seen|detected|maintained|resolved|relieved|abolished|recorded|documented)\b|"
    # a share of the patients counted: "the response rate was 22/44 (50 percent)", "12 of 30 (40%)"
    r"\b\d+ ?(?:/|of) ?\d+ \(\d+(?:\.\d+)? ?(?:%|percent)|"
    r"\bwe (?:found|observed|identified|showed|noted)\b|"
    # outcomes in the past tense: "pain fell", "half reported lasting relief", "12 responded"
    r"\b(?:fell|rose|declined|responded)\b|\breported (?:\w+ ){0,2}(?:relief|improvement|benefit|reductions?)\b",
    re.IGNORECASE,
)


def not_said_of_this_study(doc: Document, hit: Hit) -> bool:
    """The design word describes other work: cited, still to be done, the literature's, counted ("a
    meta-analysis of 30 randomised trials"), or a trial of another drug ("who had failed an open trial of
    gabapentin")."""
    s = doc.sentences[hit.sentence]
    lower = doc.lower
    lo = max(s.start, hit.start - _REACH)
    before = lower[lo : hit.start]
    if ("nested" in before or "embedded" in before) and _NESTED.search(before):
        return True  # "a cohort nested in a randomised trial": the trial is where its data come from
    if s.role == _TITLE:
        return False
    if _right_after_other_work(doc, hit, before):
        return True
    words = before.split()[-_WORDS_BEFORE:]
    if words and is_count_word(words[-1]) and before[-1:].isspace() and _STUDIES_AFTER.match(lower, hit.end):
        return True
    if _of_another_drug(doc, hit, s.end) or _reported_by(doc, hit, s.start, s.end):
        return True
    if lower.find("et al", hit.end, s.end) >= 0 and _CITED.match(doc.text, hit.end, s.end):
        return True
    # Cheap first: the words just before the design word, then the pattern only where one of them could start it.
    if _TRIGGERS.isdisjoint(w.strip(",.;:()") for w in words) and not any(w[:2] in ("19", "20") for w in words):
        return False
    return _NOT_THIS_STUDY.search(doc.text, lo, hit.start) is not None


def _right_after_other_work(doc: Document, hit: Hit, before: str) -> bool:
    """The word just before the design word says it is other work: "in humans as in animals" compares, and an
    abbreviation in brackets is said of what it shortens ("their interest in a randomized trial (RCT)")."""
    if before.endswith(" as "):
        return doc.lower.startswith("in ", hit.start)
    if not before.endswith("("):
        return False
    shortened = [h for h in doc.hits_of("design") if h.sentence == hit.sentence and 0 < hit.start - h.end <= 3]
    return bool(shortened) and not_said_of_this_study(doc, shortened[-1])


def named_as_object(doc: Document, hit: Hit) -> bool:
    """The design word is what the study follows or examines ("adherence to consensus guidelines"), in
    the title as anywhere: the record is a study of it, not one."""
    s = doc.sentences[hit.sentence]
    lo = max(s.start, hit.start - _REACH)
    words = doc.lower[lo : hit.start].split()[-_WORDS_BEFORE:]
    if _OBJECT_WORDS.isdisjoint(words):  # cheap first
        return False
    return _OBJECT.search(doc.text, lo, hit.start) is not None


def _of_another_drug(doc: Document, hit: Hit, end: int) -> bool:
    """ "A trial of gabapentin", "an open study with amitriptyline", "opioid dose escalation": the design
    word's own drug is another one."""
    others = [d for d in doc.hits_of("other_drug") if d.sentence == hit.sentence]
    if not others:
        return False
    if any(0 <= hit.start - d.end <= 1 for d in others):
        return True
    m = _OF_A_DRUG.match(doc.lower, hit.end, end)
    if m is None:
        return False
    at = m.end()
    return any(d.start == at for d in others) and not any(d.start == at for d in doc.hits_of("drug"))


def _reported_by(doc: Document, hit: Hit, start: int, end: int) -> bool:
    """The design word is the subject of a finding, not introduced as this study's ("this meta-analysis found")."""
    lower = doc.lower
    # The verb first, searched in C over the few words after; the pattern only where one is there.
    if (
        _FINDING.search(lower, hit.end, min(end, hit.end + _REACH)) is None
        or _REPORTED.match(lower, hit.end, end) is None
    ):
        return False
    return _OWN_BEFORE.search(lower, max(start, hit.start - _REACH), hit.start) is None


def reports_results(doc: Document) -> bool:
    """The record reports results of its own: a results section, or a result stated in its own sentences."""
    text = doc.text
    for s in doc.sentences:
        if s.role == _RESULTS and s.end > s.start:
            return True
        if s.role not in (_TITLE, _BACKGROUND_SECTION) and s.own and _RESULT.search(text, s.start, s.end):
            return True
    return False
