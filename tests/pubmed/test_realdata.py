"""Real PubMed files of every era (``../shared/realdata``, beside the checkout): each imports, and
every field of every record is what an independent reading finds (``independent_reading``).

The files are not copied into the project; the test fails, naming the place it looked, when they
are not there.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from litscan.cli import cli
from litscan.models import Author, Deletion, ParsedItem, Record
from litscan.pubmed import xml_reader
from litscan.pubmed.medline import iter_medline
from litscan.pubmed.xml_reader import detect_format, iter_pubmed_xml, parse_pubmed_document
from litscan.store import RecordFilter, Store

from . import independent_reading as independent
from .test_xml_references import _Uncut

REALDATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "realdata"

pytestmark = pytest.mark.slow


def real_files() -> list[Path]:
    if not REALDATA.is_dir():
        pytest.fail(f"the real PubMed files are missing: no directory {REALDATA.resolve()} beside the checkout")
    files = sorted(path for path in REALDATA.rglob("*") if path.is_file() and path.name != "README.md")
    assert len(files) >= 100, f"expected the 111 real files in {REALDATA}, found {len(files)}"
    return files


def _name(author: Author) -> tuple[str | None, ...]:
    return (author.last_name, author.fore_name, author.initials, author.suffix, author.collective_name)


def as_fields(record: Record, xml: bool) -> dict[str, Any]:
    """litscan's Record in the shape of the independent reading."""
    date = record.pub_date
    return {
        "pmid": record.pmid,
        "version": record.version,
        "journal_abbrev": record.journal_abbrev,
        "revised_date": record.revised_date,
        "affiliations": tuple(a.affiliations for a in record.authors),
        "mesh_ui": tuple((m.ui, tuple(q.ui for q in m.qualifiers)) for m in record.mesh),
        "kind": record.kind,
        "title": record.title,
        "vernacular_title": record.vernacular_title,
        "abstract": tuple((s.label, s.category, s.text) for s in record.abstract_sections),
        "other_abstracts": tuple((o.type, o.language, o.text) for o in record.other_abstracts),
        "pub_date": (date.year, date.month, date.day) if date else None,
        "authors": tuple(_name(a) for a in record.authors),
        "erroneous_authors": tuple(_name(a) for a in record.erroneous_authors),
        "authors_complete": record.authors_complete,
        "keywords": record.keywords,
        "mesh": tuple((m.descriptor, m.major, tuple((q.name, q.major) for q in m.qualifiers)) for m in record.mesh),
        "publication_types": record.publication_type_names,
        "doi": record.doi,
        "pmcid": record.pmcid,
        "languages": record.languages,
        "journal": record.journal,
        "volume": record.volume,
        "issue": record.issue,
        "pages": record.pages,
        "issn": record.issn,
        "chemicals": tuple(c.name for c in record.chemicals),
        "status": record.status,
        "publication_status": record.publication_status,
        "article_date": record.article_date,
        "created_date": record.created_date,
        "entrez_date": record.entrez_date,
        "comments_corrections": tuple((c.ref_type, c.ref_source, c.pmid) for c in record.comments_corrections),
    }


def sections_spell(record: Record, text: str | None) -> bool:
    """Whether a MEDLINE abstract's sections, in order, are its ``AB`` text and nothing else.

    MEDLINE has the labels inline (``BACKGROUND: ...``); litscan cuts the text there. Between
    sections only the label and its colon(s) may stand; no other character may be lost or added.
    """
    if text is None:
        return not record.abstract_sections
    # The rule is the regular expression ``label[ ]*:*[ ]*text`` (``text`` alone for a section without a
    # label) per section, joined by ``[ ]*``; matched by hand, as compiling one per abstract took seconds.
    ends = {0}
    for n, section in enumerate(record.abstract_sections):
        starts = _runs(text, ends, " ") if n else ends
        if section.label:
            starts = _runs(text, _after(text, starts, section.label), " ", ":", " ")
        ends = _after(text, starts, section.text)
    return len(text) in ends


def _after(text: str, starts: set[int], word: str) -> set[int]:
    """Where ``word`` ends, of those starts where it stands."""
    return {start + len(word) for start in starts if text.startswith(word, start)}


def _runs(text: str, starts: set[int], *chars: str) -> set[int]:
    """Every place reached from ``starts`` by a run (maybe empty) of each of ``chars`` in turn."""
    for char in chars:
        reached = set(starts)
        for start in starts:
            while start < len(text) and text[start] == char:
                start += 1
                reached.add(start)
        starts = reached
    return starts


def litscan_items(path: Path) -> list[ParsedItem]:
    """What litscan reads from ``path``; for plain XML, both readers must read the same."""
    if detect_format(path) == "medline":
        return list(iter_medline(path))
    items = list(iter_pubmed_xml(path))
    data = path.read_bytes()
    if data[:2] != b"\x1f\x8b":  # the parallel import's reader, on a whole document
        assert parse_pubmed_document(data, name=path.name) == items, path.name
    return items


