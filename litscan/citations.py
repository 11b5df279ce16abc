"""RIS and BibTeX, for reference managers (Zotero, EndNote, Mendeley, JabRef).

RIS follows the RIS specification: one ``TAG  - value`` line per field, a
record opened by ``TY`` and closed by ``ER``, repeatable AU/KW tags, dates as
``YYYY/MM/DD/``. BibTeX escapes LaTeX's special characters and gives every
entry a unique key (``Surname2024word``, then ``a``, ``b``... on a clash).
"""

from __future__ import annotations

import io
import re
import sqlite3
import unicodedata
from collections.abc import Iterable
from typing import IO

from .models import Author, Record
from .pubmed.links import RecordLinks, record_links
from .store import StoredRecord

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _record(item: StoredRecord | Record) -> Record:
    return item.record if isinstance(item, StoredRecord) else item


def _one_line(text: str | None) -> str | None:
    if text is None:
        return None
    text = " ".join(_CONTROL.sub(" ", text).split())
    return text or None


def _page_range(pages: str | None) -> tuple[str | None, str | None]:
    """``123-9`` as (123, 129): MEDLINE abbreviates end pages; reference managers want them whole."""
    if not pages:
        return None, None
    first = pages.split(",")[0].strip()
    parts = re.split(r"\s*[-–—]\s*", first, maxsplit=1)
    start = parts[0] or None
    end = parts[1] if len(parts) > 1 and parts[1] else None
    if start and end and start.isdigit() and end.isdigit() and len(end) < len(start):
        end = start[: len(start) - len(end)] + end
    return start, end


def _abstract(record: Record) -> str | None:
    return (
        _one_line(" ".join(f"{s.label}: {s.text}" if s.label else s.text for s in record.abstract_sections))
        if record.abstract_sections
        else None
    )


# --- RIS -----------------------------------------------------------------------------------


def _ris_author(author: Author) -> str | None:
    if author.collective_name:
        return _one_line(author.collective_name)
    if not author.last_name:
        return _one_line(author.fore_name)
    given = author.fore_name or author.initials
    return _one_line(f"{author.last_name}, {given}" if given else author.last_name)


def ris_entry(item: StoredRecord | Record) -> str:
    """One RIS record, ``TY`` to ``ER``."""
    record = _record(item)
    lines: list[tuple[str, str | None]] = [("TY", "BOOK" if record.kind == "book" else "JOUR")]
    lines.append(("TI", _one_line(record.display_title)))
    lines.extend(("AU", _ris_author(a)) for a in record.authors if a.valid)
    if record.pub_date and record.pub_date.year:
        date = record.pub_date
        lines.append(("PY", str(date.year)))
        lines.append(
            (
                "DA",
                f"{date.year:04d}/"
                + (f"{date.month:02d}" if date.month else "")
                + "/"
                + (f"{date.day:02d}" if date.day and date.month else "")
                + "/",
            )
        )
    if record.kind != "book":
        # T2 is the journal for JOUR in EndNote and Zotero alike; both read JO as an abbreviation
        lines.append(("T2", _one_line(record.journal)))
        lines.append(("J2", _one_line(record.journal_abbrev)))
    lines.append(("VL", _one_line(record.volume)))
    lines.append(("IS", _one_line(record.issue)))
    start, end = _page_range(record.pages)
    lines.append(("SP", start))
    lines.append(("EP", end))
    lines.append(("SN", _one_line(record.issn)))
    lines.append(("DO", _one_line(record.doi)))
    lines.append(("AN", record.pmid))  # accession number: what EndNote and Zotero keep the PMID in
    lines.append(("C2", _one_line(record.pmcid)))
    lines.append(("DB", "PubMed"))
    lines.append(("UR", record.url))
    lines.append(("AB", _abstract(record)))
    lines.extend(("KW", _one_line(k)) for k in record.keywords)
    lines.extend(("LA", _one_line(lang)) for lang in record.languages)
    if record.retracted:
        lines.append(("N1", "Retracted publication"))
    lines.extend(_link_lines(record))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}\n" for tag, value in lines if value is not None)


