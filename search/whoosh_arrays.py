"""Whoosh queries evaluated a whole postings list at a time, as numpy arrays.

The search page counts every match the viewer may see and ranks the best thousand of them.
Whoosh's matchers do that one document at a time in Python, through a tree of union,
intersection and exclusion matchers: a two-word query of common words at 40,000 posts has
about 5,000 matches and cost about 100 ms. Here each term's postings are read block by block
into an array of document numbers and an array of weights, scored with the index's weighting
model over the whole array at once (``score_array`` on its scorer), and the query's ``And``,
``Or``, ``AndNot`` and constant scores become operations on sorted arrays.

Any other kind of query (a phrase, which needs positions) runs through Whoosh's own matcher and
is collected into the same arrays, so a query means here exactly what it means to Whoosh:
``tests/search/test_whoosh_arrays.py`` runs both on the same multi-segment index and compares
the matches, their scores and the order.

It reads the array blocks of ``search.whoosh_codec``, which every segment of this index is
written with; postings of any other kind are collected through Whoosh's matcher instead, more
slowly but with the same answer.
"""
from __future__ import annotations

from typing import NamedTuple

import numpy as np
from whoosh import columns
from whoosh import query as wq
from whoosh.reading import SegmentReader

from search.whoosh_codec import ArrayLeafMatcher


class Matches(NamedTuple):
    """Document numbers (sorted, unique) and each one's score, as parallel arrays."""

    ids: np.ndarray
    scores: np.ndarray

    def __len__(self):
        return len(self.ids)


def _matches(ids, scores) -> Matches:
    return Matches(np.asarray(ids, dtype=np.int64), np.asarray(scores, dtype=np.float64))


EMPTY = _matches([], [])


def evaluate(searcher, q) -> Matches:
    """Every document of ``searcher`` matching ``q``, with the score Whoosh would give it."""
    parts = [(_evaluate(leaf, q), offset) for leaf, offset in searcher.leaf_searchers()]
    if len(parts) == 1 and not parts[0][1]:
        return parts[0][0]
    return _matches(np.concatenate([m.ids + offset for m, offset in parts] or [EMPTY.ids]),
                    np.concatenate([m.scores for m, _ in parts] or [EMPTY.scores]))


def ranked(matches: Matches, limit: int) -> np.ndarray:
    """The best ``limit`` document numbers, best first; equal scores in index order, as
    Whoosh's own top-N collector orders them."""
    order = np.lexsort((matches.ids, -matches.scores))
    return matches.ids[order[:limit]]


def column(searcher, name: str, docnums: np.ndarray) -> np.ndarray:
    """The numeric column ``name`` of these documents (``docnums`` in any order)."""
    found = np.zeros(len(docnums), dtype=np.int64)
    for leaf, offset in searcher.leaf_searchers():
        reader = leaf.reader()
        inside = (docnums >= offset) & (docnums < offset + reader.doc_count_all())
        if inside.any():
            found[inside] = _segment_column(reader, name, docnums[inside] - offset)
    return found


def _segment_column(reader, name: str, docnums: np.ndarray) -> np.ndarray:
    """One segment's numeric column ``name`` for these of its documents: the column is a run of
    fixed-size numbers, read as one string of bytes (documents past its end have the default)."""
    values = reader.column_reader(name, translate=False)
    if type(values) is not columns.NumericColumn.Reader:  # no column file in this segment, or another kind
        return np.fromiter((values[int(n)] for n in docnums), dtype=np.int64, count=len(docnums))
    stored = np.frombuffer(values._dbfile.get(values._basepos, values._count * values._fixedlen),
                           dtype=np.dtype(values._typecode).newbyteorder(">"))
    found = np.full(len(docnums), values._default, dtype=np.int64)
    written = docnums < len(stored)
    found[written] = stored[docnums[written]]
    return found


