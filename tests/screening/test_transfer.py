"""Decisions in and out: ASReview's CSV, Rayyan's RIS and a plain CSV import, each export imports back the
same, and a file with any bad line is refused whole, naming the line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from litscan.errors import InputError
from litscan.screening import Choice, decide, export_decisions, import_decisions
from litscan.store import Store

from . import screening_data as data

ASREVIEW = """record_id,title,abstract,doi,pmid,included
1,Randomised trial of ketamine in fibromyalgia,Adults.,,12,1
2,Randomised trial of esketamine for depression,,,14,0
3,Case report of topical ketamine,,,15,
4,Systematic review of ketamine for neuropathic pain,,https://doi.org/10.5555/screen.13,,1.0
5,A record from another database,,,,0
"""

ASREVIEW_LAB2 = (
    "title,pmid,asreview_label,asreview_time,asreview_note,asreview_user_name,asreview_tag_why_wrong_population\n"
    """Randomised trial of esketamine for depression,14,0,2026-02-04 10:00:00,about depression,Ana,1
Randomised trial of ketamine in fibromyalgia,12,-1,,,,
"""
)

RAYYAN = """TY  - JOUR
TI  - Randomised trial of ketamine in fibromyalgia
AN  - 12
N1  - RAYYAN-INCLUSION: {"Ana"=>"Included", "Ben"=>"Included"}
ER  -

TY  - JOUR
TI  - Randomised trial of esketamine for depression
DO  - 10.5555/SCREEN.14
N1  - RAYYAN-INCLUSION: {"Ana"=>"Excluded"} | RAYYAN-EXCLUSION-REASONS: Wrong population
  | USER-NOTES: {"Ana"=>["depression, not pain"]}
ER  -

TY  - JOUR
TI  - Case report of topical ketamine
UR  - https://pubmed.ncbi.nlm.nih.gov/15/
N1  - RAYYAN-INCLUSION: {"Ana"=>"Included", "Ben"=>"Excluded"}
ER  -

