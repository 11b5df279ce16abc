"""The digest: period selection, grouping, counts, ordering, and the files it writes."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import lxml.html
import pytest

from litscan.digest import feeds
from litscan.digest.context import build_context, conclusion_of
from litscan.digest.labels import FALLBACK
from litscan.digest.period import Period, parse_bound, resolve_period
from litscan.digest.writer import write_digest
from litscan.errors import ConfigError, InputError
from litscan.models import AbstractSection, Record
from litscan.store import Store

from . import digest_data as data

ATOM = "{http://www.w3.org/2005/Atom}"


pytestmark = pytest.mark.usefixtures("pinned_labels")


@pytest.fixture
def filled(store: Store) -> Store:
    data.fill(store)
    return store


@pytest.fixture
def topic(tmp_path: Path):
    return data.make_topic(tmp_path)


def _write(store: Store, topic, tmp_path: Path, **kwargs):
    return write_digest(store, topic, reports_dir=tmp_path / "reports", ran_at=data.RAN_AT, **kwargs)


# --- the period -----------------------------------------------------------------------------


def test_period_starts_where_the_previous_digest_ended(filled: Store, topic) -> None:
    period = resolve_period(filled, topic, None, None, data.RAN_AT)
    assert period == Period(data.PREVIOUS_END, data.RAN_AT)


def test_first_digest_takes_everything(store: Store, topic) -> None:
    data.fill(store, with_previous_digest=False)
    period = resolve_period(store, topic, None, None, data.RAN_AT)
    assert period.start is None
    context = build_context(store, topic, period, ran_at=data.RAN_AT, labels=FALLBACK)
    assert context.counts["new"] == len(data.OLD_RECORDS) + len(data.PERIOD_RECORDS)


def test_explicit_dates_include_the_whole_last_day(filled: Store, topic) -> None:
    period = resolve_period(filled, topic, "2026-01-11", "2026-01-12", data.RAN_AT)
    assert period == Period("2026-01-11T00:00:00.000000Z", "2026-01-13T00:00:00.000000Z")
    assert parse_bound("2026-01-12T10:30:00+02:00") == "2026-01-12T08:30:00.000000Z"


def test_period_week_and_month_count_back_from_until(filled: Store, topic) -> None:
    week = resolve_period(filled, topic, None, "2026-01-14", data.RAN_AT, period="week")
    assert week == Period("2026-01-08T00:00:00.000000Z", "2026-01-15T00:00:00.000000Z")
    month = resolve_period(filled, topic, None, "2026-03-31", data.RAN_AT, period="month")
    assert month.start == "2026-03-01T00:00:00.000000Z"


@pytest.mark.parametrize(("since", "until"), [("yesterday", None), ("2026-02-01", "2026-01-01")])
def test_bad_or_empty_periods_are_input_errors(filled: Store, topic, since: str, until: str | None) -> None:
    with pytest.raises(InputError):
        resolve_period(filled, topic, since, until, data.RAN_AT)


# --- the context ----------------------------------------------------------------------------


@pytest.fixture
def context(filled: Store, topic):
    period = resolve_period(filled, topic, None, None, data.RAN_AT)
    return build_context(filled, topic, period, ran_at=data.RAN_AT, labels=FALLBACK)


def test_counts(context) -> None:
    assert context.counts == {
        "new": 6,
        "on_topic": 5,
        "off_topic": 1,
        "trials": 2,
        "systematic_reviews": 1,
        "retracted": 1,
        "all_time_on_topic": 9,
    }


def test_strongest_evidence_comes_first(context) -> None:
    assert [v.pmid for v in context.highlights] == ["201", "202", "203"]  # SR, then RCTs newest first
    # the list the page prints: the highlights lead it, the other designs follow
    assert [v.pmid for v in context.first_on_topic] == ["201", "202", "203", "204", "205"]
    assert [v.pmid for v in context.first_off_topic] == ["206"]
    assert "301" not in {v.pmid for v in context.first_on_topic + context.first_off_topic}  # entered after the period


def test_retracted_since_previous_digest(context) -> None:
    assert [v.pmid for v in context.retractions.on_topic] == ["105"]
    assert context.retractions.on_topic[0].retracted
    assert (context.retractions.on_topic_count, context.retractions.off_topic_count) == (1, 0)


def test_evidence_map_groups_and_counts(context) -> None:
    rows = {row.id: row for row in context.map_rows}
    order = [row.id for row in context.map_rows]
    assert order[:2] == ["crps", "neuropathic"]
    assert order[2:10] == list(FALLBACK.groups["neuropathic"][1])  # members right under their group
    assert rows["trigeminal_neuralgia"].group == "neuropathic"
    cell = {(c.condition, c.route): c for row in context.map_rows for c in row.cells}
    assert cell["crps", "intravenous"].count == 1
    assert cell["crps", "intravenous"].all_time == 2  # 101 (older) + 201; 301 is after the period
    assert cell["crps", "topical"].count == 1
    # 203 has two neuropathic members but is one record in the group row
    assert cell["neuropathic", "oral"].count == 2
    assert cell["neuropathic", "intravenous"].count == 1
    assert rows["neuropathic"].total == 2
    assert rows["neuropathic"].all_time == 3  # + 103 postherpetic, older
    assert cell["fibromyalgia", "oral"].count == 0 and cell["fibromyalgia", "oral"].all_time == 1
    assert rows["fibromyalgia"].total == 1  # 204 has no route but still counts for its condition
    assert all(c.count == 0 for c in rows["cancer_pain"].cells)
    assert cell["crps", "intravenous"].level > cell["crps", "oral"].level == 0


def test_off_topic_records_stay_out_of_the_map(context) -> None:
    assert all(c.count == 0 for row in context.map_rows for c in row.cells if c.route == "intranasal")


def test_record_view_fields(context) -> None:
    view = next(v for v in context.first_on_topic if v.pmid == "202")
    assert view.url == "https://pubmed.ncbi.nlm.nih.gov/202/"
    assert view.authors == "Doe J, Roe R, Poe A et al."
    assert view.citation == "12(4):101-9"
    assert view.pmc_url == "https://pmc.ncbi.nlm.nih.gov/articles/PMC999/"
    # the key finding (the conclusions here) is quoted, and the whole abstract kept below it
    assert view.finding is not None
    assert (view.finding.text, view.finding_label) == ("Adults received ketamine.", "Conclusions")
    assert view.abstract == (("BACKGROUND", "Pain persists."), ("CONCLUSIONS", "Adults received ketamine."))
    assert view.conditions[0].evidence == ("“trigeminal neuralgia”: condition named (title)",)
    assert view.data_conditions == "trigeminal_neuralgia" and view.data_routes == "oral"


def test_conclusion_falls_back_to_the_last_sentence() -> None:
    record = Record(
        pmid="1",
        abstract_sections=(
            AbstractSection("We gave ketamine. Pain fell by half. More trials are needed."),
            AbstractSection("NCT0000001.", label="TRIAL REGISTRATION"),
        ),
    )
    assert conclusion_of(record) == "More trials are needed."
    assert conclusion_of(Record(pmid="2")) is None


def test_glance_names_the_strong_evidence(context) -> None:
    assert context.glance[0] == ("5 new on-topic records, including 1 systematic review and 2 randomised trials.")


# --- writing --------------------------------------------------------------------------------


def _page(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_bytes())


def test_write_digest_writes_page_files_archive_and_feed(filled: Store, topic, tmp_path: Path) -> None:
    result = _write(filled, topic, tmp_path)
    topic_dir = tmp_path / "reports" / "t"
    assert result.path == topic_dir / "2026-01-15.html"
    assert (result.period_start, result.period_end) == (data.PREVIOUS_END, data.RAN_AT)
    for suffix in (".csv", ".ris", ".bib"):
        assert result.path.with_suffix(suffix).is_file()
    assert filled.digests("t")[0]["period_end"] == data.RAN_AT
    assert filled.digests("t")[0]["counts"]["on_topic"] == 5
    index = _page(topic_dir / "index.html")
    assert [a.get("href") for a in index.xpath("//table[@class='archive']//th/a")] == ["2026-01-15.html"]
    assert not list(topic_dir.glob(".*.tmp"))
    csv_text = result.path.with_suffix(".csv").read_text(encoding="utf-8")
    assert sorted(re.findall(r"^(\d{3}),", csv_text, re.M)) == ["201", "202", "203", "204", "205"]


def test_every_on_topic_record_is_linked_once(filled: Store, topic, tmp_path: Path) -> None:
    page = _page(_write(filled, topic, tmp_path).path)
    records = page.xpath("//article[@data-pmid]")
    assert sorted(r.get("data-pmid") for r in records) == ["201", "202", "203", "204", "205", "206"]
    for record in records:
        pmid = record.get("data-pmid")
        assert record.xpath(".//h4/a")[0].get("href") == f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
        assert record.get("data-on-topic") == ("false" if pmid == "206" else "true")
    assert page.xpath("//article[@data-pmid='203']")[0].get("data-conditions") == "diabetic_neuropathy neuropathic_pain"
    assert page.xpath("//details[@class='offtopic']//article[@data-pmid='206']")
    assert page.xpath("//*[@id='retractions']//a")[0].get("href") == "https://pubmed.ncbi.nlm.nih.gov/105/"


def test_map_cell_counts_match_the_records_on_the_page(filled: Store, topic, tmp_path: Path) -> None:
    page = _page(_write(filled, topic, tmp_path).path)
    records = [r for r in page.xpath("//article[@data-pmid]") if r.get("data-on-topic") == "true"]
    groups = {gid: set(members) for gid, (_, members) in FALLBACK.groups.items()}
    cells = page.xpath("//td[@data-condition]")
    # a column for each route, and one for records that state none (data-route="none")
    assert len(cells) == len(FALLBACK.rows() + [m for g in groups.values() for m in g]) * (len(FALLBACK.routes) + 1)
    nonzero = 0
    for cell in cells:
        wanted = groups.get(cell.get("data-condition"), {cell.get("data-condition")})
        expected = sum(
            1
            for r in records
            if wanted & set(r.get("data-conditions").split())
            and (r.get("data-routes").split() or ["none"]).count(cell.get("data-route"))
        )
        assert int(cell.get("data-count")) == expected, (cell.get("data-condition"), cell.get("data-route"))
        nonzero += expected > 0
    assert nonzero >= 5


def test_hostile_markup_is_shown_as_text(filled: Store, topic, tmp_path: Path) -> None:
    path = _write(filled, topic, tmp_path).path
    text = path.read_text(encoding="utf-8")
    page = _page(path)
    # one script runs, ours; the others hold the records as data (JSON, and gzip in base64) and never run
    assert len(page.xpath("//script[not(@type)]")) == 1
    assert {s.get("type") for s in page.xpath("//script[@type]")} == {"application/json", "text/plain"}
    assert not page.xpath("//img") and not page.xpath("//*[@onmouseover]")
    assert "window.pwned" not in "".join(page.xpath("//script/text()"))
    record = page.xpath("//article[@data-pmid='205']")[0]
    assert record.xpath(".//h4/a")[0].text_content() == data.HOSTILE_TITLE
    assert record.xpath(".//p[@class='concl']")[0].text_content() == f"Conclusions: {data.HOSTILE_ABSTRACT}"
    assert record.xpath(".//cite")[0].text_content() == data.HOSTILE_JOURNAL
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in text
    assert page.xpath("//h1")[0].text_content() == "Ketamine & chronic pain <test>"


def test_page_loads_nothing_from_the_network(filled: Store, topic, tmp_path: Path) -> None:
    page = _page(_write(filled, topic, tmp_path).path)
    assert not page.xpath("//*[@src]") and not page.xpath("//link") and not page.xpath("//iframe")
    style = "".join(page.xpath("//style/text()"))
    assert "url(" not in style and "@import" not in style
    csp = page.xpath("//meta[@http-equiv='Content-Security-Policy']")[0].get("content")
    assert "default-src 'none'" in csp and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]


def test_second_digest_starts_where_the_first_ended(filled: Store, topic, tmp_path: Path) -> None:
    first = _write(filled, topic, tmp_path)
    second = write_digest(filled, topic, reports_dir=tmp_path / "reports", ran_at="2026-01-25T00:00:00.000000Z")
    assert second.period_start == first.period_end
    assert second.counts["new"] == 1  # 301
    assert second.counts["retracted"] == 0
    index = _page(tmp_path / "reports" / "t" / "index.html")
    links = [a.get("href") for a in index.xpath("//table[@class='archive']//th/a")]
    assert links == ["2026-01-24.html", "2026-01-15.html"]


def test_feed_is_atom_with_one_entry_per_new_on_topic_record(filled: Store, topic, tmp_path: Path) -> None:
    _write(filled, topic, tmp_path)
    root = ET.parse(tmp_path / "reports" / "t" / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{name}").text
    ids = [e.find(f"{ATOM}id").text for e in root.findall(f"{ATOM}entry")]
    # the latest digest's five, then the (older) previous period's, to fill the feed
    assert ids[:5] == [f"https://pubmed.ncbi.nlm.nih.gov/{p}/" for p in ("202", "205", "204", "201", "203")]
    assert len(ids) == len(set(ids))
    entry = root.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text and entry.find(f"{ATOM}updated").text.endswith("Z")


def test_feed_of_a_large_digest_holds_its_newest_records_only(
    filled: Store, topic, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(feeds, "FEED_MAX_ENTRIES", 3)
    _write(filled, topic, tmp_path)
    root = ET.parse(tmp_path / "reports" / "t" / "feed.xml").getroot()
    ids = [e.find(f"{ATOM}id").text for e in root.findall(f"{ATOM}entry")]
    assert ids == [f"https://pubmed.ncbi.nlm.nih.gov/{p}/" for p in ("202", "205", "204")]


def test_output_option_and_relative_links(filled: Store, topic, tmp_path: Path) -> None:
    out = tmp_path / "elsewhere" / "mine.html"
    result = _write(filled, topic, tmp_path, output=out)
    assert result.path == out and out.with_suffix(".ris").is_file()
    page = _page(out)
    assert page.xpath("//p[@class='kicker']/a")[0].get("href") == "../reports/t/index.html"


def test_user_templates_override_partials(filled: Store, topic, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "_record.html").write_text(
        '<article data-pmid="{{ r.pmid }}" class="custom">{{ r.title }}</article>\n', encoding="utf-8"
    )
    page = _page(_write(filled, topic, tmp_path, templates_dir=mine).path)
    assert len(page.xpath("//article[@class='custom']")) == 6
    with pytest.raises(ConfigError, match="templates"):
        _write(filled, topic, tmp_path, templates_dir=tmp_path / "missing")


def test_a_failed_render_leaves_the_previous_files_alone(filled: Store, topic, tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    out.write_text("previous digest", encoding="utf-8")
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "_record.html").write_text("{{ r.no_such_field }}", encoding="utf-8")
    with pytest.raises(Exception, match="no_such_field"):
        _write(filled, topic, tmp_path, output=out, templates_dir=broken)
    assert out.read_text(encoding="utf-8") == "previous digest"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == [
        "page.html",
        "test.sqlite",
        "v.vocab.toml",
    ] or not list(tmp_path.glob(".*.tmp"))
    assert len(filled.digests("t")) == 1  # only the fixture's previous digest


def test_cli_digest_command(filled: Store, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from litscan.cli import cli

    (tmp_path / "v.vocab.toml").write_text("# placeholder\n", encoding="utf-8")
    query = tmp_path / "t.toml"
    query.write_text(
        'name = "t"\nterm = "ketamine"\nstart = 2000-01-01\nvocabulary = "v.vocab.toml"\n', encoding="utf-8"
    )
    args = [
        "digest",
        str(query),
        "--db",
        str(filled.path),
        "--reports",
        str(tmp_path / "site"),
        "--since",
        "2026-01-11",
        "--until",
        "2026-01-12",
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    page = Path(result.stdout.strip().splitlines()[-1])
    assert page == tmp_path / "site" / "t" / "2026-01-12.html" and page.is_file()
    assert "6 new, 5 on topic" in result.stderr
    bad = CliRunner().invoke(cli, [*args[:6], "--since", "soon"])
    assert bad.exit_code == 2 and "--since" in bad.output


def test_trend_chart_is_inline_svg_per_condition_group() -> None:
    from litscan.digest.chart import series_counts, trend_svg

    overview = [
        (2020, ["crps"], []),
        (2021, ["trigeminal_neuralgia", "neuropathic_pain"], ["oral"]),
        (2021, ["postherpetic_neuralgia"], []),
        (None, ["crps"], []),
        (1950, ["fibromyalgia"], []),
    ]
    counts = series_counts(overview, FALLBACK)
    assert counts["neuropathic"] == {2021: 2}  # the record with two members counts once
    assert counts["crps"] == {2020: 1} and "trigeminal_neuralgia" not in counts
    svg = trend_svg(overview, FALLBACK)
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    titles = [t.text for t in root.iter("{http://www.w3.org/2000/svg}title")]
    assert "Neuropathic pain, 2021: 2" in titles
    assert "Fibromyalgia, 1986 and earlier: 1" in titles  # years past the window are summed
    assert trend_svg([], FALLBACK).startswith("<p")


def test_digest_of_an_earlier_period_and_a_repeated_one(filled: Store, topic, tmp_path: Path) -> None:
    first = _write(filled, topic, tmp_path)
    later = "2026-01-25T00:00:00.000000Z"
    write_digest(filled, topic, reports_dir=tmp_path / "reports", ran_at=later)
    # --until alone picks up where the digest before that date ended
    assert resolve_period(filled, topic, None, "2026-01-20", later).start == first.period_end
    again = write_digest(
        filled, topic, reports_dir=tmp_path / "reports", ran_at=later, since=first.period_end, until=later
    )
    assert again.path.name == "2026-01-24.html"  # rewritten, not "-2"
    index = _page(tmp_path / "reports" / "t" / "index.html")
    assert len(index.xpath("//table[@class='archive']//th/a")) == 2


def test_an_empty_store_still_gets_a_readable_digest(store: Store, topic, tmp_path: Path) -> None:
    result = _write(store, topic, tmp_path)
    assert result.counts["new"] == 0 and result.period_start == result.period_end == data.RAN_AT
    page = _page(result.path)
    assert not page.xpath("//article[@data-pmid]")
    assert "No new on-topic records in this period." in page.text_content()
    assert all(cell.get("data-count") == "0" for cell in page.xpath("//td[@data-condition]"))


def test_archive_survives_moving_the_reports_folder(filled: Store, topic, tmp_path: Path) -> None:
    _write(filled, topic, tmp_path)
    moved = tmp_path / "moved"
    (tmp_path / "reports").rename(moved)
    write_digest(filled, topic, reports_dir=moved, ran_at="2026-01-25T00:00:00.000000Z")
    index = _page(moved / "t" / "index.html")
    assert [a.get("href") for a in index.xpath("//table[@class='archive']//th/a")] == [
        "2026-01-24.html",
        "2026-01-15.html",
    ]
