"""Routes: the route of the intervention in this study, not of another drug or an anatomical word."""

from __future__ import annotations

import pytest

from litscan.tagging.tagger import Tagger

from .records import tag


@pytest.mark.parametrize(
    "sentence",
    [
        "Patients took oral morphine and received ketamine as needed.",
        "Intravenous lidocaine was given before ketamine.",
        "Ketamine was applied by the investigators; rescue pethidine 1 mg/kg was given intramuscularly.",
        "Ketamine reduced pain in patients with oral mucositis.",
        "Ketamine was studied in adults after oral surgery.",
    ],
)
def test_route_word_of_another_drug_or_anatomy_is_not_a_ketamine_route(tagger: Tagger, sentence: str) -> None:
    tags = tag(tagger, "Ketamine for cancer pain", ("METHODS", sentence))
    assert not {"oral", "intravenous", "intramuscular"} & set(tags.routes)


def test_route_stated_for_ketamine_is_labelled(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine for neuropathic pain",
        (
            "METHODS",
            "Twenty patients received oral ketamine 0.5 mg/kg three times daily after an "
            "intravenous test dose of ketamine; morphine was given orally.",
        ),
    )
    assert tags.routes == ("intravenous", "oral")
    assert tags.route_evidence["oral"][0].field == "abstract:METHODS"


def test_route_only_in_a_speculative_conclusion_yields_to_the_studied_route(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine infusion for phantom limb pain",
        ("METHODS", "Twelve amputees received intravenous ketamine 0.4 mg/kg."),
        ("CONCLUSIONS", "Oral ketamine could be an alternative for long-term use."),
    )
    assert tags.routes == ("intravenous",)


def test_route_noun_after_the_route_word_belongs_to_the_drug_before(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine for spinal cord injury pain",
        ("METHODS", "Group A received ketamine 0.2 mg/kg as a single epidural injection and oral gabapentin 300 mg."),
    )
    assert tags.routes == ("neuraxial",)


def test_route_word_of_a_drug_not_in_the_vocabulary_is_not_taken(tagger: Tagger) -> None:
    tags = tag(
        tagger, "Ketamine for cancer pain", ("METHODS", "Patients received oral nefopam and intravenous ketamine.")
    )
    assert tags.routes == ("intravenous",)


def test_two_routes_compared_for_ketamine(tagger: Tagger) -> None:
    tags = tag(
        tagger, "Ketamine routes", ("METHODS", "Children received intramuscular (IM) versus intravenous (IV) ketamine.")
    )
    assert tags.routes == ("intravenous", "intramuscular")


def test_adverb_after_ketamine_binds_to_it(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine for cancer pain",
        ("METHODS", "Ketamine or placebo was delivered subcutaneously for five days."),
    )
    assert tags.routes == ("subcutaneous",)


def test_infusion_with_no_route_is_intravenous_in_people(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine infusion for complex regional pain syndrome",
        "Fifteen patients with CRPS received a 4-day ketamine infusion.",
    )
    assert tags.routes == ("intravenous",)
    assert "no route stated" in tags.route_evidence["intravenous"][0].reason


def test_infusion_in_rats_gets_no_route(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine infusion in a rat model of neuropathic pain",
        "Rats with spared nerve injury received a ketamine infusion; allodynia was measured.",
    )
    assert tags.design == "preclinical"
    assert tags.routes == ()


def test_ketamine_given_before_the_study_adds_no_route(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Sublingual ketamine for chronic pain",
        (
            "METHODS",
            "Patients who had previously responded to intravenous ketamine were switched to "
            "sublingual ketamine lozenges.",
        ),
    )
    assert tags.routes == ("sublingual_buccal",)


def test_mouthwash_is_topical_not_oral(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine mouthwash for mucositis pain in cancer",
        "A woman with tongue carcinoma used a ketamine oral rinse four times a day.",
    )
    assert tags.routes == ("topical",)


def test_no_route_without_ketamine(tagger: Tagger) -> None:
    tags = tag(tagger, "Oral pregabalin for diabetic neuropathy", "We randomised 60 patients to pregabalin.")
    assert tags.routes == ()


