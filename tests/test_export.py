"""Exports: JSON keeps lists and evidence, CSV is one row a record, the DataFrame keeps lists."""

from __future__ import annotations

import csv
import io
import json

import pytest

import litscan
from litscan.export import NUMBER_COLUMNS, csv_cell, export, record_row
from litscan.models import (
    AbstractSection,
    Author,
    CommentCorrection,
    Deletion,
    Evidence,
    MeshHeading,
    OtherAbstract,
    PartialDate,
    Tags,
)
from litscan.pipeline.prepare import store_records
from litscan.store import RecordFilter
from tests.conftest import fixed_tagger, make_record


def evidence_tagger(record):
    return Tags(
        on_topic=True,
        conditions=("crps",),
        routes=("intravenous",),
        design="rct",
        condition_evidence={"crps": (Evidence("title", "CRPS", "condition named in the title", 26, 30),)},
        route_evidence={"intravenous": (Evidence("title", "infusion", "infusion, no route stated", 17, 25),)},
    )


def test_json_export_has_the_contract_keys_with_lists_and_evidence(store):
    record = make_record(
        "42",
        authors=(Author(last_name="Doe", initials="J"), Author(collective_name="Pain Group")),
        mesh=(MeshHeading("Ketamine", "D007649", major=True),),
        keywords=("NMDA",),
        comments_corrections=(CommentCorrection("RetractionIn", "J Inv Res. 2025;1:1", "43"),),
    )
    store_records(store, [record], tagger=evidence_tagger, topic="ketamine-chronic-pain")
    out = io.StringIO()
    assert export(store, out, format="json") == 1
    [row] = json.loads(out.getvalue())
    assert row["pmid"] == "42"
    assert row["authors"] == ["Doe J", "Pain Group"]
    assert row["mesh"] == ["Ketamine"]
    assert row["retracted"] is True
    assert row["queries"] == ["ketamine-chronic-pain"]
    assert row["conditions"] == ["crps"] and row["routes"] == ["intravenous"] and row["design"] == "rct"
    assert row["evidence"]["conditions"]["crps"][0]["text"] == "CRPS"
    assert row["evidence"]["routes"]["intravenous"][0]["field"] == "title"
    for key in (
        "title",
        "abstract",
        "journal",
        "year",
        "pub_date",
        "doi",
        "pmcid",
        "publication_types",
        "keywords",
        "language",
        "status",
        "first_seen",
        "on_topic",
    ):
        assert key in row


def test_empty_export_is_an_empty_json_array(store):
    out = io.StringIO()
    assert export(store, out, format="json") == 0
    assert json.loads(out.getvalue()) == []


def test_csv_has_one_row_per_record_and_filters_apply(store):
    store_records(
        store, [make_record("1"), make_record("2", title='A "quoted", title')], tagger=fixed_tagger(), topic="t"
    )
    store_records(store, [make_record("3")], tagger=fixed_tagger(("fibromyalgia",), ("oral",)), topic="t")
    out = io.StringIO()
    assert export(store, out, format="csv", filters=RecordFilter(conditions=["crps"])) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert sorted(r["pmid"] for r in rows) == ["1", "2"]
    assert {r["title"] for r in rows} == {"Ketamine infusion for CRPS", 'A "quoted", title'}
    assert rows[0]["conditions"] == "crps"


def test_dataframe_keeps_lists(store):
    store_records(store, [make_record("1")], tagger=fixed_tagger(("crps", "neuropathic_pain")))
    frame = litscan.to_dataframe(store, condition="crps")
    assert list(frame["pmid"]) == ["1"]
    assert frame.loc[0, "conditions"] == ["crps", "neuropathic_pain"]
    assert litscan.to_dataframe(store, condition="fibromyalgia").empty


def test_record_row_uses_none_for_missing_values(store):
    store_records(store, [make_record("9", pub_date=None, journal=None)], tagger=fixed_tagger())
    row = record_row(store.get("9"))
    assert row["year"] is None and row["journal"] is None and row["doi"] is None


def test_csv_columns_are_the_summary_fields_in_order(store):
    from litscan.export import CSV_COLUMNS, summary_row

    store_records(store, [make_record("1")], tagger=fixed_tagger())
    assert tuple(summary_row(store.get("1"))) == CSV_COLUMNS