def _link_lines(record: Record) -> list[tuple[str, str | None]]:
    """RIS lines for the record's links: ``L2`` (link to full text) and a note for each registration and notice."""
    links = record_links(record)
    lines: list[tuple[str, str | None]] = [("L2", links.full_text_url)]
    lines.extend(("N1", _one_line(note)) for note in link_notes(links))
    return lines


def link_notes(links: RecordLinks) -> list[str]:
    """One line of text for each registration and notice: what a reference manager keeps as a note."""
    notes = [f"Trial registration: {r.registry} {r.id} {r.url}" for r in links.registrations]
    notes.extend(f"{n.label}: {n.source or ''}{f' PMID: {n.pmid}' if n.pmid else ''}".rstrip() for n in links.notices)
    return notes


def write_ris(records: Iterable[StoredRecord | Record], out: IO[str]) -> int:
    """RIS for all records, each closed by ``ER`` and a blank line, written as they come; returns how many."""
    count = 0
    for item in records:
        out.write(ris_entry(item) + "\n")
        count += 1
    return count


def to_ris(records: Iterable[StoredRecord | Record]) -> str:
    """RIS for all records, each closed by ``ER`` and a blank line."""
    out = io.StringIO()
    write_ris(records, out)
    return out.getvalue()


# --- BibTeX --------------------------------------------------------------------------------

# \{ would still count as a brace for BibTeX's brace matching, so braces get text commands.
_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}
_LATEX_RE = re.compile("|".join(re.escape(ch) for ch in _LATEX))


def latex_escape(text: str) -> str:
    """Text safe inside a braced BibTeX field; non-ASCII letters stay UTF-8."""
    return _LATEX_RE.sub(lambda m: _LATEX[m.group(0)], _one_line(text) or "")


def _verbatim(text: str | None) -> str | None:
    """doi and url are verbatim fields in biblatex: no escapes, only braces must go."""
    if not text:
        return None
    return "".join(ch for ch in (_one_line(text) or "") if ch not in "{}") or None


def _bib_author(author: Author) -> str | None:
    if author.collective_name:
        return "{" + latex_escape(author.collective_name) + "}"  # braced: not split into names
    if not author.last_name:
        return latex_escape(author.fore_name) if author.fore_name else None
    last = latex_escape(author.last_name)
    if " " in author.last_name or " and " in f" {author.last_name} ":
        last = "{" + last + "}"  # keep "van der Berg" and compound surnames together
    given = author.fore_name or author.initials
    return f"{last}, {latex_escape(given)}" if given else last


def _ascii_word(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]", "", folded)


_STOP = {"a", "an", "the", "of", "on", "in", "for", "and", "to", "with", "is", "are", "does", "do"}


def citation_key(record: Record) -> str:
    """``Surname2024word``: first author, year and first meaningful title word, ASCII only."""
    first = next((a for a in record.authors if a.valid), None)
    name = ""
    if first is not None:
        name = _ascii_word((first.last_name or first.collective_name or "").split(" ")[0])
    year = str(record.year) if record.year else "nd"
    word = next((w for w in (_ascii_word(t).lower() for t in (record.title or "").split()) if w and w not in _STOP), "")
    return f"{name or 'pmid' + record.pmid}{year}{word[:20]}"


def _escaped(text: str | None) -> str | None:
    return latex_escape(text) if text else None


