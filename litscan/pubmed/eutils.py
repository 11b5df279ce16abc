"""The E-utilities client: one paced, retrying, redacting HTTP session for esearch and efetch.

NCBI counts every E-utilities request from one IP (or one API key) together,
so one ``RateLimiter`` (litscan.pubmed.pacing) paces every call this client makes. Failures come in
many shapes: 429 with or without ``Retry-After``, 5xx pages, bodies cut off
mid-stream by a proxy, ``ERROR`` elements inside an HTTP 200, rate-limit JSON
where XML was asked for. Each of these is retried with backoff inside a bounded
time budget; a bad key or a bad query is not retried. The caller never gets an
error page dressed up as "0 results": a reply is either understood or raised.

The API key is sent on every request and appears in no message this module
produces: exceptions and log lines go through ``redact`` (litscan.pubmed.redaction,
which also keeps it out of what urllib3 and other code log).
"""

from __future__ import annotations

import json
import logging
import random
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import requests

from ..config import DEFAULT_EUTILS_URL, DEFAULT_RETRY_SECONDS, EutilsSettings
from ..errors import (
    ApiKeyError,
    FetchError,
    HistoryExpiredError,
    InputError,
    QueryError,
    RateLimitedError,
    SearchWindowTooLargeError,
    TransientFetchError,
)
from ..models import ParsedItem
from .pacing import RateLimiter
from .redaction import hide, redact
from .xml_reader import parse_pubmed_bytes

log = logging.getLogger(__name__)

TOOL = "litscan"
ESEARCH_CEILING = 9999  # PubMed esearch pages only through its first 9,999 hits (since Nov 2022)
EFETCH_BATCH = 500
POST_THRESHOLD = 200  # NCBI asks for POST above ~200 ids; long GETs fail with 414
_PMID = re.compile(r"^[1-9][0-9]{0,9}$")
T = TypeVar("T")


@dataclass(frozen=True)
class SearchResult:
    """One esearch reply: the count (accurate beyond the ceiling) and one page of ids."""

    count: int
    ids: tuple[str, ...]
    webenv: str | None = None
    query_key: str | None = None
    phrases_not_found: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class FetchedBatch:
    """What one efetch returned, reconciled against what was asked for."""

    items: tuple[ParsedItem, ...]
    missing: tuple[str, ...] = ()  # requested ids PubMed did not return

    @property
    def pmids(self) -> set[str]:
        return {item.pmid for item in self.items}


@dataclass
class ClientStats:
    requests: int = 0
    retries: int = 0
    throttled: int = 0
    by_util: Counter[str] = field(default_factory=Counter)

    def snapshot(self) -> dict[str, Any]:
        return {
            "requests": self.requests,
            "retries": self.retries,
            "throttled": self.throttled,
            "by_util": dict(self.by_util),
        }


