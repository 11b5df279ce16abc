"""A product's route against the route it was given by: "the intravenous solution was sprayed into the nose"
is intranasal (TAXONOMY.md). Read by ``routes``."""

from __future__ import annotations

import re
from typing import TypeVar

from . import regex_programs
from .document import Document
from .route_infusion import BoundRoute

B = TypeVar("B", bound=BoundRoute)

# A route adjective naming a product ("the intravenous solution"): another route stated for it wins.
_FORMULATION = regex_programs.compile(
    r"\s*(?:\([^()]{0,12}\)\s*)?(?:[\w+()-]+\s+){0,2}?(?:solution|formulation|preparation|ampoules?|ampules?|vials?)\b",
    re.IGNORECASE,
)


def formulations_given_otherwise(doc: Document, bound: list[B]) -> list[B]:
    """ "The intravenous solution was sprayed into the nose": a product's route yields to the route it was given by.

    The route it was given by is an adverb or a dosage form of another route ("given orally", "into each
    nostril"): after the product in its sentence, or anywhere when the product's route is never stated
    but as the product's. "Intravenous ketamine, then oral ketamine solution" keeps both.
    """
    given_by = [b.hit for b in bound if b.hit.kind in ("route_adverb", "route_form")]
    if not given_by:
        return bound
    text = doc.text
    products = {id(b) for b in bound if b.hit.kind == "route" and _FORMULATION.match(text, b.hit.end, b.hit.end + 50)}
    if not products:
        return bound
    only_products = {b.hit.ident for b in bound if id(b) in products} - {
        b.hit.ident for b in bound if id(b) not in products
    }

    def given_otherwise(b: B) -> bool:
        h = b.hit
        return any(
            g.ident != h.ident and (h.ident in only_products or (g.sentence == h.sentence and g.start > h.end))
            for g in given_by
        )

    return [b for b in bound if id(b) not in products or not given_otherwise(b)]
