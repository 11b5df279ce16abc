"""The E-utilities client: one paced, retrying, redacting HTTP session for esearch and efetch.

NCBI counts every E-utilities request from one IP (or one API key) together,
so one ``RateLimiter`` (litscan.pubmed.pacing) paces every call this client makes. Failures come in
many shapes: 429 with or without ``Retry-After``, 5xx pages, bodies cut off
mid-stream by a proxy, ``ERROR`` elements inside an HTTP 200, rate-limit JSON
where XML was asked for. Each of these is retried with backoff inside a bounded
time budget; a bad key or a bad query is not retried. The caller never gets an
error page dressed up as "0 results": a reply is either understood or raised.
Each attempt has a total deadline (litscan.pubmed.deadline), so a server that
trickles its reply cannot hold a run beyond the retry budget.

The API key is sent on every request and appears in no message this module
produces, not even in part: every reply body is redacted as it arrives, and
exceptions and log lines go through ``excerpt`` (litscan.pubmed.redaction, which
also keeps it out of what urllib3 and other code log), which redacts before it
shortens. Only NCBI's own invalid-key reply counts as a rejected key; an error
that merely quotes the request URL (``api_key=`` and all) is an ordinary error.
"""

from __future__ import annotations

import json
import logging
import random
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
from .deadline import Watchdog, mount
from .pacing import RateLimiter
from .pmid import is_pmid
from .redaction import REDACTED, excerpt, hide, scrub, spellings
from .replies import (
    Reply,
    classify,
    host_of,
    json_error,
    key_rejected,
    parsed_json,
    retry_after,
    transport_reason,
    xml_error,
)
from .xml_reader import parse_pubmed_bytes

log = logging.getLogger(__name__)

TOOL = "litscan"
ESEARCH_CEILING = 9999  # PubMed esearch pages only through its first 9,999 hits (since Nov 2022)
EFETCH_BATCH = 500
POST_THRESHOLD = 200  # NCBI asks for POST above ~200 ids; long GETs fail with 414
MIN_ATTEMPT_SECONDS = 1.0  # the shortest deadline a retry gets, however little of the budget is left
T = TypeVar("T")


@dataclass(frozen=True)
class SearchResult:
    """One esearch reply: the count (accurate beyond the ceiling) and one page of ids."""

    count: int
    ids: tuple[str, ...]
    webenv: str | None = None
    query_key: str | None = None
    phrases_not_found: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()  # the output messages
    notices: tuple[str, ...] = ()  # everything PubMed said about the term (``search_notices``), in words


# What esearch reports in band about a term, by its JSON list: what PubMed did with each part.
NOTICE_WORDS = {
    ("errorlist", "phrasesnotfound"): "phrase not found, searched without it",
    ("errorlist", "fieldsnotfound"): "field not found, searched without it",
    ("warninglist", "quotedphrasesnotfound"): "quoted phrase not found",
    ("warninglist", "phrasesignored"): "phrase ignored",
    ("warninglist", "outputmessages"): "PubMed says",
}
# Said of every search that finds nothing: the count already tells.
_NOTHING_FOUND = "No items found."


