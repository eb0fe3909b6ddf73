"""What a document becomes in the Whoosh index: its fields, how its text is split, and the scoring.

A document's title and body are indexed twice, in one pass each:

- ``stems``: the Porter stem of each word ("diabetic" and "diabetes" are both "diabet"),
  without positions, a title word counting twice. Every word of a query is one term here, so
  a word is one postings list of document numbers and weights, which ``search.whoosh_arrays``
  reads a block at a time;
- ``words``: each word as written (lower-cased, stop words dropped), with positions, the
  body's starting ``POSITION_GAP`` after the title's. Quoted phrases match here, and spelling
  suggestions come from its real words ("diabtes" -> "diabetes").

Only the document key is stored (and, as numbers, in columns); titles and snippets are read
from the database for the hits on a page, so the index stays small and quick to rebuild.
"""
from __future__ import annotations

import threading
from collections import defaultdict
from datetime import UTC

from whoosh import columns, fields, formats, scoring
from whoosh.analysis import Token, Tokenizer

from search.interface import Document
from search.text import STOP_WORDS, WORD, stem

TITLE_END = "\x1e"  # between a document's title and body in the text given to the analyzers
TITLE_BOOST = 2.0  # a word of the title weighs as much as two of the body
POSITION_GAP = 100  # positions between the title's last word and the body's first: no phrase spans both


class WordAnalyzer(Tokenizer):
    """Lower-cased words without stop words (their stems, if ``stemmed``), numbered without gaps,
    in one pass; the title's words (before ``TITLE_END``) weigh ``TITLE_BOOST``.

    The words of ``search.text.words``, the same as Whoosh's regex tokenizer,
    lowercase and stop filters chained, but in one generator: about a third
    faster, which matters for rebuilds.
    """

    def __init__(self, stemmed: bool = False):
        self.stemmed = stemmed

    def __eq__(self, other):
        return type(other) is type(self) and getattr(other, "stemmed", False) == self.stemmed

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        title, divided, body = value.partition(TITLE_END)
        parts = ((title, TITLE_BOOST, 0), (body, 1.0, len(title) + 1)) if divided else ((value, 1.0, 0),)
        pos, stemmed = start_pos, getattr(self, "stemmed", False)
        for text, boost, offset in parts:
            for match in WORD.finditer(text):
                word = match.group().lower()
                stopped = word in STOP_WORDS
                if stopped and removestops:
                    continue
                token.text, token.stopped, token.boost = stem(word) if stemmed else word, stopped, boost
                if keeporiginal:
                    token.original = match.group()
                if positions:
                    token.pos = pos
                if chars:
                    token.startchar = start_char + offset + match.start()
                    token.endchar = start_char + offset + match.end()
                if not stopped:
                    pos += 1
                yield token
            pos += POSITION_GAP


ANALYZER = WordAnalyzer()
STEMMER = WordAnalyzer(stemmed=True)
_last_text = threading.local()


def _analysed(text: str) -> list[tuple[str, int, float]]:
    """(word, position, weight) of each word of a document's text. Both text fields index the
    same string (``to_fields``), so it is split into words once, for the first, and reused."""
    if getattr(_last_text, "text", None) is not text:
        _last_text.words = [(t.text, t.pos, t.boost) for t in ANALYZER(text, positions=True)]
        _last_text.text = text
    return _last_text.words


class StemCounts(formats.Format):
    """Each word's stem, weighed by how often it occurs (a title word twice), from ``_analysed``:
    what ``STEMMER`` gives, in less time. Nothing else is kept per posting: the weight is what
    the scorer reads."""

    posting_size = 0

    def __init__(self, field_boost=1.0):
        self.field_boost = field_boost

    def word_values(self, value, analyzer, **kwargs):
        counts, weights = defaultdict(int), defaultdict(float)
        for word, _, boost in _analysed(value):
            counts[stem(word)] += 1
            weights[stem(word)] += boost
        return ((w, n, weights[w] * self.field_boost, b"") for w, n in counts.items())


