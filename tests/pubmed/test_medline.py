"""litscan.pubmed.medline: PubMed's MEDLINE text export (.nbib / .txt) → Record.

Fixture medline_export.nbib (written for these tests, invented content): a structured-abstract
RCT with per-author affiliations, ORCID and a group author; a retracted case report with an
erratum, a PMC id and a MedlineDate; a Publisher record with a season date.
"""

from __future__ import annotations

import gzip
import io
import logging
from pathlib import Path

import pytest

from litscan.errors import InputError
from litscan.models import AbstractSection, Author, PartialDate
from litscan.pubmed.medline import abstract_sections, iter_medline

FIXTURES = Path(__file__).parents[1] / "fixtures"
EXPORT = FIXTURES / "medline_export.nbib"


def _records():
    return list(iter_medline(EXPORT))


def test_reads_all_records_with_core_fields():
    rct, case, publisher = _records()
    assert [r.pmid for r in (rct, case, publisher)] == ["39200001", "39200002", "39200003"]
    assert rct.title == (
        "Intravenous ketamine infusion for complex regional pain syndrome: a randomized, "
        "double-blind, placebo-controlled trial."
    )
    assert (rct.journal, rct.journal_abbrev, rct.issn) == ("Pain medicine (Malden, Mass.)", "Pain Med", "1526-4637")
    assert (rct.volume, rct.issue, rct.pages) == ("26", "3", "150-158")
    assert rct.pub_date == PartialDate(2025, 3, None, "2025 Mar")
    assert (rct.article_date, rct.created_date, rct.entrez_date, rct.revised_date) == (
        "2025-01-10",
        "2025-01-10",
        "2025-01-11",
        "2025-03-06",
    )
    assert rct.doi == "10.1000/litscan.medline.1"
    assert (rct.status, rct.publication_status, rct.languages) == ("MEDLINE", "ppublish", ("eng",))
    assert [p.name for p in rct.publication_types] == ["Journal Article", "Randomized Controlled Trial"]
    assert rct.keywords == ("NMDA receptor antagonist", "CRPS")


def test_structured_abstract_is_split_into_sections():
    rct = _records()[0]
    assert rct.abstract_sections == (
        AbstractSection("Complex regional pain syndrome is hard to treat.", "BACKGROUND", "BACKGROUND"),
        AbstractSection(
            "Adults (n = 60) received ketamine 0.3 mg/kg/h or placebo for 4 days.", "METHODS AND MATERIALS", "METHODS"
        ),
        AbstractSection("Pain fell by 30% (P<0.05) with ketamine.", "RESULTS", "RESULTS"),
        AbstractSection("Ketamine eased pain for 12 weeks.", "CONCLUSIONS", "CONCLUSIONS"),
    )


def test_unstructured_abstract_with_a_capitalised_word_and_colon_stays_whole():
    case = _records()[1]
    assert case.abstract_sections == (
        AbstractSection(
            "A single case of phantom limb pain treated with oral ketamine (see HIV: a note) is described."
        ),
    )
    assert abstract_sections("OBJECTIVE: Find out. DESIGN: Cohort.") == (
        AbstractSection("Find out.", "OBJECTIVE", "OBJECTIVE"),
        AbstractSection("Cohort.", "DESIGN", "METHODS"),
    )


def test_labels_typed_in_mixed_case_split_the_abstract_too():
    assert abstract_sections("Objective: Find out. Case presentation: A man. Funding: None.") == (
        AbstractSection("Find out.", "Objective", "OBJECTIVE"),
        AbstractSection("A man.", "Case presentation", "METHODS"),
        AbstractSection("None.", "Funding", None),
    )


def test_authors_get_their_own_affiliations_orcid_and_group_name():
    rct = _records()[0]
    assert rct.authors == (
        Author(
            "Nguyen",
            "Anna",
            "A",
            None,
            (
                "Department of Anesthesiology, Example University, Exampletown, Country.",
                "Pain Clinic, Example Hospital, Exampletown, Country.",
            ),
            "0000-0002-1825-0097",
        ),
        Author("van der Berg", "Jan Hendrik", "JH", None, ("Invented Institute, Otherville.",)),
        Author(collective_name="Ketamine CRPS Study Group"),
    )
    publisher = _records()[2]
    assert publisher.authors == (Author("Li", None, "W"),)  # AU only, no FAU


