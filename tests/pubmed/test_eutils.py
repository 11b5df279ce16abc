"""The E-utilities client against ``responses`` mocks: one test per way NCBI fails (F01–F26).

Each mock notes the reference fault case it stands for. A fake clock stands in
for time, so backoff and pacing are asserted without sleeping.
"""

from __future__ import annotations

import json
import logging
import random
from urllib.parse import parse_qs

import pytest
import requests
import responses
from responses import matchers
from responses.registries import OrderedRegistry

from litscan.config import eutils_settings
from litscan.errors import (
    ApiKeyError,
    FetchError,
    HistoryExpiredError,
    QueryError,
    RateLimitedError,
    SearchWindowTooLargeError,
    TransientFetchError,
)
from litscan.pubmed.eutils import EutilsClient
from litscan.pubmed.redaction import redact
from tests.clock import FakeClock

B = "https://eutils.test/entrez/eutils/"
ESEARCH = B + "esearch.fcgi"
EFETCH = B + "efetch.fcgi"
KEY = "SECRETKEY0123456789abcdef"
DOCTYPE26 = (
    '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2026//EN" '
    '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_260101.dtd">'
)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def client_for(clock: FakeClock, **kwargs) -> EutilsClient:
    return EutilsClient(B, email="dev@example.org", clock=clock, sleep=clock.sleep, rng=random.Random(1), **kwargs)


def search_body(ids: list[str], count: int | None = None, **extra) -> dict:
    result = {
        "count": str(len(ids) if count is None else count),
        "retmax": str(len(ids)),
        "retstart": "0",
        "idlist": ids,
        "translationset": [],
        **extra,
    }
    return {"header": {"type": "esearch", "version": "0.3"}, "esearchresult": result}


def article(pmid: str, title: str = "Ketamine for invented pain") -> str:
    return (
        f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">{pmid}</PMID>'
        f'<Article PubModel="Print"><Journal><JournalIssue CitedMedium="Print"><PubDate><Year>2024</Year>'
        f"</PubDate></JournalIssue><Title>Journal of Tests</Title></Journal><ArticleTitle>{title}"
        f'</ArticleTitle><Language>eng</Language><PublicationTypeList><PublicationType UI="D016428">'
        f"Journal Article</PublicationType></PublicationTypeList></Article></MedlineCitation>"
        f"<PubmedData><PublicationStatus>ppublish</PublicationStatus></PubmedData></PubmedArticle>"
    )


def article_set(*pmids: str) -> str:
    body = "".join(map(article, pmids))
    return f'<?xml version="1.0" ?>\n{DOCTYPE26}\n<PubmedArticleSet>{body}</PubmedArticleSet>'


def sent_params(call) -> dict[str, str]:
    """The parameters of a recorded call, from its query string or its form body."""
    if call.request.method == "POST":
        body = call.request.body
        body = body.decode() if isinstance(body, bytes) else body
        return {k: v[-1] for k, v in parse_qs(body).items()}
    return {k: v[-1] for k, v in parse_qs(call.request.url.split("?", 1)[1]).items()}


# --- rate limiting and identification ------------------------------------------------------


@responses.activate(registry=OrderedRegistry)
def test_f01_429_with_retry_after_waits_that_long(clock):
    responses.get(
        ESEARCH,
        status=429,
        json={"error": "API rate limit exceeded", "api-key": "203.0.113.7", "count": "4", "limit": "3"},
        headers={"Retry-After": "2", "X-RateLimit-Limit": "3", "X-RateLimit-Remaining": "0"},
    )
    responses.get(ESEARCH, json=search_body(["11"]))
    client = client_for(clock)
    result = client.esearch("ketamine")
    assert result.ids == ("11",)
    assert 2.0 in clock.sleeps
    assert client.stats.throttled == 1 and client.stats.requests == 2


@responses.activate(registry=OrderedRegistry)
def test_f02_429_without_retry_after_backs_off_exponentially(clock):
    for _ in range(3):
        responses.get(ESEARCH, status=429, json={"error": "API rate limit exceeded", "count": "11"})
    responses.get(ESEARCH, json=search_body(["11"]))
    client = client_for(clock)
    assert client.esearch("ketamine").count == 1
    backoffs = [s for s in clock.sleeps if s >= 0.5]  # leave out the limiter's own spacing
    assert len(backoffs) == 3
    assert backoffs[0] < backoffs[1] < backoffs[2]


