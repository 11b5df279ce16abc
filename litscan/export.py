"""Export stored records: JSON, CSV and a pandas DataFrame, all from one row shape.

Every row carries the record's appraisal: its key finding, sample size and trial markers.
JSON keeps lists as lists and carries the evidence of every tag. CSV is for
spreadsheets, so its list cells are joined with ``"; "``; use JSON or the
DataFrame when you need them as lists.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from . import citations
from .appraisal import appraise
from .config import Topic
from .errors import ConfigError
from .files import atomic_text_writer
from .models import to_jsonable
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
)


def summary_row(item: StoredRecord) -> dict[str, Any]:
    """The fields a person reads in a table: exactly the CSV columns, lists kept as lists."""
    record, tags = item.record, item.tags
    appraisal = appraise(record, tags)
    return {
        "pmid": record.pmid,
        "title": record.title,
        "year": record.year,
        "pub_date": record.pub_date.iso() if record.pub_date else None,
        "journal": record.journal,
        "authors": [a.display_name for a in record.authors],
        "doi": record.doi,
        "pmcid": record.pmcid,
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
    }


def record_row(item: StoredRecord) -> dict[str, Any]:
    """One stored record as the flat object the JSON export and the DataFrame share:
    the summary fields plus the details (sections, author and MeSH structure, evidence)."""
    record, tags = item.record, item.tags
    return {
        **summary_row(item),
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
        "mesh_headings": [to_jsonable(m) for m in record.mesh],
        "chemicals": [c.name for c in record.chemicals],
        "languages": list(record.languages),
        "errata": [to_jsonable(c) for c in record.errata],
        "last_changed": item.last_changed,
        "retracted_at": item.retracted_at,
        "deleted": item.deleted_at is not None,
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


def write_csv(items: Iterable[StoredRecord], out: IO[str]) -> int:
    import pandas as pd

    frame = pd.DataFrame([summary_row(item) for item in items], columns=list(CSV_COLUMNS))
    for column in ("authors", "conditions", "routes", "markers", "publication_types", "mesh", "keywords", "queries"):
        frame[column] = frame[column].map(lambda v: "; ".join(v) if isinstance(v, list) else v)
    frame.to_csv(out, index=False, lineterminator="\n")
    return len(frame)


def export(store: Store, out: IO[str], *, format: str = "json", filters: RecordFilter | None = None) -> int:
    """Write the records matching ``filters`` to ``out``; returns how many."""
    items = store.query(filters or RecordFilter())
    if format == "json":
        return write_json(items, out)
    if format == "csv":
        return write_csv(items, out)
    if format in ("ris", "bibtex"):
        records = list(items)
        out.write(citations.to_ris(records) if format == "ris" else citations.to_bibtex(records))
        return len(records)
    raise ValueError(f"unknown export format {format!r} (choose from {', '.join(FORMATS)})")


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
