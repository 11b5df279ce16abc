"""Large PubMed XML files made of the bundled sample's records, repeated under new PMIDs."""

from __future__ import annotations

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