@responses.activate
def test_f03_persistent_429_raises_rate_limited_within_budget(clock):
    responses.get(ESEARCH, status=429, json={"error": "API rate limit exceeded", "count": "11"})
    client = client_for(clock, max_retry_seconds=100.0)
    with pytest.raises(RateLimitedError, match="gave up after"):
        client.esearch("ketamine")
    assert clock.now - 1000.0 <= 100.0
    assert len(responses.calls) > 2


@responses.activate(registry=OrderedRegistry)
def test_f04_rate_limit_json_under_http_200_is_retried_not_parsed(clock):
    responses.post(EFETCH, json={"error": "API rate limit exceeded", "count": "11"})
    responses.post(EFETCH, body=article_set("1"), content_type="text/xml")
    client = client_for(clock)
    batch = client.efetch(["1"] * 1 + [str(n) for n in range(2, 251)])
    assert batch.pmids == {"1"}
    assert client.stats.throttled == 1


@responses.activate
def test_f05_invalid_key_is_not_retried_and_never_shown(clock, caplog):
    responses.get(
        ESEARCH, status=400, json={"error": "API key invalid", "api-key": KEY, "type": "invalid", "status": "unknown"}
    )
    client = client_for(clock, api_key=KEY)
    with caplog.at_level(logging.DEBUG), pytest.raises(ApiKeyError) as info:
        client.esearch("ketamine")
    assert len(responses.calls) == 1
    assert KEY not in str(info.value)
    assert KEY not in caplog.text


@responses.activate
def test_one_limiter_paces_esearch_and_efetch_together(clock):
    seen: list[float] = []

    def record(request):
        seen.append(clock())
        if "esearch" in request.url:
            return 200, {}, json.dumps(search_body(["1"]))
        return 200, {"Content-Type": "text/xml"}, article_set("1")

    responses.add_callback(responses.GET, ESEARCH, callback=record)
    responses.add_callback(responses.GET, EFETCH, callback=record)
    client = client_for(clock)
    for _ in range(6):
        client.esearch("ketamine")
        client.efetch(["1"])
    assert all(seen[i + 3] - seen[i] > 1.0 for i in range(len(seen) - 3))


@responses.activate
def test_tool_email_and_key_go_with_every_request(clock):
    responses.get(ESEARCH, json=search_body(["1"]))
    responses.post(EFETCH, body=article_set("1"), content_type="text/xml")
    client = client_for(clock, api_key=KEY)
    client.esearch("ketamine")
    client.efetch([str(n) for n in range(1, 300)])
    for call in responses.calls:
        params = sent_params(call)
        assert params["tool"] == "litscan"
        assert params["email"] == "dev@example.org"
        assert params["api_key"] == KEY
        assert call.request.req_kwargs["timeout"] == (10.0, 60.0)


def test_root_email_is_dropped_as_ncbi_tools_do():
    assert EutilsClient(B, email="root@localhost").email is None


