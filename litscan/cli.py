"""The ``litscan`` command: each command parses its options and calls one library function.

Library errors (``LitscanError``) become a one-line message and the error's
exit code; nothing here talks SQL, HTTP or Jinja.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from . import build
from .config import DEFAULT_REPORTS, Topic, default_topic_path, load_topic, parse_date, topics_to_run
from .config import db_path as config_db_path
from .errors import ConfigError, LitscanError
from .export import FORMATS, export_file
from .pipeline.ingest import ImportFailedError, import_files
from .process_exit import end_process
from .pubmed import redaction
from .store import RecordFilter, Store

# Commands import the stage they run when they run: `litscan import` (which cron waits for) then
# does not load the HTTP client, Jinja2 and the rest at start-up.


@contextmanager
def reported() -> Iterator[None]:
    """Library errors as click shows its own: ``Error: <message>`` on stderr, and the error's exit code."""
    try:
        yield
    except LitscanError as exc:
        click.echo(f"Error: {exc}", err=True)
        raise click.exceptions.Exit(exc.exit_code) from None


# Annotated: litscan.cli_screen imports it while this module is being read, before mypy could infer it.
db_option: Callable[[Callable[..., None]], Callable[..., None]] = click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False),
    default=None,
    help="SQLite database (default: $LITSCAN_DB or ./litscan.sqlite).",
)


def reports_option(help_text: str) -> Callable[[Any], Any]:
    return click.option(
        "--reports",
        "reports_dir",
        type=click.Path(file_okay=False),
        default=DEFAULT_REPORTS,
        show_default=True,
        help=help_text,
    )


def query_option(help_text: str) -> Callable[[Any], Any]:
    """``--query FILE``: the topic file whose vocabulary a command uses."""
    return click.option("--query", "query_file", type=click.Path(dir_okay=False), default=None, help=help_text)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="litscan", message=f"%(prog)s %(version)s ({build()})")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors.")
def cli(verbose: int, quiet: bool) -> None:
    """litscan: PubMed literature surveillance with explained tags and an evidence digest."""
    level = logging.ERROR if quiet else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    handler = logging.StreamHandler(sys.stderr)
    redaction.install(handler)  # every record reaches it, whichever logger wrote it: no API key gets past
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", handlers=[handler])


# --- commands -----------------------------------------------------------------------
# Each command lives in its own block below; keep blocks independent.


