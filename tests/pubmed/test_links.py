"""litscan.pubmed.links (and .accessions): registrations, full text and notices, from records written here.

Every abstract below is invented for these tests; each names ids of the shapes registries issue.
"""

from __future__ import annotations

import io

import orjson
import pytest

from litscan.models import AbstractSection, Accession, CommentCorrection, OtherAbstract, Record
from litscan.pubmed.accessions import medline_accessions
from litscan.pubmed.links import (
    Registration,
    record_links,
    registrations,
    registrations_json,
)
from litscan.pubmed.medline import iter_medline
from litscan.pubmed.registries import load_registries
from litscan.pubmed.xml_reader import parse_pubmed_bytes
from tests.conftest import make_record
from tests.pubmed.test_registries import NCT_TABLE


def _abstract(text: str) -> Record:
    return make_record("1", abstract_sections=(AbstractSection(text),))


def _ids(record: Record) -> list[tuple[str, str, str]]:
    return [(r.registry, r.id, r.source) for r in registrations(record)]


def _xml(article_inner: str, citation_inner: str = "", data_inner: str = "") -> Record:
    body = (
        '<PubmedArticleSet><PubmedArticle><MedlineCitation Status="MEDLINE"><PMID Version="1">1</PMID>'
        f"<Article><ArticleTitle>T</ArticleTitle>{article_inner}</Article>{citation_inner}</MedlineCitation>"
        f"<PubmedData>{data_inner}</PubmedData></PubmedArticle></PubmedArticleSet>"
    )
    (record,) = parse_pubmed_bytes(body.encode())
    assert isinstance(record, Record)
    return record


DATABANKS = """
<DataBankList CompleteYN="Y">
  <DataBank><DataBankName>ClinicalTrials.gov</DataBankName>
    <AccessionNumberList><AccessionNumber>NCT01234567</AccessionNumber>
    <AccessionNumber> NCT07654321 </AccessionNumber></AccessionNumberList></DataBank>
  <DataBank><DataBankName>GENBANK</DataBankName>
    <AccessionNumberList><AccessionNumber>AB012345</AccessionNumber></AccessionNumberList></DataBank>
  <DataBank><DataBankName>JPRN</DataBankName>
    <AccessionNumberList><AccessionNumber>jRCTs031190123</AccessionNumber>
    <AccessionNumber>UMIN000023456</AccessionNumber></AccessionNumberList></DataBank>
  <DataBank><DataBankName>EudraCT</DataBankName>
    <AccessionNumberList><AccessionNumber>2014-001234-56</AccessionNumber></AccessionNumberList></DataBank>
</DataBankList>
"""


# --- where they are read from ------------------------------------------------------------------


def test_xml_data_bank_list_gives_every_accession_and_the_trial_registrations_among_them():
    record = _xml("<Language>eng</Language>" + DATABANKS)
    assert record.accessions == (
        Accession("ClinicalTrials.gov", "NCT01234567"),
        Accession("ClinicalTrials.gov", "NCT07654321"),
        Accession("GENBANK", "AB012345"),
        Accession("JPRN", "jRCTs031190123"),
        Accession("JPRN", "UMIN000023456"),
        Accession("EudraCT", "2014-001234-56"),
    )
    assert _ids(record) == [
        ("ClinicalTrials.gov", "NCT01234567", "databank"),
        ("ClinicalTrials.gov", "NCT07654321", "databank"),
        ("jRCT", "jRCTs031190123", "databank"),
        ("UMIN-CTR", "UMIN000023456", "databank"),
        ("EudraCT", "2014-001234-56", "databank"),
    ]
    assert [r.text for r in registrations(record)] == [
        "ClinicalTrials.gov NCT01234567",
        "ClinicalTrials.gov NCT07654321",
        "jRCTs031190123",
        "UMIN-CTR UMIN000023456",
        "EudraCT 2014-001234-56",
    ]
    umin = registrations(record)[3]
    assert umin.url == "https://trialsearch.who.int/Trial2.aspx?TrialID=JPRN-UMIN000023456"


def test_a_data_bank_number_no_pattern_reads_is_kept_as_nlm_wrote_it():
    record = make_record("1", accessions=(Accession("ISRCTN", "ISRCTN1234"), Accession("PDB", "1ABC")))
    assert _ids(record) == [("ISRCTN", "ISRCTN1234", "databank")]


