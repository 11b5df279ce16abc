"""The digest shows each record's registrations and notices (``_links.html``), linked, escaped."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from litscan.digest.writer import write_digest
from litscan.models import AbstractSection, Accession, CommentCorrection
from litscan.pipeline.prepare import store_records
from litscan.store import Store
from tests.conftest import fixed_tagger, make_record

from . import digest_data as data

HOSTILE_SOURCE = '<img src=x onerror="window.pwned=3">J Inv Res. 2026;1:1'


def _page(store: Store, tmp_path: Path) -> lxml.html.HtmlElement:
    records = [
        make_record(
            "1",
            abstract_sections=(AbstractSection("Adults received ketamine. Registration: ISRCTN12345678."),),
            accessions=(Accession("ClinicalTrials.gov", "NCT01234567"),),
            comments_corrections=(
                CommentCorrection("ErratumIn", "J Inv Res. 2025;2:2", "40000002"),
                CommentCorrection("RetractionIn", HOSTILE_SOURCE, "40000001"),
                CommentCorrection("CommentIn", "Pain Lett. 2025;1:1", "40000003"),
            ),
        ),
        make_record("2"),
    ]
    store_records(store, records, tagger=fixed_tagger(), topic=data.TOPIC_NAME, now=data.NEW)
    result = write_digest(store, data.make_topic(tmp_path), reports_dir=tmp_path / "reports", ran_at=data.RAN_AT)
    return lxml.html.fromstring(result.path.read_bytes())


def test_registrations_and_notices_are_linked_on_the_record(store: Store, tmp_path: Path) -> None:
    page = _page(store, tmp_path)
    (links,) = page.xpath("//article[@data-pmid='1']//p[contains(@class, 'links')]")
    anchors = [(a.text_content(), a.get("href")) for a in links.xpath(".//a")]
    assert anchors == [
        ("ClinicalTrials.gov NCT01234567", "https://clinicaltrials.gov/study/NCT01234567"),
        ("ISRCTN12345678", "https://www.isrctn.com/ISRCTN12345678"),
        ("Retraction notice", "https://pubmed.ncbi.nlm.nih.gov/40000001/"),
        ("Erratum", "https://pubmed.ncbi.nlm.nih.gov/40000002/"),
    ]
    titles = [a.get("title") for a in links.xpath(".//a")]
    assert titles[0] == "ClinicalTrials.gov, indexed by PubMed"
    assert titles[1] == "ISRCTN, named in the abstract"
    assert titles[2] == HOSTILE_SOURCE  # an attribute's text, not markup
    assert not page.xpath("//img")
    assert "Comment" not in links.text_content()


def test_a_record_without_links_gets_no_links_line(store: Store, tmp_path: Path) -> None:
    page = _page(store, tmp_path)
    assert page.xpath("//article[@data-pmid='2']")
    assert not page.xpath("//article[@data-pmid='2']//p[contains(@class, 'links')]")


def test_the_card_includes_the_partial_in_one_line() -> None:
    templates = Path(__file__).resolve().parents[2] / "litscan" / "digest" / "templates"
    assert '{% include "_links.html" %}' in (templates / "_record.html").read_text(encoding="utf-8").splitlines()
