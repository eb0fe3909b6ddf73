"""The default search backend: a Whoosh index in the instance folder.

Queries are compiled against the fields of ``search.whoosh_schema`` (a word is its stem, a
quoted phrase its words as written), restricted to what the viewer may see inside the query,
and answered by ``search.whoosh_arrays``: every visible match counted and the page ranked in
one pass over whole postings lists. Writes, rebuilds and generations are ``search.whoosh_store``'s.
"""
from __future__ import annotations

import functools
import threading
from contextlib import contextmanager

import numpy as np
from whoosh import query as wq
from whoosh.spelling import ListCorrector

from search import whoosh_arrays
from search.interface import Filters, Scope, SearchBackend, SearchPage
from search.text import edit_distance, stem, words
from search.whoosh_codec import CODEC
from search.whoosh_schema import (
    MATCH,
    PHRASES,
    PREFIXES,
    SCHEMA,
    SaturatedTF,
    WordAnalyzer,  # noqa: F401 - indexes built before 4 December 2026 name it here
    to_fields,
)
from search.whoosh_store import IndexStore
from search.whoosh_without import Without

EXACT_TIER = 100.0  # added to every exact (non-synonym) match, so exact words rank first
SYNONYM_BOOST = 0.5
SIMILAR_TERMS = 12
SUGGEST_CANDIDATES = 20  # near words to check against what the viewer may see
READ_ATTEMPTS = 3  # a read that meets files merged away by another process is tried again, this often
BIG_REBUILD = 5000  # documents; above this a rebuild uses two processes


class _Compiler:
    """Turns a ``search.query.Query`` into a Whoosh query: a word is its stem in ``stems``; a
    quoted phrase, or a quoted word, is those words as written, in ``words``."""

    @staticmethod
    def word(word: str, boost: float = 1.0):
        return wq.Term(MATCH, stem(word), boost=boost)

    @staticmethod
    def phrase(words: tuple[str, ...], boost: float = 1.0):
        if len(words) == 1:
            return wq.Term(PHRASES, words[0], boost=boost)
        return wq.Phrase(PHRASES, list(words), boost=boost)

    def unit(self, unit):
        if unit.phrase:
            exact = self.phrase(unit.words)
        elif len(unit.words) == 1:
            exact = self.word(unit.words[0])
        else:
            exact = wq.And([self.word(w) for w in unit.words])
        if not unit.synonyms:
            return exact
        alternatives = [self.word(s[0], SYNONYM_BOOST) if len(s) == 1 else self.phrase(s, SYNONYM_BOOST)
                        for s in unit.synonyms]
        return wq.Or([exact, wq.ConstantScoreQuery(exact, EXACT_TIER)] + alternatives)

    def query(self, parsed, filters: Filters | None = None):
        parts = [wq.Or([self.unit(u) for u in group]) if len(group) > 1 else self.unit(group[0])
                 for group in parsed.groups]
        parts += _filter_terms(filters)
        q = wq.And(parts) if len(parts) > 1 else parts[0]
        if parsed.excluded:
            q = Without(q, wq.Or([self.phrase(u.words) if u.phrase else self.word(u.words[0])
                                    if len(u.words) == 1 else self.phrase(u.words) for u in parsed.excluded]))
        return q


def _filter_terms(filters: Filters | None) -> list:
    if filters is None:
        return []
    terms = []
    if filters.group_id is not None:
        terms.append(wq.Term("group", str(filters.group_id)))
    if filters.kind:
        terms.append(wq.Term("qkind", filters.kind))
    if filters.expert:
        terms.append(wq.Term("expert", "1"))
    return [wq.ConstantScoreQuery(t, 0.0) for t in terms]


def _keys_and_rows(searcher, docnums) -> tuple[list[str], list[str]]:
    """The documents' keys, and each one's row on the search page (its thread's key, if any)."""
    prefixes, refs, threads = (whoosh_arrays.column(searcher, name, docnums).tolist()
                               for name in ("prefix", "ref", "thread"))
    keys = [f"{PREFIXES[p]}:{r}" for p, r in zip(prefixes, refs)]
    return keys, [f"t:{t}" if t else key for key, t in zip(keys, threads)]


def _permitted(q, scope: Scope, reader):
    """``q`` without unpublished documents or content of groups hidden from this user.

    Written into the query (``Without`` skips through the excluded postings) rather
    than passed as a Whoosh ``mask``, whose per-document check is slow. Terms
    with no documents are left out, and with them, most often, the exclusion.
    """
    excluded = [("public", "0")] + [("group", str(g)) for g in sorted(scope.hidden_group_ids)]
    excluded = [wq.Term(f, t) for f, t in excluded if reader.doc_frequency(f, t)]
    return Without(q, wq.Or(excluded)) if excluded else q


