"""Revealing who wrote an anonymous post: for the group's moderators, and always audited.

An anonymous post keeps its real author (so bans, silences and rate limits apply to the
account); readers, search, the API and profiles never see who. A moderator who needs to
know presses "Reveal author" on the post's moderator tools: that writes a ``reveal_author``
row to the moderation log in the same transaction, and that row is what lets this
moderator see the name from then on (``revealed_to``).
"""
from __future__ import annotations

from sqlalchemy import select

from forum.actions import ActionError, audit
from forum.extensions import db
from forum.models import Post, User
from forum.models.moderation import ModerationAction

REVEAL = "reveal_author"


def reveal_author(moderator: User, post: Post, reason: str = "") -> User | None:
    """Record that ``moderator`` looked up who wrote ``post`` and return the author (None: a
    former member). The caller checks ``permissions.can_reveal_author``.

    Raises ActionError for a post that was not posted anonymously.
    """
    if not post.is_anonymous:
        raise ActionError("This post is not anonymous: its author is shown on it.")
    audit.record_post(moderator, REVEAL, post, reason or "Revealed the author of an anonymous post")
    db.session.commit()
    return post.author


def revealed_to(moderator: User, post: Post) -> bool:
    """Whether ``moderator`` has revealed ``post``'s author before (a row in the audit log)."""
    return db.session.scalar(select(ModerationAction.id).where(
        ModerationAction.action == REVEAL, ModerationAction.target_type == "post",
        ModerationAction.target_id == post.id, ModerationAction.moderator_id == moderator.id).limit(1)) is not None
