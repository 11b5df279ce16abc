"""Find many regular expressions in a text fast, each only where it could start.

The tagger has several hundred patterns (vocabulary entries and rule cues)
and runs inside every import, so searching each pattern over each abstract
is too slow. ``PatternIndex`` reads off each pattern the words or word
prefixes its matches must start with (its *gates*) and, narrower, the
literal text they start with (its *scan keys*: "the present ", "the
current "). Per text, one C-speed regex pass over a byte copy of the text
finds the word starts where some scan key occurs, and only the patterns
that could match there are tried there. (Before, each gate found in the text
was searched for over the whole text: about fifty passes per abstract.) How
gates and scan keys are read off a pattern is ``litscan.tagging.literal_starts``.

Patterns match case-insensitively from the start of a word. They are run
lower-cased over the lower-cased text, because Python's regex engine
matches several times faster without IGNORECASE; patterns with a
case-sensitive part (``(?-i:IV)``) run as written on the original text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from operator import itemgetter

from . import regex_programs
from .index_cache import Gate, Starts, remembered
from .literal_starts import gates_of, lower_source, parse, scan_keys

_START = itemgetter(1)


class PatternIndex:
    """All patterns, tried only where the text has a word they could start with.

    Each pattern knows the words or word prefixes its matches start with
    (``literal_starts.gates_of``) and, narrower, a few literal starts (``scan_keys``: "the
    present " and "the current ", where the gate is only "the"). Per record,
    one regex pass over the text finds the word starts where any literal start
    occurs; there, the patterns whose literal start it is are tried, one regex
    holding all of them (and, where it matches, one holding the patterns after
    the one that matched, so overlapping mentions are all found). Patterns run
    lower-cased over the lower-cased text: Python's regex engine is several
    times faster without IGNORECASE.
    """

    def __init__(self, sources: list[str], compiled: list[re.Pattern[str]] | None = None) -> None:
        """``compiled``, if given, holds ``compile_matcher(source)`` of each source (already made to validate them)."""
        self.single = [
            (compiled[index] if compiled is not None else compile_matcher(source), index, runs_on_original(source))
            for index, source in enumerate(sources)
        ]
        starts = remembered(sources, _read_starts)
        grouped: dict[tuple[str, str], list[int]] = {}
        self.always: list[int] = []
        keys_of: dict[int, set[bytes]] = {}
        for index, gates in enumerate(starts.gates):
            if gates is None:
                self.always.append(index)
                continue
            for gate in gates:
                grouped.setdefault(gate, []).append(index)
            keys_of[index] = set(starts.keys[index])
        # The scanner runs over the text reduced to ASCII letters, digits and spaces (see ``find``): at
        # a space, the longest scan key that follows it (children before ends in the trie).
        self._scanner = regex_programs.compile(b" (?=(" + starts.trie + b"))") if starts.trie else None
        # A plan is made the first time its key is found: a topic's texts reach only some of them.
        self._plans: dict[bytes, _Plan] = {}
        steps: dict[tuple[int, ...], _Step] = {}  # shared by the plans that try the same patterns
        self._plan_inputs = (grouped, keys_of, self.single, steps)

    def find(self, text: str, low: str) -> list[tuple[int, int, int]]:
        """Every (pattern index, start, end) in ``text``, in text order; ``low`` is ``text`` lower-cased, same length.

        Matches at one start come in the order they were tried: their patterns' gates (whole word, then
        four letters, then three), then the patterns that always run.
        """
        hits: list[tuple[int, int, int]] = []
        if self._scanner is not None:
            self._scan(self._scanner, text, low, hits)  # word start after word start
        if not self.always:
            return hits
        for i in self.always:
            regex, _index, original = self.single[i]
            source = text if original else low
            for m in regex.finditer(source):
                start = m.start()
                if start and is_word_char(source[start - 1]) and is_word_char(source[start]):
                    continue  # inside a word: patterns match from a word start
                hits.append((i, start, m.end()))
        hits.sort(key=_START)  # stable: at one start, scanned first
        return hits

    def _scan(self, scanner: re.Pattern[bytes], text: str, low: str, hits: list[tuple[int, int, int]]) -> None:
        """The patterns with gates, each tried at the word starts where one of its scan keys occurs."""
        # One byte per character (anything but an ASCII letter or digit becomes a space), so offsets
        # stay those of ``low``; the padding puts a space before the first word and after the last.
        ascii_ = low.encode("ascii", "replace")
        padded = b" " + ascii_.translate(_BYTES_SPACE) + b" "
        # A non-ASCII letter or digit ("é", "µ") is a space in ``padded`` but no word boundary, nor
        # is "_": texts with one are checked at each word (most have only dashes and symbols).
        exact = "_" not in low and _no_other_word_chars(low, ascii_)
        single = self.single
        plans = self._plans
        add = hits.append
        # split(): the text between the spaces the scanner stops at, and after each, the key it found there.
        # No Match object and no start()/group() call per word: ~36K instructions a record fewer than
        # finditer (callgrind, gen10k: parse, tag and prepare). The text after the last key is not read.
        parts = scanner.split(padded)
        pos = -1
        for key, before in zip(parts[1::2], parts[::2], strict=False):
            pos += len(before) + 1  # the space before the word in ``padded``: the word's start in ``low``
            plan = plans.get(key) or self._plan(key)
            if exact:
                only = plan.only
                if only is not None:  # most words: one pattern to try
                    m = only[0].match(low, pos)
                    if m is not None:
                        add((only[1], pos, m.end()))
                    continue
                decided = plan.decided
                if decided is not None:  # the key found is the whole match
                    add((decided[0], pos, pos + decided[1]))
                    continue
                steps = plan.steps
            else:
                found_steps = plan.inexact_steps(low, pos, add)
                if found_steps is None:
                    continue
                steps = found_steps
            for step in steps:
                plain = step.plain
                k = 0
                while k < len(plain):
                    regex, position_of_group = step.chains[k] or step.chain(k)
                    m = regex.match(low, pos)
                    if m is None:
                        break
                    # The outer group closes last; each alternative is a group, so a match has a lastindex.
                    k = position_of_group[m.lastindex]  # type: ignore[index]
                    add((plain[k], pos, m.end()))
                    k += 1
                for i in step.originals:
                    m = single[i][0].match(text, pos)
                    if m is not None:
                        add((i, pos, m.end()))

    def _plan(self, key: bytes) -> _Plan:
        plan = self._plans[key] = _Plan(key, *self._plan_inputs)
        return plan


def runs_on_original(source: str) -> bool:
    """A pattern with a case-sensitive part (``(?-i:IV)``) runs as written on the original text."""
    return "(?-i" in source


def compile_matcher(source: str) -> re.Pattern[str]:
    """The regex ``PatternIndex`` runs for ``source``: lower-cased, or as written case-insensitively."""
    if runs_on_original(source):
        return regex_programs.compile(source, re.IGNORECASE)
    return regex_programs.compile(lower_source(source))


class _Plan:
    """What to try where ``key`` is the longest scan key at a word start.

    The gates the word opens (its first four characters tell) come in the order they were tried
    before the scanner existed, whole word, then four letters, then three: hits at one offset keep
    their order, and the first one's words become the evidence. Of each gate, only the patterns with
    a scan key that starts ``key`` can match there; a pattern under two of the gates is tried once.
    """

    __slots__ = ("decided", "only", "prefix_steps", "steps", "word_length")

    def __init__(
        self,
        key: bytes,
        grouped: dict[tuple[str, str], list[int]],
        keys_of: dict[int, set[bytes]],
        single: list[tuple[re.Pattern[str], int, bool]],
        shared: dict[tuple[int, ...], _Step],
    ) -> None:
        word, space, _ = key[:4].partition(b" ")
        gates = [("prefix", word[:length].decode()) for length in (4, 3) if len(word) >= length]
        # A non-ASCII letter after the word is a space in the scanned bytes: then the whole-word gate
        # is closed after all (``prefix_steps``).
        self.word_length = len(word) if space and ("word", word.decode()) in grouped else 0

        def steps(gates: list[tuple[str, str]]) -> list[_Step]:
            out: list[_Step] = []
            tried: set[int] = set()
            for gate in gates:
                indices = [
                    i for i in grouped.get(gate, ()) if i not in tried and any(key.startswith(k) for k in keys_of[i])
                ]
                tried.update(indices)
                if indices:
                    out.append(shared.get(tuple(indices)) or shared.setdefault(tuple(indices), _Step(indices, single)))
            return out

        self.prefix_steps = steps(gates)
        self.steps = steps([("word", word.decode()), *gates]) if self.word_length else self.prefix_steps
        only = self.steps[0] if len(self.steps) == 1 else None
        self.only = (
            (single[only.plain[0]][0], only.plain[0])
            if only is not None and len(only.plain) == 1 and not only.originals
            else None
        )
        # A pattern that is plain letters and digits, perhaps with a word end, matches wherever the
        # scanner found them (in a text whose word boundaries the scanned bytes show): no regex run.
        self.decided = None
        if self.only is not None:
            length = _decided_length(self.only[0].pattern, key)
            if length:
                self.decided = (self.only[1], length)
                self.only = None

    def inexact_steps(self, low: str, pos: int, add: Callable[[tuple[int, int, int]], None]) -> list[_Step] | None:
        """The steps to try at ``pos`` of a text whose word starts the scanned bytes do not all show.

        None where there is nothing more to try: ``pos`` is inside a word, or the one pattern to try
        was tried here (its hit passed to ``add``).
        """
        if pos and low[pos - 1].isalnum():
            return None
        if self.word_length:
            after = pos + self.word_length
            return self.prefix_steps if after < len(low) and low[after].isalnum() else self.steps
        if self.only is not None:
            regex, i = self.only
            m = regex.match(low, pos)
            if m is not None:
                add((i, pos, m.end()))
            return None
        return self.steps


class _Step:
    """Some patterns of one gate, tried at one word start.

    ``chains[k]`` is one regex holding the plain patterns from the k-th on, each in a group of its
    own: the first that matches is reported (the ones before it failed here), and the search goes on
    with the patterns after it. Built when first needed: most words need only the first.
    """

    __slots__ = ("_groups", "_sources", "chains", "originals", "plain")

    def __init__(self, indices: list[int], single: list[tuple[re.Pattern[str], int, bool]]) -> None:
        self.plain = [i for i in indices if not single[i][2]]
        self.originals = [i for i in indices if single[i][2]]
        self._sources = [single[i][0].pattern for i in self.plain]
        self._groups = [single[i][0].groups for i in self.plain]
        self.chains: list[tuple[re.Pattern[str], list[int]] | None] = [None] * len(self.plain)

    def chain(self, k: int) -> tuple[re.Pattern[str], list[int]]:
        position_of_group = [-1]  # group number -> position in ``plain`` of the pattern it belongs to
        for position in range(k, len(self.plain)):
            position_of_group.extend([position] * (self._groups[position] + 1))
        regex = regex_programs.compile("|".join(f"({source})" for source in self._sources[k:]))
        self.chains[k] = (regex, position_of_group)
        return regex, position_of_group


# The scanner's alphabet (``literal_starts.SCAN_ALPHABET``): ASCII letters and digits, all else a space.
_BYTES_SPACE = bytes(b if chr(b).isalnum() and b < 128 else 32 for b in range(256))


_ESCAPED = [re.escape(bytes([byte])) for byte in range(256)]  # looked up, not re.escape()d, per trie node


def _read_starts(sources: list[str]) -> Starts:
    """Each pattern's gates and scan keys, read through the regex parser, and the scanner's trie of them all."""
    gates_read: list[list[Gate] | None] = []
    keys_read: list[list[bytes]] = []
    for source in sources:
        parsed = parse(source)  # once, for both readings of its start (gates and scan keys)
        gates = gates_of(source, parsed)
        gates_read.append(None if gates is None else sorted(gates))
        keys_read.append([] if gates is None else sorted(scan_keys(source, gates, runs_on_original(source), parsed)))
    keys = {key for each in keys_read for key in each}
    return Starts(gates_read, keys_read, trie(keys) if keys else b"")


def trie(keys: set[bytes]) -> bytes:
    """One regex matching the longest of ``keys`` that starts where it is tried, letter by letter."""
    tree: dict[int, dict] = {}  # type: ignore[type-arg]
    for key in keys:
        node = tree
        for byte in key:
            node = node.setdefault(byte, {})
        node[-1] = {}  # a key ends here

    def emit(node: dict) -> bytes:  # type: ignore[type-arg]
        branches = [_ESCAPED[byte] + emit(child) for byte, child in sorted(node.items()) if byte >= 0]
        if -1 in node:
            branches.append(b"")  # tried last: a longer key wins
        return branches[0] if len(branches) == 1 else b"(?:" + b"|".join(branches) + b")"

    return emit(tree)


_PLAIN_WORD = regex_programs.compile(r"([a-z0-9]+)(\\b)?")


def _decided_length(pattern: str, key: bytes) -> int:
    """The length of every match of ``pattern`` where the scanner found ``key``, if the key decides it; else 0.

    ``pattern`` is a lower-cased regex; it is decided when it is ASCII letters and digits (which the
    scanned bytes keep as they are), perhaps with a word end (which a space there shows).
    """
    plain = _PLAIN_WORD.fullmatch(pattern)
    if plain is None:
        return 0
    word = plain.group(1)
    needed = word + " " if plain.group(2) else word
    return len(word) if key.startswith(needed.encode()) else 0


def is_word_char(ch: str) -> bool:
    """What ``\\w`` matches: a letter, a digit or an underscore."""
    return ch.isalnum() or ch == "_"


def _no_other_word_chars(low: str, ascii_: bytes) -> bool:
    """No character the ASCII copy replaced ("?") is a letter or digit: its word starts are the text's."""
    at = ascii_.find(b"?")
    while at >= 0:
        if low[at].isalnum():
            return False
        at = ascii_.find(b"?", at + 1)
    return True
