"""E-mail a digest to the topic's recipients (stdlib smtplib; optional).

Sent only when the topic file lists ``[email] recipients`` and an SMTP host
is configured (``LITSCAN_SMTP_HOST`` or ``smtp_host`` in config.toml). A mail
failure is logged and reported as ``False``: the records are already stored
and the page written, so a run should not fail over it.
"""

from __future__ import annotations

import logging
import re
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import Topic, setting
from ..screening.digest_part import mail_lines, nothing_to_send
from .render import plural

if TYPE_CHECKING:
    from .writer import DigestResult

log = logging.getLogger(__name__)

# the page's only script is litscan's own: record text is escaped, so "<script" never occurs in it
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.S)


def smtp_settings() -> dict[str, Any] | None:
    """Host, port, login and STARTTLS from the environment or config.toml; None without a host."""
    host = setting("LITSCAN_SMTP_HOST", "smtp_host")
    if not host:
        return None
    starttls = (setting("LITSCAN_SMTP_STARTTLS", "smtp_starttls") or "").lower() in ("1", "true", "yes", "on")
    port_text = setting("LITSCAN_SMTP_PORT", "smtp_port")
    try:
        port = int(port_text) if port_text else (587 if starttls else 25)
    except ValueError:
        log.warning("LITSCAN_SMTP_PORT %r is not a number; using 25", port_text)
        port = 25
    return {
        "host": host,
        "port": port,
        "user": setting("LITSCAN_SMTP_USER", "smtp_user"),
        "password": setting("LITSCAN_SMTP_PASSWORD", "smtp_password"),
        "starttls": starttls,
        "sender": setting("LITSCAN_SMTP_FROM", "smtp_from"),
    }


def build_message(topic: Topic, digest_result: DigestResult, sender: str) -> EmailMessage:
    """The digest page as the HTML body (with a plain-text summary) and as an attachment."""
    path = Path(digest_result.path)
    html = path.read_text(encoding="utf-8")
    counts = digest_result.counts
    subject = topic.email.subject or (
        f"{topic.title}: {plural(counts.get('on_topic', 0), 'new on-topic record')} "
        f"({plural(counts.get('trials', 0), 'trial')}, "
        f"{plural(counts.get('systematic_reviews', 0), 'systematic review')})"
    )
    subject = " ".join(subject.split())  # a line break in a header would be a header injection
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = ", ".join(topic.email.recipients)
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="litscan.invalid")
    lines = [
        subject,
        "",
        f"New records: {counts.get('new', 0)}",
        f"On topic: {counts.get('on_topic', 0)}",
        f"Randomised trials: {counts.get('trials', 0)}",
        f"Systematic reviews: {counts.get('systematic_reviews', 0)}",
    ]
    if counts.get("retracted"):
        lines.append(f"Retracted since the previous digest: {counts['retracted']}")
    if digest_result.screening is not None:  # awaiting screening; the records [email] limits it to
        lines += ["", *mail_lines(digest_result.screening)]
    lines += ["", "Open the attached page in a browser to filter the records and read the abstracts."]
    message.set_content("\n".join(lines) + "\n")
    # mail clients drop scripts anyway, and spam filters score them; the attachment keeps the full page
    message.add_alternative(_SCRIPT.sub("", html), subtype="html")
    message.add_attachment(html.encode("utf-8"), maintype="text", subtype="html", filename=path.name)
    return message


def send_digest(topic: Topic, digest_result: DigestResult) -> bool:
    """Mail the digest to the topic's recipients; True when the server accepted it."""
    if not topic.email.recipients:
        return False
    if nothing_to_send(topic, digest_result.screening):
        log.info("%s: no record of the period passes the e-mail's limits (skip_empty); not sent", topic.name)
        return False
    smtp = smtp_settings()
    if smtp is None:
        log.info("%s: e-mail recipients set but no SMTP host (LITSCAN_SMTP_HOST); not sent", topic.name)
        return False
    sender = topic.email.sender or smtp["sender"] or smtp["user"] or "litscan@localhost"
    try:
        message = build_message(topic, digest_result, sender)
        with smtplib.SMTP(smtp["host"], smtp["port"], timeout=60) as client:
            if smtp["starttls"]:
                client.starttls(context=ssl.create_default_context())
            if smtp["user"] and smtp["password"]:
                client.login(smtp["user"], smtp["password"])
            client.send_message(message)
    except (OSError, ValueError, smtplib.SMTPException) as exc:
        # never log the password; smtplib's messages do not carry it
        log.warning(
            "%s: digest e-mail to %s via %s:%s failed: %s",
            topic.name,
            ", ".join(topic.email.recipients),
            smtp["host"],
            smtp["port"],
            exc,
        )
        return False
    log.info("%s: digest e-mailed to %s", topic.name, ", ".join(topic.email.recipients))
    return True
