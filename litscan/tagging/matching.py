"""Find many regular expressions in a text fast, each only where it could start.

The tagger has several hundred patterns (vocabulary entries and rule cues)
and runs inside every import, so searching each pattern over each abstract
is too slow. ``PatternIndex`` reads off each pattern the words or word
prefixes its matches must start with (its *gates*) and, narrower, the
literal text they start with (its *scan keys*: "the present ", "the
current "). Per text, one C-speed regex pass over a byte copy of the text
finds the word starts where some scan key occurs, and only the patterns
that could match there are tried there. (Before, each gate found in the text
was searched for over the whole text: about fifty passes per abstract.)

Patterns match case-insensitively from the start of a word. They are run
lower-cased over the lower-cased text, because Python's regex engine
matches several times faster without IGNORECASE; patterns with a
case-sensitive part (``(?-i:IV)``) run as written on the original text.
"""

from __future__ import annotations

import re

# The regex parser's own tree and names: what a pattern's literal start is, read without matching.
from re import _constants as _sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]


class PatternIndex:
    """All patterns, tried only where the text has a word they could start with.

    Each pattern knows the words or word prefixes its matches start with
    (``_gates_of``) and, narrower, a few literal starts (``_scan_keys``: "the
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
        self.single: list[tuple[re.Pattern[str], int, bool]] = []
        grouped: dict[tuple[str, str], list[int]] = {}
        self.always: list[int] = []
        keys_of: dict[int, set[bytes]] = {}
        for index, source in enumerate(sources):
            regex = compiled[index] if compiled is not None else compile_matcher(source)
            original = runs_on_original(source)
            self.single.append((regex, index, original))
            parsed = _parsed(source)  # once, for both readings of its start (gates and scan keys)
            gates = _gates_of(source, parsed)
            if gates is None:
                self.always.append(index)
                continue
            for gate in gates:
                grouped.setdefault(gate, []).append(index)
            keys_of[index] = _scan_keys(source, gates, original, parsed)
        keys = set().union(*keys_of.values())
        # The scanner runs over the text reduced to ASCII letters, digits and spaces (see ``find``): at
        # a space, the longest scan key that follows it (children before ends in the trie).
        self._scanner = re.compile(b" (?=(" + _trie(keys) + b"))") if keys else None
        # A plan is made the first time its key is found: a topic's texts reach only some of them.
        self._plans: dict[bytes, _Plan] = {}
        steps: dict[tuple[int, ...], _Step] = {}  # shared by the plans that try the same patterns
        self._plan_inputs = (grouped, keys_of, self.single, steps)

    def find(self, text: str, low: str) -> list[tuple[int, int, int]]:
        """Every (pattern index, start, end) in ``text``; ``low`` is ``text`` lower-cased, same length."""
        hits: list[tuple[int, int, int]] = []
        single = self.single
        if self._scanner is not None:
            # One byte per character (anything but an ASCII letter or digit becomes a space), so offsets
            # stay those of ``low``; the padding puts a space before the first word and after the last.
            ascii_ = low.encode("ascii", "replace")
            padded = b" " + ascii_.translate(_BYTES_SPACE) + b" "
            # A non-ASCII letter or digit ("é", "µ") is a space in ``padded`` but no word boundary:
            # texts with one are checked at each word (most have only dashes and symbols).
            exact = True
            at = ascii_.find(b"?")
            while at >= 0 and exact:
                exact = not low[at].isalnum()
                at = ascii_.find(b"?", at + 1)
            plans = self._plans
            for found in self._scanner.finditer(padded):
                pos = found.start()  # the space before the word in ``padded``: the word's start in ``low``
                if not exact and pos and low[pos - 1].isalnum():
                    continue
                key = found.group(1)
                plan = plans.get(key) or self._plan(key)
                steps = plan.steps
                if not exact and plan.word_length:
                    after = pos + plan.word_length
                    if after < len(low) and low[after].isalnum():
                        steps = plan.prefix_steps
                elif plan.only is not None:  # most words: one pattern to try
                    regex, i = plan.only
                    m = regex.match(low, pos)
                    if m is not None:
                        hits.append((i, pos, m.end()))
                    continue
                for step in steps:
                    plain = step.plain
                    k = 0
                    while k < len(plain):
                        regex, position_of_group = step.chains[k] or step.chain(k)
                        m = regex.match(low, pos)
                        if m is None:
                            break
                        k = position_of_group[m.lastindex]  # the outer group closes last
                        hits.append((plain[k], pos, m.end()))
                        k += 1
                    for i in step.originals:
                        m = single[i][0].match(text, pos)
                        if m is not None:
                            hits.append((i, pos, m.end()))
        for i in self.always:
            regex, _index, original = single[i]
            source = text if original else low
            for m in regex.finditer(source):
                start = m.start()
                if start and is_word_char(source[start - 1]) and is_word_char(source[start]):
                    continue  # inside a word: patterns match from a word start
                hits.append((i, start, m.end()))
        return hits

    def _plan(self, key: bytes) -> _Plan:
        plan = self._plans[key] = _Plan(key, *self._plan_inputs)
        return plan


def runs_on_original(source: str) -> bool:
    """A pattern with a case-sensitive part (``(?-i:IV)``) runs as written on the original text."""
    return "(?-i" in source


def compile_matcher(source: str) -> re.Pattern[str]:
    """The regex ``PatternIndex`` runs for ``source``: lower-cased, or as written case-insensitively."""
    if runs_on_original(source):
        return re.compile(source, re.IGNORECASE)
    return re.compile(_lower_source(source))


class _Plan:
    """What to try where ``key`` is the longest scan key at a word start.

    The gates the word opens (its first four characters tell) come in the order they were tried
    before the scanner existed, whole word, then four letters, then three: hits at one offset keep
    their order, and the first one's words become the evidence. Of each gate, only the patterns with
    a scan key that starts ``key`` can match there; a pattern under two of the gates is tried once.
    """

    __slots__ = ("only", "prefix_steps", "steps", "word_length")

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
        regex = re.compile("|".join(f"({source})" for source in self._sources[k:]))
        self.chains[k] = (regex, position_of_group)
        return regex, position_of_group


_BYTES_SPACE = bytes(b if chr(b).isalnum() and b < 128 else 32 for b in range(256))
_SCAN_ALPHABET = b"abcdefghijklmnopqrstuvwxyz0123456789 "  # what ``_BYTES_SPACE`` leaves of lower-case text
_MAX_KEY = 16  # characters of a scan key: long enough to tell "the present" from "the patients"
_MAX_KEYS = 64  # scan keys per branching: beyond that they are cut shorter


def _scan_keys(source: str, gates: set[tuple[str, str]], original: bool, parsed: object = None) -> set[bytes]:
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
    short = {key for key in keys if len(key) < 4 and b" " not in key}
    return (keys - short) | {key + bytes([ch]) for key in short for ch in _SCAN_ALPHABET}


def _narrowed(source: str, gate_keys: set[bytes], parsed: object = None) -> set[bytes]:
    """The gates' keys, lengthened by the pattern's own literal start where it is longer.

    ``parsed`` is ``_parsed(source)``, when the caller has it.
    """
    parsed = parsed if parsed is not None else _parsed(source)
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


def _starts(items: list, acc: str, depth: int) -> set[str]:  # type: ignore[type-arg]
    """Literal starts of a parsed pattern in the scanner's alphabet; ``acc`` is what came before."""
    if len(acc) >= _MAX_KEY or not items or depth > 12:
        return {acc}
    op, av = items[0]
    rest = items[1:]
    if op is _sre.LITERAL:
        return _starts(rest, acc + _scan_char(av), depth)
    if op is _sre.AT:
        if av is _sre.AT_BOUNDARY and acc and acc[-1] != " ":
            return {acc + " "}  # the word ends here: a space (or the padding) follows it
        return _starts(rest, acc, depth) if av is _sre.AT_BOUNDARY and not acc else {acc}
    if op in (_sre.ASSERT, _sre.ASSERT_NOT):  # zero-width: what follows decides
        return _starts(rest, acc, depth)
    if op is _sre.SUBPATTERN:
        if av[1] & re.IGNORECASE:  # "(?i:...)" matches letters a lower-cased literal does not
            return {acc}
        return _starts(list(av[3]) + rest, acc, depth + 1)
    if op is _sre.ATOMIC_GROUP:
        return _starts(list(av) + rest, acc, depth + 1)
    if op is _sre.BRANCH:
        return _union([list(branch) + rest for branch in av[1]], acc, depth)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        low, high, item = av
        if low == 0 and high == 1:  # "rats?": with and without
            return _union([list(item) + rest, rest], acc, depth)
        if low >= 1:  # the first repetition at least
            return _starts(list(item), acc, depth + 1)
        return {acc}
    if op is _sre.IN:
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
        return _union([[(_sre.LITERAL, ord(ch)), *rest] for ch in sorted(chars)], acc, depth)
    return {acc}


