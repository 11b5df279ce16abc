"""What an animal study models: chronic pain, the hyperalgesia an opioid leaves, or only a disease.

Animal models of chronic pain are on topic (TAXONOMY.md). Hyperalgesia that an opioid leaves for days
("fentanyl-induced hyperalgesia", "rebound hyperalgesia" after an infusion) is a model of opioid tolerance:
where it is the only model the record makes, its "hyperalgesia" and "allodynia" are no chronic pain model. A
study in animals that names a disease only in passing words ("a rabbit model of osteoarthritis", studied for
its cartilage), makes no pain model and measures no pain or nociception models the disease, not its pain.
Read by ``tagger`` and ``conditions``.
"""

from __future__ import annotations

import re
from typing import Final

from . import regex_programs
from .document import Document, Hit

PRECLINICAL: Final = "preclinical"  # the design id of animal and in-vitro studies (TAXONOMY.md)

# What an animal study of pain measures, by one name or another
_NOCICEPTION = regex_programs.compile(
    r"\bpain|nocicep|allodyn|algesi|hypersensitiv|withdrawal (?:threshold|latenc)|writhing|flinch|licking|guarding|"
    r"von frey|tail[- ]flick|hot[- ]plate|weight[- ]bearing"
)


def measures_no_pain(doc: Document) -> bool:
    """No chronic pain model found, and no word of pain or nociception anywhere in the record."""
    return not doc.hits_of("model") and _NOCICEPTION.search(doc.lower) is None


_OPIOID = r"(?:opioid|opiate|fentanyl|remifentanil|sufentanil|alfentanil|morphine|heroin|oxycodone|methadone)"
_OPIOID_HYPERALGESIA = regex_programs.compile(
    rf"\b{_OPIOID}[- ]induced (?:\w+ )?(?:hyperalgesia|pain sensiti[vsz]\w*)|\bhyperalgesia (?:\w+ )?induced by "
    rf"(?:an? |repeated )?{_OPIOID}|\brebound hyperalgesia"
    # "a single dose of intrathecal morphine in rats induces long-lasting hyperalgesia"
    rf"|\b{_OPIOID}(?: [\w-]+){{0,4}}? (?:can |may )?"
    r"(?:induces?|induced|produces?|produced|causes?|caused|elicits?|elicited) (?:[\w-]+ ){0,2}hyperalgesia"
)
# What an opioid's hyperalgesia is measured as; any other model ("nerve injury", "CFA") is a chronic pain model.
_SENSITISED = regex_programs.compile(
    r"(?:mechanical |thermal |cold |tactile )?(?:hyperalgesia|allodynia)", re.IGNORECASE
)


def opioid_hyperalgesia_only(doc: Document) -> list[Hit]:
    """The model mentions of a record whose only model is the hyperalgesia an opioid leaves: none to keep."""
    models = doc.hits_of("model")
    if not models or _OPIOID_HYPERALGESIA.search(doc.lower) is None:
        return []
    if any(_SENSITISED.fullmatch(doc.text, h.start, h.end) is None for h in models):
        return []  # a chronic pain model too ("chronic constriction injury"): the record keeps it
    return list(models)
