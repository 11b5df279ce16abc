"""Tests of litscan.pipeline."""
