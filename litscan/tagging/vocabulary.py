"""Tag vocabularies: the data file a topic points at, loaded and validated in one place.

A vocabulary (``queries/*.vocab.toml``) names the intervention a topic is
about, its conditions (with groups), routes and designs: ids, display labels,
regular-expression patterns, MeSH descriptor UIs and publication-type
mappings. The rules that decide *which* mention counts (own study or
background, which drug a route word belongs to) live in the rest of ``litscan.tagging``;
everything a user may want to refine or extend lives here.

Patterns are Python regular expressions matched case-insensitively from the
start of a word. Every mistake is a ``ConfigError`` naming the file and the
entry (``condition 'crps'.patterns[2]: ...``).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from ..config import toml_data
from ..errors import ConfigError
from ..files import read_named_file
from . import regex_programs
from .matching import compile_matcher, runs_on_original

FORMAT_VERSION = 1

_TOP_KEYS = {"version", "name", "description", "intervention", "topic", "groups", "condition", "route", "design"}
_INTERVENTION_KEYS = {
    "label",
    "patterns",
    "mesh",
    "other_drugs",
    "infusion_route",
    "infused_routes",
    "unlabelled_routes",
}
_TOPIC_KEYS = {"chronic_patterns", "preclinical_model_patterns", "late_outcome_patterns", "off_topic"}
_OFF_TOPIC_KEYS = {"label", "patterns", "title_only", "leaves", "another_use", "acute_model"}
_GROUP_KEYS = {"label"}
_CONDITION_KEYS = {
    "id",
    "label",
    "group",
    "patterns",
    "weak_patterns",
    "yields_to",
    "sentence_patterns",
    "title_sentence_patterns",
    "mesh",
    "only_chronic",
}
_ROUTE_KEYS = {"id", "label", "patterns", "adverbs", "forms", "mesh"}
_DESIGN_KEYS = {
    "id",
    "label",
    "strong",
    "weak",
    "title",
    "title_decides",
    "decides",
    "all_of",
    "by_protocol",
    "outranks",
    "publication_types",
    "mesh",
}
_ID = regex_programs.compile(r"^[a-z][a-z0-9_]*$")
_MESH_UI = regex_programs.compile(r"^[DC]\d{6,9}$")


@dataclass(frozen=True)
class Pattern:
    """One pattern and where it came from, so evidence and errors can name it.

    ``matcher`` is the compiled form the tagger's ``PatternIndex`` runs (made once, when the file is
    validated); ``regex``, the pattern from a word start, case-insensitive, for the few rules that
    search a sentence or a section label with it, is compiled the first time it is needed.
    """

    source: str
    matcher: re.Pattern[str]
    where: str  # "condition 'crps'.patterns[0]"

    @classmethod
    def compile(cls, source: str, where: str) -> Pattern:
        """Raises re.error for a bad expression."""
        pattern = cls(source, compile_matcher(source), where)
        if pattern.matcher.flags != re.UNICODE | (re.IGNORECASE if runs_on_original(source) else 0):
            pattern.regex  # noqa: B018  inline global flags: "\\b(?:...)" may reject them, so say so now
        return pattern

    @cached_property
    def regex(self) -> re.Pattern[str]:
        # from the programs kept between processes, like ``matcher``: a command that reads section labels
        # would otherwise compile some 200 of them afresh (~30 ms) before its first record
        return regex_programs.compile(rf"\b(?:{self.source})", re.IGNORECASE)


@dataclass(frozen=True)
class Group:
    id: str
    label: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class Condition:
    id: str
    label: str
    group: str | None
    patterns: tuple[Pattern, ...]
    weak_patterns: tuple[Pattern, ...]  # count only when no condition it yields to is found
    yields_to: tuple[str, ...]  # condition ids, "group:<id>" or "*" (any other condition)
    sentence_patterns: tuple[tuple[Pattern, ...], ...]  # all parts in one sentence → weak match
    mesh: tuple[str, ...]
    # The row names a pain that is the condition only when chronic (back or neck pain): named only as
    # acute pain here, and nowhere as chronic, it is not the population's condition.
    only_chronic: bool = False
    # As ``sentence_patterns``, and the first part may also be the population the title names, the others in
    # one of the study's own sentences ("ketamine prescribing in a hospice" ... "most often for neuropathic pain").
    title_sentence_patterns: tuple[tuple[Pattern, ...], ...] = ()

    @property
    def described(self) -> tuple[tuple[Pattern, ...], ...]:
        """``sentence_patterns`` then ``title_sentence_patterns``: a ``cond_part`` entry's part indexes these."""
        return self.sentence_patterns + self.title_sentence_patterns


