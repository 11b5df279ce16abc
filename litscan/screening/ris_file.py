"""Reading RIS files: each record (``TY`` to ``ER``) as its tagged lines, each with the line it is on.

A line that is not a tag line continues the value before it (RIS wraps long values). A file that
does not parse as RIS (text outside a record, a record opened inside another, one never closed,
no record at all) is refused with the line named. (rispy, the usual RIS reader, drops an unclosed
record without a word and names no line, so litscan reads RIS itself.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import InputError

_TAG = re.compile(r"([A-Z][A-Z0-9]) {1,2}-(?: (.*))?")


@dataclass
class RisRecord:
    line: int  # the TY line
    fields: list[tuple[str, str, int]] = field(default_factory=list)  # (tag, value, line)

    def values(self, *tags: str) -> list[str]:
        return [value for tag, value, _ in self.fields if tag in tags]

    def first(self, *tags: str) -> str | None:
        return next(iter(self.values(*tags)), None)

    def line_of(self, tag: str) -> int:
        return next((line for t, _, line in self.fields if t == tag), self.line)


def looks_like_ris(text: str) -> bool:
    start = text.removeprefix("\ufeff").lstrip()
    return _TAG.match(start.split("\n", 1)[0].rstrip("\r")) is not None and start.startswith("TY")


def read_ris(text: str, path: str) -> list[RisRecord]:
    """The records of a RIS file, in order."""
    records: list[RisRecord] = []
    current: RisRecord | None = None
    for number, raw in enumerate(text.removeprefix("\ufeff").splitlines(), start=1):
        line = raw.rstrip()
        tagged = _TAG.fullmatch(line)
        if tagged is None:
            if current is not None and current.fields and line.strip():
                tag, value, at = current.fields[-1]
                current.fields[-1] = (tag, f"{value} {line.strip()}".strip(), at)
            elif line.strip():
                raise InputError(
                    "text outside a record (a RIS record starts with 'TY  - ')", path=path, where=f"line {number}"
                )
            continue
        tag, value = tagged.group(1), (tagged.group(2) or "").strip()
        if tag == "TY":
            if current is not None:
                raise InputError(
                    f"a new record starts before the one of line {current.line} ends (ER)",
                    path=path,
                    where=f"line {number}",
                )
            current = RisRecord(number)
        elif current is None:
            raise InputError(
                f"{tag} outside a record (a RIS record starts with 'TY  - ')", path=path, where=f"line {number}"
            )
        if tag == "ER":
            records.append(current)
            current = None
        else:
            current.fields.append((tag, value, number))
    if current is not None:
        raise InputError(
            "the record that starts here never ends (no 'ER  - ' line)", path=path, where=f"line {current.line}"
        )
    if not records:
        raise InputError("no RIS records (a RIS record starts with 'TY  - ')", path=path)
    return records
