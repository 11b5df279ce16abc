"""The trial registries litscan links to (``registries.toml`` in this package), loaded and validated.

Each registry says how its ids look in text (patterns), how a match becomes the id the registry
writes (a normaliser), which of NLM's data banks hold its ids, and where one trial's page is. The
file is data a user may edit: every mistake is a ``ConfigError`` naming the file and the entry
(``registries.nct.patterns[0]: …``), and each registry's own examples and counter-examples are run
when the file loads, so an edit that stops finding what it should is caught there, not in a digest.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..config import registries_path, toml_data
from ..errors import ConfigError
from ..files import read_named_file
from ..tagging.matching import trie

FORMAT_VERSION = 1
_KEYS = {
    "label",
    "databanks",
    "patterns",
    "hints",
    "normaliser",
    "prefix",
    "url",
    "examples",
    "not_ids",
}
_REQUIRED = ("label", "patterns", "normaliser", "url")
_KEY_NAME = re.compile(r"[a-z][a-z0-9_]*")
_SPACE = re.compile(r"\s+")
_NOT_DIGIT = re.compile(r"\D+")
# A separator written between a prefix and the digits that follow it ("ChiCTR-2000…", "IRCT: 2012…").
_LEADING_SEPARATOR = re.compile(r"^[\-‐‑–—:#/]+(?=\d)")


def _digits(text: str, prefix: str) -> str:
    return prefix + _NOT_DIGIT.sub("", text[len(prefix) :] if _starts(text, prefix) else text)


def _prefix(text: str, prefix: str) -> str:
    rest = _SPACE.sub("", text[len(prefix) :] if _starts(text, prefix) else text)
    return prefix + _LEADING_SEPARATOR.sub("", rest)


def _upper(text: str, prefix: str) -> str:
    return _SPACE.sub("", text).upper()


def _starts(text: str, prefix: str) -> bool:
    return text[: len(prefix)].lower() == prefix.lower()


NORMALISERS: dict[str, Callable[[str, str], str]] = {"digits": _digits, "prefix": _prefix, "upper": _upper}


@dataclass(frozen=True)
class Registry:
    """One registry: how its ids are found and written, and where they link."""

    key: str
    label: str
    databanks: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]
    hints: tuple[str, ...]  # lower-case text one of which starts a word in every match: text without is not searched
    normaliser: str
    prefix: str
    url_template: str

    def find(self, text: str, lowered: str | None = None) -> list[str]:
        """The ids this registry's patterns find in ``text`` (``lowered``: the same text in lower case)."""
        if self.hints and not _any_at_word_start(lowered if lowered is not None else text.lower(), self.hints):
            return []
        return self.matches(text)

    def matches(self, text: str) -> list[str]:
        """The ids the patterns find in ``text``, its hints not asked."""
        found = []
        for pattern in self.patterns:
            for match in pattern.finditer(text):
                start = match.start()
                # Checked here, not by a look-behind in the pattern: one at its start keeps the regex
                # engine from jumping to the pattern's first letters, and made the search 3x slower.
                if not start or not text[start - 1].isalnum():
                    found.append(self.normalise(match.group("id") if "id" in pattern.groupindex else match.group()))
        return found

    def normalise(self, text: str) -> str:
        """``text`` (a match, or a data bank's accession number) as the registry writes the id."""
        return NORMALISERS[self.normaliser](text.strip(), self.prefix)

    def url(self, trial_id: str) -> str:
        return self.url_template.replace("{id}", trial_id)


def _any_at_word_start(lowered: str, hints: tuple[str, ...]) -> bool:
    """Whether one of ``hints`` stands in ``lowered`` at the start of a word.

    A match starts a word, so its hint does too; "nct" in "function" or "ntr" in "control" do not, and
    the (slower) patterns are not run for them.
    """
    return any(_found_at_word_start(lowered, hint) for hint in hints)


# The two characters whose lower case holds an ASCII letter without being ASCII (İ gives "i" and a
# combining dot, the Kelvin sign "k"): a text holding one is lower-cased in full.
_LOWER_TO_ASCII = ("\u0130", "\u212a")


def _ascii_lowered(text: str) -> str | None:
    """``text`` with its ASCII letters lower-cased and every other non-ASCII character as "?", or None.

    Finds ASCII hints where ``text.lower()`` finds them, character for character, at a fraction of
    the cost: lower-casing a text that holds one non-ASCII character looks each character up in
    Unicode's tables (~55 instructions a character), and searching a one-byte string is faster.
    None for the texts that need ``lower()`` itself (``_LOWER_TO_ASCII``).
    """
    if text.isascii():
        return text.lower()
    if any(char in text for char in _LOWER_TO_ASCII):
        return None
    return text.encode("ascii", "replace").lower().decode("ascii")


# Every byte but an ASCII letter or digit as a space: a lower-cased ASCII text's words, where hints are found.
_WORDS_ONLY = bytes(c if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256))


def _found_at_word_start(lowered: str, hint: str) -> bool:
    """Whether ``hint`` stands in ``lowered`` (a lower-cased text) at the start of a word: the character
    before is not a letter or digit."""
    at = lowered.find(hint)
    while at >= 0:
        if at == 0 or not lowered[at - 1].isalnum():
            return True
        at = lowered.find(hint, at + 1)
    return False


