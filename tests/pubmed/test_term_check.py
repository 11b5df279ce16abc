"""``litscan check-term``: recall of a topic's term on known records, offline and live."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from litscan.cli import cli
from litscan.config import load_topic
from litscan.models import AbstractSection, MeshHeading
from litscan.pipeline.prepare import store_records
from litscan.pubmed.term import parse_term
from litscan.pubmed.term_check import Known, check_records
from litscan.pubmed.term_match import Matcher, RecordView
from litscan.store import Store
from tests.conftest import fixed_tagger, make_record
from tests.fake_eutils import FakeEutils, make_records

CHECKOUT = Path(__file__).resolve().parents[2]
SHARED_GOLD = CHECKOUT.parent / "shared" / "gold"
BUNDLED = CHECKOUT / "queries" / "ketamine-chronic-pain.toml"

TOPIC = """name = "t"
start = 2020-01-01
vocabulary = "v.toml"
term = '''(ketamin*[tiab] OR ketamine[mh]) AND ("chronic pain"[tiab:~2] OR fibromyalgia[tiab])'''
"""


@pytest.fixture
def topic_file(tmp_path: Path) -> Path:
    (tmp_path / "v.toml").write_text("", encoding="utf-8")
    path = tmp_path / "topic.toml"
    path.write_text(TOPIC, encoding="utf-8")
    return path


def gold_line(title: str, abstract: str, on_topic: bool, pmid: int | None = None) -> str:
    labels = {"on_topic": on_topic, "conditions": [], "routes": [], "design": "rct"}
    return json.dumps({"title": title, "abstract": abstract, "pmid": pmid, "labels": labels})


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    lines = [
        gold_line("Ketamine in chronic non-cancer pain", "An invented cohort.", True, 30000001),
        gold_line("Ketamine-assisted treatment of fibromyalgia", "Made-up trial.", True),
        gold_line("Esketamine for depression", "Nothing about pain here.", False),
        gold_line("Ketamine infusions for chronic pain in depression", "Invented.", False),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(*args: str):
    return CliRunner().invoke(cli, ["check-term", *args])


# -- the library ---------------------------------------------------------------------------------


def test_recall_misses_with_their_block_and_off_topic_matches():
    term = parse_term('(ketamin*[tiab]) AND ("chronic pain"[tiab:~2] OR crps[tiab]) NOT rat[ti]')
    records = [
        Known(make_record("1", "Ketamine for chronic pain"), True, "a", "a 1", "1"),
        Known(make_record("2", "Ketamine for migraine"), True, "a", "a 2", "2"),  # block 2 finds nothing
        Known(make_record("3", "Ketamine for CRPS in the rat"), True, "b", "b 1", None),  # NOT excludes it
        Known(make_record("4", "Ketamine and chronic pain: a commentary"), False, "b", "b 2", None),
        Known(make_record("5", "Ketamine for depression"), False, "b", "b 3", None),
    ]
    report = check_records(term, records, matcher=Matcher())
    assert (report.on_topic, report.found, report.recall, report.ok) == (3, 1, 0.3333, False)
    assert [(m.where, m.blocks, m.excluded_by) for m in report.misses] == [("a 2", (2,), ()), ("b 1", (), (3,))]
    assert [(s.name, s.records, s.on_topic, s.found, s.off_topic_matched) for s in report.sources] == [
        ("a", 2, 2, 1, 0),
        ("b", 3, 1, 0, 1),
    ]
    assert report.sole == {(1, "ketamin*[tiab]"): 1, (2, '"chronic pain"[tiab:~2]'): 1}


# -- the command, offline ------------------------------------------------------------------------


def test_every_on_topic_record_found_exits_0(topic_file, gold_file):
    result = run(str(topic_file), str(gold_file))
    assert result.exit_code == 0, result.output
    assert "gold.jsonl: found 2 of 2 on-topic records (100.0 %); matched 1 of 2 off-topic" in result.output
    assert "Recall 100.0 % (2 of 2 on-topic records)" in result.output


def test_a_miss_exits_1_and_names_the_record_and_the_block(topic_file, gold_file, tmp_path):
    with gold_file.open("a", encoding="utf-8") as out:
        out.write(gold_line("Ketamine for migraine prevention", "Invented.", True, 30000009) + "\n")
    result = run(str(topic_file), str(gold_file))
    assert result.exit_code == 1
    assert "PMID 30000009 | Ketamine for migraine prevention (gold.jsonl line 5)" in result.output
    assert "nothing found by block 2" in result.output
    assert "Recall 66.7 % (2 of 3 on-topic records)" in result.output


def test_json_gives_the_same_as_data(topic_file, gold_file):
    result = run(str(topic_file), str(gold_file), "--json")
    data = json.loads(result.output)
    assert (data["recall"], data["found"], data["on_topic"], data["ok"]) == (1.0, 2, 2, True)
    assert (data["off_topic"], data["off_topic_matched"]) == (2, 1)
    assert data["blocks"][1].startswith('AND ("chronic pain"[tiab:~2]')
    assert data["misses"] == [] and data["live"] is None


def test_a_bad_term_is_one_line_naming_the_file_and_clause(topic_file, gold_file):
    topic_file.write_text(TOPIC.replace("fibromyalgia[tiab]", "humans[sb]"), encoding="utf-8")
    result = run(str(topic_file), str(gold_file))
    assert result.exit_code == 2
    assert "topic.toml: term: unsupported field [sb] in humans[sb]" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_bad_inputs_are_errors(topic_file, gold_file, tmp_path):
    assert "only be checked with --live" in run(str(topic_file), "12345").output
    assert "nothing to check" in run(str(topic_file)).output
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"title": "x"\n', encoding="utf-8")
    result = run(str(topic_file), str(broken))
    assert result.exit_code == 2 and "broken.jsonl: line 1: not JSON" in result.output
    off_only = tmp_path / "off.jsonl"
    off_only.write_text(gold_line("Ketamine for depression", "x", False) + "\n", encoding="utf-8")
    assert "recall cannot be measured" in run(str(topic_file), str(off_only)).output
    assert "no litscan database here" in run(str(topic_file), "--db", str(tmp_path / "none.sqlite")).output


def test_stored_records_with_and_without_their_mesh(topic_file, tmp_path):
    db = tmp_path / "store.sqlite"
    indexed = make_record(
        "41",
        "Invented infusion study",
        abstract_sections=(AbstractSection("Patients with fibromyalgia."),),
        mesh=(MeshHeading("Ketamine"),),
    )
    with Store.open(db) as store:
        store_records(store, [indexed, make_record("42", "Ketamine for chronic pain")], tagger=fixed_tagger())
    assert run(str(topic_file), "--db", str(db)).exit_code == 0
    # Read as NLM had not indexed it yet, record 41 never names the drug: only MeSH found it.
    result = run(str(topic_file), "--db", str(db), "--without-mesh")
    assert result.exit_code == 1
    assert "PMID 41 | Invented infusion study (store.sqlite PMID 41)" in result.output
    assert "nothing found by block 1" in result.output


def test_mesh_tree_option_explodes_and_flags_unknown_headings(topic_file, tmp_path):
    tree = tmp_path / "mtrees.bin"
    tree.write_text("Anesthetics;D27.505.696.277\nKetamines;D27.505.696.277.100\n", encoding="utf-8")
    topic_file.write_text(TOPIC.replace("ketamine[mh]", "anesthetics[mh]"), encoding="utf-8")
    db = tmp_path / "store.sqlite"
    rec = make_record("41", "Invented", abstract_sections=(AbstractSection("fibromyalgia"),))
    rec.mesh = (MeshHeading("Ketamines"),)
    with Store.open(db) as store:
        store_records(store, [rec], tagger=fixed_tagger())
    assert run(str(topic_file), "--db", str(db)).exit_code == 1
    assert run(str(topic_file), "--db", str(db), "--mesh-tree", str(tree)).exit_code == 0
    topic_file.write_text(TOPIC.replace("ketamine[mh]", '"intractable pain"[mh]'), encoding="utf-8")
    result = run(str(topic_file), "--db", str(db), "--mesh-tree", str(tree))
    assert '"intractable pain"[mh]: not a heading in the MeSH tree given' in result.output


# -- the command, live against the local fake E-utilities ------------------------------------------


def test_live_names_the_pmids_pubmed_does_not_find(topic_file, gold_file):
    records = make_records(4, first_pmid=30000001)
    with FakeEutils(records, rate_limit=None, term_misses=frozenset({30000003})) as fake:
        result = run(str(topic_file), "--live", "30000002", "30000003", "39999999", "--eutils-url", fake.url)
        searches = [r.params["term"] for r in fake.requests if r.util == "esearch"]
    assert result.exit_code == 1, result.output
    assert "PubMed (live): found 1 of 3 PMIDs asked" in result.output
    assert "missed by the term: 30000003" in result.output
    assert "not in PubMed: 39999999" in result.output
    term = load_topic(topic_file).term
    assert f"({term}) AND (30000002[uid] OR 30000003[uid] OR 39999999[uid])" in searches


def test_live_also_asks_about_on_topic_gold_records_with_a_pmid(topic_file, gold_file):
    with FakeEutils(make_records(2, first_pmid=30000001), rate_limit=None) as fake:
        result = run(str(topic_file), str(gold_file), "--live", "--json", "--eutils-url", fake.url)
    data = json.loads(result.output)
    assert result.exit_code == 0, result.output
    assert data["live"] == {"asked": 1, "found": 1, "missed": [], "not_in_pubmed": [], "messages": []}


def test_live_reports_every_kind_of_notice_pubmed_gives_on_the_term(topic_file, gold_file):
    notices = {
        "errorlist": {"phrasesnotfound": ["ketamnie"], "fieldsnotfound": ["[tiabx]"]},
        "warninglist": {"quotedphrasesnotfound": ['"a b"'], "phrasesignored": ["of"], "outputmessages": ["Note."]},
    }
    with FakeEutils(make_records(2, first_pmid=30000001), rate_limit=None, term_notices=notices) as fake:
        result = run(str(topic_file), "--live", "30000001", "--json", "--eutils-url", fake.url)
    assert json.loads(result.output)["live"]["messages"] == [
        "phrase not found, searched without it: ketamnie",
        "field not found, searched without it: [tiabx]",
        'quoted phrase not found: "a b"',
        "phrase ignored: of",
        "PubMed says: Note.",
    ]


def test_live_sends_a_long_term_by_post():
    # The bundled term runs to kilobytes: NCBI asks for POST, and the answer must be the same.
    with FakeEutils(make_records(2, first_pmid=30000001), rate_limit=None) as fake:
        result = run(str(BUNDLED), "--live", "30000001", "30000002", "--eutils-url", fake.url)
        methods = [r.method for r in fake.requests if r.util == "esearch"]
    assert result.exit_code == 0, result.output
    assert "PubMed (live): found 2 of 2 PMIDs asked" in result.output
    assert methods == ["GET", "POST"]


# -- the bundled topic -------------------------------------------------------------------------------


def test_bundled_term_is_read_without_warnings(bundled_term):
    assert bundled_term.warnings == ()


@pytest.fixture(scope="module")
def bundled_term():
    return parse_term(load_topic(BUNDLED).term)


@pytest.mark.parametrize(
    "wording",
    [
        "chronic pain",
        "chronic non-cancer pain",
        "neuropathic pain",
        "CRPS",
        "phantom limb",
        "post-stroke pain",
        "low back pain",
        "persistent post-surgical pain",
        "chronic postsurgical pain",
        "pain three months after surgery",
        "complex regional pain syndrome",
        "reflex sympathetic dystrophy",
        "trigeminal neuralgia",
        "persistent idiopathic facial pain",
        "orofacial neuropathic pain",
        "central post-stroke pain",
        "neuropathic pain after spinal cord injury",
        "phantom limb pain",
        "pain in amputees",
        "postherpetic neuralgia",
        "acute herpes zoster",
        "painful diabetic neuropathy",
        "chemotherapy-induced peripheral neuropathy",
        "CIPN",
        "fibromyalgia",
        "cancer-related pain",
        "pain in patients with advanced tumours",
        "palliation of pain",
        "breakthrough pain",
        "cluster headache",
        "tension-type headache",
        "migraine",
        "chronic low back pain",
        "thoracic outlet syndrome",
        "knee osteoarthritis",
    ],
)
def test_bundled_term_finds_each_condition_by_free_text_alone(bundled_term, wording):
    # Made-up unindexed records: the drug and the condition in the title, nothing else.
    for drug in ("ketamine", "S(+)-ketamine", "esketamine", "arketamine", "norketamine", "hydroxynorketamine"):
        view = RecordView(make_record("1", f"{drug.capitalize()} for {wording}", abstract_sections=()))
        assert Matcher().matches(bundled_term.root, view), f"{drug} for {wording}"


def test_bundled_term_does_not_take_every_ketamine_record(bundled_term):
    for title in ("Ketamine for treatment-resistant depression", "Ketamine sedation in the emergency department"):
        assert not Matcher().matches(bundled_term.root, RecordView(make_record("1", title, abstract_sections=())))


def test_bundled_term_finds_every_on_topic_gold_record():
    """The shared gold records, read as PubMed reads a record without MeSH: 100 % recall."""
    files = [SHARED_GOLD / "dev.jsonl", SHARED_GOLD / "dev2.jsonl"]
    missing = [str(f) for f in files if not f.is_file()]
    assert not missing, f"shared gold data not found beside the checkout: {missing}"
    result = run(str(BUNDLED), *map(str, files))
    assert "Recall 100.0 %" in result.output, result.output
    assert result.exit_code == 0
