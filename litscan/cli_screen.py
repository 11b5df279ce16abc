"""The ``litscan screen`` commands, ``litscan prisma`` and ``litscan serve``: each parses its options
and calls the screening library (registered on the ``litscan`` group by ``litscan.cli``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .cli import db_option, reported
from .config import Topic, db_path, default_topic_path, find_topic, load_topic, topics_to_run
from .files import atomic_write_text
from .store import Store

topic_option = click.option(
    "--topic", "topic_name", default=None, help="Topic name or file (default: the bundled ketamine topic)."
)


def _topic(name: str | None) -> Topic:
    """A topic by name or file; the bundled one when none is named."""
    return find_topic(name) if name else load_topic(default_topic_path())


@click.group("screen")
def screen_group() -> None:
    """Screen a topic's records: list them, decide, import and export decisions."""


@screen_group.command("list")
@click.argument("topic", required=False)
@db_option
@click.option("--undecided", is_flag=True, help="Only records not yet decided, or revised since they were.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of records.")
def list_command(topic: str | None, db: str | None, undecided: bool, as_json: bool) -> None:
    """The topic's records with their decisions, most likely inclusions first (on topic, then design strength).

    A decision marked '!' was made before PubMed revised the record: screen it again.

    Example: litscan screen list ketamine-chronic-pain --undecided
    """
    from .screening.listing import format_list, screening_list

    with reported():
        chosen = _topic(topic)
        with Store.open(db_path(db)) as store:
            items = screening_list(store, chosen, undecided=undecided)
    if as_json:
        click.echo(json.dumps([item.as_dict() for item in items], indent=2, ensure_ascii=False))
    elif items:
        click.echo(format_list(items))


@screen_group.command("decide")
@click.argument("topic")
@click.argument("pmids", nargs=-1, required=True)
@db_option
@click.option("--include", is_flag=True, help="Include the records.")
@click.option("--exclude", metavar="REASON", default=None, help="Exclude them for one of the topic's reasons.")
@click.option("--maybe", is_flag=True, help="Not sure yet: to decide later.")
@click.option("--note", default=None, help="A note kept with the decision.")
@click.option("--by", default=None, help="Who decides (default: your user name).")
def decide_command(
    topic: str,
    pmids: tuple[str, ...],
    db: str | None,
    include: bool,
    exclude: str | None,
    maybe: bool,
    note: str | None,
    by: str | None,
) -> None:
    """Record a decision for one or more records of TOPIC: all of them, or none on any bad input.

    Example: litscan screen decide ketamine-chronic-pain 39000001 39000002 --exclude acute_pain_only
    """
    from .screening.decisions import choice_from_options, decide

    with reported():
        choice = choice_from_options(include, exclude, maybe, note)
        chosen = find_topic(topic)
        with Store.open(db_path(db)) as store:
            recorded = decide(store, chosen, pmids, choice, by=by)
    click.echo(f"{len(recorded)} decision(s) recorded: {choice.decision}", err=True)


@screen_group.command("import")
@click.argument("path", type=click.Path(dir_okay=False))
@db_option
@topic_option
@click.option("--format", "format_", type=click.Choice(["asreview", "rayyan", "csv"]), default=None)
@click.option("--by", default=None, help="Who decided, where the file does not say.")
def import_command(path: str, db: str | None, topic_name: str | None, format_: str | None, by: str | None) -> None:
    """Import decisions: ASReview's CSV (its 'included' column), Rayyan's RIS (its inclusion notes) or a plain
    pmid,decision,reason,note CSV. A file with any unreadable line is refused whole, naming the line.

    Example: litscan screen import asreview-export.csv --topic ketamine-chronic-pain
    """
    from .screening.transfer import import_decisions

    with reported():
        chosen = _topic(topic_name)
        with Store.open(db_path(db)) as store:
            result = import_decisions(store, chosen, Path(path), format=format_, by=by)
    click.echo(result.line())


@screen_group.command("export")
@db_option
@topic_option
@click.option("--format", "format_", type=click.Choice(["csv", "ris", "asreview"]), default="csv", show_default=True)
@click.option("--all", "everything", is_flag=True, help="Also the records not decided yet.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write here, not to stdout.")
def export_command(db: str | None, topic_name: str | None, format_: str, everything: bool, output: str | None) -> None:
    """Export the topic's decisions as a plain CSV, Rayyan-style RIS or an ASReview dataset; each imports back.

    Example: litscan screen export --format ris -o decisions.ris
    """
    from .screening.transfer import export_to

    with reported():
        chosen = _topic(topic_name)
        with Store.open(db_path(db)) as store:
            count = export_to(
                store, chosen, Path(output) if output else None, sys.stdout, format=format_, undecided=everything
            )
    if output:
        click.echo(f"Exported {count} records to {output}", err=True)


@click.command("prisma")
@click.argument("topic")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print {total, updates} as JSON.")
@click.option("--svg", "svg", type=click.Path(dir_okay=False), default=None, help="Write the flow diagram here.")
def prisma_command(topic: str, db: str | None, as_json: bool, svg: str | None) -> None:
    """PRISMA 2020 counts of TOPIC for every update and in total, and its flow diagram for updated reviews.

    Example: litscan prisma ketamine-chronic-pain --svg prisma.svg
    """
    from .screening.flow_diagram import diagram
    from .screening.prisma import format_report, prisma_report

    with reported():
        chosen = find_topic(topic)
        with Store.open(db_path(db)) as store:
            report = prisma_report(store, chosen)
        if svg:
            atomic_write_text(Path(svg), diagram(report))
    click.echo(json.dumps(report.as_dict(), indent=2) if as_json else format_report(report))


@click.command("serve")
@click.argument("topics", nargs=-1, metavar="[TOPIC]...")
@db_option
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="Port (0: any free one).")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Anything but this machine lets others change decisions: it is warned about.",
)
@click.option("--reviewer", default=None, help="Name the decisions are recorded under (default: your user name).")
def serve_command(topics: tuple[str, ...], db: str | None, port: int, host: str, reviewer: str | None) -> None:
    """Screen records in the browser: one at a time or as a list, from the keyboard.

    TOPIC is a topic's name or file (default: every topic in queries/). Decisions are written to
    the store at once, as with `litscan screen decide`. Stop with Ctrl-C.

    Example: litscan serve ketamine-chronic-pain --db pain.sqlite
    """
    from .serve import exposure, screening_server, url_of

    warning = exposure(host)
    if warning:
        click.echo(f"Warning: {warning}", err=True)
    with reported():
        chosen = [find_topic(t) for t in topics] or [load_topic(p) for p in topics_to_run()]
        server = screening_server(db_path(db), chosen, host=host, port=port, reviewer=reviewer)
    click.echo(f"Screening {', '.join(t.name for t in chosen)} at {url_of(server)} (Ctrl-C stops)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
