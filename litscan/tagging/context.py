"""The context of a mention, after the ConText algorithm: what a trigger phrase says of the words near it.

A trigger ("without", "such as", "may", "similar to") has a category, what it says of a vocabulary
mention in its scope (denied, only an example, hypothetical, named to compare...), and a direction:
its scope runs forward to the end of its sentence, backward to the sentence's start, or both ways.
A scope stops early at a terminating phrase ("but", "whereas"), at the next trigger of its own
category (the nearer one speaks), at a trigger of a category it is ``terminated_by``, at a clause
mark (";") or after ``max_scope`` words. A "pseudo" trigger is a phrase that holds a trigger but is
none ("no significant"): where triggers overlap, the longest wins, so it silences the shorter one.
One direction is ours: an "after" trigger is tried right after each mention it may speak of
("CRPS (n = 12)", "neuropathic pain 60%"): a trigger that starts with a number could start
anywhere, and searching every text for it would cost every import.

The rules are data (``context.toml`` beside this module; users may edit it), validated on load
with the file and the rule in every error. The tagger finds the triggers in its one pass over the
text (``CompiledVocabulary`` adds them to its pattern index as entries of kind ``context``);
``apply`` then marks each vocabulary mention with the categories whose scope covers it
(``Hit.context``) and the triggers that did (``Hit.context_by``), for the rules and the evidence.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

from ..config import toml_data
from ..errors import ConfigError
from ..files import read_named_file
from . import regex_programs
from .document import Document, Hit, Role
from .matching import compile_matcher, runs_on_original
from .vocabulary import Pattern

CONTEXT_FILE = Path(__file__).with_name("context.toml")
TRIGGER_KIND: Final = "context"  # the kind of a trigger's hits


class Context(enum.IntFlag):
    """What a trigger says of the mentions in its scope; a mention may carry several."""

    NEGATED = 1  # denied: "adults without chronic pain"
    HYPOTHETICAL = 2  # possible, proposed or still to be studied: "may also help in CRPS"
    EXAMPLE = 4  # an example in a list: "pain syndromes such as CRPS", "CRPS and other conditions"
    COMPARISON = 8  # named to compare with other work: "similar to our experience in CRPS"
    CASEMIX = 16  # a share of a mixed population: "neuropathic pain 60%", "most cases had CRPS"
    SUBGROUP = 32  # analysed as a subgroup of its own: "by diagnosis: CRPS, fibromyalgia..."
    ACUTE = 64  # acute pain: "pain of radiation dermatitis", "acute migraine attack"
    RESULT = 128  # a result of the study: "ketamine reduced pain (p < 0.01)"
    PRIOR = 256  # given before the study, not its treatment: "ketamine responders", "memantine after ketamine"
    MEASURED = 512  # an outcome the study measures: "secondary outcomes included neuropathic features"


# Categories that say a mention is not the study's own population or drug.
NOT_THE_STUDY: Final = (Context.NEGATED | Context.COMPARISON | Context.PRIOR).value
LISTED: Final = (Context.EXAMPLE | Context.CASEMIX).value

_DIRECTIONS = ("forward", "backward", "bidirectional", "after", "terminate", "pseudo")
# The kinds of vocabulary mention a rule may name in ``targets``, and the hit kinds each covers.
TARGETS: Final = {
    "condition": ("cond", "cond_weak", "cond_part"),
    "chronic": ("chronic",),
    "drug": ("drug",),
    "other_drug": ("other_drug",),
    "model": ("model",),
    "off_topic": ("off",),
    "route": ("route", "route_adverb", "route_form"),
    "late": ("late",),  # an outcome weeks or months later: "its effect on pain after discharge is unknown"
}
_ALL_KINDS = frozenset(kind for kinds in TARGETS.values() for kind in kinds)
_RULE_KEYS = {"category", "direction", "patterns", "max_scope", "targets", "terminated_by", "label"}
_WORD = regex_programs.compile(r"\S+")


@dataclass(frozen=True)
class ContextRule:
    """One ``[[rule]]`` of the context file."""

    index: int
    category: Context | None  # None for "terminate" and "pseudo"
    direction: str
    patterns: tuple[Pattern, ...]
    max_scope: int | None  # words from the trigger; None: to the end of the clause
    targets: frozenset[str]  # hit kinds it may modify
    terminated_by: int  # ``Context`` flags whose triggers end its scope
    label: str  # what it says, in words, for the evidence: "an example"
    where: str  # "rule 3 (example)": for errors and evidence
    flag: int  # the category as a plain int (0 for "terminate" and "pseudo"): read for every mention
    after: re.Pattern[str] | None = None  # an "after" rule's patterns as one regex, tried at a mention's end
    after_on_original: bool = False  # that regex has a case-sensitive part: it runs on the text, not lower-cased


@dataclass(frozen=True)
class ContextRules:
    """The rules of one context file, and the characters that end every scope."""

    path: Path
    rules: tuple[ContextRule, ...]
    clause_marks: str
    after: tuple[ContextRule, ...] = ()  # the "after" rules: tried at each mention, not found in the text


@lru_cache(maxsize=4)
def load_context_rules(path: Path = CONTEXT_FILE) -> ContextRules:
    """The rules of ``path``, in the file's order; a ConfigError names the file and the rule."""
    raw = toml_data(read_named_file(path, "context rules file", ConfigError), str(path))
    unknown = set(raw) - {"clause_marks", "rule"}
    if unknown:
        raise ConfigError(f"unknown key {sorted(unknown)[0]!r} (allowed: clause_marks, rule)", path=str(path))
    marks = raw.get("clause_marks", "")
    if not isinstance(marks, str):
        raise ConfigError("must be a string of characters", path=str(path), where="clause_marks")
    items = raw.get("rule")
    if not isinstance(items, list) or not items:
        raise ConfigError("needs at least one [[rule]]", path=str(path))
    rules = tuple(_rule(path, i, item) for i, item in enumerate(items))
    return ContextRules(path, rules, marks, tuple(r for r in rules if r.after is not None))


