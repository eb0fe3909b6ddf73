"""Server-side login sessions: one row per logged-in browser.

The signed session cookie (and the "keep me logged in" cookie) carry only the
row's random id next to the user id. Every request looks the row up, so
deleting it (logout, password change, role change, account deletion) refuses
that cookie from then on, even when someone replays a copy of it.
"""
from __future__ import annotations

import hashlib
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import db
from forum.models.types import UTCDateTime, utcnow
from forum.models.user import User


class UserSession(db.Model):
    __tablename__ = "user_sessions"

    # secrets.token_urlsafe(32): unguessable, never reused.
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # A short description of the browser, so a member can recognise their sessions.
    user_agent: Mapped[str] = mapped_column(String(200), default="")

    user: Mapped[User] = relationship()

    __table_args__ = (Index("ix_user_sessions_user_id", "user_id"),)

    @property
    def handle(self) -> str:
        """A public name for this session (the account page's "Log out" button): the id is
        the cookie's secret and never goes into a page."""
        return hashlib.sha256(self.id.encode()).hexdigest()[:16]

    def __repr__(self) -> str:
        return f"<UserSession of user {self.user_id}>"