def _bib_fields(record: Record) -> list[tuple[str, str | None]]:
    """The entry's fields in order, escaped; None for those the record lacks."""
    authors = [a for a in (_bib_author(a) for a in record.authors if a.valid) if a]
    start, end = _page_range(record.pages)
    return [
        ("author", " and ".join(authors) or None),
        ("title", _escaped(record.display_title)),
        ("booktitle" if record.kind == "book" else "journal", _escaped(record.journal)),
        ("year", str(record.year) if record.year else None),
        ("volume", _escaped(record.volume)),
        ("number", _escaped(record.issue)),
        ("pages", _escaped(start and (f"{start}--{end}" if end else start))),
        ("doi", _verbatim(record.doi)),
        ("issn", _escaped(record.issn)),
        ("pmid", record.pmid),
        ("pmcid", _escaped(record.pmcid)),
        ("url", record.url),
        ("abstract", _escaped(_abstract(record))),
        ("keywords", _escaped(", ".join(record.keywords))),
        ("language", _escaped(next(iter(record.languages), None))),
        ("note", _escaped("; ".join(_bib_notes(record))) or None),
    ]


def _bib_notes(record: Record) -> list[str]:
    return (["Retracted publication"] if record.retracted else []) + link_notes(record_links(record))


def bibtex_entry(item: StoredRecord | Record, key: str) -> str:
    """One BibTeX entry (``@article`` or ``@book``) under ``key``; fields the record lacks are left out."""
    record = _record(item)
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in _bib_fields(record) if value)
    month = record.pub_date.month if record.pub_date else None
    if month and 1 <= month <= 12:
        body += f",\n  month = {_MONTHS[month - 1]}"  # the standard month macro, unbraced
    kind = "book" if record.kind == "book" else "article"
    return f"@{kind}{{{key},\n{body}\n}}\n"


class UsedKeys:
    """The citation keys a file holds so far: a set in memory up to ``limit`` keys, then a table in a
    temporary SQLite file, so that writing any number of entries holds at most ``limit`` keys."""

    def __init__(self, limit: int = 20_000) -> None:
        self.limit = limit
        self._keys: set[str] = set()
        self._spill: sqlite3.Connection | None = None

    def add(self, key: str) -> bool:
        """Remember ``key``; False when it was taken already."""
        if self._spill is not None:
            return self._spill.execute("INSERT OR IGNORE INTO k VALUES (?)", (key,)).rowcount == 1
        if key in self._keys:
            return False
        self._keys.add(key)
        if len(self._keys) >= self.limit:
            self._spill = sqlite3.connect("")  # "": a private temporary file, removed when closed
            self._spill.execute("CREATE TABLE k(key TEXT PRIMARY KEY) WITHOUT ROWID")
            self._spill.executemany("INSERT INTO k VALUES (?)", ((k,) for k in self._keys))
            self._keys.clear()
        return True

    def close(self) -> None:
        if self._spill is not None:
            self._spill.close()


def write_bibtex(records: Iterable[StoredRecord | Record], out: IO[str], *, keys: UsedKeys | None = None) -> int:
    """BibTeX for all records, written as they come; keys are unique within the file. Returns how many.

    Only the keys are remembered (to keep them unique), and past a limit on disk (``UsedKeys``).
    """
    used = keys or UsedKeys()
    next_suffix: dict[str, int] = {}  # per base key: where its search for a free suffix resumes
    count = 0
    try:
        for item in records:
            record = _record(item)
            base = citation_key(record)
            key, suffix = base, next_suffix.get(base, 0)
            while not used.add(key):
                key = base + _suffix(suffix)
                suffix += 1
            if suffix:  # only clashing bases need to remember where their search stopped
                next_suffix[base] = suffix
            out.write(("\n" if count else "") + bibtex_entry(record, key))
            count += 1
    finally:
        used.close()
    return count


def to_bibtex(records: Iterable[StoredRecord | Record]) -> str:
    """BibTeX for all records; keys are unique within the file."""
    out = io.StringIO()
    write_bibtex(records, out)
    return out.getvalue()


def _suffix(n: int) -> str:
    """a, b, ..., z, aa, ab, ...: the usual disambiguation letters."""
    letters = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(ord("a") + rem) + letters
    return letters
