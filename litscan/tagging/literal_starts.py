"""What every match of a pattern must start with, read off the regex parser's tree without matching.

``PatternIndex`` tries a pattern only where the text could hold a match: at a word its *gates*
open (the words or word prefixes its matches start with: "neur" for "neuropathic (pain|neuralgia)",
the word "iv" for "iv\\b") and, narrower, where its *scan keys* occur (the literal text its matches
start with: "the present " and "the current " where the gate is only "the"). Both are read from the
tree of Python's own regex parser, so they agree with what the regex engine will match. A pattern
whose start cannot be read (it may start with any digit) has no gates: it is searched everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# The regex parser's own tree and names: what a pattern's literal start is, read without matching.
from re import _constants as _sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from . import regex_programs

# ``re._parser.SubPattern``, a sequence of (opcode, argument) items; the parser has no type information.
Parsed = Any
Items = list[tuple[Any, Any]]
Gate = tuple[str, str]  # ("word", "iv") or ("prefix", "neur")

SCAN_ALPHABET = b"abcdefghijklmnopqrstuvwxyz0123456789 "  # what the scanner leaves of lower-case text
_MAX_KEY = 16  # characters of a scan key: long enough to tell "the present" from "the patients"
_MAX_KEYS = 64  # scan keys per branching: beyond that they are cut shorter
_MAX_GATE = 4  # characters of a gate: the scanner's plans read a word's first four
_ESCAPE_OR_TEXT = regex_programs.compile(r"\\.?|[^\\]+", re.DOTALL)


def lower_source(source: str) -> str:
    """Lower-case a pattern's letters but not its escapes (``\\S`` stays ``\\S``)."""
    if "\\" not in source:
        return source.lower()
    return "".join(piece if piece[0] == "\\" else piece.lower() for piece in _ESCAPE_OR_TEXT.findall(source))


def parse(source: str) -> Parsed | None:
    """The lower-cased ``source`` as the regex parser reads it; None when it cannot be read."""
    try:
        return _parser.parse(lower_source(source))
    except (re.error, RecursionError, TypeError):
        return None


# --- gates: the words or word prefixes a match starts with ---------------------------------------


def gates_of(source: str, parsed: Parsed | None = None) -> set[Gate] | None:
    """The words ("word", w) or word prefixes ("prefix", p) a match of ``source`` must start with.

    None when the pattern could start anywhere (then it always runs). ``parsed``: ``parse(source)``,
    when the caller has it.
    """
    parsed = parsed if parsed is not None else parse(source)
    if parsed is None:
        return None
    return _heads(list(parsed), "", 0)


def _heads(items: Items, acc: str, depth: int) -> set[Gate] | None:
    """Literal starts of a parsed pattern: ("prefix", "neur") or ("word", "iv"); None when unknown.

    ``acc`` is the literal text read so far.
    """
    if len(acc) >= _MAX_GATE:
        return {("prefix", acc)}
    if not items or depth > 8:
        return _unread(acc)
    op, av = items[0]
    rule = _HEAD_RULES.get(op)
    return rule(av, items[1:], acc, depth) if rule else _unread(acc)


def _unread(acc: str) -> set[Gate] | None:
    """Where the start cannot be read further: a prefix of three letters or more is still a gate."""
    return {("prefix", acc)} if len(acc) >= 3 else None


def _all_heads(alternatives: list[Items], acc: str, depth: int) -> set[Gate] | None:
    out: set[Gate] = set()
    for items in alternatives:
        found = _heads(items, acc, depth)
        if found is None:
            return None
        out |= found
    return out


def _head_literal(av: Any, rest: Items, acc: str, depth: int) -> set[Gate] | None:
    ch = chr(av).lower()
    if ch.isascii() and ch.isalnum():
        return _heads(rest, acc + ch, depth)
    if ch.isalnum() or ch == "_":  # a non-ASCII letter: the word goes on
        return _unread(acc)
    return {("word", acc)} if acc else None


def _head_at(av: Any, rest: Items, acc: str, depth: int) -> set[Gate] | None:
    if av is _sre.AT_BOUNDARY:
        return {("word", acc)} if acc else _heads(rest, acc, depth)
    return _unread(acc)


