"""Expert verification actions: applying, approving, rejecting, revoking.

Approval creates the verification record and makes the person's site role
``expert``; revocation ends the record and sets the role back to member. Each
decision is written to ``ExpertAuditEntry`` in the same transaction, and the
expert-answer counters of every thread the person answered are recounted.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import delete, select

from forum.actions import ActionError, limits, notify
from forum.actions.qa import refresh_threads_answered_by
from forum.extensions import db
from forum.models import (
    ApplicationStatus,
    ExpertApplication,
    ExpertAuditEntry,
    ExpertVerification,
    Group,
    GroupSpecialty,
    Role,
    Specialty,
    User,
    utcnow,
)

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _clean(value: str | None, label: str, low: int, high: int, *, multiline: bool = False) -> str:
    value = _CONTROL.sub("", (value or "").replace("\r\n", "\n")).strip()
    if not multiline:
        value = " ".join(value.split())
    if len(value) < low:
        raise ActionError(f"Please fill in {label}." if low <= 1 else
                          f"Please give at least {low} characters for {label}.")
    if len(value) > high:
        raise ActionError(f"Keep {label} to {high:,} characters (it has {len(value):,}).")
    return value


def check_specialty(value: str | None) -> Specialty:
    try:
        return Specialty(value or "")
    except ValueError:
        raise ActionError("Choose a specialty from the list.") from None


def pending_application(user: User) -> ExpertApplication | None:
    return db.session.scalar(select(ExpertApplication).where(
        ExpertApplication.user_id == user.id, ExpertApplication.status == ApplicationStatus.PENDING))


def apply_as_expert(user: User, *, profession: str, specialty: str, licence_number: str,
                    issuing_body: str, country: str, evidence: str) -> ExpertApplication:
    """File an application for review. Raises ActionError on bad input or a second open application."""
    if user.current_verification is not None:
        raise ActionError("You are already a verified expert.")
    if pending_application(user) is not None:
        raise ActionError("You already have an application waiting for review.")
    licence = _clean(licence_number, "your licence or registration number", limits.LICENCE_MIN,
                     limits.LICENCE_MAX)
    if not re.match(limits.LICENCE_PATTERN, licence):
        raise ActionError("Licence and registration numbers use letters, numbers, spaces, dots, "
                          "slashes and dashes only.")
    application = ExpertApplication(
        user_id=user.id,
        profession=_clean(profession, "your profession", 2, limits.PROFESSION_MAX),
        specialty=check_specialty(specialty).value,
        licence_number=licence,
        issuing_body=_clean(issuing_body, "the issuing body", 2, limits.ISSUING_BODY_MAX),
        country=_clean(country, "the country", 2, limits.COUNTRY_MAX),
        evidence=_clean(evidence, "the evidence", limits.EVIDENCE_MIN, limits.EVIDENCE_MAX, multiline=True),
    )
    db.session.add(application)
    db.session.commit()
    return application


def _audit(actor: User, subject: User, action: str, reason: str) -> None:
    db.session.add(ExpertAuditEntry(actor_id=actor.id, subject_id=subject.id, action=action, reason=reason))


def _decide(reviewer: User, application: ExpertApplication, status: ApplicationStatus, reason: str) -> None:
    if application.status != ApplicationStatus.PENDING:
        raise ActionError("That application has already been decided.")
    if application.user_id == reviewer.id:
        raise ActionError("You can't review your own application.")
    application.status = status.value
    application.decided_at = utcnow()
    application.decided_by_id = reviewer.id
    application.decision_reason = reason


def approve_application(reviewer: User, application: ExpertApplication,
                        reason: str = "") -> ExpertVerification:
    """Verify the applicant: a verification record, the expert role, an audit row."""
    reason = _clean(reason, "the note", 0, limits.REASON_MAX, multiline=True)
    user = application.user
    if user.current_verification is not None:
        raise ActionError(f"{user.username} is already a verified expert.")
    _decide(reviewer, application, ApplicationStatus.APPROVED, reason)
    verification = ExpertVerification(
        user_id=user.id, application_id=application.id, profession=application.profession,
        specialty=application.specialty, verified_by_id=reviewer.id, verified_at=utcnow())
    db.session.add(verification)
    if user.role == Role.MEMBER:
        user.role = Role.EXPERT.value
    _audit(reviewer, user, "approved", reason)
    notify.expert_decided(reviewer, application)
    db.session.flush()
    refresh_threads_answered_by(user.id)
    db.session.commit()
    db.session.expire(user, ["current_verification"])
    return verification


def reject_application(reviewer: User, application: ExpertApplication, reason: str) -> ExpertApplication:
    """Turn an application down; the reason is shown to the applicant."""
    reason = _clean(reason, "a reason", 5, limits.REASON_MAX, multiline=True)
    _decide(reviewer, application, ApplicationStatus.REJECTED, reason)
    _audit(reviewer, application.user, "rejected", reason)
    notify.expert_decided(reviewer, application)
    db.session.commit()
    return application


def revoke_verification(actor: User, user: User, reason: str) -> ExpertVerification:
    """End ``user``'s verification: the badge leaves every answer at once. Audited."""
    reason = _clean(reason, "a reason", 5, limits.REASON_MAX, multiline=True)
    verification = user.current_verification
    if verification is None:
        raise ActionError(f"{user.username} is not a verified expert.")
    verification.revoked_at = utcnow()
    verification.revoked_by_id = actor.id
    verification.revoke_reason = reason
    if user.role == Role.EXPERT:
        user.role = Role.MEMBER.value
    _audit(actor, user, "revoked", reason)
    db.session.flush()
    refresh_threads_answered_by(user.id)
    db.session.commit()
    db.session.expire(user, ["current_verification"])
    return verification


def set_group_specialties(group: Group, specialties: Iterable[str]) -> list[Specialty]:
    """Replace the specialties whose experts see ``group``'s "Ask an expert" questions."""
    chosen = list(dict.fromkeys(check_specialty(s) for s in specialties))
    db.session.execute(delete(GroupSpecialty).where(GroupSpecialty.group_id == group.id))
    db.session.add_all(GroupSpecialty(group_id=group.id, specialty=s.value) for s in chosen)
    db.session.commit()
    return chosen