def _visible_count(searcher, q, scope: Scope) -> int:
    """How many documents ``scope`` may see match ``q``."""
    return len(whoosh_arrays.evaluate(searcher, _permitted(q, scope, searcher.reader())))


def _any_visible(searcher, q, scope: Scope) -> bool:
    """Whether a document ``scope`` may see matches ``q``: the first match ends it, unscored
    (counting "sleep" to learn that it is a known word walked 8,000 postings)."""
    return next(iter(searcher.docs_for_query(_permitted(q, scope, searcher.reader()))), None) is not None


class WhooshBackend(SearchBackend):
    name = "whoosh"

    def __init__(self, index_dir: str, lock_timeout: float = 30.0, vocabulary=()):
        self.store = IndexStore(index_dir, SCHEMA, CODEC)
        self.lock_timeout = lock_timeout
        self.vocabulary = sorted(vocabulary)
        self._local = threading.local()
        # Every thread's open searcher, so ``close`` can release their files (segments are
        # separate files, not compound ones, which Whoosh would copy whole into memory).
        self._open: dict[int, object] = {}
        self._open_lock = threading.Lock()

    def _remember(self, searcher) -> None:
        with self._open_lock:
            previous = self._open.get(threading.get_ident())
            self._open[threading.get_ident()] = searcher
        if previous is not None and previous is not searcher:
            previous.close()  # a finished thread whose id was reused, or this thread's old one

    def close(self) -> None:
        """Close every searcher this backend opened (tests; a worker shutting down)."""
        with self._open_lock:
            searchers, self._open = list(self._open.values()), {}
        for searcher in searchers:
            searcher.close()
        self._local = threading.local()

    # -- reading ----------------------------------------------------------------

    @contextmanager
    def _searcher(self):
        """A per-thread searcher, refreshed when another process committed."""
        cached = getattr(self._local, "searcher", None)
        name = self.store.current_name()
        if cached is None or cached[0] != name:
            ix = self.store.open_current()
            if ix is None:
                yield None
                return
            self.store.check_files(ix, name)
            cached = (name, ix.searcher(weighting=SaturatedTF()), ix)
            self._remember(cached[1])
        elif not cached[1].up_to_date():
            self.store.check_files(cached[2], name)
            # A fresh searcher, not ``refresh()``: Whoosh-Reloaded 2.7.5's refresh reuses
            # segment readers with their old deletions, so replaced documents came back
            # as duplicates (every edit added a ghost copy of the post to the results).
            cached = (name, cached[2].searcher(weighting=SaturatedTF()), cached[2])
            self._remember(cached[1])
        self._local.searcher = cached
        yield cached[1]

    def version(self):
        """The live generation and its commit number (the searcher checks both anyway)."""
        return self._read(lambda s: "empty" if s is None
                          else f"{self._local.searcher[0]}:{s.reader().generation()}")

    def _read(self, work):
        """``work(searcher)`` on this thread's searcher, done again on the newest commit if the
        index moved under it.

        A commit from another process deletes the files of the segments it merged away and
        the previous commit's TOC. A searcher opened a moment before may not have opened
        them all yet (Whoosh opens stored fields and lengths lazily): it then fails with a
        FileNotFoundError, a TypeError from a missing column, or what looks like a lost
        segment. The newer commit needs none of those files. A failure while the index
        stood still is real and is raised (``IndexDamaged``: run ``search rebuild``).
        """
        for attempt in range(READ_ATTEMPTS):
            mark = self.store.commit_mark()
            try:
                with self._searcher() as s:
                    return work(s)
            except Exception:
                if attempt == READ_ATTEMPTS - 1 or self.store.commit_mark() == mark:
                    raise
            self._local.searcher = None

    def search(self, query, filters, scope, page, per_page=20):
        return self._read(functools.partial(self._search, query, filters, scope, page, per_page))

    @staticmethod
    def _search(query, filters, scope, page, per_page, s):
        if s is None:
            return SearchPage([], 0, 1, per_page, also_searched=query.added_synonyms())
        q = _Compiler().query(query, filters)
        permitted = _permitted(q, scope, s.reader())
        start, end = (page - 1) * per_page, page * per_page
        # Every visible match is found and counted, and the page ranked, a postings list at a
        # time (``search.whoosh_arrays``): Whoosh's collectors either walk each match in Python
        # (a two-word query of common words at 40,000 posts: ~100 ms) or skip the matches that
        # cannot make the page and then count too few ("sleep": 135 of 8,123).
        found = whoosh_arrays.evaluate(s, permitted)
        if filters.sort == "newest":
            # Newest first; within one second, the document indexed last first (as Whoosh sorts).
            newest_first = np.lexsort((-found.ids, -whoosh_arrays.column(s, "created", found.ids)))
            docnums = found.ids[newest_first[start:end]]
        else:
            docnums = whoosh_arrays.ranked(found, end)[start:]
        total = len(found)
        keys, rows = _keys_and_rows(s, docnums)
        return SearchPage(keys, total, page, per_page, query.highlight_words(), query.added_synonyms(), rows)

    def count(self, query, scope):
        return self._read(lambda s: 0 if s is None else _visible_count(s, _Compiler().query(query), scope))

    def matches_any(self, query, scope):
        return self._read(lambda s: s is not None and _any_visible(s, _Compiler().query(query), scope))

    def unknown_words(self, words, scope):
        """Words no document ``scope`` may see contains (in any form with the same stem)."""
        def unknown(s):
            if s is None:
                return list(words)
            compiler = _Compiler()
            return [w for w in words if not _any_visible(s, compiler.word(w), scope)]
        return self._read(unknown)

    def suggest_word(self, word, scope):
        """The nearest word from the synonym vocabulary or from a document ``scope`` may see.

        Candidates come from the whole index's word list, so each is checked against the
        visible documents, exactly as spelled, before it is offered; ties go to the word
        in more visible documents.
        """
        return self._read(functools.partial(self._suggest_word, word, scope))

    def _suggest_word(self, word, scope, s):
        correctors = [ListCorrector(self.vocabulary)] if self.vocabulary else []
        if s is not None:
            correctors.append(s.corrector(PHRASES))
        candidates = {c for corrector in correctors
                      for c in corrector.suggest(word, limit=SUGGEST_CANDIDATES, maxdist=2, prefix=1)
                      if c != word}
        seen = {c: _visible_count(s, _Compiler.phrase((c,)), scope) if s is not None else 0 for c in candidates}
        known = set(self.vocabulary)
        offered = [c for c in candidates if seen[c] or c in known]
        if not offered:
            return None
        return min(offered, key=lambda c: (edit_distance(word, c), -seen[c], c))

    def similar(self, text, scope, limit=5):
        return self._read(functools.partial(self._similar, text, scope, limit))

    @staticmethod
    def _similar(text, scope, limit, s):
        if s is None or not text.strip():
            return []
        terms = [t for t in dict.fromkeys(stem(w) for w in words(text)) if s.doc_frequency(MATCH, t)][:SIMILAR_TERMS]
        if not terms:
            return []
        q = wq.And([wq.Or([wq.Term(MATCH, t) for t in terms]),
                    wq.ConstantScoreQuery(wq.Term("kind", "thread"), 0.0),
                    wq.ConstantScoreQuery(wq.Term("qkind", "question"), 0.0)])
        return [hit["key"] for hit in s.search(_permitted(q, scope, s.reader()), limit=limit, terms=False)]

    # -- writing ----------------------------------------------------------------

    @contextmanager
    def writing(self, lock_timeout=None):
        """Lock the index, then yield ``write(changes)``; one commit, one new segment."""
        with self.store.writer(self.lock_timeout if lock_timeout is None else lock_timeout) as w:
            def write(changes):
                for key in changes.removals:
                    w.delete_by_term("key", key)
                for group_id in changes.purged_groups:
                    w.delete_by_term("group", str(group_id))
                for doc in changes.documents.values():
                    w.update_document(**to_fields(doc))
            yield write

    def needs_build(self):
        """True when there is no live index, or it cannot be read (a deleted folder, a missing
        TOC or segment file): ``sync`` then rebuilds it."""
        return self.store.damaged()

    def document_count(self):
        if self.store.damaged():
            return None
        ix = self.store.open_current()
        return None if ix is None else ix.doc_count()

    def hold_writes(self):
        return self.store.hold_lock(self.lock_timeout)

    def rebuild(self, documents, total, progress):
        name, ix = self.store.new_generation()
        procs = 2 if total > BIG_REBUILD else 1
        w = ix.writer(procs=procs, multisegment=procs > 1, limitmb=512, compound=False, codec=CODEC)
        try:
            for doc in documents:
                if doc.public:
                    w.add_document(**to_fields(doc))
                progress(1)
            w.commit()
        except BaseException:
            w.cancel()
            raise
        self.store.swap_to(name)
        self._local = threading.local()
