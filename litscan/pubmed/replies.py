"""What a failed E-utilities exchange says: NCBI's error replies and broken transfers, read into exceptions.

NCBI reports errors in several shapes (a JSON envelope, an ``<ERROR>`` element,
HTTP status alone) and often under HTTP 200; ``classify`` turns the words of one
into the exception that says whether retrying can help. The texts here may quote
the request, API key included: callers redact before they show any of it.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import requests

from ..errors import (
    FetchError,
    HistoryExpiredError,
    QueryError,
    RateLimitedError,
    SearchWindowTooLargeError,
    TransientFetchError,
)


@dataclass(frozen=True)
class Reply:
    """An HTTP reply read in full within its deadline, with the API key already taken out of the body."""

    status_code: int
    headers: Mapping[str, str]
    content: bytes

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")


_ERRNO = re.compile(r"\[Errno -?\d+\] ([^'\")]+)")
# A URL or query string an error message quotes: "https://...", "efetch.fcgi?...", "...&api_key=...".
_QUOTED_REQUEST = re.compile(r"https?://|\.fcgi\?|[?&][\w.-]+=", re.IGNORECASE)


def host_of(base_url: str) -> str:
    return re.sub(r"^\w+://([^/]+).*$", r"\1", base_url)


def transport_reason(exc: requests.RequestException, base_url: str) -> str:
    """A short reason for a failed connection; urllib3's own text repeats the full URL twice.

    The text is not shortened here: the caller redacts it first (it may quote the URL and the key).
    """
    text = str(exc)
    host = host_of(base_url)
    if isinstance(exc, requests.Timeout):
        kind = "connect" if isinstance(exc, requests.ConnectTimeout) else "read"
        return f"{kind} timeout talking to {host}"
    match = _ERRNO.search(text)
    if match:
        return f"cannot connect to {host} ({match.group(1).strip()})"
    if isinstance(exc, requests.exceptions.ChunkedEncodingError):
        return f"connection to {host} broke off mid-reply"
    if "RemoteDisconnected" in text or "Connection aborted" in text:
        return f"{host} closed the connection without a reply"
    return f"{type(exc).__name__} talking to {host}: {text}"


def retry_after(reply: Reply) -> float | None:
    value = reply.headers.get("Retry-After")
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        return None  # an HTTP-date; NCBI has never been seen sending one
    return seconds if math.isfinite(seconds) else None


def parsed_json(body: str) -> Any:
    """``body`` read as JSON, or None if it is not JSON."""
    try:
        return json.loads(body)
    except ValueError:
        return None


def key_rejected(data: Any) -> bool:
    """Whether a parsed reply is NCBI's invalid-key reply, ``{"error":"API key invalid", ...}``.

    Only that reply: an error that mentions ``api_key`` (one quoting the request URL,
    say) says nothing about the key, and reading it as a rejection would skip every topic.
    """
    return isinstance(data, dict) and " ".join(str(data.get("error", "")).lower().split()) == "api key invalid"


def json_error(body: str) -> str | None:
    """The message of an NCBI JSON error envelope, or None if the body is not one."""
    data = parsed_json(body)
    if isinstance(data, dict):
        if "error" in data:
            return str(data["error"])
        inner = data.get("esearchresult")
        if isinstance(inner, dict) and "ERROR" in inner:
            return str(inner["ERROR"])
    return None


_ERROR_ELEMENT = re.compile(r"<ERROR>(.*?)(?:</ERROR>|$)", re.S)


def xml_error(body: str) -> str | None:
    """The text of an ``<ERROR>`` element (closed or cut off), or None."""
    match = _ERROR_ELEMENT.search(body)
    if match is None:
        return None
    return match.group(1).strip() or "empty ERROR element"


def classify(util: str, message: str, shown: str, status: int = 200) -> FetchError:
    """The exception for an error NCBI wrote into a reply; ``shown`` is ``message`` as the user may see it.

    The kind is read from NCBI's words, not from a URL or query it quotes: a quoted
    ``...&WebEnv=...&api_key=...`` says nothing about the history server or the key.
    A rejected key is not decided here but by ``key_rejected``, from NCBI's own reply.
    """
    flat = " ".join(word for word in message.lower().split() if not _QUOTED_REQUEST.search(word))
    if "rate limit" in flat:
        return RateLimitedError(f"{util}: {shown}")
    if "cannot be larger than 9998" in flat or "out of acceptable range" in flat:
        return SearchWindowTooLargeError(f"{util}: {shown}")
    if "history" in flat or "webenv" in flat or "query_key" in flat or "unable to obtain query" in flat:
        return HistoryExpiredError(f"{util}: history server lost the result set: {shown}")
    if (
        "id list is empty" in flat
        or "supplied id parameter is empty" in flat
        or "invalid query" in flat
        or "syntax" in flat
    ):
        return QueryError(f"{util}: NCBI rejected the request: {shown}")
    return TransientFetchError(f"{util}: NCBI reported an error (HTTP {status}): {shown}")