@dataclass(frozen=True)
class Registries:
    """Every registry of one file, in the file's order, and which hold a data bank's accession numbers."""

    registries: tuple[Registry, ...]
    path: str
    fingerprint: str  # of the file's bytes
    databank_index: dict[str, tuple[Registry, ...]]  # casefolded data bank name -> its registries
    # (registries searched in every text, (hint, registry) pairs), by position in ``registries``
    search_index: tuple[tuple[int, ...], tuple[tuple[str, int], ...]]

    def for_databank(self, name: str) -> tuple[Registry, ...]:
        """The registries whose ids NLM files under data bank ``name`` (any case)."""
        return self.databank_index.get(name.strip().casefold(), ())

    def get(self, key: str) -> Registry | None:
        return next((r for r in self.registries if r.key == key), None)

    def search(self, text: str) -> list[tuple[Registry, str]]:
        """Every registry id in ``text``, registry by registry in the file's order, each with its registry.

        Runs for every record an import stores, so only the registries one of whose hints starts a word
        have their patterns run: found in one pass over the text where its ASCII lower case keeps its
        length, else hint by hint in its full lower case.
        """
        lowered = _ascii_lowered(text) if self.ascii_hints else None
        due = self._due_by_scan(text, lowered) if lowered is not None else self._due_by_hint(text.lower())
        return [(self.registries[i], trial_id) for i in sorted(due) for trial_id in self.registries[i].matches(text)]

    def _due_by_hint(self, lowered: str) -> set[int]:
        """The registries whose hints start a word of ``lowered`` (``text.lower()``), hint by hint."""
        due = set(self.unhinted)
        for hint, index in self.hint_index:
            # ``in`` first: most hints are in no text, and the operator costs less than a method call.
            if hint in lowered and index not in due and _found_at_word_start(lowered, hint):
                due.add(index)
        return due

    def _due_by_scan(self, text: str, lowered: str) -> set[int]:
        """The registries whose hints start a word of ``lowered`` (``_ascii_lowered(text)``): one regex pass that
        stops at word starts only, where a hint in twenty separate searches cost ~11 µs a record."""
        scanner, due_at = self._hint_scanner
        due = set(self.unhinted)
        padded = b" " + lowered.encode("ascii").translate(_WORDS_ONLY)
        for m in scanner.finditer(padded):
            at = m.start()  # the word starts at ``at`` in ``text``; the character before it is text[at - 1]
            if at and not text[at - 1].isascii() and text[at - 1].lower()[-1:].isalnum():
                continue  # "é" before it: inside a word
            due.update(due_at[m.group(1)])
        return due

    @cached_property
    def _hint_scanner(self) -> tuple[re.Pattern[bytes], dict[bytes, tuple[int, ...]]]:
        """A regex that, at each word start of a ``_WORDS_ONLY`` text, finds the longest hint there, and for each
        hint the registries due where it is found (those of every hint it begins with too)."""
        keys: dict[bytes, list[int]] = {}
        for hint, index in self.hint_index:
            keys.setdefault(hint.encode("ascii").translate(_WORDS_ONLY), []).append(index)
        due_at = {key: tuple(i for other, ids in keys.items() if key.startswith(other) for i in ids) for key in keys}
        # letter by letter (a trie), not twenty alternatives tried in turn at every word
        return re.compile(b" (?=(" + trie(set(keys)) + b"))"), due_at

    @cached_property
    def ascii_hints(self) -> bool:
        """Whether every hint is ASCII without "?": then ``_ascii_lowered`` text finds each where ``lower()`` would."""
        return all(hint.isascii() and "?" not in hint for hint, _ in self.hint_index)

    @property
    def unhinted(self) -> tuple[int, ...]:
        return self.search_index[0]

    @property
    def hint_index(self) -> tuple[tuple[str, int], ...]:
        return self.search_index[1]


def _databank_index(registries: tuple[Registry, ...]) -> dict[str, tuple[Registry, ...]]:
    index: dict[str, tuple[Registry, ...]] = {}
    for registry in registries:
        for name in registry.databanks:
            index[name.casefold()] = (*index.get(name.casefold(), ()), registry)
    return index


def default_path() -> Path:
    return Path(str(resources.files("litscan.pubmed") / "registries.toml"))


def load_registries(path: str | Path | None = None) -> Registries:
    """Read and validate a registry file: ``path``, else the file ``$LITSCAN_REGISTRIES`` names, else the
    one shipped in the package. The file is read once a process (a parallel import's workers each read it)."""
    if path is None:
        return _default(registries_path())
    path = Path(path)
    return _load(str(path), read_named_file(path, "registry file", ConfigError))


@lru_cache(maxsize=4)
def _default(chosen: str | None) -> Registries:
    return load_registries(chosen or default_path())


