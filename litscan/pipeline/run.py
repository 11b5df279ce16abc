"""``litscan run``: for each topic, fetch what is new or revised, tag, store, write the digest.

The watermark (``through``, the last day a complete run covered) is the only
thing that decides where the next run starts, and it moves only after every
id of the window has been fetched, stored and reconciled with esearch's count.
A run that fails part-way keeps the records it stored (each batch is its own
transaction, so no half batch exists) but leaves the watermark where it was,
so the next run covers the same window again; records already stored are not
fetched twice.

Windows: the first run backfills records created ([crdt]) from the topic's
``start``. Later runs cover records created since ``through`` minus a few days
(PubMed dates are US Eastern and late-indexed records get back-dated) and
records modified ([mdat]) since then, so retractions, corrections and new MeSH
reach the store and are re-tagged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Topic, eutils_settings, load_topic
from ..digest.mail import send_digest
from ..digest.writer import write_digest
from ..errors import ApiKeyError, HistoryExpiredError, IncompleteFetchError, LitscanError
from ..pubmed.eutils import EFETCH_BATCH, EutilsClient, FetchedBatch
from ..pubmed.windows import Piece, collect
from ..store import BatchSummary, Store
from ..tagging.tagger import Tagger
from .prepare import store_records

log = logging.getLogger(__name__)

# [crdt] windows reach back a few days: PubMed dates are US Eastern and some records are
# entered with a create date already past. [mdat] needs less (the Eastern/UTC offset and
# indexing lag), and every id in it is fetched again, so its overlap stays short.
OVERLAP_DAYS = 3
MDAT_OVERLAP_DAYS = 2
STATE_VERSION = 1

Progress = Callable[[str, int, int], None]  # (topic name, records done, records to fetch)


@dataclass
class TopicRunResult:
    """What one topic's run did; ``ok`` only if every record of the window landed."""

    topic: str
    ok: bool
    message: str
    summary: BatchSummary = field(default_factory=BatchSummary)
    requests: int = 0
    fetched: int = 0
    window: dict[str, str] = field(default_factory=dict)
    digest_path: Path | None = None
    exit_code: int = 0
    warnings: list[str] = field(default_factory=list)  # what PubMed said about the term (esearch notices)

    def line(self) -> str:
        return f"{self.topic}: {self.message}"


def plan_windows(topic: Topic, state: dict[str, Any], today: dt.date) -> dict[str, tuple[dt.date, dt.date]]:
    """The [crdt] (and after the first complete run, [mdat]) windows this run must cover."""
    through = state.get("through")
    changed = state.get("start") != topic.start.isoformat() or state.get("term") != term_digest(topic)
    if not through or changed:
        # First run, or the topic's start or term changed: backfill everything from start
        # (records already stored are not fetched again, so this costs searches, not downloads).
        return {"crdt": (topic.start, today)}
    last = dt.date.fromisoformat(through)
    created_lo = max(topic.start, last - dt.timedelta(days=OVERLAP_DAYS))
    modified_lo = max(topic.start, last - dt.timedelta(days=MDAT_OVERLAP_DAYS))
    return {"crdt": (created_lo, today), "mdat": (modified_lo, today)}


def term_digest(topic: Topic) -> str:
    return hashlib.sha256(topic.term.encode()).hexdigest()[:16]


