"""TAXONOMY.md's route rows and conventions, each in several of the ways abstracts state a route.

Every route id by adjective, adverb, dosage form, device or "by the ... route"; the infusion rule and
what beats it; routes with no id; another drug's route; a route given before the study; animals;
reviews that compare routes.
"""

from __future__ import annotations

import pytest

from litscan.tagging.tagger import Tagger

from .records import tag

CASES: list[tuple[tuple[str, ...], str, str]] = [
    # the infusion rule and what beats it
    (("intravenous",), "Ketamine infusion for CRPS", "Twenty patients with CRPS received a 4-day ketamine infusion."),
    (
        ("intravenous",),
        "Ketamine for CRPS",
        "Patients with CRPS received ketamine 0.35 mg/kg/h by continuous infusion.",
    ),
    (("intravenous",), "Ketamine for CRPS", "Twenty patients with CRPS received parenteral ketamine infusions."),
    ((), "Ketamine for CRPS", "Twenty patients with CRPS received parenteral ketamine."),
    (
        ("intramuscular",),
        "Ketamine for cancer pain",
        "Patients with cancer pain received intramuscular ketamine infusions.",
    ),
    (
        ("subcutaneous",),
        "Ketamine for cancer pain",
        "Patients with cancer pain received ketamine by continuous subcutaneous infusion (CSCI).",
    ),
    (("intravenous",), "Ketamine for CRPS", "Twenty patients with CRPS received ketamine 0.5 mg/kg IV."),
    # each route in other words
    (
        ("subcutaneous",),
        "Ketamine for cancer pain",
        "Patients with cancer pain received ketamine subcutaneously via a syringe driver.",
    ),
    (
        ("subcutaneous",),
        "Ketamine for cancer pain",
        "Patients with cancer pain received ketamine via a subcutaneous pump.",
    ),
    (("subcutaneous",), "Ketamine for cancer pain", "Patients with cancer pain received ketamine 100 mg/day SC."),
    (
        ("intranasal",),
        "Ketamine for cancer pain",
        "Patients with cancer breakthrough pain used a ketamine nasal spray.",
    ),
    (
        ("intranasal",),
        "Ketamine for cancer pain",
        "Patients with cancer breakthrough pain received ketamine via the nasal route.",
    ),
    (
        ("intranasal",),
        "Ketamine for cancer pain",
        "The intravenous ketamine solution was sprayed into the nose of 8 patients with cancer pain.",
    ),
    (
        ("oral",),
        "Ketamine for neuropathic pain",
        "Patients with neuropathic pain took ketamine by mouth four times daily.",
    ),
    (
        ("oral",),
        "Ketamine for neuropathic pain",
        "Patients with neuropathic pain received ketamine syrup 10 mg three times daily.",
    ),
    (("oral",), "Ketamine for neuropathic pain", "Patients with neuropathic pain received ketamine as oral drops."),
    (
        ("sublingual_buccal",),
        "Ketamine for neuropathic pain",
        "Patients with neuropathic pain received ketamine as sublingual drops.",
    ),
    (
        ("sublingual_buccal",),
        "Ketamine for neuropathic pain",
        "Patients with neuropathic pain received ketamine as a sublingual spray.",
    ),
    (
        ("sublingual_buccal",),
        "Ketamine for neuropathic pain",
        "Ketamine was given as sublingual tablets to 20 patients with CRPS.",
    ),
    (
        ("sublingual_buccal",),
        "Ketamine for neuropathic pain",
        "Patients with neuropathic pain took sublingual ketamine 25 mg tablets.",
    ),
    (
        ("sublingual_buccal",),
        "Ketamine for neuropathic pain",
        "Patients with neuropathic pain placed a ketamine troche under the tongue.",
    ),
    (
        ("sublingual_buccal",),
        "Ketamine for neuropathic pain",
        "Patients with neuropathic pain received ketamine via the buccal mucosa.",
    ),
    (
        ("topical",),
        "Ketamine for neuropathic pain",
        "Patients with neuropathic pain applied ketamine 10% cream to the painful area.",
    ),
    (
        ("topical",),
        "Ketamine for neuropathic pain",
        "Patients with neuropathic pain used a compounded ketamine ointment.",
    ),
    (
        ("topical",),
        "Ketamine for neuropathic pain",
        "Ketamine was applied as a transdermal patch to patients with neuropathic pain.",
    ),
    (
        ("topical",),
        "Ketamine for mucositis pain in cancer",
        "Patients with refractory cancer pain from mucositis rinsed with a ketamine mouthwash.",
    ),
    (
        ("neuraxial",),
        "Ketamine for cancer pain",
        "Patients with cancer pain received intrathecal ketamine via an implanted pump.",
    ),
    (("neuraxial",), "Ketamine for cancer pain", "Children with cancer pain received a caudal injection of ketamine."),
    (("neuraxial",), "Ketamine for cancer pain", "Patients with cancer pain received ketamine by the epidural route."),
    (
        ("neuraxial",),
        "Ketamine for cancer pain",
        "Patients with cancer pain received ketamine via an epidural catheter.",
    ),
    (("inhaled",), "Ketamine for cancer pain", "Patients with cancer pain received ketamine by nebuliser."),
    # devices, muscles and rinses
    (
        ("neuraxial",),
        "Ketamine for cancer pain",
        "Ten patients with cancer pain received spinal ketamine through a catheter.",
    ),
    (
        ("neuraxial",),
        "Ketamine for cancer pain",
        "Ketamine was added to the intrathecal pump of 10 patients with cancer pain.",
    ),
    (
        ("neuraxial",),
        "Ketamine for cancer pain",
        "Ketamine was delivered by continuous epidural infusion to 10 patients.",
    ),
    (
        ("intramuscular",),
        "Ketamine for cancer pain",
        "Patients with cancer pain received ketamine injections into the deltoid muscle.",
    ),
    (
        ("intranasal",),
        "Ketamine for cancer pain",
        "Patients with cancer pain self-administered ketamine with a nasal atomiser.",
    ),
    (
        ("topical",),
        "Ketamine for mouth pain",
        "Patients with refractory cancer pain swished a ketamine solution and spat it out.",
    ),
    (
        ("topical",),
        "Ketamine for mouth pain",
        "Patients with refractory cancer pain applied a ketamine gel to the gums.",
    ),
    (
        ("sublingual_buccal",),
        "Ketamine for cancer pain",
        "Ten patients with cancer pain received ketamine in a buccal film.",
    ),
    (
        ("oral",),
        "Ketamine for cancer pain",
        "Ten patients with cancer pain received enteral ketamine via a feeding tube.",
    ),
    (("oral",), "Ketamine for SCI pain", "Spinal cord injury patients received oral ketamine."),
    # transmucosal and orally disintegrating forms are not swallowed
    (
        ("sublingual_buccal",),
        "Ketamine for cancer pain",
        "Ten patients with cancer pain received oral transmucosal ketamine.",
    ),
    (
        ("sublingual_buccal",),
        "Ketamine for cancer pain",
        "Patients with cancer pain received an orally disintegrating ketamine tablet.",
    ),
    (
        ("sublingual_buccal",),
        "Ketamine for cancer pain",
        "Patients with cancer pain received ketamine as an oral disintegrating wafer.",
    ),
    # routes with no id
    ((), "Ketamine for CRPS", "Patients with CRPS received a stellate ganglion block with ketamine."),
    ((), "Ketamine for knee pain", "Patients with chronic knee pain received intra-articular ketamine."),
    (
        (),
        "Ketamine for neuropathic pain",
        "Patients with neuropathic pain on oral morphine received ketamine rectally.",
    ),
    # another drug's route; a route before the study
    (
        ("intravenous",),
        "Ketamine for CRPS",
        "Patients with CRPS received intravenous ketamine; oral gabapentin was continued.",
    ),
    (("oral",), "Ketamine for CRPS", "Patients with CRPS received oral ketamine after an intravenous lidocaine test."),
    (
        ("oral",),
        "Ketamine for pain",
        "Patients with chronic pain were converted from intravenous morphine to oral ketamine.",
    ),
    (
        ("oral",),
        "Oral ketamine in responders",
        "Patients with CRPS who had responded to intravenous ketamine were given oral ketamine.",
    ),
    # another arm's or another drug's route
    (
        ("oral",),
        "Ketamine for neuropathic pain",
        "Patients were randomised to oral ketamine or an intravenous infusion of lidocaine.",
    ),
    (
        ("intranasal",),
        "Ketamine for cancer pain",
        "Patients received intranasal ketamine; the control group received subcutaneous morphine.",
    ),
    (
        ("intravenous",),
        "Ketamine for CRPS",
        "Patients with CRPS received ketamine infusions; the other arm had oral medication only.",
    ),
    (
        ("intravenous",),
        "Ketamine for CRPS",
        "Patients with CRPS received ketamine infusions. The control arm received oral placebo tablets.",
    ),
    (
        ("oral",),
        "Ketamine for CRPS",
        "Patients with CRPS took ketamine by mouth; rescue intravenous morphine was allowed.",
    ),
    (
        ("topical",),
        "Ketamine cream",
        "Patients with neuropathic pain applied ketamine cream or placebo cream; oral analgesics were continued.",
    ),
    # a route denied
    (
        ("subcutaneous",),
        "Ketamine for cancer pain",
        "Ketamine ran as a subcutaneous infusion; intravenous ketamine was not used.",
    ),
    (
        ("oral",),
        "Ketamine for CRPS",
        "Patients with CRPS took oral ketamine at home, so intravenous ketamine was avoided.",
    ),
    # animals
    (
        (),
        "Ketamine in neuropathic rats",
        "Rats with spinal nerve ligation received ketamine infusion; allodynia was reduced.",
    ),
    ((), "Ketamine in neuropathic rats", "Rats with spinal nerve ligation received intraperitoneal ketamine."),
    # a review that compares routes gets every route it covers
    (
        ("intravenous", "intranasal", "oral", "topical"),
        "Routes of ketamine for chronic pain: a systematic review",
        "We searched MEDLINE and included 40 studies of intravenous, oral, intranasal and topical ketamine"
        " for chronic pain.",
    ),
    # patient-controlled analgesia runs by a route: intravenous unless the record names another
    (
        ("intravenous",),
        "Ketamine for chronic pain",
        "Fifty patients with refractory chronic pain received ketamine by PCA for five days.",
    ),
    (
        ("intravenous",),
        "Ketamine for chronic pain",
        "Fifty patients with refractory chronic pain used ketamine patient-controlled analgesia at home.",
    ),
    (
        ("subcutaneous",),
        "Ketamine for cancer pain",
        "Thirty patients with cancer pain received ketamine by subcutaneous PCA.",
    ),
    (
        ("intravenous", "subcutaneous", "oral"),
        "Ketamine in cancer pain: a review",
        "We review ketamine given intravenously, subcutaneously and orally for cancer pain.",
    ),
]


@pytest.mark.parametrize(("routes", "title", "text"), CASES, ids=[c[2][:60] for c in CASES])
def test_the_route_ketamine_was_given_by(tagger: Tagger, routes: tuple[str, ...], title: str, text: str) -> None:
    assert tag(tagger, title, text).routes == routes
