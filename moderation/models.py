"""Moderation as data: flags, the review queue, the audit log and watched words.

A ``Flag`` is one member's report about one post (one per person per post).
A ``ReviewItem`` is the post's row in the review queue: opened by flags, by an
automatic rule (held for approval, watched word) or by crisis language, and
closed by a moderator's decision. Every moderator action, and every automatic
one, writes a ``ModerationAction`` audit row: who, what, target, reason, when.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import db
from forum.models import Group, Post, User, UTCDateTime, utcnow


class FlagReason(StrEnum):
    SPAM = "spam"
    HARASSMENT = "harassment"
    MISINFORMATION = "misinformation"
    HARMFUL_ADVICE = "harmful_advice"
    CRISIS = "crisis"
    PERSONAL_INFO = "personal_info"
    OTHER = "other"

    @property
    def label(self) -> str:
        return REASON_LABELS[self.value]


REASON_LABELS = {
    "spam": "Spam or advertising",
    "harassment": "Harassment or abuse",
    "misinformation": "Medical misinformation",
    "harmful_advice": "Harmful medical advice",
    "crisis": "Crisis or self-harm",
    "personal_info": "Personal information",
    "other": "Something else",
    # Queue reasons that come from automatic rules rather than flags.
    "held": "Held for approval",
    "watched_word": "Watched word",
}


class WordAction(StrEnum):
    BLOCK = "block"
    HOLD = "hold"
    FLAG = "flag"


class Flag(db.Model):
    __tablename__ = "flags"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    reporter_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(String(32))
    details: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    reporter: Mapped[User | None] = relationship()

    __table_args__ = (
        UniqueConstraint("post_id", "reporter_id"),
        Index("ix_flags_created_at", "created_at"),
    )

    @property
    def reason_label(self) -> str:
        return REASON_LABELS.get(self.reason, self.reason)


class ReviewItem(db.Model):
    """One post waiting for (or decided by) a moderator."""

    __tablename__ = "review_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), unique=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(String(500), default="")
    is_urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    is_open: Mapped[bool] = mapped_column(Boolean, default=True)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decision: Mapped[str | None] = mapped_column(String(16))
    # Seconds from opening to decision: the dashboard's median comes from an index.
    review_seconds: Mapped[int | None] = mapped_column(Integer)

    post: Mapped[Post] = relationship()
    group: Mapped[Group] = relationship()

    __table_args__ = (
        Index("ix_review_items_open", "is_open", "is_urgent", "opened_at"),
        Index("ix_review_items_closed", "closed_at", "review_seconds"),
    )

    @property
    def reason_label(self) -> str:
        return REASON_LABELS.get(self.reason, self.reason)


class ModerationAction(db.Model):
    """The audit log. ``moderator_id`` is NULL for automatic actions."""

    __tablename__ = "moderation_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    moderator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(32))
    target_type: Mapped[str] = mapped_column(String(16))
    target_id: Mapped[int] = mapped_column(Integer)
    target_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    moderator: Mapped[User | None] = relationship(foreign_keys=[moderator_id])
    target_user: Mapped[User | None] = relationship(foreign_keys=[target_user_id])
    group: Mapped[Group | None] = relationship()

    __table_args__ = (
        Index("ix_moderation_actions_created_at", "created_at"),
        Index("ix_moderation_actions_target_user", "target_user_id", "created_at"),
    )

    @property
    def label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action.replace("_", " "))


ACTION_LABELS = {
    "hide_post": "Hid a post",
    "unhide_post": "Restored a post",
    "delete_post": "Deleted a post",
    "edit_post": "Edited a post",
    "keep_post": "Kept a post",
    "hold_post": "Held a post for approval",
    "auto_hide_post": "Auto-hid a flagged post",
    "queue_post": "Queued a post for review",
    "lock_thread": "Locked a thread",
    "unlock_thread": "Unlocked a thread",
    "pin_thread": "Pinned a thread",
    "unpin_thread": "Unpinned a thread",
    "move_thread": "Moved a thread",
    "merge_thread": "Merged a thread",
    "warn_user": "Warned a member",
    "silence_user": "Silenced a member",
    "suspend_user": "Suspended a member",
    "ban_user": "Banned a member",
    "lift_sanctions": "Lifted sanctions",
    "add_watched_word": "Added a watched word",
    "remove_watched_word": "Removed a watched word",
}


class WatchedWord(db.Model):
    __tablename__ = "watched_words"

    id: Mapped[int] = mapped_column(primary_key=True)
    word: Mapped[str] = mapped_column(String(100), unique=True)
    action: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
