"""Cut every ``<ReferenceList>`` block out of a PubMed XML byte stream before libxml2 parses it.

Reference lists hold about a quarter of a PubMed file's bytes and nothing litscan stores (their
cited works' DOIs and PMIDs are not the article's); not handing them to libxml2 makes parsing ~15%
cheaper. The lists nest, so depth is tracked; a cut block keeps its newlines, so libxml2's line
numbers stay true.

The cut is made on bytes, so the scan recognises every place where ``<ReferenceList`` or
``</ReferenceList>`` can stand without being a tag: comments, CDATA sections, processing
instructions and the document type declaration (text and attribute values cannot hold a literal
``<``). Whatever it cannot read for certain outside a list (an internal DTD subset, a start tag it
cannot parse) it leaves to libxml2: the rest of the document then passes through whole. Inside a
list, the end tag of a record or of the list's parent means the list was never closed; that is a
``ReferenceListError``, never a cut that joins one record to the next.
"""

from __future__ import annotations

import re
from typing import Protocol


class ByteStream(Protocol):
    """What the reader needs of its input: a file, a GzipFile or a wrapper around one."""

    def read(self, size: int = -1, /) -> bytes: ...


class ReferenceListError(ValueError):
    """A ``<ReferenceList>`` that does not end where XML says it must; ``line`` is where that shows."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


# A list tag's name ends at one of these.
_TAG_END = frozenset(b" \t\r\n/>")
# End tags a list can never contain: met inside one, the list was left open.
_GUARD = re.compile(
    rb"</(?:PubmedArticleSet|PubmedBookArticleSet|PubmedArticle|PubmedBookArticle|PubmedData|PubmedBookData"
    rb"|MedlineCitation|BookDocument|DeleteCitation)(?=[ \t\r\n>])"
)
_GUARD_PREFIXES = (b"</Pubmed", b"</MedlineCitation", b"</BookDocument", b"</DeleteCitation")
# A start tag's attributes (values cannot hold "<"), and the white space before its ">" or "/>".
_ATTRIBUTES = rb"(?:[ \t\r\n]+[^ \t\r\n=/>\"'<]+[ \t\r\n]*=[ \t\r\n]*(?:\"[^\"<]*\"|'[^'<]*'))*[ \t\r\n]*"
_START_TAG = re.compile(rb"<ReferenceList" + _ATTRIBUTES + rb"(/?)>")
_END_TAG = re.compile(rb"</ReferenceList[ \t\r\n]*>")
_NAME = re.compile(rb"[^ \t\r\n/>]+")
# A document type declaration without an internal subset, as every PubMed file has.
_LITERAL = rb"(?:\"[^\"]*\"|'[^']*')"
_DOCTYPE = re.compile(
    rb"<!DOCTYPE[ \t\r\n]+[^ \t\r\n\[>]+"
    rb"(?:[ \t\r\n]+(?:SYSTEM|PUBLIC[ \t\r\n]+" + _LITERAL + rb")[ \t\r\n]+" + _LITERAL + rb")?[ \t\r\n]*>"
)
# Comments, processing instructions and white space, as they may stand around the root's start tag.
_MISC = rb"(?:<!--(?:[^-]|-(?!-))*-->|<\?(?:[^?]|\?(?!>))*\?>|[ \t\r\n])*"
_PROLOG = re.compile(
    rb"(?:\xef\xbb\xbf)?" + _MISC + rb"(?:" + _DOCTYPE.pattern + _MISC + rb")?"
    rb"<PubmedArticleSet" + _ATTRIBUTES + rb">" + _MISC
)
# What ends each construct whose content is not markup.
_CONSTRUCTS = ((b"<!--", b"-->"), (b"<![CDATA[", b"]]>"), (b"<?", b"?>"))
# Longer than any token the patterns above look for: a "<" this near the end of a read waits for the next.
_HOLD = 32
# A start tag or DOCTYPE still unfinished after this many bytes is not waited for any longer.
_MAX_TAG = 1 << 16


class WithoutReferences:
    """The XML byte stream with every ``<ReferenceList>`` block cut out, newlines kept."""

    _CHUNK = 1 << 18

    def __init__(self, head: bytes, rest: ByteStream) -> None:
        self._carry = head
        self._rest = rest
        self._eof = False
        self._depth = 0  # lists open at the current position
        self._inside: bytes | None = None  # the end of the comment, CDATA or PI being read
        self._raw = False  # the rest passes through untouched
        self._line = 1  # the line ``_carry`` starts on

    def read(self, size: int = -1) -> bytes:
        while True:
            data = self._carry
            if not self._eof:
                more = self._rest.read(self._CHUNK)
                if more:
                    data += more
                else:
                    self._eof = True
            if self._raw:
                self._carry = b""
                return data
            out, stop = self._filter(data)
            if not self._eof or stop < len(data):
                # Counted for the errors of later reads; a document read whole in one (the parallel
                # import's chunks) has none, and its megabyte is not counted through for nothing.
                self._line += data.count(b"\n", 0, stop)
            self._carry = data[stop:]
            text = b"".join(out)
            if text or self._eof:
                return text

    def _filter(self, data: bytes) -> tuple[list[bytes], int]:
        """The bytes to hand on from ``data`` and where reading stopped (the rest waits for more)."""
        out: list[bytes] = []
        limit = len(data)
        if not self._eof:
            cut = data.rfind(b"<", max(0, limit - _HOLD))
            if cut >= 0:
                limit = cut
        pos = 0
        while True:
            if self._inside is not None:
                pos, finished = self._through_construct(self._inside, data, pos, out)
                if not finished:
                    return out, pos
                continue
            start = _next_markup(data, pos, limit, self._depth > 0)
            if start < 0:
                stop = max(pos, limit)
                self._keep(data, pos, stop, out)
                return out, stop
            self._keep(data, pos, start, out)
            pos = self._token(data, start, out)
            if self._raw:
                out.append(data[start:])
                return out, len(data)
            if pos == start:  # unfinished: wait for the next read
                return out, start

    def _keep(self, data: bytes, start: int, end: int, out: list[bytes]) -> None:
        """Hand on ``data[start:end]``: whole outside a list, only its newlines inside one."""
        if end <= start:
            return
        if self._depth == 0:
            out.append(data[start:end])
        # find() first: it skips a list written on one line many times faster than count() reads it.
        elif data.find(b"\n", start, end) >= 0 and (newlines := data.count(b"\n", start, end)):
            out.append(b"\n" * newlines)

    def _through_construct(self, closer: bytes, data: bytes, pos: int, out: list[bytes]) -> tuple[int, bool]:
        """Read on to ``closer``, the end of the comment, CDATA section or PI begun earlier.

        Returns where reading stopped and whether the construct ended there.
        """
        end = data.find(closer, pos)
        if end >= 0:
            self._inside = None
            self._keep(data, pos, end + len(closer), out)
            return end + len(closer), True
        # Unterminated at the end of the file, libxml2 reports it; otherwise the end may straddle two reads.
        stop = len(data) if self._eof else max(pos, len(data) - len(closer) + 1)
        self._keep(data, pos, stop, out)
        return stop, False

    def _token(self, data: bytes, start: int, out: list[bytes]) -> int:
        """Read the markup found at ``start``; returns where reading goes on (``start``: wait for more)."""
        for opener, closer in _CONSTRUCTS:
            if data.startswith(opener, start):
                self._keep(data, start, start + len(opener), out)
                self._inside = closer
                return start + len(opener)
        if data.startswith(b"<!", start):
            return self._declaration(data, start, out)
        if data.startswith(b"<ReferenceList", start):
            return self._start_tag(data, start, out)
        if data.startswith(b"</ReferenceList", start):
            end = _END_TAG.match(data, start)
            if end is not None:
                self._keep(data, start, end.end(), out)
                self._depth -= 1
                return end.end()
            if self._may_grow(data, start):
                return start
            raise self._error(data, start, "a </ReferenceList> end tag that cannot be read")
        name = _NAME.match(data, start + 2)
        closing = name.group().decode("ascii", "replace") if name else "?"
        raise self._error(data, start, f"a <ReferenceList> is not closed before </{closing}>")

    def _declaration(self, data: bytes, start: int, out: list[bytes]) -> int:
        """``<!`` that opens no comment nor CDATA: the document type declaration, or something libxml2 judges."""
        if self._depth:
            raise self._error(data, start, "a markup declaration inside a <ReferenceList>")
        doctype = _DOCTYPE.match(data, start)
        if doctype is not None:
            self._keep(data, start, doctype.end(), out)
            return doctype.end()
        if not self._eof and len(data) - start < _MAX_TAG:
            return start
        self._raw = True  # an internal DTD subset, or not XML at all: libxml2 reads the rest uncut
        return start

    def _start_tag(self, data: bytes, start: int, out: list[bytes]) -> int:
        tag = _START_TAG.match(data, start)
        if tag is None:
            if self._may_grow(data, start):
                return start
            if self._depth:
                raise self._error(data, start, "a <ReferenceList> start tag that cannot be read")
            self._raw = True  # libxml2 judges it, and reads the rest uncut
            return start
        depth = self._depth
        self._depth = max(depth, 1)  # the tag itself is cut, whatever the depth
        self._keep(data, start, tag.end(), out)
        self._depth = depth if tag.group(1) else depth + 1
        return tag.end()

    def _may_grow(self, data: bytes, start: int) -> bool:
        """Whether the tag at ``start`` may yet be completed by the next read (a tag holds no ``<``)."""
        return not self._eof and data.find(b"<", start + 1) < 0 and len(data) - start < _MAX_TAG

    def _error(self, data: bytes, start: int, message: str) -> ReferenceListError:
        return ReferenceListError(message, self._line + data.count(b"\n", 0, start))


def _next_markup(data: bytes, pos: int, limit: int, in_list: bool) -> int:
    """Where the next markup the scan must read starts in ``data[pos:limit]``; -1 if there is none.

    That is ``<!`` and ``<?``, a list's start tag, and in a list its end tag and the end tags a list
    cannot hold. Found with ``bytes.find`` on rare bytes: a regular expression, stopping at each of
    the ~300 "<" of a record, made the scan three times slower.
    """
    found = _list_tag(data, pos, limit, in_list)
    end = limit if found < 0 else found
    if in_list:
        for prefix in _GUARD_PREFIXES:
            at = data.find(prefix, pos, end)
            while at >= 0 and _GUARD.match(data, at) is None:
                at = data.find(prefix, at + 2, end)
            if at >= 0:
                end = found = at
    for mark in (b"!", b"?"):
        at = data.find(mark, pos + 1, end)
        while at >= 0 and data[at - 1] != 0x3C:  # "<"
            at = data.find(mark, at + 1, end)
        if at >= 0:
            end = found = at - 1
    return found


def _list_tag(data: bytes, pos: int, limit: int, in_list: bool) -> int:
    """Where the next ``<ReferenceList`` (and in a list, ``</ReferenceList``) is in ``data[pos:limit]``."""
    at = data.find(b"ReferenceList", pos + 1, limit)
    while at >= 0:
        start = at - 1 if data[at - 1] == 0x3C else at - 2 if in_list and data[at - 2 : at] == b"</" else -1
        if start >= pos and at + 13 < limit and data[at + 13] in _TAG_END:
            return start
        at = data.find(b"ReferenceList", at + 13, limit)
    return -1


def plain_prolog(head: bytes) -> bool:
    """Whether ``head``, a document's start up to its first record, is whole: nothing in it left open.

    An XML declaration, a DOCTYPE without internal subset, the ``<PubmedArticleSet>`` start tag,
    and comments, PIs and white space around them. A piece of a document that starts with such a
    head and is cut at a record's end tag parses as that document does, or does not parse at all.
    """
    return _PROLOG.fullmatch(head) is not None
