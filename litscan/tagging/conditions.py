"""Which conditions the study's own population has, each with the words that say so, decisive first.

A mention counts where a sentence about the record's own study names it (not the background, the
exclusion criteria or a call for future work: ``cues``) and its context does not deny it or name it
only to compare with other work (``context``). MeSH headings count too. Where the study's own
sentences name no population at all ("Twenty patients received ketamine"), the condition its
background introduces is its population. Then, in this order:

0. in a study that counts its own population, a condition named only as a possibility ("could matter
   in fibromyalgia") is not its population;
1. speculation: a condition named only where the study looks beyond itself (its conclusions, "may
   also help in CRPS") does not count when the study names a condition firmly;
2. lists: a specific condition named only as an example or as a share of a mixed population ("pain
   syndromes such as CRPS", "neuropathic pain 60%") adds nothing to a population named otherwise,
   unless the abstract analyses it as a subgroup;
3. specificity: a weak mention ("neuropathic pain", "chronic pain") yields to a more specific
   condition the study names (the vocabulary's ``yields_to``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from ..models import Evidence
from .animal_models import PRECLINICAL, measures_no_pain
from .compiled import CompiledVocabulary
from .condition_lists import only_in_a_list
from .context import NOT_THE_STUDY, Context, ContextRules, clause, listed_or_subgroup, trigger_words
from .cues import CONCLUDING, OUTSIDE_STUDY, PREVALENCE, PURPOSE, states_the_aim
from .described import Described, described
from .document import Document, Hit, Role, Sentence
from .population import counts_people
from .route_scope import SYNTHESIS_DESIGNS
from .setting import chronic_in_other_words, late_sentences, names_the_patients, pain_months_later, setting_that_leaves
from .vocabulary import Vocabulary

_TITLE: Final = Role.TITLE
_CONCLUSION: Final = Role.CONCLUSION
_RESULTS: Final = Role.RESULTS
_HYPOTHETICAL: Final = Context.HYPOTHETICAL.value
_ACUTE: Final = Context.ACUTE.value
_MEASURED: Final = Context.MEASURED.value
# A chronic mention that is denied, named to compare, acute or speculation is no chronic pain of the study.
_NOT_CHRONIC: Final = NOT_THE_STUDY | Context.ACUTE.value | Context.HYPOTHETICAL.value
_STRONG, _DESCRIBED, _WEAK = 0, 1, 2
_KIND_STRENGTH = {"cond": _STRONG, "cond_part": _DESCRIBED, "cond_weak": _WEAK}
# Sentences that describe a condition are read until this many agree: enough to decide, and each costs every import.
_DESCRIBED_SENTENCES = 2

ConditionEvidence = dict[str, tuple[Evidence, ...]]


@dataclass(frozen=True)
class Conditions:
    """The conditions of the study population, in vocabulary order, each with its evidence."""

    evidence: ConditionEvidence
    # The specific conditions (not the general one) the study names of itself, not only in a
    # conclusion looking beyond it: a measured condition outweighs an off-topic framing of the title.
    firm_specific: frozenset[str]
    # Conditions the title names, not as acute pain: the title frames the record as about them.
    in_title: frozenset[str] = frozenset()
    # Conditions that are acute pain here ("acute migraine attack", "pain of radiation dermatitis"),
    # wherever the title or every mention says so, with the words saying so.
    acute: dict[str, Evidence] | None = None
    # Conditions named firmly somewhere (not only in a conclusion or speculation), the general one too.
    firm: frozenset[str] = frozenset()


_NONE: Final = Conditions({}, frozenset(), frozenset(), {})


@dataclass(slots=True)
class _Mention:
    hit: Hit | None  # None for a MeSH heading
    evidence: Evidence | None  # made when needed (``_evidence``), given for a MeSH heading
    strength: int  # _STRONG, _DESCRIBED or _WEAK
    firm: bool  # said of the study itself, not speculation or a conclusion looking beyond it
    listed: bool  # only an example or a share of a mixed population
    acute: bool
    subgroup: bool = False  # analysed as a subgroup of a mixed population
    title: bool = False  # in the title
    speculated: bool = False  # named only as a possibility: "such effects could matter in fibromyalgia"


def population_conditions(doc: Document, compiled: CompiledVocabulary, design: str) -> Conditions:
    """The conditions the record's own study population has."""
    v = compiled.vocabulary
    mentions = _mentions(doc, v, compiled.context_rules)
    _without_acute_only(doc, v, mentions)
    if doc.record.mesh:
        _add_mesh(doc, compiled, mentions)
    for cid in only_in_a_list(doc, v, mentions):
        del mentions[cid]
    # The background's patients are people: an animal study is on the topic by its own model, not by them
    if not mentions and design != PRECLINICAL and _no_population_of_its_own(doc):
        mentions = _introduced_by_the_background(doc, v, compiled.context_rules)
    general = compiled.general_condition
    if doc.hits_of("late") and general is not None:
        _left_by_the_setting(doc, compiled, mentions, general)
    if not mentions:
        return _NONE
    every = [m for ms in mentions.values() for m in ms]
    if _disease_model_only(doc, every, design):
        return _NONE
    mentions = _standing(doc, v, mentions, every, general)
    if not mentions:
        return _NONE
    found = {cid for cid, ms in mentions.items() if any(m.strength == _STRONG for m in ms)}
    if len(found) < len(mentions):
        _weak_ones(doc, v, mentions, found, general, design)
    return _decided(doc, compiled, mentions, found, any(m.acute for m in every))


