"""Data bank accession numbers as PubMed gives them: XML ``DataBankList`` and MEDLINE ``SI`` lines.

NLM files a paper's trial registrations (and its sequences, structures, data sets) under the data
bank that issued them. Both formats say the same thing: ``<DataBank><DataBankName>`` with its
``AccessionNumberList``, or ``SI  - ClinicalTrials.gov/NCT01234567``. Which of them are trial
registrations is ``litscan.pubmed.links``'s question; these readers keep every one.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from litscan.models import Accession


def xml_accessions(el: etree._Element) -> tuple[Accession, ...]:
    """The accession numbers of a ``DataBankList``, each with its data bank's name."""
    found: list[Accession] = []
    for bank in el:
        if bank.tag != "DataBank":
            continue
        name = None
        numbers: list[str] = []
        for child in bank:
            if child.tag == "DataBankName":
                name = (child.text or "").strip() or None
            elif child.tag == "AccessionNumberList":
                numbers.extend(text for text in ((n.text or "").strip() for n in child) if text)
        if name is not None:
            found.extend(Accession(name, number) for number in numbers)
    return tuple(found)


def medline_accessions(values: Iterable[str]) -> tuple[Accession, ...]:
    """``SI`` lines (``ClinicalTrials.gov/NCT01234567``) as accession numbers.

    The data bank's name ends at the first ``/``; a number may hold more of them
    (``CTRI/2019/05/012345``). A line without one names no data bank and is left out.
    """
    found: list[Accession] = []
    for value in values:
        name, slash, number = value.strip().partition("/")
        if slash and name.strip() and number.strip():
            found.append(Accession(name.strip(), number.strip()))
    return tuple(found)