@pytest.mark.parametrize(
    ("title", "text", "routes"),
    [
        (  # a route reaches along a list of drugs with their doses
            "Drug challenges in chronic neck pain",
            "In random order, patients received intravenous administration of morphine (0.3 mg/kg), "
            "lidocaine (5 mg/kg), ketamine (0.3 mg/kg) or saline.",
            ("intravenous",),
        ),
        (  # coordination: the route of the first drug of a list is the list's
            "Lidocaine and ketamine for neuropathic pain",
            "Patients received intravenous lidocaine or ketamine in random order.",
            ("intravenous",),
        ),
        (  # an infusion of ketamine with another drug, no route stated
            "Ketamine and magnesium for neuropathic pain",
            "Ketamine and magnesium were infused over one hour in 20 patients.",
            ("intravenous",),
        ),
        (  # ketamine given with another drug whose route is stated
            "Ketamine as an adjuvant to epidural steroids for chronic low back pain",
            "Sixty adults were randomised to ketamine or saline.",
            ("neuraxial",),
        ),
        (  # "by" or "via" a route, whatever noun follows the route word
            "Ketamine for cancer pain",
            "Ketamine was administered by patient-controlled epidural analgesia in 30 patients.",
            ("neuraxial",),
        ),
        (
            "S-ketamine for central pain",
            "S-ketamine 50 mg was given daily by an iontophoretic transdermal delivery system to 20 patients.",
            ("topical",),
        ),
        (  # a route given as an entry criterion is not the study's
            "Oral ketamine for neuropathic pain",
            "Patients with prior intravenous ketamine treatment took oral ketamine for 3 months.",
            ("oral",),
        ),
        (  # the study drugs together
            "Ketamine and propofol for chronic pain procedures",
            "Forty patients received ketamine and propofol. The drugs were administered intravenously.",
            ("intravenous",),
        ),
        (  # a preclinical study: a route stated for ketamine among other drugs
            "Intrathecal treatment with dextrorphan or ketamine in a rat model of nerve injury",
            "Rats with chronic constriction injury were treated daily.",
            ("neuraxial",),
        ),
    ],
)
def test_which_drug_a_route_word_belongs_to(tagger: Tagger, title: str, text: str, routes: tuple[str, ...]) -> None:
    tags = tag(tagger, title, ("METHODS", text))
    assert tags.routes == routes
    assert all(e.text and e.reason for ev in tags.route_evidence.values() for e in ev)


def test_a_drugless_sentence_speaks_of_the_drug_of_the_sentence_before(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine for cancer pain",
        (
            "METHODS",
            "Ten patients on high-dose morphine were given ketamine 0.5 mg/kg over 1 hour. "
            "Ketamine was continued at home. The effective daily dose was then given orally.",
        ),
    )
    assert tags.routes == ("intravenous", "oral")
    assert "sentence after one about ketamine" in tags.route_evidence["oral"][0].reason


def test_a_route_named_as_the_comparator_is_not_the_studys(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Oral ketamine in hospice patients",
        ("METHODS", "Twenty patients took oral ketamine at home."),
        ("RESULTS", "Side effects were milder than with intravenous dosing."),
    )
    assert tags.routes == ("oral",)


def test_a_review_gets_every_route_it_covers(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine in chronic pain: a narrative review",
        "Ketamine can be given by many routes of administration: intravenous, subcutaneous, oral, rectal, "
        "intranasal and epidural. Esketamine, given as a nasal spray, was approved for depression.",
    )
    assert tags.design == "review"
    assert tags.routes == ("intravenous", "subcutaneous", "intranasal", "oral", "neuraxial")
    listed = tags.route_evidence["oral"][0]
    assert "listed with" in listed.reason and "rectal" in listed.text


def test_another_indication_gives_no_route(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine in chronic pain: a narrative review",
        "Intravenous ketamine relieves pain in CRPS. Esketamine nasal spray was approved for "
        "treatment-resistant depression.",
    )
    assert tags.routes == ("intravenous",)


@pytest.mark.parametrize(
    "text",
    [
        "Ketamine was given as a continuous subcutaneous infusion for 5 days. The ketamine infusion was tolerated.",
        "Twelve patients received ketamine infusions subcutaneously. Ketamine infusions were repeated weekly.",
    ],
)
def test_a_stated_route_beats_the_infusion_rule(tagger: Tagger, text: str) -> None:
    tags = tag(tagger, "Ketamine for cancer pain", ("METHODS", text))
    assert tags.routes == ("subcutaneous",)