def _disease_model_only(doc: Document, every: list[_Mention], design: str) -> bool:
    """A disease named in animals in weak words only ("a rabbit model of osteoarthritis"), no pain: no pain model."""
    return design == PRECLINICAL and all(m.strength == _WEAK for m in every) and measures_no_pain(doc)


def _without_acute_only(doc: Document, v: Vocabulary, mentions: dict[str, list[_Mention]]) -> None:
    """A row that is a pain only when chronic (``only_chronic``: "acute low back pain in the emergency
    department" is no chronic low back pain), named as acute pain here and nowhere with a chronic word of
    its own, is not the population's (removed from ``mentions``)."""
    chronic = doc.hits_of("chronic")
    for cid in [c for c in mentions if v.conditions[c].only_chronic and _acute(doc, mentions[c])]:
        if not any(h.start < m.hit.end and m.hit.start < h.end for m in mentions[cid] if m.hit for h in chronic):
            del mentions[cid]


def _standing(
    doc: Document, v: Vocabulary, mentions: dict[str, list[_Mention]], every: list[_Mention], general: str | None
) -> dict[str, list[_Mention]]:
    """Steps 0 to 2: the mentions that speculation and lists leave standing."""
    if any(m.speculated for m in every) and _counts_its_own(doc):
        mentions = _not_only_speculated(mentions)
    if any(m.firm for m in every) and not all(m.firm for m in every):
        mentions = _firm_only(mentions)
    if any(m.listed for m in every):
        mentions = _without_lists(doc, v, mentions, general)
    return mentions


def _left_by_the_setting(
    doc: Document, compiled: CompiledVocabulary, mentions: dict[str, list[_Mention]], general: str
) -> None:
    """Chronic pain followed up weeks or months after the setting of the study (surgery) is the
    condition that setting may leave (its ``leaves``: chronic post-surgical pain); moved in ``mentions``."""
    setting = setting_that_leaves(doc, compiled)
    if setting is None or setting.leaves is None or _yields(compiled.vocabulary, setting.leaves, set(mentions)):
        return  # a row of its own for that pain is named: "phantom limb pain" after an amputation
    named = mentions.get(general, [])
    # patients with a chronic pain of their own (back pain before spine surgery): pain months later is theirs
    moved = _followed_up(doc, named, bare_pain=all(cid in (general, setting.leaves) for cid in mentions))
    for m in moved:
        assert m.hit is not None
        reason = (
            f'"{doc.span(m.hit)}" followed up weeks or months after the study\'s setting ({setting.label})'
            f" [topic.off_topic.{setting.id}.leaves]"
        )
        m.evidence, m.strength = doc.evidence(m.hit, reason), _STRONG
    if not moved:
        return
    mentions.setdefault(setting.leaves, []).extend(moved)
    kept = [m for m in named if m not in moved]
    if kept:
        mentions[general] = kept
    elif named:
        del mentions[general]


