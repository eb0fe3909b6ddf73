"""The newsletter: who signed up for which topics, and the issues admins send them.

A subscriber row is made when someone asks to sign up, but nothing is sent to
them (beyond the confirmation email) until they open the link: ``confirmed_at``
stays empty until then, and ``confirm_nonce`` makes that link single-use (a new
sign-up for the same address replaces it). Topics are ``second-opinion`` or
``group:<id>`` of a public group; the chosen ones travel in the signed link and
are written only on confirmation, so a stranger typing someone's address changes
nothing. Unsubscribing deletes the row and its topics. A subscription for an
account's own address (made by the member, or by anyone and confirmed from that
inbox) points at the account, goes into its data export and is deleted with it.

An issue is Markdown through the publishing pipeline, stored with its sanitized
HTML. Sending claims ``sending_started_at`` once; each recipient's copy is a
``mail_deliveries`` row keyed ``newsletter:<issue>:<subscriber>``
(``forum.mail.send_once``), so nobody receives an issue twice.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import db
from forum.models.types import UTCDateTime, utcnow
from forum.models.user import User

SECOND_OPINION = "second-opinion"


class NewsletterSubscriber(db.Model):
    __tablename__ = "newsletter_subscribers"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    confirm_nonce: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    topics: Mapped[list[NewsletterTopic]] = relationship(cascade="all, delete-orphan", passive_deletes=True,
                                                         order_by="NewsletterTopic.topic")

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def topic_keys(self) -> list[str]:
        return [t.topic for t in self.topics]


class NewsletterTopic(db.Model):
    __tablename__ = "newsletter_topics"

    subscriber_id: Mapped[int] = mapped_column(ForeignKey("newsletter_subscribers.id", ondelete="CASCADE"),
                                               primary_key=True)
    topic: Mapped[str] = mapped_column(String(40), primary_key=True)

    # Counting subscribers per topic and finding an issue's recipients read this index.
    __table_args__ = (Index("ix_newsletter_topics_topic", "topic", "subscriber_id"),)


class NewsletterIssue(db.Model):
    __tablename__ = "newsletter_issues"

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    subject: Mapped[str] = mapped_column(String(200))
    body_source: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    # Space-separated topic keys: it goes to confirmed subscribers of any of them.
    topics: Mapped[str] = mapped_column(String(2000), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_test_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sending_started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    recipient_count: Mapped[int] = mapped_column(Integer, default=0)
    sent_count: Mapped[int] = mapped_column(Integer, default=0)

    author: Mapped[User | None] = relationship()

    __table_args__ = (Index("ix_newsletter_issues_created_at", "created_at"),)

    @property
    def topic_keys(self) -> list[str]:
        return self.topics.split() if self.topics else []

    @property
    def is_sent(self) -> bool:
        return self.sending_started_at is not None