def _union(alternatives: list[list], acc: str, depth: int) -> set[str]:  # type: ignore[type-arg]
    out: set[str] = set()
    for items in alternatives:
        out |= _starts(items, acc, depth + 1)
        if len(out) > 8 * _MAX_KEYS:  # branch after branch: stop working it out
            return {acc}
    length = _MAX_KEY
    while len(out) > _MAX_KEYS and length > len(acc):  # too many: shorter ones (each still starts a match)
        length -= 1
        out = {key[:length] for key in out}
    return out


def _scan_char(code: int) -> str:
    """The scanner's letter for a character: ASCII letters and digits stand for themselves."""
    ch = chr(code)
    return ch if ch.isascii() and ch.isalnum() else " "


_ESCAPED = [re.escape(bytes([byte])) for byte in range(256)]  # looked up, not re.escape()d, per trie node


def _trie(keys: set[bytes]) -> bytes:
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


def _gates_of(source: str, parsed: object = None) -> set[tuple[str, str]] | None:
    """The words ("word", w) or word prefixes ("prefix", p) a match of ``source`` must start with.

    None when the pattern could start anywhere (then it always runs). ``parsed``: as for ``_narrowed``.
    """
    parsed = parsed if parsed is not None else _parsed(source)
    if parsed is None:
        return None
    return _heads(list(parsed), "", 0)  # type: ignore[call-overload]


