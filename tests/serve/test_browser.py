"""Screening in a real browser, from the keyboard only: Debian's Chromium drives the app served on 127.0.0.1.

Never downloads a browser (see tests/digest/test_browser.py); without Chromium the test skips
locally and fails when CI=true.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from litscan.config import Topic
from litscan.serve import screening_server, url_of
from tests.digest.chromium import kept_tab, record_problems

from . import serve_data

pytestmark = pytest.mark.slow

TOPIC = "ketamine-chronic-pain"


@pytest.fixture
def served(filled: tuple[Path, Topic]) -> Iterator[tuple[str, Path]]:
    db, topic = filled
    server = screening_server(db, [topic], port=0, reviewer="keyboard")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield url_of(server), db
    finally:
        server.shutdown()
        server.server_close()


def open_page(browser: Any, base: str, scheme: str = "light") -> Any:
    """The process's tab for the app at ``base``, with every console error, page error, request to
    another origin and dialog from then on recorded in ``page.problems``.

    The tab is one kept for these tests (``kept_tab``): its cookies are cleared and any other tab
    closed, and each test's app listens on a port of its own, so no storage, cache or session carries
    over.
    """
    page = kept_tab(browser, "serve", _watched, viewport={"width": 1200, "height": 900})
    context = page.context
    for other in context.pages[1:]:
        other.close()
    context.clear_cookies()
    page.emulate_media(color_scheme=scheme)
    page.base = base
    page.problems.clear()
    return page


def _watched(page: Any) -> None:
    record_problems(page, lambda url: url.startswith(page.base), console=("error",))


def keys(page: Any, *pressed: str) -> None:
    """Press keys; the last one leads to another page, which is waited for."""
    for key in pressed[:-1]:
        page.keyboard.press(key)
    with page.expect_navigation():
        page.keyboard.press(pressed[-1])


def focused_row(page: Any) -> str:
    """The PMID of the list's row that has the focus (set once the page has loaded)."""
    page.wait_for_function("document.activeElement && document.activeElement.closest('li.row') !== null")
    return str(page.evaluate("document.activeElement.closest('li.row').dataset.pmid"))


def on_record(page: Any) -> str:
    return str(page.locator("article.record").get_attribute("data-pmid"))


def test_screening_from_the_keyboard_writes_each_decision(browser: Any, served: tuple[str, Path]) -> None:
    base, db = served
    page = open_page(browser, base)
    page.goto(base)  # the only topic's list
    assert page.locator("li.row").count() == 6
    keys(page, "j", "Enter")  # the first row, opened
    assert on_record(page) == "601"
    assert page.locator("mark.ev.key").count() > 0  # the tag evidence is marked

    keys(page, "i")
    assert serve_data.latest(db)["601"] == ("include", None, None)  # in the store at once
    assert on_record(page) == "602"
    assert page.locator("[role=status]").inner_text() == "Included: PMID 601"

    keys(page, "e", "4")  # exclude: the fourth reason
    assert serve_data.latest(db)["602"] == ("exclude", "wrong_design", None)
    assert on_record(page) == "607"
    assert page.locator("[data-changed]").is_visible()  # revised since it was excluded

    keys(page, "m")
    assert serve_data.latest(db)["607"] == ("maybe", None, None)
    assert on_record(page) == "604"
    assert page.evaluate("window.pwned") is None  # its hostile title and abstract stayed text

    keys(page, "n")  # skip it
    assert on_record(page) == "603"
    keys(page, "p")
    assert on_record(page) == "604"

    page.keyboard.press("c")  # a note, then Escape leaves the box so keys act again
    page.keyboard.type("checked by keyboard")
    page.keyboard.press("Escape")
    keys(page, "e", "ArrowDown", "Enter")  # the second reason, picked with the arrows
    assert serve_data.latest(db)["604"] == ("exclude", "wrong_intervention", "checked by keyboard")
    assert on_record(page) == "603"

    keys(page, "p")  # back to a record decided in this sitting, and decided again
    assert on_record(page) == "604"
    keys(page, "i")
    assert serve_data.latest(db)["604"] == ("include", None, None)

    keys(page, "l")  # to the list, on the record that was open
    assert focused_row(page) == "603"
    keys(page, "i")
    assert serve_data.latest(db)["603"] == ("include", None, None)
    assert focused_row(page) == "605"
    keys(page, "e", "ArrowDown", "ArrowDown", "ArrowDown", "Enter")  # the third reason of the row's list
    assert serve_data.latest(db)["605"] == ("exclude", "acute_pain_only", None)

    page.keyboard.press("?")
    assert page.locator("#help").is_visible()
    page.keyboard.press("Escape")
    assert not page.locator("#help").is_visible()

    decided = serve_data.latest(db)
    assert set(decided) == {"601", "602", "603", "604", "605", "606", "607"}
    assert decided["606"] == ("include", None, None)  # decided before, untouched
    assert page.locator("li.row .state[data-decision='']").count() == 0  # nothing left to screen
    assert page.problems == []


def test_a_cross_site_form_is_refused_in_the_browser(browser: Any, served: tuple[str, Path], tmp_path: Path) -> None:
    """A page of another origin posts a decision form to the app: the browser sends it, the app refuses it."""
    base, db = served
    page = open_page(browser, base)
    page.goto(base)  # the session cookie exists, as it would for a screener with the app open
    attack = tmp_path / "attack.html"
    attack.write_text(
        f'<form method="post" action="{base}{TOPIC}/601"><input name="choice" value="include">'
        '<input name="csrf_token" value="guessed"></form><script>document.forms[0].submit()</script>',
        encoding="utf-8",
    )
    other = page.context.new_page()
    answers: list[tuple[str, int]] = []
    other.on("response", lambda r: answers.append((r.request.method, r.status)))
    other.goto(attack.as_uri())
    other.wait_for_url(f"{base}{TOPIC}/601")
    other.wait_for_load_state()
    assert ("POST", 403) in answers  # Chromium says where the form came from: another origin
    assert "refused" in other.locator("[role=alert]").inner_text()
    assert "601" not in serve_data.latest(db)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_readable_in_light_and_dark_with_a_visible_focus(browser: Any, served: tuple[str, Path], scheme: str) -> None:
    base, _ = served
    page = open_page(browser, base, scheme)
    page.goto(f"{base}{TOPIC}/601")
    style = page.evaluate(
        """() => {
            const body = getComputedStyle(document.body);
            const mark = getComputedStyle(document.querySelector('mark.ev.key'));
            return {background: body.backgroundColor, color: body.color, mark: mark.backgroundColor};
        }"""
    )
    dark = scheme == "dark"
    assert (style["background"] == "rgb(15, 20, 25)") is dark
    assert (style["color"] == "rgb(230, 237, 243)") is dark
    assert style["mark"] != style["background"]
    page.keyboard.press("Tab")  # the skip link, then the first control of the bar
    page.keyboard.press("Tab")
    outline = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; }"
    )
    assert outline == ["solid", "3px"]
    unlabelled = page.evaluate(
        """() => [...document.querySelectorAll('button, textarea, select, input:not([type=hidden])')]
            .filter(e => !(e.labels && e.labels.length) && !e.textContent.trim() && !e.getAttribute('aria-label'))
            .map(e => e.outerHTML)"""
    )
    assert unlabelled == []
    assert page.problems == []
