"""The installed litscan reads and tags records exactly as this checkout's source does.

``setup.py`` compiles the import's hot modules with mypyc where it can, so the package that users
run may be C built from these files rather than the files themselves. pytest imports the checkout's
plain modules; a child process started outside the checkout imports the installed package. Both
read the same PubMed XML (the bundled sample, the test fixtures, and the shared gold records of folds
1-4 written as PubMed XML) and tag the same records (those, and every record the tagging tests write),
and must agree on every field and every piece of evidence.
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

from litscan.models import Record, json_bytes
from litscan.pubmed.xml_reader import parse_pubmed_bytes
from litscan.tagging.evaluate import fold_of, load_gold, pubmed_xml
from litscan.tagging.tagger import Tagger

from .tagging.records import VOCABULARY

ROOT = Path(__file__).resolve().parents[1]
XML_FILES = [
    ROOT / "litscan" / "pipeline" / "sample" / "ketamine-sample.xml",
    *sorted((ROOT / "tests" / "fixtures").glob("*.xml")),
]
GOLD = ROOT.parent / "shared" / "gold"

# Run by the installed package: parse each XML file, tag its records and the pickled ones, print the JSON.
CHILD = """
import json, pickle, sys
from litscan.models import Record, json_bytes
from litscan.pubmed.xml_reader import parse_pubmed_bytes
from litscan.tagging import tagger as tagger_module
from litscan.tagging.tagger import Tagger
records, files, vocabulary = pickle.load(open(sys.argv[1], "rb"))
tagger = Tagger(vocabulary)
parsed = [parse_pubmed_bytes(open(f, "rb").read(), name=f) for f in files]
read = [r for items in parsed for r in items if isinstance(r, Record)]
import litscan
print(json.dumps({
    "module": f"{tagger_module.__file__} ({litscan.build()})",
    "parsed": [[json_bytes(item).decode() for item in items] for items in parsed],
    "tags": [json_bytes(tagger(r)).decode() for r in [*read, *records]],
}))
"""


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
    tagger = Tagger(VOCABULARY)
    records = _written_records()
    files = [*XML_FILES, *_gold_xml(tmp_path)]
    assert len(records) > 300 and len(files) >= 3
    job = tmp_path / "job.pickle"
    job.write_bytes(pickle.dumps((records, [str(f) for f in files], str(tagger.vocabulary_path))))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    # -P and a working directory outside the checkout: the child imports the installed litscan.
    child = subprocess.run(
        [sys.executable, "-P", "-c", CHILD, str(job)], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert child.returncode == 0, f"the installed litscan failed (install it: pip install '.[test]'): {child.stderr}"
    theirs = json.loads(child.stdout)

    parsed = [parse_pubmed_bytes(f.read_bytes(), name=str(f)) for f in files]
    read = [r for items in parsed for r in items if isinstance(r, Record)]
    ours_parsed = [[json_bytes(item).decode() for item in items] for items in parsed]
    ours_tags = [json_bytes(tagger(r)).decode() for r in [*read, *records]]

    for name, items, their_items in zip(files, ours_parsed, theirs["parsed"], strict=True):
        assert items == their_items, f"{name}: the installed package ({theirs['module']}) reads it otherwise"
    differ = [
        r.title for r, ours, their in zip([*read, *records], ours_tags, theirs["tags"], strict=True) if ours != their
    ]
    assert differ == [], f"{len(differ)} records tagged otherwise by {theirs['module']}; first: {differ[:1]}"
