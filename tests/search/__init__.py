"""Tests for search: backend contract, permissions, outbox, commands."""
