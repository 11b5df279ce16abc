"""What an animal study models: the pain of a disease, or only the disease.

Animal models of chronic pain are on topic (TAXONOMY.md). A study in animals that names a disease only in
passing words ("a rabbit model of osteoarthritis", studied for its cartilage), makes no pain model and
measures no pain or nociception models the disease, not its pain. Read by ``conditions``.
"""

from __future__ import annotations

import re

from .document import Document

# What an animal study of pain measures, by one name or another
_NOCICEPTION = re.compile(
    r"\bpain|nocicep|allodyn|algesi|hypersensitiv|withdrawal (?:threshold|latenc)|writhing|flinch|licking|guarding|"
    r"von frey|tail[- ]flick|hot[- ]plate|weight[- ]bearing"
)


def measures_no_pain(doc: Document) -> bool:
    """No chronic pain model found, and no word of pain or nociception anywhere in the record."""
    return not doc.hits_of("model") and _NOCICEPTION.search(doc.lower) is None
