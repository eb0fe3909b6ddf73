"""Tests of the Atom feeds."""
