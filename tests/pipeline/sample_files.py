"""Large PubMed XML files made of the bundled sample's records, repeated under new PMIDs."""

from __future__ import annotations

import sys
from pathlib import Path

from litscan.pipeline.demo import sample_path


def repeated_sample(path: Path, *, at_least: int, padding: int = 0, first: int = 100) -> Path:
    """The sample's records again and again (``padding`` spaces after each copy) until the file
    holds ``at_least`` bytes; PMID 99000001 becomes 100000001, 101000001, ... (from ``first``)."""
    text = sample_path().read_text()
    head, rest = text.split("<PubmedArticle>", 1)
    body, tail = rest.rsplit("</PubmedArticle>", 1)
    body = "<PubmedArticle>" + body + "</PubmedArticle>\n" + " " * padding
    copies = -(-at_least // len(body.encode()))
    with path.open("w") as out:
        out.write(head)
        for copy in range(copies):
            out.write(body.replace(">990", f">{copy + first}"))
        out.write(tail)
    return path


# ``litscan`` itself, its parallel import taking any file and cutting it into small chunks: a small
# file then makes as many chunks, workers and batches as a large one would.
_SMALL_CHUNKS = """
import sys
from litscan.pipeline import parallel
parallel.MIN_PARALLEL_BYTES = 0
parallel.CHUNK_BYTES = int(sys.argv.pop(1))
from litscan.cli import main
main()
"""


def litscan_with_small_chunks(*args: str, chunk_bytes: int = 32 << 10) -> list[str]:
    """The command line that runs ``litscan *args`` with the parallel import on ``chunk_bytes`` chunks."""
    return [sys.executable, "-c", _SMALL_CHUNKS, str(chunk_bytes), *args]
