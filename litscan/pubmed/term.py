"""Read a PubMed search term into a tree of Boolean groups and field-tagged clauses.

The grammar is PubMed's, as its user guide and NLM's technical bulletins describe it:

- **Boolean logic strictly left to right.** ``AND``, ``OR`` and ``NOT`` (capitals only) have equal
  precedence: ``a OR b AND c`` is ``(a OR b) AND c``. ``NOT`` is binary (``a NOT b``). Clauses
  written side by side without an operator are ANDed, as PubMed does.
- **Clauses**: a quoted phrase (``"chronic pain"``) or a run of unquoted words, optionally
  followed by one field tag in square brackets (``[tiab]``, ``[Title/Abstract]``, ``[mh:noexp]``,
  ``[tiab:~2]`` ...). Unquoted words before a tag are one phrase (``chronic pain[tiab]``): PubMed
  looks that phrase up first. Untagged words go through PubMed's Automatic Term Mapping; offline
  they are read as words that must all occur in [all] (a record's own text), which ATM's MeSH and
  synonym expansion can only widen.
- **Truncation**: ``*`` at the end of a word, with at least four characters before it
  (``ketamin*``; also inside a quoted phrase, ``"breast feed*"``). PubMed has no inner or
  one-character wildcard, so those are errors here.
- **Proximity**: ``"chronic pain"[tiab:~2]``: the quoted words, in any order, with at most N other
  words between them. PubMed offers it for [ti], [tiab] and [ad] only, needs two or more quoted
  words, and silently drops the ~N when a word is truncated; each of those is an error here.
- **Ranges** of dates and PMIDs: ``2020:2024[dp]``, ``2019/01/01:2020/06/30[dp]``,
  ``"2020"[dp] : "3000"[dp]`` (the form PubMed's advanced builder writes), ``1:35000000[uid]``.

A field check-term cannot read offline ([sb], [pa], [gr] ...) is an error that names the clause,
so a term is never checked against a silently different meaning. Some things PubMed accepts but
that usually mean a mistake are kept as warnings: brackets or parentheses inside a quoted phrase
(PubMed's query parser may cut the phrase there), [ab] (not in PubMed's documented list of tags),
untagged words (Automatic Term Mapping decides what they search).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from ..errors import ConfigError

Op = Literal["AND", "OR", "NOT"]

# Tags and their long names as PubMed's search details spell them, lower-cased.
FIELD_NAMES: dict[str, str] = {
    "tiab": "tiab",
    "title/abstract": "tiab",
    "ti": "ti",
    "title": "ti",
    "ab": "ab",
    "abstract": "ab",
    "tw": "tw",
    "text word": "tw",
    "text words": "tw",
    "all": "all",
    "all fields": "all",
    "ot": "ot",
    "other term": "ot",
    "ad": "ad",
    "affiliation": "ad",
    "mh": "mh",
    "mesh": "mh",
    "mesh terms": "mh",
    "majr": "majr",
    "mesh major topic": "majr",
    "sh": "sh",
    "mesh subheading": "sh",
    "subheading": "sh",
    "pt": "pt",
    "publication type": "pt",
    "nm": "nm",
    "substance name": "nm",
    "supplementary concept": "nm",
    "la": "la",
    "language": "la",
    "dp": "dp",
    "pdat": "dp",
    "publication date": "dp",
    "date - publication": "dp",
    "crdt": "crdt",
    "create date": "crdt",
    "date - create": "crdt",
    "edat": "edat",
    "entry date": "edat",
    "entrez date": "edat",
    "date - entry": "edat",
    "uid": "uid",
    "pmid": "uid",
    "au": "au",
    "author": "au",
    "1au": "1au",
    "first author name": "1au",
    "author - first": "1au",
    "lastau": "lastau",
    "last author name": "lastau",
    "author - last": "lastau",
    "ta": "ta",
    "journal": "ta",
    "jour": "ta",
}
PROXIMITY_FIELDS = frozenset({"ti", "tiab", "ad"})
EXPLODING_FIELDS = frozenset({"mh", "majr"})
RANGE_FIELDS = frozenset({"dp", "crdt", "edat", "uid"})
MIN_TRUNCATION_STEM = 4  # PubMed: "include at least four characters" before the wildcard

_WORD = re.compile(r"[^\W_]+\*?")
_BAD_WILDCARD = re.compile(r"\*(?=[^\W_])|(?<![^\W_])\*")
_PROXIMITY = re.compile(r"^(.*?):\s*~\s*(\d+)$")
_OPERATORS = ("AND", "OR", "NOT")
_DATE = re.compile(r"^(\d{4})(?:[/-](\d{1,2})(?:[/-](\d{1,2}))?)?$")


@dataclass(frozen=True)
class Clause:
    """One search clause: the words of a phrase (or of an ATM run) in one field."""

    text: str  # as written in the term, tag included
    value: str  # what stands before the tag, quotes removed
    field: str  # canonical tag: "tiab", "mh", ...; "all" for untagged clauses
    words: tuple[str, ...]  # normalised words; a truncated one ends with "*"
    quoted: bool = False
    tagged: bool = False
    proximity: int | None = None
    explode: bool = True  # [mh]/[majr] take narrower headings unless :noexp
    span: tuple[str, str] | None = None  # ranges: ISO first/last day, or the lowest/highest PMID
    start: int = 0
    end: int = 0

    @property
    def phrase(self) -> bool:
        """Words read as a phrase (quoted, or a run before a tag); else an ATM run of ANDed words."""
        return self.quoted or self.tagged


@dataclass(frozen=True)
class Group:
    """Operands combined strictly left to right: ``first (op operand)*``."""

    first: Node
    rest: tuple[tuple[Op, Node], ...] = ()
    start: int = 0
    end: int = 0


Node = Clause | Group


@dataclass(frozen=True)
class Term:
    """A parsed term: its tree, and what PubMed accepts but probably was not meant."""

    text: str
    root: Node
    warnings: tuple[str, ...] = field(default=())

    def source(self, node: Node) -> str:
        """The text of ``node`` as written in the term."""
        return self.text[node.start : node.end]

    def blocks(self) -> list[tuple[Op | None, Node]]:
        """The top-level operands (a group wrapping the whole term is looked through)."""
        node = self.root
        while isinstance(node, Group) and not node.rest and isinstance(node.first, Group):
            node = node.first
        if isinstance(node, Clause):
            return [(None, node)]
        return [(None, node.first), *node.rest]


def iter_clauses(node: Node) -> Iterator[Clause]:
    if isinstance(node, Clause):
        yield node
        return
    yield from iter_clauses(node.first)
    for _, operand in node.rest:
        yield from iter_clauses(operand)


def fold(text: str) -> str:
    """Lower case without accents: ``Guillain-Barré`` and ``guillain-barre`` read alike."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def words_of(text: str) -> list[str]:
    """The words of query or record text: runs of letters and digits; a trailing ``*`` is kept."""
    return _WORD.findall(fold(text))


