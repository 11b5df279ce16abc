"""The Jinja2 environment for the digest, archive page and e-mail.

Templates ship in ``litscan/templates``; a user directory (``--templates`` or
``$LITSCAN_TEMPLATES``) is searched first, so overriding one partial such as
``_record.html`` is enough to change how records look.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
from pathlib import Path

import jinja2
import markupsafe

from ..config import templates_dir as configured_templates_dir
from ..errors import ConfigError
from ..store import parse_timestamp


def environment(templates_dir: Path | str | None = None) -> jinja2.Environment:
    """A Jinja2 environment with autoescaping on and the user's templates in front.

    One per templates folder and process: compiling the templates is most of the time a small digest
    takes, and a process that writes several (``litscan run`` over many topics) compiles them once.
    A template edited meanwhile is still read again (Jinja2 checks each file's time when it is used).
    """
    user_dir = configured_templates_dir(templates_dir)
    if user_dir and not Path(user_dir).is_dir():
        raise ConfigError("templates directory not found", path=str(user_dir))
    return _environment(str(user_dir) if user_dir else None)


@functools.lru_cache(maxsize=8)
def _environment(user_dir: str | None) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    if user_dir:
        loaders.append(jinja2.FileSystemLoader(user_dir))
    loaders.append(jinja2.PackageLoader("litscan.digest", "templates"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["day"] = day
    env.filters["stamp"] = stamp
    env.filters["last_day"] = last_day
    env.filters["num"] = lambda n: f"{n:,}" if isinstance(n, int) else n
    env.filters["ids"] = lambda items: " ".join(items)
    env.filters["csp_hash"] = csp_hash
    env.globals["asset"] = lambda name: asset(env, name)
    env.globals["page_script"] = lambda *names: script(env, names)
    return env


def asset(env: jinja2.Environment, name: str) -> markupsafe.Markup:
    """A template file's raw text (inline CSS or JS), found through the same override chain."""
    assert env.loader is not None
    source, _, _ = env.loader.get_source(env, name)
    return markupsafe.Markup(source)


def script(env: jinja2.Environment, names: tuple[str, ...]) -> markupsafe.Markup:
    """The page's one script: its parts (``_script.js`` and the files it names) in one strict-mode
    function, so they share their names without making globals."""
    parts = "".join(str(asset(env, name)) for name in names)
    return markupsafe.Markup(f'(function () {{\n"use strict";\n{parts}}})();\n')


def csp_hash(text: str) -> str:
    """The CSP source expression allowing exactly this inline script and nothing injected."""
    digest = hashlib.sha256(str(text).encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def day(value: str | None) -> str:
    """``2026-11-25T03:47:00.000000Z`` as ``25 Nov 2026``."""
    if not value:
        return ""
    try:
        return parse_timestamp(value).strftime("%-d %b %Y")
    except ValueError:
        return value


def stamp(value: str | None) -> str:
    """A store timestamp as ``25 Nov 2026 03:47 UTC``."""
    if not value:
        return ""
    try:
        return parse_timestamp(value).strftime("%-d %b %Y %H:%M UTC")
    except ValueError:
        return value


def last_day(value: str | None) -> str:
    """The last day inside a period whose (exclusive) end is ``value``."""
    if not value:
        return ""
    try:
        return (parse_timestamp(value) - dt.timedelta(microseconds=1)).strftime("%-d %b %Y")
    except ValueError:
        return value


def period_words(start: str | None, end: str) -> str:
    """A digest's period as a reader says it: "Added to PubMed 1–7 Dec 2026", "… 28 Nov – 4 Dec 2026";
    a first digest (no start) holds "Everything found up to 7 Dec 2026"."""
    if start is None:
        return f"Everything found up to {last_day(end)}"
    try:
        first = parse_timestamp(start)
        last = parse_timestamp(end) - dt.timedelta(microseconds=1)
    except ValueError:
        return f"Added to PubMed {start} – {end}"
    if (first.year, first.month) == (last.year, last.month):
        span = f"{first.day}–{last:%-d %b %Y}" if first.day != last.day else f"{last:%-d %b %Y}"
    elif first.year == last.year:
        span = f"{first:%-d %b} – {last:%-d %b %Y}"
    else:
        span = f"{first:%-d %b %Y} – {last:%-d %b %Y}"
    return f"Added to PubMed {span}"


def plural(n: int, noun: str) -> str:
    """``1 trial``, ``3 trials``, ``1,200 trials``."""
    return f"{n} {noun}" if n == 1 else f"{n:,} {noun}s"
