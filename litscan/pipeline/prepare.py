"""Parsed records into the rows the store writes: serialised, hashed and tagged, tagging only what changed.

The store stores what it is given; tagging is the pipeline's job. ``prepare_record`` makes one row
(worker processes call it in the parallel import), ``store_records`` stores a batch of parsed records
and tags only those the store does not already hold as they are, and ``retag`` re-tags every stored
record after a vocabulary change.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

from ..models import Deletion, ParsedItem, Record, Tags, json_bytes
from ..pubmed.links import registrations_json
from ..pubmed.registries import Registries, load_registries
from ..store import BatchSummary, CitationColumns, RecordFilter, RecordRow, Store, TagColumns, Unchanged

Tagger = Callable[[Record], Tags]


def content_hash(data: bytes) -> str:
    """What tells a changed record from one stored already: a hash of its serialised form."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def tag_columns(tags: Tags, tagger_id: str | None) -> TagColumns:
    return TagColumns(
        on_topic=int(tags.on_topic),
        design=tags.design,
        conditions=json_bytes(tags.conditions).decode(),
        routes=json_bytes(tags.routes).decode(),
        tags=json_bytes(tags),
        tagger=tagger_id,
    )


def prepare_record(
    record: Record,
    tagger: Tagger,
    tagger_id: str | None,
    *,
    data: bytes | None = None,
    digest: str | None = None,
    registries: Registries | None = None,
) -> RecordRow:
    """Tag and serialise one record into the row the store writes.

    ``registries``: the registry file that finds its registrations (default: the one in force);
    callers preparing many records look it up once for all of them.
    """
    data = data if data is not None else json_bytes(record)
    citation = CitationColumns(
        pmid=int(record.pmid),
        version=record.version,
        kind=record.kind,
        data=data,
        content_hash=digest or content_hash(data),
        title=record.title,
        year=record.year,
        pub_date=record.pub_date.iso() if record.pub_date else None,
        created_date=record.created_date,
        revised_date=record.revised_date,
        doi=record.doi,
        pmcid=record.pmcid,
        journal=record.journal,
        status=record.status,
        retracted=int(record.retracted),
    )
    return RecordRow(citation, tag_columns(tagger(record), tagger_id), registrations_json(record, registries))


def store_records(
    store: Store,
    items: Iterable[ParsedItem],
    *,
    tagger: Tagger,
    topic: str | None = None,
    tagger_id: str | None = None,
    now: str | None = None,
    savepoint: bool = True,
) -> BatchSummary:
    """Store one batch of parsed records and deletions, all of it or none; tag only what is new or changed.

    A record the store already holds with the same content, tagged by the same tagger, is not
    tagged again. Within the batch, a record that comes again later counts in its later version.
    ``savepoint=False``: the batch joins the transaction under way (``Store.upsert``).
    """
    items = list(items)
    latest: dict[int, tuple[int, Record]] = {}
    for index, item in enumerate(items):
        if not isinstance(item, Deletion):
            latest[int(item.pmid)] = (index, item)
    serialised = {pmid: json_bytes(record) for pmid, (_, record) in latest.items()}
    hashes = {pmid: content_hash(data) for pmid, data in serialised.items()}
    registries = load_registries()
    with store.transaction(savepoint=savepoint):
        stored = store.unchanged(hashes, tagger_id)
        batch: list[RecordRow | Unchanged | Deletion] = []
        for index, item in enumerate(items):
            if isinstance(item, Deletion):
                batch.append(item)
                continue
            pmid = int(item.pmid)
            if latest[pmid][0] != index:
                continue  # superseded later in the batch
            if pmid in stored:
                batch.append(Unchanged(pmid, hashes[pmid], tagger_id))
            else:
                batch.append(
                    prepare_record(
                        item, tagger, tagger_id, data=serialised[pmid], digest=hashes[pmid], registries=registries
                    )
                )
        return store.upsert(batch, topic=topic, now=now, savepoint=False)  # in this function's transaction


def retag(store: Store, tagger: Tagger, tagger_id: str | None = None, batch_size: int = 2000) -> int:
    """Recompute every stored record's tags (after a vocabulary change); returns how many."""
    pmids = store.pmids()
    for start in range(0, len(pmids), batch_size):
        chunk = [str(pmid) for pmid in pmids[start : start + batch_size]]
        stored = store.query(RecordFilter(pmids=chunk, include_deleted=True))
        store.write_tags([(int(item.pmid), tag_columns(tagger(item.record), tagger_id)) for item in stored])
    return len(pmids)