def run_topic(
    store: Store,
    topic: Topic,
    client: EutilsClient,
    *,
    tagger: Tagger,
    reports_dir: Path | None,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
) -> TopicRunResult:
    """Fetch, store and digest one topic; failures are reported in the result, never half-recorded.

    A rejected API key is raised (after the run is logged as failed): no other topic can succeed.
    """
    today = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).date()
    state = store.topic_state(topic.name)
    windows = plan_windows(topic, state, today)
    window_text = {name: f"{lo}..{hi}" for name, (lo, hi) in windows.items()}
    stats_before = client.stats.snapshot()
    run_id = store.start_run("fetch", topic.name, {"window": window_text})
    result = TopicRunResult(topic=topic.name, ok=False, message="", window=window_text)
    listed: dict[str, int] = {}  # what the search found, for the PRISMA counts (litscan.screening.prisma)
    try:
        fetched = _fetch_windows(
            store, topic, client, tagger, windows, result.summary, progress, listed, result.warnings
        )
    except LitscanError as exc:
        result.requests = client.stats.requests - stats_before["requests"]
        result.message = (
            f"failed, nothing marked done ({result.summary.line()} kept; "
            f"next run repeats {_windows_line(window_text)}): {exc}"
        )
        result.exit_code = exc.exit_code
        store.finish_run(
            run_id,
            "failed",
            {
                "error": str(exc),
                "counts": result.summary.counts(),
                "warnings": result.warnings,
                **listed,
                **_stats_since(client, stats_before),
            },
        )
        log.error("%s", result.line())
        if isinstance(exc, ApiKeyError):
            raise
        return result
    except BaseException as exc:
        # A bug or Ctrl-C: record the run as failed (the watermark is untouched), then let it surface.
        store.finish_run(run_id, "failed", {"error": f"{type(exc).__name__}: {client.redact(str(exc))}"})
        raise
    result.fetched = fetched
    result.requests = client.stats.requests - stats_before["requests"]
    store.save_topic_state(
        topic.name,
        {
            **state,
            "version": STATE_VERSION,
            "start": topic.start.isoformat(),
            "term": term_digest(topic),
            "through": today.isoformat(),
            "last_complete_run": dt.datetime.now(dt.UTC).isoformat(),
        },
    )
    store.finish_run(
        run_id,
        "ok",
        {
            "fetched": fetched,
            "counts": result.summary.counts(),
            "warnings": result.warnings,
            **listed,
            **_stats_since(client, stats_before),
        },
    )
    result.ok = True
    result.message = (
        f"{result.summary.line()} ({fetched} fetched in {result.requests} requests; {_windows_line(window_text)})"
    )
    log.info("%s", result.line())
    if reports_dir is not None:
        _digest(store, topic, reports_dir, result)
    return result


def _stats_since(client: EutilsClient, before: dict[str, Any]) -> dict[str, Any]:
    """This run's share of the client's request counters (one client serves every topic)."""
    now = client.stats.snapshot()
    by_util = {k: v - before["by_util"].get(k, 0) for k, v in now["by_util"].items()}
    return {
        "requests": now["requests"] - before["requests"],
        "retries": now["retries"] - before["retries"],
        "throttled": now["throttled"] - before["throttled"],
        "requests_by_util": {k: v for k, v in by_util.items() if v},
    }


def _windows_line(windows: dict[str, str]) -> str:
    return ", ".join(f"[{name}] {span}" for name, span in windows.items())


def _digest(store: Store, topic: Topic, reports_dir: Path, result: TopicRunResult) -> None:
    try:
        digest = write_digest(store, topic, reports_dir=Path(reports_dir))
    except LitscanError as exc:
        result.ok = False
        result.exit_code = exc.exit_code
        result.message += f"; records stored, but the digest failed: {exc}"
        return
    result.digest_path = Path(digest.path)
    result.message += f"; digest {digest.path}"
    if topic.email.recipients and send_digest(topic, digest):
        result.message += f"; e-mailed to {len(topic.email.recipients)} recipient(s)"


def _heard(topic: Topic, said: list[str], warnings: list[str]) -> None:
    """What PubMed said about the term, logged (stderr) and kept for the run's record, each once."""
    for warning in said:
        if warning not in warnings:
            log.warning("%s: PubMed on the query term: %s", topic.name, warning)
            warnings.append(warning)


def _fetch_windows(
    store: Store,
    topic: Topic,
    client: EutilsClient,
    tagger: Tagger,
    windows: dict[str, tuple[dt.date, dt.date]],
    summary: BatchSummary,
    progress: Progress | None,
    listed: dict[str, int],
    warnings: list[str],
) -> int:
    created = collect(client, topic.term, "crdt", *windows["crdt"], usehistory=True)
    _heard(topic, created.warnings, warnings)
    known = store.topic_pmids(topic.name, created.ids)
    wanted = created.ids - known
    revised: set[str] = set()
    if "mdat" in windows:
        # Revised records may have changed in any field (retraction, MeSH): fetch them all again.
        revised_search = collect(client, topic.term, "mdat", *windows["mdat"])
        _heard(topic, revised_search.warnings, warnings)
        revised = revised_search.ids
    wanted |= revised
    found = created.ids | revised
    listed.update(identified=len(found), already_stored=len(store.topic_pmids(topic.name, found)))
    job = _FetchJob(store, topic, client, tagger, wanted, summary, progress)
    job.report()
    # A big piece we know none of (a backfill) is fetched straight from the history server;
    # small ones go by id, so an increment's few new ids share one request with the revised ones.
    for piece in created.pieces:
        if job.use_history and piece.webenv and len(piece.ids) >= EFETCH_BATCH and not known.intersection(piece.ids):
            job.from_history(piece)
    job.by_ids(sorted(wanted - job.received, key=int))
    missing = wanted - job.received
    if missing:
        job.by_ids(sorted(missing, key=int))  # one targeted second try: PubMed drops ids now and then
        missing = wanted - job.received
    if missing:
        sample = ", ".join(sorted(missing, key=int)[:5])
        raise IncompleteFetchError(
            f"{len(missing)} of {len(wanted)} PMIDs that esearch listed were not returned by efetch (e.g. {sample})"
        )
    return len(wanted)


