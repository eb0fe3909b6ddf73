"""Support groups and who belongs to them.

A membership row is either ``active`` (a member) or ``pending`` (a request to
join a private group, waiting for a group moderator). Counters on the group
are kept up to date in the write path so list pages never count rows.
"""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import db
from forum.models.types import UTCDateTime, utcnow


class MembershipStatus(StrEnum):
    ACTIVE = "active"
    PENDING = "pending"


class GroupRole(StrEnum):
    MEMBER = "member"
    MODERATOR = "moderator"


class Group(db.Model):
    __tablename__ = "groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(80), default="")
    is_private: Mapped[bool] = mapped_column(Boolean, default=False)
    member_count: Mapped[int] = mapped_column(Integer, default=0)
    thread_count: Mapped[int] = mapped_column(Integer, default=0)
    post_count: Mapped[int] = mapped_column(Integer, default=0)
    last_activity_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    import_ref: Mapped[str | None] = mapped_column(String(64), unique=True)
    # Rules shown on the group page (Markdown, rendered by the sanitizer at save time).
    rules_source: Mapped[str] = mapped_column(Text, default="", server_default="")
    rules_html: Mapped[str] = mapped_column(Text, default="", server_default="")
    # An archived group is read-only and left out of the group list; its threads stay readable.
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # "Members may post anonymously" (sensitive groups): a member may start a thread or reply
    # as "An anonymous member"; moderators can still reveal who (forum.actions.anonymity).
    allows_anonymous: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    __table_args__ = (Index("ix_groups_member_count", "member_count"),)

    def __repr__(self) -> str:
        return f"<Group {self.slug}>"

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


class Membership(db.Model):
    __tablename__ = "memberships"

    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    status: Mapped[str] = mapped_column(String(16), default=MembershipStatus.ACTIVE.value)
    role: Mapped[str] = mapped_column(String(16), default=GroupRole.MEMBER.value)
    # What a person wrote when asking to join a private group.
    request_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    group: Mapped[Group] = relationship()
    user: Mapped[User] = relationship()  # noqa: F821

    __table_args__ = (Index("ix_memberships_user_id", "user_id"),)

    @property
    def is_active(self) -> bool:
        return self.status == MembershipStatus.ACTIVE

    @property
    def is_group_moderator(self) -> bool:
        return self.is_active and self.role == GroupRole.MODERATOR