def _followed_up(doc: Document, named: list[_Mention], *, bare_pain: bool) -> list[_Mention]:
    """The chronic pain the study follows up weeks or months later: general mentions, or chronic pain in
    other words ("persistent knee pain at 6 months"), in the study's own sentences with a late outcome;
    with ``bare_pain``, also pain months on ("residual pain at 6 months")."""
    late = late_sentences(doc)
    # not a mention of whom the patients are: "patients on opioids for chronic pain ... 3 months after surgery"
    moved = [m for m in named if m.hit is not None and m.hit.sentence in late and not names_the_patients(doc, m.hit)]
    chronic = [h for h in chronic_in_other_words(doc, late) if not h.context & _NOT_CHRONIC]
    if bare_pain and all(m in moved or (m.hit is not None and not names_the_patients(doc, m.hit)) for m in named):
        # "residual pain at 6 months", where no general mention says whom the study enrolled
        chronic += pain_months_later(
            doc, late - {m.hit.sentence for m in moved if m.hit} - {h.sentence for h in chronic}
        )
    return moved + [
        _Mention(h, None, _STRONG, doc.sentences[h.sentence].role != _CONCLUSION, False, False) for h in chronic
    ]


def _counts_its_own(doc: Document) -> bool:
    """The record counts a population of its own ("twenty participants"): a study, not a review, whose
    hedged words ("ketamine may help in CRPS") are what it is about."""
    return any(s.own and s.role != _TITLE and counts_people(doc.text, s.start, s.end) for s in doc.sentences)


def _not_only_speculated(mentions: dict[str, list[_Mention]]) -> dict[str, list[_Mention]]:
    """0. In a study with a population of its own, a condition named only as a possibility ("such effects
    could matter in fibromyalgia") is not its population."""
    return {cid: ms for cid, ms in mentions.items() if not all(m.speculated for m in ms)}


def _firm_only(mentions: dict[str, list[_Mention]]) -> dict[str, list[_Mention]]:
    """1. Speculation: where the study names a condition firmly, the conditions named only beyond it drop."""
    return {cid: firm for cid, ms in mentions.items() if (firm := [m for m in ms if m.firm])}


def _without_lists(
    doc: Document, v: Vocabulary, mentions: dict[str, list[_Mention]], general: str | None
) -> dict[str, list[_Mention]]:
    """2. Conditions only listed (examples, shares of a mixed population) dropped, or read as a mixed population."""
    listed = {cid for cid, ms in mentions.items() if cid != general and all(m.listed for m in ms)}
    if set(mentions) - listed - {general} or (general in mentions and _named_apart(mentions, general, listed)):
        # The population is named otherwise; examples and shares of it add nothing.
        return {cid: ms for cid, ms in mentions.items() if cid not in listed}
    # A row that gives way to another listed one is no diagnosis of its own: "postherpetic neuralgia (n = 61)"
    # is one population, though "neuralgia" also names neuropathic pain.
    diagnoses = {cid for cid in listed if not _yields(v, cid, listed)}
    if general and len(diagnoses) >= 2:
        # Only a list of diagnoses, several of them: a mixed population, the general condition.
        return {general: [_mixed_population(doc, v, mentions, listed)]}
    return mentions


def _named_apart(mentions: dict[str, list[_Mention]], general: str, listed: set[str]) -> bool:
    """The general condition is named apart from the listed ones: "refractory cancer pain (n = 137)" names
    chronic pain only through the cancer pain it counts, one population, not a share of another."""
    spans = [(m.hit.start, m.hit.end) for cid in listed for m in mentions[cid] if m.hit is not None]
    return any(
        m.hit is None or not any(start < m.hit.end and m.hit.start < end for start, end in spans)
        for m in mentions[general]
    )


def _decided(
    doc: Document, compiled: CompiledVocabulary, mentions: dict[str, list[_Mention]], found: set[str], acute_named: bool
) -> Conditions:
    """The conditions found, in vocabulary order, each with its decisive mention as evidence."""
    v = compiled.vocabulary
    ordered = sorted(found, key=compiled.condition_rank.__getitem__)
    evidence: ConditionEvidence = {cid: (_evidence(doc, v, min(mentions[cid], key=_decisiveness)),) for cid in ordered}
    acute = (
        {cid: _acute_evidence(doc, compiled, mentions[cid]) for cid in ordered if _acute(doc, mentions[cid])}
        if acute_named
        else {}
    )
    firm_specific = frozenset(
        c for c in found if "*" not in v.conditions[c].yields_to and c not in acute and _measured(doc, mentions[c])
    )
    in_title = frozenset(cid for cid in found if any(m.title and not m.acute for m in mentions[cid]))
    firm = frozenset(cid for cid in found if any(m.firm for m in mentions[cid]))
    return Conditions(evidence, firm_specific, in_title, acute, firm)


