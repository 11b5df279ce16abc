"""Digest e-mail, against a local aiosmtpd server on 127.0.0.1."""

from __future__ import annotations

import email
import email.policy
import socket
from collections.abc import Iterator
from dataclasses import replace
from email.message import Message
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from litscan.config import EmailSettings
from litscan.digest.mail import send_digest
from litscan.digest.writer import DigestResult

from . import digest_data as data


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], Message]] = []

    async def handle_DATA(self, server, session, envelope) -> str:  # aiosmtpd calls it by this name
        self.messages.append(
            (
                envelope.mail_from,
                list(envelope.rcpt_tos),
                email.message_from_bytes(envelope.content, policy=email.policy.default),
            )
        )
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def inbox(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Inbox]:
    handler = Inbox()
    port = _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setenv("LITSCAN_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("LITSCAN_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("LITSCAN_SMTP_PORT", str(port))
    for name in ("LITSCAN_SMTP_USER", "LITSCAN_SMTP_PASSWORD", "LITSCAN_SMTP_STARTTLS", "LITSCAN_SMTP_FROM"):
        monkeypatch.delenv(name, raising=False)
    yield handler
    controller.stop()


def _digest(tmp_path: Path) -> DigestResult:
    page = tmp_path / "2026-01-15.html"
    page.write_text(
        "<!DOCTYPE html><html><body><h1>Ketamine &amp; pain</h1><script>var x = 1;</script></body></html>",
        encoding="utf-8",
    )
    return DigestResult(
        page,
        data.PREVIOUS_END,
        data.RAN_AT,
        {"new": 6, "on_topic": 5, "trials": 2, "systematic_reviews": 1, "retracted": 1},
    )


def test_sends_html_digest_to_the_recipients(inbox: Inbox, tmp_path: Path) -> None:
    topic = replace(
        data.make_topic(tmp_path),
        email=EmailSettings(recipients=("a@example.org", "b@example.org"), sender="litscan@example.org"),
    )
    assert send_digest(topic, _digest(tmp_path)) is True
    [(sender, recipients, message)] = inbox.messages
    assert sender == "litscan@example.org" and recipients == ["a@example.org", "b@example.org"]
    assert "5 new on-topic records (2 trials, 1 systematic review)" in message["Subject"]
    parts = {part.get_content_type(): part for part in message.walk() if not part.is_multipart()}
    assert "Retracted since the previous digest: 1" in parts["text/plain"].get_payload(decode=True).decode()
    htmls = [p for p in message.walk() if p.get_content_type() == "text/html"]
    assert len(htmls) == 2  # the body, and the page as an attachment
    assert htmls[1].get_filename() == "2026-01-15.html"
    assert b"<h1>Ketamine &amp; pain</h1>" in htmls[0].get_payload(decode=True)
    assert b"<script>" not in htmls[0].get_payload(decode=True)  # the body: no script for spam filters
    assert b"<script>" in htmls[1].get_payload(decode=True)  # the attached page works in a browser


def test_subject_cannot_inject_headers(inbox: Inbox, tmp_path: Path) -> None:
    topic = replace(
        data.make_topic(tmp_path),
        title="Pain\r\nBcc: victim@example.org",
        email=EmailSettings(recipients=("a@example.org",)),
    )
    assert send_digest(topic, _digest(tmp_path)) is True
    [(_, recipients, message)] = inbox.messages
    assert recipients == ["a@example.org"] and message["Bcc"] is None
    assert message["Subject"].startswith("Pain Bcc: victim@example.org: 5 new")


def test_no_recipients_or_no_host_sends_nothing(inbox: Inbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    topic = data.make_topic(tmp_path)
    assert send_digest(topic, _digest(tmp_path)) is False
    monkeypatch.delenv("LITSCAN_SMTP_HOST")
    with_recipients = replace(topic, email=EmailSettings(recipients=("a@example.org",)))
    assert send_digest(with_recipients, _digest(tmp_path)) is False
    assert inbox.messages == []


def test_unreachable_server_is_reported_not_raised(
    inbox: Inbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("LITSCAN_SMTP_PORT", str(_free_port()))  # nothing listens there
    topic = replace(data.make_topic(tmp_path), email=EmailSettings(recipients=("a@example.org",)))
    assert send_digest(topic, _digest(tmp_path)) is False
    assert "failed" in caplog.text