class _FetchJob:
    """Fetches a set of PMIDs in batches, storing each batch in its own transaction."""

    def __init__(
        self,
        store: Store,
        topic: Topic,
        client: EutilsClient,
        tagger: Tagger,
        wanted: set[str],
        summary: BatchSummary,
        progress: Progress | None,
    ) -> None:
        self.store, self.topic, self.client, self.tagger = store, topic, client, tagger
        self.wanted = wanted
        self.summary = summary
        self.progress = progress
        self.received: set[str] = set()
        self.use_history = True

    def report(self) -> None:
        if self.progress:
            self.progress(self.topic.name, len(self.received & self.wanted), len(self.wanted))

    def store_batch(self, batch: FetchedBatch) -> None:
        if batch.items:
            self.summary.add(
                store_records(
                    self.store,
                    batch.items,
                    tagger=self.tagger,
                    topic=self.topic.name,
                    tagger_id=self.tagger.fingerprint,
                )
            )
        self.received |= batch.pmids
        self.report()

    def by_ids(self, pmids: Sequence[str]) -> None:
        for start in range(0, len(pmids), EFETCH_BATCH):
            self.store_batch(self.client.efetch(pmids[start : start + EFETCH_BATCH]))

    def from_history(self, piece: Piece) -> None:
        webenv, query_key = piece.webenv or "", piece.query_key or "1"
        count = len(piece.ids)
        retstart = 0
        while retstart < count:
            try:
                self.store_batch(self.client.efetch_history(webenv, query_key, retstart=retstart))
            except HistoryExpiredError as exc:
                if webenv != piece.webenv:
                    # Lost twice in a row: stop relying on history for this run; by_ids finishes.
                    log.warning("%s: history server unreliable (%s); fetching by id instead", self.topic.name, exc)
                    self.use_history = False
                    return
                log.info("%s: %s; searching again to resume at %d", self.topic.name, exc, retstart)
                fresh = self.client.esearch(piece.query, retmax=0, usehistory=True)
                if not fresh.webenv:
                    self.use_history = False
                    return
                webenv, query_key = fresh.webenv, fresh.query_key or "1"
                count = min(count, fresh.count)
                continue
            retstart += EFETCH_BATCH


def run_topics(
    store: Store,
    topics: Iterable[Topic],
    client: EutilsClient,
    *,
    reports_dir: Path | None,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
    lock_wait: float = 10.0,
) -> list[TopicRunResult]:
    """Run each topic in turn under the store's writer lock; one topic failing does not stop the rest."""
    results: list[TopicRunResult] = []
    topics = list(topics)
    with store.exclusive(wait_seconds=lock_wait):
        for index, topic in enumerate(topics):
            try:
                results.append(
                    run_topic(
                        store,
                        topic,
                        client,
                        tagger=Tagger.for_topic(topic),
                        reports_dir=reports_dir,
                        now=now,
                        progress=progress,
                    )
                )
            except ApiKeyError as exc:
                # The same key would be refused for every topic; do not ask NCBI again.
                results.extend(
                    TopicRunResult(t.name, False, f"not run: {exc}", exit_code=exc.exit_code) for t in topics[index:]
                )
                break
    return results


def run_paths(
    paths: Sequence[str | Path],
    *,
    db: str | Path,
    reports_dir: Path | None,
    eutils_url: str | None = None,
    progress: Progress | None = None,
    lock_wait: float = 10.0,
) -> list[TopicRunResult]:
    """What ``litscan run`` does: load the topic files, open the store, run every topic."""
    topics = [load_topic(path) for path in paths]  # every file is validated before any request
    client = EutilsClient.from_settings(eutils_settings(eutils_url))
    with Store.open(db) as store:
        return run_topics(store, topics, client, reports_dir=reports_dir, progress=progress, lock_wait=lock_wait)


__all__ = ["TopicRunResult", "plan_windows", "run_paths", "run_topic", "run_topics", "term_digest"]
