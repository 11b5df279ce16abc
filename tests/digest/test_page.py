"""The page's content without a browser: retracted papers never evidence, the real off-topic reason,
the key finding and sample size on every card, the map's columns and totals, the embedded data, and
a digest that never holds the period's records at once."""

from __future__ import annotations

import base64
import gc
import gzip
import json
import re
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from litscan.citations import ris_entry
from litscan.digest.cards import Card
from litscan.digest.chart import nice_ceiling, trend_svg
from litscan.digest.context import RETRACTION_LIMIT, DigestContext, build_context
from litscan.digest.labels import FALLBACK
from litscan.digest.period import resolve_period
from litscan.digest.render import period_words
from litscan.digest.tally import FIRST_LIMIT, HIGHLIGHT_LIMIT
from litscan.digest.writer import write_digest
from litscan.models import AbstractSection, Tags
from litscan.pipeline.prepare import store_records
from litscan.store import Store, StoredRecord
from tests.conftest import make_record

from . import page_records as data

pytestmark = pytest.mark.usefixtures("pinned_labels")


@pytest.fixture
def filled(store: Store) -> Store:
    data.fill(store)
    return store


@pytest.fixture
def context(filled: Store, tmp_path: Path) -> Iterator[DigestContext]:
    period = resolve_period(filled, data.make_topic(tmp_path), data.SINCE, data.UNTIL, data.RAN_AT)
    with build_context(filled, data.make_topic(tmp_path), period, ran_at=data.RAN_AT, labels=FALLBACK) as built:
        yield built


@pytest.fixture
def page(filled: Store, tmp_path: Path) -> lxml.html.HtmlElement:
    result = write_digest(
        filled,
        data.make_topic(tmp_path),
        reports_dir=tmp_path / "reports",
        since=data.SINCE,
        until=data.UNTIL,
        ran_at=data.RAN_AT,
    )
    return lxml.html.fromstring(result.path.read_bytes())


def _card(context: DigestContext, pmid: str) -> Card:
    return next(c for c in context.first_on_topic + context.first_off_topic if c.pmid == pmid)


# --- retracted papers are never evidence ------------------------------------------------------


def test_a_retracted_trial_is_neither_highlighted_nor_counted(context: DigestContext) -> None:
    assert _card(context, "403").retracted
    assert [c.pmid for c in context.highlights] == ["401", "402"]
    assert context.counts["trials"] == 1 and context.counts["systematic_reviews"] == 1
    order = [c.pmid for c in context.first_on_topic]
    assert order.index("403") == order.index("402") + 1  # keeps its place among the trials, last
    cell = {(c.condition, c.route): c for row in context.map_rows for c in row.cells}["crps", "intravenous"]
    assert (cell.count, cell.strong) == (2, 1)  # 401 and 403 listed; only the review is evidence


def test_the_retraction_notice_names_on_topic_records_and_counts_the_rest(
    context: DigestContext, page: lxml.html.HtmlElement
) -> None:
    notice = context.retractions
    assert [c.pmid for c in notice.on_topic] == ["403"]
    assert (notice.on_topic_count, notice.off_topic_count) == (1, 1)  # 302 flagged in the period
    box = page.get_element_by_id("retractions")
    assert [a.get("href") for a in box.xpath(".//li/a")] == ["https://pubmed.ncbi.nlm.nih.gov/403/"]
    assert "Also retracted: 1 off-topic record." in box.text_content()
    card = page.xpath("//article[@data-pmid='403']")[0]
    assert "do not rely on this paper" in card.xpath(".//p[@class='flag']")[0].text_content()


def test_the_notice_folds_a_long_list(store: Store, tmp_path: Path) -> None:
    tags = Tags(on_topic=True, conditions=("crps",), routes=(), design="rct")
    records = [make_record(str(500 + i), publication_types=(data.RETRACTED,)) for i in range(RETRACTION_LIMIT + 5)]
    store_records(store, records, tagger=lambda r: tags, topic=data.TOPIC, now=data.NEW)
    topic = data.make_topic(tmp_path)
    result = write_digest(
        store, topic, reports_dir=tmp_path / "r", since=data.SINCE, until=data.UNTIL, ran_at=data.RAN_AT
    )
    box = lxml.html.fromstring(result.path.read_bytes()).get_element_by_id("retractions")
    assert len(box.xpath("./ul/li")) == 3  # the rest fold away
    assert len(box.xpath(".//details//li")) == RETRACTION_LIMIT - 3
    assert "And 5 more" in box.text_content()


