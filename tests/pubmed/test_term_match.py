"""Evaluating parsed terms on records as PubMed reads them: logic, words, phrases, fields, MeSH."""

from __future__ import annotations

from pathlib import Path

import pytest

from litscan.errors import InputError
from litscan.models import (
    AbstractSection,
    Author,
    Chemical,
    MeshHeading,
    MeshQualifier,
    PartialDate,
    PublicationType,
)
from litscan.pubmed.term import parse_term
from litscan.pubmed.term_match import Matcher, MeshTree, RecordView, near
from tests.conftest import make_record

# A small made-up slice of a MeSH tree: Neuralgia with two narrower headings, and a sibling.
TREE = MeshTree(
    {
        "neuralgia": frozenset({"C10.668.829.600"}),
        "neuralgia postherpetic": frozenset({"C10.668.829.600.650"}),
        "sciatica": frozenset({"C10.668.829.600.750"}),
        "peripheral nervous system diseases": frozenset({"C10.668.829"}),
        "pain": frozenset({"C23.888.592.612"}),
        "review": frozenset({"V02.912"}),
        "systematic review": frozenset({"V02.912.500"}),
    }
)


def record(title: str = "Ketamine for pain", abstract: str = "Adults were treated.", **overrides):
    return make_record("111", title, abstract_sections=(AbstractSection(abstract),), **overrides)


def hits(term: str, rec, *, tree: MeshTree | None = None, with_mesh: bool = True) -> bool:
    return Matcher(tree).matches(parse_term(term).root, RecordView(rec, with_mesh=with_mesh))


# -- Boolean logic ----------------------------------------------------------------------------


def test_and_does_not_bind_tighter_than_or():
    only_a = record("alpha")
    # Left to right: (alpha OR beta) AND gamma; the usual precedence would read alpha OR (beta AND gamma).
    assert not hits("alpha[ti] OR beta[ti] AND gamma[ti]", only_a)
    assert hits("alpha[ti] OR (beta[ti] AND gamma[ti])", only_a)
    only_c = record("gamma")
    # (alpha AND beta) OR gamma
    assert hits("alpha[ti] AND beta[ti] OR gamma[ti]", only_c)


def test_not_excludes_and_also_reads_left_to_right():
    both = record("alpha beta")
    assert not hits("alpha[ti] NOT beta[ti]", both)
    assert hits("alpha[ti] NOT gamma[ti]", both)
    # (alpha NOT beta) OR gamma: gamma brings back a record NOT removed.
    assert hits("alpha[ti] NOT beta[ti] OR gamma[ti]", record("alpha beta gamma"))
    assert not hits("alpha[ti] NOT (beta[ti] OR gamma[ti])", record("alpha beta gamma"))


def test_clauses_side_by_side_must_all_match():
    assert hits("alpha[ti] beta[ti]", record("beta and alpha"))
    assert not hits("alpha[ti] beta[ti]", record("alpha only"))


# -- words, truncation, phrases ------------------------------------------------------------------


def test_truncation_finds_every_ending_and_nothing_shorter():
    term = "ketamin*[tiab]"
    assert hits(term, record("Ketamine-induced analgesia"))
    assert hits(term, record("The ketamine's effect"))
    assert hits(term, record("Ketaminum"))
    assert not hits(term, record("Ketamide and ketanserin"))


def test_a_word_is_matched_whole_not_inside_another_word():
    assert not hits("pain[tiab]", record("Painful legs"))
    assert hits("pain*[tiab]", record("Painful legs"))


def test_hyphens_and_punctuation_are_word_breaks_but_joined_words_are_other_words():
    assert hits('"post operative"[tiab]', record("Post-operative pain"))
    assert hits('"post-operative"[tiab]', record("post operative pain"))
    assert not hits('"post-operative"[tiab]', record("Postoperative pain"))
    assert not hits("postoperative[tiab]", record("Post-operative pain"))
    assert hits('"chronic non cancer pain"[tiab]', record("Chronic non-cancer pain"))
    assert hits('"hip groin pain"[tiab]', record("hip/groin pain"))
    assert hits('"s ketamine"[tiab]', record("S(+)-ketamine in rats"))


def test_case_and_accents_do_not_matter():
    assert hits('"guillain barre"[tiab]', record("Guillain-Barré syndrome"))
    assert hits("CRPS[tiab]", record("crps type 1"))