class EutilsClient:
    """esearch (JSON) and efetch (PubMed XML) over one ``requests.Session``."""

    def __init__(
        self,
        base_url: str = DEFAULT_EUTILS_URL,
        *,
        email: str | None = None,
        api_key: str | None = None,
        tool: str = TOOL,
        session: requests.Session | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        timeout: tuple[float, float] = (10.0, 60.0),
        max_attempts: int = 7,
        max_retry_seconds: float = DEFAULT_RETRY_SECONDS,
        backoff_base: float = 1.0,
        limiter: RateLimiter | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        if email and email.lower().startswith("root@"):
            log.warning("NCBI_EMAIL %s ignored: NCBI's own tools drop root@ addresses", email)
            email = None
        self.email = email
        self.api_key = api_key or None
        self.tool = tool
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = f"{tool} (requests {requests.__version__})"
        self.clock = clock
        self.sleep = sleep
        self.timeout = timeout
        self.max_attempts = max_attempts
        self.max_retry_seconds = max_retry_seconds
        self.backoff_base = backoff_base
        self.limiter = limiter or RateLimiter.for_key(bool(self.api_key), clock=clock, sleep=sleep)
        self.rng = rng or random.Random()
        self.stats = ClientStats()
        if self.api_key:
            hide(self.api_key)

    @classmethod
    def from_settings(cls, settings: EutilsSettings, *, limiter: RateLimiter | None = None) -> EutilsClient:
        """A client as ``litscan run`` makes one: paced together with the user's other litscan processes."""
        if limiter is None:
            limiter = RateLimiter.for_key(bool(settings.api_key), shared=RateLimiter.default_shared_path())
        return cls(
            settings.base_url,
            email=settings.email,
            api_key=settings.api_key,
            max_retry_seconds=settings.retry_seconds,
            limiter=limiter,
        )

    # -- public calls -----------------------------------------------------------

    def esearch(
        self, term: str, *, retstart: int = 0, retmax: int = ESEARCH_CEILING, usehistory: bool = False
    ) -> SearchResult:
        """One page of PubMed ids for ``term``; raises rather than return an error as "0 hits"."""
        if retstart > ESEARCH_CEILING - 1:
            raise SearchWindowTooLargeError(
                f"esearch retstart={retstart} is past PubMed's {ESEARCH_CEILING:,}-record ceiling"
            )
        params: dict[str, str] = {
            "db": "pubmed",
            "term": term,
            "retmode": "json",
            "sort": "pub_date",
            "retstart": str(retstart),
            "retmax": str(retmax),
        }
        if usehistory:
            params["usehistory"] = "y"
        # Topic terms run to a few kB; NCBI asks for POST for long queries.
        post = len(term) > 300
        return self._call("esearch.fcgi", params, post=post, interpret=lambda r: self._read_search(r, retstart, retmax))

    def efetch(self, pmids: Sequence[str]) -> FetchedBatch:
        """Full records for ``pmids``; ids PubMed silently leaves out are listed as missing."""
        ids = [str(p).strip() for p in pmids]
        bad = [p for p in ids if not _PMID.match(p)]
        if bad:
            raise QueryError(f"efetch: not a PMID: {bad[0]!r}")
        if not ids:
            return FetchedBatch(())  # NCBI answers an empty id list with a text error: never ask
        params = {"db": "pubmed", "retmode": "xml", "id": ",".join(ids)}
        items = self._call(
            "efetch.fcgi",
            params,
            post=len(ids) >= POST_THRESHOLD,
            interpret=lambda r: self._read_records(r, f"efetch of {len(ids)} ids"),
        )
        got = {item.pmid for item in items}
        return FetchedBatch(tuple(items), tuple(p for p in ids if p not in got))

    def efetch_history(self, webenv: str, query_key: str, *, retstart: int, retmax: int = EFETCH_BATCH) -> FetchedBatch:
        """One slice of a result set kept on the history server (retstart is 0-based)."""
        params = {
            "db": "pubmed",
            "retmode": "xml",
            "WebEnv": webenv,
            "query_key": query_key,
            "retstart": str(retstart),
            "retmax": str(retmax),
        }
        items = self._call(
            "efetch.fcgi",
            params,
            post=False,
            interpret=lambda r: self._read_records(r, f"efetch from history at {retstart}"),
        )
        return FetchedBatch(tuple(items))

    def redact(self, text: str) -> str:
        return redact(text, self.api_key)

    # -- transport and retry ------------------------------------------------------

    def _call(self, util: str, params: dict[str, str], *, post: bool, interpret: Callable[[requests.Response], T]) -> T:
        params = {**params, "tool": self.tool}
        if self.email:
            params["email"] = self.email
        if self.api_key:
            params["api_key"] = self.api_key
        url = self.base_url + util
        started = self.clock()
        attempt = 0
        while True:
            attempt += 1
            self.limiter.wait()
            self.stats.requests += 1
            self.stats.by_util[util] += 1
            try:
                response = self.session.request(
                    "POST" if post else "GET",
                    url,
                    params=None if post else params,
                    data=params if post else None,
                    timeout=self.timeout,
                )
                return interpret(self._check_status(response, util))
            except HistoryExpiredError:
                raise  # resending the same WebEnv cannot help; the caller searches again
            except TransientFetchError as exc:
                error: TransientFetchError = exc
            except (
                requests.Timeout,
                requests.ConnectionError,
                requests.exceptions.ChunkedEncodingError,
                requests.exceptions.ContentDecodingError,
            ) as exc:
                error = TransientFetchError(f"{util}: {self.redact(_transport_reason(exc, self.base_url))}")
            except requests.RequestException as exc:
                raise FetchError(f"{util}: {type(exc).__name__}: {self.redact(str(exc))}") from None
            if isinstance(error, RateLimitedError):
                self.stats.throttled += 1
            delay = self._backoff(attempt, error)
            elapsed = self.clock() - started
            if attempt >= self.max_attempts or elapsed + delay > self.max_retry_seconds:
                last = str(error).removeprefix(f"{util}: ")
                message = f"{util}: gave up after {attempt} attempts in {elapsed:.0f}s; last error: {last}"
                if isinstance(error, RateLimitedError):
                    raise RateLimitedError(message, error.retry_after) from None
                raise TransientFetchError(message) from None
            log.info("%s failed (%s); retry %d in %.1fs", util, error, attempt, delay)
            self.stats.retries += 1
            self.sleep(delay)

    def _backoff(self, attempt: int, error: TransientFetchError) -> float:
        if isinstance(error, RateLimitedError) and error.retry_after is not None:
            return min(max(error.retry_after, 0.5), 60.0)
        # Exponential with jitter so several cron jobs behind one NAT do not retry in step.
        delay = self.backoff_base * (2.0 ** (attempt - 1))
        return min(delay, 30.0) * (0.75 + self.rng.random() / 2)

    def _check_status(self, response: requests.Response, util: str) -> requests.Response:
        status = response.status_code
        if status == 200:
            return response
        body = _text(response)
        if status == 429:
            raise RateLimitedError(f"{util}: HTTP 429 rate limited", _retry_after(response))
        if status >= 500:
            raise TransientFetchError(f"{util}: HTTP {status} {self._snippet(body)}")
        message = _json_error(body) or _xml_error(body)
        if message is not None:
            raise self._classify(util, message, status)
        if status == 414:
            raise QueryError(f"{util}: HTTP 414 request too long")
        if status == 408:
            raise TransientFetchError(f"{util}: HTTP 408 request timeout")
        raise FetchError(f"{util}: HTTP {status} {self._snippet(body)}")

    def _classify(self, util: str, message: str, status: int = 200) -> FetchError:
        """Turn an error NCBI wrote into the body into the right kind of exception."""
        text = self.redact(message)
        flat = text.lower()
        one_line = " ".join(text.split())
        if "rate limit" in flat:
            return RateLimitedError(f"{util}: {one_line}")
        if "api key" in flat or "api_key" in flat:
            return ApiKeyError(f"{util}: NCBI rejected the API key (check NCBI_API_KEY): {one_line}")
        if "cannot be larger than 9998" in flat or "out of acceptable range" in flat:
            return SearchWindowTooLargeError(f"{util}: {one_line}")
        if "history" in flat or "webenv" in flat or "query_key" in flat or "unable to obtain query" in flat:
            return HistoryExpiredError(f"{util}: history server lost the result set: {one_line}")
        if (
            "id list is empty" in flat
            or "supplied id parameter is empty" in flat
            or "invalid query" in flat
            or "syntax" in flat
        ):
            return QueryError(f"{util}: NCBI rejected the request: {one_line}")
        return TransientFetchError(f"{util}: NCBI reported an error (HTTP {status}): {one_line}")

    def _snippet(self, body: str) -> str:
        return self.redact(" ".join(body[:160].split()))

    # -- reading replies ------------------------------------------------------------

    def _read_search(self, response: requests.Response, retstart: int, retmax: int) -> SearchResult:
        body = _text(response)
        try:
            data = json.loads(body)
        except ValueError:
            if _xml_error(body) is not None:
                raise self._classify("esearch", _xml_error(body) or "") from None
            raise TransientFetchError(
                f"esearch: unreadable JSON reply ({len(body)} bytes, truncated?): {self._snippet(body)}"
            ) from None
        if not isinstance(data, dict):
            raise TransientFetchError("esearch: reply is not a JSON object")
        if "error" in data:
            raise self._classify("esearch", str(data["error"]))
        result = data.get("esearchresult")
        if not isinstance(result, dict):
            raise TransientFetchError(f"esearch: reply without esearchresult: {self._snippet(body)}")
        if "ERROR" in result:
            raise self._classify("esearch", str(result["ERROR"]))
        try:
            count = int(result["count"])
            ids = tuple(str(i) for i in result.get("idlist") or [])
        except (KeyError, TypeError, ValueError):
            raise TransientFetchError(f"esearch: reply without a count: {self._snippet(body)}") from None
        if any(not _PMID.match(i) for i in ids):
            raise TransientFetchError("esearch: reply holds an id that is not a PMID")
        expected = max(0, min(count - retstart, retmax, ESEARCH_CEILING - retstart))
        if len(ids) < expected:
            # An id page shorter than the count promises is a broken reply, not fewer records.
            raise TransientFetchError(
                f"esearch: count {count} promises {expected} ids at {retstart}, reply holds {len(ids)}"
            )
        errors = result.get("errorlist") or {}
        warnings = result.get("warninglist") or {}
        return SearchResult(
            count=count,
            ids=ids,
            webenv=result.get("webenv"),
            query_key=result.get("querykey"),
            phrases_not_found=tuple(errors.get("phrasesnotfound") or ()) + tuple(errors.get("fieldsnotfound") or ()),
            warnings=tuple(str(w) for w in (warnings.get("outputmessages") or ())),
        )

    def _read_records(self, response: requests.Response, what: str) -> list[ParsedItem]:
        data = response.content
        head = data[:2048].lstrip()
        if head.startswith(b"{") or "json" in response.headers.get("Content-Type", ""):
            raise self._classify("efetch", _json_error(_text(response)) or "unexpected JSON reply")
        if b"<PubmedArticleSet" not in head:
            text = _text(response)
            message = _xml_error(text)
            if message is not None:
                raise self._classify("efetch", message)
            if "supplied id parameter is empty" in text.lower():
                raise QueryError("efetch: NCBI says the id list is empty")
            raise TransientFetchError(f"efetch: reply is not PubMed XML: {self._snippet(text)}")
        try:
            return parse_pubmed_bytes(data, name="efetch reply")
        except InputError as exc:
            raise TransientFetchError(f"{what}: {self.redact(str(exc))}") from None


_ERRNO = re.compile(r"\[Errno -?\d+\] ([^'\")]+)")


def _transport_reason(exc: requests.RequestException, base_url: str) -> str:
    """A short reason for a failed connection; urllib3's own text repeats the full URL twice."""
    text = str(exc)
    host = re.sub(r"^\w+://([^/]+).*$", r"\1", base_url)
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
    return f"{type(exc).__name__} talking to {host}: {' '.join(text.split())[:200]}"


def _text(response: requests.Response) -> str:
    return response.content.decode("utf-8", errors="replace")


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        return None  # an HTTP-date; NCBI has never been seen sending one


def _json_error(body: str) -> str | None:
    """The message of an NCBI JSON error envelope, or None if the body is not one."""
    try:
        data = json.loads(body)
    except ValueError:
        return None
    if isinstance(data, dict):
        if "error" in data:
            return str(data["error"])
        inner = data.get("esearchresult")
        if isinstance(inner, dict) and "ERROR" in inner:
            return str(inner["ERROR"])
    return None


_ERROR_ELEMENT = re.compile(r"<ERROR>(.*?)(?:</ERROR>|$)", re.S)


def _xml_error(body: str) -> str | None:
    """The text of an ``<ERROR>`` element (closed or cut off), or None."""
    match = _ERROR_ELEMENT.search(body)
    if match is None:
        return None
    return match.group(1).strip() or "empty ERROR element"
