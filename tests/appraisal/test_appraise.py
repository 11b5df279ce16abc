"""appraise(record, tags) gives every part at once, with or without tags; real abstracts run clean."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from litscan.appraisal import Appraisal, appraise, load_phrases
from litscan.models import Tags
from litscan.pubmed.xml_reader import parse_pubmed_bytes
from litscan.tagging.evaluate import pubmed_xml

from .records import structured

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def test_an_appraisal_has_its_three_parts() -> None:
    record = structured(
        ("METHODS", "Forty adults were randomised to drug X or placebo in a double-blind trial."),
        ("RESULTS", "Pain fell by 2.1 points more with drug X than with placebo (P = 0.003)."),
        ("CONCLUSIONS", "Drug X reduced chronic pain. Larger trials are needed."),
    )
    tags = Tags(on_topic=True, conditions=(), routes=(), design="rct")
    result = appraise(record, tags)
    assert isinstance(result, Appraisal)
    assert result.key_finding is not None and result.key_finding.text == "Drug X reduced chronic pain."
    assert result.key_finding.figures == "Pain fell by 2.1 points more with drug X than with placebo (P = 0.003)."
    assert result.sample_size is not None and result.sample_size.participants == 40
    assert result.markers == ("randomised", "double-blind", "placebo-controlled")


def test_without_tags_nothing_is_assumed_about_the_design() -> None:
    record = structured(("METHODS", "The trial will randomise 56 adults."))
    protocol = Tags(on_topic=True, conditions=(), routes=(), design="protocol")
    assert appraise(record).key_finding is not None
    assert appraise(record).key_finding.text != appraise(record, protocol).key_finding.text  # type: ignore[union-attr]


def test_real_abstracts_are_never_quoted_for_a_rejected_phrase() -> None:
    """Every gold abstract (real text, read from the shared folder) appraises; no quote carries a phrase
    the rules reject, and no quote is empty."""
    gold_dir = SHARED / "gold"
    if not gold_dir.is_dir():
        pytest.fail(f"shared data not found at {gold_dir.resolve()}: the checkout needs ../shared beside it")
    items = []
    for name in ("dev.jsonl", "dev2.jsonl"):
        for number, line in enumerate((gold_dir / name).read_text(encoding="utf-8").splitlines()):
            item = json.loads(line)
            items.append({**item, "_pmid": str(900_000_000 + len(items)), "_line": number})
    records = parse_pubmed_bytes(pubmed_xml(items), name="gold.xml")
    phrases = load_phrases()
    quotes = [a.key_finding for a in map(appraise, records) if a.key_finding and not a.key_finding.is_statement]
    assert len(records) > 200 and len(quotes) > 150
    for quote in quotes:
        assert quote.text.strip(" …")
        assert phrases.rejected_by(quote.text.strip(" …")) is None, quote.text


def test_the_fingerprint_names_code_and_phrases(tmp_path: Path) -> None:
    from litscan.appraisal import fingerprint
    from litscan.appraisal.phrases import default_path

    other = tmp_path / "phrases.toml"
    other.write_text(default_path().read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert fingerprint() == fingerprint(load_phrases())
    assert fingerprint() != fingerprint(load_phrases(other))


def test_the_same_record_asked_twice_in_a_row_is_appraised_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The digest's card and its CSV row ask in turn about the same record: one appraisal serves both,
    and a question about anything else (other tags, another record) is answered afresh."""
    module = sys.modules["litscan.appraisal.appraise"]
    read: list[str] = []
    real = module.sentences_of
    monkeypatch.setattr(module, "sentences_of", lambda record: read.append(record.pmid) or real(record))
    record = structured(("CONCLUSIONS", "Drug X reduced chronic pain."))
    tags = Tags(on_topic=True, conditions=(), routes=(), design="rct")
    first = appraise(record, tags)
    assert appraise(record, tags) is first and read == ["1"]
    protocol = Tags(on_topic=True, conditions=(), routes=(), design="protocol")
    assert appraise(record, protocol).key_finding != first.key_finding and read == ["1", "1"]
    assert appraise(structured(("CONCLUSIONS", "Drug X reduced chronic pain.")), tags) is not first
