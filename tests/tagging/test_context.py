"""Context rules (ConText): a trigger's category reaches the mentions in its scope, and no further."""

from __future__ import annotations

from pathlib import Path

import pytest

from litscan.errors import ConfigError
from litscan.tagging.context import CONTEXT_FILE, Context, apply, load_context_rules
from litscan.tagging.document import Document
from litscan.tagging.tagger import RULE_FILES, Tagger

from .records import VOCABULARY, record


def context_of(tagger: Tagger, text: str, words: str, title: str = "An invented record") -> Context:
    """The context flags of the vocabulary mention that starts with ``words`` in ``text``."""
    doc = tagger.read(record(title, text))
    at = doc.text.index(words)
    flags = [h.context for h in doc.hits if h.start == at and h.kind != "context"]
    assert flags, f"no vocabulary mention at {words!r}"
    return Context(flags[0])


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # negation reaches forward a few words, and stops at "but"
        ("We enrolled 40 adults without chronic pain.", "chronic pain", Context.NEGATED),
        ("Adults without diabetes but with chronic pain were enrolled.", "chronic pain", Context(0)),
        ("There was no significant change in chronic pain scores.", "chronic pain", Context(0)),  # pseudo
        # examples: forward after "such as", backward before "and other conditions"
        ("We studied pain syndromes such as CRPS and fibromyalgia.", "fibromyalgia", Context.EXAMPLE),
        ("We studied CRPS, fibromyalgia and other painful conditions.", "CRPS", Context.EXAMPLE),
        ("We studied fibromyalgia; other trials included CRPS.", "fibromyalgia", Context(0)),  # a clause mark
        # a share of a mixed population; a subgroup analysis outweighs the list
        ("Diagnoses were CRPS (n = 12) and fibromyalgia (n = 8).", "fibromyalgia", Context.CASEMIX),
        (
            "Outcomes were analysed by diagnosis: CRPS and fibromyalgia.",
            "fibromyalgia",
            Context.SUBGROUP,
        ),
        # speculation and comparison with other work
        ("Ketamine may also help patients with fibromyalgia.", "fibromyalgia", Context.HYPOTHETICAL),
        ("Relief was similar to that reported in fibromyalgia.", "fibromyalgia", Context.COMPARISON),
        # acute pain: a cause named in the sentence, or "acute" before the condition
        ("Adults with an acute migraine attack received ketamine.", "migraine", Context.ACUTE),
        ("Adults with chronic migraine received ketamine.", "migraine", Context(0)),
    ],
)
def test_a_trigger_reaches_the_mentions_in_its_scope(tagger: Tagger, text: str, words: str, expected: Context) -> None:
    assert context_of(tagger, text, words) == expected


def test_a_result_is_said_of_the_drug(tagger: Tagger) -> None:
    found = context_of(tagger, "Ketamine reduced pain more than placebo (p = 0.01).", "Ketamine")
    assert found == Context.RESULT


def test_max_scope_counts_words(tagger: Tagger) -> None:
    near = context_of(tagger, "Adults without any chronic pain were enrolled.", "chronic pain")
    far = context_of(
        tagger, "Adults without a long and troubling history of chronic pain were enrolled.", "chronic pain"
    )
    assert near == Context.NEGATED and far == Context(0)


def test_a_rule_speaks_only_of_its_targets(tagger: Tagger) -> None:
    # the negation of a population speaks of conditions and chronic pain, not of the drug in its scope
    sentence = "Adults without CRPS received ketamine."
    assert context_of(tagger, sentence, "CRPS") == Context.NEGATED
    assert context_of(tagger, sentence, "ketamine") == Context(0)


def test_a_drug_denied_as_given_is_negated(tagger: Tagger) -> None:
    assert context_of(tagger, "No ketamine was given during the study.", "ketamine") == Context.NEGATED
    # not every "no" before the drug: there is no verb of giving after it
    assert context_of(tagger, "No difference between ketamine and placebo was found.", "ketamine") == Context(0)


