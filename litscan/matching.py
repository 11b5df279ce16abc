"""Find many regular expressions in a text fast, each only where it could start.

The tagger has several hundred patterns (vocabulary entries and rule cues)
and runs inside every import, so searching each pattern over each abstract
is too slow. ``PatternIndex`` reads off each pattern the words or word
prefixes its matches must start with (its *gates*); per text, it finds the
gates present with C-speed set operations and tries a gate's patterns only
at the words that start with it.

Patterns match case-insensitively from the start of a word. They are run
lower-cased over the lower-cased text, because Python's regex engine
searches several times faster for a literal prefix without IGNORECASE;
patterns with a case-sensitive part (``(?-i:IV)``) run as written on the
original text.
"""

from __future__ import annotations

import re


class PatternIndex:
    """All patterns, tried only where the text has a word they could start with.

    Each pattern knows the words or word prefixes its matches start with
    (``_gates_of``). Per record, the gates present in the text are found with
    C-speed set operations; then, at each word that starts with a gate, one
    regex holding all of that gate's patterns is tried (and, where it matches,
    the gate's other patterns too, so overlapping mentions are all found).
    Patterns run lower-cased over the lower-cased text: Python's regex engine
    is several times faster without IGNORECASE.
    """

    def __init__(self, sources: list[str]) -> None:
        self.single: list[tuple[re.Pattern[str], int, bool]] = []
        grouped: dict[tuple[str, str], list[int]] = {}
        self.always: list[int] = []
        for index, source in enumerate(sources):
            original = "(?-i" in source  # case-sensitive parts: run as written on the original text
            regex = re.compile(source, re.IGNORECASE) if original else re.compile(_lower_source(source))
            self.single.append((regex, index, original))
            gates = _gates_of(source)
            if gates is None:
                self.always.append(index)
            else:
                for gate in gates:
                    grouped.setdefault(gate, []).append(index)
        # gate -> (finder, combined regex or None, group number -> pattern index, patterns to retry)
        self.groups: dict[tuple[str, str], tuple[re.Pattern[str], re.Pattern[str] | None, list[int],
                                                 dict[int, list[int]]]] = {}
        for gate, indices in grouped.items():
            plain = [i for i in indices if not self.single[i][2]]
            originals = [i for i in indices if self.single[i][2]]
            parts: list[str] = []
            index_of_group: list[int] = [-1]
            for i in plain:
                parts.append(f"({self.single[i][0].pattern})")
                index_of_group.extend([i] * (self.single[i][0].groups + 1))
            combined = re.compile("|".join(parts)) if parts else None
            # The combined regex reports the first alternative that matches at a position; the ones
            # before it failed there, so only those after it (and case-sensitive ones) are retried.
            retry = {i: plain[n + 1:] + originals for n, i in enumerate(plain)}
            retry[-1] = originals
            kind, word = gate
            # The word-start check runs inside the regex engine: the literal first keeps its fast search.
            finder = re.compile(re.escape(word) + rf"(?<![^\W_].{{{len(word)}}})"
                                + (r"(?![^\W_])" if kind == "word" else ""))
            self.groups[gate] = (finder, combined, index_of_group, retry)
        # Which gates a text's words open: a whole word, or a word's first three or four letters.
        self.opened_by: dict[tuple[str, bytes], list[tuple[str, str]]] = {}
        for gate in grouped:
            kind, literal = gate
            key = literal.encode()
            self.opened_by.setdefault((kind if len(key) < 4 else "prefix", key[:4]), []).append(gate)
        self.exact = frozenset(k for kind, k in self.opened_by if kind == "word")
        self.prefix4 = frozenset(k for kind, k in self.opened_by if kind == "prefix" and len(k) == 4)
        self.prefix3 = frozenset(k for kind, k in self.opened_by if kind == "prefix" and len(k) == 3)

    def find(self, text: str, low: str) -> list[tuple[int, int, int]]:
        """Every (pattern index, start, end) in ``text``; ``low`` is ``text`` lower-cased, same length."""
        words = set(low.encode("ascii", "replace").translate(_BYTES_SPACE).split())
        opened_by = self.opened_by
        gates: list[tuple[str, str]] = []
        for k in self.exact & words:
            gates += opened_by["word", k]
        for k in self.prefix4 & {w[:4] for w in words}:
            gates += opened_by["prefix", k]
        if self.prefix3:
            for k in self.prefix3 & {w[:3] for w in words}:
                gates += opened_by["prefix", k]
        seen: set[tuple[int, int]] = set()
        hits: list[tuple[int, int, int]] = []
        single = self.single
        groups = self.groups
        for gate in gates:
            finder, combined, index_of_group, retry = groups[gate]
            always_retry = retry[-1]
            for found in finder.finditer(low):
                pos = found.start()
                first = -1
                if combined is not None:
                    m = combined.match(low, pos)
                    if m is not None:
                        first = index_of_group[m.lastindex or 0]
                        if (first, pos) not in seen:
                            seen.add((first, pos))
                            hits.append((first, pos, m.end()))
                if first < 0 and not always_retry:
                    continue
                for i in retry[first]:
                    regex, _index, original = single[i]
                    other = regex.match(text if original else low, pos)
                    if other is not None and (i, pos) not in seen:
                        seen.add((i, pos))
                        hits.append((i, pos, other.end()))
        for i in self.always:
            regex, _index, original = single[i]
            source = text if original else low
            for m in regex.finditer(source):
                start = m.start()
                if start and _is_word(source[start - 1]) and _is_word(source[start]):
                    continue  # inside a word: patterns match from a word start
                if (i, start) not in seen:
                    seen.add((i, start))
                    hits.append((i, start, m.end()))
        return hits