def test_medline_si_lines_give_the_same_accessions():
    text = (
        "PMID- 1\nTI  - T.\nAB  - We report a trial.\nSI  - ClinicalTrials.gov/NCT01234567\n"
        "SI  - CTRI/CTRI/2019/05/012345\nSI  - GENBANK/AB012345\nSO  - J Invent. 2020;1:1.\n\n"
    )
    (record,) = iter_medline(io.StringIO(text))
    assert record.accessions == (
        Accession("ClinicalTrials.gov", "NCT01234567"),
        Accession("CTRI", "CTRI/2019/05/012345"),
        Accession("GENBANK", "AB012345"),
    )
    assert [r.id for r in registrations(record)] == ["NCT01234567", "CTRI/2019/05/012345"]
    assert medline_accessions(["no data bank here", "/x", "GEO/"]) == ()


def test_abstract_text_names_registrations_of_many_registries():
    record = _abstract(
        "TRIAL REGISTRATION: ClinicalTrials.gov NCT 01234567; ISRCTN: 12345678; EudraCT number 2015-001234-56; "
        "ACTRN12615000123456; ChiCTR-IOR-15006789 and ChiCTR2000031234; DRKS00012345; CTRI/2018/03/012345; "
        "jRCT1031180123; IRCT20170101001234N3; PACTR201901234567890; KCT0003456; NTR4567; TCTR20190101002; "
        "SLCTR/2017/021; RBR-7xyz3k; UMIN000034567; EU CT 2023-501234-12-00; PROSPERO CRD42020123456."
    )
    assert [(r.registry, r.id) for r in registrations(record)] == [
        ("ClinicalTrials.gov", "NCT01234567"),
        ("ISRCTN", "ISRCTN12345678"),
        ("EudraCT", "2015-001234-56"),
        ("EU CT (CTIS)", "2023-501234-12-00"),
        ("ANZCTR", "ACTRN12615000123456"),
        ("ChiCTR", "ChiCTR-IOR-15006789"),
        ("ChiCTR", "ChiCTR2000031234"),
        ("DRKS", "DRKS00012345"),
        ("CTRI", "CTRI/2018/03/012345"),
        ("UMIN-CTR", "UMIN000034567"),
        ("jRCT", "jRCT1031180123"),
        ("IRCT", "IRCT20170101001234N3"),
        ("PACTR", "PACTR201901234567890"),
        ("CRiS (Korea)", "KCT0003456"),
        ("Netherlands Trial Register", "NTR4567"),
        ("TCTR", "TCTR20190101002"),
        ("SLCTR", "SLCTR/2017/021"),
        ("ReBEC", "RBR-7xyz3k"),
        ("PROSPERO", "CRD42020123456"),
    ]
    assert all(r.source == "abstract" for r in registrations(record))
    nct = registrations(record)[0]
    assert nct.url == "https://clinicaltrials.gov/study/NCT01234567"
    assert registrations(record)[4].url == "https://www.anzctr.org.au/ACTRN12615000123456.aspx"


def test_ids_in_other_abstracts_count_and_unicode_dashes_and_spaces_are_read():
    record = make_record(
        "1",
        abstract_sections=(),
        other_abstracts=(OtherAbstract("Registro: NCT\u201101234567 y ISRCTN\u00a012345678.", "Publisher", "spa"),),
    )
    assert [r.id for r in registrations(record)] == ["NCT01234567", "ISRCTN12345678"]


def test_an_id_in_the_data_bank_and_the_abstract_is_listed_once_as_from_the_data_bank():
    record = make_record(
        "1",
        accessions=(Accession("ClinicalTrials.gov", "NCT01234567"),),
        abstract_sections=_abstract("Registered as nct01234567 and NCT07654321.").abstract_sections,
    )
    assert _ids(record) == [
        ("ClinicalTrials.gov", "NCT01234567", "databank"),
        ("ClinicalTrials.gov", "NCT07654321", "abstract"),
    ]


# --- what must not be taken for one --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Non-contrast CT (NCT) was read by two radiologists; NCT findings in 12345678 voxels.",
        "Registered as NCT0123456 (seven digits) and NCT012345678 (nine).",
        "NCT 11234567 has no leading zero, so it is no ClinicalTrials.gov number.",
        "Cells expressing NTR1 and NTR2, the neurotensin receptors, and NTR12345.",
        "Tissue bank samples 2010-012345-12 were analysed (no EudraCT named).",
        "ISRCTN1234567 is one digit short; ISRCTN123456789 one too many.",
        "ACTRN1261500012345 lacks a digit; KCT000345 too.",
        "The CRD 4201 score and CRD32019123456; DRKS0001234.",
        "Phone +49 2015-001234-56 and reference ABCNCT01234567.",
        "Samples of 20 patients per arm; CTRI not given.",
        "Dutch patients NL7654 were included.",
    ],
)
def test_text_that_only_looks_like_a_registration_gives_none(text):
    assert registrations(_abstract(text)) == ()