def _rule(path: Path, index: int, item: Any) -> ContextRule:
    where = f"rule {index + 1}"

    def fail(message: str, key: str = "") -> ConfigError:
        return ConfigError(message, path=str(path), where=f"{where}.{key}" if key else where)

    if not isinstance(item, dict):
        raise fail("must be a table")
    for key in item:
        if key not in _RULE_KEYS:
            raise fail(f"unknown key '{key}' (allowed: {', '.join(sorted(_RULE_KEYS))})")
    direction = item.get("direction")
    if direction not in _DIRECTIONS:
        raise fail(f"direction must be one of {', '.join(_DIRECTIONS)}, not {direction!r}", "direction")
    category = _category(item.get("category"), direction, fail)
    name = (category.name or "").lower() if category else direction
    where = f"{where} ({name})"
    sources = item.get("patterns")
    if not isinstance(sources, list) or not sources or not all(isinstance(s, str) and s for s in sources):
        raise fail("needs patterns = [...], a list of regular expressions", "patterns")
    max_scope, targets, ended_by = _scope_keys(item, direction, fail)
    label = item.get("label", name)
    if not isinstance(label, str) or not label.strip():
        raise fail("must be a non-empty string", "label")
    patterns = tuple(_pattern(path, where, i, s) for i, s in enumerate(sources))
    # Tried at a mention's last matched letter: the rest of its word first ("neuropath" of "neuropathy").
    joined = "|".join(f"(?:{p.source})" for p in patterns)
    # Lower-cased over the lower-cased text, as the pattern index runs patterns: several times faster.
    after_source = rf"[\w-]*((?:{joined}))"
    after = compile_matcher(after_source) if direction == "after" else None
    return ContextRule(
        index,
        category,
        direction,
        patterns,
        max_scope,
        targets,
        ended_by,
        label.strip(),
        where,
        category.value if category is not None else 0,
        after,
        runs_on_original(after_source),
    )


