"""The English words around a route word: which nouns a route adjective may describe and which words
between it and the drug leave it on the drug, whatever the topic (read by ``routes``)."""

from __future__ import annotations

LINKS = frozenset(("and", "or", "versus", "vs", "to", "with", "plus", "in", "at", "of", "for", "as"))
# Nouns a route adjective may describe without leaving the drug ("intravenous infusion of ketamine").
ROUTE_NOUNS = LINKS | frozenset(
    (
        *("administration", "administered", "injection", "injections", "infusion", "infusions", "bolus"),
        *("boluses", "dose", "doses", "dosing", "route", "routes", "delivery", "formulation", "formulations"),
        *("form", "forms", "use", "therapy", "treatment", "treatments", "application", "applications"),
        *("preparation", "preparations", "solution", "regimen", "regimens", "product", "products", "dosage"),
        # what the route does to the drug: "oral bioavailability is low", "nasal absorption"
        *("bioavailability", "absorption"),
        # dosage forms: "ketamine as sublingual drops", "a buccal film of ketamine"
        *("drops", "spray", "sprays", "tablet", "tablets", "lozenge", "lozenges", "troche", "troches", "wafer"),
        *("wafers", "film", "films", "capsule", "capsules", "cream", "gel", "ointment", "patch", "patches"),
        *("syrup", "liquid", "rinse", "mouthwash"),
        # devices: "the intrathecal pump", "a nasal atomiser", "an epidural catheter"
        *("pump", "pumps", "catheter", "catheters", "port", "driver", "atomiser", "atomizer", "device", "devices"),
        *("nebuliser", "nebulizer", "inhaler"),
    )
)
# Words between a route adjective and its drug that leave the adjective on the drug ("oral low-dose ketamine").
MODIFIERS = frozenset(
    (
        *("low", "low-dose", "high-dose", "dose", "single", "continuous", "repeated", "racemic", "subanaesthetic"),
        *("subanesthetic", "sub-anaesthetic", "sub-anesthetic", "adjunctive", "adjuvant", "perioperative"),
        *("intraoperative", "postoperative", "preoperative", "short-term", "long-term", "prolonged", "daily"),
        *("intra-operative", "post-operative", "pre-operative", "peri-operative", "low-dosage", "high-dosage"),
        *("weekly", "bolus", "infusion", "infusions", "injection", "injections", "administration", "outpatient"),
        *("inpatient", "mg", "kg", "the", "of", "a", "an", "test", "challenge", "compounded"),
    )
)

# A unit per another, however written: "/kg", "per h", " kg-1" (a minus sign reads as a hyphen), "·kg⁻¹".
PER = r"(?:\s*(?:/|per)\s*(?:{0})|\s*[·.]?\s*(?:{0})(?:-1|⁻¹))"
