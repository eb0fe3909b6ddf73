"""A record of every email a job has sent, so that a retried job never sends one twice.

The key names the delivery, not the attempt (``reply:<notification id>``,
``digest:daily:<user>:<date>``): a job claims the key before it talks to the mail
server and marks it sent after. A failure marks it failed, so the retry may claim
it again; a worker killed between the two leaves it claimed, and it is never
sent again (at most once, never twice).
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from forum.extensions import db
from forum.models.types import UTCDateTime, utcnow


class MailDelivery(db.Model):
    __tablename__ = "mail_deliveries"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    # Whose email it was: the rows go with the account.
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(8), default="sending")  # sending, sent, failed
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
