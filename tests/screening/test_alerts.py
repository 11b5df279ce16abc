"""Fewer, better alerts and the digest's screening block: the page and the e-mail limited per topic, saying
how many records they leave out; the digest shows how many await screening, links the included set and
draws the PRISMA flow diagram."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from lxml import html as lxml_html

from litscan.config import AlertLimits, DigestSettings, EmailSettings
from litscan.digest.mail import build_message, send_digest
from litscan.digest.writer import write_digest
from litscan.errors import ConfigError
from litscan.screening import Choice, decide
from litscan.screening.alerts import describe, select
from litscan.screening.digest_part import mail_lines, nothing_to_send
from litscan.store import RecordFilter

from . import screening_data as data

DESIGNS = {"systematic_review": "Systematic review", "rct": "Randomised trial", "observational": "Observational"}
PERIOD = RecordFilter(topic=data.TOPIC)


@pytest.mark.parametrize(
    ("limits", "listed"),
    [
        (AlertLimits(), 6),
        (AlertLimits(on_topic=True), 5),
        (AlertLimits(designs=("systematic_review", "rct")), 4),
        (AlertLimits(on_topic=True, designs=("systematic_review", "rct")), 3),
        (AlertLimits(awaiting_screening=True), 4),
        (AlertLimits(on_topic=True, designs=("rct",), awaiting_screening=True), 1),
    ],
)
def test_each_limit_narrows_what_an_alert_lists_and_counts_the_rest(store, limits, listed):
    data.fill(store)
    decide(store, data.make_topic(), ["16", "11"], Choice("include"))
    selection = select(store, PERIOD, limits, data.TOPIC, DESIGNS)
    assert (selection.listed, selection.left_out) == (listed, 6 - listed)
    assert selection.limited is limits.any


def test_limits_in_words():
    limits = AlertLimits(on_topic=True, designs=("rct",), awaiting_screening=True)
    assert describe(limits, DESIGNS) == "on-topic records awaiting screening (randomised trial)"


def _topic(tmp_path: Path, **digest_limits: object):
    return dataclasses.replace(
        data.make_topic(),
        digest=DigestSettings(limits=AlertLimits(**digest_limits)),  # type: ignore[arg-type]
        email=EmailSettings(
            recipients=("a@example.org",),
            limits=AlertLimits(on_topic=True, designs=("systematic_review", "rct"), awaiting_screening=True),
            skip_empty=True,
        ),
    )


def _page(result) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(result.path.read_text(encoding="utf-8"))


def test_the_digest_shows_screening_the_included_set_and_the_flow_diagram(store, tmp_path):
    topic = _topic(tmp_path)
    data.fill(store)
    decide(store, topic, ["16", "13"], Choice("include"))
    decide(store, topic, ["14"], Choice("exclude", "wrong_population"))
    result = write_digest(store, topic, reports_dir=tmp_path / "r", until="2026-02-02")
    page = _page(result)
    [section] = page.xpath('//section[@id="screening"]')
    assert section.xpath('.//dd[@data-count-kind="awaiting"]')[0].text == "3"
    assert section.xpath('.//dd[@data-count-kind="included"]')[0].text == "2"
    links = section.xpath(".//a/@href")
    assert f"{result.path.stem}-included.csv" in links and f"{result.path.stem}-included.ris" in links
    included_csv = (result.path.parent / f"{result.path.stem}-included.csv").read_text(encoding="utf-8")
    assert sorted(line.split(",")[0] for line in included_csv.splitlines()[1:]) == ["13", "16"]
    ris = (result.path.parent / f"{result.path.stem}-included.ris").read_text(encoding="utf-8")
    assert [line for line in ris.splitlines() if line.startswith("AN  - ")] == ["AN  - 13", "AN  - 16"]
    svg = section.xpath('.//*[local-name()="svg"]')
    assert len(svg) == 1 and "Records excluded" in " ".join(svg[0].itertext())
    assert not page.xpath('//p[@id="limits"]')  # no limits: every record listed, nothing said


def test_a_limited_digest_page_says_how_many_it_leaves_out(store, tmp_path):
    topic = _topic(tmp_path, on_topic=True)
    data.fill(store)
    result = write_digest(store, topic, reports_dir=tmp_path / "r", until="2026-02-02")
    page = _page(result)
    [note] = page.xpath('//p[@id="limits"]')
    assert "on-topic records: 5 of the period's records; 1 left out" in " ".join(note.text_content().split())
    assert not page.xpath('//*[@id="r14"]') and page.xpath('//*[@id="r12"]')


def test_the_email_names_what_passes_its_limits_and_says_what_it_leaves_out(store, tmp_path):
    topic = _topic(tmp_path)
    data.fill(store)
    decide(store, topic, ["13"], Choice("include"))
    result = write_digest(store, topic, reports_dir=tmp_path / "r", until="2026-02-02")
    lines = mail_lines(result.screening)
    assert lines[0] == "Awaiting screening: 5; included so far: 1"
    assert "2 of the period's records (4 left out" in lines[1]
    assert [line.split(" (")[0] for line in lines[2:]] == [
        "- Randomised trial of oral ketamine in cancer pain",
        "- Randomised trial of ketamine in fibromyalgia",
    ]
    body = build_message(topic, result, "litscan@example.org").get_body(("plain",)).get_content()
    assert "4 left out" in body
    assert not nothing_to_send(topic, result.screening)


def test_an_email_with_nothing_under_its_limits_is_skipped(store, tmp_path):
    topic = _topic(tmp_path)
    data.fill(store)
    decide(store, topic, ["12", "13", "16"], Choice("include"))
    result = write_digest(store, topic, reports_dir=tmp_path / "r", until="2026-02-02")
    assert result.screening.email.listed == 0 and nothing_to_send(topic, result.screening)
    assert send_digest(topic, result) is False  # before any SMTP host is even looked up


def test_a_limit_naming_an_unknown_design_is_a_config_error(store, tmp_path):
    topic = _topic(tmp_path, designs=("cohort_study",))
    data.fill(store)
    with pytest.raises(ConfigError, match=r"digest\.only_designs.*cohort_study"):
        write_digest(store, topic, reports_dir=tmp_path / "r", until="2026-02-02")
