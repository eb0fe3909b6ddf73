"""Who an "Ask an expert" question reaches: the group's specialists, or, when no verified
expert covers any of the group's specialties, every verified expert (and the moderators are
told, ``forum.experts.alerts``), so a question never goes to nobody.

A group is *covered* when one of its specialties (``GroupSpecialty``) has a current
verification. The queue (``forum.experts.queries.expert_queue``) and the line the asker
reads ("3 verified experts in Cardiology") are both built from ``covered_group_ids``.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from forum.extensions import db
from forum.models import ExpertVerification, Group, GroupSpecialty, specialty_label


def covered_group_ids():
    """A SELECT of the ids of groups at least one verified expert covers."""
    return (select(GroupSpecialty.group_id)
            .join(ExpertVerification, ExpertVerification.specialty == GroupSpecialty.specialty)
            .where(ExpertVerification.revoked_at.is_(None)))


def uncovered_among(group_ids) -> set[int]:
    """Which of ``group_ids`` no verified expert covers (one statement)."""
    ids = set(group_ids)
    if not ids:
        return set()
    covered = set(db.session.scalars(covered_group_ids().where(GroupSpecialty.group_id.in_(ids))))
    return ids - covered


@dataclass(frozen=True)
class ExpertAudience:
    experts: int
    specialties: tuple[str, ...]  # labels of the group's specialties that have experts
    everyone: bool                # no specialist: every verified expert's queue

    def describe(self) -> str:
        """Who will be notified, as the asker (and every reader) sees it."""
        if self.everyone and not self.experts:
            return "There is no verified expert yet, so the moderators are told about this question."
        if self.everyone:
            whom = "the one verified expert" if self.experts == 1 else f"all {self.experts} verified experts"
            return (f"No verified expert covers this group's specialties yet, so this question goes to {whom}, "
                    "and the moderators are told.")
        noun = "verified expert" if self.experts == 1 else "verified experts"
        return f"{self.experts} {noun} in {' or '.join(self.specialties)} will be notified."


def _covers(group_id: int):
    """A condition on ``ExpertVerification``: a current one in one of the group's specialties."""
    return ExpertVerification.revoked_at.is_(None) & ExpertVerification.specialty.in_(
        select(GroupSpecialty.specialty).where(GroupSpecialty.group_id == group_id))


def expert_audience(group: Group) -> ExpertAudience:
    """Who sees an "Ask an expert" question in ``group`` (two small grouped counts at most)."""
    rows = db.session.execute(
        select(ExpertVerification.specialty, func.count(func.distinct(ExpertVerification.user_id)))
        .where(_covers(group.id))
        .group_by(ExpertVerification.specialty).order_by(ExpertVerification.specialty)).all()
    if rows:
        return ExpertAudience(sum(n for _, n in rows), tuple(specialty_label(s) for s, _ in rows), False)
    everyone = db.session.scalar(select(func.count(func.distinct(ExpertVerification.user_id)))
                                 .where(ExpertVerification.revoked_at.is_(None)))
    return ExpertAudience(everyone or 0, (), True)


def audience_ids(group_id: int) -> tuple[list[int], bool]:
    """The ids of the experts an "Ask an expert" question in the group reaches, and whether
    that is every verified expert (no specialist covers it), as ``expert_audience`` counts."""
    specialists = list(db.session.scalars(select(ExpertVerification.user_id).distinct()
                                          .where(_covers(group_id))))
    if specialists:
        return specialists, False
    return list(db.session.scalars(select(ExpertVerification.user_id).distinct()
                                   .where(ExpertVerification.revoked_at.is_(None)))), True
