"""Accounts: who people are on Askwell and what role they hold."""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from flask_login import UserMixin
from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import db
from forum.models.types import UTCDateTime, utcnow


class Role(StrEnum):
    MEMBER = "member"
    EXPERT = "expert"
    MODERATOR = "moderator"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(32))
    # Lower-cased username: uniqueness and look-ups ignore case.
    username_key: Mapped[str] = mapped_column(String(32), unique=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    # NULL for imported accounts, which must set a password before logging in.
    password_hash: Mapped[str | None] = mapped_column(String(255))
    display_name: Mapped[str] = mapped_column(String(64), default="")
    bio: Mapped[str] = mapped_column(Text, default="")
    # The uploaded picture's content digest (forum.models.avatars.Avatar); None: the generated one.
    avatar_digest: Mapped[str | None] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16), default=Role.MEMBER.value)
    post_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # When the owner opened the link emailed at sign-up; NULL until then (no login before it).
    # Accounts made by an admin, the importer or the demo are confirmed when made.
    email_confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Sanctions set by moderators. A banned or suspended account cannot log in;
    # a silenced one can read but not post until the time passes.
    banned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    suspended_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    silenced_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    import_ref: Mapped[str | None] = mapped_column(String(64), unique=True)
    # Who may start a private conversation with this member (forum.models.messages.MessagePolicy).
    message_policy: Mapped[str] = mapped_column(String(16), default="anyone", server_default="anyone")

    # The expert verification in force (approved, not revoked), if any: the
    # source of every verified badge (see forum.models.experts).
    current_verification: Mapped[ExpertVerification | None] = relationship(  # noqa: F821
        primaryjoin="and_(User.id == ExpertVerification.user_id, ExpertVerification.revoked_at.is_(None))",
        foreign_keys="ExpertVerification.user_id", uselist=False, viewonly=True)
    # Every membership row (active and pending), read only: loaded with the login session in the
    # same statement (``forum.actions.sessions.load_session_user``) for ``permissions.memberships_of``.
    memberships: Mapped[list[Membership]] = relationship(  # noqa: F821
        foreign_keys="Membership.user_id", viewonly=True, lazy="select")
    # The server-side session (``UserSession.id``) this object was loaded for or
    # logged in with; not a column. See ``forum.actions.sessions``.
    session_id = None

    def get_id(self) -> str:
        """Flask-Login: what the session and remember cookies carry."""
        return f"{self.id}:{self.session_id}" if self.session_id else str(self.id)

    @property
    def is_active(self) -> bool:
        """Flask-Login: False for banned or currently suspended accounts."""
        if self.banned_at is not None:
            return False
        return self.suspended_until is None or self.suspended_until <= utcnow()

    @property
    def is_silenced(self) -> bool:
        return self.silenced_until is not None and self.silenced_until > utcnow()

    @property
    def name(self) -> str:
        """What to call this person on a page."""
        return self.display_name or self.username

    @property
    def role_enum(self) -> Role:
        return Role(self.role)

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def is_site_moderator(self) -> bool:
        return self.role in (Role.MODERATOR, Role.ADMIN)

    @property
    def shows_badge(self) -> bool:
        return self.role != Role.MEMBER

    def __repr__(self) -> str:
        return f"<User {self.username}>"