def test_a_phrase_is_its_words_in_order_next_to_each_other():
    assert hits('"chronic pain"[tiab]', record("Chronic pain in adults"))
    assert not hits('"chronic pain"[tiab]', record("Pain, chronic"))
    assert not hits('"chronic pain"[tiab]', record("chronic low back pain"))
    assert hits('"chronic pain*"[tiab]', record("Chronic painful neuropathy"))


def test_a_phrase_does_not_span_two_sentences_or_two_fields():
    assert not hits('"chronic pain"[tiab]', record("Ketamine", "The course was chronic. Pain fell."))
    assert not hits('"ketamine chronic"[tiab]', record("Ketamine", "Chronic pain."))
    assert hits('"2 5 mg"[tiab]', record("Ketamine", "A dose of 2.5 mg was given."))


# -- proximity ---------------------------------------------------------------------------------------


def test_proximity_is_any_order_with_at_most_n_words_between():
    term = '"chronic pain"[tiab:~2]'
    assert hits(term, record("chronic pain"))
    assert hits(term, record("chronic non-cancer pain"))  # two words between
    assert hits(term, record("the pain became chronic"))  # other order, one word between
    assert not hits(term, record("chronic severe disabling back pain"))  # three between
    assert hits('"chronic pain"[tiab:~3]', record("chronic severe disabling back pain"))
    assert not hits(term, record("chronic. Pain"))  # a sentence ends between them


def test_proximity_with_three_words_and_repeated_words():
    assert near(("drug", "addiction", "methadone"), ("methadone", "treatment", "for", "drug", "addiction"), 2)
    assert not near(("drug", "addiction", "methadone"), ("methadone", "a", "b", "c", "drug", "addiction"), 2)
    assert near(("pain", "pain"), ("pain", "x", "pain"), 1)
    assert not near(("pain", "pain"), ("pain",), 3)


def test_proximity_only_reads_its_own_field():
    rec = record("Ketamine", "chronic pain", authors=(Author("Doe", affiliations=("Pain Chronic Unit",)),))
    assert hits('"chronic pain"[tiab:~0]', rec)
    assert not hits('"chronic pain"[ti:~0]', rec)
    assert hits('"unit chronic"[ad:~1]', rec)


# -- fields --------------------------------------------------------------------------------------------


def test_text_fields_read_what_pubmed_puts_in_them():
    rec = record(
        "Ketamine for pain",
        "Adults with fibromyalgia.",
        keywords=("allodynia",),
        mesh=(MeshHeading("Hyperalgesia"),),
        authors=(Author("Painter", initials="A"),),
    )
    assert hits("fibromyalgia[tiab]", rec) and not hits("fibromyalgia[ti]", rec) and hits("fibromyalgia[ab]", rec)
    assert hits("ketamine[ti]", rec) and not hits("ketamine[ab]", rec)
    assert hits("allodynia[tiab]", rec) and hits("allodynia[ot]", rec) and not hits("allodynia[ti]", rec)
    assert hits("hyperalgesia[tw]", rec) and not hits("hyperalgesia[tiab]", rec)
    assert hits("painter[all]", rec) and hits("painter", rec) and not hits("painter[tw]", rec)


def test_untagged_words_must_all_occur_anywhere():
    rec = record("Ketamine", "for fibromyalgia")
    assert hits("ketamine fibromyalgia", rec)
    assert not hits("ketamine migraine", rec)


def test_a_record_without_mesh_matches_no_mesh_clause():
    rec = record("Neuralgia after shingles")
    assert not hits("neuralgia[mh]", rec)
    assert hits("neuralgia[tiab]", rec)
    indexed = record("x", mesh=(MeshHeading("Neuralgia"),))
    assert hits("neuralgia[mh]", indexed)
    assert not hits("neuralgia[mh]", indexed, with_mesh=False)


def test_mesh_explosion_takes_narrower_headings_and_no_others():
    rec = record("x", mesh=(MeshHeading("Neuralgia, Postherpetic"),))
    assert hits("neuralgia[mh]", rec, tree=TREE)
    assert hits('"peripheral nervous system diseases"[mh]', rec, tree=TREE)
    assert not hits("neuralgia[mh:noexp]", rec, tree=TREE)
    assert not hits("sciatica[mh]", rec, tree=TREE)  # a sibling, not a parent
    assert not hits("pain[mh]", rec, tree=TREE)  # another tree altogether
    # Without the tree only the heading itself can be found: the explosion is a miss, never a guess.
    assert not hits("neuralgia[mh]", rec)
    assert hits('"neuralgia, postherpetic"[mh]', rec)


