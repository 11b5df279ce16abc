"""RIS and BibTeX: every record comes back from rispy and bibtexparser with its fields."""

from __future__ import annotations

import io
import re

import bibtexparser
import rispy

from litscan.citations import UsedKeys, citation_key, latex_escape, to_bibtex, to_ris, write_bibtex
from litscan.models import AbstractSection, Author, PartialDate, PublicationType, Record

SPECIALS = r"50% of pain_scores & $cost #1 ~ ^ \ {x}"


def _records() -> list[Record]:
    base = dict(
        journal="Journal of Invented Results",
        journal_abbrev="J Invented Results",
        volume="12",
        issue="4",
        pages="1234-45",
        issn="1234-5678",
        languages=("eng",),
        keywords=("ketamine", "CRPS"),
        abstract_sections=(
            AbstractSection("Pain persists.", "BACKGROUND", "BACKGROUND"),
            AbstractSection("Ketamine helped.", "CONCLUSIONS", "CONCLUSIONS"),
        ),
    )
    return [
        Record(
            pmid="11",
            title="Ketamine for CRPS: a trial",
            pub_date=PartialDate(2024, 3, 7),
            authors=(
                Author("Müller", "Anna", "A"),
                Author("Søren", "Ólafur", "O"),
                Author(collective_name="Ketamine Study Group"),
            ),
            doi="10.1000/abc_def",
            pmcid="PMC123",
            **base,
        ),
        Record(
            pmid="12",
            title=SPECIALS,
            pub_date=PartialDate(2024),
            authors=(Author("Müller", "Anna", "A"), Author("van der Berg", "Jan", "J")),
            **base,
        ),
        Record(
            pmid="13",
            title="Ketamine for CRPS: another trial",
            pub_date=PartialDate(2024, 11),
            authors=(Author("Müller", "Bea", "B"),),
            **base,
        ),
        Record(pmid="14", title="A book chapter", kind="book", journal="Handbook of Pain"),
        Record(
            pmid="15",
            title="Retracted study",
            pub_date=PartialDate(2020, 1),
            publication_types=(PublicationType("Retracted Publication", "D016441"),),
            authors=(Author("Doe", "Jane", "J"),),
        ),
    ]


def test_ris_round_trip() -> None:
    records = _records()
    entries = rispy.loads(to_ris(records))
    assert [e["accession_number"] for e in entries] == ["11", "12", "13", "14", "15"]
    first = entries[0]
    assert first["type_of_reference"] == "JOUR"
    assert first["title"] == "Ketamine for CRPS: a trial"
    assert first["authors"] == ["Müller, Anna", "Søren, Ólafur", "Ketamine Study Group"]
    assert first["year"] == "2024" and first["date"] == "2024/03/07/"
    assert first["secondary_title"] == "Journal of Invented Results"
    assert first["alternate_title1"] == "J Invented Results"  # J2
    assert first["issn"] == "1234-5678" and first["custom2"] == "PMC123"
    assert (first["volume"], first["number"]) == ("12", "4")
    assert (first["start_page"], first["end_page"]) == ("1234", "1245")  # MEDLINE's 1234-45 expanded
    assert first["doi"] == "10.1000/abc_def"
    assert first["urls"] == ["https://pubmed.ncbi.nlm.nih.gov/11/"]
    assert first["abstract"] == "BACKGROUND: Pain persists. CONCLUSIONS: Ketamine helped."
    assert first["keywords"] == ["ketamine", "CRPS"]
    assert entries[1]["title"] == SPECIALS and entries[1]["date"] == "2024///"
    assert entries[3]["type_of_reference"] == "BOOK"
    assert "Retracted" in entries[4]["notes"][0]


def test_ris_lines_follow_the_spec() -> None:
    text = to_ris(_records())
    for line in text.splitlines():
        assert line == "" or re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line), line
    assert text.count("TY  - ") == text.count("ER  - ") == 5