def test_a_record_with_nothing_gives_nothing():
    record = make_record("1", abstract_sections=())
    links = record_links(record)
    assert (links.registrations, links.comments_corrections, links.full_text_url) == ((), (), None)
    assert not links


# --- full text and notices --------------------------------------------------------------------------


def test_full_text_and_notices_are_linked_most_serious_first():
    comments = """
    <CommentsCorrectionsList>
      <CommentsCorrections RefType="CommentIn"><RefSource>Pain Lett. 2025;1:2</RefSource><PMID>40000003</PMID>
      </CommentsCorrections>
      <CommentsCorrections RefType="ErratumIn"><RefSource>J Invented Res. 2025;3:4</RefSource>
      <PMID Version="1">40000002</PMID></CommentsCorrections>
      <CommentsCorrections RefType="RetractionIn"><RefSource>J Invented Res. 2026;5:6</RefSource>
      <PMID Version="1">40000001</PMID></CommentsCorrections>
      <CommentsCorrections RefType="ExpressionOfConcernIn"><RefSource>J Invented Res. 2025;7</RefSource>
      </CommentsCorrections>
      <CommentsCorrections RefType="Cites"><RefSource>Old ref</RefSource><PMID>123</PMID></CommentsCorrections>
    </CommentsCorrectionsList>
    """
    ids = '<ArticleIdList><ArticleId IdType="pubmed">1</ArticleId><ArticleId IdType="pmc">PMC1234567</ArticleId>'
    record = _xml("", comments, ids + "</ArticleIdList>")
    links = record_links(record)
    assert links.full_text_url == "https://pmc.ncbi.nlm.nih.gov/articles/PMC1234567/"
    assert [c.as_dict() for c in links.comments_corrections] == [
        {
            "type": "CommentIn",
            "pmid": "40000003",
            "source": "Pain Lett. 2025;1:2",
            "url": "https://pubmed.ncbi.nlm.nih.gov/40000003/",
        },
        {
            "type": "ErratumIn",
            "pmid": "40000002",
            "source": "J Invented Res. 2025;3:4",
            "url": "https://pubmed.ncbi.nlm.nih.gov/40000002/",
        },
        {
            "type": "RetractionIn",
            "pmid": "40000001",
            "source": "J Invented Res. 2026;5:6",
            "url": "https://pubmed.ncbi.nlm.nih.gov/40000001/",
        },
        {"type": "ExpressionOfConcernIn", "pmid": None, "source": "J Invented Res. 2025;7", "url": None},
    ]
    assert [(n.type, n.label) for n in links.notices] == [
        ("RetractionIn", "Retraction notice"),
        ("ExpressionOfConcernIn", "Expression of concern"),
        ("ErratumIn", "Erratum"),
    ]


def test_a_notice_record_points_back_to_what_it_retracts():
    record = make_record("9", comments_corrections=(CommentCorrection("RetractionOf", "J X. 2020;1", "40000009"),))
    (notice,) = record_links(record).notices
    assert (notice.label, notice.url) == ("Retraction of", "https://pubmed.ncbi.nlm.nih.gov/40000009/")


# --- as the store keeps them -----------------------------------------------------------------------


def test_stored_registrations_are_used_while_the_registry_file_is_the_same(tmp_path):
    record = _abstract("Registered: NCT01234567.")
    stored = registrations_json(record)
    data = orjson.loads(stored)
    assert data == {
        "rules": load_registries().fingerprint,
        "found": [{"key": "clinicaltrials_gov", "id": "NCT01234567", "source": "abstract"}],
    }
    # What the store says is what is shown: a record changed since, stored with the same rules, is not re-read.
    other = _abstract("Nothing registered.")
    assert [r.id for r in record_links(other, stored).registrations] == ["NCT01234567"]
    # Another registry file: the stored list is stale and the record is read again.
    path = tmp_path / "mine.toml"
    path.write_text(NCT_TABLE, encoding="utf-8")
    mine = load_registries(path)
    assert record_links(other, stored, mine).registrations == ()
    assert record_links(record, stored, mine).registrations == (
        Registration("ClinicalTrials.gov", "NCT01234567", "https://clinicaltrials.gov/study/NCT01234567", "abstract"),
    )


@pytest.mark.parametrize("stored", [None, b"", b"not json", b"[]", b'{"rules": "x", "found": []}'])
def test_nothing_stored_or_unreadable_means_read_the_record(stored):
    record = _abstract("ISRCTN12345678")
    assert [r.id for r in record_links(record, stored).registrations] == ["ISRCTN12345678"]
