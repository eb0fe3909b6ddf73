"""Tables owned by search: the durable outbox and the PostgreSQL document table.

``search_outbox`` holds one row per change to searchable content, written in
the same transaction as the change (see ``search.outbox``). A row is deleted
only after the index holds the change, so a crash, a SIGKILL or a busy index
lock loses nothing: the next drain or ``flask --app forum search sync`` picks
the row up again. ``kind`` is ``post``, ``thread``, ``group``, ``article``,
``user`` (a role change, which changes the expert flag of their posts) or
``rebuild`` (bulk imports: rebuild everything).

``search_documents`` is used only by the PostgreSQL backend (a tsvector with a
GIN index); on SQLite it stays empty.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Index, Integer, String, Text
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column

from forum.extensions import db
from forum.models.types import UTCDateTime, utcnow


class SearchOutbox(db.Model):
    __tablename__ = "search_outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    object_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SearchDocument(db.Model):
    """One searchable document for the PostgreSQL backend (see ``search.documents``)."""

    __tablename__ = "search_documents"

    key: Mapped[str] = mapped_column(String(24), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    object_id: Mapped[int] = mapped_column(Integer)
    group_id: Mapped[int | None] = mapped_column(Integer)
    thread_kind: Mapped[str] = mapped_column(String(16), default="")
    expert: Mapped[bool] = mapped_column(Boolean, default=False)
    public: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    tsv = mapped_column(Text().with_variant(TSVECTOR(), "postgresql"))

    __table_args__ = (
        Index("ix_search_documents_tsv", "tsv", postgresql_using="gin"),
        Index("ix_search_documents_created_at", "created_at"),
    )