def _unlatex(text: str) -> str:
    replacements = {
        r"\textbackslash{}": "\\",
        r"\textbraceleft{}": "{",
        r"\textbraceright{}": "}",
        r"\^{}": "^",
        r"\~{}": "~",
        r"\$": "$",
        r"\&": "&",
        r"\%": "%",
        r"\#": "#",
        r"\_": "_",
    }
    for latex, plain in replacements.items():
        text = text.replace(latex, plain)
    return text


def test_bibtex_round_trip() -> None:
    library = bibtexparser.parse_string(to_bibtex(_records()))
    assert not library.failed_blocks
    entries = {e.fields_dict["pmid"].value: e for e in library.entries}
    assert sorted(entries) == ["11", "12", "13", "14", "15"]
    first = {k: f.value for k, f in entries["11"].fields_dict.items()}
    assert entries["11"].entry_type == "article"
    assert first["title"] == "Ketamine for CRPS: a trial"
    assert first["author"] == "Müller, Anna and Søren, Ólafur and {Ketamine Study Group}"
    assert (first["year"], first["month"]) == ("2024", "mar")
    assert (first["journal"], first["volume"], first["number"]) == ("Journal of Invented Results", "12", "4")
    assert first["pages"] == "1234--1245"
    assert first["doi"] == "10.1000/abc_def"  # verbatim field: not escaped
    assert first["pmcid"] == "PMC123" and first["url"] == "https://pubmed.ncbi.nlm.nih.gov/11/"
    assert first["abstract"] == "BACKGROUND: Pain persists. CONCLUSIONS: Ketamine helped."
    assert _unlatex(entries["12"].fields_dict["title"].value) == SPECIALS
    assert "{van der Berg}, Jan" in entries["12"].fields_dict["author"].value
    assert entries["14"].entry_type == "book"


def test_bibtex_keys_are_unique_and_ascii() -> None:
    records = _records()
    keys = [e.key for e in bibtexparser.parse_string(to_bibtex(records + records)).entries]
    assert len(keys) == len(set(keys)) == 10
    assert all(re.fullmatch(r"[A-Za-z0-9]+", k) for k in keys)
    assert citation_key(records[0]) == "Muller2024ketamine"
    assert citation_key(Record(pmid="99")) == "pmid99nd"


def test_latex_escape_keeps_braces_balanced() -> None:
    escaped = latex_escape(SPECIALS)
    assert escaped.count("{") == escaped.count("}")
    assert not re.search(r"(?<!\\)[%&$#_]", escaped)
    assert latex_escape("Müller\nline") == "Müller line"


def test_many_clashing_bibtex_keys_get_successive_letters() -> None:
    # One author, one year, one title word: every key clashes with the first. Each clash resumes
    # where the previous one stopped (a fresh search from "a" each time made 12,000 keys quadratic).
    same = [
        Record(pmid=str(1000 + i), title="Ketamine", authors=(Author(last_name="Doe"),), pub_date=PartialDate(2024))
        for i in range(800)
    ]
    keys = re.findall(r"^@article\{([^,]+),", to_bibtex(same), re.M)
    assert len(keys) == len(set(keys)) == 800
    assert keys[:4] == ["Doe2024ketamine", "Doe2024ketaminea", "Doe2024ketamineb", "Doe2024ketaminec"]
    assert keys[27:29] == ["Doe2024ketamineaa", "Doe2024ketamineab"]


def test_bibtex_keys_past_the_memory_limit_are_the_same() -> None:
    """Keys remembered on disk once there are many give the same file as keys held in memory."""
    same = [
        Record(
            pmid=str(1000 + i),
            title=f"Ketamine {i % 3}",
            authors=(Author(last_name="Doe"),),
            pub_date=PartialDate(2024),
        )
        for i in range(60)
    ]
    in_memory = io.StringIO()
    write_bibtex(same, in_memory)
    spilled = io.StringIO()
    write_bibtex(same, spilled, keys=UsedKeys(limit=5))
    assert spilled.getvalue() == in_memory.getvalue()
    keys = re.findall(r"^@article\{([^,]+),", spilled.getvalue(), re.M)
    assert len(keys) == len(set(keys)) == 60
