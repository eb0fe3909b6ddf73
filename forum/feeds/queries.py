"""What each feed shows: one bounded statement per feed, authors loaded with the rows.

A group feed lists its newest threads (by the index on group and creation time) with
their opening posts; a thread feed its newest public posts (by the (thread, number)
index); Second Opinion its newest articles (by ``ix_articles_created_at``).
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import contains_eager, joinedload

from forum import permissions
from forum.extensions import db
from forum.models import Article, Group, Post, Thread

FEED_SIZE = 20


def group_feed_items(group: Group, limit: int = FEED_SIZE) -> list[Post]:
    """The opening posts of ``group``'s newest listed threads whose opening post is public."""
    return list(db.session.scalars(
        select(Post).join(Post.thread)
        .options(contains_eager(Post.thread), joinedload(Post.author))
        .where(Thread.group_id == group.id, permissions.visible_threads_clause(), Thread.merged_into_id.is_(None),
               Post.number == 1, permissions.syndicated_posts_clause())
        .order_by(Thread.created_at.desc(), Thread.id.desc()).limit(limit)))


def thread_feed_items(thread: Thread, limit: int = FEED_SIZE) -> list[Post]:
    """``thread``'s newest public posts, newest first."""
    return list(db.session.scalars(
        select(Post).options(joinedload(Post.author))
        .where(Post.thread_id == thread.id, permissions.syndicated_posts_clause())
        .order_by(Post.number.desc()).limit(limit)))


def article_feed_items(limit: int = FEED_SIZE) -> list[Article]:
    return list(db.session.scalars(
        select(Article).options(joinedload(Article.author))
        .order_by(Article.created_at.desc(), Article.id.desc()).limit(limit)))
