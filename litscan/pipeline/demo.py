"""``litscan demo``: the whole pipeline on a bundled sample, with no network.

The sample (``litscan/sample/ketamine-sample.xml``) holds invented records
written for litscan; their PMIDs are not real PubMed ids.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..config import DEFAULT_REPORTS, default_topic_path, load_topic
from ..digest.writer import write_digest
from ..store import BatchSummary, Store
from .ingest import import_files


@dataclass(frozen=True)
class DemoResult:
    db_path: Path
    page_path: Path
    summary: BatchSummary


def sample_path() -> Path:
    return Path(str(resources.files("litscan.pipeline") / "sample" / "ketamine-sample.xml"))


def run_demo(reports_dir: Path = Path(DEFAULT_REPORTS)) -> DemoResult:
    """Import the sample into a fresh SQLite file under ``reports_dir/demo`` and write its digest."""
    demo_dir = reports_dir / "demo"
    demo_dir.mkdir(parents=True, exist_ok=True)
    db_path = demo_dir / "demo.sqlite"
    topic = load_topic(default_topic_path())
    # A demo always starts from nothing: an empty store, and no pages from an earlier demo.
    for stale in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        stale.unlink(missing_ok=True)
    shutil.rmtree(demo_dir / topic.name, ignore_errors=True)
    with Store.open(db_path) as store:
        result = import_files(store, [sample_path()], topic=topic)
        digest = write_digest(store, topic, reports_dir=demo_dir)
    return DemoResult(db_path=db_path, page_path=digest.path, summary=result.summary)
