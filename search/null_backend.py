"""A backend that keeps nothing and finds nothing: for tests that never search.

Like warehouse's null search service, it accepts every write so the code that
feeds an index runs unchanged, and answers every query with no hits.
"""
from __future__ import annotations

from contextlib import contextmanager

from search.interface import SearchBackend, SearchPage


class NullBackend(SearchBackend):
    name = "null"

    def search(self, query, filters, scope, page, per_page=20):
        return SearchPage([], 0, page, per_page, also_searched=query.added_synonyms())

    def count(self, query, scope):
        return 0

    def unknown_words(self, words, scope):
        return list(words)

    def suggest_word(self, word, scope):
        return None

    def similar(self, text, scope, limit=5):
        return []

    def rebuild(self, documents, total, progress):
        for _ in documents:
            progress(1)

    @contextmanager
    def writing(self, lock_timeout=None):
        yield lambda changes: None