@dataclass(frozen=True)
class Route:
    id: str
    label: str
    patterns: tuple[Pattern, ...]  # adjectives and nouns: "intravenous", "IV", "epidural"
    adverbs: tuple[Pattern, ...]  # "intravenously", "p.o.": bind to the drug before them first
    forms: tuple[Pattern, ...]  # dosage forms that imply the route: "cream", "lozenge"
    mesh: tuple[str, ...]


@dataclass(frozen=True)
class Design:
    id: str
    label: str
    strong: tuple[Pattern, ...]  # the abstract says so of its own study: wins over publication types
    weak: tuple[Pattern, ...]  # suggestive only: publication types win over these
    title: tuple[Pattern, ...]  # cues that count only in the title
    publication_types: tuple[str, ...]
    mesh: tuple[str, ...]
    title_decides: bool = False  # a title cue settles the design (review, case report, protocol...)
    decides: tuple[Pattern, ...] = ()  # cues that settle it wherever the record says them of itself
    # Lists of cues that together state it ("searched MEDLINE" and "12 trials were included"): one of each list
    all_of: tuple[tuple[Pattern, ...], ...] = ()
    # The study gave the intervention by its own protocol ("according to the study protocol", "dose-limiting
    # toxicity"): said of the study, these state the design over the designs in ``outranks``, whatever else the
    # record calls itself ("a prospective observational study" whose patients received it by protocol).
    by_protocol: tuple[Pattern, ...] = ()
    outranks: tuple[str, ...] = ()


@dataclass(frozen=True)
class OffTopic:
    id: str
    label: str
    patterns: tuple[Pattern, ...]
    title_only: bool
    # The condition a chronic pain followed up weeks or months after this setting is ("chronic_postsurgical_pain").
    leaves: str | None = None
    # Another use of the drug (depression, abuse), not another population (volunteers): a sentence naming it
    # without pain says nothing of how the drug was given for pain.
    another_use: bool = True
    # An animal model of acute pain ("plantar incision"): its hyperalgesia or allodynia is no chronic pain model.
    acute_model: bool = False


@dataclass(frozen=True)
class Vocabulary:
    """A validated vocabulary; entries keep the file's order (design order is priority order)."""

    path: Path
    name: str
    fingerprint: str  # sha1 of the file's bytes
    intervention_label: str
    intervention: tuple[Pattern, ...]
    intervention_mesh: tuple[str, ...]
    other_drugs: tuple[Pattern, ...]
    infusion_route: str | None
    chronic_patterns: tuple[Pattern, ...]
    preclinical_model_patterns: tuple[Pattern, ...]
    off_topic: tuple[OffTopic, ...]
    # An outcome weeks or months later: a chronic population in an acute setting (surgery) is on topic with one.
    late_outcome_patterns: tuple[Pattern, ...]
    groups: dict[str, Group]
    conditions: dict[str, Condition]
    routes: dict[str, Route]
    designs: dict[str, Design]
    # Routes with no id ("rectal", "intraperitoneal"): stated routes that label nothing.
    unlabelled_routes: tuple[Pattern, ...] = ()
    # Other routes an infusion may run by ("subcutaneous"): where one is stated, an infusion is not infusion_route.
    infused_routes: tuple[str, ...] = ()

    @property
    def condition_ids(self) -> tuple[str, ...]:
        return tuple(self.conditions)

    @property
    def route_ids(self) -> tuple[str, ...]:
        return tuple(self.routes)

    @property
    def design_ids(self) -> tuple[str, ...]:
        return tuple(self.designs)

    def group_of(self, condition_id: str) -> str | None:
        return self.conditions[condition_id].group if condition_id in self.conditions else None

    @cached_property
    def rows_under(self) -> dict[str, frozenset[str]]:
        """For each condition, the rows it is the wider row of through its ``yields_to``: every other one ("*"),
        or its groups' members; empty for a specific row."""
        under: dict[str, frozenset[str]] = {}
        for cid, condition in self.conditions.items():
            rows: set[str] = set()
            for target in condition.yields_to:
                if target == "*":
                    rows |= set(self.conditions)
                elif target.startswith("group:"):
                    rows |= set(self.groups[target[6:]].members)
            under[cid] = frozenset(rows - {cid})
        return under


