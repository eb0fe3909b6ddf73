"""``Without(a, b)``: Whoosh's ``AndNot`` query, with its matcher's first document checked.

Whoosh-Reloaded 2.7.5's ``AndNotMatcher`` compares the first wanted and the first
excluded document only when both postings start on the same one; when the excluded
postings start earlier, the first wanted document is never checked. A scored search
happens to skip past it, but an unscored pass (``len(results)``, a page's total,
``docs_for_query``) counted it: a reply in a private group made "1 result" with
nothing listed, and made "Did you mean" believe the private word had visible hits.
Every exclusion the backend writes (permissions, ``-word``) goes through ``Without``.
"""
from __future__ import annotations

from whoosh import query as wq
from whoosh.matching import AndNotMatcher


class _WithoutMatcher(AndNotMatcher):
    def _find_first(self):
        if self.a.is_active() and self.b.is_active():
            self._find_next()


class Without(wq.AndNot):
    """Documents matching ``a`` and not ``b`` (scored by ``a``)."""

    def matcher(self, searcher, context=None):
        return _WithoutMatcher(self.a.matcher(searcher, context), self.b.matcher(searcher, searcher.boolean_context()))
