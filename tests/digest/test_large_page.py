"""A period of 800 records: the page prints the first ones for readers without JavaScript, draws the
list a page at a time, finds any record a link names, and counts what a filter leaves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from litscan.digest import context as digest_module
from litscan.digest.labels import FALLBACK
from litscan.digest.tally import FIRST_LIMIT
from litscan.digest.writer import write_digest
from litscan.models import AbstractSection, Record, Tags
from litscan.pipeline.prepare import store_records
from litscan.store import Store
from tests.conftest import make_record

from . import page_records as data
from .chromium import COUNT_NODES, open_page

pytestmark = pytest.mark.slow

RECORDS = 800
DESIGNS = ("systematic_review", "rct", "observational", "case_report", "review", "preclinical")
CONDITIONS = ("crps", "fibromyalgia", "trigeminal_neuralgia", "cancer_pain", "headache")
ROUTES = ((), ("intravenous",), ("oral",), ("intravenous", "oral"), ("intranasal",))


def _tags(record: Record) -> Tags:
    n = int(record.pmid)
    return Tags(
        on_topic=n % 5 != 0,
        conditions=(CONDITIONS[n % len(CONDITIONS)],),
        routes=ROUTES[n % len(ROUTES)],
        design=DESIGNS[n % len(DESIGNS)],
    )


def _record(n: int) -> Record:
    text = f"{20 + n % 80} adults with chronic pain were randomised. Pain fell by {n % 40}% compared with placebo."
    return make_record(str(n), title=f"Drug X study number {n}", abstract_sections=(AbstractSection(text),))


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    tmp = tmp_path_factory.mktemp("large")
    patch = pytest.MonkeyPatch()
    patch.setattr(digest_module, "labels_for_topic", lambda topic: FALLBACK)
    try:
        with Store.open(tmp / "l.sqlite") as store:
            store_records(
                store, [_record(n) for n in range(1, RECORDS + 1)], tagger=_tags, topic=data.TOPIC, now=data.NEW
            )
            topic = data.make_topic(tmp)
            result = write_digest(
                store, topic, reports_dir=tmp / "r", since=data.SINCE, until=data.UNTIL, ran_at=data.RAN_AT
            )
    finally:
        patch.undo()
    return result.path, result.counts


def test_without_javascript_the_first_records_and_a_note(browser: Any, large: tuple[Path, dict[str, int]]) -> None:
    page = open_page(browser, large[0], java_script_enabled=False)
    assert page.eval_on_selector_all("#list article", "as => as.length") == FIRST_LIMIT
    note = page.inner_text("#printed-note")
    assert f"first {FIRST_LIMIT} of {large[1]['on_topic']:,}" in note and "CSV" in note
    assert page.is_visible("#map") and page.is_visible("#trend")


def test_the_list_is_drawn_a_page_at_a_time_and_finds_any_record(
    browser: Any, large: tuple[Path, dict[str, int]]
) -> None:
    page = open_page(browser, large[0], viewport={"width": 1440, "height": 900})
    assert page.eval_on_selector_all("#list article", "as => as.length") == 30
    assert page.evaluate(COUNT_NODES) < 10_000  # the page holds its records as data, not as elements
    assert large[0].stat().st_size < 1_500_000
    page.click("#more")
    assert page.eval_on_selector_all("#list article", "as => as.length") == 60
    # a link to a record the list has not drawn, under a filter that hides it, clears the filter and
    # draws the list up to it
    page.select_option("#f-design", "case_report")
    assert page.evaluate("document.getElementById('r799')") is None
    page.evaluate("location.hash = '#r799'")
    page.wait_for_function("document.getElementById('r799')")
    page.wait_for_timeout(200)  # and nothing redraws the list from its first page after that
    assert page.eval_on_selector("#r799", "a => a.getBoundingClientRect().top") < 900
    assert page.input_value("#f-design") == ""
    # filters count what the store holds
    on_topic = [n for n in range(1, RECORDS + 1) if n % 5]
    trials = [n for n in on_topic if DESIGNS[n % len(DESIGNS)] == "rct"]
    oral_trials = [n for n in trials if "oral" in ROUTES[n % len(ROUTES)]]
    page.select_option("#f-design", "rct")
    assert f"Showing {len(trials)} of {len(on_topic):,}" in page.inner_text("#f-status")
    assert page.eval_on_selector("#f-route option[value='oral']", "o => o.textContent") == f"Oral ({len(oral_trials)})"
    page.select_option("#f-route", "oral")
    assert page.eval_on_selector_all("#list article", "as => as.length") == min(30, len(oral_trials))
    assert page.problems == []
