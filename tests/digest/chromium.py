"""Opening a digest in headless Debian Chromium: the browser, a page with its problems recorded, and
what a reader sees of it.

Never downloads a browser: it drives /usr/bin/chromium through Playwright. Without Chromium (or
axe-core for the accessibility test) a test skips locally and fails when CI=true.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("LITSCAN_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# axe-core comes from npm (.ci/run installs it there); LITSCAN_AXE names another axe.min.js.
AXE_CACHE = Path(os.environ.get("LITSCAN_NPM_CACHE", Path.home() / ".cache" / "litscan-npm"))
AXE = Path(os.environ.get("LITSCAN_AXE", AXE_CACHE / "node_modules" / "axe-core" / "axe.min.js"))
COUNT_NODES = """(() => { let n = 0; const w = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
  while (w.nextNode()) n++; return n; })()"""


def missing(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}: CI must install it (see .ci/run)")
    pytest.skip(reason)


def launch(playwright: Any) -> Any:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        missing(f"no Chromium at {CHROMIUM}")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)


def open_page(
    browser: Any,
    path: Path,
    *,
    wait: bool = True,
    viewport: dict[str, int] | None = None,
    color_scheme: str = "light",
    java_script_enabled: bool = True,
    **context_options: Any,
) -> Any:
    """The page at ``path``, freshly loaded, with every console error, page error, network request
    and dialog from then on recorded in ``page.problems``; waits until its script has drawn the list.

    The tab is the one the process keeps for each set of ``context_options`` (``kept_tab``): its
    viewport, media, colour scheme and scripting are set afresh, and it is led to ``path`` without a
    fragment, which Chromium loads as a new document (not a reload, which would restore the last
    test's scroll and form fields; checked at each load), so nothing of the last page carries over.
    Scripting is switched as Playwright's ``java_script_enabled`` does it, with DevTools'
    Emulation.setScriptExecutionDisabled, on the tab instead of a context of its own.
    """
    page = kept_tab(browser, tuple(sorted(context_options.items())), _watched, **context_options)
    if page.scripts != java_script_enabled:
        if page.devtools is None:
            page.devtools = page.context.new_cdp_session(page)
        page.devtools.send("Emulation.setScriptExecutionDisabled", {"value": not java_script_enabled})
        page.scripts = java_script_enabled
    viewport = viewport or {"width": 1100, "height": 900}
    if page.viewport_size != viewport:
        page.set_viewport_size(viewport)
    page.emulate_media(media="null", color_scheme=color_scheme)
    page.mouse.move(0, 0)  # nothing hovered
    page.problems.clear()
    page.goto(path.as_uri())
    if not java_script_enabled:
        assert page.evaluate(_SCRIPTING_OFF), "the page was loaded with scripting on"
    elif wait:
        assert wait_ready(page) == "navigate", "the page was not loaded afresh"
    return page


# True where the document parses as with scripting off (a <noscript>'s content becomes elements),
# as a context opened with java_script_enabled=False does.
_SCRIPTING_OFF = """(() => { const box = document.createElement('div');
  box.innerHTML = '<noscript><i></i></noscript>'; return box.querySelector('noscript i') !== null; })()"""


# Resolves once the page's script has drawn the list and unpacked the details (data-ready="all"),
# with how the page was loaded. Waits on the attribute's change: polling it on every animation frame,
# as wait_for_function does, makes Chromium draw frames all the while.
_READY_WAIT = """() => new Promise((done, fail) => {
  const root = document.documentElement, kind = performance.getEntriesByType('navigation')[0].type;
  const check = () => root.dataset.ready === 'all' && (watch.disconnect(), done(kind));
  const watch = new MutationObserver(check);
  watch.observe(root, {attributes: true, attributeFilter: ['data-ready']});
  check();
  setTimeout(() => fail(new Error('not ready after 20 s: data-ready is ' + root.dataset.ready)), 20000);
})"""


def wait_ready(page: Any) -> str:
    """Waits until the page's script has drawn it; returns how it was loaded: "navigate", "reload", ..."""
    return str(page.evaluate(_READY_WAIT))


def kept_tab(browser: Any, key: object, watch: Callable[[Any], None], **context_options: Any) -> Any:
    """The tab the process keeps for ``key`` in a context of its own, made (and ``watch``-ed) the first
    time: a new browser context and its renderer cost Chromium about a third of a second of CPU."""
    context = next((c for c in browser.contexts if getattr(c, "kept", None) == key), None)
    if context is None:
        context = browser.new_context(**context_options)
        context.kept = key  # tests/conftest.py's ``browser`` closes every context but these
        watch(context.new_page())
    return context.pages[0]


def record_problems(page: Any, local: Callable[[str], bool], console: tuple[str, ...] = ("error", "warning")) -> None:
    """From now on, every console message of the ``console`` types, page error, dialog and request to a
    URL that is not ``local`` goes into ``page.problems``."""
    page.problems = []
    page.on("console", lambda m: page.problems.append(f"console {m.type}: {m.text}") if m.type in console else None)
    page.on("pageerror", lambda e: page.problems.append(f"page error: {e}"))
    page.on("request", lambda r: None if local(r.url) else page.problems.append(f"network: {r.url}"))
    page.on("dialog", lambda d: (page.problems.append(f"dialog: {d.message}"), d.dismiss()))


def _watched(page: Any) -> None:
    record_problems(page, lambda url: url.startswith(("file:", "data:", "about:", "blob:")))
    page.scripts = True
    page.devtools = None


def visible_pmids(page: Any, selector: str = "article[data-pmid]") -> list[str]:
    return sorted(
        page.eval_on_selector_all(selector, "els => els.filter(e => e.checkVisibility()).map(e => e.dataset.pmid)")
    )
