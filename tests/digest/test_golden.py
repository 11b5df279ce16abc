"""A golden digest: the page rendered from the fixed fixtures must match the stored copy.

After an intended change to the templates or the context, refresh it with
    LITSCAN_REFRESH_GOLDEN=1 python -m pytest tests/test_digest_golden.py
and review the diff of tests/fixtures/digest_golden.html before committing it.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from litscan.digest import context as digest_module
from litscan.digest.labels import FALLBACK
from litscan.digest.writer import write_digest
from litscan.store import Store

from . import digest_data as data

GOLDEN = Path(__file__).parents[1] / "fixtures" / "digest_golden.html"


def test_digest_matches_golden(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(digest_module, "labels_for_topic", lambda topic: FALLBACK)
    monkeypatch.delenv("LITSCAN_TEMPLATES", raising=False)
    data.fill(store)
    result = write_digest(store, data.make_topic(tmp_path), reports_dir=tmp_path / "reports", ran_at=data.RAN_AT)
    rendered = result.path.read_text(encoding="utf-8")
    if os.environ.get("LITSCAN_REFRESH_GOLDEN"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(rendered, encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8")
    if rendered != expected:
        diff = "".join(
            difflib.unified_diff(expected.splitlines(True), rendered.splitlines(True), "golden", "rendered", n=2)
        )
        pytest.fail(
            "digest differs from tests/fixtures/digest_golden.html "
            "(refresh: LITSCAN_REFRESH_GOLDEN=1 pytest tests/test_digest_golden.py)\n" + diff[:6000]
        )
