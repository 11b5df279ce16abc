"""Screening for living reviews: reviewers' decisions on a topic's records, kept in the store across updates.

The functions other parts (the CLI, ``litscan serve``) call:

- ``screening_list(store, topic, undecided=False)``: the topic's records with their decisions, most
  likely inclusions first; ``ScreeningItem.changed_since_screened`` flags records PubMed revised since.
- ``decide(store, topic, pmids, Choice(...), by=None, at=None, source="cli")``: record one choice for
  some records, all or none (an ``InputError`` for an unknown PMID or reason).
- ``import_decisions`` / ``export_decisions``: ASReview CSV, Rayyan RIS, plain CSV.
- ``prisma_report`` (and ``flow_diagram.diagram``): PRISMA 2020 counts per update and in total.
"""

from .decisions import DECISIONS, Choice, check_choice, choice_from_options, decide
from .listing import ScreeningItem, screening_items, screening_list
from .prisma import PrismaCounts, PrismaReport, prisma_report
from .transfer import EXPORT_FORMATS, IMPORT_FORMATS, ImportResult, export_decisions, import_decisions

__all__ = [
    "DECISIONS",
    "EXPORT_FORMATS",
    "IMPORT_FORMATS",
    "Choice",
    "ImportResult",
    "PrismaCounts",
    "PrismaReport",
    "ScreeningItem",
    "check_choice",
    "choice_from_options",
    "decide",
    "export_decisions",
    "import_decisions",
    "prisma_report",
    "screening_items",
    "screening_list",
]