def _scope_keys(item: dict[str, Any], direction: str, fail: Any) -> tuple[int | None, frozenset[str], int]:
    """A rule's ``max_scope``, its target hit kinds and the ``Context`` flags of ``terminated_by``, checked."""
    max_scope = item.get("max_scope")
    if max_scope is not None and (not isinstance(max_scope, int) or isinstance(max_scope, bool) or max_scope < 1):
        raise fail("must be a whole number of words, at least 1", "max_scope")
    if max_scope is not None and direction == "after":
        raise fail("an 'after' rule speaks of the mention just before it: it has no max_scope", "max_scope")
    targets = item.get("targets", list(TARGETS))
    if not isinstance(targets, list) or not targets or not all(t in TARGETS for t in targets):
        raise fail(f"must be a list of: {', '.join(TARGETS)}", "targets")
    ended_by = 0
    ending = item.get("terminated_by", [])
    if not isinstance(ending, list):
        raise fail("must be a list of categories", "terminated_by")
    for other in ending:
        flag = _category(other, "forward", lambda message, _key: fail(message, "terminated_by"))
        ended_by |= flag.value if flag else 0
    return max_scope, frozenset(kind for t in targets for kind in TARGETS[t]), ended_by


def _category(name: Any, direction: str, fail: Any) -> Context | None:
    if direction in ("terminate", "pseudo"):
        if name is not None:
            raise fail(f"a {direction} rule has no category", "category")
        return None
    if not isinstance(name, str) or name.upper() not in Context.__members__:
        known = ", ".join(c.lower() for c in Context.__members__)
        raise fail(f"category must be one of {known}, not {name!r}", "category")
    return Context[name.upper()]


def _pattern(path: Path, where: str, index: int, source: str) -> Pattern:
    place = f"{where}.patterns[{index}]"
    try:
        pattern = Pattern.compile(source, f"context {place}")
    except re.error as exc:
        raise ConfigError(f"bad regular expression {source!r} ({exc})", path=str(path), where=place) from None
    if pattern.matcher.match(""):
        raise ConfigError(f"pattern {source!r} matches empty text", path=str(path), where=place)
    return pattern


def apply(doc: Document, rules: ContextRules) -> None:
    """Mark every vocabulary mention in the scope of a trigger with the trigger's category.

    Reads the trigger hits (kind ``context``, ident the rule's index) the tagger's pass found; run
    once ``doc`` has its hits.
    """
    for rule in rules.after:
        _after(doc, rule)
    _after_another_drug(doc)
    found_triggers = doc.hits_of(TRIGGER_KIND)
    if not found_triggers:
        return
    by_sentence: dict[int, list[Hit]] = {}
    for t in _longest(found_triggers) if len(found_triggers) > 1 else found_triggers:
        by_sentence.setdefault(t.sentence, []).append(t)
    targets: dict[int, list[Hit]] = {}  # the mentions of the sentences with a trigger
    for h in doc.hits:
        if h.sentence in by_sentence and h.kind in _ALL_KINDS:
            targets.setdefault(h.sentence, []).append(h)
    for index, in_sentence in targets.items():
        s = doc.sentences[index]
        found = by_sentence[index]
        kinds = {h.kind for h in in_sentence}
        for trigger in found:
            rule = rules.rules[int(trigger.ident)]
            if rule.category is None or rule.targets.isdisjoint(kinds):
                continue  # no mention in its sentence it may speak of: no scope to find
            lo, hi = _scope(doc, rules, rule, trigger, found, s.start, s.end)
            for hit in in_sentence:
                if hit.start < hi and hit.end > lo and hit.kind in rule.targets and not _overlaps(hit, trigger):
                    hit.context |= rule.flag
                    hit.context_by += (trigger,)


