"""On topic: the intervention studied in a chronic pain population, not only mentioned or framed otherwise."""

from __future__ import annotations

import pytest

from litscan.tagging.tagger import Tagger

from .records import tag


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Ketamine for acute postoperative pain after knee surgery", "We randomised 80 adults to ketamine."),
        ("Esketamine nasal spray for treatment-resistant depression", "Patients received esketamine."),
        (
            "Intraoperative ketamine in laparoscopic cholecystectomy",
            "We randomised 60 patients to ketamine or saline; pain over 24 hours was lower with ketamine.",
        ),
        ("Ketamine sedation for children in the emergency department", "Children received ketamine."),
        ("Ketamine abuse and lower urinary tract symptoms", "Ketamine users completed a survey."),
        (
            "Oral memantine in patients with chronic neuropathic pain who responded to ketamine",
            "Patients who had responded to a ketamine test were randomized to memantine or placebo.",
        ),
        (
            "Pregabalin for chronic neuropathic pain",
            "We randomised 90 patients to pregabalin or placebo. Ketamine has been tried in such patients.",
        ),
    ],
)
def test_off_topic(tagger: Tagger, title: str, text: str) -> None:
    tags = tag(tagger, title, text)
    assert tags.on_topic is False
    assert tags.on_topic_evidence


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Perioperative ketamine for the prevention of chronic postsurgical pain",
            "Patients were randomised to ketamine or saline; pain was assessed at 6 months.",
        ),
        ("Ketamine in refractory chronic pain", "We followed 100 patients who received ketamine for one year."),
        ("Ketamine in a rat model of neuropathic pain", "Rats with chronic constriction injury received ketamine."),
        (
            "Ketamine for postoperative pain after knee arthroplasty: a randomized trial",
            "We randomized 200 patients to ketamine or placebo. Persistent postsurgical pain at 6 months was "
            "less frequent with ketamine.",
        ),
    ],
)
def test_on_topic(tagger: Tagger, title: str, text: str) -> None:
    assert tag(tagger, title, text).on_topic is True
