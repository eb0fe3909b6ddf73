"""Read-side queries for the expert pages, each one bounded SQL statement."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import contains_eager, joinedload

from forum import permissions
from forum.experts.audience import covered_group_ids
from forum.extensions import db
from forum.models import (
    ApplicationStatus,
    Article,
    ExpertApplication,
    ExpertAuditEntry,
    ExpertVerification,
    GroupSpecialty,
    Post,
    Thread,
    ThreadKind,
    User,
)
from forum.pagination import Keyset


def _queue_filter(user, specialty: str | None):
    """Waiting questions in ``specialty``'s groups and in groups no verified expert covers;
    every waiting question for ``specialty=None`` (a moderator without a verification)."""
    waiting = (
        Thread.kind == ThreadKind.QUESTION.value, Thread.asks_expert.is_(True),
        Thread.expert_answer_count == 0, permissions.visible_groups_clause(user),
    )
    if specialty is None:
        return waiting
    mine = Thread.group_id.in_(select(GroupSpecialty.group_id).where(GroupSpecialty.specialty == specialty))
    return (*waiting, or_(mine, Thread.group_id.not_in(covered_group_ids())))


# The queue is oldest first; pages are keyset pages (forum.pagination).
QUEUE_ORDER = Keyset(columns=(Thread.created_at, Thread.id), kinds=(datetime, int),
                     key_of=lambda t: (t.created_at, t.id), descending=False)


def expert_queue(user, specialty: str | None):
    """"Ask an expert" questions no expert has answered yet, in ``specialty``'s groups and in
    groups no specialist covers: a statement for ``keyset_page`` in ``QUEUE_ORDER``.

    Private groups ``user`` cannot see are filtered out in SQL.
    """
    return (select(Thread).join(Thread.group).options(contains_eager(Thread.group), joinedload(Thread.author))
            .where(*_queue_filter(user, specialty)))


def pending_applications() -> list[ExpertApplication]:
    return list(db.session.scalars(
        select(ExpertApplication).options(joinedload(ExpertApplication.user))
        .where(ExpertApplication.status == ApplicationStatus.PENDING)
        .order_by(ExpertApplication.created_at, ExpertApplication.id).limit(200)))


def latest_application(user) -> ExpertApplication | None:
    return db.session.scalar(
        select(ExpertApplication).options(joinedload(ExpertApplication.decided_by))
        .where(ExpertApplication.user_id == user.id)
        .order_by(ExpertApplication.created_at.desc(), ExpertApplication.id.desc()).limit(1))


def verified_experts() -> list[ExpertVerification]:
    """Current verifications with the expert and the verifier, by specialty then name."""
    return list(db.session.scalars(
        select(ExpertVerification).join(ExpertVerification.user)
        .options(contains_eager(ExpertVerification.user), joinedload(ExpertVerification.verified_by))
        .where(ExpertVerification.revoked_at.is_(None))
        .order_by(ExpertVerification.specialty, User.username_key).limit(500)))


def recent_audit(limit: int = 30) -> list[ExpertAuditEntry]:
    return list(db.session.scalars(
        select(ExpertAuditEntry)
        .options(joinedload(ExpertAuditEntry.actor), joinedload(ExpertAuditEntry.subject))
        .order_by(ExpertAuditEntry.created_at.desc(), ExpertAuditEntry.id.desc()).limit(limit)))


def _public_answers(viewer):
    return (
        Thread.kind == ThreadKind.QUESTION.value, Post.number > 1, permissions.visible_posts_clause(viewer),
    )


def recent_expert_answers(viewer, limit: int = 5) -> list[Post]:
    """The newest answers by currently verified experts that ``viewer`` may see.

    The experts' ids come first (a short list), so the answers are found through
    ``ix_posts_author_created`` from those authors' posts: the cost follows what
    experts wrote, not the size of the site (driving from the newest posts read
    every post of a site with few experts).
    """
    experts = list(db.session.scalars(
        select(ExpertVerification.user_id).where(ExpertVerification.revoked_at.is_(None))))
    if not experts:
        return []
    return list(db.session.scalars(
        select(Post).join(Post.thread).join(Thread.group).join(Post.author).join(User.current_verification)
        .options(contains_eager(Post.thread).contains_eager(Thread.group),
                 contains_eager(Post.author).contains_eager(User.current_verification))
        .where(Post.author_id.in_(experts), *_public_answers(viewer))
        .order_by(Post.created_at.desc(), Post.id.desc()).limit(limit)))


def recent_articles(limit: int = 4) -> list[Article]:
    return list(db.session.scalars(
        select(Article).options(joinedload(Article.author))
        .order_by(Article.created_at.desc(), Article.id.desc()).limit(limit)))


def answer_stats(viewer, author_id: int) -> dict[str, int]:
    """Answers given (not in one's own questions), accepted answers and helpful votes received,
    counted in the groups ``viewer`` may see."""
    row = db.session.execute(
        select(func.count(Post.id),
               func.coalesce(func.sum(case((Thread.accepted_post_id == Post.id, 1), else_=0)), 0),
               func.coalesce(func.sum(Post.helpful_count), 0))
        .select_from(Post).join(Post.thread).join(Thread.group)
        .where(Post.author_id == author_id, Thread.author_id.is_distinct_from(author_id),
               *_public_answers(viewer))
    ).one()
    return {"answers": row[0], "accepted": int(row[1]), "helpful": int(row[2])}
