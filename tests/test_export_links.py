"""Registrations, full text and notices in the exports: JSON objects, a CSV column, RIS and BibTeX notes."""

from __future__ import annotations

import csv
import io
import json

from litscan.citations import bibtex_entry, ris_entry
from litscan.export import export
from litscan.models import AbstractSection, Accession, CommentCorrection
from litscan.pipeline.prepare import store_records
from tests.conftest import fixed_tagger, make_record


def _linked():
    return make_record(
        "7",
        pmcid="PMC7654321",
        abstract_sections=(AbstractSection("We ran a trial (DRKS00012345)."),),
        accessions=(Accession("ClinicalTrials.gov", "NCT01234567"), Accession("GENBANK", "AB012345")),
        comments_corrections=(
            CommentCorrection("RetractionIn", "J Inv Res. 2026;1:1", "40000001"),
            CommentCorrection("Cites", "An old reference", "123"),
        ),
    )


def _export(store, format: str) -> str:
    store_records(store, [_linked(), make_record("8")], tagger=fixed_tagger())
    out = io.StringIO()
    export(store, out, format=format)
    return out.getvalue()


def test_json_lists_registrations_and_comments_corrections_as_objects(store):
    rows = {row["pmid"]: row for row in json.loads(_export(store, "json"))}
    assert rows["7"]["registrations"] == [
        {
            "registry": "ClinicalTrials.gov",
            "id": "NCT01234567",
            "url": "https://clinicaltrials.gov/study/NCT01234567",
            "source": "databank",
        },
        {
            "registry": "DRKS",
            "id": "DRKS00012345",
            "url": "https://drks.de/search/en/trial/DRKS00012345",
            "source": "abstract",
        },
    ]
    assert rows["7"]["comments_corrections"] == [
        {
            "type": "RetractionIn",
            "pmid": "40000001",
            "source": "J Inv Res. 2026;1:1",
            "url": "https://pubmed.ncbi.nlm.nih.gov/40000001/",
        }
    ]
    assert rows["7"]["full_text_url"] == "https://pmc.ncbi.nlm.nih.gov/articles/PMC7654321/"
    assert (rows["8"]["registrations"], rows["8"]["comments_corrections"], rows["8"]["full_text_url"]) == ([], [], None)


def test_csv_has_a_registrations_column_of_ids(store):
    rows = {row["pmid"]: row for row in csv.DictReader(io.StringIO(_export(store, "csv")))}
    assert rows["7"]["registrations"] == "NCT01234567; DRKS00012345"
    assert rows["8"]["registrations"] == ""


def test_ris_links_the_full_text_and_notes_each_registration_and_notice():
    entry = ris_entry(_linked())
    assert "L2  - https://pmc.ncbi.nlm.nih.gov/articles/PMC7654321/\n" in entry
    assert (
        "N1  - Trial registration: ClinicalTrials.gov NCT01234567 https://clinicaltrials.gov/study/NCT01234567\n"
        in entry
    )
    assert "N1  - Trial registration: DRKS DRKS00012345 https://drks.de/search/en/trial/DRKS00012345\n" in entry
    assert "N1  - Retraction notice: J Inv Res. 2026;1:1 PMID: 40000001\n" in entry
    assert entry.index("N1  - Retracted publication") < entry.index("N1  - Trial registration")
    assert entry.endswith("ER  - \n")
    plain = ris_entry(make_record("8"))
    assert "L2  -" not in plain and "N1  -" not in plain


def test_bibtex_note_carries_the_retraction_and_the_registrations():
    entry = bibtex_entry(_linked(), "Doe2024")
    note = next(line for line in entry.splitlines() if line.strip().startswith("note = "))
    assert note.startswith("  note = {Retracted publication; Trial registration: ClinicalTrials.gov NCT01234567 ")
    assert "DRKS00012345" in note and "Retraction notice: J Inv Res. 2026;1:1 PMID: 40000001" in note
    assert "note = " not in bibtex_entry(make_record("8"), "Doe2024b")
