"""Read-side queries shared by pages: each is one bounded SQL statement."""
from __future__ import annotations

import re

from flask import abort
from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager, joinedload

from forum import permissions
from forum.extensions import db
from forum.models import Group, ModerationAction, Post, Thread, User

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
_USERNAME = re.compile(r"[A-Za-z0-9_.-]{1,32}")


def thread_or_404(thread_id: int) -> Thread:
    """The thread with its group and author; 404 if there is none."""
    return db.one_or_404(select(Thread).options(joinedload(Thread.group), joinedload(Thread.author))
                         .where(Thread.id == thread_id))


def post_or_404(post_id: int) -> Post:
    """The post with its thread, group and author; 404 if there is none."""
    return db.one_or_404(select(Post).options(joinedload(Post.thread).joinedload(Thread.group),
                                              joinedload(Post.author)).where(Post.id == post_id))


def group_or_404(slug: str) -> Group:
    """The group with this slug; 404 for an unknown or impossible one (never sent to the database)."""
    if not _SLUG.fullmatch(slug or ""):
        abort(404)
    return db.one_or_404(select(Group).where(Group.slug == slug))


def user_or_404(username: str, *options) -> User:
    """The account with this username, in any case; 404 for an unknown or impossible one."""
    if not _USERNAME.fullmatch(username or ""):
        abort(404)
    return db.one_or_404(select(User).options(*options).where(User.username_key == username.lower()))


def popular_groups(limit: int = 6) -> list[Group]:
    return list(db.session.scalars(
        select(Group).where(Group.archived_at.is_(None))
        .order_by(Group.member_count.desc(), Group.name).limit(limit)
    ))


def all_groups() -> list[Group]:
    """Open groups, by name (archived ones are left out of the list; their pages stay)."""
    return list(db.session.scalars(select(Group).where(Group.archived_at.is_(None)).order_by(Group.name)))


def archived_groups() -> list[Group]:
    return list(db.session.scalars(select(Group).where(Group.archived_at.is_not(None)).order_by(Group.name)))


def recent_posts_by(user, author_id: int, limit: int = 10) -> list[Post]:
    """An author's latest posts that ``user`` may see (private groups filtered in SQL)."""
    stmt = (
        select(Post).join(Post.thread).join(Thread.group)
        .options(contains_eager(Post.thread).contains_eager(Thread.group))
        .where(Post.author_id == author_id, permissions.visible_posts_clause(user))
        .order_by(Post.created_at.desc()).limit(limit)
    )
    return list(db.session.scalars(stmt))


def post_count_by(user, author_id: int) -> int:
    """How many of an author's posts ``user`` may see: the "N posts" of a profile, counted
    with the same rule as ``recent_posts_by`` (the stored ``User.post_count`` counts every
    post, private groups included, and is for the owner alone)."""
    return db.session.scalar(select(func.count(Post.id)).join(Post.thread).join(Thread.group)
                             .where(Post.author_id == author_id, permissions.visible_posts_clause(user)))


def warnings_for(user_id: int, limit: int = 5) -> list[ModerationAction]:
    """The latest warnings and sanctions a member received (shown to them on their profile)."""
    return list(db.session.scalars(
        select(ModerationAction).options(joinedload(ModerationAction.moderator))
        .where(ModerationAction.target_user_id == user_id,
               ModerationAction.action.in_(["warn_user", "silence_user", "suspend_user"]))
        .order_by(ModerationAction.created_at.desc()).limit(limit)))