def date_span(value: str) -> tuple[str, str] | None:
    """``2020``, ``2020/05``, ``2020/05/17`` (or with ``-``) as the ISO first and last day it covers."""
    match = _DATE.match(value.strip())
    if match is None:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        first = dt.date(year, month or 1, day or 1)
        if day is not None:
            last = first
        elif month is not None:
            last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        else:
            last = dt.date(year, 12, 31)
    except ValueError:
        return None
    return first.isoformat(), last.isoformat()


@dataclass(frozen=True)
class _Token:
    kind: Literal["(", ")", "op", "quoted", "word", "tag", ":"]
    text: str
    start: int
    end: int


class _Parser:
    def __init__(self, text: str, where: str | None) -> None:
        self.text = text
        self.where = where
        self.tokens = self._lex(text)
        self.pos = 0
        self.warnings: list[str] = []

    # -- errors and lexing --------------------------------------------------------

    def error(self, message: str, at: int) -> ConfigError:
        return ConfigError(f"{message} (character {at + 1})", path=self.where, where="term")

    def _lex(self, text: str) -> list[_Token]:
        tokens: list[_Token] = []
        i = 0
        while i < len(text):
            ch = text[i]
            if ch.isspace():
                i += 1
            elif ch in "()":
                tokens.append(_Token(ch, ch, i, i + 1))  # type: ignore[arg-type]
                i += 1
            elif ch in '"[':
                close = text.find('"' if ch == '"' else "]", i + 1)
                if close < 0:
                    what = "quote" if ch == '"' else "field tag '['"
                    raise self.error(f"unclosed {what}", i)
                tokens.append(_Token("quoted" if ch == '"' else "tag", text[i + 1 : close], i, close + 1))
                i = close + 1
            elif ch == ":" and (i + 1 == len(text) or text[i + 1].isspace() or text[i + 1] == '"'):
                tokens.append(_Token(":", ch, i, i + 1))
                i += 1
            else:
                j = i
                while j < len(text) and not text[j].isspace() and text[j] not in '()"[':
                    j += 1
                word = text[i:j]
                tokens.append(_Token("op" if word in _OPERATORS else "word", word, i, j))
                i = j
        return tokens

    def peek(self) -> _Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    # -- grammar ------------------------------------------------------------------

    def parse(self) -> Term:
        if not self.tokens:
            raise ConfigError("the term is empty", path=self.where, where="term")
        root = self.expression(top=True)
        return Term(self.text, root, tuple(dict.fromkeys(self.warnings)))

    def expression(self, *, top: bool) -> Node:
        first = self.operand()
        rest: list[tuple[Op, Node]] = []
        while (token := self.peek()) is not None and token.kind != ")":
            op: Op = "AND"
            if token.kind == "op":
                op = token.text  # type: ignore[assignment]
                self.pos += 1
                after = self.peek()
                if after is None or after.kind in (")", "op"):
                    raise self.error(f"{op} needs a search term after it", token.start)
            rest.append((op, self.operand()))
        if top and (token := self.peek()) is not None:
            raise self.error("')' without a matching '('", token.start)
        last = rest[-1][1] if rest else first
        return Group(first, tuple(rest), first.start, last.end) if rest else first

    def operand(self) -> Node:
        token = self.peek()
        assert token is not None
        if token.kind == "(":
            self.pos += 1
            if (inner := self.peek()) is None or inner.kind == ")":
                raise self.error("empty or unclosed '('", token.start)
            node = self.expression(top=False)
            close = self.peek()
            if close is None:
                raise self.error("'(' is never closed", token.start)
            self.pos += 1
            wrapped = node if isinstance(node, Group) else Group(node)
            return Group(wrapped.first, wrapped.rest, token.start, close.end)
        if token.kind == "op":
            raise self.error(f"{token.text} needs a search term before it", token.start)
        if token.kind in (")", ":", "tag"):
            raise self.error(f"unexpected {token.text!r}", token.start)
        return self.clause()

    def clause(self) -> Clause:
        first = self.tokens[self.pos]
        if first.kind == "quoted":
            self.pos += 1
            value, quoted = first.text, True
        else:
            words = []
            while (token := self.peek()) is not None and token.kind == "word":
                if token.text.lower() in ("and", "or", "not"):
                    raise self.error(
                        f"lower-case {token.text!r}: PubMed reads Boolean operators only in capitals", token.start
                    )
                words.append(token.text)
                self.pos += 1
            value, quoted = " ".join(words), False
        tag = self.peek()
        if tag is None or tag.kind != "tag":
            return self.build(value, None, quoted=quoted, start=first.start, end=self.tokens[self.pos - 1].end)
        self.pos += 1
        colon = self.peek()
        if colon is not None and colon.kind == ":":
            return self.range_clause(value, tag, first.start)
        return self.build(value, tag.text, quoted=quoted, start=first.start, end=tag.end)

    def range_clause(self, low: str, tag: _Token, start: int) -> Clause:
        """``"2020"[dp] : "3000"[dp]``: the advanced builder's way of writing a range."""
        self.pos += 1
        high = self.peek()
        if high is None or high.kind not in ("quoted", "word"):
            raise self.error("a range needs a value after ':'", tag.end)
        self.pos += 1
        end_tag = self.peek()
        if end_tag is None or end_tag.kind != "tag" or end_tag.text.strip().lower() != tag.text.strip().lower():
            raise self.error(f"both ends of a range need the same tag [{tag.text}]", high.start)
        self.pos += 1
        return self.build(f"{low}:{high.text}", tag.text, quoted=False, start=start, end=end_tag.end)

    # -- one clause -----------------------------------------------------------------

    def build(self, value: str, tag: str | None, *, quoted: bool, start: int, end: int) -> Clause:
        text = self.text[start:end]
        name, proximity, explode = self.read_tag(tag, text, start)
        span = None
        if name in RANGE_FIELDS:
            span = self.read_span(name, value, text, start)
            words: tuple[str, ...] = (value.strip(),)
        else:
            words = tuple(words_of(value))
            if not words:
                raise self.error(f"{text!r} has no word to search for", start)
            self.check_wildcards(value, words, text, start)
        if proximity is not None:
            self.check_proximity(name, quoted, words, text, start)
        if quoted and any(ch in value for ch in "()[]"):
            self.warnings.append(f"{text}: brackets inside a quoted phrase; PubMed's parser may cut the phrase there")
        if name == "ab":
            self.warnings.append(f"{text}: [ab] is not in PubMed's documented list of tags; [tiab] is")
        if tag is None and not quoted and len(words) > 1:
            self.warnings.append(
                f"{text}: untagged words go through Automatic Term Mapping; read here as all words in [all]"
            )
        return Clause(
            text=text,
            value=value,
            field=name,
            words=words,
            quoted=quoted,
            tagged=tag is not None,
            proximity=proximity,
            explode=explode,
            span=span,
            start=start,
            end=end,
        )

    def read_tag(self, tag: str | None, text: str, start: int) -> tuple[str, int | None, bool]:
        if tag is None:
            return "all", None, True
        raw = " ".join(tag.split()).lower()
        proximity = None
        explode = True
        if match := _PROXIMITY.match(raw):
            raw, proximity = match.group(1).strip(), int(match.group(2))
        elif raw.endswith(":noexp"):
            raw, explode = raw.removesuffix(":noexp").strip(), False
        name = FIELD_NAMES.get(raw)
        if name is None:
            raise self.error(f"unsupported field [{tag}] in {text}; check-term reads {_known_tags()}", start)
        if not explode and name not in EXPLODING_FIELDS:
            raise self.error(f"{text}: ':noexp' applies to [mh] and [majr] only", start)
        return name, proximity, explode

    def read_span(self, name: str, value: str, text: str, start: int) -> tuple[str, str]:
        low, _, high = (part.strip() for part in value.partition(":"))
        high = high or low
        if name == "uid":
            if not (low.isdigit() and high.isdigit()):
                raise self.error(f"{text}: [uid] takes a PMID or a range of them (digits)", start)
            return low, high
        first, last = date_span(low), date_span(high)
        if first is None or last is None:
            raise self.error(f"{text}: a date is YYYY, YYYY/MM or YYYY/MM/DD (a range: two of them with ':')", start)
        return first[0], last[1]

    def check_wildcards(self, value: str, words: tuple[str, ...], text: str, start: int) -> None:
        if _BAD_WILDCARD.search(value):
            raise self.error(f"{text}: PubMed truncates only at the end of a word ('*' last)", start)
        for word in words:
            if word.endswith("*") and len(word) - 1 < MIN_TRUNCATION_STEM:
                raise self.error(
                    f"{text}: PubMed needs at least {MIN_TRUNCATION_STEM} characters before '*' ({word!r})", start
                )

    def check_proximity(self, name: str, quoted: bool, words: tuple[str, ...], text: str, start: int) -> None:
        if name not in PROXIMITY_FIELDS:
            raise self.error(f"{text}: PubMed searches by proximity in [ti], [tiab] and [ad] only", start)
        if not quoted or len(words) < 2:
            raise self.error(f"{text}: a proximity search needs two or more words in quotes", start)
        if any(word.endswith("*") for word in words):
            raise self.error(f"{text}: PubMed ignores ~N when a word is truncated; drop the '*' or the ~N", start)


def _known_tags() -> str:
    return " ".join(f"[{tag}]" for tag in sorted({v for v in FIELD_NAMES.values()}))


def parse_term(text: str, *, where: str | None = None) -> Term:
    """Parse a PubMed term; a syntax PubMed would refuse or misread is a ConfigError naming the spot."""
    return _Parser(text, where).parse()
