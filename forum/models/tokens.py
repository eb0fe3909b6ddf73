"""Personal access tokens: how an app or integration acts for a member on the API.

A member makes a token on /settings/tokens and sees it once. Only its SHA-256
digest is stored, beside a short random prefix that finds the row without
scanning: the secret itself is 32 random bytes, so a plain digest is as strong
as a slow password hash would be, and checking a token costs one indexed
lookup. A revoked token keeps its row (so the API can say "revoked" rather than
"unknown") until the account is deleted, when every token goes with it.
"""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import db
from forum.models.types import UTCDateTime, utcnow
from forum.models.user import User


class TokenScope(StrEnum):
    READ = "read"
    WRITE = "write"  # read and write

    @property
    def label(self) -> str:
        return "Read" if self == TokenScope.READ else "Read and write"


class ApiToken(db.Model):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(80))
    # The token reads "askw_<prefix>_<secret>"; the prefix is public and unique.
    prefix: Mapped[str] = mapped_column(String(16), unique=True)
    secret_hash: Mapped[str] = mapped_column(String(64))  # sha256 hex of the whole token
    scope: Mapped[str] = mapped_column(String(8), default=TokenScope.READ.value)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Updated at most once a minute (forum.actions.tokens.note_use), after the response.
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()

    __table_args__ = (Index("ix_api_tokens_user_id", "user_id"),)

    @property
    def can_write(self) -> bool:
        return self.scope == TokenScope.WRITE

    @property
    def scope_label(self) -> str:
        return TokenScope(self.scope).label

    def __repr__(self) -> str:
        return f"<ApiToken {self.prefix} of user {self.user_id}>"