def _parsed(source: str) -> object | None:
    """The lower-cased ``source`` as the regex parser reads it; None when it cannot be read."""
    try:
        return _parser.parse(_lower_source(source))
    except (re.error, RecursionError, TypeError):
        return None


def _heads(items: list, acc: str, depth: int) -> set[tuple[str, str]] | None:  # type: ignore[type-arg]
    """Literal starts of a parsed pattern: ("prefix", "neur") or ("word", "iv"); None when unknown."""

    def stop() -> set[tuple[str, str]] | None:
        return {("prefix", acc)} if len(acc) >= 3 else None

    if len(acc) >= 4:
        return {("prefix", acc)}
    if not items or depth > 8:
        return stop()
    op, av = items[0]
    rest = items[1:]
    if op is _sre.LITERAL:
        ch = chr(av).lower()
        if ch.isascii() and ch.isalnum():
            return _heads(rest, acc + ch, depth)
        if ch.isalnum() or ch == "_":  # a non-ASCII letter: the word goes on
            return stop()
        return {("word", acc)} if acc else None
    if op is _sre.AT:
        if av is _sre.AT_BOUNDARY:
            return {("word", acc)} if acc else _heads(rest, acc, depth)
        return stop()
    if op is _sre.SUBPATTERN:  # flags such as (?-i:...) only narrow what matches
        return _heads(list(av[3]) + rest, acc, depth + 1)
    if op in (_sre.ASSERT, _sre.ASSERT_NOT):  # zero-width: the gate comes from what follows
        return _heads(rest, acc, depth)
    if op is _sre.BRANCH:
        out: set[tuple[str, str]] = set()
        for branch in av[1]:
            found = _heads(list(branch) + rest, acc, depth + 1)
            if found is None:
                return None
            out |= found
        return out
    if op is _sre.MAX_REPEAT and av[0] == 0 and av[1] == 1:  # "rats?": with and without
        with_it = _heads(list(av[2]) + rest, acc, depth + 1)
        without = _heads(rest, acc, depth + 1)
        return None if with_it is None or without is None else with_it | without
    if op is _sre.IN and len(av) <= 3 and all(o is _sre.LITERAL for o, _ in av):
        out = set()
        for _o, v in av:
            found = _heads([(_sre.LITERAL, v), *rest], acc, depth + 1)
            if found is None:
                return None
            out |= found
        return out
    return stop()


def is_word_char(ch: str) -> bool:
    """What ``\\w`` matches: a letter, a digit or an underscore."""
    return ch.isalnum() or ch == "_"


_ESCAPE_OR_TEXT = re.compile(r"\\.?|[^\\]+", re.DOTALL)


def _lower_source(source: str) -> str:
    """Lower-case a pattern's letters but not its escapes (``\\S`` stays ``\\S``)."""
    if "\\" not in source:
        return source.lower()
    return "".join(piece if piece[0] == "\\" else piece.lower() for piece in _ESCAPE_OR_TEXT.findall(source))