def test_a_route_with_no_id_gives_nothing_and_is_not_intravenous(tagger: Tagger) -> None:
    tags = tag(tagger, "Ketamine for cancer pain", ("METHODS", "Twelve patients received a rectal ketamine infusion."))
    assert tags.routes == ()


def test_an_intravenous_solution_sprayed_into_the_nose_is_intranasal(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine for cluster headache",
        ("METHODS", "The intravenous solution of ketamine (50 mg/ml) was sprayed into each nostril of 8 patients."),
    )
    assert tags.routes == ("intranasal",)


def test_the_decisive_route_evidence_comes_first(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine in chronic pain",
        (
            "METHODS",
            "Ketamine has several routes of administration: intravenous, rectal and oral. "
            "Twenty patients took oral ketamine for 3 months.",
        ),
    )
    assert tags.routes == ("intravenous", "oral")
    first, second = tags.route_evidence["oral"]
    assert first.reason == 'route "oral" stated for ketamine' and "Twenty patients" in first.text
    assert second.reason.startswith('route "oral" listed with "intravenous"')


# Earlier work named in any case: "Smith et al.", "SMITH ET AL.", "The last report", "The PREVIOUS REPORT".
@pytest.mark.parametrize(
    ("cited", "earlier"), [("Smith et al.", "The last report"), ("SMITH ET AL.", "The PREVIOUS REPORT")]
)
def test_a_review_does_not_take_the_routes_of_the_earlier_work_it_cites(
    tagger: Tagger, cited: str, earlier: str
) -> None:
    tags = tag(
        tagger,
        "Ketamine in chronic pain: a narrative review",
        f"{cited} gave intravenous ketamine to 20 patients with CRPS. {earlier} found that "
        "subcutaneous ketamine was poorly tolerated. Oral ketamine relieved neuropathic pain in small trials.",
    )
    assert tags.design == "review"
    assert tags.routes == ("oral",)


@pytest.mark.parametrize(
    ("text", "routes"),
    [
        ("Twelve patients received parenteral ketamine for refractory pain.", ()),
        ("Twelve patients received a parenteral infusion of ketamine for refractory pain.", ("intravenous",)),
        ("Twelve patients received ketamine 40-60 mg over 24 hours for refractory pain.", ("intravenous",)),
        ("Twelve patients took ketamine over 14 days for refractory pain.", ()),
        ("Patients were converted from parenteral to oral ketamine.", ("oral",)),
    ],
)
def test_parenteral_is_intravenous_only_as_an_infusion(tagger: Tagger, text: str, routes: tuple[str, ...]) -> None:
    assert tag(tagger, "Ketamine for cancer pain", ("METHODS", text)).routes == routes


def test_a_product_keeps_its_route_when_another_route_came_before(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine for cancer pain",
        ("METHODS", "After intravenous ketamine, 20 patients took oral ketamine solution at home."),
    )
    assert tags.routes == ("intravenous", "oral")


def test_a_route_reaches_across_a_hyphenated_combination(tagger: Tagger) -> None:
    tags = tag(
        tagger,
        "Ketamine in a rat model of neuropathic pain",
        ("METHODS", "Rats with nerve ligation received ketamine-midazolam (10 mg/kg) i.m. daily."),
    )
    assert tags.routes == ("intramuscular",)


@pytest.mark.parametrize(
    ("title", "text", "routes"),
    [
        (  # a route in the drug's dose parenthesis
            "Ketamine in rats with spinal cord injury",
            "Rats received ketamine (30 mg/kg/day; intramuscular) for 10 days after hemisection.",
            ("intramuscular",),
        ),
        (  # "the drugs" of the study, named some sentences before
            "Ketamine for cold allodynia",
            "The aim was to test ketamine in twelve patients with neuropathic pain. All had cold allodynia. "
            "Alfentanil served as active control. The drugs were given i.v. in random order.",
            ("intravenous",),
        ),
        (  # what could be done is not what was done
            "Esketamine in a palliative care patient",
            "A woman with cancer pain received esketamine. It can repeatedly be infused intravenously, but was "
            "given subcutaneously twice a week.",
            ("subcutaneous",),
        ),
        (  # an infusion in a record that states a route that is itself infused
            "Converting subcutaneous to oral ketamine in cancer pain",
            "Ketamine infusion relieved pain in 20 of 29 patients. They then took ketamine orally at home.",
            ("subcutaneous", "oral"),
        ),
        (  # a product's route yields to the route it was given by, stated elsewhere in the record
            "Atomized intravenous ketamine solution for sinus pain",
            "The ketamine solution was delivered into the nostrils of a man with sinonasal pain.",
            ("intranasal",),
        ),
    ],
)
def test_how_the_drug_was_given_in_the_study(tagger: Tagger, title: str, text: str, routes: tuple[str, ...]) -> None:
    assert tag(tagger, title, ("METHODS", text)).routes == routes