def test_the_bundled_rules_load_and_name_their_place() -> None:
    rules = load_context_rules()
    assert rules.path == CONTEXT_FILE and CONTEXT_FILE in RULE_FILES
    assert {r.category for r in rules.rules if r.category} == set(Context)
    assert all(r.patterns and r.where.startswith("rule ") for r in rules.rules)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[rule]]\ncategory = 'negated'\ndirection = 'sideways'\npatterns = ['no']\n", r"rule 1\.direction"),
        ("[[rule]]\ncategory = 'denied'\ndirection = 'forward'\npatterns = ['no']\n", r"rule 1\.category"),
        ("[[rule]]\ndirection = 'pseudo'\ncategory = 'negated'\npatterns = ['no']\n", "has no category"),
        (
            "[[rule]]\ncategory = 'negated'\ndirection = 'forward'\npatterns = ['no(']\n",
            r"rule 1 \(negated\)\.patterns\[0\]",
        ),
        ("[[rule]]\ncategory = 'negated'\ndirection = 'forward'\npatterns = []\n", "needs patterns"),
        ("[[rule]]\ncategory = 'negated'\ndirection = 'forward'\npatterns = ['x?']\n", "matches empty text"),
        ("[[rule]]\ncategory = 'negated'\ndirection = 'forward'\npatterns = ['no']\nmax_scope = 0\n", "max_scope"),
        ("[[rule]]\ncategory = 'negated'\ndirection = 'forward'\npatterns = ['no']\ntargets = ['verb']\n", "targets"),
        (
            "[[rule]]\ncategory = 'negated'\ndirection = 'forward'\npatterns = ['no']\nscope = 3\n",
            "unknown key 'scope'",
        ),
        (
            "[[rule]]\ncategory = 'negated'\ndirection = 'forward'\npatterns = ['no']\nterminated_by = ['x']\n",
            "terminated_by",
        ),
        ("clause_marks = 3\n[[rule]]\ndirection = 'terminate'\npatterns = ['but']\n", "clause_marks"),
        ("title = 'x'\n", "unknown key 'title'"),
        ("clause_marks = ';'\n", r"needs at least one \[\[rule\]\]"),
        ("[[rule]\n", "not valid TOML"),
    ],
)
def test_a_broken_context_file_is_a_config_error_naming_the_file_and_rule(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "context.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as caught:
        load_context_rules(path)
    assert str(path) in str(caught.value)


def test_fingerprint_follows_the_rule_files(tagger: Tagger) -> None:
    # The fingerprint hashes the bytes of the cue and context files: an edit re-tags stored records.
    assert Tagger(VOCABULARY).fingerprint == tagger.fingerprint
    assert len(RULE_FILES) == 2 and all(p.exists() for p in RULE_FILES)


def test_an_after_rule_matches_in_any_case_unless_its_pattern_says_otherwise(tagger: Tagger, tmp_path: Path) -> None:
    path = tmp_path / "context.toml"
    path.write_text(
        r"""
[[rule]]
category = "casemix"
direction = "after"
patterns = ['\s*\(N ?= ?\d+\)']

[[rule]]
category = "subgroup"
direction = "after"
patterns = ['\s*\[(?-i:SG)\]']
""",
        encoding="utf-8",
    )
    doc = Document(record("An invented record", "Adults with fibromyalgia (n = 12), CRPS [SG] or CRPS [sg]."))
    tagger._match(doc)
    apply(doc, load_context_rules(path))
    found = [(doc.span(h), Context(h.context)) for h in doc.hits_of("cond")]
    assert found == [("fibromyalgia", Context.CASEMIX), ("CRPS", Context.SUBGROUP), ("CRPS", Context(0))]
    triggers = [doc.span(t) for h in doc.hits_of("cond") for t in h.context_by]
    assert triggers == [" (n = 12)", " [SG]"]  # the patterns take the space before
