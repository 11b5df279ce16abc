"""Decide, offline, whether a record matches a parsed PubMed term, reading it as PubMed indexes it.

What this module assumes about PubMed's index (from PubMed's user guide and NLM's technical
bulletins). Where PubMed's behaviour is not documented it guesses towards *not* matching, so that a
recall check never passes on a match PubMed would not make:

- **Words** are runs of letters and digits, compared without case or accents. Every other
  character is a word break: hyphens, slashes, apostrophes, brackets, plus signs, periods.
  ``post-operative`` therefore reads as the two words ``post operative`` (and matches the phrase
  ``"post operative"``), but never ``postoperative``: joined and hyphenated spellings are different
  words, and a term must search both. ``S(+)-ketamine`` reads ``s ketamine``; ``hip/groin pain``
  reads ``hip groin pain`` (NLM's own proximity example finds "hip pain" in it).
- **Phrases**: the words in order, next to each other. **Proximity** (``[tiab:~N]``): the words in
  any order, at most N other words between one and the next (NLM: "the maximum number of words
  that may appear between your search terms"; with three or more words, each gap).
  Stopwords count as words in both.
- Neither a phrase nor a proximity match spans two fields (title and abstract, two keywords) or
  two sentences (``.``, ``;``, ``?`` or ``!`` followed by a space ends a sentence; ``2.5`` does
  not). PubMed's positional index may match across a sentence end; this module does not.
- A quoted phrase that occurs in a record is taken to be in PubMed's phrase index. (Live PubMed
  reports a quoted phrase it does not index as ``quotedphrasesnotfound``; ``--live`` shows that.)
- **Fields**: [ti] title; [ab] abstract and other-language abstracts; [tiab] both plus the
  author keywords; [ot] keywords; [ad] affiliations; [tw] [tiab] plus MeSH headings and
  subheadings, publication types and substance names; [all] [tw] plus authors, journal and
  affiliations. Untagged words (PubMed's Automatic Term Mapping) are read as [all] words.
- **MeSH**: [mh] matches a heading by its descriptor name; with a MeSH tree (NLM's
  ``mtreesYYYY.bin``, ``Name;C10.597.617`` a line) also every heading beneath it, unless
  ``:noexp``. Without a tree only the heading itself is found (a narrower heading is then a miss).
  Entry terms are not mapped to descriptors: write ``"Pain, Intractable"[mh]``, not
  ``"intractable pain"[mh]``. [majr]: the heading, or one of its subheadings, is starred.
  ``Heading/Subheading[mh]`` needs that subheading on that heading. A record with no MeSH (not yet
  indexed, or read ``without_mesh``) matches no MeSH clause. [sh], [pt], [nm], [la] and [ta]
  compare the whole value; [pt] explodes through the tree too.
- **Dates**: a record date known only to the year or month is in a range when any day of it is;
  [dp] reads the print and the electronic publication dates. [uid] compares PMIDs as numbers.
- **Authors** ([au], [1au], [lastau]): ``lastname initials``; fewer initials find more
  (``smith j`` finds Smith JA) unless the name is quoted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from ..errors import InputError
from ..models import Author, MeshHeading, Record
from .term import Clause, Node, date_span, fold, words_of

Segments = tuple[tuple[str, ...], ...]

_RECORD_WORD = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"(?<=[.;?!])\s+")
_FIELD_SOURCES: dict[str, tuple[str, ...]] = {
    "ti": ("title",),
    "ab": ("abstract",),
    "tiab": ("title", "abstract", "keywords"),
    "ot": ("keywords",),
    "ad": ("affiliations",),
    "tw": ("title", "abstract", "keywords", "mesh", "types", "substances"),
    "all": ("title", "abstract", "keywords", "mesh", "types", "substances", "authors", "journal", "affiliations"),
}
# PubMed's [la] takes the language's name or its three-letter code.
LANGUAGE_CODES: dict[str, str] = {
    "english": "eng",
    "french": "fre",
    "german": "ger",
    "spanish": "spa",
    "italian": "ita",
    "japanese": "jpn",
    "chinese": "chi",
    "russian": "rus",
    "portuguese": "por",
    "dutch": "dut",
    "polish": "pol",
    "korean": "kor",
    "swedish": "swe",
    "danish": "dan",
    "norwegian": "nor",
    "finnish": "fin",
    "czech": "cze",
    "hungarian": "hun",
    "turkish": "tur",
    "hebrew": "heb",
    "greek": "gre",
    "arabic": "ara",
    "persian": "per",
}


def key(text: str) -> str:
    """A controlled value (heading, type, language, journal) as compared: its words, one space apart."""
    return " ".join(words_of(text))


def segments(texts: Iterable[str | None]) -> Segments:
    """Each text split into sentences, each sentence into words."""
    out = []
    for text in texts:
        if not text:
            continue
        for sentence in _SENTENCE_END.split(text):
            words = tuple(_RECORD_WORD.findall(fold(sentence)))
            if words:
                out.append(words)
    return tuple(out)


class RecordView:
    """A record's searchable words by field, built on first use and kept."""

    def __init__(self, record: Record, *, with_mesh: bool = True) -> None:
        self.record = record
        # MeSH headings and substance names arrive together, when NLM indexes the record.
        self.mesh: tuple[MeshHeading, ...] = record.mesh if with_mesh else ()
        self.substances = tuple(c.name for c in record.chemicals) if with_mesh else ()
        self._segments: dict[str, Segments] = {}
        self._words: dict[str, frozenset[str]] = {}

    def _texts(self, source: str) -> Iterable[str | None]:
        r = self.record
        if source == "title":
            return (r.title,)
        if source == "abstract":
            return [s.text for s in r.abstract_sections] + [o.text for o in r.other_abstracts]
        if source == "keywords":
            return r.keywords
        if source == "affiliations":
            return [a for author in r.authors for a in author.affiliations]
        if source == "mesh":
            return [h.descriptor for h in self.mesh] + [q.name for h in self.mesh for q in h.qualifiers]
        if source == "types":
            return r.publication_type_names
        if source == "substances":
            return self.substances
        if source == "authors":
            return [a.display_name for a in r.authors]
        return (r.journal, r.journal_abbrev)

    def segments(self, field: str) -> Segments:
        found = self._segments.get(field)
        if found is None:
            found = tuple(s for source in _FIELD_SOURCES[field] for s in segments(self._texts(source)))
            self._segments[field] = found
        return found

    def words(self, field: str) -> frozenset[str]:
        found = self._words.get(field)
        if found is None:
            found = frozenset(word for segment in self.segments(field) for word in segment)
            self._words[field] = found
        return found