def test_mesh_major_topics_and_qualifiers_and_chemicals():
    rct = _records()[0]
    humans, ketamine, crps = rct.mesh
    assert (humans.descriptor, humans.major, humans.qualifiers) == ("Humans", False, ())
    assert (ketamine.descriptor, ketamine.major) == ("Ketamine", True)
    assert [(q.name, q.major) for q in ketamine.qualifiers] == [
        ("administration & dosage", False),
        ("therapeutic use", True),
    ]
    assert (crps.major, crps.qualifiers[0].name, crps.qualifiers[0].major) == (False, "drug therapy", True)
    assert [(c.name, c.registry_number) for c in rct.chemicals] == [("Ketamine", "690G0D6V8H"), ("Analgesics", None)]


def test_retraction_erratum_and_comment_links():
    rct, case, publisher = _records()
    assert rct.retracted is False
    assert [(c.ref_type, c.ref_source, c.pmid) for c in rct.comments_corrections] == [
        ("CommentIn", "Pain Med. 2025 Apr;26(4):200-201", "39200009")
    ]
    assert case.retracted is True
    assert [(c.ref_type, c.pmid) for c in case.comments_corrections if c.ref_type == "RetractionIn"] == [
        ("RetractionIn", "39200099")
    ]
    assert [e.ref_source for e in case.errata] == ["Pain. 1999 Mar;30(3):99"]
    assert publisher.retracted is False and publisher.comments_corrections == ()


def test_other_fields_of_the_case_report_and_publisher_record():
    _, case, publisher = _records()
    assert case.pub_date == PartialDate(1998, 12, None, "1998 Dec-1999 Jan")
    assert (case.pmcid, case.doi) == ("PMC9200002", "10.1000/litscan.medline.2")  # DOI from AID
    assert case.vernacular_title == "Ketamina orale per il dolore dell'arto fantasma."
    assert publisher.pub_date == PartialDate(2026, 12, None, "2026 Winter")
    assert (publisher.doi, publisher.abstract, publisher.mesh, publisher.issn) == (None, None, (), None)


def test_gzipped_file_and_text_stream(tmp_path):
    expected = _records()
    packed = tmp_path / "export.nbib.gz"
    packed.write_bytes(gzip.compress(EXPORT.read_bytes()))
    assert list(iter_medline(packed)) == expected
    stream = io.StringIO(EXPORT.read_text(encoding="utf-8"))
    assert list(iter_medline(stream, name="pasted")) == expected


def _error(tmp_path: Path, content: bytes, name: str = "export.nbib") -> str:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        list(iter_medline(path))
    message = str(caught.value)
    assert "\n" not in message and name in message
    return message


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        list(iter_medline(tmp_path / "missing.nbib"))


def test_empty_file(tmp_path):
    assert "file is empty" in _error(tmp_path, b"")


def test_not_medline(tmp_path):
    message = _error(tmp_path, (FIXTURES / "pubmed_mixed.xml").read_bytes(), "pubmed.xml")
    assert "not MEDLINE format" in message


def test_record_without_pmid_is_named(tmp_path):
    content = EXPORT.read_bytes().replace(b"PMID- 39200002\n", b"")
    message = _error(tmp_path, content)
    assert "record 2 has no PMID" in message and "PMID 39200001" in message


