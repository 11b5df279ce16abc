"""The digest in a real browser: headless Debian Chromium opens it from file:// and filters it.

Never downloads a browser: it drives /usr/bin/chromium through Playwright. Without
Chromium the tests skip locally and fail when CI=true (CI must install it).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from litscan.digest import context as digest_module
from litscan.digest.labels import FALLBACK
from litscan.digest.writer import write_digest
from litscan.store import Store

from . import digest_data as data
from .chromium import open_page, visible_pmids, wait_ready


@pytest.fixture(scope="module")
def page_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("browser")
    patch = pytest.MonkeyPatch()
    patch.setattr(digest_module, "labels_for_topic", lambda topic: FALLBACK)
    try:
        with Store.open(tmp / "b.sqlite") as store:
            data.fill(store)
            result = write_digest(store, data.make_topic(tmp), reports_dir=tmp / "reports", ran_at=data.RAN_AT)
    finally:
        patch.undo()
    return result.path


@pytest.fixture
def page(browser: Any, page_path: Path) -> Any:
    return open_page(browser, page_path)


def test_opens_with_no_errors_requests_or_injected_script_and_shows_evidence_on_focus(page: Any) -> None:
    assert page.title().startswith("Ketamine & chronic pain <test>")
    assert page.evaluate("window.pwned") is None
    assert page.is_visible("#filters")  # JavaScript ran and revealed the filters
    assert visible_pmids(page) == ["201", "202", "203", "204", "205"]  # off-topic stays collapsed
    # a tag's evidence shows on focus (read on this same fresh page: nothing above changed it)
    chip = page.locator('article[data-pmid="202"] .tags .c').first
    assert not chip.locator("small").is_visible()
    chip.focus()
    assert chip.locator("small").is_visible()
    assert "trigeminal neuralgia" in chip.locator("small").inner_text()
    page.hover('article[data-pmid="205"] h4')
    assert page.problems == []


def test_map_cell_leaves_exactly_its_records(page: Any) -> None:
    cell = page.locator('td[data-condition="neuropathic"][data-route="oral"]')
    assert cell.get_attribute("data-count") == "2"
    cell.locator("button").click()
    assert visible_pmids(page) == ["202", "203"]
    assert cell.locator("button").get_attribute("aria-pressed") == "true"
    page.locator('td[data-condition="crps"][data-route="intravenous"] button').click()
    assert visible_pmids(page) == ["201"]
    page.locator('td[data-condition="crps"][data-route="intravenous"] button').click()  # again: clears
    assert visible_pmids(page) == ["201", "202", "203", "204", "205"]
    assert page.problems == []


def test_every_cell_count_matches_what_a_click_shows(page: Any) -> None:
    cells = page.eval_on_selector_all(
        "td[data-condition]",
        "els => els.filter(e => e.dataset.count !== '0')"
        ".map(e => [e.dataset.condition, e.dataset.route, +e.dataset.count])",
    )
    assert len(cells) >= 5
    for condition, route, count in cells:
        page.locator(f'td[data-condition="{condition}"][data-route="{route}"] button').click()
        assert len(visible_pmids(page)) == count, (condition, route)
        page.locator("#f-clear").click()
    assert page.problems == []


def wait_for_applied_query(page: Any, query: str) -> None:
    """Until the page has applied the search for ``query`` (it then writes it into the URL) and drawn
    the list it leaves (the list is drawn in the next frames; reading it at once raced it in CI)."""
    page.wait_for_function("(q) => location.hash.includes('q=' + encodeURIComponent(q))", arg=query)
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def settled_pmids(page: Any, expected: list[str], seconds: float = 5) -> list[str]:
    """The visible records once they are ``expected``, or as they are after ``seconds`` (a loaded
    machine can draw a search's list a moment after the URL says it was applied)."""
    deadline = time.monotonic() + seconds
    while (shown := visible_pmids(page)) != expected and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    return shown


def test_print_shows_what_is_filtered_and_filters_work_from_the_keyboard(page: Any) -> None:
    page.select_option("#f-design", "rct")
    assert visible_pmids(page) == ["202", "203"]
    # printed as filtered: the script does not read the media, so back on screen the page is as it was
    page.emulate_media(media="print")
    assert not page.is_visible("#f-design")
    assert "Showing 2 of 5" in page.inner_text("#f-status")  # the printout says it is filtered
    assert visible_pmids(page) == ["202", "203"]
    page.emulate_media(media="screen")
    assert page.is_visible("#f-design") and visible_pmids(page) == ["202", "203"]
    page.select_option("#f-condition", "neuropathic")
    page.select_option("#f-route", "intravenous")
    assert visible_pmids(page) == ["203"]
    assert "Showing 1 of 5" in page.inner_text("#f-status")
    page.locator("#f-clear").click()
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "f-text"
    page.keyboard.type("fibromyalgia cohort")
    # The search applies after a pause in typing; a half-typed query filters too, so wait for the
    # whole query to be applied (the page writes it to the URL when it applies it).
    wait_for_applied_query(page, "fibromyalgia cohort")
    assert settled_pmids(page, ["204"]) == ["204"]
    page.keyboard.press("Escape")
    page.wait_for_function("!document.querySelector('article[data-pmid][hidden]')")
    # the off-topic record matches a text search but stays inside its closed <details>
    page.locator("#f-text").fill("esketamine")
    wait_for_applied_query(page, "esketamine")
    page.wait_for_function("document.getElementById('offcount').textContent !== ''")
    assert visible_pmids(page) == []
    assert page.is_visible("#nomatch") is False
    assert page.problems == []


def test_reads_without_javascript(browser: Any, page_path: Path) -> None:
    page = open_page(browser, page_path, java_script_enabled=False)
    assert not page.is_visible("#filters")  # no dead controls
    assert visible_pmids(page) == ["201", "202", "203", "204", "205"]
    assert page.is_visible("#map")


def test_filtered_view_survives_in_the_url(page: Any, page_path: Path) -> None:
    page.locator('td[data-condition="neuropathic"][data-route="oral"] button').click()
    page.wait_for_url("**#filter?*")  # written just after the list is drawn
    assert "#filter?condition=neuropathic&route=oral&on=1" in page.url
    page.goto("about:blank")
    page.goto(page_path.as_uri() + "#filter?design=rct&q=trigeminal")
    assert wait_ready(page) == "navigate"  # the list is drawn (and filtered) once the page has read its data
    assert visible_pmids(page) == ["202"]
    assert page.input_value("#f-design") == "rct"
    page.goto("about:blank")
    page.goto(page_path.as_uri() + "#filter?route=%E0%A4%A")  # broken escape: ignored, not an error
    assert wait_ready(page) == "navigate"
    assert visible_pmids(page) == ["201", "202", "203", "204", "205"]
    assert page.problems == []


def test_arrow_keys_walk_the_evidence_map(page: Any) -> None:
    page.locator('td[data-condition="crps"][data-route="intravenous"] button').focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowRight")
    focused = page.evaluate(
        "[document.activeElement.parentElement.dataset.condition, document.activeElement.parentElement.dataset.route]"
    )
    assert focused == ["neuropathic", "intramuscular"]
    page.keyboard.press("Enter")
    assert (
        page.locator('td[data-condition="neuropathic"][data-route="intramuscular"] button').get_attribute(
            "aria-pressed"
        )
        == "true"
    )
    assert visible_pmids(page) == []
    assert page.problems == []
