"""litscan.pubmed.pmid: what counts as a PubMed id."""

from __future__ import annotations

import pytest

from litscan.pubmed.pmid import is_pmid, not_a_pmid


@pytest.mark.parametrize("text", ["1", "9", "10", "39000001", "999999999"])
def test_pubmed_ids(text):
    assert is_pmid(text)


@pytest.mark.parametrize(
    "text",
    ["", "0", "0123", "12ab", "1234567890", "1" * 23, "١٢٣", "１２３", "-5", "+5", "12 13", " 12", "12\n", "1e5"],
)
def test_not_pubmed_ids(text):
    assert not is_pmid(text)


def test_the_reason_shortens_a_long_value():
    reason = not_a_pmid("7" * 300)
    assert len(reason) < 100 and "1 to 9 digits" in reason and "..." in reason