def test_settings_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("LITSCAN_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.setenv("NCBI_EMAIL", "me@example.org")
    monkeypatch.setenv("NCBI_API_KEY", KEY)
    monkeypatch.setenv("LITSCAN_EUTILS_URL", "http://127.0.0.1:9/eutils")
    client = EutilsClient.from_settings(eutils_settings())
    assert (client.email, client.api_key, client.base_url) == ("me@example.org", KEY, "http://127.0.0.1:9/eutils/")
    assert client.limiter.per_second == 10


# --- esearch ---------------------------------------------------------------------------------


@responses.activate
def test_f08a_retstart_past_ceiling_in_json_is_typed_and_not_retried(clock):
    message = (
        "Search Backend failed: Exception:\n'retstart' cannot be larger than 9998. For PubMed, "
        "ESearch can only retrieve the first 9,999 records matching the query."
    )
    responses.get(ESEARCH, json={"header": {"type": "esearch"}, "esearchresult": {"ERROR": message}})
    with pytest.raises(SearchWindowTooLargeError):
        client_for(clock).esearch("ketamine", retstart=9000)
    assert len(responses.calls) == 1


@responses.activate
def test_f08b_retstart_past_ceiling_as_400_xml(clock):
    responses.get(
        ESEARCH,
        status=400,
        content_type="text/xml",
        body="<eSearchResult><ERROR>Search Backend failed: Exception:\n'retstart' cannot be larger "
        "than 9998. For PubMed...</ERROR></eSearchResult>",
    )
    with pytest.raises(SearchWindowTooLargeError):
        client_for(clock).esearch("ketamine", retstart=100)
    assert len(responses.calls) == 1


def test_retstart_past_ceiling_is_refused_before_asking(clock):
    with responses.RequestsMock() as mock, pytest.raises(SearchWindowTooLargeError):
        client_for(clock).esearch("ketamine", retstart=9999)
    assert len(mock.calls) == 0


@responses.activate
def test_f09_boundary_clamp_is_a_short_page_not_an_error(clock):
    body = search_body(["5"], count=20000)
    body["esearchresult"]["warninglist"] = {
        "outputmessages": ["Restrictions achieved. start and count adjusted to 9998, 1"]
    }
    responses.get(ESEARCH, json=body)
    result = client_for(clock).esearch("ketamine", retstart=9998, retmax=500)
    assert result.ids == ("5",) and result.count == 20000
    assert "Restrictions achieved" in result.warnings[0]


@responses.activate(registry=OrderedRegistry)
def test_short_id_page_is_a_broken_reply_and_retried(clock):
    responses.get(ESEARCH, json=search_body(["1", "2"], count=5))  # count promises five
    responses.get(ESEARCH, json=search_body(["1", "2", "3", "4", "5"]))
    assert client_for(clock).esearch("ketamine").count == 5
    assert len(responses.calls) == 2


@responses.activate
def test_f12_phrase_not_found_is_reported(clock):
    body = search_body([], count=0)
    body["esearchresult"]["errorlist"] = {"phrasesnotfound": ["xyzzyqqq"], "fieldsnotfound": []}
    responses.get(ESEARCH, json=body)
    result = client_for(clock).esearch("xyzzyqqq")
    assert result.count == 0 and result.phrases_not_found == ("xyzzyqqq",)


@responses.activate(registry=OrderedRegistry)
@pytest.mark.parametrize(
    "bad",
    [
        {"json": {"esearchresult": {"ERROR": "Search Backend failed: Database is not supported: pubmed"}}},
        {
            "body": "<eSearchResult><ERROR>Search Backend failed: Unable to open connection to "
            "#PMQuerySrv?dbaf=pubmed</ERROR></eSearchResult>",
            "content_type": "text/xml",
        },
        {
            "body": '{"header":{"type":"esearch","version":"0.3"},"esearchresult":{"count":"12',
            "content_type": "application/json",
        },
    ],
)
def test_f13_f14_in_band_errors_and_truncated_json_are_retried(clock, bad):
    responses.get(ESEARCH, **bad)
    responses.get(ESEARCH, json=search_body(["7"]))
    assert client_for(clock).esearch("ketamine").ids == ("7",)
    assert len(responses.calls) == 2


@responses.activate
def test_f13_persistent_in_band_error_fails_typed(clock):
    error = {"esearchresult": {"ERROR": "Search Backend failed: Database is not supported"}}
    responses.get(ESEARCH, json=error)
    with pytest.raises(TransientFetchError, match="Search Backend failed"):
        client_for(clock).esearch("ketamine")


@responses.activate
def test_f15_history_ids_are_sent_back_with_exact_case(clock):
    body = search_body(["1", "2"], querykey="1", webenv="MCID_abc")
    responses.get(ESEARCH, json=body, match=[matchers.query_param_matcher({"usehistory": "y"}, strict_match=False)])
    responses.get(
        EFETCH,
        body=article_set("1", "2"),
        content_type="text/xml",
        match=[
            matchers.query_param_matcher({"WebEnv": "MCID_abc", "query_key": "1", "retstart": "0"}, strict_match=False)
        ],
    )
    client = client_for(clock)
    found = client.esearch("ketamine", usehistory=True)
    assert (found.webenv, found.query_key) == ("MCID_abc", "1")
    assert client.efetch_history(found.webenv, found.query_key, retstart=0).pmids == {"1", "2"}


@responses.activate
def test_long_terms_are_posted(clock):
    responses.post(ESEARCH, json=search_body(["1"]))
    client_for(clock).esearch("ketamine[tiab] OR " * 40 + "esketamine[tiab]")
    assert responses.calls[0].request.method == "POST"


# --- efetch ----------------------------------------------------------------------------------


@responses.activate
def test_f16_large_batches_are_posted(clock):
    ids = [str(n) for n in range(1000, 1250)]
    responses.get(EFETCH, status=414)
    responses.post(
        EFETCH,
        body=article_set(*ids),
        content_type="text/xml",
        match=[
            matchers.urlencoded_params_matcher(
                {"db": "pubmed", "id": ",".join(ids), "retmode": "xml", "tool": "litscan", "email": "dev@example.org"}
            )
        ],
    )
    batch = client_for(clock).efetch(ids)
    assert len(batch.items) == 250 and not batch.missing
    assert [c.request.method for c in responses.calls] == ["POST"]


@responses.activate
def test_f17_unknown_ids_are_reported_missing(clock):
    responses.get(EFETCH, body=article_set("1", "3"), content_type="text/xml")
    batch = client_for(clock).efetch(["1", "2", "3"])
    assert batch.pmids == {"1", "3"} and batch.missing == ("2",)


@responses.activate
def test_f17_empty_set_for_one_unknown_id(clock):
    responses.get(
        EFETCH,
        body=f'<?xml version="1.0" ?>\n{DOCTYPE26}\n<PubmedArticleSet></PubmedArticleSet>',
        content_type="text/xml",
    )
    batch = client_for(clock).efetch(["32816848"])
    assert batch.items == () and batch.missing == ("32816848",)


@responses.activate
def test_f18_all_invalid_ids_is_a_query_error_not_retried(clock):
    responses.get(
        EFETCH,
        status=400,
        content_type="text/xml",
        body="<eFetchResult><ERROR>ID list is empty! Possibly it has no correct IDs.</ERROR></eFetchResult>",
    )
    with pytest.raises(QueryError):
        client_for(clock).efetch(["12345"])
    assert len(responses.calls) == 1


def test_f18_malformed_pmids_are_refused_before_sending(clock):
    with responses.RequestsMock() as mock, pytest.raises(QueryError, match="not a PMID"):
        client_for(clock).efetch(["123", "00000000"])
    assert len(mock.calls) == 0


def test_f19_empty_id_list_makes_no_request(clock):
    with responses.RequestsMock() as mock:
        assert client_for(clock).efetch([]).items == ()
    assert len(mock.calls) == 0


@responses.activate
def test_f19_empty_id_text_reply_raises(clock):
    responses.get(EFETCH, body="Supplied id parameter is empty.", content_type="text/plain")
    with pytest.raises(QueryError):
        client_for(clock).efetch(["1"])


@responses.activate
@pytest.mark.parametrize("status", [200, 400])
def test_f20_f21_lost_history_is_not_retried_blindly(clock, status):
    responses.get(
        EFETCH,
        status=status,
        content_type="text/xml",
        body="<eFetchResult><ERROR>Cannot retrieve history data: OUT OF RANGE. Parameter "
        "retstart=1 + 1 is greater than number of records available in history.</ERROR>"
        "</eFetchResult>",
    )
    with pytest.raises(HistoryExpiredError):
        client_for(clock).efetch_history("MCID_gone", "1", retstart=1, retmax=1)
    assert len(responses.calls) == 1


@responses.activate(registry=OrderedRegistry)
def test_f22_truncated_proxy_envelope_is_transient(clock):
    responses.get(
        EFETCH,
        status=400,
        content_type="text/xml",
        body="<eFetchResult><ERROR>proxy_stream(): Failed to connect to PubOne service 502",
    )
    responses.get(EFETCH, body=article_set("1"), content_type="text/xml")
    assert client_for(clock).efetch(["1"]).pmids == {"1"}


@responses.activate(registry=OrderedRegistry)
def test_f23_html_500_and_empty_502_503_are_retried(clock):
    responses.get(
        EFETCH,
        status=500,
        content_type="text/html",
        body="<html><head><title>NCBI/eutils202 - WWW Error 500 Diagnostic</title></head>"
        "<body><h1>Server Error</h1></body></html>",
    )
    responses.get(EFETCH, status=502, body="")
    responses.get(EFETCH, status=503, body="")
    responses.get(EFETCH, body=article_set("1"), content_type="text/xml")
    client = client_for(clock)
    assert client.efetch(["1"]).pmids == {"1"}
    assert client.stats.retries == 3


@responses.activate(registry=OrderedRegistry)
def test_f24_truncated_xml_retries_the_whole_batch(clock):
    whole = article_set("1", "2")
    responses.get(
        EFETCH, body=whole[: len(whole) - 300] + "\nError reading from remote server", content_type="text/xml"
    )
    responses.get(EFETCH, body=whole, content_type="text/xml")
    batch = client_for(clock).efetch(["1", "2"])
    assert batch.pmids == {"1", "2"}
    assert len(responses.calls) == 2


@responses.activate(registry=OrderedRegistry)
def test_f25_timeouts_and_dropped_connections_are_retried(clock):
    responses.get(ESEARCH, body=requests.exceptions.ReadTimeout("read timed out"))
    responses.get(ESEARCH, body=requests.exceptions.ConnectionError("connection reset by peer"))
    responses.get(ESEARCH, body=requests.exceptions.ChunkedEncodingError("connection broken"))
    responses.get(ESEARCH, json=search_body(["3"]))
    assert client_for(clock).esearch("ketamine").ids == ("3",)


@responses.activate
def test_service_down_gives_up_within_the_budget_with_a_clear_message(clock):
    responses.get(ESEARCH, body=requests.exceptions.ConnectionError("Connection refused"))
    client = client_for(clock)
    with pytest.raises(TransientFetchError, match=r"esearch.fcgi: gave up after \d+ attempts"):
        client.esearch("ketamine")
    assert clock.now - 1000.0 < 120


@responses.activate
def test_f04_html_page_under_200_is_not_records(clock):
    responses.get(EFETCH, status=200, body="<html><body>Service unavailable</body></html>", content_type="text/html")
    with pytest.raises(TransientFetchError, match="not PubMed XML"):
        client_for(clock, max_attempts=2).efetch(["1"])


@responses.activate
def test_other_client_errors_are_not_retried(clock):
    responses.get(ESEARCH, status=403, body="Forbidden")
    with pytest.raises(FetchError, match="HTTP 403"):
        client_for(clock).esearch("ketamine")
    assert len(responses.calls) == 1


# --- redaction -------------------------------------------------------------------------------


@responses.activate
def test_key_is_redacted_from_transport_errors_and_logs(clock, caplog):
    url_with_key = f"{ESEARCH}?db=pubmed&api_key={KEY}"
    failure = requests.exceptions.ConnectionError(f"Max retries exceeded with url: {url_with_key}")
    responses.get(ESEARCH, body=failure)
    client = client_for(clock, api_key=KEY, max_attempts=2)
    with caplog.at_level(logging.DEBUG), pytest.raises(TransientFetchError) as info:
        client.esearch("ketamine")
    assert "[redacted]" in str(info.value)
    assert KEY not in str(info.value) and KEY not in caplog.text


def test_urllib3_debug_lines_are_scrubbed(caplog):
    EutilsClient(B, api_key=KEY)
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("urllib3.connectionpool").debug('"GET /esearch.fcgi?api_key=%s HTTP/1.1" 200', KEY)
    assert "[redacted]" in caplog.text and KEY not in caplog.text


def test_redact_covers_encoded_forms():
    secret = "a+b/c=d"
    assert redact("x=a%2Bb%2Fc%3Dd y=a+b/c=d", secret) == "x=[redacted] y=[redacted]"
    assert redact("nothing", None) == "nothing"


# --- the key never leaks, even in part (issue 15, point 7) -------------------------------------

HIDDEN = "Zq7XvK2pWm9RtB4nJc8LsY6h"  # every 4 characters of it hold a capital: no innocent text matches


def key_pieces(text: str, key: str = HIDDEN, size: int = 4) -> set[str]:
    """Every piece of ``key`` at least ``size`` characters long that ``text`` contains."""
    return {key[i : i + size] for i in range(len(key) - size + 1) if key[i : i + size] in text}


def quoting_replies(offset: int) -> dict[str, dict]:
    """Error replies of every shape, each quoting the request URL with the key after ``offset`` characters."""
    url = f"{ESEARCH}?db=pubmed&term=ketamine&tool=litscan&api_key={HIDDEN}&retmode=json"
    said = "x" * offset + f" failed while serving {url} " + "y" * 400
    return {
        "500 page": {"status": 500, "body": f"<html><body><p>{said}</p></body></html>", "content_type": "text/html"},
        "503 text": {"status": 503, "body": said, "content_type": "text/plain"},
        "400 ERROR": {"status": 400, "body": f"<eSearchResult><ERROR>{said}</ERROR></eSearchResult>"},
        "400 JSON": {"status": 400, "json": {"error": said, "api-key": HIDDEN}},
        "403 text": {"status": 403, "body": said},
        "in-band JSON": {"json": {"esearchresult": {"ERROR": said}}},
        "in-band XML": {"body": f"<eSearchResult><ERROR>{said}</ERROR></eSearchResult>", "content_type": "text/xml"},
        "truncated JSON": {"body": '{"esearchresult":{"count":"12", "note": "' + said, "content_type": "text/plain"},
        "rate-limit JSON": {"status": 429, "json": {"error": "API rate limit exceeded", "api-key": HIDDEN}},
        "dropped": {"body": requests.exceptions.ConnectionError(f"Max retries exceeded with url: {said}")},
        "broken": {"body": requests.exceptions.ChunkedEncodingError(f"Connection broken at {said}")},
        "other": {"body": requests.exceptions.InvalidHeader(said)},
    }


def test_no_piece_of_the_key_reaches_an_error_or_a_log_whatever_the_reply_and_offset(clock, caplog):
    shown: list[str] = []
    kinds: dict[str, set[str]] = {}
    with caplog.at_level(logging.DEBUG):
        for offset in range(0, 330, 7):  # across the cuts: 160 for bodies, 300 for messages
            for kind, reply in quoting_replies(offset).items():
                with responses.RequestsMock() as mock:
                    mock.get(ESEARCH, **reply)
                    client = client_for(clock, api_key=HIDDEN, max_attempts=2)
                    with pytest.raises(FetchError) as info:
                        client.esearch("ketamine")
                shown.append(str(info.value))
                kinds.setdefault(kind, set()).add(type(info.value).__name__)
    assert set(kinds) == set(quoting_replies(0)) and all("ApiKeyError" not in names for names in kinds.values())
    assert len(shown) == 48 * 12
    assert key_pieces("\n".join(shown)) == set()
    assert key_pieces(caplog.text) == set()
    assert "[redacted]" in "\n".join(shown)  # the messages did quote the request; the key was taken out


@responses.activate
def test_a_reply_cut_off_inside_the_key_leaves_no_piece_of_it(clock):
    for cut in range(1, len(HIDDEN)):
        responses.upsert(responses.GET, ESEARCH, status=500, body=f"proxy error for ...&api_key={HIDDEN[:cut]}")
        with pytest.raises(TransientFetchError) as info:
            client_for(clock, api_key=HIDDEN, max_attempts=1).esearch("ketamine")
        assert key_pieces(str(info.value)) == set(), cut
        responses.upsert(responses.GET, ESEARCH, status=502, body=f"{HIDDEN[-cut:]} was the last thing seen")
        with pytest.raises(TransientFetchError) as info:
            client_for(clock, api_key=HIDDEN, max_attempts=1).esearch("ketamine")
        assert key_pieces(str(info.value)) == set(), cut


@responses.activate
@pytest.mark.parametrize(
    "reply",
    [
        {"status": 400, "body": f"<eFetchResult><ERROR>Bad request {EFETCH}?db=pubmed&api_key={HIDDEN}</ERROR>"},
        {"status": 400, "json": {"error": f"backend failed for {ESEARCH}?api_key={HIDDEN}&term=x"}},
        {"json": {"esearchresult": {"ERROR": f"Invalid API key usage in {ESEARCH}?api_key={HIDDEN}"}}},
        {"status": 400, "json": {"error": "API key missing", "api-key": HIDDEN}},
    ],
)
def test_an_error_quoting_the_request_url_is_not_a_rejected_key(clock, reply):
    responses.get(ESEARCH, **reply)
    with pytest.raises(FetchError) as info:
        client_for(clock, api_key=HIDDEN, max_attempts=1).esearch("ketamine")
    assert not isinstance(info.value, ApiKeyError)
    assert "rejected the API key" not in str(info.value) and key_pieces(str(info.value)) == set()


@responses.activate
@pytest.mark.parametrize("status", [400, 200])
def test_ncbis_invalid_key_reply_is_a_rejected_key(clock, status):
    body = {"error": "API key invalid", "api-key": HIDDEN, "type": "invalid", "status": "unknown"}
    responses.get(ESEARCH, status=status, json=body)
    responses.get(EFETCH, status=status, json=body)
    client = client_for(clock, api_key=HIDDEN)
    with pytest.raises(ApiKeyError, match="rejected the API key"):
        client.esearch("ketamine")
    with pytest.raises(ApiKeyError, match="rejected the API key"):
        client.efetch(["1"])
    assert len(responses.calls) == 2  # not retried
