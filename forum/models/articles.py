"""Second Opinion articles: verified experts' perspectives on popular topics.

Bodies are Markdown rendered and sanitized once, at write time, like posts.
Sources are kept as the expert typed them (one per line) and as sanitized
HTML. ``tags`` holds lower-case topic tags separated by single spaces, so
search can index the field as it is.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import db
from forum.models.types import UTCDateTime, utcnow
from forum.models.user import User


class Article(db.Model):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(String(500))
    body_source: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    sources_source: Mapped[str] = mapped_column(Text, default="")
    sources_html: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[str] = mapped_column(String(300), default="")
    reviewed_on: Mapped[date] = mapped_column(Date)
    comment_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    author: Mapped[User | None] = relationship()

    __table_args__ = (Index("ix_articles_created_at", "created_at"),
                      Index("ix_articles_author_id", "author_id"))

    @property
    def tag_list(self) -> list[str]:
        return self.tags.split() if self.tags else []

    def __repr__(self) -> str:
        return f"<Article {self.id} {self.title!r}>"


class ArticleComment(db.Model):
    __tablename__ = "article_comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    body_source: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Deleted by its author, or removed by a moderator (with a reason, in the audit log).
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deleted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # Hidden by moderation or held for review (the automatic rules): out of view
    # for everyone but its author and the site moderators until someone decides.
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    hidden_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    hidden_reason: Mapped[str | None] = mapped_column(String(500))
    # The crisis response its author saw before publishing (see Post.safety_outcome).
    safety_outcome: Mapped[str | None] = mapped_column(String(16))

    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    article: Mapped[Article] = relationship()

    __table_args__ = (Index("ix_article_comments_article_created", "article_id", "created_at"),)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def is_public(self) -> bool:
        return self.deleted_at is None and self.hidden_at is None

    @property
    def removed_by_moderator(self) -> bool:
        return self.deleted_at is not None and self.deleted_by_id != self.author_id
