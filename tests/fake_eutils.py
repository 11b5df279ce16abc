"""A small fake of NCBI E-utilities on 127.0.0.1, for end-to-end tests and the fetch benchmark.

It serves PubMed XML for records it generates itself and behaves like PubMed
where litscan depends on it: esearch (JSON) understands ``lo:hi[crdt]``,
``lo:hi[mdat]`` and ``lo:hi[uid]`` limits and lists of single PMIDs
(``1[uid] OR 2[uid]``), pages with retstart/retmax only through the first
9,999 hits (and errors past that, as PubMed does), keeps result sets for
``usehistory=y``; efetch takes ids (GET or POST) or a WebEnv/query_key slice
and silently drops unknown ids. Like NCBI it answers 429 when more than
``rate_limit`` requests arrive within one second.

Faults are queued with ``inject(kind, util=None, times=1)`` and served to the
next matching requests, or pinned with ``inject_at(n, kind)`` to the n-th
request (1-based): ``500`` (HTML error page), ``502`` (empty body), ``429``
(no Retry-After), ``429-retry-after`` (Retry-After: 1), ``rate-json-200``
(rate-limit JSON under HTTP 200), ``truncated`` (HTTP 200, body cut mid-record
or mid-JSON), ``error`` (in-band ERROR under HTTP 200), ``drop`` (connection
closed without a reply), ``bad-key`` (400 invalid-key JSON echoing the key), ``echo-500``,
``echo-400``, ``echo-json``, ``echo-error``, ``echo-text`` (long error replies of each shape
that quote the request URL, ``api_key`` and all, at a different offset each time: a 500 page,
a 400 ``<ERROR>``, a 400 JSON error, an in-band ERROR under 200, plain text under 200),
``trickle`` (the headers at once, then the body one byte every ``trickle_seconds``) and
``trickle-all`` (the status line and headers trickle too).
``forget_history = True`` makes every WebEnv unknown to efetch. The topic term is taken to
match every record except those in ``term_misses``: records PubMed holds that the term does not
find (a search of PMIDs alone still finds them).

Every request is logged with its arrival time (``time.monotonic()``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit
from xml.sax.saxutils import escape

CEILING = 9999
DOCTYPE = (
    '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2026//EN" '
    '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_260101.dtd">'
)
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_CONDITIONS = [
    "complex regional pain syndrome",
    "neuropathic pain",
    "fibromyalgia",
    "cancer pain",
    "phantom limb pain",
    "chronic low back pain",
]
_DATE_LIMIT = re.compile(r"(\d{4}/\d{2}/\d{2}):(\d{4}/\d{2}/\d{2})\[(crdt|mdat)\]")
_UID_LIMIT = re.compile(r"(\d+):(\d+)\[uid\]")
_UID = re.compile(r"(?<![\d:])(\d+)\[uid\]")
_NOT_TERM = re.compile(r"\d+(?::\d+)?\[uid\]|[\d/]+:[\d/]+\[(?:crdt|mdat)\]|\bAND\b|\bOR\b|[()\s]")


@dataclass(frozen=True)
class FakeRecord:
    pmid: int
    created: dt.date
    modified: dt.date
    retracted: bool = False

    def xml(self) -> str:
        condition = _CONDITIONS[self.pmid % len(_CONDITIONS)]
        title = f"Ketamine infusion for {condition}: an invented cohort number {self.pmid}"
        types = '<PublicationType UI="D016428">Journal Article</PublicationType>'
        comments = ""
        if self.retracted:
            types += '<PublicationType UI="D016441">Retracted Publication</PublicationType>'
            comments = (
                '<CommentsCorrectionsList><CommentsCorrections RefType="RetractionIn">'
                "<RefSource>J Invent Pain. 2026</RefSource></CommentsCorrections>"
                "</CommentsCorrectionsList>"
            )
        c, m = self.created, self.modified
        return (
            f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM">'
            f'<PMID Version="1">{self.pmid}</PMID>'
            f"<DateRevised><Year>{m.year}</Year><Month>{m.month:02d}</Month><Day>{m.day:02d}</Day></DateRevised>"
            f'<Article PubModel="Print"><Journal><ISSN IssnType="Print">0000-0000</ISSN>'
            f'<JournalIssue CitedMedium="Print"><Volume>{c.year - 1990}</Volume><Issue>{c.month}</Issue>'
            f"<PubDate><Year>{c.year}</Year><Month>{_MONTHS[c.month - 1]}</Month></PubDate></JournalIssue>"
            f"<Title>Journal of Invented Pain Studies</Title><ISOAbbreviation>J Invent Pain</ISOAbbreviation>"
            f"</Journal><ArticleTitle>{escape(title)}</ArticleTitle>"
            f"<Pagination><MedlinePgn>{self.pmid % 90 + 1}-{self.pmid % 90 + 9}</MedlinePgn></Pagination>"
            f'<Abstract><AbstractText Label="METHODS" NlmCategory="METHODS">Adults with {condition} '
            f'received intravenous ketamine.</AbstractText><AbstractText Label="RESULTS" '
            f'NlmCategory="RESULTS">Pain scores fell by an invented amount.</AbstractText></Abstract>'
            f'<AuthorList CompleteYN="Y"><Author ValidYN="Y"><LastName>Tester</LastName>'
            f"<ForeName>Ann</ForeName><Initials>A</Initials></Author></AuthorList>"
            f"<Language>eng</Language><PublicationTypeList>{types}</PublicationTypeList></Article>"
            f"<MedlineJournalInfo><Country>United States</Country><MedlineTA>J Invent Pain</MedlineTA>"
            f"<NlmUniqueID>0000001</NlmUniqueID></MedlineJournalInfo>{comments}</MedlineCitation>"
            f'<PubmedData><History><PubMedPubDate PubStatus="entrez"><Year>{c.year}</Year>'
            f"<Month>{c.month}</Month><Day>{c.day}</Day></PubMedPubDate></History>"
            f"<PublicationStatus>ppublish</PublicationStatus><ArticleIdList>"
            f'<ArticleId IdType="pubmed">{self.pmid}</ArticleId></ArticleIdList></PubmedData></PubmedArticle>'
        )


def make_records(
    n: int, *, first_pmid: int = 30_000_000, first_day: dt.date = dt.date(2023, 1, 1), last_day: dt.date | None = None
) -> list[FakeRecord]:
    """``n`` records with consecutive PMIDs and creation dates spread evenly over the days given."""
    last_day = last_day or first_day
    span = (last_day - first_day).days + 1
    records = []
    for i in range(n):
        day = first_day + dt.timedelta(days=(i * span) // max(n, 1))
        records.append(FakeRecord(first_pmid + i, day, day))
    return records


@dataclass
class Logged:
    at: float
    method: str
    util: str
    params: dict[str, str]
    answer: str = "ok"


@dataclass
class FakeEutils:
    """Start with ``with FakeEutils(records) as fake:``; the base URL is ``fake.url``."""

    records: Any = ()
    rate_limit: int | None = 3
    valid_keys: tuple[str, ...] = ()
    forget_history: bool = False
    term_misses: frozenset[int] = frozenset()
    # Said of every term in esearch replies, as PubMed's JSON lists: {"errorlist": {"phrasesnotfound": [...]}}.
    term_notices: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    trickle_seconds: float = 5.0
    requests: list[Logged] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.store: dict[int, FakeRecord] = {r.pmid: r for r in self.records}
        self.faults: deque[tuple[str, str | None]] = deque()
        self.pinned: dict[int, str] = {}
        self.history: dict[str, list[int]] = {}
        self.lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    # -- control ------------------------------------------------------------------

    def add(self, records: list[FakeRecord]) -> None:
        with self.lock:
            self.store.update({r.pmid: r for r in records})

    def retract(self, pmids: list[int], on: dt.date) -> None:
        with self.lock:
            for pmid in pmids:
                self.store[pmid] = replace(self.store[pmid], modified=on, retracted=True)

    def inject(self, kind: str, util: str | None = None, times: int = 1) -> None:
        with self.lock:
            self.faults.extend([(kind, util)] * times)

    def inject_at(self, n: int, kind: str) -> None:
        with self.lock:
            self.pinned[n] = kind

    def max_in_window(self, seconds: float = 1.0) -> int:
        """The most requests that arrived within any window of ``seconds``."""
        stamps = sorted(r.at for r in self.requests)
        best, lo = 0, 0
        for hi, t in enumerate(stamps):
            while t - stamps[lo] > seconds:
                lo += 1
            best = max(best, hi - lo + 1)
        return best

    def count(self, util: str | None = None, answer: str | None = None) -> int:
        return sum(
            1 for r in self.requests if (util is None or r.util == util) and (answer is None or r.answer == answer)
        )

    def __enter__(self) -> FakeEutils:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        fake = self

        class Handler(_Handler):
            server_fake = fake

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}/"

    # -- answers ------------------------------------------------------------------

    def matching(self, term: str) -> list[int]:
        """PMIDs matching the date and uid limits in ``term``, newest PMID first; the topic term itself
        is taken to match every record not in ``term_misses``."""
        with self.lock:
            found = list(self.store.values())
        for lo, hi, kind in _DATE_LIMIT.findall(term):
            a, b = (dt.date(*map(int, s.split("/"))) for s in (lo, hi))
            found = [r for r in found if a <= (r.created if kind == "crdt" else r.modified) <= b]
        for lo, hi in _UID_LIMIT.findall(term):
            found = [r for r in found if int(lo) <= r.pmid <= int(hi)]
        listed = {int(p) for p in _UID.findall(term)}
        if listed:
            found = [r for r in found if r.pmid in listed]
        if _NOT_TERM.sub("", term):
            found = [r for r in found if r.pmid not in self.term_misses]
        return sorted((r.pmid for r in found), reverse=True)

    def esearch(self, params: dict[str, str]) -> tuple[int, str, bytes]:
        retstart, retmax = int(params.get("retstart", 0)), int(params.get("retmax", 20))
        if retstart > CEILING - 1:
            message = (
                f"Search Backend failed: Exception:\n'retstart' cannot be larger than {CEILING - 1}. "
                f"For PubMed, ESearch can only retrieve the first 9,999 records matching the query."
            )
            return _json(200, {"header": {"type": "esearch"}, "esearchresult": {"ERROR": message}})
        ids = self.matching(params.get("term", ""))
        page = ids[retstart : min(retstart + min(retmax, CEILING), CEILING)]
        result: dict[str, Any] = {
            "count": str(len(ids)),
            "retmax": str(len(page)),
            "retstart": str(retstart),
            "idlist": [str(i) for i in page],
            "translationset": [],
            "querytranslation": params.get("term", ""),
        }
        if params.get("usehistory") == "y":
            with self.lock:
                webenv = f"MCID_{len(self.history) + 1:06d}"
                self.history[webenv] = ids
            result.update(querykey="1", webenv=webenv)
        if not ids:
            result["warninglist"] = {
                "phrasesignored": [],
                "quotedphrasesnotfound": [],
                "outputmessages": ["No items found."],
            }
        for block, lists in self.term_notices.items():
            for key, items in lists.items():
                listed = result.setdefault(block, {}).setdefault(key, [])
                listed.extend(item for item in items if item not in listed)
        return _json(200, {"header": {"type": "esearch", "version": "0.3"}, "esearchresult": result})

    def efetch(self, params: dict[str, str]) -> tuple[int, str, bytes]:
        if "WebEnv" in params:
            with self.lock:
                known = None if self.forget_history else self.history.get(params["WebEnv"])
            if known is None:
                return _xml(200, "<eFetchResult><ERROR>Unable to obtain query #1</ERROR></eFetchResult>")
            retstart, retmax = int(params.get("retstart", 0)), int(params.get("retmax", 20))
            wanted = known[retstart : retstart + retmax]
        else:
            raw = params.get("id", "")
            if not raw.strip():
                return 200, "text/plain", b"Supplied id parameter is empty.\n"
            wanted = [int(p) for p in raw.split(",") if p.strip().isdigit()]
        with self.lock:
            records = [self.store[p] for p in wanted if p in self.store]
        return _xml(200, self.article_set(records))

    @staticmethod
    def article_set(records: list[FakeRecord]) -> str:
        body = "".join(r.xml() for r in records)
        return f'<?xml version="1.0" ?>\n{DOCTYPE}\n<PubmedArticleSet>{body}</PubmedArticleSet>\n'


def _json(status: int, data: Any) -> tuple[int, str, bytes]:
    return status, "application/json; charset=UTF-8", json.dumps(data).encode()


def _xml(status: int, text: str) -> tuple[int, str, bytes]:
    return status, "text/xml; charset=UTF-8", text.encode()


class _Handler(BaseHTTPRequestHandler):
    server_fake: FakeEutils
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:
        self._serve("GET", parse_qs(urlsplit(self.path).query))

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        form = parse_qs(self.rfile.read(length).decode())
        self._serve("POST", {**parse_qs(urlsplit(self.path).query), **form})

    def _serve(self, method: str, raw: dict[str, list[str]]) -> None:
        fake = self.server_fake
        params = {k: v[-1] for k, v in raw.items()}
        util = urlsplit(self.path).path.rstrip("/").rsplit("/", 1)[-1].removesuffix(".fcgi")
        entry = Logged(time.monotonic(), method, util, params)
        with fake.lock:
            fake.requests.append(entry)
            recent = [r for r in fake.requests if entry.at - r.at <= 1.0]
            fault = fake.pinned.pop(len(fake.requests), None)
            for i, (kind, target) in enumerate(fake.faults if fault is None else ()):
                if target in (None, util):
                    fault = kind
                    del fake.faults[i]
                    break
        if fake.rate_limit is not None and len(recent) > fake.rate_limit:
            entry.answer = "over-rate"
            self._send(
                *_json(
                    429, {"error": "API rate limit exceeded", "count": str(len(recent)), "limit": str(fake.rate_limit)}
                )
            )
            return
        key = params.get("api_key")
        if (key and key not in fake.valid_keys) or fault == "bad-key":
            entry.answer = "bad-key"
            self._send(
                *_json(400, {"error": "API key invalid", "api-key": key, "type": "invalid", "status": "unknown"})
            )
            return
        if fault:
            entry.answer = fault
            if self._fault(fault, util, params):
                return
        if util == "esearch":
            self._send(*fake.esearch(params))
        elif util == "efetch":
            self._send(*fake.efetch(params))
        else:
            self._send(*_xml(400, f"<ERROR>unknown utility {util}</ERROR>"))

    def _fault(self, kind: str, util: str, params: dict[str, str]) -> bool:
        """Serve a fault; False means the fault does not apply and the normal answer follows."""
        if kind == "500":
            page = (
                "<html><head><title>NCBI/eutils202 - WWW Error 500 Diagnostic</title></head>"
                "<body><h1>Server Error</h1></body></html>"
            )
            self._send(500, "text/html", page.encode())
        elif kind == "502":
            self._send(502, "text/html", b"")
        elif kind in ("429", "429-retry-after"):
            headers = {"Retry-After": "1"} if kind == "429-retry-after" else {}
            self._send(*_json(429, {"error": "API rate limit exceeded", "count": "4", "limit": "3"}), headers=headers)
        elif kind == "rate-json-200":
            self._send(*_json(200, {"error": "API rate limit exceeded", "count": "11"}))
        elif kind == "error":
            if util == "esearch":
                self._send(
                    *_json(
                        200, {"esearchresult": {"ERROR": "Search Backend failed: Database is not supported: pubmed"}}
                    )
                )
            else:
                self._send(
                    *_xml(
                        200,
                        "<eFetchResult><ERROR>Search Backend failed: Unable to open "
                        "connection to #PMQuerySrv?dbaf=pubmed</ERROR></eFetchResult>",
                    )
                )
        elif kind == "truncated":
            status, ctype, body = (
                self.server_fake.esearch(params) if util == "esearch" else self.server_fake.efetch(params)
            )
            cut = body[: max(len(body) * 2 // 3, 1)]
            if util == "efetch":
                cut += b"\nError reading from remote server"
            self._send(status, ctype, cut)
        elif kind == "drop":
            self.close_connection = True
            self.connection.close()
        elif kind.startswith("echo-"):
            self._send(*self._echo(kind.removeprefix("echo-"), util, params))
        elif kind.startswith("trickle"):
            fake = self.server_fake
            self._trickle(*(fake.esearch(params) if util == "esearch" else fake.efetch(params)), kind == "trickle-all")
        else:
            raise ValueError(f"unknown fault {kind!r}")
        return True

    def _echo(self, style: str, util: str, params: dict[str, str]) -> tuple[int, str, bytes]:
        """An error reply quoting the request (key included) after a filler whose length varies."""
        fake = self.server_fake
        filler = "t" * (len(fake.requests) * 37 % 331)  # puts the key on either side of any cut
        url = f"http://{self.headers.get('Host')}{urlsplit(self.path).path}?{urlencode(params)}"
        message = f"Internal failure {filler} (api_key={params.get('api_key')}) while serving {url}"
        if style == "500":
            return 500, "text/html", f"<html><body><h1>Server Error</h1><p>{message}</p></body></html>".encode()
        if style == "400":
            return _xml(400, f"<eFetchResult><ERROR>{escape(message)}</ERROR></eFetchResult>")
        if style == "json":
            return _json(400, {"error": message, "api-key": params.get("api_key"), "type": "backend"})
        if style == "error" and util == "esearch":
            return _json(200, {"esearchresult": {"ERROR": message}})
        if style == "error":
            return _xml(200, f"<eFetchResult><ERROR>{escape(message)}</ERROR></eFetchResult>")
        if style == "text":
            return 200, "text/plain", message.encode()
        raise ValueError(f"unknown echo style {style!r}")

    def _trickle(self, status: int, ctype: str, body: bytes, headers_too: bool) -> None:
        """Send the reply one byte every ``trickle_seconds`` until it is done or the client hangs up."""
        head = f"HTTP/1.1 {status} OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
        self.close_connection = True
        data = head + body
        try:
            if not headers_too:
                self.wfile.write(head)
                self.wfile.flush()
                data = body
            for i in range(len(data)):
                self.wfile.write(data[i : i + 1])
                self.wfile.flush()
                time.sleep(self.server_fake.trickle_seconds)
        except OSError:
            pass  # the client gave up, as it should

    def _send(self, status: int, ctype: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)
