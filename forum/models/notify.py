"""Notifications and what people follow: thread watches, group follows, bookmarks, email choices.

A notification names what happened (``kind``), to whom, and the thread, post or
group it is about; it never copies member text, so what a reader is shown is
always loaded (and permission-checked) when shown. ``key`` makes fan-out
idempotent: a retried job inserts nothing twice. ``emailed_at`` records that the
notification went out by email (at once or in a digest).
"""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import db
from forum.models.group import Group
from forum.models.thread import Post, Thread
from forum.models.types import UTCDateTime, utcnow
from forum.models.user import User


class NotificationKind(StrEnum):
    REPLY = "reply"                    # a reply or answer in a thread you watch (yours, say)
    EXPERT_ANSWER = "expert_answer"    # a verified expert answered your question
    ACCEPTED = "accepted"              # your answer was accepted
    HELPFUL = "helpful"                # your answer was marked helpful (shown batched)
    MENTION = "mention"                # someone @mentioned you
    QUOTE = "quote"                    # someone quoted your post in a reply
    JOIN_APPROVED = "join_approved"
    JOIN_DECLINED = "join_declined"
    EXPERT_DECIDED = "expert_decided"  # your expert application was approved or rejected
    MODERATED = "moderated"            # a moderator acted on your post (with the reason)
    NEW_THREAD = "new_thread"          # a new thread in a group you follow
    MESSAGE = "message"                # a private message for you (the text stays in the conversation)
    RECALL = "recall"                  # an FDA recall may concern a medicine on your My Medicine list
    EXPERT_QUESTION = "expert_question"  # a member asked an expert in your specialties (or: no specialist)
    NO_SPECIALIST = "no_specialist"    # moderators: an "Ask an expert" question found no specialist


class Frequency(StrEnum):
    IMMEDIATELY = "immediately"
    DAILY = "daily"
    WEEKLY = "weekly"
    NEVER = "never"


# A digest-only email choice (EmailPreference.kind): new expert answers in one's groups, which
# are not notifications (a group's every member would get one) but a section of the digest.
EXPERT_ANSWERS_DIGEST = "group_expert_answers"
DIGEST_ONLY_FREQUENCIES = ("daily", "weekly", "never")


class WatchLevel(StrEnum):
    WATCH = "watch"   # notified of every reply
    TRACK = "track"   # listed on Following, no notifications
    MUTE = "mute"     # never notified about the thread


class Notification(db.Model):
    __tablename__ = "notifications"
    __table_args__ = (
        UniqueConstraint("user_id", "key", name="uq_notifications_user_id_key"),
        # The header's unread count: one range of this index.
        Index("ix_notifications_user_unread", "user_id", "read_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(24))
    key: Mapped[str] = mapped_column(String(80))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    thread_id: Mapped[int | None] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"), index=True)
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    # A moderator's reason or a reviewer's decision (never a member's post text).
    detail: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    emailed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])
    group: Mapped[Group | None] = relationship()
    thread: Mapped[Thread | None] = relationship()
    post: Mapped[Post | None] = relationship()


class ThreadWatch(db.Model):
    __tablename__ = "thread_watches"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"), primary_key=True,
                                           index=True)
    level: Mapped[str] = mapped_column(String(8), default=WatchLevel.WATCH.value)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class GroupFollow(db.Model):
    __tablename__ = "group_follows"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True,
                                          index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Bookmark(db.Model):
    __tablename__ = "bookmarks"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    post: Mapped[Post] = relationship()


class EmailPreference(db.Model):
    """How often ``user`` wants email for one kind of notification (the default when absent)."""
    __tablename__ = "email_preferences"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(24), primary_key=True)
    frequency: Mapped[str] = mapped_column(String(12))