def search_notices(result: dict[str, Any]) -> tuple[str, ...]:
    """Each item of an ``esearchresult``'s error and warning lists, as ``what: text``."""
    notices = []
    for (block, key), words in NOTICE_WORDS.items():
        listed = (result.get(block) or {}).get(key) or ()
        for item in [listed] if isinstance(listed, str) else listed:
            text = str(item).strip()
            if text and text != _NOTHING_FOUND:
                notices.append(f"{words}: {text}")
    return tuple(notices)


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
        deadline: float = 60.0,
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
        mount(self.session)
        self.clock = clock
        self.sleep = sleep
        self.timeout = timeout  # (connect, each read): requests' own, per socket operation
        self.deadline = deadline  # the whole of one attempt: connect, headers and body
        self.max_attempts = max_attempts
        self.max_retry_seconds = max_retry_seconds
        self.backoff_base = backoff_base
        self.limiter = limiter or RateLimiter.for_key(bool(self.api_key), clock=clock, sleep=sleep)
        self.rng = rng or random.Random()
        self.stats = ClientStats()
        self._key_forms = tuple(form.encode() for form in spellings(self.api_key)) if self.api_key else ()
        if self.api_key:
            hide(self.api_key)

    @classmethod
    def from_settings(cls, settings: EutilsSettings, *, limiter: RateLimiter | None = None) -> EutilsClient:
        """A client as ``litscan run`` makes one: paced together with the user's other litscan processes."""
        if limiter is None:
            shared = RateLimiter.shared_file(settings.pace_dir) if settings.pace_dir else None
            limiter = RateLimiter.for_key(bool(settings.api_key), shared=shared)
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
        bad = [p for p in ids if not is_pmid(p)]
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
        """``text`` without the key, whole: for messages that are not shortened."""
        return scrub(text, self.api_key)

    def _excerpt(self, text: str, limit: int = 300) -> str:
        return excerpt(text, self.api_key, limit)

    # -- transport and retry ------------------------------------------------------

    def _call(self, util: str, params: dict[str, str], *, post: bool, interpret: Callable[[Reply], T]) -> T:
        params = {**params, "tool": self.tool}
        if self.email:
            params["email"] = self.email
        if self.api_key:
            params["api_key"] = self.api_key
        started = self.clock()
        attempt = 0
        while True:
            attempt += 1
            self.limiter.wait()
            self.stats.requests += 1
            self.stats.by_util[util] += 1
            try:
                reply = self._attempt(util, params, post, self._attempt_seconds(started))
                return interpret(self._check_status(reply, util))
            except HistoryExpiredError:
                raise  # resending the same WebEnv cannot help; the caller searches again
            except TransientFetchError as exc:
                error: TransientFetchError = exc
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

    def _attempt_seconds(self, started: float) -> float:
        """One attempt's deadline: the client's, cut to what is left of the retry budget."""
        left = self.max_retry_seconds - (self.clock() - started)
        return min(self.deadline, max(left, MIN_ATTEMPT_SECONDS))

    def _attempt(self, util: str, params: dict[str, str], post: bool, seconds: float) -> Reply:
        """One request, read in full within ``seconds``; a failed transfer is a TransientFetchError."""
        connect, read = self.timeout
        try:
            with Watchdog(seconds) as watchdog:
                response = self.session.request(
                    "POST" if post else "GET",
                    self.base_url + util,
                    params=None if post else params,
                    data=params if post else None,
                    timeout=(min(connect, seconds), min(read, seconds)),
                )
                if not watchdog.expired:  # else the body may have been cut short, and look whole
                    return Reply(response.status_code, response.headers, self._without_key(response.content))
        except (
            requests.Timeout,
            requests.ConnectionError,
            requests.exceptions.ChunkedEncodingError,
            requests.exceptions.ContentDecodingError,
        ) as exc:
            if not watchdog.expired:
                raise TransientFetchError(f"{util}: {self._excerpt(transport_reason(exc, self.base_url))}") from None
        except requests.RequestException as exc:
            raise FetchError(f"{util}: {type(exc).__name__}: {self._excerpt(str(exc))}") from None
        host = host_of(self.base_url)
        raise TransientFetchError(
            f"{util}: no complete reply from {host} within {seconds:.3g}s (a stalled or trickling server)"
        )

    def _without_key(self, body: bytes) -> bytes:
        """The reply body with any echo of the key taken out, before any of it can reach a message."""
        for form in self._key_forms:
            if form in body:
                body = body.replace(form, REDACTED.encode())
        return body

    def _backoff(self, attempt: int, error: TransientFetchError) -> float:
        if isinstance(error, RateLimitedError) and error.retry_after is not None:
            return min(max(error.retry_after, 0.5), 60.0)
        # Exponential with jitter so several cron jobs behind one NAT do not retry in step.
        delay = self.backoff_base * (2.0 ** (attempt - 1))
        return min(delay, 30.0) * (0.75 + self.rng.random() / 2)

    def _check_status(self, reply: Reply, util: str) -> Reply:
        status = reply.status_code
        if status == 200:
            return reply
        body = reply.text
        if status == 429:
            raise RateLimitedError(f"{util}: HTTP 429 rate limited", retry_after(reply))
        if status >= 500:
            raise TransientFetchError(f"{util}: HTTP {status} {self._excerpt(body, 160)}")
        if key_rejected(parsed_json(body)):
            raise self._key_error(util)
        message = json_error(body) or xml_error(body)
        if message is not None:
            raise self._classify(util, message, status)
        if status == 414:
            raise QueryError(f"{util}: HTTP 414 request too long")
        if status == 408:
            raise TransientFetchError(f"{util}: HTTP 408 request timeout")
        raise FetchError(f"{util}: HTTP {status} {self._excerpt(body, 160)}")

    def _key_error(self, util: str) -> ApiKeyError:
        return ApiKeyError(f"{util}: NCBI rejected the API key (check NCBI_API_KEY): API key invalid")

    def _classify(self, util: str, message: str, status: int = 200) -> FetchError:
        return classify(util, message, self._excerpt(message), status)

    # -- reading replies ------------------------------------------------------------

    def _read_search(self, reply: Reply, retstart: int, retmax: int) -> SearchResult:
        body = reply.text
        result = self._search_result(body)
        try:
            count = int(result["count"])
            ids = tuple(str(i) for i in result.get("idlist") or [])
        except (KeyError, TypeError, ValueError):
            raise TransientFetchError(f"esearch: reply without a count: {self._excerpt(body, 160)}") from None
        if not all(is_pmid(i) for i in ids):
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
            notices=search_notices(result),
        )

    def _search_result(self, body: str) -> dict[str, Any]:
        """The ``esearchresult`` of an esearch reply, or the exception its error envelope calls for."""
        try:
            data = json.loads(body)
        except ValueError:
            if xml_error(body) is not None:
                raise self._classify("esearch", xml_error(body) or "") from None
            raise TransientFetchError(
                f"esearch: unreadable JSON reply ({len(body)} bytes, truncated?): {self._excerpt(body, 160)}"
            ) from None
        if not isinstance(data, dict):
            raise TransientFetchError("esearch: reply is not a JSON object")
        if key_rejected(data):
            raise self._key_error("esearch")
        if "error" in data:
            raise self._classify("esearch", str(data["error"]))
        result = data.get("esearchresult")
        if not isinstance(result, dict):
            raise TransientFetchError(f"esearch: reply without esearchresult: {self._excerpt(body, 160)}")
        if "ERROR" in result:
            raise self._classify("esearch", str(result["ERROR"]))
        return result

    def _read_records(self, reply: Reply, what: str) -> list[ParsedItem]:
        data = reply.content
        head = data[:2048].lstrip()
        if head.startswith(b"{") or "json" in reply.headers.get("Content-Type", ""):
            if key_rejected(parsed_json(reply.text)):
                raise self._key_error("efetch")
            raise self._classify("efetch", json_error(reply.text) or "unexpected JSON reply")
        if b"<PubmedArticleSet" not in head:
            text = reply.text
            message = xml_error(text)
            if message is not None:
                raise self._classify("efetch", message)
            if "supplied id parameter is empty" in text.lower():
                raise QueryError("efetch: NCBI says the id list is empty")
            raise TransientFetchError(f"efetch: reply is not PubMed XML: {self._excerpt(text, 160)}")
        try:
            return parse_pubmed_bytes(data, name="efetch reply")
        except InputError as exc:
            raise TransientFetchError(f"{what}: {self._excerpt(str(exc))}") from None
