"""Export stored records: JSON, CSV, RIS, BibTeX and a pandas DataFrame, all from one row shape.

Every row carries the record's appraisal: its key finding, sample size and trial markers.
The ``title`` is the one a reader is shown: the English title, or the original-language
(``vernacular_title``) one where PubMed has no English title. ``other_abstracts`` are the
abstracts in other languages: in CSV ``language: text``, in JSON objects with their type.
Names PubMed marks erroneous (ValidYN="N") are no authors: JSON lists them apart, in
``erroneous_authors``. Tombstoned records (deleted by PubMed) are exported only when the filter
asks for them, with ``deleted`` true.

JSON keeps lists as lists and carries the evidence of every tag. CSV is for
spreadsheets, so its list cells are joined with ``"; "``; use JSON or the
DataFrame when you need them as lists. Every file format is written one record
at a time as the store reads them, so an export's memory does not grow with the
store.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or
carriage return before one) as a formula; a title can start that way. As OWASP
advises ("CSV Injection"), such text cells get a leading ``'``, which spreadsheets
read as "this is text". Numeric columns hold numbers, which are written as they are.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .config import Topic
from .errors import ConfigError
from .files import atomic_text_writer
from .models import to_jsonable
from .pubmed.links import record_links
from .store import RecordFilter, Store, StoredRecord
from .tagging.vocabulary import load_vocabulary

if TYPE_CHECKING:
    import pandas

FORMATS = ("json", "csv", "ris", "bibtex")

# Columns in the order a person reading a CSV wants them.
CSV_COLUMNS = (
    "pmid",
    "title",
    "year",
    "pub_date",
    "journal",
    "authors",
    "doi",
    "pmcid",
    "registrations",
    "on_topic",
    "design",
    "conditions",
    "routes",
    "sample_size",
    "markers",
    "key_finding",
    "publication_types",
    "mesh",
    "keywords",
    "language",
    "status",
    "retracted",
    "first_seen",
    "queries",
    "url",
    "abstract",
    "vernacular_title",
    "other_abstracts",
    "deleted",
)


def summary_row(item: StoredRecord) -> dict[str, Any]:
    """The fields a person reads in a table: exactly the CSV columns, lists kept as lists."""
    from .appraisal import appraise  # here, not at the top: `litscan import` loads this module for FORMATS

    record, tags = item.record, item.tags
    appraisal = appraise(record, tags)
    return {
        "pmid": record.pmid,
        "title": record.display_title,
        "year": record.year,
        "pub_date": record.pub_date.iso() if record.pub_date else None,
        "journal": record.journal,
        "authors": [a.display_name for a in record.authors],
        "doi": record.doi,
        "pmcid": record.pmcid,
        "registrations": [r.id for r in record_links(record, item.registrations).registrations],
        "on_topic": tags.on_topic,
        "design": tags.design,
        "conditions": list(tags.conditions),
        "routes": list(tags.routes),
        "sample_size": (appraisal.sample_size.text or None) if appraisal.sample_size else None,
        "markers": list(appraisal.markers),
        "key_finding": appraisal.key_finding.text if appraisal.key_finding else None,
        "publication_types": list(record.publication_type_names),
        "mesh": list(record.mesh_descriptors),
        "keywords": list(record.keywords),
        "language": record.languages[0] if record.languages else None,
        "status": record.status,
        "retracted": record.retracted,
        "first_seen": item.first_seen,
        "queries": list(item.topics),
        "url": record.url,
        "abstract": record.abstract,
        "vernacular_title": record.vernacular_title,
        "other_abstracts": [f"{o.language}: {o.text}" if o.language else o.text for o in record.other_abstracts],
        "deleted": item.deleted_at is not None,
    }


def record_row(item: StoredRecord) -> dict[str, Any]:
    """One stored record as the flat object the JSON export and the DataFrame share:
    the summary fields plus the details (sections, author and MeSH structure, evidence)."""
    record, tags = item.record, item.tags
    links = record_links(record, item.registrations)
    return {
        **summary_row(item),
        "registrations": [r.as_dict() for r in links.registrations],
        "comments_corrections": [c.as_dict() for c in links.comments_corrections],
        "full_text_url": links.full_text_url,
        "version": record.version,
        "kind": record.kind,
        "abstract_sections": [to_jsonable(s) for s in record.abstract_sections],
        "journal_abbrev": record.journal_abbrev,
        "volume": record.volume,
        "issue": record.issue,
        "pages": record.pages,
        "pub_date_raw": record.pub_date.raw if record.pub_date else None,
        "article_date": record.article_date,
        "created_date": record.created_date,
        "revised_date": record.revised_date,
        "author_details": [to_jsonable(a) for a in record.authors],
        "erroneous_authors": [to_jsonable(a) for a in record.erroneous_authors],
        "other_abstracts": [to_jsonable(o) for o in record.other_abstracts],
        "mesh_headings": [to_jsonable(m) for m in record.mesh],
        "chemicals": [c.name for c in record.chemicals],
        "languages": list(record.languages),
        "errata": [to_jsonable(c) for c in record.errata],
        "last_changed": item.last_changed,
        "retracted_at": item.retracted_at,
        "evidence": tags.evidence_dict(),
    }


def write_json(items: Iterable[StoredRecord], out: IO[str]) -> int:
    """Write a JSON array one object at a time, so exports stay flat in memory."""
    count = 0
    out.write("[")
    for item in items:
        out.write(",\n" if count else "\n")
        json.dump(record_row(item), out, ensure_ascii=False)
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def to_dataframe(items: Iterable[StoredRecord]) -> pandas.DataFrame:
    """Records as a DataFrame, one row each; list columns hold Python lists."""
    import pandas as pd

    rows = [record_row(item) for item in items]
    if not rows:
        return pd.DataFrame(columns=list(CSV_COLUMNS))
    return pd.DataFrame(rows)


# The CSV columns that hold numbers (or nothing): written as numbers, a minus sign included.
NUMBER_COLUMNS = frozenset({"year"})
# What makes a spreadsheet read a cell as a formula (OWASP): these first characters, also after
# leading spaces, which some spreadsheets skip. (A carriage return is written as a line feed, below.)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\n")


def csv_cell(column: str, value: Any) -> str:
    """One CSV cell: lists joined with ``"; "``, None empty, text that would start a formula neutralised."""
    if value is None:
        return ""
    if column in NUMBER_COLUMNS:
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f"CSV column {column!r} holds numbers, not {value!r}")
        return str(value)
    text = "; ".join(value) if isinstance(value, list) else str(value)
    # The csv module quotes a cell holding a line feed but not one holding a lone carriage return,
    # which readers would take for the end of the row.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "'" + text if text.lstrip(" ").startswith(_FORMULA_START) else text


def write_csv(items: Iterable[StoredRecord], out: IO[str]) -> int:
    """One header and one row a record, written as they come."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for item in items:
        row = summary_row(item)
        writer.writerow([csv_cell(column, row[column]) for column in CSV_COLUMNS])
        count += 1
    return count


