"""The phrase lists that pick a key finding (``phrases.toml`` in this package), loaded and validated.

Each list is compiled once into one expression, so a sentence is searched once a list. Patterns are
written in lower case and run over the lower-cased sentence: Python's regex engine is several times
faster without IGNORECASE. Every mistake is a ``ConfigError`` naming the file and the entry
(``reject.funding[2]: …``).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..config import toml_data
from ..errors import ConfigError
from ..files import read_named_file

FORMAT_VERSION = 1
REJECT_KINDS = ("future_research", "limitation", "registration", "funding", "ethics", "method")
FINDING_KINDS = ("effect", "null_result", "significance", "figures", "comparison", "conclusion")
QUALIFYING_KINDS = ("effect", "null_result", "significance", "conclusion")  # one of them makes a finding
WEAK_KINDS = ("baseline", "flow", "speculation", "adverse", "background")
_GROUPS = {"reject": REJECT_KINDS, "finding": FINDING_KINDS, "weak": WEAK_KINDS}
_ESCAPE = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)")  # "\D", "\S", group names: not letters to match
_CAPITAL = re.compile(r"[A-Z]")


class Matcher:
    """Patterns joined for speed: those anchored at the sentence start are tried there only, those that
    open at a word start share one ``\\b``, the rest are searched as written."""

    def __init__(self, sources: list[str]) -> None:
        at_start: list[str] = []
        at_word: list[str] = []
        others: list[str] = []
        for source in sources:
            alternatives = _top_level_alternatives(source)
            if all(a.startswith("^") for a in alternatives):
                at_start.append("|".join(a[1:] for a in alternatives))
            elif all(a.startswith(r"\b") for a in alternatives):
                at_word.append("|".join(a[2:] for a in alternatives))
            else:
                others.append(source)
        # ``\b(?:a|b|…)`` is several times faster than ``\ba|\bb|…``: the engine checks the word start once
        # a position, then skips each branch whose first letter differs.
        self._start = _one(at_start, "")
        self._search = [p for p in (_one(at_word, r"\b"), _one(others, "")) if p is not None]
        self.sources = tuple(sources)

    def search(self, text: str) -> re.Match[str] | None:
        """The earliest match in ``text``, or None."""
        found = self._start.match(text) if self._start is not None else None
        if found is not None:
            return found
        matches = [m for m in (p.search(text) for p in self._search) if m is not None]
        return min(matches, key=lambda m: m.start()) if matches else None

    def found(self, text: str) -> bool:
        """Whether ``text`` holds a match: cheaper than ``search`` where the place does not matter."""
        if self._start is not None and self._start.match(text):
            return True
        return any(p.search(text) for p in self._search)


def _one(sources: list[str], prefix: str) -> re.Pattern[str] | None:
    return re.compile(prefix + "(?:" + "|".join(f"(?:{s})" for s in sources) + ")") if sources else None


@dataclass(frozen=True)
class Phrases:
    """One matcher per list, by group and kind (``reject["funding"]``), and the lists joined for the
    questions asked of every sentence."""

    reject: dict[str, Matcher]
    finding: dict[str, Matcher]
    weak: dict[str, Matcher]
    path: str
    fingerprint: str  # of the file's bytes: a stored appraisal made with other phrases is stale
    any_reject: Matcher  # every reject list in one: most sentences need one search
    any_weak: Matcher
    any_qualifying: Matcher

    def rejected_by(self, text: str) -> str | None:
        """The first reject kind whose phrases occur in ``text``, else None."""
        low = text.lower()
        if not self.any_reject.found(low):
            return None
        return next((kind for kind, pattern in self.reject.items() if pattern.found(low)), None)


def default_path() -> Path:
    return Path(str(resources.files("litscan.appraisal") / "phrases.toml"))


def load_phrases(path: str | Path | None = None) -> Phrases:
    """Read and validate a phrase file (the one shipped in the package when ``path`` is None)."""
    if path is None:
        return _default()
    path = Path(path)
    return _load(str(path), read_named_file(path, "phrase file", ConfigError))


@lru_cache(maxsize=1)
def _default() -> Phrases:
    return load_phrases(default_path())


@lru_cache(maxsize=8)
def _load(path: str, data: bytes) -> Phrases:
    raw = toml_data(data, path)
    unknown = set(raw) - {"version", *_GROUPS}
    if unknown:
        raise ConfigError(f"unknown key '{sorted(unknown)[0]}' (allowed: version, {', '.join(_GROUPS)})", path=path)
    if raw.get("version", FORMAT_VERSION) != FORMAT_VERSION:
        raise ConfigError(f"version must be {FORMAT_VERSION}", path=path, where="version")
    compiled = {group: _group(path, group, raw.get(group), kinds) for group, kinds in _GROUPS.items()}
    any_reject, any_weak = (_joined(compiled[group].values()) for group in ("reject", "weak"))
    any_qualifying = _joined(compiled["finding"][kind] for kind in QUALIFYING_KINDS)
    fingerprint = hashlib.sha1(data).hexdigest()[:12]
    return Phrases(
        compiled["reject"],
        compiled["finding"],
        compiled["weak"],
        path,
        fingerprint,
        any_reject,
        any_weak,
        any_qualifying,
    )


def _joined(matchers: Any) -> Matcher:
    return Matcher([source for matcher in matchers for source in matcher.sources])


def _group(path: str, group: str, table: Any, kinds: tuple[str, ...]) -> dict[str, Matcher]:
    if not isinstance(table, dict):
        raise ConfigError("must be a table", path=path, where=group)
    for key in table:
        if key not in kinds:
            raise ConfigError(f"unknown list '{key}' (allowed: {', '.join(kinds)})", path=path, where=group)
    return {kind: _matcher(path, f"{group}.{kind}", table.get(kind)) for kind in kinds}


def _matcher(path: str, where: str, sources: Any) -> Matcher:
    if not isinstance(sources, list) or not sources:
        raise ConfigError("must be a non-empty list of regular expressions", path=path, where=where)
    for i, source in enumerate(sources):
        if not isinstance(source, str) or not source.strip():
            raise ConfigError("must be a non-empty string", path=path, where=f"{where}[{i}]")
        try:
            single = re.compile(source)
        except re.error as exc:
            raise ConfigError(f"bad regular expression {source!r} ({exc})", path=path, where=f"{where}[{i}]") from None
        if single.search(""):
            raise ConfigError(f"pattern {source!r} matches empty text", path=path, where=f"{where}[{i}]")
        if _CAPITAL.search(_ESCAPE.sub("", source)):
            raise ConfigError(
                f"pattern {source!r} has a capital letter; write it in lower case (sentences are lower-cased)",
                path=path,
                where=f"{where}[{i}]",
            )
    try:
        return Matcher(sources)
    except re.error as exc:  # an inline flag such as (?i) is allowed alone but not inside the joined list
        raise ConfigError(f"the patterns cannot be joined ({exc}); drop inline flags", path=path, where=where) from None


def _top_level_alternatives(source: str) -> list[str]:
    """``source`` split at each ``|`` outside groups and character classes."""
    parts: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += 1 if source[i + 1 : i + 2] == "^" else 0
            i += 1 if source[i + 1 : i + 2] == "]" else 0  # "[]…]" and "[^]…]" hold a literal "]"
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    return parts