def load_vocabulary(path: str | Path) -> Vocabulary:
    """Read and validate a vocabulary file (cached by path and content)."""
    path = Path(path)
    return _load(str(path), read_named_file(path, "vocabulary file", ConfigError))


@lru_cache(maxsize=16)
def _load(path: str, data: bytes) -> Vocabulary:
    raw = toml_data(data, path)
    return _Builder(path).build(raw, hashlib.sha1(data).hexdigest())


class _Builder:
    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, where: str, message: str) -> ConfigError:
        return ConfigError(message, path=self.path, where=where)

    def table(self, value: Any, where: str, allowed: set[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "must be a table")
        for key in value:
            if key not in allowed:
                raise self.fail(where, f"unknown key '{key}' (allowed: {', '.join(sorted(allowed))})")
        return value

    def text(self, value: Any, where: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, "must be a non-empty string")
        return value.strip()

    def flag(self, value: Any, where: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(where, "must be true or false")
        return value

    def strings(self, value: Any, where: str) -> list[str]:
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(where, "must be a list of non-empty strings")
        return value

    def patterns(self, value: Any, where: str) -> tuple[Pattern, ...]:
        return tuple(self.pattern(source, f"{where}[{i}]") for i, source in enumerate(self.strings(value, where)))

    def pattern(self, source: str, where: str) -> Pattern:
        try:
            pattern = Pattern.compile(source, where)
        except re.error as exc:
            raise self.fail(where, f"bad regular expression {source!r} ({exc})") from None
        if pattern.matcher.match(""):
            raise self.fail(where, f"pattern {source!r} matches empty text")
        return pattern

    def mesh(self, value: Any, where: str) -> tuple[str, ...]:
        uis = self.strings(value, where)
        for i, ui in enumerate(uis):
            if not _MESH_UI.match(ui):
                raise self.fail(f"{where}[{i}]", f"{ui!r} is not a MeSH UI (like D007649)")
        return tuple(uis)

    def entries(self, raw: dict[str, Any], key: str) -> list[tuple[str, dict[str, Any], str]]:
        items = raw.get(key, [])
        if not isinstance(items, list) or not items:
            raise self.fail(key, f"needs at least one [[{key}]] entry")
        out: list[tuple[str, dict[str, Any], str]] = []
        seen: set[str] = set()
        allowed = {"condition": _CONDITION_KEYS, "route": _ROUTE_KEYS, "design": _DESIGN_KEYS}[key]
        for i, item in enumerate(items):
            ident = item.get("id") if isinstance(item, dict) else None
            if not isinstance(ident, str) or not _ID.match(ident):
                raise self.fail(f"{key}[{i}].id", f"missing or invalid id {ident!r} (lower_case_with_underscores)")
            entry = self.table(item, f"{key} '{ident}'", allowed)
            if ident in seen:
                raise self.fail(f"{key} '{ident}'", "duplicate id")
            seen.add(ident)
            out.append((ident, entry, f"{key} '{ident}'"))
        return out

    def off_topic(self, topic: dict[str, Any]) -> tuple[OffTopic, ...]:
        off_raw = self.table(topic.get("off_topic", {}), "topic.off_topic", set(topic.get("off_topic", {})))
        off_topic = []
        for oid, item in off_raw.items():
            where = f"topic.off_topic.{oid}"
            entry = self.table(item, where, _OFF_TOPIC_KEYS)
            title_only = self.flag(entry.get("title_only", False), f"{where}.title_only")
            off_topic.append(
                OffTopic(
                    oid,
                    str(entry.get("label") or oid),
                    self.patterns(entry.get("patterns"), f"{where}.patterns"),
                    title_only,
                    self.text(entry["leaves"], f"{where}.leaves") if "leaves" in entry else None,
                    self.flag(entry.get("another_use", not title_only), f"{where}.another_use"),
                    self.flag(entry.get("acute_model", False), f"{where}.acute_model"),
                )
            )
        return tuple(off_topic)

    def group_labels(self, raw: dict[str, Any]) -> dict[str, str]:
        groups_raw = self.table(raw.get("groups", {}), "groups", set(raw.get("groups", {})))
        group_labels: dict[str, str] = {}
        for gid, item in groups_raw.items():
            if not _ID.match(gid):
                raise self.fail(f"groups.{gid}", "invalid group id (lower_case_with_underscores)")
            group_labels[gid] = self.text(
                self.table(item, f"groups.{gid}", _GROUP_KEYS).get("label"), f"groups.{gid}.label"
            )
        return group_labels

    def conditions(self, raw: dict[str, Any], group_labels: dict[str, str]) -> dict[str, Condition]:
        conditions: dict[str, Condition] = {}
        condition_entries = self.entries(raw, "condition")
        ids = {ident for ident, _, _ in condition_entries}
        for ident, entry, where in condition_entries:
            group = entry.get("group")
            if group is not None and group not in group_labels:
                raise self.fail(f"{where}.group", f"unknown group {group!r} (define it under [groups])")
            yields = self.strings(entry.get("yields_to"), f"{where}.yields_to")
            for target in yields:
                known = target == "*" or target in ids or (target.startswith("group:") and target[6:] in group_labels)
                if not known or target == ident:
                    raise self.fail(f"{where}.yields_to", f"unknown condition or group {target!r}")
            sentence_patterns, title_sentence_patterns = (
                self.pattern_lists(entry.get(key), f"{where}.{key}")
                for key in ("sentence_patterns", "title_sentence_patterns")
            )
            conditions[ident] = Condition(
                ident,
                self.text(entry.get("label"), f"{where}.label"),
                group,
                self.patterns(entry.get("patterns"), f"{where}.patterns"),
                self.patterns(entry.get("weak_patterns"), f"{where}.weak_patterns"),
                tuple(yields),
                sentence_patterns,
                self.mesh(entry.get("mesh"), f"{where}.mesh"),
                self.flag(entry.get("only_chronic", False), f"{where}.only_chronic"),
                title_sentence_patterns,
            )
        return conditions

    def routes(self, raw: dict[str, Any]) -> dict[str, Route]:
        return {
            ident: Route(
                ident,
                self.text(entry.get("label"), f"{where}.label"),
                self.patterns(entry.get("patterns"), f"{where}.patterns"),
                self.patterns(entry.get("adverbs"), f"{where}.adverbs"),
                self.patterns(entry.get("forms"), f"{where}.forms"),
                self.mesh(entry.get("mesh"), f"{where}.mesh"),
            )
            for ident, entry, where in self.entries(raw, "route")
        }

    def pattern_lists(self, value: Any, where: str) -> tuple[tuple[Pattern, ...], ...]:
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, list) and v for v in value):
            raise self.fail(where, "must be a list of non-empty lists of patterns")
        return tuple(self.patterns(parts, f"{where}[{i}]") for i, parts in enumerate(value))

    def designs(self, raw: dict[str, Any]) -> dict[str, Design]:
        designs: dict[str, Design] = {}
        outranked: list[tuple[str, str, str]] = []  # (design, a design it outranks, where): checked once all are read
        for ident, entry, where in self.entries(raw, "design"):
            designs[ident] = Design(
                ident,
                self.text(entry.get("label"), f"{where}.label"),
                self.patterns(entry.get("strong"), f"{where}.strong"),
                self.patterns(entry.get("weak"), f"{where}.weak"),
                self.patterns(entry.get("title"), f"{where}.title"),
                tuple(self.strings(entry.get("publication_types"), f"{where}.publication_types")),
                self.mesh(entry.get("mesh"), f"{where}.mesh"),
                self.flag(entry.get("title_decides", False), f"{where}.title_decides"),
                self.patterns(entry.get("decides"), f"{where}.decides"),
                self.pattern_lists(entry.get("all_of"), f"{where}.all_of"),
                self.patterns(entry.get("by_protocol"), f"{where}.by_protocol"),
                tuple(self.strings(entry.get("outranks"), f"{where}.outranks")),
            )
            outranked += [(ident, other, f"{where}.outranks") for other in designs[ident].outranks]
        for ident, other, where in outranked:
            if other not in designs or other == ident:
                raise self.fail(where, f"unknown design {other!r}, or the design itself")
        return designs

    def build(self, raw: dict[str, Any], fingerprint: str) -> Vocabulary:
        self.table(raw, "top level", _TOP_KEYS)
        version = raw.get("version", FORMAT_VERSION)
        if version != FORMAT_VERSION:
            raise self.fail(
                "version", f"unsupported vocabulary version {version!r} (this litscan reads {FORMAT_VERSION})"
            )
        name = self.text(raw.get("name", Path(self.path).name.split(".")[0]), "name")

        inter = self.table(raw.get("intervention"), "intervention", _INTERVENTION_KEYS)
        intervention = self.patterns(inter.get("patterns"), "intervention.patterns")
        if not intervention:
            raise self.fail("intervention.patterns", "needs at least one pattern")

        topic = self.table(raw.get("topic", {}), "topic", _TOPIC_KEYS)
        off_topic = self.off_topic(topic)
        group_labels = self.group_labels(raw)
        conditions = self.conditions(raw, group_labels)
        groups = {
            gid: Group(gid, label, tuple(c.id for c in conditions.values() if c.group == gid))
            for gid, label in group_labels.items()
        }
        routes = self.routes(raw)
        designs = self.designs(raw)
        if "other" not in designs:
            raise self.fail("design", "needs a design with id 'other' (the fallback)")
        for off in off_topic:
            if off.leaves is not None and off.leaves not in conditions:
                raise self.fail(f"topic.off_topic.{off.id}.leaves", f"unknown condition id {off.leaves!r}")
        infusion_route = inter.get("infusion_route")
        if infusion_route is not None and infusion_route not in routes:
            raise self.fail("intervention.infusion_route", f"unknown route id {infusion_route!r}")
        infused_routes = self.strings(inter.get("infused_routes"), "intervention.infused_routes")
        for i, route in enumerate(infused_routes):
            if route not in routes:
                raise self.fail(f"intervention.infused_routes[{i}]", f"unknown route id {route!r}")
        return Vocabulary(
            path=Path(self.path),
            name=name,
            fingerprint=fingerprint,
            intervention_label=str(inter.get("label") or "the intervention"),
            intervention=intervention,
            intervention_mesh=self.mesh(inter.get("mesh"), "intervention.mesh"),
            other_drugs=self.patterns(inter.get("other_drugs"), "intervention.other_drugs"),
            infusion_route=infusion_route,
            chronic_patterns=self.patterns(topic.get("chronic_patterns"), "topic.chronic_patterns"),
            preclinical_model_patterns=self.patterns(
                topic.get("preclinical_model_patterns"), "topic.preclinical_model_patterns"
            ),
            off_topic=off_topic,
            late_outcome_patterns=self.patterns(topic.get("late_outcome_patterns"), "topic.late_outcome_patterns"),
            groups=groups,
            conditions=conditions,
            routes=routes,
            designs=designs,
            unlabelled_routes=self.patterns(inter.get("unlabelled_routes"), "intervention.unlabelled_routes"),
            infused_routes=tuple(infused_routes),
        )