class MeshTree:
    """MeSH tree numbers by heading, for explosion: a heading covers every heading beneath it."""

    def __init__(self, numbers: Mapping[str, frozenset[str]]) -> None:
        self.numbers = dict(numbers)

    @classmethod
    def load(cls, path: str | Path) -> MeshTree:
        """NLM's ``mtreesYYYY.bin``: one ``Heading;TreeNumber`` a line, a heading on several lines."""
        numbers: dict[str, set[str]] = {}
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read the MeSH tree ({exc})", path=str(path)) from None
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            name, sep, tree = line.rpartition(";")
            if not sep or not name.strip() or not re.fullmatch(r"[A-Z]\d{2}(\.\d{3})*", tree.strip()):
                raise InputError("not a 'Heading;TreeNumber' line", path=str(path), where=f"line {number}")
            numbers.setdefault(key(name), set()).add(tree.strip())
        return cls({name: frozenset(trees) for name, trees in numbers.items()})

    def knows(self, heading: str) -> bool:
        return key(heading) in self.numbers

    def covers(self, query: str, heading: str) -> bool:
        """Whether ``heading`` is ``query`` or sits beneath it (both given as keys)."""
        if query == heading:
            return True
        above = self.numbers.get(query, frozenset())
        return any(n.startswith(a + ".") for a in above for n in self.numbers.get(heading, frozenset()))


def value_matches(query: str, value: str) -> bool:
    """A controlled value against a query key; a trailing ``*`` on the query matches as a prefix."""
    if query.endswith("*"):
        return value.startswith(query[:-1])
    return value == query


def has_word(word: str, words: frozenset[str]) -> bool:
    if word.endswith("*"):
        stem = word[:-1]
        return any(w.startswith(stem) for w in words)
    return word in words


def _word_is(query: str, word: str) -> bool:
    return word.startswith(query[:-1]) if query.endswith("*") else word == query


def has_phrase(words: tuple[str, ...], segment: tuple[str, ...]) -> bool:
    n = len(words)
    first = words[0]
    for i in range(len(segment) - n + 1):
        if _word_is(first, segment[i]) and all(_word_is(words[j], segment[i + j]) for j in range(1, n)):
            return True
    return False


def near(words: tuple[str, ...], segment: tuple[str, ...], gap: int) -> bool:
    """All ``words`` in ``segment``, any order, at most ``gap`` other words between neighbours."""
    if not all(word in segment for word in words):
        return False  # most segments lack one: found by a scan in C, not word by word below
    full = (1 << len(words)) - 1
    # For each set of query words found so far (a bit mask), the latest position of its last word:
    # a later last word can only make the next gap shorter, so the latest is all that matters.
    chains: dict[int, int] = {}
    for pos, token in enumerate(segment):
        found: dict[int, int] = {}
        for k, word in enumerate(words):
            if word != token:
                continue
            bit = 1 << k
            found[bit] = pos
            for covered, last in chains.items():
                if not covered & bit and pos - last - 1 <= gap:
                    found[covered | bit] = pos
        chains.update(found)
        if full in chains:
            return True
    return False