@pytest.mark.parametrize(
    ("text", "routes"),
    [
        ("Ketamine 0.5 mg/kg IM was given before each dressing change.", ("intramuscular",)),
        ("Patients received ketamine (50 mg) i.v. once weekly.", ("intravenous",)),
        ("Ketamine was given per os, 0.5 mg/kg three times daily.", ("oral",)),
        ("Patients received ketamine 0.5 mg/kg with IV access kept open.", ()),
    ],
)
def test_a_route_after_the_drugs_dose_is_the_drugs(tagger: Tagger, text: str, routes: tuple[str, ...]) -> None:
    tags = tag(tagger, "Ketamine for burn pain", ("METHODS", text))
    assert tags.routes == routes


@pytest.mark.parametrize(
    ("text", "routes"),
    [  # the comparator's own form is not ketamine's
        ("Patients were randomised to intravenous ketamine or oral placebo tablets.", ("intravenous",)),
        ("Ketamine or placebo was delivered subcutaneously for five days.", ("subcutaneous",)),
        # a placebo is no other drug: the study's capsules are still ketamine's
        ("Forty patients received ketamine or placebo. Capsules were taken twice daily.", ("oral",)),
        ("Patients received ketamine or placebo intravenously over 40 minutes.", ("intravenous",)),
        # "in the past" ends a clause; it is not "past treatment" before the route
        ("Patients seen in the past year received ketamine orally for 3 months.", ("oral",)),
    ],
)
def test_the_comparators_route_and_the_past(tagger: Tagger, text: str, routes: tuple[str, ...]) -> None:
    assert tag(tagger, "Ketamine for CRPS", ("METHODS", text)).routes == routes


@pytest.mark.parametrize(
    "text",
    [  # anatomy, a cause and another drug's dose are not how ketamine was given
        "Ketamine was given for pain from epidural or paraspinal abscesses in 12 patients.",
        "Oral ketamine helped in spondylodiscitis complicated by epidural abscess formation.",
        "Ketamine lozenges were used for pain. Patients also received infliximab (5 mg/kg IV), every 8 weeks.",
        "Ketamine lozenges were used for pain. Two recurrences occurred in the percutaneous group.",
    ],
)
def test_anatomy_causes_and_other_drugs_doses_give_no_route(tagger: Tagger, text: str) -> None:
    tags = tag(tagger, "Ketamine for cancer pain", ("METHODS", text))
    assert not {"neuraxial", "intravenous", "topical"} & set(tags.routes)


def test_given_by_a_route_still_binds(tagger: Tagger) -> None:
    tags = tag(
        tagger, "Ketamine for cancer pain", ("METHODS", "Ketamine was delivered by epidural infusion to 9 patients.")
    )
    assert tags.routes == ("neuraxial",)


@pytest.mark.parametrize(
    ("text", "routes"),
    [  # how animals are given a drug by mouth, or under the skin
        ("Rats received ketamine (30 mg/kg) by oral gavage for 14 days after nerve ligation.", ("oral",)),
        ("Mice were given ketamine in the drinking water for 3 weeks after nerve injury.", ("oral",)),
        ("Newborn rats were hypodermically injected with ketamine after paw inflammation.", ("subcutaneous",)),
        ("Rats with nerve injury received intraperitoneal ketamine and a normal diet.", ()),
    ],
)
def test_routes_of_animal_studies(tagger: Tagger, text: str, routes: tuple[str, ...]) -> None:
    assert tag(tagger, "Ketamine in a rat model of neuropathic pain", ("METHODS", text)).routes == routes
