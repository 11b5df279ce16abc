"""Layout that holds: a 390-px phone and a 1440-px screen (nothing scrolls sideways, the sticky bar
stays small, tooltips stay on screen), print on A4, and axe-core's accessibility rules in light and
dark mode."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .chromium import AXE, missing, open_page

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1440, "height": 900}
A4_PRINTED = {"width": 718, "height": 1047}  # 210 × 297 mm less 12 mm margins, at 96 px an inch


@pytest.fixture
def phone(browser: Any, records_page: Path) -> Iterator[Any]:
    opened = open_page(browser, records_page, viewport=PHONE, is_mobile=True, has_touch=True)
    yield opened
    assert opened.problems == []


def sideways(page: Any) -> int:
    """How far the page scrolls sideways (0: not at all)."""
    return int(page.evaluate("document.documentElement.scrollWidth - innerWidth"))


def bar_height(page: Any) -> float:
    return float(page.eval_on_selector("#filters", "f => f.getBoundingClientRect().height"))


def test_a_phone_never_scrolls_sideways_and_the_bar_folds(phone: Any) -> None:
    assert sideways(phone) == 0
    phone.evaluate("document.getElementById('h-records').scrollIntoView()")
    phone.mouse.wheel(0, 400)
    assert phone.eval_on_selector("#filters", "f => f.getBoundingClientRect().top") == 0  # stuck at the top
    assert bar_height(phone) <= 0.15 * PHONE["height"]
    assert not phone.is_visible("#f-design")
    phone.click("#f-toggle")
    assert phone.is_visible("#f-design") and phone.get_attribute("#f-toggle", "aria-expanded") == "true"
    phone.select_option("#f-design", "rct")
    assert sideways(phone) == 0
    phone.click("#f-toggle")
    assert bar_height(phone) <= 0.15 * PHONE["height"] and "Showing 2 of 8" in phone.inner_text("#f-status")
    phone.click("#offtopic > summary")
    phone.click("#r402 details.abs > summary")
    assert sideways(phone) == 0


# Each chip in turn scrolled to and focused, and its tooltip (shown on :focus, no transition) measured
# in that state; in one call, as the chips are many and each Playwright call is a round trip.
FOCUSED_TOOLTIPS = """chips => chips.map(chip => {
  chip.scrollIntoView({block: 'nearest', inline: 'nearest'});
  chip.focus();
  const tip = chip.querySelector('small'), box = tip && tip.getBoundingClientRect();
  return [chip.textContent, document.activeElement === chip, tip ? getComputedStyle(tip).display : null,
          box ? box.left : null, box ? box.right : null];
})"""


def test_tooltips_stay_on_a_phone_screen(phone: Any) -> None:
    measured = phone.eval_on_selector_all("#list article [data-ev]", FOCUSED_TOOLTIPS)
    assert len(measured) >= 10
    for text, focused, display, left, right in measured:
        assert focused and display == "block", text
        assert left >= 0 and right <= PHONE["width"], text


def test_print_fits_the_map_to_a4_and_prints_the_list_once(browser: Any, records_page: Path) -> None:
    page = open_page(browser, records_page, viewport=A4_PRINTED)
    page.emulate_media(media="print")
    table = page.eval_on_selector("#map table", "t => [t.scrollWidth, t.parentElement.clientWidth]")
    assert table[0] <= table[1] <= A4_PRINTED["width"]
    assert sideways(page) == 0
    assert not page.is_visible("#hl-list") and page.is_visible("#highlights .print-only")  # printed once, below
    assert page.is_visible("#map-legend")
    shaded = "#map td[data-route]:not(.l0)"
    shade = page.eval_on_selector(shaded, "td => getComputedStyle(td).backgroundColor")
    assert shade not in ("rgba(0, 0, 0, 0)", "transparent")  # the legend's shading is printed
    assert page.eval_on_selector(shaded, "td => getComputedStyle(td).printColorAdjust") == "exact"


# Every rule, the experimental ones too (label-content-name-mismatch is one of them); every node of a
# violation, one of each rule that passed (its others cost selectors nobody reads).
AXE_RUN = (
    "axe.run(document, {resultTypes: ['violations'], rules: Object.fromEntries(axe.getRules(['experimental'])"
    ".map(r => [r.ruleId, {enabled: true}]))})"
    ".then(r => [r.violations.map(v => v.id + ': ' + v.nodes.length + ' × '"
    " + v.nodes[0].html.slice(0, 120)), r.passes.map(p => p.id), r.inapplicable.map(p => p.id)])"
)


def no_axe_violations_in_light_and_dark(page: Any, *, phone: bool) -> None:
    """Every kind of card on screen, a tag's evidence open, checked by axe in light mode and then,
    switched to dark, again: the page's script never reads the colour scheme (only its CSS does), and
    axe forgets each run's caches, so the dark run sees what a page opened dark would show, without a
    second load, preparation and axe."""
    if not AXE.is_file():
        missing(f"no axe-core at {AXE} (npm install axe-core, as .ci/run does)")
    page.evaluate(AXE.read_text(encoding="utf-8"))
    if phone:
        page.click("#f-toggle")
    page.click("#offtopic > summary")  # every kind of card on screen: on- and off-topic, a retraction
    page.click("#r402 details.abs > summary")
    # both drawn on their details' toggle events, which the browser fires after the clicks
    page.wait_for_function(
        "document.querySelector('#off-list article[data-pmid]')"
        " && document.querySelector('#r402 details.abs[data-filled]')"
    )
    page.focus("#r401 .tags .c")  # and a tag's evidence open
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") is (scheme == "dark")
        violations, passed, inapplicable = page.evaluate(AXE_RUN)
        assert violations == [], scheme
        assert {"color-contrast", "aria-required-children"} <= set(passed), scheme
        # the experimental rules ran too (inapplicable: no aria-label left to mismatch, no focusable span)
        assert {"label-content-name-mismatch", "focus-order-semantics"} <= set(passed + inapplicable), scheme
        assert page.evaluate("document.activeElement.matches('#r401 .tags .c')"), scheme  # its evidence still open


def test_a_wide_screen_has_a_small_bar_no_sideways_scroll_and_no_axe_violations(
    browser: Any, records_page: Path
) -> None:
    page = open_page(browser, records_page, viewport=DESKTOP)
    assert sideways(page) == 0 and bar_height(page) <= 0.15 * DESKTOP["height"]
    no_axe_violations_in_light_and_dark(page, phone=False)


def test_a_phone_sized_page_has_no_axe_violations(browser: Any, records_page: Path) -> None:
    no_axe_violations_in_light_and_dark(open_page(browser, records_page, viewport=PHONE), phone=True)
