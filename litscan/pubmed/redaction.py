"""Keeping the NCBI API key out of text: ``excerpt`` for messages, ``RedactingFilter`` for logging.

The E-utilities client redacts at the source: every reply body is redacted as it
arrives, and every message it logs or raises has been through ``excerpt``, which
redacts before it shortens (shortening first would leave the part of a key
that straddles the cut, which no later redaction recognises). What it cannot reach is
text other code writes: urllib3 logs each request line, query string and key
included, at DEBUG, and any module may log a URL or an NCBI reply. For those,
``RedactingFilter`` works by structure, not by logger name: it replaces the
value of every ``api_key`` parameter it sees, and every key a client has been
given in this process (``hide``). The CLI puts it on the handler it installs,
which every record reaches whichever logger made it; ``hide`` puts it on the
HTTP stack's own loggers and on the root logger's handlers, for library use.
"""

from __future__ import annotations

import html
import json
import logging
import re
from urllib.parse import quote, quote_plus

REDACTED = "[redacted]"
# ``api_key=...`` in a URL or form, ``"api-key": "..."`` in NCBI's JSON; NCBI_API_KEY=... in a dump.
_KEY_VALUE = re.compile(r"""(api[_-]?key["']?\s*[=:]\s*["']?)(?!\[redacted\])[^\s&"',;)}\]]+""", re.IGNORECASE)
_secrets: set[str] = set()  # every key a client was given in this process
MIN_FRAGMENT = 4  # a piece of a key this long, cut off at either end of a text, is redacted too


def spellings(secret: str) -> set[str]:
    """The forms ``secret`` takes in a URL, a form body, JSON or HTML."""
    return {secret, quote(secret, safe=""), quote_plus(secret), json.dumps(secret)[1:-1], html.escape(secret)}


def redact(text: str, secret: str | None) -> str:
    """``text`` with every spelling of ``secret`` replaced (in any letter case: percent-encoding may use
    either), and with a piece of it that a cut left at the start or end of ``text``."""
    if not secret:
        return text
    pattern = "|".join(re.escape(form) for form in sorted(spellings(secret), key=len, reverse=True))
    text = re.sub(pattern, REDACTED, text, flags=re.IGNORECASE)
    sizes = range(len(secret) - 1, MIN_FRAGMENT - 1, -1)
    tail = next((n for n in sizes if text.endswith(secret[:n])), 0)  # a reply cut off inside the key
    if tail:
        text = text[:-tail] + REDACTED
    head = next((n for n in sizes if text.startswith(secret[-n:])), 0)
    if head:
        text = REDACTED + text[head:]
    return text


def scrub(text: str, secret: str | None = None) -> str:
    """``text`` without any ``api_key`` value, without ``secret`` and without any key handed to ``hide``."""
    text = _KEY_VALUE.sub(rf"\1{REDACTED}", text)
    for known in _secrets | ({secret} if secret else set()):
        text = redact(text, known)
    return text


def excerpt(text: str, secret: str | None = None, limit: int = 300) -> str:
    """One line of at most ``limit`` characters of ``text`` for a message: redacted first, then shortened."""
    line = scrub(" ".join(text.split()), secret)  # folding whitespace cannot make or break a key
    return line if len(line) <= limit else line[: limit - 1] + "…"


class RedactingFilter(logging.Filter):
    """Scrubs API keys out of a log record's message and traceback before any handler formats them."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed logging call: let the handler report it as logging does
            return True
        cleaned = scrub(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            # Formatters reuse exc_text when it is set, so the scrubbed traceback is the one printed.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        return True


def hide(secret: str) -> None:
    """From now on keep ``secret`` out of every record a ``RedactingFilter`` sees.

    Also filters the loggers of the HTTP stack (requests and urllib3, which log
    request URLs) and the root logger's current handlers, so a library user's
    own logging setup does not show the key either.
    """
    _secrets.add(secret)
    import requests
    import urllib3

    stack = (requests.__name__, urllib3.__name__)
    targets: list[logging.Filterer] = [
        logging.getLogger(name) for name in list(logging.Logger.manager.loggerDict) if name.split(".")[0] in stack
    ]
    targets.extend(logging.getLogger().handlers)
    for target in targets:
        install(target)


def install(target: logging.Filterer) -> None:
    """Put a ``RedactingFilter`` on a logger or handler, once."""
    if not any(isinstance(f, RedactingFilter) for f in target.filters):
        target.addFilter(RedactingFilter())
