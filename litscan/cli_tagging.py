"""The tagger's commands, ``litscan explain`` and ``litscan eval``: each parses its options and calls
``litscan.tagging`` (registered on the ``litscan`` group by ``litscan.cli``)."""

from __future__ import annotations

import json

import click

from .cli import db_option, open_topic, query_option, reported
from .config import db_path
from .store import Store
from .tagging.evaluate import DEFAULT_FOLDS
from .tagging.vocabulary import load_vocabulary


@click.command("explain")
@click.argument("pmid")
@db_option
@query_option("Topic file whose vocabulary names the tags (default: the bundled ketamine topic).")
@click.option("--retag", is_flag=True, help="Tag the record again with the current vocabulary first.")
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as JSON.")
def explain_command(pmid: str, db: str | None, query_file: str | None, retag: bool, as_json: bool) -> None:
    """Show why a stored record got its tags: the field and text that decided each one.

    Example: litscan explain 25060512 --db pain.sqlite
    """
    from .tagging.explain import explain_pmid
    from .tagging.tagger import Tagger

    with reported():
        topic = open_topic(query_file)
        labels = load_vocabulary(topic.vocabulary_path)

        tagger = Tagger.for_topic(topic) if retag else None
        with Store.open(db_path(db)) as store:
            result = explain_pmid(store, pmid, tagger=tagger, labels=labels, as_data=as_json)
    click.echo(json.dumps(result, indent=2, ensure_ascii=False) if as_json else result)


@click.command("eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(dir_okay=False))
@query_option("Topic file whose vocabulary tags the records (default: the bundled ketamine topic).")
@click.option(
    "--folds",
    type=int,
    default=DEFAULT_FOLDS,
    show_default=True,
    help="Number of folds records fall in (by a hash of their PMID); each fold is scored on its own too.",
)
@click.option("--fold", type=int, default=None, help="Score only this fold (0 to folds-1).")
@click.option("--exclude-fold", type=int, default=None, help="Leave this fold out (a fold kept sealed).")
@click.option(
    "--split",
    "part",
    type=click.Choice(["all", "dev", "holdout"]),
    default="all",
    show_default=True,
    help="Score all records, or the older fixed two-thirds/one-third part.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores and errors as JSON.")
def eval_command(
    gold: tuple[str, ...],
    query_file: str | None,
    folds: int,
    fold: int | None,
    exclude_fold: int | None,
    part: str,
    as_json: bool,
) -> None:
    """Score the tagger on hand-labelled records (JSON lines with title, abstract and labels).

    Records go through parse, store and tag like a new PubMed record, in a throwaway store.
    Scores are given overall and for each fold.

    Example: litscan eval ../shared/gold/dev.jsonl ../shared/gold/dev2.jsonl --exclude-fold 0
    """
    from .tagging.evaluate import Selection, evaluate, format_report
    from .tagging.tagger import Tagger

    with reported():
        tagger = Tagger.for_topic(open_topic(query_file))
        selection = Selection(folds=folds, fold=fold, exclude_fold=exclude_fold, split=part)
        result = evaluate(gold, tagger, selection=selection)
    click.echo(json.dumps(result, indent=2, ensure_ascii=False) if as_json else format_report(result))
