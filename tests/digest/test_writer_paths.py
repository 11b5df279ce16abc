"""litscan.digest.writer: a digest writes inside the reports folder, whatever the topic is called.

Topic files are checked when loaded (tests/test_cli_hostile.py); these topics are built directly,
as a library user or a later change might, to show that the writer holds the line by itself.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from litscan.digest.writer import write_digest
from litscan.errors import ConfigError
from litscan.store import Store

from . import digest_data as data


def files_under(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*"))


@pytest.mark.parametrize("name", ["..", ".", "../elsewhere", "/tmp/abs", "", "a/../.."])
def test_a_name_that_leads_out_of_reports_writes_nothing(store: Store, tmp_path: Path, name: str) -> None:
    data.fill(store)
    site = tmp_path / "site"
    reports = site / "reports"
    reports.mkdir(parents=True)
    topic = dataclasses.replace(data.make_topic(tmp_path), name=name)
    with pytest.raises(ConfigError, match="outside the reports folder") as caught:
        write_digest(store, topic, reports_dir=reports, ran_at=data.RAN_AT)
    assert "\n" not in str(caught.value)
    assert files_under(site) == [reports]
    assert store.digests(name) == []


def test_a_topic_folder_linked_outside_reports_is_refused(store: Store, tmp_path: Path) -> None:
    data.fill(store)
    reports, outside = tmp_path / "reports", tmp_path / "outside"
    reports.mkdir()
    outside.mkdir()
    (reports / data.TOPIC_NAME).symlink_to(outside)
    with pytest.raises(ConfigError, match="outside the reports folder"):
        write_digest(store, data.make_topic(tmp_path), reports_dir=reports, ran_at=data.RAN_AT)
    assert files_under(outside) == []


def test_a_plain_name_writes_its_folder_under_reports(store: Store, tmp_path: Path) -> None:
    data.fill(store)
    reports = tmp_path / "reports"
    result = write_digest(store, data.make_topic(tmp_path), reports_dir=reports, ran_at=data.RAN_AT)
    assert result.path.parent == reports / data.TOPIC_NAME
    assert {p.name for p in (reports / data.TOPIC_NAME).iterdir()} >= {"index.html", "feed.xml", result.path.name}