def _weak_ones(
    doc: Document, v: Vocabulary, mentions: dict[str, list[_Mention]], found: set[str], general: str | None, design: str
) -> None:
    """3. Conditions named only weakly count unless they yield to a more specific one (added to ``found``)."""
    named = set(mentions)
    for cid in named - found:
        others = named - {cid}
        keep = _by_subgroup(doc, v, mentions, cid, general, design) or not _yields(v, cid, others)
        # "low back pain or chronic neck pain": named beside another it still counts, unless every mention is
        # inside another condition's ("chronic neck pain" holds "neck pain")
        if keep or (
            _named_on_its_own(mentions, cid) and not _yields(v, cid, others - _coordinated(doc, mentions, cid))
        ):
            found.add(cid)


def _by_subgroup(
    doc: Document, v: Vocabulary, mentions: dict[str, list[_Mention]], cid: str, general: str | None, design: str
) -> bool:
    """A mixed population analysed by subgroup keeps its wider row beside the subgroups' (general, or one named apart
    from their names: not "neuralgia" of "postherpetic neuralgia"), as does a title's population (TAXONOMY)."""
    if not _named_on_its_own(mentions, cid):
        return False
    narrower = [m for o in mentions if o != cid and (cid == general or _yields(v, cid, {o})) for m in mentions[o]]
    ends = {m.hit.end + d for m in narrower if m.hit for d in (0, 1)}
    apart = cid == general or any(m.hit and m.hit.start not in ends for m in mentions[cid])
    if apart and any(m.subgroup for m in narrower):
        return True
    return not (cid == general and design in SYNTHESIS_DESIGNS) and _results_of_the_titled(doc, mentions, cid)


def _results_of_the_titled(doc: Document, mentions: dict[str, list[_Mention]], cid: str) -> bool:
    """The title names the population by a wider row (chronic pain, neuropathic pain), each specific row is named
    only in the results ("greater in patients with CRPS", a review's pooled effect in CRPS) and none moved there by
    a setting: subgroups with results of their own, beside the population they belong to."""
    if not any(m.title for m in mentions[cid]):
        return False
    specific = [m for other, ms in mentions.items() if other != cid for m in ms]
    return bool(specific) and all(
        m.evidence is None and m.hit is not None and doc.role(m.hit) == _RESULTS for m in specific
    )


def _named_on_its_own(mentions: dict[str, list[_Mention]], cid: str) -> bool:
    """Some mention of ``cid`` is not inside another condition's mention."""
    others = [m.hit for other, ms in mentions.items() if other != cid for m in ms if m.hit is not None]
    return any(
        m.hit is None or not any(h.start < m.hit.end and m.hit.start < h.end for h in others) for m in mentions[cid]
    )


def _add_mesh(doc: Document, compiled: CompiledVocabulary, mentions: dict[str, list[_Mention]]) -> None:
    for cid, heading in compiled.conditions_in_mesh(doc.record.mesh).items():
        mentions.setdefault(cid, []).append(_Mention(None, heading, _STRONG, True, False, False))


def _no_population_of_its_own(doc: Document) -> bool:
    """The study's own sentences name no chronic pain, no off-topic setting (volunteers, surgery, depression)
    but a denied one, and no animal model: its patients are only "patients", whoever the background named."""
    own = [h for kind in ("chronic", "off", "model") for h in doc.hits_of(kind) if doc.own(h)]
    return not any(h.kind != "off" or not h.context & NOT_THE_STUDY for h in own)


def _introduced_by_the_background(doc: Document, v: Vocabulary, rules: ContextRules) -> dict[str, list[_Mention]]:
    """Where the study's own sentences name no population ("Twenty patients received ketamine"), the
    condition the background introduces is theirs ("CRPS is difficult to treat. In this pilot study...")."""
    mentions = _mentions(doc, v, rules, background=True)
    for ms in mentions.values():
        for m in ms:
            if m.hit is not None:
                said = _evidence(doc, v, m)
                reason = f"{said.reason}; the study's own sentences name no other population"
                m.evidence = Evidence(said.field, said.text, reason, said.start, said.end)
    return mentions


def _counts_in(s: Sentence, background: bool) -> bool:
    """A sentence whose mentions count: the study's own, or (``background``) the background that
    introduces it, not exclusion criteria, earlier treatment, future work or how common a condition is."""
    if not background:
        return s.own
    return not s.own and s.role != _TITLE and not s.cues & (OUTSIDE_STUDY | PREVALENCE)