def test_exports_carry_the_appraisal(store):
    """The key finding, sample size and trial markers read from the abstract, in JSON (markers a list)
    and in CSV (markers joined)."""
    from litscan.models import AbstractSection

    record = make_record(
        "7",
        abstract_sections=(
            AbstractSection("Forty adults were randomised to drug X or placebo.", "METHODS", "METHODS"),
            AbstractSection("Drug X reduced pain compared with placebo.", "CONCLUSIONS", "CONCLUSIONS"),
        ),
    )
    store_records(store, [record], tagger=fixed_tagger())
    out = io.StringIO()
    export(store, out, format="json")
    [row] = json.loads(out.getvalue())
    assert row["sample_size"] == "40 participants"
    assert row["key_finding"] == "Drug X reduced pain compared with placebo."
    assert row["markers"] == ["randomised", "placebo-controlled"]
    out = io.StringIO()
    export(store, out, format="csv")
    [line] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert (line["sample_size"], line["markers"]) == ("40 participants", "randomised; placebo-controlled")
    assert line["key_finding"] == "Drug X reduced pain compared with placebo."


FORMULAS = ('=HYPERLINK("http://x.test","click")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1", " =1")


def _formula_records():
    for number, formula in enumerate(FORMULAS, start=1):
        yield make_record(
            str(number),
            title=formula,
            journal=formula,
            authors=(Author(last_name=formula, initials="X"),),
            keywords=(formula,),
            abstract_sections=(AbstractSection(formula),),
        )


def _cells_that_start_a_formula(text: str) -> list[tuple[str, str]]:
    found = []
    for row in csv.DictReader(io.StringIO(text)):
        for column, cell in row.items():
            if column not in NUMBER_COLUMNS and cell.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r", "\n")):
                found.append((column, cell))
    return found


def test_no_csv_cell_starts_a_formula(store):
    store_records(store, list(_formula_records()), tagger=fixed_tagger(), topic="t")
    out = io.StringIO()
    assert export(store, out, format="csv") == len(FORMULAS)
    assert _cells_that_start_a_formula(out.getvalue()) == []
    titles = {row["pmid"]: row for row in csv.DictReader(io.StringIO(out.getvalue()))}
    for number, formula in enumerate(FORMULAS, start=1):
        row = titles[str(number)]
        kept = "'" + formula.replace("\r", "\n")  # the text, after a ' (a lone CR is written as a line feed)
        assert row["title"] == row["journal"] == row["keywords"] == kept


def test_the_digest_csv_neutralises_formulas_too(store, tmp_path):
    from litscan.config import default_topic_path, load_topic
    from litscan.digest.writer import write_digest

    topic = load_topic(default_topic_path())
    store_records(store, list(_formula_records()), tagger=fixed_tagger(), topic=topic.name)
    result = write_digest(store, topic, reports_dir=tmp_path)
    text = result.path.with_suffix(".csv").read_text(encoding="utf-8")
    assert len(list(csv.DictReader(io.StringIO(text)))) == len(FORMULAS)
    assert _cells_that_start_a_formula(text) == []


def test_numbers_are_numbers_and_text_that_looks_like_one_is_text():
    assert csv_cell("year", -5) == "-5" and csv_cell("year", 2024) == "2024" and csv_cell("year", None) == ""
    assert csv_cell("title", "-5") == "'-5" and csv_cell("title", "5-HT3 antagonists") == "5-HT3 antagonists"
    assert csv_cell("authors", ["=cmd", "Doe J"]) == "'=cmd; Doe J"
    with pytest.raises(TypeError):
        csv_cell("year", "=1+1")  # a numeric column never carries text through unneutralised


def test_csv_years_are_whole_numbers_when_some_are_missing(store):
    store_records(store, [make_record("1"), make_record("2", pub_date=None)], tagger=fixed_tagger())
    out = io.StringIO()
    export(store, out, format="csv")
    assert sorted(row["year"] for row in csv.DictReader(io.StringIO(out.getvalue()))) == ["", "2024"]


# --- issue 11: partial dates, text in other languages, erroneous names, deletions -------------------


def _pmids(store, **filters) -> list[str]:
    return sorted(item.pmid for item in store.query(RecordFilter(**filters)))


def test_a_partial_date_is_in_a_range_when_any_day_of_it_is(store):
    dates = {
        "1": PartialDate(1999, None, None, "1999"),
        "2": PartialDate(1999, 6, None, "1999 Jun"),
        "3": PartialDate(1999, 6, 15, "1999 Jun 15"),
        "4": PartialDate(1999, 5, None, "1999 May"),
        "5": PartialDate(1999, 7, 1, "1999 Jul 1"),
        "6": PartialDate(1998, 12, None, "1998 Dec"),
        "7": PartialDate(2000, None, None, "2000"),
    }
    store_records(store, [make_record(p, pub_date=d) for p, d in dates.items()], tagger=fixed_tagger())
    assert _pmids(store, published_from="1999-06-01", published_to="1999-06-30") == ["1", "2", "3"]
    assert _pmids(store, published_from="1999-06-20", published_to="1999-06-20") == ["1", "2"]
    assert _pmids(store, published_from="1999-01-01", published_to="1999-12-31") == ["1", "2", "3", "4", "5"]
    assert _pmids(store, published_from="1999-07-01") == ["1", "5", "7"]
    assert _pmids(store, published_to="1999-05-31") == ["1", "4", "6"]


def test_export_date_options_take_partial_dates_in(tmp_path):
    from click.testing import CliRunner

    from litscan.cli import cli
    from litscan.store import Store

    db = tmp_path / "d.sqlite"
    with Store.open(db) as opened:
        records = [make_record("1", pub_date=PartialDate(1999, 6, None, "1999 Jun")), make_record("2")]
        store_records(opened, records, tagger=fixed_tagger())
    args = ["export", "--db", str(db), "--format", "csv", "--from", "1999-06-01", "--to", "1999-06-30"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert [row["pmid"] for row in csv.DictReader(io.StringIO(result.stdout))] == ["1"]


def test_vernacular_title_other_abstracts_and_erroneous_names_in_every_format(store):
    record = make_record(
        "5",
        title="[Not Available].",
        vernacular_title="Titre inventé.",
        other_abstracts=(OtherAbstract("Résumé inventé.", "Publisher", "fre"), OtherAbstract("Sin idioma.")),
        authors=(Author("Doe", "Jane", "J"), Author("Shaffer", "Arthur L", "AL", suffix="3rd")),
        erroneous_authors=(Author("Deo", None, "J", valid=False),),
    )
    store_records(store, [record], tagger=fixed_tagger())
    outputs = {}
    for format_ in ("json", "csv", "ris", "bibtex"):
        outputs[format_] = io.StringIO()
        assert export(store, outputs[format_], format=format_) == 1
    [row] = json.loads(outputs["json"].getvalue())
    assert (row["title"], row["vernacular_title"]) == ("Titre inventé.", "Titre inventé.")
    assert row["other_abstracts"] == [
        {"text": "Résumé inventé.", "type": "Publisher", "language": "fre"},
        {"text": "Sin idioma.", "type": None, "language": None},
    ]
    assert row["authors"] == ["Doe J", "Shaffer AL 3rd"]
    assert [a["last_name"] for a in row["erroneous_authors"]] == ["Deo"]
    [line] = csv.DictReader(io.StringIO(outputs["csv"].getvalue()))
    assert (line["title"], line["vernacular_title"]) == ("Titre inventé.", "Titre inventé.")
    assert line["other_abstracts"] == "fre: Résumé inventé.; Sin idioma."
    assert line["authors"] == "Doe J; Shaffer AL 3rd" and line["deleted"] == "False"
    assert "TI  - Titre inventé." in outputs["ris"].getvalue() and "Titre inventé." in outputs["bibtex"].getvalue()
    from litscan.digest.cards import make_card
    from litscan.digest.labels import FALLBACK

    assert make_card(store.get("5"), FALLBACK).title == "Titre inventé."  # the digest shows it too
    for format_, text in outputs.items():
        assert format_ == "json" or "Deo" not in text.getvalue()  # an erroneous name is no author
        assert "Not Available" not in text.getvalue()


def test_include_deleted_exports_tombstones_marked_deleted(tmp_path):
    from click.testing import CliRunner

    from litscan.cli import cli
    from litscan.store import Store

    db = tmp_path / "d.sqlite"
    with Store.open(db) as opened:
        store_records(opened, [make_record("1"), make_record("2")], tagger=fixed_tagger())
        store_records(opened, [Deletion("2")], tagger=fixed_tagger())
    runner = CliRunner()
    plain = runner.invoke(cli, ["export", "--db", str(db)])
    assert plain.exit_code == 0, plain.output
    assert [(r["pmid"], r["deleted"]) for r in json.loads(plain.stdout)] == [("1", False)]
    every = runner.invoke(cli, ["export", "--db", str(db), "--include-deleted"])
    assert every.exit_code == 0, every.output
    assert sorted((r["pmid"], r["deleted"]) for r in json.loads(every.stdout)) == [("1", False), ("2", True)]
    as_csv = runner.invoke(cli, ["export", "--db", str(db), "--include-deleted", "--format", "csv"])
    assert sorted((r["pmid"], r["deleted"]) for r in csv.DictReader(io.StringIO(as_csv.stdout))) == [
        ("1", "False"),
        ("2", "True"),
    ]
