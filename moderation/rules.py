"""Automatic rules run on every post before it is written.

``screen(author, text)`` returns what the rules decided: block the post with a
message, hold it for approval (published hidden, in the review queue), flag it
(published, in the queue), and whether it contains crisis language (published,
urgent in the queue). Watched words are whole-word and case-insensitive;
admins edit them at ``/mod/words``. Members with fewer than
``NEW_MEMBER_POSTS`` posts who include links are held, and no post may carry
more than ``MAX_LINKS_PER_POST`` links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flask import current_app, has_app_context
from sqlalchemy import select

from forum.extensions import db
from moderation.crisis import find_crisis_language
from moderation.models import WatchedWord, WordAction

DEFAULT_MAX_LINKS = 8
DEFAULT_NEW_MEMBER_POSTS = 3
_LINK = re.compile(
    r"(?:https?://|www\.)[^\s<>()\[\]]+|\[[^\]]*\]\([^)\s]+\)|<[a-z][\w+.-]*:[^>\s]+>", re.IGNORECASE
)
WORD_MAX = 100


@dataclass
class Screening:
    block: str | None = None
    hold: str | None = None
    flag: str | None = None
    crisis: list[str] = field(default_factory=list)

    @property
    def needs_review(self) -> bool:
        return bool(self.hold or self.flag or self.crisis)


def _setting(name: str, default: int) -> int:
    return int(current_app.config.get(name, default)) if has_app_context() else default


def count_links(text: str) -> int:
    return len(_LINK.findall(text))


def watched_word_pattern(word: str) -> re.Pattern:
    """Whole word (or phrase), any case: "spam" matches "Spam!" but not "spammer"."""
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, word.split())) + r"(?!\w)", re.IGNORECASE)


def watched_word_hits(text: str) -> dict[str, list[str]]:
    """Watched words found in ``text``, by action (block, hold, flag)."""
    hits: dict[str, list[str]] = {}
    for word in db.session.scalars(select(WatchedWord).order_by(WatchedWord.word)):
        if watched_word_pattern(word.word).search(text):
            hits.setdefault(word.action, []).append(word.word)
    return hits


def screen(author, text: str) -> Screening:
    """Apply every automatic rule to a post's text (title included) by ``author``."""
    result = Screening(crisis=find_crisis_language(text))
    links = count_links(text)
    max_links = _setting("MAX_LINKS_PER_POST", DEFAULT_MAX_LINKS)
    if links > max_links:
        result.block = f"Posts can have up to {max_links} links; this one has {links}. Please remove some."
        return result
    hits = watched_word_hits(text)
    if hits.get(WordAction.BLOCK):
        result.block = (
            "Your post contains words that are not allowed here: "
            f"{', '.join(hits[WordAction.BLOCK])}. Please reword it."
        )
        return result
    staff = getattr(author, "is_site_moderator", False)
    if hits.get(WordAction.HOLD):
        result.hold = f"Held for review: watched word ({', '.join(hits[WordAction.HOLD])})"
    elif links and not staff and author.post_count < _setting("NEW_MEMBER_POSTS", DEFAULT_NEW_MEMBER_POSTS):
        result.hold = "Held for review: links in a new member's first posts"
    if hits.get(WordAction.FLAG):
        result.flag = f"Watched word: {', '.join(hits[WordAction.FLAG])}"
    return result
