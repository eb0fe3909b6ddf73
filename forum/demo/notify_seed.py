"""Demo notifications: the demo member comes back to replies, a followed group and a bookmark.

The seeder writes its history with jobs paused (nobody is emailed about the demo's
past); the threads people started or replied to are watched by the verbs as on
the site. This then runs the real fan-out for the latest replies in the demo
member's threads, so the bell shows unread notifications, with no email sent.
"""
from __future__ import annotations

from sqlalchemy import select

from forum.actions import fanout
from forum.extensions import db
from forum.models import Bookmark, GroupFollow, Membership, Post, Thread, ThreadWatch, User, WatchLevel, utcnow

REPLIES = 4


def seed_notifications(member: User) -> None:
    watched = select(ThreadWatch.thread_id).where(ThreadWatch.user_id == member.id,
                                                  ThreadWatch.level == WatchLevel.WATCH.value)
    latest = db.session.scalars(
        select(Post).join(Thread, Thread.id == Post.thread_id)
        .where(Post.thread_id.in_(watched), Post.author_id != member.id, Post.number > 1,
               Post.deleted_at.is_(None), Post.hidden_at.is_(None))
        .order_by(Post.created_at.desc()).limit(REPLIES)).all()
    group_id = db.session.scalar(select(Membership.group_id).where(Membership.user_id == member.id).limit(1))
    if group_id is not None and db.session.get(GroupFollow, (member.id, group_id)) is None:
        db.session.add(GroupFollow(user_id=member.id, group_id=group_id, created_at=utcnow()))
    if latest:
        db.session.merge(Bookmark(user_id=member.id, post_id=latest[0].id, created_at=utcnow()))
    db.session.commit()
    for post in reversed(latest):
        fanout.reply_posted(post.id)
