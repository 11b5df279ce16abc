"""Reading a CSV or TSV table of decisions: each row as a dict by lower-cased column name, with the line it
starts on. A table that does not parse (not text, no header, a broken quote) is refused with the line named."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from ..errors import InputError
from ..export import csv_cell


@dataclass(frozen=True)
class Table:
    path: str
    columns: tuple[str, ...]  # lower-cased, stripped
    rows: list[tuple[int, dict[str, str]]]  # (line the row starts on, cells by column)

    def first_column(self, *names: str) -> str | None:
        """The first of ``names`` the table has."""
        return next((name for name in names if name in self.columns), None)


def uncell(text: str) -> str:
    """A cell as it was before litscan's CSV export kept it from starting a formula (a leading ')."""
    return text[1:] if text.startswith("'") and csv_cell("text", text[1:]) == text else text


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (",", "\t", ";")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def read_table(text: str, path: str) -> Table:
    """The table in ``text`` (its first line the header; comma, tab or semicolon separated)."""
    text = text.removeprefix("\ufeff")
    header_line = text.split("\n", 1)[0]
    if not header_line.strip():
        raise InputError("no header line (expected column names such as pmid,decision)", path=path, where="line 1")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(header_line), strict=True)
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        columns = tuple(name.strip().lower() for name in next(reader))
        start = reader.line_num + 1  # a quoted cell may span lines: a row starts after the one before ends
        for cells in reader:
            row_start, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(columns):
                raise InputError(
                    f"{len(cells)} cells but the header names {len(columns)} columns",
                    path=path,
                    where=f"line {row_start}",
                )
            rows.append((row_start, {column: uncell(cell) for column, cell in zip(columns, cells, strict=False)}))
    except csv.Error as exc:
        raise InputError(f"not a readable CSV table ({exc})", path=path, where=f"line {reader.line_num}") from None
    return Table(path, columns, rows)
