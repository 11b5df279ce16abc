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


def test_tooltips_stay_on_a_phone_screen(phone: Any) -> None:
    chips = phone.locator("#list article [data-ev]")
    assert chips.count() >= 10
    for index in range(chips.count()):
        chip = chips.nth(index)
        chip.scroll_into_view_if_needed()
        chip.focus()
        left, right = chip.locator("small").evaluate(
            "s => { const r = s.getBoundingClientRect(); return [r.left, r.right]; }"
        )
        assert left >= 0 and right <= PHONE["width"], chip.text_content()


def test_a_wide_screen_has_a_small_bar_and_no_sideways_scroll(browser: Any, records_page: Path) -> None:
    page = open_page(browser, records_page, viewport=DESKTOP)
    assert sideways(page) == 0 and bar_height(page) <= 0.15 * DESKTOP["height"]


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


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_finds_no_violations(browser: Any, records_page: Path, scheme: str, viewport: dict[str, int]) -> None:
    if not AXE.is_file():
        missing(f"no axe-core at {AXE} (npm install axe-core, as .ci/run does)")
    page = open_page(browser, records_page, viewport=viewport, color_scheme=scheme, bypass_csp=True)
    page.evaluate(AXE.read_text(encoding="utf-8"))
    if viewport is PHONE:
        page.click("#f-toggle")
    page.click("#offtopic > summary")  # every kind of card on screen: on- and off-topic, a retraction
    page.click("#r402 details.abs > summary")
    # both drawn on their details' toggle events, which the browser fires after the clicks
    page.wait_for_function(
        "document.querySelector('#off-list article[data-pmid]')"
        " && document.querySelector('#r402 details.abs[data-filled]')"
    )
    page.focus("#r401 .tags .c")  # and a tag's evidence open
    violations, passed, inapplicable = page.evaluate(
        # every rule, the experimental ones too (label-content-name-mismatch is one of them); every node
        # of a violation, one of each rule that passed (its others cost selectors nobody reads)
        "axe.run(document, {resultTypes: ['violations'], rules: Object.fromEntries(axe.getRules(['experimental'])"
        ".map(r => [r.ruleId, {enabled: true}]))})"
        ".then(r => [r.violations.map(v => v.id + ': ' + v.nodes.length + ' × '"
        " + v.nodes[0].html.slice(0, 120)), r.passes.map(p => p.id), r.inapplicable.map(p => p.id)])"
    )
    assert violations == []
    assert {"color-contrast", "aria-required-children"} <= set(passed)
    # the experimental rules ran too (inapplicable: no aria-label left to mismatch, no focusable span)
    assert {"label-content-name-mismatch", "focus-order-semantics"} <= set(passed + inapplicable)
