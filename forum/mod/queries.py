"""Read side of the review queue and the audit log: bounded queries for /mod pages.

The queue shows one row per post, article comment, reported private message or
reported member, each post with all its open flags (loaded in one extra
query for the whole page, never per row); crisis and other urgent items are
always on top, then the oldest first.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import exists, select
from sqlalchemy.orm import joinedload

from forum.extensions import db
from forum.models import ArticleComment, DrugReview, Message, Post, Thread
from forum.models.moderation import Flag, ModerationAction, ReviewItem
from forum.pagination import Keyset

PAGE_SIZE = 50
LOG_ORDER = Keyset(columns=(ModerationAction.created_at, ModerationAction.id), kinds=(datetime, int),
                   key_of=lambda entry: (entry.created_at, entry.id))


def _in_groups(stmt, column, group_ids):
    return stmt if group_ids is None else stmt.where(column.in_(group_ids or [-1]))


def open_items(
    group_ids=None, *, reason: str | None = None, group_id: int | None = None, limit: int = PAGE_SIZE,
    private: bool = True,
) -> list[ReviewItem]:
    """``private=False`` leaves out private messages and reported members (the API's queue)."""
    stmt = (
        select(ReviewItem)
        .options(
            joinedload(ReviewItem.group),
            joinedload(ReviewItem.post).joinedload(Post.author),
            joinedload(ReviewItem.post).joinedload(Post.thread).joinedload(Thread.group),
            joinedload(ReviewItem.comment).joinedload(ArticleComment.author),
            joinedload(ReviewItem.comment).joinedload(ArticleComment.article),
            joinedload(ReviewItem.message).joinedload(Message.author),
            joinedload(ReviewItem.reported_user),
            joinedload(ReviewItem.review).joinedload(DrugReview.author),
            joinedload(ReviewItem.review).joinedload(DrugReview.drug),
        )
        .where(ReviewItem.is_open)
        .order_by(ReviewItem.is_urgent.desc(), ReviewItem.opened_at, ReviewItem.id)
        .limit(limit)
    )
    stmt = _in_groups(stmt, ReviewItem.group_id, group_ids)
    if group_id is not None:
        stmt = stmt.where(ReviewItem.group_id == group_id)
    if not private:
        stmt = stmt.where(ReviewItem.message_id.is_(None), ReviewItem.reported_user_id.is_(None))
    if reason:
        has_flag = exists().where(
            (Flag.post_id == ReviewItem.post_id) | (Flag.review_id == ReviewItem.review_id),
            Flag.reason == reason, Flag.resolved_at.is_(None)
        )
        stmt = stmt.where((ReviewItem.reason == reason) | has_flag)
    return list(db.session.scalars(stmt).unique())


def open_flags_by_post(post_ids: list[int], column=Flag.post_id) -> dict[int, list[Flag]]:
    """Open flags by post id (or by review id, with ``column=Flag.review_id``)."""
    if not post_ids:
        return {}
    flags = db.session.scalars(
        select(Flag)
        .options(joinedload(Flag.reporter))
        .where(column.in_(post_ids), Flag.resolved_at.is_(None))
        .order_by(Flag.created_at)
    )
    grouped: dict[int, list[Flag]] = {}
    for flag in flags:
        grouped.setdefault(getattr(flag, column.key), []).append(flag)
    return grouped


def log_entries(
    group_ids=None,
    *,
    action: str | None = None,
    moderator_id: int | None = None,
    target_user_id: int | None = None,
) :
    """The audit log's rows as a statement for ``keyset_page`` in ``LOG_ORDER`` (newest first)."""
    stmt = (
        select(ModerationAction)
        .options(
            joinedload(ModerationAction.moderator),
            joinedload(ModerationAction.target_user),
            joinedload(ModerationAction.group),
        )
    )
    stmt = _in_groups(stmt, ModerationAction.group_id, group_ids)
    if action:
        stmt = stmt.where(ModerationAction.action == action)
    if moderator_id is not None:
        stmt = stmt.where(ModerationAction.moderator_id == moderator_id)
    if target_user_id is not None:
        stmt = stmt.where(ModerationAction.target_user_id == target_user_id)
    return stmt


def latest_log_entries(group_ids=None, *, limit: int = PAGE_SIZE, **filters) -> list[ModerationAction]:
    """The newest ``limit`` audit-log rows (``log_entries`` filters)."""
    stmt = log_entries(group_ids, **filters)
    return list(db.session.scalars(stmt.order_by(*LOG_ORDER.order(True)).limit(limit)))


def has_flagged(user, post_id: int) -> bool:
    """``user`` has flagged this post before (one flag per person per post)."""
    return db.session.scalar(select(Flag.id).where(Flag.post_id == post_id, Flag.reporter_id == user.id)) \
        is not None
