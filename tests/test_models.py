"""litscan.models: what a Record says of itself, and records stored by older versions read back."""

from __future__ import annotations

from litscan.models import Author, Record, record_from_dict, to_jsonable


def test_display_title_falls_back_to_the_vernacular_title_only_without_an_english_one():
    assert Record("1", title="English.", vernacular_title="Original.").display_title == "English."
    assert Record("1", title="[Not Available].", vernacular_title="Original.").display_title == "Original."
    assert Record("1", title=None, vernacular_title="Original.").display_title == "Original."
    assert Record("1", title="[Not Available].").display_title == "[Not Available]."
    assert Record("1").display_title is None


def test_a_name_with_a_suffix_is_cited_with_it():
    assert Author("Shaffer", "Arthur L", "AL", suffix="3rd").display_name == "Shaffer AL 3rd"
    assert Author("Doe", suffix="Jr").display_name == "Doe Jr"
    assert Author(collective_name="Study Group", suffix="Jr").display_name == "Study Group"


def test_erroneous_names_stored_among_the_authors_by_an_older_version_are_put_apart():
    record = Record("1", authors=(Author("Doe", initials="J"),), erroneous_authors=(Author("Deo", valid=False),))
    assert record_from_dict(to_jsonable(record)) == record
    old = to_jsonable(Record("1", authors=(Author("Doe", initials="J"), Author("Deo", valid=False))))
    del old["erroneous_authors"]
    read = record_from_dict(old)
    assert read.authors == (Author("Doe", initials="J"),)
    assert read.erroneous_authors == (Author("Deo", valid=False),)
