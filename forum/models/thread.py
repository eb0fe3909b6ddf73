"""Threads, their posts and each post's revision history.

A thread's opening post is post number 1; replies follow in order. Markdown
is rendered and sanitized once, when a post is written, and the HTML is stored
beside the source (see ``moderation.sanitize``).
"""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint, false, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import db
from forum.models.group import Group
from forum.models.types import UTCDateTime, utcnow
from forum.models.user import User


class ThreadKind(StrEnum):
    QUESTION = "question"
    DISCUSSION = "discussion"


class Thread(db.Model):
    __tablename__ = "threads"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16), default=ThreadKind.DISCUSSION.value)
    # Number of posts ever written, including deleted ones: the next post's number.
    post_count: Mapped[int] = mapped_column(Integer, default=0)
    reply_count: Mapped[int] = mapped_column(Integer, default=0)
    is_locked: Mapped[bool] = mapped_column(Boolean, default=False)
    is_pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    # Q&A (forum.actions.qa): the asker wants an expert; the accepted answer;
    # how many verified experts have answered (kept in the write path). The
    # accepted post id has no FK constraint, which would make threads and posts
    # reference each other in a cycle; posts are only soft-deleted, and
    # ``refresh_answer_counters`` clears it when the post stops being public.
    # (Server defaults let a migration add these columns to existing rows.)
    asks_expert: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    accepted_post_id: Mapped[int | None] = mapped_column(Integer)
    expert_answer_count: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    # Set while the opening post is hidden (or held), and when the thread was
    # merged into another: lists leave such threads out.
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("threads.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_activity_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    import_ref: Mapped[str | None] = mapped_column(String(64), unique=True)
    # Started "as an anonymous member" (its opening post is anonymous too): "Started by" shows
    # no one to anybody but the author; see forum.permissions.shows_author.
    is_anonymous: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    group: Mapped[Group] = relationship()
    author: Mapped[User | None] = relationship()

    __table_args__ = (
        # Group pages page by position on exactly this order (forum.groups.queries.THREAD_ORDER).
        Index("ix_threads_group_activity", "group_id", "is_pinned", "last_activity_at", "id"),
        Index("ix_threads_kind_created", "kind", "created_at"),
        Index("ix_threads_author_id", "author_id"),
        Index("ix_threads_expert_queue", "asks_expert", "expert_answer_count", "created_at"),
        # A group's Atom feed: its newest threads (forum.feeds.queries).
        Index("ix_threads_group_created", "group_id", "created_at"),
    )

    @property
    def is_question(self) -> bool:
        return self.kind == ThreadKind.QUESTION

    def __repr__(self) -> str:
        return f"<Thread {self.id} {self.title!r}>"


class Post(db.Model):
    __tablename__ = "posts"

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    number: Mapped[int] = mapped_column(Integer)
    body_source: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revision_count: Mapped[int] = mapped_column(Integer, default=0)
    helpful_count: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deleted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # Hidden by moderation (or held for review): out of every public view,
    # search included, until a moderator restores it. Who, when and why.
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    hidden_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    hidden_reason: Mapped[str | None] = mapped_column(String(500))
    # Distinct members who flagged this post (kept in the write path).
    flag_count: Mapped[int] = mapped_column(Integer, default=0)
    # The crisis response its author saw before publishing ("self", "emergency", "other"): the
    # same resources stay on the post for its author (never for anyone else).
    safety_outcome: Mapped[str | None] = mapped_column(String(16))
    import_ref: Mapped[str | None] = mapped_column(String(64), unique=True)
    # Posted "as an anonymous member": the author is stored (rate limits, bans and moderation
    # apply to the account) but shown to no one else until a moderator reveals it (audited).
    is_anonymous: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    thread: Mapped[Thread] = relationship()
    author: Mapped[User | None] = relationship(foreign_keys=[author_id])

    __table_args__ = (
        UniqueConstraint("thread_id", "number"),
        Index("ix_posts_author_created", "author_id", "created_at"),
        Index("ix_posts_created_at", "created_at"),
    )

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def is_public(self) -> bool:
        """Shown to readers: neither deleted nor hidden by moderation."""
        return self.deleted_at is None and self.hidden_at is None

    @property
    def is_opening(self) -> bool:
        return self.number == 1

    def __repr__(self) -> str:
        return f"<Post {self.id} #{self.number} of thread {self.thread_id}>"


class PostRevision(db.Model):
    """A post as it was before an edit. The live text is always on ``Post``."""

    __tablename__ = "post_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    editor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    title: Mapped[str | None] = mapped_column(String(200))
    body_source: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    # When this version was written (the original post, or an earlier edit).
    written_at: Mapped[datetime] = mapped_column(UTCDateTime)
    replaced_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    editor: Mapped[User | None] = relationship()

    __table_args__ = (Index("ix_post_revisions_post_id", "post_id"),)
