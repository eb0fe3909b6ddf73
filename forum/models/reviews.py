"""Community reviews of drugs and supplements: members' experiences, never advice.

A ``DrugReview`` is one member's account of one drug for one condition: three
ratings (effectiveness, ease of use, satisfaction, 1-5), how long they took
it, the side effects they had and a text review. ``condition_key`` (the
``forum.drugs.names.name_key`` of the condition) makes "one review per member
per drug and condition" a unique constraint, and is what the page filters and
groups by. Each side effect is a ``ReviewSideEffect`` row carrying the drug's
id, so "most reported side effects" is one indexed GROUP BY. Reviews carry the
same hidden state as posts (who, when, why) and go to the same review queue;
an edit keeps the earlier version as a ``DrugReviewRevision``. Helpful votes
are one row per member per review, mirrored in ``helpful_count``.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import db
from forum.models.drugs import Drug
from forum.models.types import UTCDateTime, utcnow
from forum.models.user import User

RATINGS = ("effectiveness", "ease_of_use", "satisfaction")
RATING_LABELS = {"effectiveness": "Effectiveness", "ease_of_use": "Ease of use", "satisfaction": "Satisfaction"}
DURATIONS = {
    "under_1m": "Less than a month",
    "1_6m": "1 to 6 months",
    "6_12m": "6 months to a year",
    "1_2y": "1 to 2 years",
    "2_5y": "2 to 5 years",
    "over_5y": "More than 5 years",
}


class DrugReview(db.Model):
    __tablename__ = "drug_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    drug_id: Mapped[int] = mapped_column(ForeignKey("drugs.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    condition: Mapped[str] = mapped_column(String(120))
    condition_key: Mapped[str] = mapped_column(String(120))
    effectiveness: Mapped[int] = mapped_column(SmallInteger)
    ease_of_use: Mapped[int] = mapped_column(SmallInteger)
    satisfaction: Mapped[int] = mapped_column(SmallInteger)
    duration: Mapped[str] = mapped_column(String(16))
    side_effects: Mapped[list] = mapped_column(JSON, default=list)  # labels, in the order given
    body_source: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revision_count: Mapped[int] = mapped_column(Integer, default=0)
    helpful_count: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    flag_count: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deleted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    hidden_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    hidden_reason: Mapped[str | None] = mapped_column(String(500))

    drug: Mapped[Drug] = relationship()
    author: Mapped[User | None] = relationship(foreign_keys=[author_id])

    __table_args__ = (
        UniqueConstraint("drug_id", "author_id", "condition_key"),
        Index("ix_drug_reviews_drug_created", "drug_id", "created_at", "id"),
        Index("ix_drug_reviews_drug_helpful", "drug_id", "helpful_count", "id"),
        Index("ix_drug_reviews_drug_condition", "drug_id", "condition_key", "created_at", "id"),
        Index("ix_drug_reviews_author_id", "author_id"),
        CheckConstraint("effectiveness BETWEEN 1 AND 5 AND ease_of_use BETWEEN 1 AND 5 "
                        "AND satisfaction BETWEEN 1 AND 5", name="ratings_1_to_5"),
    )

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
    def duration_label(self) -> str:
        return DURATIONS.get(self.duration, self.duration)

    def ratings(self) -> list[tuple[str, int]]:
        return [(RATING_LABELS[name], getattr(self, name)) for name in RATINGS]

    def __repr__(self) -> str:
        return f"<DrugReview {self.id} of drug {self.drug_id}>"


class ReviewSideEffect(db.Model):
    """One side effect a review reports; ``drug_id`` repeated so the page's tally is one index range."""

    __tablename__ = "review_side_effects"

    review_id: Mapped[int] = mapped_column(ForeignKey("drug_reviews.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    drug_id: Mapped[int] = mapped_column(ForeignKey("drugs.id", ondelete="CASCADE"))
    label: Mapped[str] = mapped_column(String(80))

    __table_args__ = (Index("ix_review_side_effects_drug_key", "drug_id", "key"),)


class DrugReviewRevision(db.Model):
    """A review as it was before an edit (ratings and all). The live review is ``DrugReview``."""

    __tablename__ = "drug_review_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("drug_reviews.id", ondelete="CASCADE"))
    editor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # condition, ratings, duration and side effects as they were.
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    body_source: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    written_at: Mapped[datetime] = mapped_column(UTCDateTime)
    replaced_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    editor: Mapped[User | None] = relationship()

    __table_args__ = (Index("ix_drug_review_revisions_review_id", "review_id"),)


class ReviewHelpfulVote(db.Model):
    __tablename__ = "review_helpful_votes"

    review_id: Mapped[int] = mapped_column(ForeignKey("drug_reviews.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_review_helpful_votes_user_id", "user_id"),)