def export(store: Store, out: IO[str], *, format: str = "json", filters: RecordFilter | None = None) -> int:
    """Write the records matching ``filters`` to ``out`` as the store reads them; returns how many."""
    from . import citations  # here, not at the top: see summary_row

    writers = {
        "json": write_json,
        "csv": write_csv,
        "ris": citations.write_ris,
        "bibtex": citations.write_bibtex,
    }
    if format not in writers:
        raise ValueError(f"unknown export format {format!r} (choose from {', '.join(FORMATS)})")
    return writers[format](store.query(filters or RecordFilter()), out)


def check_tag_ids(
    topic: Topic, *, conditions: Iterable[str] = (), routes: Iterable[str] = (), designs: Iterable[str] = ()
) -> None:
    """Reject filter ids the topic's vocabulary does not define, naming the vocabulary file."""
    vocabulary = load_vocabulary(topic.vocabulary_path)
    known = {"condition": vocabulary.condition_ids, "route": vocabulary.route_ids, "design": vocabulary.design_ids}
    for kind, given in (("condition", conditions), ("route", routes), ("design", designs)):
        for tag_id in given:
            if tag_id not in known[kind]:
                raise ConfigError(
                    f"unknown {kind} id {tag_id!r} (known: {', '.join(sorted(known[kind]))})",
                    path=str(topic.vocabulary_path),
                )


def export_file(
    db: Path, *, topic: Topic, filters: RecordFilter, format: str, output: Path | None, stream: IO[str]
) -> int:
    """What ``litscan export`` does: check the filter's tag ids against ``topic``'s vocabulary, then
    write the matching records to ``output`` (replaced only once complete) or else to ``stream``."""
    check_tag_ids(topic, conditions=filters.conditions, routes=filters.routes, designs=filters.designs)
    with Store.open(db) as store:
        if output is None:
            return export(store, stream, format=format, filters=filters)
        with atomic_text_writer(output) as out:
            return export(store, out, format=format, filters=filters)