def _head_optional(av: Any, rest: Items, acc: str, depth: int) -> set[Gate] | None:
    low, high, item = av
    if low == 0 and high == 1:  # "rats?": with and without
        return _all_heads([list(item) + rest, rest], acc, depth + 1)
    return _unread(acc)


def _head_set(av: Any, rest: Items, acc: str, depth: int) -> set[Gate] | None:
    if len(av) <= 3 and all(o is _sre.LITERAL for o, _ in av):  # "[sz]": each letter
        return _all_heads([[(_sre.LITERAL, v), *rest] for _o, v in av], acc, depth + 1)
    return _unread(acc)


_HeadRule = Callable[[Any, Items, str, int], set[Gate] | None]
_HEAD_RULES: dict[Any, _HeadRule] = {
    _sre.LITERAL: _head_literal,
    _sre.AT: _head_at,
    # Flags such as (?-i:...) only narrow what matches.
    _sre.SUBPATTERN: lambda av, rest, acc, depth: _heads(list(av[3]) + rest, acc, depth + 1),
    # Zero-width: the gate comes from what follows.
    _sre.ASSERT: lambda av, rest, acc, depth: _heads(rest, acc, depth),
    _sre.ASSERT_NOT: lambda av, rest, acc, depth: _heads(rest, acc, depth),
    _sre.BRANCH: lambda av, rest, acc, depth: _all_heads([list(b) + rest for b in av[1]], acc, depth + 1),
    _sre.MAX_REPEAT: _head_optional,
    _sre.IN: _head_set,
}


# --- scan keys: the literal text a match starts with ---------------------------------------------


def scan_keys(source: str, gates: set[Gate], original: bool, parsed: Parsed | None = None) -> set[bytes]:
    """Strings one of which starts every match of ``source``, in the scanner's alphabet.

    That alphabet is the text reduced to ASCII letters and digits, everything else a space; a
    whole-word gate "iv" is "iv ". The pattern's own literal start ("the (?:present|current) ")
    narrows its gates ("the "): a word is only tried where both could match.
    """
    gate_keys = {(word + " " if kind == "word" else word).encode() for kind, word in gates}
    # Originals run case-insensitively on the original text: only the gate's letters are certain.
    keys = gate_keys if original else _narrowed(source, gate_keys, parsed)
    # A plan reads the gates off a key's first four characters: a shorter key without a word end
    # ("men" of "men\\w+") stands for each character that can follow it.
    short = {key for key in keys if len(key) < _MAX_GATE and b" " not in key}
    return (keys - short) | {key + bytes([ch]) for key in short for ch in SCAN_ALPHABET}


def _narrowed(source: str, gate_keys: set[bytes], parsed: Parsed | None = None) -> set[bytes]:
    """The gates' keys, lengthened by the pattern's own literal start where it is longer."""
    parsed = parsed if parsed is not None else parse(source)
    if parsed is None:
        return gate_keys
    try:
        if parsed.state.flags & re.IGNORECASE:  # "(?i)" matches letters a lower-cased literal does not
            return gate_keys
        starts = _starts(list(parsed), "", 0)
    except (re.error, RecursionError, TypeError, AttributeError):
        return gate_keys
    keys: set[bytes] = set()
    for start in starts:
        key = start.encode()
        for gate in gate_keys:
            if key.startswith(gate):
                keys.add(key)
            elif gate.startswith(key):
                keys.add(gate)
    return keys or gate_keys


def _starts(items: Items, acc: str, depth: int) -> set[str]:
    """Literal starts of a parsed pattern in the scanner's alphabet; ``acc`` is what came before."""
    if len(acc) >= _MAX_KEY or not items or depth > 12:
        return {acc}
    op, av = items[0]
    rule = _START_RULES.get(op)
    return rule(av, items[1:], acc, depth) if rule else {acc}


def _union(alternatives: list[Items], acc: str, depth: int) -> set[str]:
    return _joined((_starts(items, acc, depth + 1) for items in alternatives), acc)