# --- off topic --------------------------------------------------------------------------------


def test_an_off_topic_record_says_what_decided(context: DigestContext, page: lxml.html.HtmlElement) -> None:
    assert _card(context, "409").off_topic_reason == "about depression (“depression”), not chronic pain (title)"
    assert _card(context, "410").off_topic_reason == "drug x is not mentioned (abstract)"
    card = page.xpath("//article[@data-pmid='409']")[0]
    assert card.xpath(".//p[@class='why']")[0].text_content().startswith("Judged off-topic: about depression")
    assert not card.xpath(".//*[contains(@class, 'd-rct')]")  # an off-topic trial wears no evidence badge
    assert page.xpath("//article[@data-pmid='402']//*[contains(@class, 'd-rct')]")


# --- what each study found, and how strong it is ----------------------------------------------


def test_every_card_shows_its_key_finding_and_sample_size(page: lxml.html.HtmlElement) -> None:
    cards = {a.get("data-pmid"): a for a in page.xpath("//article[@data-pmid]")}
    assert cards["401"].get("data-sample-size") == "12 studies, 1,340 participants"
    assert cards["402"].get("data-sample-size") == "40 participants"
    assert cards["408"].get("data-sample-size") == "30 animals"
    assert cards["405"].get("data-sample-size") == "80 participants planned"
    size = cards["402"].xpath(".//p[@class='size']")[0].text_content()
    assert size == "40 participants · randomised · double-blind · placebo-controlled"
    finding = cards["402"].xpath(".//*[@data-key-finding]")[0].text_content()
    assert finding.startswith("Conclusions: Drug X reduced attacks of trigeminal neuralgia.")
    assert "Further research" not in finding and "45%" in finding  # the figures behind it, not the call
    assert cards["405"].xpath(".//*[@data-key-finding]")[0].text_content() == "Protocol: no results yet."
    assert "Narrative review" in cards["406"].xpath(".//*[@data-key-finding]")[0].text_content()
    for pmid, card in cards.items():
        assert card.xpath(".//*[@data-key-finding]"), pmid
    highlights = page.get_element_by_id("hl-list")
    assert "12 studies, 1,340 participants" in highlights.text_content()
    assert len(highlights.xpath(".//q[@data-key-finding]")) == 2


# --- the evidence map ---------------------------------------------------------------------------


def test_rows_and_the_no_route_column_agree(context: DigestContext, page: lxml.html.HtmlElement) -> None:
    rows = {row.id: row for row in context.map_rows}
    cells = {(c.condition, c.route): c for row in context.map_rows for c in row.cells}
    assert cells["fibromyalgia", "none"].count == 1  # 404 states no route, and is counted
    for row in context.map_rows:
        in_cells = sum(c.count for c in row.cells)
        assert in_cells >= row.total, row.id  # each record is in a cell at least once
    assert rows["trigeminal_neuralgia"].total == 1  # 402 states two routes: one record, two cells
    assert cells["trigeminal_neuralgia", "oral"].count == cells["trigeminal_neuralgia", "intravenous"].count == 1
    assert rows["fibromyalgia"].total == sum(c.count for c in rows["fibromyalgia"].cells)
    legend = page.get_element_by_id("map-legend").text_content()
    assert "counts in both columns" in legend and "no route" in legend
    assert page.xpath("//td[@data-condition='fibromyalgia'][@data-route='none']")[0].get("data-count") == "1"


def test_period_in_plain_words() -> None:
    assert period_words("2026-12-01T00:00:00.000000Z", "2026-12-08T00:00:00.000000Z") == "Added to PubMed 1–7 Dec 2026"
    assert period_words("2026-11-28T00:00:00Z", "2026-12-05T00:00:00Z") == "Added to PubMed 28 Nov – 4 Dec 2026"
    assert period_words(None, "2026-12-05T00:00:00Z") == "Everything found up to 4 Dec 2026"