# Another drug, then the intervention "after" it: in a title the first is the study's, the intervention
# what its patients had before ("Oral memantine after ketamine infusion for CRPS"; TAXONOMY: ketamine
# given before the study is no route of it). Not a rule of the file: its trigger is another mention.
_THEN = regex_programs.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:after|following)\s+(?:(?:an?|the|their|prior|previous|initial|successful|response"
    r"|responding|to)\s+)*"
)


def _after_another_drug(doc: Document) -> None:
    """Mark the intervention that a title names after another drug ``PRIOR``."""
    others = [h for h in doc.hits_of("other_drug") if doc.sentences[h.sentence].role is Role.TITLE]
    if not others:
        return
    for hit in doc.hits_of("drug"):
        if any(
            o.sentence == hit.sentence and o.end <= hit.start and _THEN.fullmatch(doc.lower, o.end, hit.start)
            for o in others
        ):
            hit.context |= Context.PRIOR.value


def _after(doc: Document, rule: ContextRule) -> None:
    """An "after" rule: its patterns tried right after each mention it may speak of."""
    match = rule.after.match if rule.after is not None else None
    assert match is not None
    text = doc.text if rule.after_on_original else doc.lower  # same offsets
    for kind in rule.targets:
        for hit in doc.hits_of(kind):
            m = match(text, hit.end)
            if m is not None:
                hit.context |= rule.flag
                trigger = Hit(TRIGGER_KIND, str(rule.index), m.start(1), m.end(), hit.sentence, None)
                hit.context_by += (trigger,)


# An effect estimate: "(n = 188; -2.0, 95% CI -2.4 to -1.6)", "(OR 0.6; p = 0.02)".
_ESTIMATE = regex_programs.compile(r"\bci\b|\bp ?[<=>≤]|\bratio\b|mean difference")
_BRACKET_REACH = 80
_CASEMIX: Final = Context.CASEMIX.value  # plain ints: an IntFlag's "&" costs microseconds
_SUBGROUP: Final = Context.SUBGROUP.value


def listed_or_subgroup(doc: Document, rules: ContextRules, hit: Hit) -> tuple[bool, bool]:
    """(listed, subgroup): a condition mention is an example or a share of a mixed population, or a subgroup
    with results of its own ("by diagnosis: ...", "CRPS (n = 188; -2.0, 95% CI -2.4 to -1.6)")."""
    context = hit.context
    subgroup = bool(context & _SUBGROUP) or bool(context & _CASEMIX and _share_with_results(doc, rules, hit))
    return bool(context & LISTED) and not subgroup, subgroup


def _share_with_results(doc: Document, rules: ContextRules, hit: Hit) -> bool:
    """A share of a mixed population in brackets after the mention that also hold an effect estimate: a
    subgroup with results of its own (TAXONOMY), not a line of the case mix. Read only where a casemix trigger is."""
    lower = doc.lower
    for trigger in hit.context_by:
        if not rules.rules[int(trigger.ident)].flag & _CASEMIX or trigger.start < hit.end:
            continue
        opened = max(lower.find("(", trigger.start, trigger.end), lower.find("[", trigger.start, trigger.end))
        if opened < 0:
            continue  # "neuropathic pain 60%": no bracket to hold results
        closed = lower.find(")" if lower[opened] == "(" else "]", opened, opened + _BRACKET_REACH)
        inside = lower[opened : closed if closed > 0 else opened + _BRACKET_REACH]
        if _ESTIMATE.search(inside):
            return True
    return False


def _overlaps(a: Hit, b: Hit) -> bool:
    return a.start < b.end and b.start < a.end


def _longest(triggers: Sequence[Hit]) -> list[Hit]:
    """Triggers that no longer overlapping trigger contains (a pseudo trigger silences the one it holds)."""
    kept: list[Hit] = []
    for t in sorted(triggers, key=lambda h: (h.start, h.start - h.end)):
        if kept and t.start < kept[-1].end:
            last = kept[-1]
            if (t.start, t.end) == (last.start, last.end):
                kept.append(t)  # one phrase, two rules ("was not studied": a condition, a route): both speak
                continue
            if t.end - t.start <= last.end - last.start:
                continue
            while kept and t.start < kept[-1].end:
                kept.pop()
        kept.append(t)
    return kept


def _scope(
    doc: Document, rules: ContextRules, rule: ContextRule, trigger: Hit, found: list[Hit], start: int, end: int
) -> tuple[int, int]:
    """(lo, hi): the text the trigger speaks of, within its sentence ``start``-``end``."""
    lo, hi = trigger.start, trigger.end
    ends = rule.flag | rule.terminated_by
    if rule.direction in ("forward", "bidirectional"):
        hi = end
        for other in found:
            if other.start >= trigger.end and _stops(rules, other, ends):
                hi = min(hi, other.start)
        hi = min(hi, _clause_end(doc.text, rules.clause_marks, trigger.end, hi))
        if rule.max_scope is not None:
            hi = min(hi, _words_after(doc.text, trigger.end, hi, rule.max_scope))
    if rule.direction in ("backward", "bidirectional"):
        lo = start
        for other in found:
            if other.end <= trigger.start and _stops(rules, other, ends):
                lo = max(lo, other.end)
        lo = max(lo, _clause_start(doc.text, rules.clause_marks, lo, trigger.start))
        if rule.max_scope is not None:
            lo = max(lo, _words_before(doc.text, lo, trigger.start, rule.max_scope))
    return lo, hi


def _stops(rules: ContextRules, other: Hit, flags: int) -> bool:
    """Trigger ``other`` ends a scope: it terminates, or its category is among ``flags``."""
    rule = rules.rules[int(other.ident)]
    return rule.direction == "terminate" or bool(rule.flag & flags)


# A clause mark inside brackets joins no clauses: "(CRPS; n = 88)" is one item of a list.
def _clause_end(text: str, marks: str, lo: int, hi: int) -> int:
    for mark in marks:
        at = text.find(mark, lo, hi)
        while at >= 0 and text.count("(", lo, at) > text.count(")", lo, at):
            at = text.find(mark, at + 1, hi)
        if at >= 0:
            hi = at
    return hi


def _clause_start(text: str, marks: str, lo: int, hi: int) -> int:
    for mark in marks:
        at = text.rfind(mark, lo, hi)
        while at >= 0 and text.count(")", at, hi) > text.count("(", at, hi):
            at = text.rfind(mark, lo, at)
        if at >= 0:
            lo = at + 1
    return lo


def _words_after(text: str, lo: int, hi: int, count: int) -> int:
    end = lo
    for n, m in enumerate(_WORD.finditer(text, lo, hi), 1):
        end = m.end()
        if n == count:
            break
    return end


def _words_before(text: str, lo: int, hi: int, count: int) -> int:
    words = [m.start() for m in _WORD.finditer(text, lo, hi)]
    return words[-count] if len(words) >= count else lo


def clause(doc: Document, rules: ContextRules, hit: Hit) -> tuple[int, int]:
    """(lo, hi): the clause of ``hit``'s sentence it sits in, between terminating phrases and clause marks."""
    s = doc.sentences[hit.sentence]
    lo, hi = s.start, s.end
    for t in doc.hits_of(TRIGGER_KIND):
        if t.sentence == hit.sentence and rules.rules[int(t.ident)].direction == "terminate":
            if t.end <= hit.start:
                lo = max(lo, t.end)
            elif t.start >= hit.end:
                hi = min(hi, t.start)
    lo = _clause_start(doc.text, rules.clause_marks, lo, hit.start)
    return lo, _clause_end(doc.text, rules.clause_marks, hit.end, hi)


def trigger_words(doc: Document, rules: ContextRules, hit: Hit, flags: int) -> str:
    """The triggers of ``hit`` with a category among ``flags``, in words: '"such as" (an example)'."""
    said = []
    for trigger in hit.context_by:
        rule = rules.rules[int(trigger.ident)]
        if rule.flag & flags:
            said.append(f'"{doc.span(trigger)}" ({rule.label}, context {rule.where})')
    return "; ".join(said)
