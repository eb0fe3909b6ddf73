"""Read-side queries shared by pages: each is one bounded SQL statement."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import contains_eager, joinedload

from forum import permissions
from forum.extensions import db
from forum.models import Group, Post, Thread, ThreadKind


def popular_groups(limit: int = 6) -> list[Group]:
    return list(db.session.scalars(
        select(Group).order_by(Group.member_count.desc(), Group.name).limit(limit)
    ))


def all_groups() -> list[Group]:
    return list(db.session.scalars(select(Group).order_by(Group.name)))


def recent_threads(user, *, kind: ThreadKind | None = None, limit: int = 10) -> list[Thread]:
    """Newest threads in groups ``user`` may see, with group and author loaded."""
    stmt = (
        select(Thread).join(Thread.group).options(contains_eager(Thread.group), joinedload(Thread.author))
        .where(permissions.visible_groups_clause(user), permissions.visible_threads_clause())
        .order_by(Thread.created_at.desc()).limit(limit)
    )
    if kind is not None:
        stmt = stmt.where(Thread.kind == kind.value)
    return list(db.session.scalars(stmt))


def recent_posts_by(user, author_id: int, limit: int = 10) -> list[Post]:
    """An author's latest posts that ``user`` may see (private groups filtered in SQL)."""
    stmt = (
        select(Post).join(Post.thread).join(Thread.group)
        .options(contains_eager(Post.thread).contains_eager(Thread.group))
        .where(Post.author_id == author_id, Post.deleted_at.is_(None), Post.hidden_at.is_(None),
               permissions.visible_groups_clause(user))
        .order_by(Post.created_at.desc()).limit(limit)
    )
    return list(db.session.scalars(stmt))
