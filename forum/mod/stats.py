"""Numbers for the moderation dashboard, each from one indexed, aggregating query.

Daily series group by calendar day (UTC) over a ``created_at`` range that an
index covers; the median time to review reads one row at the middle offset of
``review_seconds``. Nothing here loads rows per post, so the dashboard stays
fast on a large site. ``group_ids`` None means every group (site moderators);
a list scopes every number to those groups (group moderators).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from forum.extensions import db
from forum.models import Post, Thread, User, utcnow
from forum.models.moderation import REASON_LABELS, Flag, ModerationAction, ReviewItem

DAYS = 30


@dataclass(frozen=True)
class Bar:
    day: date
    count: int
    height: float  # 0..100, share of the tallest bar


def _day(column):
    """The UTC calendar day of a timestamp column, as 'YYYY-MM-DD', on either backend."""
    if db.engine.dialect.name == "postgresql":
        return func.to_char(func.timezone("UTC", column), "YYYY-MM-DD")
    return func.strftime("%Y-%m-%d", column)


def _scoped(stmt, group_column, group_ids):
    return stmt if group_ids is None else stmt.where(group_column.in_(group_ids or [-1]))


def open_by_reason(group_ids=None) -> list[tuple[str, str, int]]:
    stmt = _scoped(
        select(ReviewItem.reason, func.count()).where(ReviewItem.is_open).group_by(ReviewItem.reason),
        ReviewItem.group_id,
        group_ids,
    )
    rows = sorted(db.session.execute(stmt).all(), key=lambda r: (r[0] != "crisis", -r[1]))
    return [(reason, REASON_LABELS.get(reason, reason), count) for reason, count in rows]


def urgent_count(group_ids=None) -> int:
    stmt = select(func.count()).select_from(ReviewItem).where(ReviewItem.is_open, ReviewItem.is_urgent)
    return db.session.scalar(_scoped(stmt, ReviewItem.group_id, group_ids))


def median_review_seconds(group_ids=None, days: int = DAYS) -> int | None:
    """Median time from entering the queue to a decision, over the last ``days`` days."""
    since = utcnow() - timedelta(days=days)
    where = (ReviewItem.closed_at >= since, ReviewItem.review_seconds.is_not(None))
    count = db.session.scalar(
        _scoped(select(func.count()).select_from(ReviewItem).where(*where), ReviewItem.group_id, group_ids)
    )
    if not count:
        return None
    stmt = _scoped(select(ReviewItem.review_seconds).where(*where), ReviewItem.group_id, group_ids)
    return db.session.scalar(stmt.order_by(ReviewItem.review_seconds).offset((count - 1) // 2).limit(1))


def _series(rows, days: int) -> list[Bar]:
    counts = {str(day): n for day, n in rows}
    today = utcnow().date()
    values = [(today - timedelta(days=days - 1 - i), 0) for i in range(days)]
    values = [(d, counts.get(d.isoformat(), 0)) for d, _ in values]
    top = max((n for _, n in values), default=0) or 1
    return [Bar(d, n, round(100 * n / top, 1)) for d, n in values]


def flags_per_day(group_ids=None, days: int = DAYS) -> list[Bar]:
    since = utcnow().replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=days - 1)
    day = _day(Flag.created_at)
    stmt = select(day, func.count()).where(Flag.created_at >= since).group_by(day)
    if group_ids is not None:
        stmt = stmt.join(Post, Post.id == Flag.post_id).join(Thread, Thread.id == Post.thread_id)
        stmt = _scoped(stmt, Thread.group_id, group_ids)
    return _series(db.session.execute(stmt).all(), days)


def posts_per_day(group_ids=None, days: int = DAYS) -> list[Bar]:
    since = utcnow().replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=days - 1)
    day = _day(Post.created_at)
    stmt = select(day, func.count()).where(Post.created_at >= since).group_by(day)
    if group_ids is not None:
        stmt = _scoped(stmt.join(Thread, Thread.id == Post.thread_id), Thread.group_id, group_ids)
    return _series(db.session.execute(stmt).all(), days)


def most_flagged_members(group_ids=None, days: int = DAYS, limit: int = 5) -> list[tuple[User, int]]:
    since = utcnow() - timedelta(days=days)
    stmt = (
        select(Post.author_id, func.count(Flag.id).label("n"))
        .join(Post, Post.id == Flag.post_id)
        # Flags on anonymous posts would name their author to every moderator: left out.
        .where(Flag.created_at >= since, Post.author_id.is_not(None), Post.is_anonymous.is_(False))
        .group_by(Post.author_id)
        .order_by(func.count(Flag.id).desc(), Post.author_id)
        .limit(limit)
    )
    if group_ids is not None:
        stmt = _scoped(stmt.join(Thread, Thread.id == Post.thread_id), Thread.group_id, group_ids)
    rows = db.session.execute(stmt).all()
    users = {u.id: u for u in db.session.scalars(select(User).where(User.id.in_([r[0] for r in rows])))}
    return [(users[author_id], n) for author_id, n in rows if author_id in users]


def recent_actions(group_ids=None, limit: int = 10) -> list[ModerationAction]:
    stmt = (
        select(ModerationAction)
        .options(joinedload(ModerationAction.moderator), joinedload(ModerationAction.target_user))
        .order_by(ModerationAction.created_at.desc(), ModerationAction.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(_scoped(stmt, ModerationAction.group_id, group_ids)))