def differences(path: Path, items: list[ParsedItem]) -> list[str]:
    """Every field where litscan's reading of ``path`` differs from the independent one."""
    xml = detect_format(path) == "pubmed-xml"
    expected, deleted = independent.read_xml(path) if xml else (independent.read_medline(path), [])
    records = [item for item in items if isinstance(item, Record)]
    found: list[str] = []
    if [d.pmid for d in items if isinstance(d, Deletion)] != deleted:
        found.append(f"{path.name}: deletions differ")
    if [r.pmid for r in records] != [e["pmid"] for e in expected]:
        return [*found, f"{path.name}: litscan read PMIDs {[r.pmid for r in records]}"]
    for record, want in zip(records, expected, strict=True):
        got = as_fields(record, xml)
        if not xml and sections_spell(record, want["abstract"]):
            want = {**want, "abstract": got["abstract"]}
        for key, value in want.items():
            if got[key] != value:
                found.append(f"{path.name} PMID {record.pmid} {key}: litscan {got[key]!r} != {value!r}")
        if record.display_title != independent.display_title(want):
            found.append(f"{path.name} PMID {record.pmid} display_title: {record.display_title!r}")
    return found


@pytest.fixture(scope="module")
def readings() -> Iterator[dict[Path, list[ParsedItem]]]:
    """litscan's reading of every real file that is whole (a cut-off one is refused: tested below)."""
    found = {
        path: litscan_items(path)
        for path in real_files()
        if detect_format(path) == "pubmed-xml" or not independent.cut_off(path)
    }
    # The records of 111 files live as long as this module's tests and hold no garbage: frozen, the
    # collector stops walking them at each of its passes (1.1 s of the module's CPU went to it, 0.35 s now).
    gc.freeze()
    yield found
    gc.unfreeze()


def test_every_field_of_every_real_record_matches_an_independent_reading(
    readings: dict[Path, list[ParsedItem]],
) -> None:
    found = [difference for path, items in readings.items() for difference in differences(path, items)]
    records = sum(isinstance(item, Record) for items in readings.values() for item in items)
    assert records > 2500, records
    assert not found, f"{len(found)} differences:\n" + "\n".join(found[:60])


def test_every_real_xml_file_reads_alike_with_its_reference_lists_cut_or_not(
    readings: dict[Path, list[ParsedItem]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # litscan cuts each <ReferenceList> out before libxml2 reads a record (test_xml_references); read
    # with every list left to libxml2, each file gives the same records. ``readings`` has them cut.
    xml = [path for path in readings if detect_format(path) == "pubmed-xml"]
    assert len(xml) > 50
    monkeypatch.setattr(xml_reader, "WithoutReferences", _Uncut)
    for path in xml:
        assert list(iter_pubmed_xml(path)) == readings[path], path.name


@pytest.mark.slow(seconds=8)
def test_every_whole_real_file_imports_and_the_store_holds_what_was_read(
    readings: dict[Path, list[ParsedItem]], tmp_path: Path
) -> None:
    db = tmp_path / "real.sqlite"
    result = CliRunner().invoke(cli, ["import", *map(str, readings), "--db", str(db)])
    assert result.exit_code == 0, result.output
    latest: dict[str, Record] = {}
    deleted: set[str] = set()
    for items in readings.values():
        for item in items:
            if isinstance(item, Record):
                latest[item.pmid] = item
                deleted.discard(item.pmid)
            elif item.pmid in latest:
                deleted.add(item.pmid)
    with Store.open(db) as store:
        stored = {item.pmid: item for item in store.query(RecordFilter(include_deleted=True))}
    assert stored.keys() == latest.keys()
    assert {pmid for pmid, item in stored.items() if item.deleted_at} == deleted
    wrong = [pmid for pmid, record in latest.items() if stored[pmid].record != record]
    assert not wrong, f"{len(wrong)} records stored otherwise than read, e.g. {wrong[:5]}"


def test_a_real_file_cut_inside_its_last_record_keeps_its_whole_records(tmp_path: Path, caplog) -> None:
    cut = [path for path in real_files() if detect_format(path) == "medline" and independent.cut_off(path)]
    whole = [path for path in real_files() if detect_format(path) == "medline" and not independent.cut_off(path)]
    # Every whole file, cut inside its last record, reads the same way: its whole records stored,
    # the cut one named in a warning and never stored.
    for path in [p for p in whole if p.read_bytes().count(b"PMID- ") >= 2][:3]:  # two records or more
        text = path.read_bytes()
        target = tmp_path / path.name
        target.write_bytes(text[: text.rstrip().rfind(b"\nSO  -")])
        cut.append(target)
    assert cut
    for n, path in enumerate(cut):
        db = tmp_path / f"cut{n}.sqlite"
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="litscan"):
            result = CliRunner().invoke(cli, ["import", str(path), "--db", str(db)])
        assert result.exit_code == 0, result.output
        pmid = independent.cut_off(path)[-1]
        said = caplog.text
        assert path.name in said and f"(PMID {pmid}) is cut off" in said and "not imported" in said, said
        with Store.open(db) as store:
            assert store.get(pmid) is None
            assert store.count(RecordFilter(include_deleted=True)) > 0
