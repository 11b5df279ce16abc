"""Tests of litscan.pubmed."""
