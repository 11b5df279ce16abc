"""litscan.pubmed.registries: the registry file, loaded, validated, and each mistake named."""

from __future__ import annotations

from pathlib import Path

import pytest

from litscan.errors import ConfigError
from litscan.pubmed.registries import default_path, load_registries

NCT_TABLE = """
[registries.nct]
label = "ClinicalTrials.gov"
databanks = ["ClinicalTrials.gov"]
patterns = ['NCT\\s?0\\d{7}']
hints = ["nct"]
normaliser = "digits"
prefix = "NCT"
url = "https://clinicaltrials.gov/study/{id}"
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "registries.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _error(tmp_path: Path, text: str) -> str:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_registries(path)
    message = str(caught.value)
    assert str(path) in message and "\n" not in message
    return message


def test_the_bundled_file_loads_and_covers_the_registries_a_reviewer_meets():
    registries = load_registries()
    labels = {r.label for r in registries.registries}
    assert {"ClinicalTrials.gov", "ISRCTN", "EudraCT", "EU CT (CTIS)", "ANZCTR", "ChiCTR", "DRKS", "CTRI"} <= labels
    assert {"UMIN-CTR", "jRCT", "IRCT", "PACTR", "CRiS (Korea)", "Netherlands Trial Register", "TCTR"} <= labels
    assert {"SLCTR", "PROSPERO", "ReBEC"} <= labels
    assert all(r.url_template.startswith("https://") for r in registries.registries)
    assert registries.path == str(default_path())


def test_data_bank_names_are_matched_in_any_case_and_jprn_holds_three_registries():
    registries = load_registries()
    assert [r.key for r in registries.for_databank(" clinicaltrials.GOV ")] == ["clinicaltrials_gov"]
    assert {r.key for r in registries.for_databank("JPRN")} == {"umin", "jrct", "japiccti"}
    assert registries.for_databank("GENBANK") == ()


def test_a_file_of_ones_own_is_read_and_fingerprinted(tmp_path):
    first = load_registries(_write(tmp_path, NCT_TABLE))
    assert [r.key for r in first.registries] == ["nct"]
    assert list(first.registries[0].find("see NCT 01234567.")) == ["NCT01234567"]
    second = load_registries(_write(tmp_path, NCT_TABLE.replace("{id}", "{id}?tab=results")))
    assert second.fingerprint != first.fingerprint
    assert second.registries[0].url("NCT01234567") == "https://clinicaltrials.gov/study/NCT01234567?tab=results"


def test_the_environment_variable_names_the_file_to_use(tmp_path, monkeypatch):
    path = _write(tmp_path, NCT_TABLE)
    monkeypatch.setenv("LITSCAN_REGISTRIES", str(path))
    assert [r.key for r in load_registries().registries] == ["nct"]
    monkeypatch.delenv("LITSCAN_REGISTRIES")
    assert len(load_registries().registries) > 10


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (('normaliser = "digits"', 'normaliser = "squash"'), "registries.nct.normaliser: unknown normaliser"),
        (("patterns = ['NCT\\s?0\\d{7}']", "patterns = ['NCT(']"), "registries.nct.patterns[0]: not a valid regular"),
        (("patterns = ['NCT\\s?0\\d{7}']", "patterns = []"), "registries.nct.patterns: needs at least one"),
        (("patterns = ['NCT\\s?0\\d{7}']", "patterns = ['(?:NCT)?']"), "registries.nct.patterns[0]: matches empty"),
        (("patterns = ['NCT\\s?0\\d{7}']", "patterns = ['NCT(?P<n>\\d{8})']"), "a named group must be called 'id'"),
        (("{id}", "{trial}"), "registries.nct.url: must start with https:// and hold {id}"),
        (("https://", "http://"), "registries.nct.url: must start with https://"),
        (('prefix = "NCT"', ""), "registries.nct.prefix: the 'digits' normaliser needs a 'prefix'"),
        (('label = "ClinicalTrials.gov"', ""), "registries.nct: 'label' is missing"),
        (('hints = ["nct"]', 'hints = ["NCT"]'), "registries.nct.hints[0]: must be lower case"),
        (('hints = ["nct"]', 'hint = "nct"'), "registries.nct: unknown key 'hint'"),
        (('hints = ["nct"]', 'hints = "nct"'), "registries.nct.hints: must be a list of strings"),
        (
            ('hints = ["nct"]', 'hints = ["isrctn"]\nexamples = [["NCT01234567", "NCT01234567"]]'),
            "registries.nct.examples[0]: 'NCT01234567' gives no id",
        ),
        (('databanks = ["ClinicalTrials.gov"]', 'databanks = "ClinicalTrials.gov"'), "databanks: must be a list"),
        (("[registries.nct]", "[registries.NCT]"), "registries.NCT: a registry's key is lower-case"),
    ],
)
def test_each_mistake_names_the_entry(tmp_path, change, expected):
    old, new = change
    assert old in NCT_TABLE
    assert expected in _error(tmp_path, NCT_TABLE.replace(old, new, 1))


def test_examples_and_counter_examples_are_run_when_the_file_loads(tmp_path):
    good = NCT_TABLE + 'examples = [["NCT 01234567", "NCT01234567"]]\nnot_ids = ["NCT0123456"]\n'
    assert load_registries(_write(tmp_path, good)).registries[0].key == "nct"
    wrong_id = NCT_TABLE + 'examples = [["NCT 01234567", "NCT 01234567"]]\n'
    assert "registries.nct.examples[0]: 'NCT 01234567' gives ['NCT01234567']" in _error(tmp_path, wrong_id)
    missed = NCT_TABLE + 'examples = [["NCT-01234567", "NCT01234567"]]\n'
    assert "examples[0]: 'NCT-01234567' gives no id" in _error(tmp_path, missed)
    found = NCT_TABLE + 'not_ids = ["NCT 01234567"]\n'
    assert "registries.nct.not_ids[0]: 'NCT 01234567' must give no id, but gives ['NCT01234567']" in _error(
        tmp_path, found
    )
    shape = NCT_TABLE + 'examples = ["NCT01234567"]\n'
    assert "examples[0]: must be a [text, id] pair" in _error(tmp_path, shape)


def test_file_level_mistakes(tmp_path):
    assert "not valid TOML" in _error(tmp_path, "[registries.nct\n")
    assert "version must be 1" in _error(tmp_path, "version = 2\n" + NCT_TABLE)
    assert "unknown key 'registry'" in _error(tmp_path, "[registry.nct]\nlabel = 'x'\n")
    assert "no [registries.<key>] tables" in _error(tmp_path, "version = 1\n")
    with pytest.raises(ConfigError, match="registry file not found"):
        load_registries(tmp_path / "missing.toml")
    (tmp_path / "latin1.toml").write_bytes(b"# caf\xe9\n")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_registries(tmp_path / "latin1.toml")


def _search_by_full_lower_case(registries, text):
    """What ``Registries.search`` answers, worked out the plain way: hints looked for in ``text.lower()``."""
    lowered = text.lower()
    due = set(registries.unhinted)
    for hint, index in registries.hint_index:
        at = lowered.find(hint)
        while at >= 0 and index not in due:
            if at == 0 or not lowered[at - 1].isalnum():
                due.add(index)
            at = lowered.find(hint, at + 1)
    return [(registries.registries[i], found) for i in sorted(due) for found in registries.registries[i].matches(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Registered at ClinicalTrials.gov (NCT01234567) – primary outcome ≥ 2 points.",
        "Trial registration: ISRCTN12345678; 5 µg/kg ketamine.",
        "Registro: éNCT01234567 and ÉNCT01234567 stand inside a word; –NCT01234567 does not.",
        "İNCT01234567 İsrctn12345678 (İ lower-cases to two characters)",
        "\u212aCT0012345 \u212act0012345: the Kelvin sign lower-cases to k",
        "ΣNCT01234567 σNCT01234567 ½NCT01234567 ²NCT01234567",
        "?NCT01234567 ¿nct01234567 中文NCT01234567 😀NCT01234567",
        "EudraCT number: 2015-001234-56 — DRKS00012345 — ChiCTR2000012345",
        "",
    ],
)
def test_search_finds_what_the_full_lower_case_finds_whatever_the_characters(text):
    registries = load_registries()
    assert registries.ascii_hints
    assert registries.search(text) == _search_by_full_lower_case(registries, text)


def test_a_hint_that_begins_a_longer_one_still_makes_its_registry_searched(tmp_path):
    # one pass finds the longest hint at a word start: "nctx" there is "nct" there too
    longer = NCT_TABLE.replace("registries.nct]", "registries.nctx]").replace('hints = ["nct"]', 'hints = ["nctx"]')
    longer = longer.replace("'NCT", "'NCTX").replace('prefix = "NCT"', 'prefix = "NCTX"')
    registries = load_registries(_write(tmp_path, "version = 1\n" + NCT_TABLE + longer))
    text = "Registered as NCTX01234567 and as nct 01234567, not as functNCT01234568."
    assert registries.search(text) == _search_by_full_lower_case(registries, text)
    assert {registry.key for registry, _ in registries.search(text)} == {"nct", "nctx"}


def test_a_non_ascii_hint_is_looked_for_in_the_full_lower_case(tmp_path):
    table = NCT_TABLE.replace('hints = ["nct"]', 'hints = ["nčt"]').replace("'NCT", "'N[CČ]T")
    registries = load_registries(_write(tmp_path, "version = 1\n" + table))
    assert not registries.ascii_hints
    assert [found for _, found in registries.search("see NČT01234567.")] == ["NCT01234567"]
