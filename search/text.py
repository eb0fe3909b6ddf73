"""Words as search sees them, shared by every backend, the parser and the snippets.

A word is a run of letters and digits, lower-cased; very common English words
(``STOP_WORDS``) carry no meaning for search and are left out both when
indexing and when parsing a query, so phrases line up either way.
"""
from __future__ import annotations

import html
import re

WORD = re.compile(r"\w+", re.UNICODE)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")

# The same list as Whoosh's default stop list, so both backends agree.
STOP_WORDS = frozenset((
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "have", "if", "in", "is",
    "it", "may", "not", "of", "on", "or", "tbd", "that", "the", "this", "to", "us", "we", "when",
    "will", "with", "yet", "you", "your",
))


def words(text: str) -> list[str]:
    """Searchable words of ``text``: lower case, stop words removed."""
    return [w for w in WORD.findall(text.lower()) if w not in STOP_WORDS]


def html_to_text(markup: str) -> str:
    """Plain text of stored, sanitized post HTML (tags dropped, entities decoded)."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", markup or ""))).strip()


def stem(word: str) -> str:
    """The Porter stem of a lower-case word ("diabetic" and "diabetes" -> "diabet")."""
    return _stem(word)


def _load_stemmer():
    from functools import lru_cache

    from whoosh.lang.porter import stem as porter

    return lru_cache(maxsize=100_000)(porter)


_stem = _load_stemmer()


def edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (a swap of two letters counts as one edit)."""
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]
