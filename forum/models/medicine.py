"""My Medicine: a member's private medicine lists, family profiles and recall alerts.

Everything here belongs to one account and is shown to nobody else: not to
moderators, not in search, feeds or the API. ``CareProfile`` is a person the
member looks after (a child, a parent); a ``SavedMedicine`` with no profile is
the member's own. A medicine points at a catalogue ``Drug`` when the member
picked one, else it is free text (``name`` is always filled in, so a later
change to the catalogue never empties a list).

``Recall`` rows come from openFDA's drug enforcement reports (public domain);
a ``RecallAlert`` says that one saved medicine matched one recall, so the
member is told once per medicine and can dismiss it.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import db
from forum.models.types import UTCDateTime, utcnow


class CareProfile(db.Model):
    """Someone the member keeps a medicine list for."""

    __tablename__ = "care_profiles"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(60))
    relationship_label: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_care_profiles_owner_id", "owner_id"),)


class SavedMedicine(db.Model):
    __tablename__ = "saved_medicines"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    profile_id: Mapped[int | None] = mapped_column(ForeignKey("care_profiles.id", ondelete="CASCADE"))
    drug_id: Mapped[int | None] = mapped_column(ForeignKey("drugs.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(String(200))
    # forum.drugs.names.name_key(name): free-text medicines are matched to recalls by it.
    name_key: Mapped[str] = mapped_column(String(200), default="")
    dose: Mapped[str] = mapped_column(String(100), default="")
    frequency: Mapped[str] = mapped_column(String(100), default="")
    started_on: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    stopped_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    drug = relationship("Drug")

    __table_args__ = (Index("ix_saved_medicines_owner_profile", "owner_id", "profile_id"),
                      Index("ix_saved_medicines_drug_id", "drug_id"),
                      Index("ix_saved_medicines_name_key", "name_key"))

    @property
    def is_current(self) -> bool:
        return self.stopped_on is None


class Recall(db.Model):
    """One FDA enforcement report (a recall), as openFDA publishes it."""

    __tablename__ = "recalls"

    id: Mapped[int] = mapped_column(primary_key=True)
    recall_number: Mapped[str] = mapped_column(String(40), unique=True)
    classification: Mapped[str] = mapped_column(String(20), default="")
    status: Mapped[str] = mapped_column(String(40), default="")
    product_description: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    recalling_firm: Mapped[str] = mapped_column(String(200), default="")
    code_info: Mapped[str] = mapped_column(Text, default="")
    report_date: Mapped[date | None] = mapped_column(Date)
    product_ndcs: Mapped[list] = mapped_column(JSON, default=list)
    brand_names: Mapped[list] = mapped_column(JSON, default=list)
    generic_names: Mapped[list] = mapped_column(JSON, default=list)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    @property
    def is_open(self) -> bool:
        """Still in progress: only these are sent to members as alerts."""
        return self.status.lower() in OPEN_STATUSES


OPEN_STATUSES = ("ongoing", "pending")


class RecallTarget(db.Model):
    """What a recall names: a catalogue drug (by one of its product codes or names), or a bare
    name key for medicines typed as free text."""

    __tablename__ = "recall_targets"

    id: Mapped[int] = mapped_column(primary_key=True)
    recall_id: Mapped[int] = mapped_column(ForeignKey("recalls.id", ondelete="CASCADE"))
    drug_id: Mapped[int | None] = mapped_column(ForeignKey("drugs.id", ondelete="CASCADE"))
    name_key: Mapped[str] = mapped_column(String(200), default="")
    # "product code" (an NDC on the report belongs to this drug) or "name".
    matched_by: Mapped[str] = mapped_column(String(20))

    __table_args__ = (Index("ix_recall_targets_drug_id", "drug_id"),
                      Index("ix_recall_targets_name_key", "name_key"),
                      Index("ix_recall_targets_recall_id", "recall_id"))


class RecallAlert(db.Model):
    """A recall that may concern one saved medicine: shown to its owner until dismissed."""

    __tablename__ = "recall_alerts"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    medicine_id: Mapped[int] = mapped_column(ForeignKey("saved_medicines.id", ondelete="CASCADE"))
    recall_id: Mapped[int] = mapped_column(ForeignKey("recalls.id", ondelete="CASCADE"))
    # "product code" (an NDC on the report is this medicine's) or "name".
    matched_by: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    dismissed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    recall: Mapped[Recall] = relationship()
    medicine: Mapped[SavedMedicine] = relationship()

    __table_args__ = (UniqueConstraint("medicine_id", "recall_id"),
                      Index("ix_recall_alerts_owner_id", "owner_id", "dismissed_at"))


class Pill(db.Model):
    """What a tablet or capsule looks like, from an FDA structured product label (SPL)."""

    __tablename__ = "pills"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The SPL set id and the product's NDC: one row per product in a label.
    source_key: Mapped[str] = mapped_column(String(100), unique=True)
    drug_id: Mapped[int | None] = mapped_column(ForeignKey("drugs.id", ondelete="SET NULL"))
    product: Mapped[str] = mapped_column(String(200))
    strength: Mapped[str] = mapped_column(String(200), default="")
    manufacturer: Mapped[str] = mapped_column(String(200), default="")
    ndc: Mapped[str] = mapped_column(String(20), default="")
    imprint: Mapped[str] = mapped_column(String(100), default="")
    # forum.pills.imprint.imprint_key(imprint): letters and digits only, upper case.
    imprint_key: Mapped[str] = mapped_column(String(100), default="")
    colors: Mapped[list] = mapped_column(JSON, default=list)
    shape: Mapped[str] = mapped_column(String(20), default="")
    size_mm: Mapped[int | None] = mapped_column()
    score: Mapped[int | None] = mapped_column()
    dosage_form: Mapped[str] = mapped_column(String(100), default="")
    # "spl" for imported labels, "demo" for the illustrative set the demo ships.
    origin: Mapped[str] = mapped_column(String(8), default="spl")
    label_date: Mapped[str] = mapped_column(String(10), default="")

    drug = relationship("Drug")

    __table_args__ = (Index("ix_pills_imprint_key", "imprint_key"),
                      Index("ix_pills_shape", "shape"))
