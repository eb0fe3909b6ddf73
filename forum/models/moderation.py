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

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import db
from forum.models.articles import ArticleComment
from forum.models.group import Group
from forum.models.messages import Message
from forum.models.reviews import DrugReview
from forum.models.thread import Post
from forum.models.types import UTCDateTime, utcnow
from forum.models.user import User


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
    "member_report": "Reported member",
}


class WordAction(StrEnum):
    BLOCK = "block"
    HOLD = "hold"
    FLAG = "flag"


class Flag(db.Model):
    __tablename__ = "flags"

    id: Mapped[int] = mapped_column(primary_key=True)
    # A flag is about a post or (issue 17) a drug review: exactly one is set.
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    review_id: Mapped[int | None] = mapped_column(ForeignKey("drug_reviews.id", ondelete="CASCADE"))
    reporter_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(String(32))
    details: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    reporter: Mapped[User | None] = relationship()

    __table_args__ = (
        UniqueConstraint("post_id", "reporter_id"),
        UniqueConstraint("review_id", "reporter_id"),
        Index("ix_flags_created_at", "created_at"),
        CheckConstraint("(post_id IS NULL) <> (review_id IS NULL)", name="one_target"),
    )

    @property
    def reason_label(self) -> str:
        return REASON_LABELS.get(self.reason, self.reason)


ONE_TARGET = ("(CASE WHEN post_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN comment_id IS NULL THEN 0 ELSE 1 END)"
              " + (CASE WHEN message_id IS NULL THEN 0 ELSE 1 END)"
              " + (CASE WHEN reported_user_id IS NULL THEN 0 ELSE 1 END)"
              " + (CASE WHEN review_id IS NULL THEN 0 ELSE 1 END) = 1")


class ReviewItem(db.Model):
    """One post, article comment, private message, member or drug review waiting for (or decided
    by) a moderator.

    Exactly one of ``post_id``, ``comment_id``, ``message_id``, ``reported_user_id`` and
    ``review_id`` is set. ``group_id`` is the post's group (group moderators see its items);
    comments, messages, members and drug reviews belong to no group, so only site moderators
    review them.
    """

    __tablename__ = "review_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), unique=True)
    comment_id: Mapped[int | None] = mapped_column(ForeignKey("article_comments.id", ondelete="CASCADE"),
                                                   unique=True)
    # A reported private message, or a member reported from their profile (forum.models.messages).
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"), unique=True)
    reported_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                                         unique=True)
    review_id: Mapped[int | None] = mapped_column(ForeignKey("drug_reviews.id", ondelete="CASCADE"), unique=True)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
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

    post: Mapped[Post | None] = relationship()
    comment: Mapped[ArticleComment | None] = relationship()
    message: Mapped[Message | None] = relationship()
    reported_user: Mapped[User | None] = relationship(foreign_keys=[reported_user_id])
    review: Mapped[DrugReview | None] = relationship()
    group: Mapped[Group | None] = relationship()

    __table_args__ = (
        Index("ix_review_items_open", "is_open", "is_urgent", "opened_at"),
        Index("ix_review_items_closed", "closed_at", "review_seconds"),
        CheckConstraint(ONE_TARGET, name="one_target"),
    )

    @property
    def reason_label(self) -> str:
        return REASON_LABELS.get(self.reason, self.reason)

    @property
    def target(self) -> Post | ArticleComment | Message | User | DrugReview:
        if self.post_id is not None:
            return self.post
        if self.comment_id is not None:
            return self.comment
        if self.review_id is not None:
            return self.review
        return self.message if self.message_id is not None else self.reported_user


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
    "remove_avatar": "Removed a profile picture",
    "hide_comment": "Hid a comment",
    "unhide_comment": "Restored a comment",
    "keep_comment": "Kept a comment",
    "remove_comment": "Removed a comment",
    "hold_comment": "Held a comment for approval",
    "queue_comment": "Queued a comment for review",
    "hide_review": "Hid a drug review",
    "unhide_review": "Restored a drug review",
    "keep_review": "Kept a drug review",
    "remove_review": "Removed a drug review",
    "hold_review": "Held a drug review for approval",
    "queue_review": "Queued a drug review for review",
    "auto_hide_review": "Auto-hid a flagged drug review",
    "add_watched_word": "Added a watched word",
    "queue_message": "Queued a private message for review",
    "hold_message": "Held a private message for approval",
    "keep_message": "Kept a private message",
    "hide_message": "Hid a private message",
    "open_conversation": "Opened a reported conversation",
    "dismiss_member_report": "Dismissed a report about a member",
    "remove_watched_word": "Removed a watched word",
    "edit_page": "Edited a site page",
    "close_contact": "Handled a contact message",
    "create_group": "Created a group",
    "edit_group": "Edited a group",
    "archive_group": "Archived a group",
    "unarchive_group": "Reopened a group",
    "reveal_author": "Revealed the author of an anonymous post",
}


class WatchedWord(db.Model):
    __tablename__ = "watched_words"

    id: Mapped[int] = mapped_column(primary_key=True)
    word: Mapped[str] = mapped_column(String(100), unique=True)
    action: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
