"""Parsing PubMed terms: fields, phrases, truncation, proximity, ranges, left-to-right groups."""

from __future__ import annotations

import pytest

from litscan.errors import ConfigError
from litscan.pubmed.term import Clause, Group, date_span, parse_term


def only_clause(text: str) -> Clause:
    root = parse_term(text).root
    assert isinstance(root, Clause)
    return root


def test_operators_are_kept_in_order_with_no_precedence():
    root = parse_term("a[tiab] OR b[tiab] AND c[tiab] NOT d[tiab]").root
    assert isinstance(root, Group)
    assert isinstance(root.first, Clause) and root.first.value == "a"
    assert [(op, node.value) for op, node in root.rest if isinstance(node, Clause)] == [
        ("OR", "b"),
        ("AND", "c"),
        ("NOT", "d"),
    ]


def test_clauses_side_by_side_are_anded():
    root = parse_term('"chronic pain"[tiab] ketamine[ti]').root
    assert isinstance(root, Group)
    assert [op for op, _ in root.rest] == ["AND"]


def test_parentheses_make_groups_and_blocks_look_through_an_outer_pair():
    term = parse_term("((a[tiab] OR b[tiab]) AND (c[tiab] OR d[tiab]) NOT e[ti])")
    blocks = term.blocks()
    assert [op for op, _ in blocks] == [None, "AND", "NOT"]
    assert [term.source(node) for _, node in blocks] == ["(a[tiab] OR b[tiab])", "(c[tiab] OR d[tiab])", "e[ti]"]


@pytest.mark.parametrize(
    ("text", "field", "proximity", "explode"),
    [
        ('"chronic pain"[Title/Abstract:~2]', "tiab", 2, True),
        ('"chronic pain"[tiab: ~ 3]', "tiab", 3, True),
        ("pain[mh:noexp]", "mh", None, False),
        ('"pain"[MeSH Terms:noexp]', "mh", None, False),
        ("pain[Mesh]", "mh", None, True),
        ("pain[majr]", "majr", None, True),
        ("review[Publication Type]", "pt", None, True),
        ("english[la]", "la", None, True),
        ("pain[Text Word]", "tw", None, True),
        ("pain[All Fields]", "all", None, True),
        ("smith j[au]", "au", None, True),
        ("pain", "all", None, True),
    ],
)
def test_field_tags_short_and_long(text, field, proximity, explode):
    clause = only_clause(text)
    assert (clause.field, clause.proximity, clause.explode) == (field, proximity, explode)


def test_words_are_lower_cased_and_split_at_punctuation():
    assert only_clause('"S(+)-Ketamine"[tiab]').words == ("s", "ketamine")
    assert only_clause('"post-operative"[tiab]').words == ("post", "operative")
    assert only_clause('"Guillain-Barré"[tiab]').words == ("guillain", "barre")


def test_unquoted_words_before_a_tag_are_a_phrase_and_untagged_words_are_not():
    tagged = only_clause("chronic pain[tiab]")
    assert tagged.words == ("chronic", "pain") and tagged.phrase
    untagged = parse_term("chronic pain")
    assert isinstance(untagged.root, Clause) and not untagged.root.phrase and untagged.root.field == "all"
    assert any("Automatic Term Mapping" in w for w in untagged.warnings)


def test_truncation_is_kept_on_the_word():
    assert only_clause('"breast feed*"[tiab]').words == ("breast", "feed*")
    assert only_clause("ketamin*[tiab]").words == ("ketamin*",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ket*[tiab]", "at least 4 characters"),
        ("ke*mine[tiab]", "only at the end"),
        ("*ketamine[tiab]", "only at the end"),
        ('"chronic pain"[mh:~2]', "proximity in [ti], [tiab] and [ad] only"),
        ("pain[tiab:~2]", "two or more words in quotes"),
        ('"chronic pain*"[tiab:~2]', "ignores ~N"),
        ("humans[sb]", "unsupported field [sb] in humans[sb]"),
        ("pain[tiab:noexp]", "':noexp' applies to [mh] and [majr] only"),
        ("(pain[tiab]", "never closed"),
        ("pain[tiab])", "')' without a matching '('"),
        ("pain[tiab] AND", "AND needs a search term after it"),
        ("OR pain[tiab]", "OR needs a search term before it"),
        ("pain[tiab] or ache[tiab]", "lower-case 'or'"),
        ('"chronic pain[tiab]', "unclosed quote"),
        ("pain[tiab", "unclosed field tag"),
        ("()", "empty or unclosed '('"),
        ("2020/13[dp]", "a date is YYYY"),
        ("12a[uid]", "[uid] takes a PMID"),
        ('"2020"[dp] : "2021"[edat]', "same tag"),
        ("", "empty"),
    ],
)
def test_what_pubmed_would_refuse_or_misread_is_an_error_naming_the_spot(text, message):
    with pytest.raises(ConfigError) as caught:
        parse_term(text, where="topic.toml")
    assert message in str(caught.value)
    assert str(caught.value).startswith("topic.toml: term: ")


def test_an_error_gives_the_character_position():
    with pytest.raises(ConfigError, match=r"character 16\)"):
        parse_term("ketamine[tiab] humans[sb]")


def test_ranges_of_dates_and_pmids():
    assert only_clause("2019/02:2020[dp]").span == ("2019-02-01", "2020-12-31")
    assert only_clause('"2020"[Date - Publication] : "3000"[Date - Publication]').span == (
        "2020-01-01",
        "3000-12-31",
    )
    assert only_clause("2024/02[crdt]").span == ("2024-02-01", "2024-02-29")
    assert only_clause("100:200[uid]").span == ("100", "200")
    assert only_clause("12345[pmid]").span == ("12345", "12345")


def test_date_span_covers_what_a_partial_date_covers():
    assert date_span("2023") == ("2023-01-01", "2023-12-31")
    assert date_span("2023-12") == ("2023-12-01", "2023-12-31")
    assert date_span("2023/12/05") == ("2023-12-05", "2023-12-05")
    assert date_span("2023/02/30") is None
    assert date_span("May 2023") is None


def test_warnings_for_what_pubmed_accepts_but_probably_was_not_meant():
    warnings = parse_term('"s(+)-ketamine"[tiab] OR pain[ab]').warnings
    assert any("brackets inside a quoted phrase" in w for w in warnings)
    assert any("[ab] is not in PubMed's documented list" in w for w in warnings)
    assert parse_term('ketamin*[tiab] AND "chronic pain"[tiab:~2]').warnings == ()