def test_cut_off_gzip(tmp_path):
    packed = gzip.compress(EXPORT.read_bytes())
    assert "gzip data is cut off" in _error(tmp_path, packed[: len(packed) // 2], "cut.nbib.gz")


def test_not_utf8(tmp_path):
    assert "not UTF-8" in _error(tmp_path, b"PMID- 1\nTI  - caf\xe9\n")


def _one(pmid: str, title: str, extra: str = "") -> str:
    return f"PMID- {pmid}\nTI  - {title}\n{extra}SO  - J Invent. 2020;1:1.\n"


def test_records_without_a_blank_line_between_them_are_read_apart():
    # ``cat a.txt b.txt`` of two exports, CRLF line ends, the second without the blank line before it.
    text = _one("39000001", "One.") + _one("39000002", "Two.") + "\n" + _one("39000003", "Three.")
    records = list(iter_medline(io.StringIO(text), name="x.nbib"))
    assert [(r.pmid, r.title) for r in records] == [("39000001", "One."), ("39000002", "Two."), ("39000003", "Three.")]
    crlf = io.TextIOWrapper(io.BytesIO(text.replace("\n", "\r\n").encode()), encoding="utf-8", newline=None)
    assert list(iter_medline(crlf, name="x.nbib")) == records


def test_byte_order_marks_and_lines_of_blanks_between_records_are_no_text():
    text = "\ufeff" + _one("39000001", "One.") + " \n\ufeff" + _one("39000002", "Two.") + "\t\n"
    records = list(iter_medline(io.StringIO(text), name="x.nbib"))
    assert [(r.pmid, r.title) for r in records] == [("39000001", "One."), ("39000002", "Two.")]


def test_a_file_cut_inside_its_last_record_keeps_the_whole_ones_and_warns(caplog):
    text = _one("39000001", "One.") + "\n" + "PMID- 39000002\nTI  - Two, cut\n      off"
    with caplog.at_level(logging.WARNING, logger="litscan.pubmed.medline"):
        records = list(iter_medline(io.StringIO(text), name="x.nbib"))
    assert [r.pmid for r in records] == ["39000001"]  # the partial record is never stored
    [message] = [r.getMessage() for r in caplog.records]
    assert "\n" not in message
    assert message.startswith("x.nbib: line 5: record 2 (PMID 39000002) is cut off"), message
    assert "not imported" in message


def test_a_file_of_one_cut_record_is_refused():
    with pytest.raises(InputError, match=r"x\.nbib: line 1: record 1 \(PMID 39000001\) is cut off"):
        list(iter_medline(io.StringIO("PMID- 39000001\nTI  - One, cu"), name="x.nbib"))


def test_a_cut_off_record_before_another_is_refused_too():
    text = "PMID- 39000001\nTI  - One, cut\n" + _one("39000002", "Two.")
    with pytest.raises(InputError, match=r"x\.nbib: line 1: record 1 \(PMID 39000001\) is cut off"):
        list(iter_medline(io.StringIO(text), name="x.nbib"))


AUTHORS = (
    "FAU - Shaffer, Arthur L 3rd\nAU  - Shaffer AL 3rd\n"
    "FAU - Doe, John Jr\nAU  - Doe J Jr\n"
    "FAU - van Griensven, Martijn\nAU  - van Griensven M\n"
    "FAU - de la Cruz, Maria\nAU  - de la Cruz M\n"
    "FAU - Inventa, Ide C\nAU  - Inventa Ide C\n"
    "AU  - Old AB\n"
    "FAU - Solo, Pat 2nd\n"
    "AU  - et al.\n"
)


def test_names_with_a_suffix_or_a_particle_keep_their_initials():
    (record,) = iter_medline(io.StringIO(_one("39000001", "Names.", AUTHORS)), name="x.nbib")
    assert [(a.last_name, a.fore_name, a.initials, a.suffix) for a in record.authors] == [
        ("Shaffer", "Arthur L", "AL", "3rd"),
        ("Doe", "John", "J", "Jr"),
        ("van Griensven", "Martijn", "M", None),
        ("de la Cruz", "Maria", "M", None),
        ("Inventa", "Ide C", "Ide C", None),
        ("Old", None, "AB", None),
        ("Solo", "Pat", None, "2nd"),
    ]
    assert [a.display_name for a in record.authors][:3] == ["Shaffer AL 3rd", "Doe J Jr", "van Griensven M"]
    assert record.authors_complete is False  # "AU - et al." is no author: the list is incomplete


def test_keywords_lose_the_major_topic_star_and_other_abstracts_stay_apart():
    extra = (
        "OT  - *ketamine\nOT  - * chronic pain\nOT  - NMDA\n"
        "OAB - Erste Zusammenfassung\n      in zwei Zeilen.\nOABL- ger\n"
        "OAB - Segundo resumen.\nOABL- spa\n"
        "TT  - Titulo original.\n"
    )
    (record,) = iter_medline(io.StringIO(_one("39000001", "[Not Available].", extra)), name="x.nbib")
    assert record.keywords == ("ketamine", "chronic pain", "NMDA")
    assert [(o.text, o.language) for o in record.other_abstracts] == [
        ("Erste Zusammenfassung in zwei Zeilen.", "ger"),
        ("Segundo resumen.", "spa"),
    ]
    assert record.display_title == "Titulo original."


@pytest.mark.parametrize("pmid", ["12ab", "0123", "1234567890"])
def test_a_pmid_that_is_not_a_number_is_refused(pmid):
    text = _one("39000001", "One.") + "\n" + _one(pmid, "Two.")
    with pytest.raises(InputError, match=r"x\.nbib: .*record 2: PMID .* is not a PubMed id"):
        list(iter_medline(io.StringIO(text), name="x.nbib"))