TY  - JOUR
TI  - Observational cohort on ketamine in CRPS
AN  - 11
ER  -
"""

PLAIN = """pmid,decision,reason,note
12,include,,
14,exclude,wrong_population,"depression, not pain"
15,maybe,,ask Ben
16,,,
"""


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _state(store: Store) -> dict[str, tuple[str, str | None, str | None]]:
    return {p: (d.decision, d.reason, d.note) for p, d in store.latest_decisions(data.TOPIC).items()}


def _count(store: Store) -> int:
    return store.connection.execute("SELECT COUNT(*) FROM screening_decisions").fetchone()[0]


def test_asreview_csv_with_included_column(store, tmp_path):
    data.fill(store)
    result = import_decisions(store, data.make_topic(), _file(tmp_path, "a.csv", ASREVIEW))
    assert result.format == "asreview" and result.recorded == 3 and result.no_decision == 1
    assert result.unmatched == ["line 6"]  # a record the topic does not hold is named, not recorded
    assert _state(store) == {
        "12": ("include", None, None),
        "14": ("exclude", None, None),
        "13": ("include", None, None),
    }
    assert store.latest_decisions(data.TOPIC)["12"].source == "import:asreview"


def test_asreview_lab2_labels_tags_notes_and_reviewers(store, tmp_path):
    data.fill(store)
    import_decisions(store, data.make_topic(), _file(tmp_path, "a.csv", ASREVIEW_LAB2))
    [(pmid, decision)] = store.latest_decisions(data.TOPIC).items()
    assert (pmid, decision.decision, decision.reason, decision.note) == (
        "14",
        "exclude",
        "wrong_population",
        "about depression",
    )
    assert (decision.by, decision.at) == ("Ana", "2026-02-04T10:00:00.000000Z")


def test_rayyan_ris_with_inclusion_notes(store, tmp_path):
    data.fill(store)
    result = import_decisions(store, data.make_topic(), _file(tmp_path, "r.ris", RAYYAN))
    assert result.format == "rayyan" and result.recorded == 3 and result.no_decision == 1
    state = _state(store)
    assert state["12"] == ("include", None, None)
    assert state["14"] == ("exclude", "wrong_population", "depression, not pain")  # the reason by its label
    assert state["15"][0] == "maybe" and "Ana: Included; Ben: Excluded" in (state["15"][2] or "")
    assert store.latest_decisions(data.TOPIC)["12"].by == "Ana, Ben"


def test_plain_csv(store, tmp_path):
    data.fill(store)
    result = import_decisions(store, data.make_topic(), _file(tmp_path, "p.csv", PLAIN))
    assert result.format == "csv" and result.recorded == 3 and result.no_decision == 1
    assert _state(store) == {
        "12": ("include", None, None),
        "14": ("exclude", "wrong_population", "depression, not pain"),
        "15": ("maybe", None, "ask Ben"),
    }


def test_importing_the_same_file_twice_records_nothing_new(store, tmp_path):
    data.fill(store)
    path = _file(tmp_path, "p.csv", PLAIN)
    import_decisions(store, data.make_topic(), path)
    again = import_decisions(store, data.make_topic(), path)
    assert (again.recorded, again.unchanged) == (0, 3) and _count(store) == 3


@pytest.mark.parametrize("format", ["csv", "ris", "asreview"])
def test_every_export_imports_back_the_same(tmp_path, format):
    topic = data.make_topic()
    with Store.open(tmp_path / "a.sqlite") as source:
        data.fill(source)
        decide(source, topic, ["12", "16"], Choice("include"), by="Ana")
        decide(source, topic, ["14"], Choice("exclude", "wrong_population", 'says "depression", not pain'), by="Ben")
        decide(source, topic, ["15"], Choice("maybe", note="=1+1 looks like a formula"), by="Ana")
        out = io.StringIO()
        assert export_decisions(source, topic, out, format=format) == 4
        expected = {p: (d.decision, d.reason, d.note, d.by) for p, d in source.latest_decisions(data.TOPIC).items()}
    path = _file(tmp_path, f"decisions.{format}", out.getvalue())
    with Store.open(tmp_path / "b.sqlite") as target:
        data.fill(target)
        result = import_decisions(target, topic, path)
        assert result.recorded == 4 and not result.unmatched
        got = {p: (d.decision, d.reason, d.note, d.by) for p, d in target.latest_decisions(data.TOPIC).items()}
    assert got == expected


def test_an_export_with_undecided_records_lists_them_too(store):
    data.fill(store)
    decide(store, data.make_topic(), ["12"], Choice("include"))
    out = io.StringIO()
    assert export_decisions(store, data.make_topic(), out, format="csv", undecided=True) == len(data.RECORDS)


BAD_FILES = [
    ("p.csv", "pmid,decision,reason,note\n12,include,,\n14,rejected,,\n", "line 3", "not one of include"),
    ("p.csv", "pmid,decision,reason,note\n12,include,,\n14,exclude,too_small,\n", "line 3", "too_small"),
    ("p.csv", "pmid,decision,reason,note\n12,include,,\nx14,include,,\n", "line 3", "x14"),
    ("p.csv", 'pmid,decision,reason,note\n12,include,,\n14,include,,"never closed\n', "line", "not a readable CSV"),
    ("p.csv", "pmid,decision,reason,note\n12,include,,\n14,include,,,,,,,,\n", "line 3", "cells"),
    ("a.csv", "pmid,included\n12,1\n14,2\n", "line 3", "label '2'"),
    ("r.ris", 'TY  - JOUR\nAN  - 12\nN1  - RAYYAN-INCLUSION: {"Ana"=>"Included"}\n', "line 1", "never ends"),
    (
        "r.ris",
        'TY  - JOUR\nAN  - 12\nER  - \nTY  - JOUR\nAN  - 14\nN1  - RAYYAN-INCLUSION: {"Ana"=>"Nope"}\nER  - \n',
        "line 6",
        "Nope",
    ),
    ("r.ris", "TY  - JOUR\nAN  - 12\nER  - \nstray text\n", "line 4", "outside a record"),
    ("x.csv", "a,b\n1,2\n", "x.csv", "cannot tell the format"),
    ("e.csv", "", "e.csv", "the file is empty"),
    ("h.csv", "\n\npmid,decision\n", "line 1", "no header"),
]


@pytest.mark.parametrize(("name", "text", "where", "message"), BAD_FILES)
def test_a_file_that_does_not_parse_is_refused_whole_naming_the_line(store, tmp_path, name, text, where, message):
    data.fill(store)
    path = _file(tmp_path, name, text)
    with pytest.raises(InputError) as raised:
        import_decisions(store, data.make_topic(), path)
    text_of_error = str(raised.value)
    assert where in text_of_error and message in text_of_error and "\n" not in text_of_error
    assert str(path) in text_of_error
    assert _count(store) == 0  # the good rows before the bad one were not recorded either


def test_a_binary_or_missing_file_is_refused(store, tmp_path):
    data.fill(store)
    with pytest.raises(InputError, match="file of decisions not found"):
        import_decisions(store, data.make_topic(), tmp_path / "none.csv")
    with pytest.raises(InputError, match="not a text file"):
        import_decisions(
            store, data.make_topic(), tmp_path.joinpath("b.csv").write_bytes(b"\0\1") and tmp_path / "b.csv"
        )


def test_pmids_as_spreadsheets_write_them_are_read(store, tmp_path):
    data.fill(store)
    text = "PMID;Title;included\n12.0;x;1\nPMID: 14;y;0\nhttps://pubmed.ncbi.nlm.nih.gov/0015/;z;1\n"
    result = import_decisions(store, data.make_topic(), _file(tmp_path, "a.csv", text))
    assert result.recorded == 3 and _state(store) == {
        "12": ("include", None, None),
        "14": ("exclude", None, None),
        "15": ("include", None, None),
    }


def test_a_spreadsheet_file_is_refused_with_a_hint(store, tmp_path):
    data.fill(store)
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"PK\x03\x04\x14\x00\x00\x00rest of a zip")
    with pytest.raises(InputError, match="save it as CSV"):
        import_decisions(store, data.make_topic(), path)
