"""Highlighted snippets that are safe to put on a page.

The text of a post goes in as plain text (tags already stripped by
``search.text.html_to_text``); every character of it is escaped, and the only
markup that comes out is ``<mark>`` around matched words. The same code serves
every backend, so there is one place where escaping can go wrong, and it is
tested.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup, escape

from search.text import STOP_WORDS, WORD, stem

WIDTH = 220  # characters of context around the best match


def _best_start(matches: list[tuple[int, int]], length: int) -> int:
    """Start of the window of WIDTH characters holding the most matches."""
    best, best_count = 0, -1
    for start, _ in matches:
        begin = max(0, start - 40)
        count = sum(1 for s, e in matches if begin <= s and e <= begin + WIDTH)
        if count > best_count:
            best, best_count = begin, count
    return min(best, max(0, length - WIDTH))


class SearchedWords:
    """Whether a word of a text is one a search looked for: the same word, or one with its stem.

    A word's Porter stem differs from the word in at most its last three letters ("possibility" ->
    "possibl"+"e" at worst), so only words that begin with a searched stem less three letters can
    match: ``candidates`` finds those in one pass of a regular expression, and each is then
    checked. A post of 300 words is then not 300 stem look-ups for every hit on the page.
    """

    def __init__(self, words: set[str]):
        self.words = {w.lower() for w in words}
        self.stems = {stem(w) for w in self.words}
        starts = {s[:max(1, len(s) - 3)] for s in self.stems if len(s) >= 3}
        if not self.words or any(len(s) < 3 for s in self.stems):  # a stem too short to narrow anything
            self.candidates = WORD
        else:
            alternatives = "|".join(re.escape(s) for s in sorted(starts, key=len, reverse=True))
            self.candidates = re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)

    def __call__(self, word: str) -> bool:
        return word in self.words or stem(word) in self.stems


def make_snippet(text: str, is_match: Callable[[str], bool], width: int = WIDTH) -> Markup:
    """An escaped excerpt of ``text`` with matched words wrapped in ``<mark>``; ``is_match`` may
    narrow the words to check with a ``candidates`` pattern (``SearchedWords``)."""
    text = text or ""
    found = getattr(is_match, "candidates", WORD).finditer(text)
    matches = [(m.start(), m.end()) for m in found
               if m.group().lower() not in STOP_WORDS and is_match(m.group().lower())]
    start = _best_start(matches, len(text)) if matches else 0
    end = min(len(text), start + width)
    # Widen to whole words at both ends.
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    parts = [Markup("…")] if start > 0 else []
    cursor = start
    for s, e in matches:
        if s < start or e > end:
            continue
        parts.append(escape(text[cursor:s]))
        parts.append(Markup("<mark>") + escape(text[s:e]) + Markup("</mark>"))
        cursor = e
    parts.append(escape(text[cursor:end]))
    if end < len(text):
        parts.append(Markup("…"))
    return Markup("").join(parts)