def text_matches(clause: Clause, view: RecordView) -> bool:
    if clause.proximity is not None:
        return any(near(clause.words, s, clause.proximity) for s in view.segments(clause.field))
    if len(clause.words) == 1 or not clause.phrase:
        words = view.words(clause.field)
        return all(has_word(w, words) for w in clause.words)
    return any(has_phrase(clause.words, s) for s in view.segments(clause.field))


def _iso_span(iso: str | None) -> tuple[str, str] | None:
    return date_span(iso[:10]) if iso else None


def _record_dates(clause: Clause, record: Record) -> list[tuple[str, str] | None]:
    if clause.field == "dp":
        published = record.pub_date.iso() if record.pub_date else None
        return [_iso_span(published), _iso_span(record.article_date)]
    return [_iso_span(record.created_date if clause.field == "crdt" else record.entrez_date)]


def range_matches(clause: Clause, record: Record) -> bool:
    assert clause.span is not None
    low, high = clause.span
    if clause.field == "uid":
        return record.pmid.isdigit() and int(low) <= int(record.pmid) <= int(high)
    return any(span is not None and span[0] <= high and span[1] >= low for span in _record_dates(clause, record))


def _author_matches(query: tuple[str, ...], author: Author, exact: bool) -> bool:
    name = words_of(author.last_name or author.collective_name or "")
    initials = (author.initials or "").lower()
    words = [*name, initials] if initials else name
    if len(query) > len(words) or list(query[: len(name)]) != name[: len(query)]:
        return False
    if len(query) <= len(name):
        return len(query) == len(name)
    wanted = query[len(name)]
    return initials == wanted if exact else initials.startswith(wanted)


def author_matches(clause: Clause, record: Record) -> bool:
    authors = [a for a in record.authors if a.valid]
    if clause.field == "1au":
        authors = authors[:1]
    elif clause.field == "lastau":
        authors = authors[-1:]
    query = tuple(w.rstrip("*") for w in clause.words)
    return any(_author_matches(query, a, clause.quoted) for a in authors)


class Matcher:
    """Evaluates parsed terms on record views; ``tree`` lets [mh], [majr] and [pt] explode."""

    def __init__(self, tree: MeshTree | None = None) -> None:
        self.tree = tree
        self._handlers: dict[str, Callable[[Clause, RecordView], bool]] = {
            "mh": lambda c, v: self.mesh_matches(c, v, major=False),
            "majr": lambda c, v: self.mesh_matches(c, v, major=True),
            "sh": lambda c, v: any(value_matches(key(c.value), key(q.name)) for h in v.mesh for q in h.qualifiers),
            "pt": lambda c, v: any(self.heading_matches(c, key(t)) for t in v.record.publication_type_names),
            "nm": lambda c, v: any(value_matches(key(c.value), key(s)) for s in v.substances),
            "la": lambda c, v: self.language_matches(c, v.record),
            "ta": lambda c, v: any(
                value_matches(key(c.value), key(j))
                for j in (v.record.journal, v.record.journal_abbrev, v.record.issn)
                if j
            ),
            "au": lambda c, v: author_matches(c, v.record),
            "1au": lambda c, v: author_matches(c, v.record),
            "lastau": lambda c, v: author_matches(c, v.record),
        }

    def matches(self, node: Node, view: RecordView) -> bool:
        """PubMed's strict left-to-right Boolean logic, short-circuited."""
        if isinstance(node, Clause):
            return self.clause_matches(node, view)
        result = self.matches(node.first, view)
        for op, operand in node.rest:
            if op == "OR":
                result = result or self.matches(operand, view)
            elif op == "AND":
                result = result and self.matches(operand, view)
            else:
                result = result and not self.matches(operand, view)
        return result

    def clause_matches(self, clause: Clause, view: RecordView) -> bool:
        if clause.span is not None:
            return range_matches(clause, view.record)
        handler = self._handlers.get(clause.field)
        return handler(clause, view) if handler else text_matches(clause, view)

    def heading_matches(self, clause: Clause, heading: str, query: str | None = None) -> bool:
        query = key(clause.value) if query is None else query
        if query.endswith("*") or not clause.explode or self.tree is None:
            return value_matches(query, heading)
        return self.tree.covers(query, heading)

    def mesh_matches(self, clause: Clause, view: RecordView, *, major: bool) -> bool:
        descriptor, _, qualifier = clause.value.partition("/")
        query, wanted = key(descriptor), key(qualifier) if qualifier else None
        for heading in view.mesh:
            if not self.heading_matches(clause, key(heading.descriptor), query):
                continue
            qualifiers = [q for q in heading.qualifiers if wanted is None or value_matches(wanted, key(q.name))]
            if wanted is not None and not qualifiers:
                continue
            if not major or heading.major or any(q.major for q in qualifiers):
                return True
        return False

    def language_matches(self, clause: Clause, record: Record) -> bool:
        query = key(clause.value)
        code = LANGUAGE_CODES.get(query, query)
        return any(value_matches(code, language.lower()) for language in record.languages)