def _mentions(
    doc: Document, v: Vocabulary, rules: ContextRules, *, background: bool = False
) -> dict[str, list[_Mention]]:
    """The condition mentions of the record's own study (or of the background that introduces it) that
    their context leaves standing, by id."""
    mentions: dict[str, list[_Mention]] = {}
    shared = _sentences_with_other_drugs(doc)
    sentences = doc.sentences
    strong_hits = doc.hits_by_sentence("cond")
    counted: dict[str, int] = {}  # sentences that describe a condition, by id
    for kind, strength in _KIND_STRENGTH.items():
        # a weak mention among what the study measures names no population: "secondary outcomes included
        # neuropathic features" (measured, not enrolled)
        excluded = NOT_THE_STUDY | _MEASURED if strength == _WEAK else NOT_THE_STUDY
        for hit in doc.hits_of(kind):
            s = sentences[hit.sentence]
            if hit.context & excluded or not _counts_in(s, background):
                continue
            if hit.sentence in shared and _another_drugs(doc, rules, hit):
                continue
            longer = strong_hits.get(hit.sentence, ())
            if strength != _DESCRIBED and _part_of_a_longer_mention(doc, v, hit, strength, longer):
                continue  # "neuropathy" of "diabetic neuropathy": the longer mention decides
            in_title = s.role == _TITLE
            if strength == _DESCRIBED:
                if hit.entry is None or counted.get(hit.ident, 0) >= _DESCRIBED_SENTENCES:
                    continue  # a few sentences that describe it are enough to decide and to quote
                where = described(doc, v.conditions[hit.ident], s, hit.entry.part)
                if where is Described.NOT:
                    continue
                # the title names the population, the abstract its pain: no mention in the title
                in_title = in_title and where is Described.IN_ITS_SENTENCE
                counted[hit.ident] = counted.get(hit.ident, 0) + 1
            context = hit.context
            # A hypothesis the study states of itself ("we hypothesised that ketamine may help in CRPS"), or
            # its title's ("a promising treatment for refractory headache"), names its own population.
            hypothetical = context & _HYPOTHETICAL and not s.cues & PURPOSE and s.role != _TITLE
            firm = s.role != _CONCLUSION and not s.cues & CONCLUDING and not hypothetical
            listed, subgroup = listed_or_subgroup(doc, rules, hit)
            acute = bool(context & _ACUTE)
            mention = _Mention(hit, None, strength, firm, listed, acute, subgroup, in_title, bool(hypothetical))
            mentions.setdefault(hit.ident, []).append(mention)
    return mentions


def _sentences_with_other_drugs(doc: Document) -> set[int]:
    """Sentences that name the intervention and another drug: a condition there may be the other drug's."""
    other = {h.sentence for h in doc.hits_of("other_drug")}
    return {h.sentence for h in doc.hits_of("drug") if h.sentence in other} if other else set()


def _another_drugs(doc: Document, rules: ContextRules, hit: Hit) -> bool:
    """The mention is in a clause about another drug only ("..., whereas memantine failed in phantom pain")."""
    lo, hi = clause(doc, rules, hit)
    drugs = [h for kind in ("drug", "other_drug") for h in doc.hits_of(kind) if lo <= h.start < hi]
    return bool(drugs) and all(h.kind == "other_drug" for h in drugs)


def _part_of_a_longer_mention(doc: Document, v: Vocabulary, hit: Hit, strength: int, strong: Sequence[Hit]) -> bool:
    """A weak mention inside a strong one ("neuropathy" of "diabetic neuropathy"), or a strong mention inside
    one of a condition it yields to: "pain in cancer patients" of "chemotherapy-induced neuropathic pain in
    cancer patients" is that neuropathy's pain, not a cancer pain of its own."""
    if strength == _WEAK:
        return _inside(doc, hit, strong)
    if not v.conditions[hit.ident].yields_to:
        return False
    return any(o.start < hit.start < o.end and _yields(v, hit.ident, {o.ident}) for o in strong if o.ident != hit.ident)


def _inside(doc: Document, hit: Hit, strong: Sequence[Hit]) -> bool:
    """``hit`` lies inside one of ``strong``, its sentence's strong mentions (to the end of its last word)."""
    return any(
        other.start <= hit.start < other.end and (hit.end <= other.end or hit.end <= other.start + len(doc.span(other)))
        for other in strong
    )


