"""The markers that say how a study was run: randomised, blinding, placebo or active control, crossover;
and animal or in-vitro work.

Read from the title, the methods and results (never the background, where other studies are described),
PubMed's publication types and MeSH, and the record's design tag. Reviews and guidelines get no trial
markers: the trials they describe are not theirs.
"""

from __future__ import annotations

import re

from ..models import Record
from .phrases import Phrases, load_phrases
from .sentences import Sentence, sentences_of

RANDOMISED = "randomised"
DOUBLE_BLIND = "double-blind"
TRIPLE_BLIND = "triple-blind"
SINGLE_BLIND = "single-blind"
OPEN_LABEL = "open-label"
PLACEBO = "placebo-controlled"
ACTIVE = "active-controlled"
CROSSOVER = "crossover"
ANIMAL = "animal"
IN_VITRO = "in vitro"
MARKERS = (
    RANDOMISED,
    TRIPLE_BLIND,
    DOUBLE_BLIND,
    SINGLE_BLIND,
    OPEN_LABEL,
    PLACEBO,
    ACTIVE,
    CROSSOVER,
    ANIMAL,
    IN_VITRO,
)
_NO_TRIAL_MARKERS = frozenset({"systematic_review", "review", "guideline"})
_TRIAL_DESIGNS = frozenset({"rct", "nonrandomized_trial", "protocol"})
# Run over lower-cased text, so written in lower case and compiled without IGNORECASE (several times faster).
_PATTERNS = {
    RANDOMISED: re.compile(
        r"(?<!non-)(?<!non)(?<!not )(?<!quasi-)\brandomi[sz](?:ed|ation)|\brandomly (?:assigned|allocated|divided|"
        r"distributed|received)|\bin (?:a )?random(?:i[sz]ed)? (?:order|sequence)|\brandom (?:allocation|assignment)",
    ),
    TRIPLE_BLIND: re.compile(r"\btriple[- ]?(?:blind|mask)"),
    DOUBLE_BLIND: re.compile(r"\bdouble[- ]?(?:blind|mask)|\bdouble[- ]dummy"),
    SINGLE_BLIND: re.compile(
        r"\bsingle[- ]?(?:blind|mask)|\b(?:assessor|observer|evaluator|rater|outcome assessor)s?[- ]blind"
    ),
    OPEN_LABEL: re.compile(
        r"\bopen[- ]label|\bunblinded|\bnon-?blinded|\bopen (?:study|trial|pilot|prospective|clinical|uncontrolled)",
    ),
    PLACEBO: re.compile(
        r"\bplacebos?\b(?![- ]respon)|\bsham\b|\bvehicle[- ]?(?:treated|control|group|injected)|"
        r"\b(?:or|versus|vs\.?|compared (?:with|to)|and|received) (?:an? )?(?:(?:equal|equivalent|identical|same) "
        r"(?:volume|amount) of )?(?:normal |isotonic |physiological )?(?:saline|nacl)\b|"
        r"\bsaline[- ](?:placebo|control|group|treated|injected|controlled)|\bsaline (?:was|were) (?:used|given) as",
    ),
    ACTIVE: re.compile(
        r"\bactive[- ](?:control(?:led)?|comparator|placebo)\b|\bnon-?inferiority\b|\bhead[- ]to[- ]head\b"
    ),
    CROSSOVER: re.compile(r"\bcross[- ]?over\b|\blatin square\b|\bin (?:a )?random(?:i[sz]ed)? order\b"),
    ANIMAL: re.compile(
        r"\b(?:rats?|mice|mouse|rabbits?|dogs?|pigs?|piglets?|sheep|monkeys?|primates?|rodents?|cats?|horses?|"
        r"zebrafish|guinea pigs?|murine|rat model|mouse model|animal models?|animals)\b",
    ),
    IN_VITRO: re.compile(
        r"\bin vitro\b|\bcell (?:cultures?|lines?)\b|\bcultured (?:cells|neurons|astrocytes|microglia)"
    ),
}
# Each marker's pattern is tried only where one of these is in the text (a plain substring test is fast).
_GATES = {
    RANDOMISED: ("random",),
    TRIPLE_BLIND: ("triple",),
    DOUBLE_BLIND: ("double",),
    SINGLE_BLIND: ("blind", "mask"),
    OPEN_LABEL: ("open", "blind"),
    PLACEBO: ("placebo", "sham", "vehicle", "saline", "nacl"),
    ACTIVE: ("active", "inferiority", "head"),
    CROSSOVER: ("cross", "latin", "random"),
    ANIMAL: (
        "rat",
        "mice",
        "mouse",
        "rabbit",
        "dog",
        "pig",
        "sheep",
        "monkey",
        "primate",
        "rodent",
        "cat",
        "horse",
        "zebrafish",
        "murine",
        "animal",
    ),
    IN_VITRO: ("vitro", "cell"),
}
# Two named arms, neither of them an inactive control: an active comparison.
_VERSUS = re.compile(
    r"\b(?:versus|vs\.?|compared (?:[^,.;:]{1,40}? )?(?:with|to)|against)\s+(?P<other>[^,.;:]{1,60})", re.IGNORECASE
)
_INACTIVE = re.compile(
    r"\b(?:placebo|saline|sham|vehicle|controls?|baseline|healthy|no |none|nothing|usual care|standard care|"
    r"before|pre-?treatment|after|each other|one another|the other|other groups?|previous|literature|norms?)\b",
    re.IGNORECASE,
)
_BACKGROUND_CUE = re.compile(
    r"\b(?:has|have) (?:been )?(?:previously |recently |also )?(?:shown|reported|suggested|demonstrated|found)\b|"
    r"\b(?:previous|prior|earlier|other|recent|several|few) (?:studies|trials|reports|reviews|research)\b"
)
_OWN_STUDY = re.compile(r"\b(?:we|our|this|the present|here)\b")
_ANIMAL_TITLE = re.compile(
    r"\b(?:rats?|mice|mouse|rabbits?|dogs?|pigs?|sheep|monkeys?|rodents?|murine|animals?)\b", re.I
)
_DESIGN_ROLES = frozenset({"title", "objective", "methods", "unlabelled"})
# A sentence holding none of these can add no marker and no comparison, so whether it describes this study
# need not be asked (the costliest question here: every sentence against the future-research phrases).
_RELEVANT = tuple(
    sorted({gate for gates in _GATES.values() for gate in gates} | {"versus", "vs", "compared", "against"})
)