class WordPositions(formats.Positions):
    """``Positions`` of each word, from ``_analysed``: what ``ANALYZER`` gives, in less time."""

    def word_values(self, value, analyzer, **kwargs):
        positions, weights = defaultdict(list), defaultdict(float)
        for word, pos, boost in _analysed(value):
            positions[word].append(pos)
            weights[word] += boost
        return ((w, len(p), weights[w] * self.field_boost, self.encode(p)) for w, p in positions.items())


def _text_field(analyzer, format_):
    field = fields.TEXT(analyzer=analyzer)
    field.format = format_
    return field
MATCH, PHRASES = "stems", "words"  # the two indexed forms of a document's text (see above)


class SaturatedTF(scoring.WeightingModel):
    """BM25's term-frequency saturation and IDF, without document-length normalisation.

    Forum posts are short and of similar length, so length normalisation buys
    little; leaving it out lets Whoosh skip whole blocks of postings by their
    best possible score, which makes common words ("sleep") about twice as fast.
    """

    K1 = 1.2

    def scorer(self, searcher, fieldname, text, qf=1):
        if not searcher.schema[fieldname].scorable:
            return scoring.WeightScorer.for_(searcher, fieldname, text)
        idf = searcher.get_parent().idf(fieldname, text)
        return _SaturatedScorer(idf, self.K1, searcher.term_info(fieldname, text).max_weight())


class _SaturatedScorer(scoring.BaseScorer):
    def __init__(self, idf: float, k1: float, max_weight: float):
        self.idf, self.k1 = idf, k1
        self._max = self._score(max_weight)

    def _score(self, weight: float) -> float:
        return self.idf * weight * (self.k1 + 1) / (weight + self.k1)

    def supports_block_quality(self):
        return True

    def score(self, matcher):
        return self._score(matcher.weight())

    def score_array(self, weights):
        """``score`` for a whole array of weights at once (``search.whoosh_arrays``)."""
        return self.idf * weights * (self.k1 + 1) / (weights + self.k1)

    def max_quality(self):
        return self._max

    def block_quality(self, matcher):
        return self._score(matcher.block_max_weight())


SCHEMA = fields.Schema(
    key=fields.ID(unique=True, stored=True),
    kind=fields.ID, group=fields.ID, qkind=fields.ID, expert=fields.ID, public=fields.ID,
    stems=_text_field(STEMMER, StemCounts()),
    words=_text_field(ANALYZER, WordPositions()),
    created=fields.COLUMN(columns.NumericColumn("I")),
    # The key again, as numbers a page of hits reads for a thousand documents at once
    # (``search.whoosh_arrays.column``), and the thread each thread or reply belongs to (0: none).
    prefix=fields.COLUMN(columns.NumericColumn("B")), ref=fields.COLUMN(columns.NumericColumn("I")),
    thread=fields.COLUMN(columns.NumericColumn("I")),
)
PREFIXES = ("t", "p", "g", "a", "d")  # of keys ("t:12"): thread, post, group, article, drug


def to_fields(doc: Document) -> dict:
    created = doc.created_at if doc.created_at.tzinfo else doc.created_at.replace(tzinfo=UTC)
    out = {"key": doc.key, "kind": doc.kind, "public": "1" if doc.public else "0",
           "created": max(0, int(created.timestamp()))}
    prefix, _, ref = doc.key.partition(":")
    out.update(prefix=PREFIXES.index(prefix), ref=int(ref), thread=doc.thread_id or 0)
    out[MATCH] = out[PHRASES] = f"{_plain(doc.title)}{TITLE_END}{_plain(doc.body)}"
    if doc.group_id is not None:
        out["group"] = str(doc.group_id)
    if doc.thread_kind:
        out["qkind"] = doc.thread_kind
    if doc.expert:
        out["expert"] = "1"
    return out


def _plain(text: str) -> str:
    return (text or "").replace(TITLE_END, " ")
