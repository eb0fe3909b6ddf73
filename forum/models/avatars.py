"""Uploaded profile pictures, stored re-encoded in the database.

Only Askwell's own re-encoding is stored (a 256-pixel WebP made from the
pixels alone), never the uploaded file, so no EXIF data (GPS location, camera,
time) survives. The row is addressed by the digest of its bytes, which is also
its URL (``/avatars/<digest>.webp``): a new picture is a new URL, so browsers
and proxies may cache one for ever. In the database, every app host serves it.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from forum.extensions import db
from forum.models.types import UTCDateTime, utcnow


class Avatar(db.Model):
    __tablename__ = "avatars"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    content_type: Mapped[str] = mapped_column(String(32), default="image/webp")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
