"""Tests of litscan.store."""
