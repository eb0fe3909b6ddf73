"""Tables that keep search in step: the durable outbox, and the PostgreSQL documents.

``search_outbox`` holds one row per change to searchable content, written in
the same transaction as the change (see ``forum.searching.outbox``). A row is
deleted only after the index holds the change, so a crash, a SIGKILL or a busy
index lock loses nothing: the next drain or ``flask --app forum search sync``
picks the row up again. ``kind`` is ``post``, ``thread``, ``thread_tree``,
``group``, ``article``, ``user`` (an author's expert status changed) or
``rebuild`` (bulk imports: rebuild everything).

``search_documents`` is the PostgreSQL backend's own table, defined by the
search library (``search.postgres_backend.documents_table``) on our metadata so
that migrations create it, and so is ``search_words`` (the words did-you-mean looks up by
trigrams); on SQLite both stay empty.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from forum.extensions import db
from forum.models.types import UTCDateTime, utcnow
from search.postgres_backend import documents_table, words_table


class SearchOutbox(db.Model):
    __tablename__ = "search_outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    object_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


search_documents = documents_table(db.metadata, UTCDateTime)
search_words = words_table(db.metadata)