def test_the_trend_chart_has_a_count_axis() -> None:
    assert [nice_ceiling(n) for n in (1, 3, 7, 10, 11, 240)] == [1, 5, 10, 10, 20, 500]
    svg = trend_svg([(2020, ["crps"], [])] * 7 + [(2021, ["crps"], [])], FALLBACK)
    labels = lxml.html.fromstring(svg).xpath("//g[@data-series='crps']//text()")
    assert "10" in labels and "0" in labels  # the axis runs from 0 to a round top


# --- the page's data ------------------------------------------------------------------------------


def _embedded(page: lxml.html.HtmlElement, name: str) -> Any:
    return json.loads(gzip.decompress(base64.b64decode(page.get_element_by_id(name).text_content())))


def test_the_embedded_data_holds_every_record(filled: Store, page: lxml.html.HtmlElement) -> None:
    meta = json.loads(page.get_element_by_id("litscan-meta").text_content())
    cards, details = _embedded(page, "litscan-cards"), _embedded(page, "litscan-details")
    assert len(cards) == len(details) == len(data.PERIOD)
    by_pmid = {str(row[0]): (row, detail) for row, detail in zip(cards, details, strict=True)}
    row, detail = by_pmid["402"]
    assert row[1] == "Oral and intravenous drug X in trigeminal neuralgia: a randomised trial"
    assert [meta["routes"][k]["id"] for k in row[10]] == ["oral", "intravenous"]
    assert row[15] == "40 participants"
    # the RIS file's entry, its abstract line left for the page's script to write back from the abstract
    assert detail[5] == re.sub(r"^AB  - .*\n", "\x00", ris_entry(filled.get("402")), flags=re.M)
    assert "\x00" in detail[5] and detail[0][0] == [
        "METHODS",
        "Forty adults were randomised to drug X or placebo in a double-blind trial.",
    ]
    assert meta["counts"]["trials"] == 1


def test_a_digest_never_holds_the_periods_records(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """However many records the period holds, the context keeps none of them once read and a bounded
    number of cards: counters and the few cards it prints."""
    tags = Tags(on_topic=True, conditions=("crps",), routes=("oral",), design="rct")
    records = [
        make_record(str(1000 + i), abstract_sections=(AbstractSection(f"{20 + i} adults were randomised."),))
        for i in range(400)
    ]
    store_records(store, records, tagger=lambda r: tags, topic=data.TOPIC, now=data.NEW)
    alive: list[int] = []
    read: list[weakref.ref[StoredRecord]] = []
    query = store.query

    def counting(filters: Any) -> Iterator[StoredRecord]:
        for item in query(filters):
            read.append(weakref.ref(item))
            alive.append(sum(ref() is not None for ref in read))
            yield item

    monkeypatch.setattr(store, "query", counting)
    period = resolve_period(store, data.make_topic(tmp_path), data.SINCE, data.UNTIL, data.RAN_AT)
    with build_context(store, data.make_topic(tmp_path), period, ran_at=data.RAN_AT, labels=FALLBACK) as built:
        gc.collect()
        cards = sum(isinstance(o, Card) for o in gc.get_objects())
        assert built.counts["on_topic"] == 400 and built.data.cards.rows == 400
    assert len(alive) == 400 and max(alive) <= 2  # the one being read, and the one before it at most
    assert sum(ref() is not None for ref in read) == 0
    assert cards <= 2 * FIRST_LIMIT + HIGHLIGHT_LIMIT + RETRACTION_LIMIT


def test_the_mail_body_leaves_the_data_out(filled: Store, tmp_path: Path) -> None:
    from litscan.digest.mail import build_message

    topic = data.make_topic(tmp_path)
    result = write_digest(topic=topic, store=filled, reports_dir=tmp_path / "r", since=data.SINCE, ran_at=data.RAN_AT)
    message = build_message(topic, result, "digest@example.invalid")
    html = next(p for p in message.walk() if p.get_content_type() == "text/html").get_content()
    assert "<script" not in html and "litscan-cards" not in html
    assert 'data-pmid="402"' in html  # the records the page prints itself are all there