def trial_markers(
    record: Record,
    design: str | None = None,
    phrases: Phrases | None = None,
    *,
    sentences: list[Sentence] | None = None,
) -> tuple[str, ...]:
    """The markers that apply, in the order of ``MARKERS``; ``design`` is ``Tags.design`` where known."""
    own = _own_sentences(record, sentences_of(record) if sentences is None else sentences, phrases or load_phrases())
    text = "\n".join(s.low for s in own)  # one search a marker, lower-cased; no pattern crosses a line
    found = {
        marker
        for marker, pattern in _PATTERNS.items()
        if any(gate in text for gate in _GATES[marker]) and pattern.search(text)
    }
    found = _settle_animal(found, record, design)
    if design in _NO_TRIAL_MARKERS:
        found &= {ANIMAL, IN_VITRO}
    else:
        found = _settle_trial(found, record, design, own)
    return tuple(m for m in MARKERS if m in found)


def _settle_animal(found: set[str], record: Record, design: str | None) -> set[str]:
    """Animal words in a human study's text are models it cites: the design tag and MeSH know better."""
    cited = design is not None and design != "preclinical" and not _ANIMAL_TITLE.search(record.title or "")
    if cited:
        found = found - {ANIMAL}
    if _animal_by_mesh(record) or (design == "preclinical" and IN_VITRO not in found):
        found = found | {ANIMAL}
    return found


def _settle_trial(found: set[str], record: Record, design: str | None, own: list[Sentence]) -> set[str]:
    """Randomisation the design or PubMed states; an active comparator where two treatments are compared;
    the strongest blinding only."""
    if design == "rct" or "Randomized Controlled Trial" in record.publication_type_names:
        found = found | {RANDOMISED}
    trial = RANDOMISED in found or design in _TRIAL_DESIGNS
    if trial and not found & {PLACEBO, ACTIVE} and _active_comparison(own):
        found = found | {ACTIVE}
    if TRIPLE_BLIND in found:
        found = found - {DOUBLE_BLIND}
    if found & {DOUBLE_BLIND, TRIPLE_BLIND}:
        found = found - {SINGLE_BLIND, OPEN_LABEL}  # an open-label extension does not unblind the trial
    return found


def _own_sentences(record: Record, sentences: list[Sentence], phrases: Phrases) -> list[Sentence]:
    """The title and the sentences that describe this study, not others, nor one still to be done."""
    out = [Sentence(record.title, "methods", "title", -1)] if record.title else []
    for sentence in sentences:
        if sentence.role in ("background", "trailer", "conclusions"):
            continue
        if not any(word in sentence.low for word in _RELEVANT):
            continue
        if sentence.role == "unlabelled" and (
            _BACKGROUND_CUE.search(sentence.low) or (sentence.index == 0 and not _OWN_STUDY.search(sentence.low))
        ):
            continue
        if phrases.reject["future_research"].found(sentence.low):
            continue
        out.append(sentence)
    return out


def _active_comparison(sentences: list[Sentence]) -> bool:
    for sentence in sentences:
        if sentence.role not in _DESIGN_ROLES and sentence.label != "title":
            continue
        for match in _VERSUS.finditer(sentence.text):
            if not _INACTIVE.search(match.group("other")) and not _INACTIVE.search(
                sentence.text[: match.start()][-60:]
            ):
                return True
    return False


def _animal_by_mesh(record: Record) -> bool:
    descriptors = set(record.mesh_descriptors)
    return "Animals" in descriptors and "Humans" not in descriptors
