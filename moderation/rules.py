"""Automatic rules, as functions of text: watched words and links.

``screen(text, ...)`` decides what the rules say about one piece of member
text: block it with a message, hold it for approval (published hidden, in the
review queue) or flag it (published, in the queue). Watched words are whole
words or phrases in any case; the caller passes them in (the forum keeps them
in its database and admins edit them at ``/mod/words``). Members with fewer
than ``new_member_posts`` posts who include links are held, and no text may
carry more than ``max_links`` links.

Every pattern here is linear-time: escaped literals in one alternation per
action, and a link pattern whose repetitions are over disjoint characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

BLOCK, HOLD, FLAG = "block", "hold", "flag"
WORD_MAX = 100
# Bare URLs, Markdown links and <scheme:...> autolinks. Each repetition stops at the
# character that could start another match ("[", "(", "<"), so no position is
# scanned twice and the whole search is linear in the text's length.
_LINK = re.compile(
    r"(?:https?://|www\.)[^\s<>()\[\]]+|\[[^\[\]]*\]\([^()\s]+\)|<[a-z][\w+.-]*:[^<>\s]+>", re.IGNORECASE
)


@dataclass(frozen=True)
class RuleSettings:
    max_links: int | None = 8  # None: no limit (articles list their sources as links)
    new_member_posts: int = 3
    hold_new_member_links: bool = True


@dataclass
class Screening:
    """What the rules decided; ``needs_review`` when the text goes to the queue."""

    block: str | None = None
    hold: str | None = None
    flag: str | None = None

    @property
    def needs_review(self) -> bool:
        return bool(self.hold or self.flag)


def count_links(text: str) -> int:
    return len(_LINK.findall(text))


def normalize_word(word: str) -> str:
    return " ".join((word or "").split()).lower()


@lru_cache(maxsize=64)
def _pattern(words: tuple[str, ...]) -> re.Pattern:
    """One alternation of whole words or phrases, any case: "spam" matches "Spam!", not "spammer"."""
    alternatives = sorted((r"\s+".join(map(re.escape, w.split())) for w in words), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def watched_word_hits(text: str, watched: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """Watched words found in ``text``, by action (block, hold, flag); ``watched`` is (word, action) pairs."""
    by_action: dict[str, list[str]] = {}
    for word, action in watched:
        if normalize_word(word):
            by_action.setdefault(action, []).append(normalize_word(word))
    hits: dict[str, list[str]] = {}
    for action, words in by_action.items():
        found = {m.group(0).lower() for m in _pattern(tuple(sorted(set(words)))).finditer(text)}
        matched = sorted(w for w in set(words) if any(" ".join(f.split()) == w for f in found))
        if matched:
            hits[action] = matched
    return hits


def screen(text: str, *, watched: Iterable[tuple[str, str]] = (), author_posts: int = 0,
           trusted: bool = False, settings: RuleSettings = RuleSettings()) -> Screening:
    """Apply every automatic rule to ``text`` (title included).

    ``author_posts`` is how many posts the author has written before; ``trusted``
    authors (moderators) are never held for links.
    """
    result = Screening()
    links = count_links(text)
    if settings.max_links is not None and links > settings.max_links:
        result.block = f"Posts can have up to {settings.max_links} links; this one has {links}. Please remove some."
        return result
    hits = watched_word_hits(text, watched)
    if hits.get(BLOCK):
        result.block = ("Your post contains words that are not allowed here: "
                        f"{', '.join(hits[BLOCK])}. Please reword it.")
        return result
    if hits.get(HOLD):
        result.hold = f"Held for review: watched word ({', '.join(hits[HOLD])})"
    elif (links and settings.hold_new_member_links and not trusted
          and author_posts < settings.new_member_posts):
        result.hold = "Held for review: links in a new member's first posts"
    if hits.get(FLAG):
        result.flag = f"Watched word: {', '.join(hits[FLAG])}"
    return result


def watched_word_pattern(word: str) -> re.Pattern:
    """The pattern one watched word or phrase matches (for tests and the words editor)."""
    return _pattern((normalize_word(word),))
