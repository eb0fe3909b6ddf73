"""The site's own pages (about, guidelines, privacy ...) and messages sent through the contact form.

A ``SitePage`` row exists once an admin has edited a page; until then the text
shipped in ``forum.pages.defaults`` is shown. Every save adds a
``SitePageRevision`` holding that version, so the history is the list of
revisions, newest first. Page Markdown is rendered once, at save time, by the
sanitizer and stored beside its source.

A ``ContactMessage`` is what a visitor or member sent to the moderators: it
stays open in the review queue until a site moderator marks it handled.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import db
from forum.models.types import UTCDateTime, utcnow
from forum.models.user import User


class SitePage(db.Model):
    __tablename__ = "site_pages"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(32), unique=True)
    title: Mapped[str] = mapped_column(String(120))
    body_source: Mapped[str] = mapped_column(Text, default="")
    body_html: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    updated_by: Mapped[User | None] = relationship()


class SitePageRevision(db.Model):
    __tablename__ = "site_page_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("site_pages.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(120))
    body_source: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    editor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    editor: Mapped[User | None] = relationship()

    __table_args__ = (Index("ix_site_page_revisions_page", "page_id", "created_at"),)


CONTACT_TOPICS = {
    "question": "A question about Askwell",
    "report": "Reporting a problem with a post or member",
    "privacy": "Privacy, my data or my account",
    "expert": "Expert verification",
    "other": "Something else",
}


class ContactMessage(db.Model):
    __tablename__ = "contact_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    sender_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    topic: Mapped[str] = mapped_column(String(16))
    body_source: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    is_urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    is_open: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    sender: Mapped[User | None] = relationship(foreign_keys=[sender_id])

    __table_args__ = (Index("ix_contact_messages_open", "is_open", "is_urgent", "created_at"),)

    @property
    def topic_label(self) -> str:
        return CONTACT_TOPICS.get(self.topic, self.topic)
