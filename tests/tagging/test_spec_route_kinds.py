"""Routes of issue 12's kinds in several wordings: subcutaneous, neuraxial, sublingual, topical, nasal and
inhaled routes stated in words other than the route's adjective; another arm's route; a stated route
against the infusion rule. Written from TAXONOMY.md's route rows.
"""

from __future__ import annotations

import pytest

from litscan.models import Record
from litscan.tagging.tagger import Tagger

from .blind_kinds import ROUTES
from .records import record

CASES: list[tuple[str, tuple[str, ...], Record]] = [
    (
        "a route of its own beside ketamine beats the route of the drug it is added to",
        ("oral",),
        record(
            "Oral ketamine as an adjunct to IV opioids",
            "Patients with cancer pain receiving intravenous opioids were randomised to oral ketamine or placebo.",
        ),
    ),
    (
        "ketamine added to an epidural drug, no route of its own: the epidural route",
        ("neuraxial",),
        record(
            "Ketamine added to epidural bupivacaine for chronic pain",
            "Ketamine 0.5 mg/kg was added to epidural bupivacaine in patients with chronic low back pain. Pain fell.",
        ),
    ),
    (
        "an infusion, then oral ketamine in the same sentence: two routes",
        ("intravenous", "oral"),
        record(
            "From infusion to tablets: ketamine for CRPS",
            "Twenty patients with CRPS received a 5-day ketamine infusion followed by oral ketamine for 3 months. "
            "Pain fell at 3 months.",
        ),
    ),
    (
        "a route stated after a sentence ending in a number belongs to its own sentence",
        ("subcutaneous",),
        record(
            "Ketamine for CRPS type 1",
            "We studied subcutaneous ketamine in adults with CRPS type 1. Patients with refractory CRPS (n = 20) "
            "received ketamine at 0.3 mg/kg/h.",
        ),
    ),
    (
        "sc infusion stated",
        ("subcutaneous",),
        record(
            "Ketamine in palliative care",
            "Patients received a continuous subcutaneous infusion of ketamine via a syringe driver.",
        ),
    ),
    (
        "CSCI abbreviation",
        ("subcutaneous",),
        record(
            "Ketamine by CSCI",
            "Ketamine was given by CSCI (continuous subcutaneous infusion) to 20 hospice patients with cancer pain.",
        ),
    ),
    (
        "intrathecal with morphine",
        ("neuraxial",),
        record("Intrathecal ketamine", "Ketamine was added to intrathecal morphine in 10 patients with cancer pain."),
    ),
    (
        "epidural catheter",
        ("neuraxial",),
        record(
            "Ketamine for cancer pain",
            "Ketamine 10 mg was injected through an epidural catheter in patients with refractory cancer pain.",
        ),
    ),
    (
        "sublingual drops",
        ("sublingual_buccal",),
        record("Ketamine drops", "Patients held ketamine drops under the tongue for 2 minutes."),
    ),
    (
        "troche",
        ("sublingual_buccal",),
        record("Ketamine troches for chronic pain", "Patients with chronic pain used ketamine troches."),
    ),
    (
        "topical compounded 'applied to the painful area'",
        ("topical",),
        record(
            "Ketamine for localized neuropathic pain",
            "A 10% ketamine preparation was applied to the painful area three times daily.",
        ),
    ),
    (
        "oral vs IV arms: ketamine oral, morphine IV",
        ("oral",),
        record(
            "Oral ketamine versus intravenous morphine",
            "Patients were randomised to oral ketamine or intravenous morphine for cancer pain.",
        ),
    ),
    (
        "IV assumed? stated intramuscular",
        ("intramuscular",),
        record("Ketamine injections for CRPS", "Patients received ketamine injections into the deltoid muscle weekly."),
    ),
    (
        "infusion w/o route → IV",
        ("intravenous",),
        record("Ketamine infusions for CRPS", "Patients with CRPS received 4-hour ketamine infusions on 10 days."),
    ),
    (
        "nasal spray",
        ("intranasal",),
        record("Ketamine nasal spray for breakthrough pain", "Patients used a ketamine nasal spray at home."),
    ),
    (
        "inhaled nebulised",
        ("inhaled",),
        record("Nebulised ketamine", "Patients with chronic pain inhaled nebulised ketamine."),
    ),
    (
        "conversion IV to oral",
        ("intravenous", "oral"),
        record(
            "Conversion from intravenous to oral ketamine",
            "Patients with neuropathic pain were converted from intravenous ketamine infusions to oral ketamine.",
        ),
    ),
    (
        "a route before a colon governs each drug of the list the semicolons part",
        ("intravenous",),
        record(
            "Ketamine and magnesium in chronic phantom limb pain",
            "Sixteen patients received, in random order, three intravenous infusions of: magnesium 2 g; ketamine "
            "0.3 mg/kg; saline placebo.",
        ),
    ),
    (
        "a review's literature sentences after it says what it covers give every route it covers",
        ("intravenous", "oral", "topical"),
        record(
            "NMDA antagonists in neuropathic pain: a narrative review",
            "NMDA receptors amplify pain signalling. This narrative review summarises clinical experience with "
            "ketamine and memantine. Intravenous ketamine reduced pain for days in small trials. Oral ketamine has "
            "been used after a positive infusion, and a small trial of topical ketamine found no benefit. Memantine "
            "trials were negative. Adverse effects were common. Trials should be longer. Blinding is hard. "
            "Dosing varies. Costs are low.",
        ),
    ),
    (
        "oral maintenance is a route of the treatment it maintains",
        ("intravenous", "oral"),
        record(
            "Recommendations for ketamine in chronic pain: a Delphi consensus",
            "A panel of 20 pain specialists reached consensus on ketamine use. The panel recommends that "
            "intravenous infusions be given with monitoring; that oral maintenance be limited to responders; and "
            "that liver function be checked.",
        ),
    ),
    (
        "oral fluid is saliva, not a route",
        ("intravenous",),
        record(
            "Oral fluid ketamine in patients with CRPS",
            "We compared oral fluid ketamine with plasma ketamine in 40 patients with CRPS during intravenous "
            "infusions.",
        ),
    ),
]

# Kinds found by abstracts written blind to the rules (see ``blind_kinds``).
CASES += ROUTES


@pytest.mark.parametrize(("case", "routes", "rec"), CASES, ids=[c[0] for c in CASES])
def test_the_routes_ketamine_was_given_by(tagger: Tagger, case: str, routes: tuple[str, ...], rec: Record) -> None:
    assert sorted(tagger.tag(rec).routes) == sorted(routes), case