def _evidence(doc: Document, v: Vocabulary, m: _Mention) -> Evidence:
    """The words of a mention, and the vocabulary entry that found them."""
    if m.evidence is not None:
        return m.evidence
    hit = m.hit
    assert hit is not None and hit.entry is not None  # only MeSH headings come without a hit
    if m.strength == _DESCRIBED:
        condition = v.conditions[hit.ident]
        rule = condition.described[hit.entry.part][0].where
        reason = f"describes {condition.label.lower()} in {doc.where(hit)} [{rule}]"
        return doc.sentence_evidence(hit.sentence, reason)
    return doc.evidence(hit, f'names "{doc.span(hit)}" in {doc.where(hit)} [{hit.entry.pattern.where}]')


def _mixed_population(doc: Document, v: Vocabulary, mentions: dict[str, list[_Mention]], listed: set[str]) -> _Mention:
    first = min((m for cid in listed for m in mentions[cid]), key=lambda m: m.hit.start if m.hit else 0)
    names = ", ".join(v.conditions[cid].label for cid in v.conditions if cid in listed)
    evidence = _evidence(doc, v, first)
    reason = f"a mixed population: {names} only listed as its diagnoses, without results of their own"
    return _Mention(
        first.hit,
        Evidence(evidence.field, evidence.text, reason, evidence.start, evidence.end),
        _WEAK,
        True,
        False,
        False,
    )


# Alternatives, not one population described twice ("patients with spinal cord injury and neuropathic pain").
_COORDINATION = re.compile(r"\s*,?\s*(?:or|and/or|versus|vs\.?)\s*", re.IGNORECASE)


def _coordinated(doc: Document, mentions: dict[str, list[_Mention]], cid: str) -> set[str]:
    """Conditions named as an alternative to ``cid`` ("neuropathic pain or chemotherapy-induced
    neuropathy"): ``cid`` does not yield to them, the record names both kinds."""
    near: set[str] = set()
    text = doc.text
    for m in mentions[cid]:
        if m.hit is None:
            continue
        end = m.hit.start + len(doc.span(m.hit))
        for other, ms in mentions.items():
            for o in ms:
                if other != cid and o.hit is not None and o.hit.sentence == m.hit.sentence:
                    o_end = o.hit.start + len(doc.span(o.hit))
                    gap = text[end : o.hit.start] if o.hit.start >= end else text[o_end : m.hit.start]
                    if _COORDINATION.fullmatch(gap):
                        near.add(other)
    return near


def _decisiveness(m: _Mention) -> tuple[bool, bool, bool, int]:
    """The mention that decides first: firm, not listed, not acute, the condition's own words (earliest on ties)."""
    return (not m.firm, m.listed, m.acute, m.strength)


def _measured(doc: Document, mentions: list[_Mention]) -> bool:
    """Named firmly by the study by its name, or in general words as whom it enrolled ("six inpatients with
    neuropathic pain"), not in passing ("therapy (neuropathic pain control and anticholinergics)")."""
    return any(
        m.firm and (m.strength == _STRONG or (m.strength == _WEAK and m.hit and names_the_patients(doc, m.hit)))
        for m in mentions
    )


def _acute(doc: Document, mentions: list[_Mention]) -> bool:
    """Acute pain here: the title says so of the condition (it frames the record), or every mention does, or
    the study's stated aim does ("Transdermal ketamine for neuropathic pain ... Objective: to evaluate it
    for acute neuropathic pain": the aim narrows the title)."""
    titled = [m for m in mentions if m.title]
    aimed = [m for m in mentions if m.hit is not None and states_the_aim(doc.sentences[m.hit.sentence])]
    return all(m.acute for m in titled or mentions) or (bool(aimed) and all(m.acute for m in aimed))


def _acute_evidence(doc: Document, compiled: CompiledVocabulary, mentions: list[_Mention]) -> Evidence:
    hit = next(m.hit for m in mentions if m.acute and m.hit is not None)
    said = trigger_words(doc, compiled.context_rules, hit, _ACUTE)
    return doc.evidence(hit, f'"{doc.span(hit)}" is acute pain here: {said}')


def _yields(v: Vocabulary, cid: str, others: set[str]) -> bool:
    """Condition ``cid`` gives way to one of ``others`` (its ``yields_to``: ids, groups or "*")."""
    return bool(v.rows_under[cid] & others) or any(target in others for target in v.conditions[cid].yields_to)
