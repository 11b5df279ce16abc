"""The records as the page's script reads them, spooled while the store is read.

Each card becomes a compact JSON row (ids as indexes into small tables), and its details (abstract,
full author list, tag evidence, RIS entry) a second row. Both streams are gzip-compressed and base64-
encoded into temporary files as the records pass, so building a digest holds one record at a time
whatever the period's size, and a 10,000-record page stays a few megabytes: the page's script unpacks
them with the browser's own ``DecompressionStream``.
"""

from __future__ import annotations

import base64
import json
import re
import tempfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import orjson

from .cards import Card, design_rank
from .labels import Labels
from .render import day

CHUNK = 1 << 16  # bytes of base64 the spool writes and the page template copies at a time
# Bits of a card row's flags.
ON_TOPIC, RETRACTED, STATEMENT = 1, 2, 4
ABSTRACT_MARK = "\x00"  # where a RIS entry's abstract line goes back
_RIS_ABSTRACT = re.compile(r"^AB  - .*\n", re.MULTILINE)


class Spool:
    """One JSON array, gzip-compressed and base64-encoded into a temporary file as rows are added."""

    def __init__(self, directory: Path | None = None) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile(dir=directory)  # noqa: SIM115 (closed by close())
        self._zip = zlib.compressobj(6, zlib.DEFLATED, 31)  # 31: a gzip header, as DecompressionStream wants
        self._pending = bytearray()
        self.rows = 0
        self._write(b"[")

    def add(self, row: Any) -> None:
        self._write((b"," if self.rows else b"") + orjson.dumps(row))
        self.rows += 1

    def finish(self) -> None:
        self._write(b"]")
        self._encode(self._zip.flush(), final=True)
        self._file.seek(0)

    def chunks(self) -> Iterator[str]:
        """The base64 text, a block at a time (after ``finish``)."""
        while block := self._file.read(CHUNK):
            yield block.decode("ascii")

    def close(self) -> None:
        self._file.close()

    def _write(self, data: bytes) -> None:
        self._encode(self._zip.compress(data))

    def _encode(self, data: bytes, *, final: bool = False) -> None:
        self._pending += data
        if final or len(self._pending) >= CHUNK:
            cut = len(self._pending) if final else len(self._pending) - len(self._pending) % 3
            self._file.write(base64.b64encode(self._pending[:cut]))
            del self._pending[:cut]


class PageData:
    """The period's records for the page's script: card rows, detail rows and the tables they index."""

    def __init__(self, labels: Labels, directory: Path | None = None) -> None:
        self.labels = labels
        self.cards = Spool(directory)
        self.details = Spool(directory)
        # id -> index; the vocabulary's own order first, so the page lists options as the vocabulary does
        self._tables: dict[str, dict[str, int]] = {
            "designs": {},
            "conditions": {c: i for i, c in enumerate(labels.conditions)},
            "routes": {r: i for i, r in enumerate(labels.routes)},
            "markers": {},
        }

    def add(self, card: Card, ris: str) -> None:
        self.cards.add(self._card_row(card))
        self.details.add(_detail_row(card, ris))

    def _card_row(self, card: Card) -> list[Any]:
        finding = card.finding
        flags = (ON_TOPIC if card.on_topic else 0) | (RETRACTED if card.retracted else 0)
        flags |= STATEMENT if finding is not None and finding.is_statement else 0
        texts = [card.authors, card.journal, card.date, card.citation, card.doi, card.pmcid]
        return [
            int(card.pmid),
            card.title,
            *(text or "" for text in texts),
            self._index("designs", card.design),
            [self._index("conditions", c.id) for c in card.conditions],
            [self._index("routes", r.id) for r in card.routes],
            flags,
            finding.text if finding else "",
            card.finding_label or "",
            (finding.figures or "") if finding else "",
            card.sample_size or "",
            [self._index("markers", m) for m in card.markers],
            card.off_topic_reason or "",
            day(card.retracted_at),
            _links_row(card),
        ]

    def finish(self) -> None:
        self.cards.finish()
        self.details.finish()

    def close(self) -> None:
        self.cards.close()
        self.details.close()

    def tables_json(self, extra: dict[str, Any]) -> str:
        """The tables the rows index into, with labels and groups, and ``extra``, as JSON safe inside
        a ``<script>`` element."""
        labels = self.labels
        tables: dict[str, list[dict[str, Any]]] = {
            kind: [{"id": key, "label": self._label(kind, key)} for key in ids] for kind, ids in self._tables.items()
        }
        for entry in tables["conditions"]:
            entry["group"] = labels.group_of(str(entry["id"]))
        for entry in tables["designs"]:
            entry["rank"] = design_rank(str(entry["id"]))
        tables["groups"] = [
            {"id": gid, "label": label, "members": list(members)} for gid, (label, members) in labels.groups.items()
        ]
        text = json.dumps({**tables, **extra}, ensure_ascii=False, separators=(",", ":"))
        return text.replace("<", "\\u003c")  # no "</script>" or "<!--" can end or bend the element

    def _index(self, kind: str, key: str) -> int:
        table = self._tables[kind]
        if key not in table:
            table[key] = len(table)
        return table[key]

    def _label(self, kind: str, key: str) -> str:
        if kind == "designs":
            return self.labels.design(key)
        if kind == "conditions":
            return self.labels.condition(key)
        if kind == "routes":
            return self.labels.route(key)
        return key


def _detail_row(card: Card, ris: str) -> list[Any]:
    """What the page reads only when asked: the abstract, every author, the tags' evidence, the RIS entry.

    The RIS entry's abstract line is left out (ABSTRACT_MARK stands in its place): the page's script
    writes it back from the abstract, which the page holds anyway, and a 10,000-record page is a
    megabyte lighter for it.
    """
    return [
        [[label or "", text] for label, text in card.abstract],
        list(card.all_authors),
        _first(card.design_evidence),
        [_first(c.evidence) for c in card.conditions],
        [_first(r.evidence) for r in card.routes],
        _RIS_ABSTRACT.sub(ABSTRACT_MARK, ris, count=1),
    ]


def _links_row(card: Card) -> list[list[list[str]]]:
    """The card's trial registrations ([url, text, title]) and notices ([url, label, source]), as
    _links.html shows them; [] when it has none."""
    links = card.links
    if not links or not (links.registrations or links.notices):
        return []
    registrations = [
        [g.url, g.text, f"{g.registry}, {'indexed by PubMed' if g.source == 'databank' else 'named in the abstract'}"]
        for g in links.registrations
    ]
    return [registrations, [[n.url or "", n.label, n.source or ""] for n in links.notices]]


def _first(lines: tuple[str, ...]) -> str:
    return lines[0] if lines else ""