_BYTES_SPACE = bytes(b if chr(b).isalnum() and b < 128 else 32 for b in range(256))


def _gates_of(source: str) -> set[tuple[str, str]] | None:
    """The words ("word", w) or word prefixes ("prefix", p) a match of ``source`` must start with.

    None when the pattern could start anywhere (then it always runs).
    """
    try:
        parsed = list(_sre_parse(_lower_source(source)))
    except (re.error, RecursionError, TypeError):
        return None
    return _heads(parsed, "", 0)


def _sre_parse(source: str) -> object:
    from re import _parser  # type: ignore[attr-defined]

    return _parser.parse(source)


def _heads(items: list, acc: str, depth: int) -> set[tuple[str, str]] | None:  # type: ignore[type-arg]
    """Literal starts of a parsed pattern: ("prefix", "neur") or ("word", "iv"); None when unknown."""
    from re import _constants as c  # type: ignore[attr-defined]

    def stop() -> set[tuple[str, str]] | None:
        return {("prefix", acc)} if len(acc) >= 3 else None

    if len(acc) >= 4:
        return {("prefix", acc)}
    if not items or depth > 8:
        return stop()
    op, av = items[0]
    rest = items[1:]
    if op is c.LITERAL:
        ch = chr(av).lower()
        if ch.isascii() and ch.isalnum():
            return _heads(rest, acc + ch, depth)
        if ch.isalnum() or ch == "_":  # a non-ASCII letter: the word goes on
            return stop()
        return {("word", acc)} if acc else None
    if op is c.AT:
        if av is c.AT_BOUNDARY:
            return {("word", acc)} if acc else _heads(rest, acc, depth)
        return stop()
    if op is c.SUBPATTERN:  # flags such as (?-i:...) only narrow what matches
        return _heads(list(av[3]) + rest, acc, depth + 1)
    if op in (c.ASSERT, c.ASSERT_NOT):  # zero-width: the gate comes from what follows
        return _heads(rest, acc, depth)
    if op is c.BRANCH:
        out: set[tuple[str, str]] = set()
        for branch in av[1]:
            found = _heads(list(branch) + rest, acc, depth + 1)
            if found is None:
                return None
            out |= found
        return out
    if op is c.MAX_REPEAT and av[0] == 0 and av[1] == 1:  # "rats?": with and without
        with_it = _heads(list(av[2]) + rest, acc, depth + 1)
        without = _heads(rest, acc, depth + 1)
        return None if with_it is None or without is None else with_it | without
    if op is c.IN and len(av) <= 3 and all(o is c.LITERAL for o, _ in av):
        out = set()
        for _o, v in av:
            found = _heads([(c.LITERAL, v), *rest], acc, depth + 1)
            if found is None:
                return None
            out |= found
        return out
    return stop()


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _lower_source(source: str) -> str:
    """Lower-case a pattern's letters but not its escapes (``\\S`` stays ``\\S``)."""
    out: list[str] = []
    escaped = False
    for ch in source:
        out.append(ch if escaped else ch.lower())
        escaped = not escaped and ch == "\\"
    return "".join(out)