def _evaluate(leaf, q) -> Matches:
    kind = type(q)
    if kind is wq.Term:
        return _term(leaf, q)
    if kind in (wq.Or, wq.DefaultOr, wq.And) and len(q.subqueries) == 1:
        return _evaluate(leaf, q.subqueries[0])  # Whoosh too leaves out a lone part's boost
    if kind in (wq.Or, wq.DefaultOr) and not q.minmatch and not q.scale:
        return _boosted(_union([_evaluate(leaf, sub) for sub in q.subqueries]), q.boost)
    if kind is wq.And:
        return _boosted(_intersection([_evaluate(leaf, sub) for sub in q.subqueries]), q.boost)
    if isinstance(q, wq.AndNot):
        return _difference(_evaluate(leaf, q.a), _evaluate(leaf, q.b))
    if kind is wq.ConstantScoreQuery:
        found = _evaluate(leaf, q.child)
        # As Whoosh's list matcher scores it: a score of 0 counts as "no score given", so 1.
        return Matches(found.ids, np.full(len(found), float(q.score) or 1.0))
    return _collected(leaf, q)


def _boosted(found: Matches, boost: float) -> Matches:
    return found if boost == 1.0 else Matches(found.ids, found.scores * boost)


def _union(parts: list[Matches]) -> Matches:
    parts = [p for p in parts if len(p)]
    if not parts:
        return EMPTY
    if len(parts) == 1:
        return parts[0]
    ids, where = np.unique(np.concatenate([p.ids for p in parts]), return_inverse=True)
    return Matches(ids, np.bincount(where, weights=np.concatenate([p.scores for p in parts]), minlength=len(ids)))


def _intersection(parts: list[Matches]) -> Matches:
    if not parts:
        return EMPTY
    found = min(parts, key=len)  # start from the rarest: each step can only shrink it
    rest = [p for p in parts if p is not found]
    ids, scores = found.ids, found.scores
    for part in rest:
        if not len(ids):
            break
        ids, mine, theirs = np.intersect1d(ids, part.ids, assume_unique=True, return_indices=True)
        scores = scores[mine] + part.scores[theirs]
    return Matches(ids, scores)


def _difference(wanted: Matches, excluded: Matches) -> Matches:
    if not len(wanted) or not len(excluded):
        return wanted
    keep = np.isin(wanted.ids, excluded.ids, assume_unique=True, invert=True)
    return Matches(wanted.ids[keep], wanted.scores[keep])


def _term(leaf, q) -> Matches:
    if q.fieldname not in leaf.schema:
        return EMPTY
    field = leaf.schema[q.fieldname]
    try:
        text = field.to_bytes(q.text)
    except ValueError:
        return EMPTY
    reader = leaf.reader()
    if (q.fieldname, text) not in reader:
        return EMPTY
    if field.scorable:
        score_array = getattr(leaf.weighting.scorer(leaf, q.fieldname, text), "score_array", None)
    else:  # an id field: Whoosh scores a match by its weight
        score_array = np.asarray
    if score_array is None or not isinstance(reader, SegmentReader):
        return _collected(leaf, q)
    # The segment's own postings, deleted documents included: ``reader.postings`` wraps them in a
    # filter that has already stepped past the first deleted ones, blocks and all.
    postings = reader._terms.matcher(q.fieldname, text, field.format)
    if type(postings) is not ArrayLeafMatcher:
        return _collected(leaf, q)
    deleted = reader.deleted_docs_set
    ids, weights = _blocks(postings)
    if deleted:
        keep = np.isin(ids, np.fromiter(deleted, dtype=np.int64, count=len(deleted)), invert=True)
        ids, weights = ids[keep], weights[keep]
    scores = score_array(weights)
    return Matches(ids, scores * q.boost if q.boost != 1.0 else scores)


def _blocks(postings: ArrayLeafMatcher) -> tuple[np.ndarray, np.ndarray]:
    """All document numbers and weights of one term in one segment, a block at a time."""
    ids, weights = [], []
    while postings.is_active():
        block_ids, block_weights = postings.block_arrays()
        ids.append(block_ids)
        weights.append(block_weights)
        postings._next_block()
    if not ids:
        return EMPTY.ids, EMPTY.scores
    return np.concatenate(ids), np.concatenate(weights)


def _collected(leaf, q) -> Matches:
    """``q``'s matches through Whoosh's own matcher, one document at a time."""
    matcher = q.matcher(leaf, leaf.context())
    ids, scores = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        scores.append(matcher.score())
        matcher.next()
    return _matches(ids, scores)
