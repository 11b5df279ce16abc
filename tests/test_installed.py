"""The installed litscan reads and tags records exactly as this checkout's source does.

``setup.py`` compiles the import's hot modules with mypyc where it can, so the package that users
run may be C built from these files rather than the files themselves. pytest imports the checkout's
plain modules; a child process started outside the checkout imports the installed package. Both
read the same files (the bundled sample, the test fixtures, the shared gold records of folds 1-4
written as PubMed XML, and the shared real PubMed and MEDLINE files of every era, whose rare shapes
are where compiled code's type checks would differ) and tag the same records (those, and every
record the tagging tests write), and must agree on every field, error and piece of evidence.
"""

from __future__ import annotations

import importlib
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

from litscan.models import Record
from litscan.tagging.evaluate import fold_of, load_gold, pubmed_xml

from .tagging.records import VOCABULARY

ROOT = Path(__file__).resolve().parents[1]
XML_FILES = [
    ROOT / "litscan" / "pipeline" / "sample" / "ketamine-sample.xml",
    *sorted((ROOT / "tests" / "fixtures").glob("*.xml")),
]
GOLD = ROOT.parent / "shared" / "gold"
REALDATA = ROOT.parent / "shared" / "realdata"  # real PubMed files of every era: the XML shapes a type check meets

# What both sides run: the child as the installed package, this process (``exec``) as the checkout. Each
# file is read as ``litscan import`` reads it (the streaming reader, and for plain XML the parallel import's
# whole-document reader too); an error is kept as its message. Then every record read or given is tagged.
READ_AND_TAG = """
from litscan.models import Record, json_bytes
from litscan.pubmed.xml_reader import detect_format, iter_records, parse_pubmed_document
from litscan.tagging.tagger import Tagger


def read(path):
    try:
        items = list(iter_records(path))
        data = open(path, "rb").read()
        if detect_format(path) == "pubmed-xml" and data[:2] != b"\\x1f\\x8b":
            items += parse_pubmed_document(data, name=path)
        return items
    except Exception as exc:
        return [f"{type(exc).__name__}: {exc}"]


def read_and_tag(files, records, vocabulary):
    tagger = Tagger(vocabulary)
    parsed = [read(f) for f in files]
    read_records = [item for items in parsed for item in items if isinstance(item, Record)]
    return {
        "parsed": [[i if isinstance(i, str) else json_bytes(i).decode() for i in items] for items in parsed],
        "titles": [r.title for r in [*read_records, *records]],
        "tags": [json_bytes(tagger(r)).decode() for r in [*read_records, *records]],
    }
"""
CHILD = (
    READ_AND_TAG
    + """
import json, pickle, sys
import litscan
from litscan.tagging import tagger as tagger_module
records, files, vocabulary = pickle.load(open(sys.argv[1], "rb"))
result = read_and_tag(files, records, vocabulary)
result["module"] = f"{tagger_module.__file__} ({litscan.build()})"
print(json.dumps(result))
"""
)


def _written_records() -> list[Record]:
    """Every ``Record`` the tagging tests define at module level, in lists, tuples and dicts too."""
    found: dict[int, Record] = {}

    def walk(value: Any, depth: int) -> None:
        if isinstance(value, Record):
            found.setdefault(id(value), value)
        elif depth < 4 and isinstance(value, list | tuple):
            for item in value:
                walk(item, depth + 1)
        elif depth < 4 and isinstance(value, dict):
            for item in value.values():
                walk(item, depth + 1)

    for path in sorted((ROOT / "tests" / "tagging").glob("*.py")):
        module = importlib.import_module(f"tests.tagging.{path.stem}")
        for value in vars(module).values():
            walk(value, 0)
    return list(found.values())


def _gold_xml(tmp_path: Path) -> list[Path]:
    """The gold records of folds 1-4 as PubMed XML (fold 0 stays sealed), where ../shared is checked out."""
    out = []
    used: set[str] = set()
    for path in sorted(GOLD.glob("*.jsonl")):
        items = [item for item in load_gold(path, used) if fold_of(item) != 0]
        target = tmp_path / f"{path.stem}.xml"
        target.write_bytes(pubmed_xml(items))
        out.append(target)
    return out


def test_the_installed_package_reads_and_tags_as_the_checkout_does(tmp_path: Path) -> None:
    records = _written_records()
    real = sorted(p for p in REALDATA.rglob("*") if p.is_file() and p.name != "README.md")
    files = [str(f) for f in [*XML_FILES, *_gold_xml(tmp_path), *real]]
    assert len(records) > 300 and len(files) >= 3
    job = tmp_path / "job.pickle"
    job.write_bytes(pickle.dumps((records, files, str(VOCABULARY))))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    # -P and a working directory outside the checkout: the child imports the installed litscan.
    child = subprocess.run(
        [sys.executable, "-P", "-c", CHILD, str(job)], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert child.returncode == 0, f"the installed litscan failed (install it: pip install '.[test]'): {child.stderr}"
    theirs = json.loads(child.stdout)
    checkout: dict[str, Any] = {}
    exec(READ_AND_TAG, checkout)  # the same program, run by the checkout's modules
    ours = checkout["read_and_tag"](files, records, str(VOCABULARY))

    for name, items, their_items in zip(files, ours["parsed"], theirs["parsed"], strict=True):
        assert items == their_items, f"{name}: the installed package ({theirs['module']}) reads it otherwise"
    differ = [title for title, a, b in zip(ours["titles"], ours["tags"], theirs["tags"], strict=True) if a != b]
    assert differ == [], f"{len(differ)} records tagged otherwise by {theirs['module']}; first: {differ[:1]}"
