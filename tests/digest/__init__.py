"""Tests of litscan.digest."""
