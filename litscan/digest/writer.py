"""Writing a digest: the page with its CSV/RIS/BibTeX files, the digest's entry in the store, and the
topic's refreshed archive page and Atom feed."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
from collections.abc import Iterator
from contextlib import ExitStack, closing
from dataclasses import dataclass
from pathlib import Path

from ..config import Topic
from ..errors import ConfigError
from ..export import export, write_csv
from ..files import atomic_text_writer, atomic_write_text
from ..screening.digest_part import ScreeningDigest, screening_digest
from ..store import RecordFilter, Store, StoredRecord, parse_timestamp, utc_now
from . import feeds, render
from .context import ContextBuilder, period_records
from .period import Period, resolve_period


@dataclass(frozen=True)
class DigestResult:
    path: Path
    period_start: str
    period_end: str
    counts: dict[str, int]
    screening: ScreeningDigest | None = None  # what the page and e-mail say of screening and alert limits


def write_digest(
    store: Store,
    topic: Topic,
    *,
    reports_dir: Path,
    since: str | None = None,
    until: str | None = None,
    output: Path | None = None,
    templates_dir: Path | None = None,
    ran_at: str | None = None,
    period: str | None = None,
) -> DigestResult:
    """Render the topic's digest for a period, with its CSV/RIS/BibTeX, archive page and feed.

    The records are read once and streamed into the page (see ``context``); the page and its files are
    written to temporary files renamed into place together, so a failure never leaves a half page nor
    replaces an earlier digest. Should the digest not be recorded in the store (a busy database), the
    files it added are removed again: no page is left that the archive page and feed do not list.
    """
    env = render.environment(templates_dir)  # a bad --templates fails before anything is read
    ran_at = ran_at or utc_now()
    span = resolve_period(store, topic, since, until, ran_at, period)
    topic_dir = _topic_dir(Path(reports_dir), topic)
    page = Path(output) if output else _page_path(store, topic, topic_dir, span)
    paths = {
        "html": page,
        "csv": page.with_suffix(".csv"),
        "ris": page.with_suffix(".ris"),
        "bib": page.with_suffix(".bib"),
    }
    builder = ContextBuilder(store, topic, span)
    newest = feeds.Newest()  # the feed's entries, kept as the records pass
    added = list(paths.values())
    with _removed_on_failure(added):
        with closing(builder), ExitStack() as files:
            # Every file is written to a temporary file first and renamed into place only once all are
            # complete: a failure leaves neither a half page nor a page without its CSV.
            out = {kind: files.enter_context(atomic_text_writer(path)) for kind, path in paths.items()}

            def on_topic() -> Iterator[StoredRecord]:  # one pass: the page's data, the CSV, RIS and feed
                for item, card, ris in builder.records():
                    if card.on_topic:
                        out["ris"].write(ris + "\n")
                        newest.add(item)
                        yield item

            write_csv(on_topic(), out["csv"])
            bibtex = dataclasses.replace(period_records(topic, builder.commits), on_topic=True)
            export(store, out["bib"], format="bibtex", filters=bibtex)
            context = builder.finish(ran_at)
            period_filter = RecordFilter(topic=topic.name, added_in=builder.commits)
            context.screening = screening_digest(
                store, topic, period_filter, since=span.start, page_stem=page.stem, designs=context.labels.designs
            )
            for name, text in context.screening.contents.items():  # the included set
                included = page.parent / name
                added.append(included)
                atomic_write_text(included, text)
            context.files = {kind: path.name for kind, path in paths.items() if kind != "html"}
            context.archive_url = _relative(topic_dir / "index.html", page.parent)
            context.feed_url = _relative(topic_dir / "feed.xml", page.parent)
            out["html"].writelines(env.get_template("digest.html").generate(d=context))
            counts = dict(context.counts)
        start = span.start or store.topic_first_seen(topic.name) or span.end
        store.add_digest(topic.name, start, span.end, str(page.resolve()), counts, builder.commits)
    feeds.refresh(store, topic, topic_dir, env=env, updated=ran_at, latest=newest.items())
    return DigestResult(path=page, period_start=start, period_end=span.end, counts=counts, screening=context.screening)


def _topic_dir(reports_dir: Path, topic: Topic) -> Path:
    """Where the topic's pages, archive page and feed go: a folder inside ``reports_dir``, never elsewhere.

    Topic names are checked when a topic file is loaded; this holds for a Topic made any other way,
    and for a topic folder that is a link to somewhere else.
    """
    topic_dir = reports_dir / topic.name
    root = reports_dir.resolve()
    if topic_dir.resolve() == root or not topic_dir.resolve().is_relative_to(root):
        raise ConfigError(
            f"topic name {topic.name[:40]!r} leads outside the reports folder {reports_dir}; nothing written",
            path=str(topic.path) if topic.path else None,
            where="name",
        )
    return topic_dir


@contextlib.contextmanager
def _removed_on_failure(paths: list[Path]) -> Iterator[None]:
    """Remove those of ``paths`` (which the block may add to) that did not exist before, should it fail."""
    existed = {path for path in paths if path.exists()}
    try:
        yield
    except BaseException:
        for path in paths:
            if path not in existed:
                path.unlink(missing_ok=True)
        raise


def _page_path(store: Store, topic: Topic, topic_dir: Path, period: Period) -> Path:
    """``<last day>.html``, ``<last day>-2.html`` for a second digest ending that day.

    Asking again for exactly the period of an earlier digest rewrites that digest's page
    (the archive lists it once) rather than adding a near copy.
    """
    for earlier in store.digests(topic.name):
        same = earlier["period_end"] == period.end and (period.start is None or earlier["period_start"] == period.start)
        if same and Path(earlier["path"]).parent == topic_dir.resolve():
            return Path(earlier["path"])
    last = parse_timestamp(period.end) - dt.timedelta(microseconds=1)
    page = topic_dir / f"{last:%Y-%m-%d}.html"
    number = 1
    while page.exists():
        number += 1
        page = topic_dir / f"{last:%Y-%m-%d}-{number}.html"
    return page


def _relative(target: Path, start: Path) -> str:
    return Path(os.path.relpath(target.resolve(), start.resolve())).as_posix()
