"""Private messages: conversations between members, blocks and reports about members.

A ``Conversation`` has participants (``ConversationParticipant``: one row per
person, with their unread count and when the conversation last moved, so the
inbox and the header's unread count are each one indexed query) and
``Message`` rows written through the publishing pipeline. Only participants
read a conversation; moderators open one only after a participant reported a
message in it (``reported_at``), and that access is audited.

A ``Block`` stops messages both ways, collapses the blocked person's posts for
the blocker and keeps them from mentioning the blocker. A ``MemberReport`` is
one member's report about a message or about a member (from their profile); it
opens a review-queue row (``ReviewItem.message_id`` or ``reported_user_id``).
"""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import db
from forum.models.types import UTCDateTime, utcnow
from forum.models.user import User


class MessagePolicy(StrEnum):
    """Who may start a conversation with a member (moderators and admins always may)."""

    ANYONE = "anyone"
    GROUPS = "groups"  # people who share an active group membership
    NOBODY = "nobody"

    @property
    def label(self) -> str:
        return POLICY_LABELS[self.value]


POLICY_LABELS = {
    "anyone": "Any member",
    "groups": "Only people in my groups",
    "nobody": "Nobody (moderators can still reach me)",
}


class Conversation(db.Model):
    __tablename__ = "conversations"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_message_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    message_count: Mapped[int] = mapped_column(Integer, default=0)
    # Set when a participant reports a message here: only then may moderators open it.
    reported_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    participants: Mapped[list[ConversationParticipant]] = relationship(
        back_populates="conversation", order_by="ConversationParticipant.id", viewonly=True)


class ConversationParticipant(db.Model):
    __tablename__ = "conversation_participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Copied from the conversation on every message: the inbox pages on this index.
    last_message_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    unread_count: Mapped[int] = mapped_column(Integer, default=0)

    conversation: Mapped[Conversation] = relationship(back_populates="participants")
    user: Mapped[User] = relationship()

    __table_args__ = (
        Index("ix_conversation_participants_inbox", "user_id", "last_message_at", "conversation_id"),
        Index("uq_conversation_participants_member", "conversation_id", "user_id", unique=True),
    )


class Message(db.Model):
    __tablename__ = "messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    # NULL once the author deleted their account: shown as "A former member".
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    body_source: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Removed with the author's text on account deletion, or hidden by a moderator.
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    hidden_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    hidden_reason: Mapped[str | None] = mapped_column(String(500))

    conversation: Mapped[Conversation] = relationship()
    author: Mapped[User | None] = relationship(foreign_keys=[author_id])

    __table_args__ = (Index("ix_messages_conversation", "conversation_id", "created_at", "id"),
                      Index("ix_messages_author_id", "author_id"))

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class Block(db.Model):
    __tablename__ = "blocks"

    blocker_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    blocked_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    blocked: Mapped[User] = relationship(foreign_keys=[blocked_id])

    __table_args__ = (Index("ix_blocks_blocked_id", "blocked_id"),)


class MemberReport(db.Model):
    """One member's report about a message (``message_id`` set) or a member (profile)."""

    __tablename__ = "member_reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    reporter_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reported_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(String(32))
    details: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    reporter: Mapped[User | None] = relationship(foreign_keys=[reporter_id])
    reported_user: Mapped[User | None] = relationship(foreign_keys=[reported_user_id])

    __table_args__ = (
        Index("ix_member_reports_reporter", "reporter_id", "reported_user_id"),
        Index("ix_member_reports_reported_user_id", "reported_user_id"),
        Index("ix_member_reports_message_id", "message_id"),
    )

    @property
    def reason_label(self) -> str:
        from forum.models.moderation import REASON_LABELS

        return REASON_LABELS.get(self.reason, self.reason)