def test_major_topic_subheadings_and_substances():
    rec = record(
        "x",
        mesh=(
            MeshHeading("Ketamine", qualifiers=(MeshQualifier("therapeutic use", major=True),)),
            MeshHeading("Neuralgia", major=False, qualifiers=(MeshQualifier("drug therapy"),)),
        ),
        chemicals=(Chemical("Esketamine"),),
    )
    assert hits("ketamine[majr]", rec) and not hits("neuralgia[majr]", rec)
    assert hits('"ketamine/therapeutic use"[mh]', rec)
    assert not hits('"ketamine/drug therapy"[mh]', rec)
    assert hits('"neuralgia/drug therapy"[mh]', rec)
    assert hits('"drug therapy"[sh]', rec) and not hits('"adverse effects"[sh]', rec)
    assert hits("esketamine[nm]", rec) and not hits("esketamine[nm]", rec, with_mesh=False)


def test_publication_types_explode_through_the_tree_when_given():
    rec = record("x", publication_types=(PublicationType("Systematic Review"),))
    assert hits('"systematic review"[pt]', rec)
    assert hits("review[pt]", rec, tree=TREE)
    assert not hits("review[pt]", rec)


def test_language_by_name_or_code():
    rec = record("x", languages=("ger",))
    assert hits("german[la]", rec) and hits("ger[la]", rec) and not hits("english[la]", rec)


def test_partial_dates_are_in_a_range_when_any_day_of_them_is():
    by_month = record("x", pub_date=PartialDate(1999, 6))
    assert hits("1999/06/01:1999/06/30[dp]", by_month)
    assert hits("1999/06/30[dp]", by_month)
    assert not hits("1999/07:2000[dp]", by_month)
    electronic = record("x", pub_date=PartialDate(2001), article_date="2000-12-20")
    assert hits("2000/12[dp]", electronic)
    created = record("x", created_date="2024-02-03")
    assert hits("2024/02/01:2024/02/05[crdt]", created) and not hits("2024/03[crdt]", created)


def test_pmids_and_pmid_ranges():
    assert hits("111[uid]", record()) and hits("100:200[pmid]", record())
    assert not hits("112[uid]", record()) and not hits("112:300[uid]", record())


def test_author_initials_are_truncated_unless_quoted():
    rec = record(
        "x",
        authors=(
            Author("Smith", initials="JA"),
            Author("de la Cruz", initials="M"),
            Author("Wrong", initials="Q", valid=False),
        ),
    )
    assert hits("smith j[au]", rec) and hits("smith[au]", rec) and hits("smith ja[au]", rec)
    assert not hits('"smith j"[au]', rec) and hits('"smith ja"[au]', rec)
    assert not hits("smit[au]", rec) and not hits("smith jb[au]", rec)
    assert hits("de la cruz m[au]", rec) and hits("smith[1au]", rec) and not hits("smith[lastau]", rec)
    assert hits("de la cruz[lastau]", rec)
    assert not hits("wrong[au]", rec)  # PubMed keeps ValidYN="N" names but does not search them


def test_journal_by_title_abbreviation_or_issn():
    rec = record("x", journal="Pain Medicine", journal_abbrev="Pain Med", issn="1526-2375")
    assert hits('"pain med"[ta]', rec) and hits('"pain medicine"[jour]', rec) and hits("1526-2375[ta]", rec)
    assert not hits("pain[ta]", rec)


# -- the MeSH tree file --------------------------------------------------------------------------------


def test_mesh_tree_reads_nlm_mtrees_lines(tmp_path: Path):
    path = tmp_path / "mtrees.bin"
    path.write_text("Neuralgia;C10.668.829.600\nNeuralgia, Postherpetic;C10.668.829.600.650\n", encoding="utf-8")
    tree = MeshTree.load(path)
    assert tree.knows("NEURALGIA") and not tree.knows("Pain")
    assert tree.covers("neuralgia", "neuralgia postherpetic") and not tree.covers("neuralgia postherpetic", "neuralgia")


@pytest.mark.parametrize("line", ["Neuralgia C10.668", "Neuralgia;10.668", ";C10.668"])
def test_a_bad_mesh_tree_line_is_named(tmp_path: Path, line: str):
    path = tmp_path / "mtrees.bin"
    path.write_text(f"Pain;C23.888\n{line}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"mtrees.bin: line 2: not a 'Heading;TreeNumber' line"):
        MeshTree.load(path)
