"""The API key stays out of log output by structure: whatever logger writes it, in whatever form."""

from __future__ import annotations

import io
import logging

import pytest

from litscan.pubmed.redaction import RedactingFilter, excerpt, hide, install, redact, scrub

KEY = "REDACTIONtestKEY0123456789"


@pytest.fixture
def stream_handler():
    """A handler with the filter, as the CLI installs it, on a logger no redaction code has heard of."""
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(logging.Formatter("%(name)s %(message)s"))
    install(handler)
    logger = logging.getLogger("litscan.written_after_the_redaction.some_module")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    yield logger, out
    logger.removeHandler(handler)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GET /esearch.fcgi?db=pubmed&api_key=abc123&term=x", "GET /esearch.fcgi?db=pubmed&api_key=[redacted]&term=x"),
        ("db=pubmed&API_KEY=a%2Bb&id=1", "db=pubmed&API_KEY=[redacted]&id=1"),
        ('{"error": "API key invalid", "api-key": "abc123"}', '{"error": "API key invalid", "api-key": "[redacted]"}'),
        ("NCBI_API_KEY=abc123 litscan run", "NCBI_API_KEY=[redacted] litscan run"),
        ("api_key=[redacted]&id=1", "api_key=[redacted]&id=1"),
        ("NCBI rejected the API key (check NCBI_API_KEY): API key invalid", None),
    ],
)
def test_key_values_are_found_by_their_parameter_name(text, expected):
    assert scrub(text) == (text if expected is None else expected)


def test_a_new_modules_url_with_the_key_is_scrubbed_on_the_handler(stream_handler):
    logger, out = stream_handler
    logger.debug("fetching %s", f"https://eutils.test/efetch.fcgi?db=pubmed&api_key={KEY}&id=1")
    assert "api_key=[redacted]&id=1" in out.getvalue() and KEY not in out.getvalue()


def test_a_hidden_key_is_scrubbed_in_any_form_and_in_tracebacks(stream_handler):
    logger, out = stream_handler
    hide(KEY)
    logger.warning("NCBI echoed %s", {"key": KEY})
    try:
        raise RuntimeError(f"connection to https://eutils.test/?x={KEY} failed")
    except RuntimeError:
        logger.exception("request failed")
    text = out.getvalue()
    assert "NCBI echoed {'key': '[redacted]'}" in text
    assert "RuntimeError: connection to https://eutils.test/?x=[redacted] failed" in text
    assert KEY not in text


def test_hide_filters_the_http_stacks_loggers(caplog):
    hide(KEY)
    http_loggers = [
        logging.getLogger(name)
        for name in logging.Logger.manager.loggerDict
        if name.startswith(("urllib3", "requests"))
    ]
    assert len(http_loggers) > 3
    assert all(any(isinstance(f, RedactingFilter) for f in logger.filters) for logger in http_loggers)
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("urllib3.util.retry").debug("Incremented Retry for (url='/efetch.fcgi?x=%s')", KEY)
        logging.getLogger("urllib3.poolmanager").info("Redirecting %s -> %s", f"/a?k={KEY}", "/b")
    assert caplog.text.count("[redacted]") == 2 and KEY not in caplog.text


def test_a_malformed_logging_call_is_left_to_logging():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "%s %s", ("one",), None)
    assert RedactingFilter().filter(record) is True


def pieces_of(secret: str, text: str, size: int = 4) -> set[str]:
    return {secret[i : i + size] for i in range(len(secret) - size + 1) if secret[i : i + size] in text}


@pytest.mark.parametrize("limit", [40, 160, 300])
def test_excerpt_redacts_before_it_shortens_whatever_the_offset(limit):
    secret = "Wq8RtY3uIo5PaS7dFg"
    for offset in range(limit + 5):
        for quoted in (f"?db=pubmed&api_key={secret}&id=1", f"key {secret} echoed", f'"api-key": "{secret}"'):
            text = "e" * offset + quoted + " and then some more text" * 20
            shown = excerpt(text, secret, limit)
            assert len(shown) <= limit and pieces_of(secret, shown) == set(), (offset, quoted, shown)


def test_a_text_cut_inside_the_key_loses_the_piece_at_either_end():
    secret = "Wq8RtY3uIo5PaS7dFg"
    for cut in range(4, len(secret)):
        assert redact(f"proxy said: {secret[:cut]}", secret) == "proxy said: [redacted]"
        assert redact(f"{secret[-cut:]} was cut", secret) == "[redacted] was cut"
    assert redact("ends in Wq8", secret) == "ends in Wq8"  # three characters say nothing


def test_every_spelling_of_the_key_in_any_case_is_redacted():
    secret = "a+b/c=d&e"
    text = "plain a+b/c=d&e, url a%2Bb%2Fc%3Dd%26e, lower a%2bb%2fc%3dd%26e, form a%2Bb%2Fc%3Dd%26e, html a+b/c=d&amp;e"
    assert secret not in redact(text, secret) and "%2" not in redact(text, secret)
    assert redact(text, secret).count("[redacted]") == 5
