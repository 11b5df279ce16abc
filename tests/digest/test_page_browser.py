"""The page in Chromium as a reader uses it: the evidence map from the keyboard, filters that count,
Highlights that follow them, downloads of what is listed, and links that find their record."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from . import page_records as data
from .chromium import open_page, visible_pmids

ON_TOPIC = sorted(pmid for pmid, (_, tags) in data.PERIOD.items() if tags.on_topic)
# (condition, route) of the focused map button; route None for a row's header
FOCUSED_CELL = """(() => { const b = document.activeElement, td = b.closest('td');
  return [td ? td.dataset.condition : b.dataset.filterCondition, td ? td.dataset.route : null]; })()"""


@pytest.fixture
def page(browser: Any, records_page: Path) -> Iterator[Any]:
    opened = open_page(browser, records_page, viewport={"width": 1440, "height": 900})  # downloads accepted
    yield opened
    assert opened.problems == []


def option_text(page: Any, select: str, value: str) -> str:
    return page.eval_on_selector(f"{select} option[value='{value}']", "o => o.textContent")


# --- the evidence map from the keyboard -------------------------------------------------------


def test_the_map_is_one_tab_stop_with_arrow_keys_inside(page: Any) -> None:
    assert page.eval_on_selector_all("#map button", "bs => bs.filter(b => b.tabIndex === 0).length") == 1
    page.focus("#map button[tabindex='0']")
    assert page.evaluate(FOCUSED_CELL) == ["crps", None]  # the first row's header
    page.keyboard.press("ArrowRight")
    assert page.evaluate(FOCUSED_CELL) == ["crps", "intravenous"]
    page.keyboard.press("ArrowDown")
    page.keyboard.press("End")
    assert page.evaluate(FOCUSED_CELL) == ["neuropathic", "none"]
    page.keyboard.press("Home")
    assert page.evaluate(FOCUSED_CELL) == ["neuropathic", None]
    page.keyboard.press("Control+End")
    last_row = page.eval_on_selector("#map tbody tr:last-child td:last-child", "td => td.dataset.condition")
    assert page.evaluate(FOCUSED_CELL) == [last_row, "none"]
    # the grid remembers where the reader was: Tab leaves it, Shift+Tab comes back to that cell
    assert page.eval_on_selector_all("#map button", "bs => bs.filter(b => b.tabIndex === 0).length") == 1
    page.keyboard.press("Tab")
    assert not page.evaluate("document.getElementById('map').contains(document.activeElement)")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(FOCUSED_CELL) == [last_row, "none"]


def test_a_cell_chosen_from_the_keyboard_shows_its_focus_lists_its_records_and_moves_focus_to_them(
    page: Any,
) -> None:
    page.focus("#map button[tabindex='0']")
    page.keyboard.press("ArrowRight")  # focus moved by the keyboard: :focus-visible
    style = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; })()"
    )
    assert style[0] != "none" and float(style[1].rstrip("px")) >= 2
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "h-records"
    assert visible_pmids(page, "#list article[data-pmid]") == ["401", "403"]
    cell = page.locator("td[data-condition='crps'][data-route='intravenous'] button")
    assert cell.get_attribute("aria-pressed") == "true"
    assert "Showing 2 of 8" in page.inner_text("#f-status")


def test_the_design_filter_applies_to_the_map(page: Any) -> None:
    cell = "td[data-condition='crps'][data-route='intravenous'] button"
    assert page.inner_text(f"{cell} b") == "2" and page.inner_text(f"{cell} i .sn") == "1"
    page.select_option("#f-design", "rct")  # 403, retracted: listed, never evidence
    assert page.inner_text(f"{cell} b") == "1" and not page.is_visible(f"{cell} i")
    page.select_option("#f-design", "strong")
    assert page.inner_text(f"{cell} b") == "1" and page.inner_text(f"{cell} i .sn") == "1"
    assert page.inner_text("#map tr.solo th .tot b") == "1"  # CRPS row total follows too


# --- filters that count, Highlights that follow -------------------------------------------------


def test_filter_options_and_headings_count_what_the_other_filters_leave(page: Any) -> None:
    assert option_text(page, "#f-route", "intravenous") == "Intravenous (4)"
    assert option_text(page, "#f-route", "none") == "No route stated (1)"
    page.select_option("#f-design", "rct")
    assert option_text(page, "#f-route", "intravenous") == "Intravenous (2)"
    assert option_text(page, "#f-condition", "crps") == "CRPS (1)"
    assert option_text(page, "#f-design", "rct") == "RCT (2)"  # a facet does not count its own choice
    page.select_option("#f-condition", "crps")
    page.select_option("#f-design", "")
    headings = page.eval_on_selector_all("#list h3", "hs => hs.map(h => h.textContent)")
    assert headings == ["Systematic review (1)", "RCT (1)"]
    assert option_text(page, "#f-design", "strong") == "Trials and systematic reviews (1)"


def test_highlights_follow_the_filters(page: Any) -> None:
    highlighted = "#hl-list li > a"
    assert page.eval_on_selector_all(highlighted, "as => as.map(a => a.textContent)")[0].startswith(
        "Drug X for complex"
    )
    page.select_option("#f-condition", "trigeminal_neuralgia")
    titles = page.eval_on_selector_all(highlighted, "as => as.map(a => a.textContent)")
    assert titles == ["Oral and intravenous drug X in trigeminal neuralgia: a randomised trial"]
    page.select_option("#f-condition", "fibromyalgia")
    assert page.eval_on_selector_all(highlighted, "as => as.length") == 0
    assert page.inner_text("#hl-none") == "No systematic reviews or randomised trials match the filters."


def test_a_search_answers_its_first_change_at_once_and_waits_while_the_reader_types(page: Any) -> None:
    answer = """(words) => { const box = document.getElementById('f-text'); box.value = words;
      box.dispatchEvent(new Event('input', {bubbles: true}));
      return document.getElementById('f-status').textContent; }"""
    assert page.evaluate(answer, "fibromyalgia").startswith("Showing 1 of")  # drawn before the call returns
    assert page.evaluate(answer, "zzzz").startswith("Showing 1 of")  # typed on: waits for a pause
    page.wait_for_function("document.getElementById('nomatch').hidden === false")


# --- downloads from the page itself -------------------------------------------------------------


def download(page: Any, button: str) -> str:
    with page.expect_download() as info:
        page.click(button)
    return Path(info.value.path()).read_text(encoding="utf-8")


def test_csv_download_holds_the_listed_records(page: Any) -> None:
    page.select_option("#f-condition", "crps")
    rows = list(csv.DictReader(io.StringIO(download(page, "#dl-csv"))))
    assert sorted(r["pmid"] for r in rows) == ["401", "403"]
    review = next(r for r in rows if r["pmid"] == "401")
    assert review["sample_size"] == "12 studies, 1,340 participants"
    assert review["key_finding"].startswith("Drug X reduced pain") and review["authors"] == "Doe J; Roe R"
    assert next(r for r in rows if r["pmid"] == "403")["retracted"] == "true"
    page.select_option("#f-condition", "phantom_limb_pain")
    [row] = list(csv.DictReader(io.StringIO(download(page, "#dl-csv"))))
    assert row["title"] == "'" + data.FORMULA_TITLE  # a spreadsheet shows it, never runs it


def test_ris_download_holds_the_listed_records(page: Any, records_page: Path) -> None:
    page.select_option("#f-design", "rct")
    text = download(page, "#dl-ris")
    assert text.count("TY  - JOUR") == text.count("ER  -") == 2
    assert sorted(line[6:] for line in text.splitlines() if line.startswith("AN  - ")) == ["402", "403"]
    # entry for entry what the digest's RIS file holds, abstract included
    entries = records_page.with_suffix(".ris").read_text(encoding="utf-8").split("ER  - \n\n")
    wanted = [e + "ER  - \n\n" for e in entries if "AN  - 402\n" in e or "AN  - 403\n" in e]
    assert sorted(text.split("ER  - \n\n")[:-1]) == sorted(e[: -len("ER  - \n\n")] for e in wanted)
    assert "AB  - METHODS: Forty adults were randomised" in text


# --- the list ---------------------------------------------------------------------------------------


# Drawn by the script (data-i), not only printed: the toggle event redraws the cards, and under load the
# printed ones were seen visible just before the drawn ones replaced them.
_OFF_SHOWN = """document.getElementById('offtopic').open &&
  [...document.querySelectorAll('#off-list article[data-pmid]')]
    .filter(a => a.checkVisibility() && a.dataset.i !== undefined).length === 2"""


def test_the_list_leads_with_evidence_keeps_retracted_papers_last_and_opens_details_on_demand(
    page: Any, records_page: Path
) -> None:
    order = page.eval_on_selector_all("#list article", "as => as.map(a => a.dataset.pmid)")
    assert order[:3] == ["401", "402", "403"] and sorted(order) == ON_TOPIC
    assert page.is_visible("#r403 .flag")
    # text_content: a card off screen is not laid out (content-visibility), so it has no inner text yet
    assert page.text_content("#r402 [data-key-finding]").startswith("Conclusions: Drug X reduced attacks")
    assert page.get_attribute("#r402", "data-sample-size") == "40 participants"
    # a card the script draws links its trial registration as the printed card does
    printed = lxml.html.fromstring(records_page.read_bytes()).xpath(
        "//article[@data-pmid='402']//p[@class='meta links']"
    )
    drawn = page.eval_on_selector("#r402 p.links", "p => [p.textContent, p.querySelector('a').href]")
    assert drawn[0] == printed[0].text_content() == "Trial registration: ClinicalTrials.gov NCT01234567"
    assert drawn[1] == printed[0].xpath(".//a")[0].get("href") and "NCT01234567" in drawn[1]
    assert page.eval_on_selector("#r402", "a => a.dataset.i") is not None  # drawn by the script, not printed
    # then, on this page read so far and changed in nothing, what opens on demand: an abstract, a
    # tag's evidence, and the off-topic records below the list
    page.click("#r402 details.abs > summary")
    # drawn on the details' toggle event, which the browser fires after the click
    page.wait_for_function("document.querySelector('#r402 details.abs').textContent.includes('Forty')", timeout=5000)
    assert "Forty adults were randomised" in page.inner_text("#r402 details.abs")
    page.focus("#r402 .tags .c")
    assert "condition named" in page.inner_text("#r402 .tags .c small")
    # the off-topic section, closed until now: what opened in a card above leaves it as it was
    page.click("#offtopic > summary")
    # the final state waited for: the section open and its cards shown (drawn on the toggle event,
    # which comes a task after the click; the printed cards are there before it)
    page.wait_for_function(_OFF_SHOWN, timeout=5000)
    assert visible_pmids(page, "#off-list article") == ["409", "410"]
    # textContent: innerText is empty for a card not yet laid out (content-visibility: auto)
    assert page.eval_on_selector("#r409 .why", "p => p.textContent").startswith("Judged off-topic: about depression")
    assert page.eval_on_selector("#r409 .badge", "b => b.className") == "badge"


# The final state a link leads to, waited for (the scroll may end a frame after the click): the
# record shown, its top at or below the bar's bottom. If it never gets there, the wait fails.
_SETTLED = """(id => { const r = document.getElementById(id); return !!r && r.checkVisibility() &&
  document.getElementById('filters').getBoundingClientRect().bottom <= r.getBoundingClientRect().top + 1; })"""


def test_a_link_to_a_record_finds_it_below_the_sticky_bar(page: Any) -> None:
    page.select_option("#f-condition", "crps")  # 402 is filtered out of the list
    page.evaluate("location.hash = '#r402'")
    page.wait_for_function(f"{_SETTLED}('r402')", timeout=5000)
    bar = page.eval_on_selector("#filters", "f => f.getBoundingClientRect().bottom")
    top = page.eval_on_selector("#r402", "a => a.getBoundingClientRect().top")
    assert bar <= top + 1 and top < 900
    page.select_option("#f-condition", "")
    page.evaluate("window.scrollTo(0, 0)")
    page.click("#hl-list a[href='#r401']")
    page.wait_for_function(f"{_SETTLED}('r401')", timeout=5000)
    bar = page.eval_on_selector("#filters", "f => f.getBoundingClientRect().bottom")
    assert bar <= page.eval_on_selector("#r401", "a => a.getBoundingClientRect().top") + 1