def _date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Dates on the command line: YYYY-MM-DD, checked here so the error names the option."""
    if value is None:
        return None
    try:
        return parse_date(value, key=f"--{param.name}").isoformat()
    except ConfigError:
        raise click.BadParameter(f"cannot read {value!r} as a date (use YYYY-MM-DD)") from None


def open_topic(path: str | None) -> Topic:
    return load_topic(path) if path else load_topic(default_topic_path())


@cli.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False))
@db_option
@query_option("Topic file whose tag vocabulary applies (default: the bundled ketamine topic).")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Processes that parse and tag large PubMed XML files (default: one per core).",
)
def import_command(paths: tuple[str, ...], db: str | None, query_file: str | None, workers: int | None) -> None:
    """Import PubMed XML (.xml, .xml.gz) or MEDLINE (.txt, .nbib) files into the store.

    Example: litscan import pubmed25n1274.xml.gz saved-search.nbib --db pain.sqlite
    """
    show_progress = sys.stderr.isatty()

    def progress(path: str, done: int) -> None:
        if show_progress:
            click.echo(f"\r{path}: {done:,} records", nl=False, err=True)

    failure: ImportFailedError | None = None
    with reported():
        topic = open_topic(query_file)
        with Store.open(config_db_path(db)) as store, store.exclusive():
            try:
                result = import_files(store, paths, topic=topic, progress=progress, workers=workers)
            except ImportFailedError as exc:  # the other files were imported: say what each did
                result, failure = exc.result, exc
    if show_progress:
        click.echo("", err=True)
    if len(paths) > 1:
        for path, summary in result.files:
            click.echo(f"{path}: {summary.line()}")
    if result.files:
        click.echo(f"Imported {len(result.files)} of {len(paths)} file(s): {result.summary.line()}")
    if failure is not None:
        for _, error in failure.result.failed:
            click.echo(f"Error: {error}", err=True)
        raise click.exceptions.Exit(failure.exit_code)


@cli.command("export")
@db_option
@click.option("--format", "format_", type=click.Choice(FORMATS), default="json", show_default=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Write here instead of standard output.",
)
@click.option("--topic", default=None, help="Only records found by this topic (its name).")
@click.option("--condition", "conditions", multiple=True, help="Condition id (repeatable: any of them).")
@click.option("--route", "routes", multiple=True, help="Route id (repeatable: any of them).")
@click.option("--design", "designs", multiple=True, help="Design id (repeatable: any of them).")
@click.option("--on-topic/--off-topic", "on_topic", default=None, help="Only on- or off-topic records.")
@click.option("--from", "published_from", callback=_date_option, help="Published on or after (YYYY-MM-DD).")
@click.option("--to", "published_to", callback=_date_option, help="Published on or before (YYYY-MM-DD).")
@click.option("--added-since", callback=_date_option, help="Entered the store on or after (YYYY-MM-DD).")
@click.option("--include-deleted", is_flag=True, help="Also records PubMed deleted (exported with deleted: true).")
@query_option("Topic file whose vocabulary the tag ids are checked against.")
def export_command(
    db: str | None,
    format_: str,
    output: str | None,
    topic: str | None,
    conditions: tuple[str, ...],
    routes: tuple[str, ...],
    designs: tuple[str, ...],
    on_topic: bool | None,
    published_from: str | None,
    published_to: str | None,
    added_since: str | None,
    include_deleted: bool,
    query_file: str | None,
) -> None:
    """Export stored records as JSON, CSV, RIS or BibTeX.

    A partial publication date (a year, a year and month) is within --from/--to when any day of it is.

    Example: litscan export --format csv --condition crps --route intravenous -o crps-iv.csv
    """
    filters = RecordFilter(
        topic=topic,
        conditions=conditions,
        routes=routes,
        designs=designs,
        on_topic=on_topic,
        published_from=published_from,
        published_to=published_to,
        added_since=added_since,
        include_deleted=include_deleted,
    )
    with reported():
        count = export_file(
            config_db_path(db),
            topic=open_topic(query_file),
            filters=filters,
            format=format_,
            output=Path(output) if output else None,
            stream=sys.stdout,
        )
    if output:
        click.echo(f"Exported {count} records to {output}", err=True)


@cli.command("demo")
@reports_option("Where the demo database and page are written.")
def demo_command(reports_dir: str) -> None:
    """Import the bundled sample into a fresh database and write its digest page (no network).

    Example: litscan demo
    """
    from .pipeline.demo import run_demo

    with reported():
        result = run_demo(Path(reports_dir))
    click.echo(f"Demo: {result.summary.line()} into {result.db_path}", err=True)
    click.echo(str(result.page_path))


@cli.command("run")
@click.argument("query_files", nargs=-1, type=click.Path(dir_okay=False))
@db_option
@reports_option("Where each topic's digest is written.")
@click.option(
    "--eutils-url",
    default=None,
    help="E-utilities base URL (default: NCBI's; env LITSCAN_EUTILS_URL).",
)
@click.pass_context
def run_command(
    ctx: click.Context, query_files: tuple[str, ...], db: str | None, reports_dir: str, eutils_url: str | None
) -> None:
    """Fetch what is new or revised in PubMed for each topic, store it and write its digest.

    Without QUERY_FILE every topic in queries/ runs. Exits 0 only when every topic's
    records all landed; otherwise prints one line per failed topic and exits non-zero.
    Set NCBI_EMAIL (and NCBI_API_KEY for 10 requests/s instead of 3).

    Example: litscan run --db pain.sqlite --reports /var/www/litscan
    """
    from .pipeline.run import run_paths

    show_bar = sys.stderr.isatty()

    def progress(topic: str, done: int, total: int) -> None:
        if show_bar and total:
            filled = 30 * done // total
            click.echo(f"\r{topic} [{'#' * filled}{'.' * (30 - filled)}] {done:,}/{total:,}", nl=False, err=True)

    with reported():
        results = run_paths(
            topics_to_run(query_files),
            db=config_db_path(db),
            reports_dir=Path(reports_dir),
            eutils_url=eutils_url,
            progress=progress,
        )
    if show_bar:
        click.echo("", err=True)
    quiet = bool(ctx.find_root().params.get("quiet"))
    failed = [r for r in results if not r.ok]
    for result in results:
        if result.ok and not quiet:
            click.echo(result.line())
    for result in failed:
        click.echo(f"litscan run: {result.line()}", err=True)
    if failed:
        ctx.exit(max(r.exit_code for r in failed) or 1)


@cli.command("digest")
@click.argument("query_file", required=False, type=click.Path(dir_okay=False))
@db_option
@click.option(
    "--since",
    default=None,
    metavar="DATE",
    help="Records that entered the store on or after this date "
    "(default: where the topic's previous digest ended; the first digest takes everything).",
)
@click.option("--until", default=None, metavar="DATE", help="...and on or before this date (default: now).")
@click.option(
    "--period",
    type=click.Choice(["week", "month"]),
    default=None,
    help="The week or month before --until (ignored when --since is given).",
)
@reports_option("Where the topic's digests, archive page and feed live.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the page here (default: REPORTS/<topic>/<last day>.html).",
)
@click.option(
    "--templates",
    "templates_dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Templates that override the built-in ones (env LITSCAN_TEMPLATES).",
)
def digest_command(
    query_file: str | None,
    db: str | None,
    since: str | None,
    until: str | None,
    period: str | None,
    reports_dir: str,
    output: str | None,
    templates_dir: str | None,
) -> None:
    """Write the HTML digest of the records that entered the store in a period.

    Also writes the period's CSV, RIS and BibTeX next to the page and refreshes
    the topic's index.html and feed.xml.

    Example: litscan digest --since 2024-03-01 --until 2024-03-31 --reports site/
    """
    from .digest.writer import write_digest

    with reported():
        topic = open_topic(query_file)
        with Store.open(config_db_path(db)) as store:
            result = write_digest(
                store,
                topic,
                reports_dir=Path(reports_dir),
                since=since,
                until=until,
                output=Path(output) if output else None,
                templates_dir=Path(templates_dir) if templates_dir else None,
                period=period,
            )
    counts = result.counts
    click.echo(
        f"{counts['new']} new, {counts['on_topic']} on topic ({counts['trials']} trials, "
        f"{counts['systematic_reviews']} systematic reviews)",
        err=True,
    )
    click.echo(str(result.path))


@cli.command("check-term")
@click.argument("inputs", nargs=-1, metavar="[QUERY_FILE] [GOLD.jsonl]... [PMID]...")
@click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False),
    default=None,
    help="Also check the records of this store (on topic as tagged).",
)
@click.option("--without-mesh", is_flag=True, help="Read stored records as if NLM had not indexed them yet.")
@click.option(
    "--mesh-tree",
    type=click.Path(dir_okay=False),
    default=None,
    help="NLM's MeSH tree file (mtreesYYYY.bin), so [mh] takes narrower headings.",
)
@click.option("--live", is_flag=True, help="Also ask PubMed which of the PMIDs given (and gold PMIDs) the term misses.")
@click.option(
    "--eutils-url",
    default=None,
    help="E-utilities base URL for --live (default: $LITSCAN_EUTILS_URL, else NCBI's).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
def check_term_command(
    ctx: click.Context,
    inputs: tuple[str, ...],
    db: str | None,
    without_mesh: bool,
    mesh_tree: str | None,
    live: bool,
    eutils_url: str | None,
    as_json: bool,
) -> None:
    """Measure a topic's PubMed term offline on records whose relevance is known.

    The term (of QUERY_FILE, a .toml topic; default the bundled ketamine topic) is read
    the way PubMed reads it: fields, phrases, truncation, proximity, strict left-to-right
    AND/OR/NOT. It prints recall on the on-topic records, off-topic matches, and each
    missed record with the top-level block that found nothing.

    Exit status: 0 when every on-topic record (and, with --live, every PMID PubMed holds)
    is found; 1 when recall is below 100 % (so it can gate CI); 2 for a bad term or input
    file; 4 when PubMed cannot be asked.

    Example: litscan check-term queries/ketamine-chronic-pain.toml ../shared/gold/dev.jsonl
    """
    from .pubmed.term_check import check_term, format_report

    query_file = inputs[0] if inputs and inputs[0].endswith(".toml") else None
    with reported():
        report = check_term(
            query_file,
            inputs[1:] if query_file else inputs,
            db=db,
            with_mesh=not without_mesh,
            mesh_tree=mesh_tree,
            live=live,
            eutils_url=eutils_url,
        )
    click.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False) if as_json else format_report(report))
    if not report.ok:
        ctx.exit(1)


# Screening commands (screen, prisma, serve) live in litscan/cli_screen.py, the tagger's (explain,
# eval) in litscan/cli_tagging.py: this module is near its size limit.
from .cli_screen import prisma_command, screen_group, serve_command  # noqa: E402
from .cli_tagging import eval_command, explain_command  # noqa: E402

cli.add_command(screen_group)
cli.add_command(prisma_command)
cli.add_command(serve_command)
cli.add_command(explain_command)
cli.add_command(eval_command)


def main() -> None:
    code: object = 0
    try:
        cli(prog_name="litscan")  # standalone: ends in SystemExit with the command's status
    except SystemExit as exc:
        code = exc.code
    # Out of the handler, so the exception it ended on is freed with what its frames held (a command stopped by
    # a closed pipe holds a cursor: freed, the store's connection finishes closing and takes its WAL file along).
    end_process(code)
