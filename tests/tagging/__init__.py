"""Tests of litscan.tagging."""