def _joined(alternatives: Iterable[set[str]], acc: str) -> set[str]:
    """The starts of several alternatives after ``acc``, each worked out only when needed."""
    out: set[str] = set()
    for starts in alternatives:
        out |= starts
        if len(out) > 8 * _MAX_KEYS:  # branch after branch: stop working it out
            return {acc}
    length = _MAX_KEY
    while len(out) > _MAX_KEYS and length > len(acc):  # too many: shorter ones (each still starts a match)
        length -= 1
        out = {key[:length] for key in out}
    return out


def _start_at(av: Any, rest: Items, acc: str, depth: int) -> set[str]:
    if av is _sre.AT_BOUNDARY and acc and acc[-1] != " ":
        return {acc + " "}  # the word ends here: a space (or the padding) follows it
    return _starts(rest, acc, depth) if av is _sre.AT_BOUNDARY and not acc else {acc}


def _start_group(av: Any, rest: Items, acc: str, depth: int) -> set[str]:
    if av[1] & re.IGNORECASE:  # "(?i:...)" matches letters a lower-cased literal does not
        return {acc}
    return _starts(list(av[3]) + rest, acc, depth + 1)


def _start_repeat(av: Any, rest: Items, acc: str, depth: int) -> set[str]:
    low, high, item = av
    if low == 0 and high == 1:  # "rats?": with and without
        return _union([list(item) + rest, rest], acc, depth)
    if low >= 1:  # the first repetition at least
        return _starts(list(item), acc, depth + 1)
    return {acc}


def _start_set(av: Any, rest: Items, acc: str, depth: int) -> set[str]:
    chars: set[str] = set()
    for member, value in av:
        if member is _sre.LITERAL:
            chars.add(_scan_char(value))
        elif member is _sre.CATEGORY and value in (_sre.CATEGORY_SPACE, _sre.CATEGORY_NOT_WORD):
            chars.add(" ")
        elif member is _sre.CATEGORY and value is _sre.CATEGORY_DIGIT:  # other scripts' digits: spaces
            chars.update("0123456789 ")
        else:  # negated sets, ranges, digits, letters: any of many characters
            return {acc}
    # What may follow a character depends only on the key's length so far and on whether the
    # character is a space (a word end): worked out once for a letter and once for a space, then
    # spelled with each character ("\\d\\d" would otherwise be worked out 121 times).
    at = len(acc)
    follows: dict[bool, set[str]] = {}

    def starts_with(ch: str) -> set[str]:
        if at >= _MAX_KEY or depth + 1 > 12:
            return {acc}
        space = ch == " "
        if space not in follows:
            follows[space] = _starts(rest, acc + (" " if space else "x"), depth + 1)
        return {acc + ch + key[at + 1 :] for key in follows[space]}

    return _joined((starts_with(ch) for ch in sorted(chars)), acc)


def _scan_char(code: int) -> str:
    """The scanner's letter for a character: ASCII letters and digits stand for themselves."""
    ch = chr(code)
    return ch if ch.isascii() and ch.isalnum() else " "


_StartRule = Callable[[Any, Items, str, int], set[str]]
_START_RULES: dict[Any, _StartRule] = {
    _sre.LITERAL: lambda av, rest, acc, depth: _starts(rest, acc + _scan_char(av), depth),
    _sre.AT: _start_at,
    # Zero-width: what follows decides.
    _sre.ASSERT: lambda av, rest, acc, depth: _starts(rest, acc, depth),
    _sre.ASSERT_NOT: lambda av, rest, acc, depth: _starts(rest, acc, depth),
    _sre.SUBPATTERN: _start_group,
    _sre.ATOMIC_GROUP: lambda av, rest, acc, depth: _starts(list(av) + rest, acc, depth + 1),
    _sre.BRANCH: lambda av, rest, acc, depth: _union([list(b) + rest for b in av[1]], acc, depth),
    _sre.MAX_REPEAT: _start_repeat,
    _sre.MIN_REPEAT: _start_repeat,
    _sre.POSSESSIVE_REPEAT: _start_repeat,
    _sre.IN: _start_set,
}
