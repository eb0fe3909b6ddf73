"""Questions and answers: who found which answer helpful.

One row per person per answer (the primary key makes a second vote
impossible). ``Post.helpful_count`` mirrors the number of rows and is kept in
step by ``forum.actions.qa`` so thread pages sort without counting.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from forum.extensions import db
from forum.models.types import UTCDateTime, utcnow


class HelpfulVote(db.Model):
    __tablename__ = "helpful_votes"

    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_helpful_votes_user_id", "user_id"),)
