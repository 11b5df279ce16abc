"""litscan: PubMed literature surveillance with explained tags, an evidence map and a digest.

The library under the ``litscan`` command, usable from a notebook::

    import litscan
    store = litscan.open_store("litscan.sqlite")
    litscan.import_files(store, ["pubmed_saved.nbib"])
    frame = litscan.to_dataframe(store, condition="crps", on_topic=True)
"""

from __future__ import annotations

import importlib.machinery
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .config import Topic, default_topic_path, load_topic
from .errors import ConfigError, FetchError, InputError, LitscanError, StoreError
from .models import Deletion, Evidence, Record, Tags
from .store import BatchSummary, RecordFilter, Store, StoredRecord

if TYPE_CHECKING:
    import pandas

__all__ = [
    "BatchSummary",
    "ConfigError",
    "Deletion",
    "Evidence",
    "FetchError",
    "ImportResult",
    "InputError",
    "LitscanError",
    "Record",
    "RecordFilter",
    "Store",
    "StoreError",
    "StoredRecord",
    "Tags",
    "Topic",
    "build",
    "default_topic_path",
    "import_files",
    "load_topic",
    "open_store",
    "to_dataframe",
]


def build() -> str:
    """How this installation runs parsing and tagging: "compiled" (mypyc, see setup.py) or "pure Python"."""
    from .tagging import matching

    compiled = (matching.__file__ or "").endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))
    return "compiled" if compiled else "pure Python"


def __getattr__(name: str) -> object:
    # The import pipeline pulls in lxml and Biopython; load it when first asked for, so
    # `import litscan` (and every test) stays cheap.
    if name in ("import_files", "ImportResult"):
        from .pipeline import ingest

        return getattr(ingest, name)
    raise AttributeError(f"module 'litscan' has no attribute {name!r}")


def open_store(path: str | os.PathLike[str] | None = None) -> Store:
    """Open (creating if needed) a store: ``path``, else $LITSCAN_DB, else ./litscan.sqlite."""
    from .config import db_path

    return Store.open(db_path(path))


def to_dataframe(
    store: Store,
    *,
    topic: str | None = None,
    condition: str | Sequence[str] = (),
    route: str | Sequence[str] = (),
    design: str | Sequence[str] = (),
    on_topic: bool | None = None,
) -> pandas.DataFrame:
    """Stored records as a pandas DataFrame (one row per record, list columns as lists)."""
    from .export import to_dataframe as frame_of

    def as_tuple(value: str | Sequence[str]) -> tuple[str, ...]:
        return (value,) if isinstance(value, str) else tuple(value)

    filters = RecordFilter(
        topic=topic, conditions=as_tuple(condition), routes=as_tuple(route), designs=as_tuple(design), on_topic=on_topic
    )
    return frame_of(store.query(filters))