@lru_cache(maxsize=8)
def _load(path: str, data: bytes) -> Registries:
    raw = toml_data(data, path)
    unknown = set(raw) - {"version", "registries"}
    if unknown:
        raise ConfigError(f"unknown key '{sorted(unknown)[0]}' (allowed: version, registries)", path=path)
    if raw.get("version", FORMAT_VERSION) != FORMAT_VERSION:
        raise ConfigError(f"version must be {FORMAT_VERSION}", path=path, where="version")
    tables = raw.get("registries")
    if not isinstance(tables, dict) or not tables:
        raise ConfigError("no [registries.<key>] tables", path=path, where="registries")
    registries = tuple(_registry(path, key, table) for key, table in tables.items())
    unhinted = tuple(i for i, registry in enumerate(registries) if not registry.hints)
    hinted = tuple((hint, i) for i, registry in enumerate(registries) for hint in registry.hints)
    return Registries(
        registries, path, hashlib.sha1(data).hexdigest()[:12], _databank_index(registries), (unhinted, hinted)
    )


def _registry(path: str, key: str, table: Any) -> Registry:
    where = f"registries.{key}"

    def fail(message: str, field: str | None = None) -> ConfigError:
        return ConfigError(message, path=path, where=f"{where}.{field}" if field else where)

    if not _KEY_NAME.fullmatch(key):
        raise fail("a registry's key is lower-case letters, digits and '_'")
    if not isinstance(table, dict):
        raise fail("must be a table")
    unknown = set(table) - _KEYS
    if unknown:
        raise fail(f"unknown key '{sorted(unknown)[0]}' (allowed: {', '.join(sorted(_KEYS))})")
    for name in _REQUIRED:
        if name not in table:
            raise fail(f"'{name}' is missing")
    label = _text(table["label"], fail, "label")
    normaliser = _text(table["normaliser"], fail, "normaliser")
    if normaliser not in NORMALISERS:
        raise fail(f"unknown normaliser {normaliser!r} (choose from {', '.join(NORMALISERS)})", "normaliser")
    prefix = _text(table["prefix"], fail, "prefix") if "prefix" in table else ""
    if normaliser in ("digits", "prefix") and not prefix:
        raise fail(f"the {normaliser!r} normaliser needs a 'prefix'", "prefix")
    url = _text(table["url"], fail, "url")
    if not url.startswith("https://") or "{id}" not in url:
        raise fail("must start with https:// and hold {id}", "url")
    hints = _hints(table.get("hints", []), fail)
    registry = Registry(
        key=key,
        label=label,
        databanks=tuple(_texts(table.get("databanks", []), fail, "databanks")),
        patterns=tuple(_pattern(source, fail, f"patterns[{i}]") for i, source in enumerate(_patterns(table, fail))),
        hints=hints,
        normaliser=normaliser,
        prefix=prefix,
        url_template=url,
    )
    _check_examples(registry, table, fail)
    return registry


def _text(value: Any, fail: Callable[[str, str], ConfigError], field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise fail("must be a non-empty string", field)
    return value.strip()


def _texts(value: Any, fail: Callable[[str, str], ConfigError], field: str) -> list[str]:
    if not isinstance(value, list):
        raise fail("must be a list of strings", field)
    return [_text(item, fail, f"{field}[{i}]") for i, item in enumerate(value)]


def _hints(value: Any, fail: Callable[[str, str], ConfigError]) -> tuple[str, ...]:
    hints = _texts(value, fail, "hints")
    for i, hint in enumerate(hints):
        if hint != hint.lower():
            raise fail("must be lower case", f"hints[{i}]")
    return tuple(hints)


def _patterns(table: dict[str, Any], fail: Callable[[str, str], ConfigError]) -> list[str]:
    sources = _texts(table["patterns"], fail, "patterns")
    if not sources:
        raise fail("needs at least one pattern", "patterns")
    return sources


def _pattern(source: str, fail: Callable[[str, str], ConfigError], field: str) -> re.Pattern[str]:
    # The boundaries make exact lengths count: nine digits after "NCT" are no NCT number. The one
    # before a match is checked by ``Registry.find``.
    try:
        pattern = re.compile(rf"(?:{source})(?![^\W_])", re.IGNORECASE)
    except re.error as exc:
        raise fail(f"not a valid regular expression ({exc})", field) from None
    if pattern.groups and "id" not in pattern.groupindex and pattern.groupindex:
        raise fail("a named group must be called 'id'", field)
    if pattern.match(""):
        raise fail("matches empty text", field)
    return pattern


def _check_examples(registry: Registry, table: dict[str, Any], fail: Callable[[str, str], ConfigError]) -> None:
    examples = table.get("examples", [])
    if not isinstance(examples, list):
        raise fail("must be a list of [text, id] pairs", "examples")
    for i, pair in enumerate(examples):
        field = f"examples[{i}]"
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)):
            raise fail("must be a [text, id] pair", field)
        found = list(registry.find(pair[0]))
        if found != [pair[1]]:
            raise fail(f"{pair[0]!r} gives {found or 'no id'}, not [{pair[1]!r}]", field)
    for i, text in enumerate(_texts(table.get("not_ids", []), fail, "not_ids")):
        found = list(registry.find(text))
        if found:
            raise fail(f"{text!r} must give no id, but gives {found}", f"not_ids[{i}]")
