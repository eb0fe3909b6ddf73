"""Expert verification: applications, the verification record, and its audit trail.

A member applies with their credentials; a moderator or admin approves or
rejects the application. Approval creates an ``ExpertVerification``. The
verified badge on answers is read from the user's *current* verification
(approved and not revoked), never copied into posts, so revoking it takes the
badge off every answer at once. Each decision writes an ``ExpertAuditEntry``.

Specialties are a fixed list (``Specialty``); support groups map to
specialties (``GroupSpecialty``) so the expert queue can offer each expert the
"Ask an expert" questions in their field.
"""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import db
from forum.models.types import UTCDateTime, utcnow
from forum.models.user import User


class Specialty(StrEnum):
    HAEMATOLOGY = "haematology"
    ONCOLOGY = "oncology"
    CARDIOLOGY = "cardiology"
    ENDOCRINOLOGY = "endocrinology"
    RESPIRATORY = "respiratory"
    NEUROLOGY = "neurology"
    MENTAL_HEALTH = "mental-health"
    PAIN_MEDICINE = "pain-medicine"
    INFECTIOUS_DISEASE = "infectious-disease"
    WOMENS_HEALTH = "womens-health"
    PAEDIATRICS = "paediatrics"
    GENERAL_PRACTICE = "general-practice"
    NURSING = "nursing"
    PHARMACY = "pharmacy"

    @property
    def label(self) -> str:
        return SPECIALTY_LABELS[self]


SPECIALTY_LABELS = {
    Specialty.HAEMATOLOGY: "Haematology",
    Specialty.ONCOLOGY: "Oncology",
    Specialty.CARDIOLOGY: "Cardiology",
    Specialty.ENDOCRINOLOGY: "Endocrinology and diabetes",
    Specialty.RESPIRATORY: "Respiratory medicine",
    Specialty.NEUROLOGY: "Neurology",
    Specialty.MENTAL_HEALTH: "Mental health",
    Specialty.PAIN_MEDICINE: "Pain medicine",
    Specialty.INFECTIOUS_DISEASE: "Infectious disease and HIV",
    Specialty.WOMENS_HEALTH: "Women's health",
    Specialty.PAEDIATRICS: "Paediatrics",
    Specialty.GENERAL_PRACTICE: "General practice",
    Specialty.NURSING: "Nursing",
    Specialty.PHARMACY: "Pharmacy",
}


def specialty_label(value: str) -> str:
    """A specialty's name for people; the raw value if it is not on the list."""
    try:
        return Specialty(value).label
    except ValueError:
        return value


class ApplicationStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class ExpertApplication(db.Model):
    """What a member says about their credentials, and the decision on it."""

    __tablename__ = "expert_applications"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    profession: Mapped[str] = mapped_column(String(80))
    specialty: Mapped[str] = mapped_column(String(40))
    licence_number: Mapped[str] = mapped_column(String(64))
    issuing_body: Mapped[str] = mapped_column(String(120))
    country: Mapped[str] = mapped_column(String(80))
    evidence: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default=ApplicationStatus.PENDING.value)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decision_reason: Mapped[str] = mapped_column(Text, default="")

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])

    __table_args__ = (Index("ix_expert_applications_status_created", "status", "created_at"),
                      Index("ix_expert_applications_user_id", "user_id"))

    @property
    def specialty_label(self) -> str:
        return specialty_label(self.specialty)


class ExpertVerification(db.Model):
    """A verified credential. Current while ``revoked_at`` is NULL."""

    __tablename__ = "expert_verifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    application_id: Mapped[int | None] = mapped_column(
        ForeignKey("expert_applications.id", ondelete="SET NULL"))
    profession: Mapped[str] = mapped_column(String(80))
    specialty: Mapped[str] = mapped_column(String(40))
    verified_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    verified_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    revoke_reason: Mapped[str] = mapped_column(Text, default="")

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    verified_by: Mapped[User | None] = relationship(foreign_keys=[verified_by_id])

    __table_args__ = (Index("ix_expert_verifications_user_revoked", "user_id", "revoked_at"),
                      Index("ix_expert_verifications_specialty", "specialty"))

    @property
    def is_current(self) -> bool:
        return self.revoked_at is None

    @property
    def specialty_label(self) -> str:
        return specialty_label(self.specialty)


class ExpertAuditEntry(db.Model):
    """Who decided what about whose expert status, when and why."""

    __tablename__ = "expert_audit_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    subject_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])
    subject: Mapped[User | None] = relationship(foreign_keys=[subject_id])

    __table_args__ = (Index("ix_expert_audit_entries_created", "created_at"),)


class GroupSpecialty(db.Model):
    """A support group's questions belong in this specialty's expert queue."""

    __tablename__ = "group_specialties"

    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True)
    specialty: Mapped[str] = mapped_column(String(40), primary_key=True)

    __table_args__ = (Index("ix_group_specialties_specialty", "specialty"),)
