"""Data rights: a member downloads what Askwell holds about them, or deletes their account.

The export holds the person's own data only: their profile, sessions, group
memberships, every post they wrote with its earlier versions, and their
Second Opinion articles and comments. A thread's
title is someone else's words when they only replied, so it is included only
while they can still see that thread.

Deleting an account anonymizes its posts by default (shown as "A former
member"), or on request removes their text, leaving placeholders that keep
threads readable. Memberships go, counters are corrected, and any other row
that points at the account is cleared or removed according to its foreign key,
so tables added later are covered too.
"""
from __future__ import annotations

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import joinedload

from forum import permissions
from forum.actions import ActionError
from forum.actions.accounts import verify_password
from forum.extensions import db
from forum.models import (Article, ArticleComment, Group, Membership, MembershipStatus, Post, PostRevision,
                          Thread, User, UserSession, utcnow)

EXPORT_FORMAT = "askwell-member-data/1"


def _iso(moment):
    return moment.isoformat() if moment else None


def export_user_data(user: User) -> dict:
    """Everything about ``user`` that is theirs, as JSON-ready data."""
    memberships = list(db.session.scalars(
        select(Membership).options(joinedload(Membership.group)).where(Membership.user_id == user.id)
    ))
    posts = list(db.session.scalars(
        select(Post).options(joinedload(Post.thread).joinedload(Thread.group))
        .where(Post.author_id == user.id).order_by(Post.created_at)
    ))
    revisions: dict[int, list[PostRevision]] = {}
    for rev in db.session.scalars(select(PostRevision).join(Post, Post.id == PostRevision.post_id)
                                  .where(Post.author_id == user.id).order_by(PostRevision.replaced_at)):
        revisions.setdefault(rev.post_id, []).append(rev)
    return {
        "format": EXPORT_FORMAT,
        "exported_at": _iso(utcnow()),
        "profile": {
            "username": user.username, "email": user.email, "display_name": user.display_name,
            "bio": user.bio, "role": user.role, "joined_at": _iso(user.created_at),
            "post_count": user.post_count,
        },
        "sessions": [{"started_at": _iso(s.created_at), "expires_at": _iso(s.expires_at),
                      "browser": s.user_agent}
                     for s in db.session.scalars(select(UserSession).where(UserSession.user_id == user.id))],
        "memberships": [{"group": m.group.name, "group_slug": m.group.slug, "status": m.status,
                         "role": m.role, "since": _iso(m.created_at), "request_note": m.request_note}
                        for m in memberships],
        "posts": [_export_post(user, post, revisions.get(post.id, [])) for post in posts],
        "articles": [{"id": a.id, "title": a.title, "summary": a.summary, "text": a.body_source,
                      "sources": a.sources_source, "created_at": _iso(a.created_at), "edited_at": _iso(a.edited_at)}
                     for a in db.session.scalars(select(Article).where(Article.author_id == user.id)
                                                 .order_by(Article.created_at))],
        "comments": [{"id": c.id, "article_id": c.article_id, "created_at": _iso(c.created_at),
                      "deleted_at": _iso(c.deleted_at), "text": c.body_source}
                     for c in db.session.scalars(select(ArticleComment).where(ArticleComment.author_id == user.id)
                                                 .order_by(ArticleComment.created_at))],
    }


def _export_post(user: User, post: Post, history: list[PostRevision]) -> dict:
    thread = post.thread
    own_thread = thread.author_id == user.id
    visible = own_thread or permissions.can_view_thread(user, thread)
    return {
        "id": post.id, "group": thread.group.name, "thread_id": thread.id,
        "thread_title": thread.title if visible else None,
        "number": post.number, "created_at": _iso(post.created_at), "edited_at": _iso(post.edited_at),
        "deleted_at": _iso(post.deleted_at), "text": post.body_source,
        "earlier_versions": [{"written_at": _iso(r.written_at), "replaced_at": _iso(r.replaced_at),
                              "title": r.title if own_thread else None, "text": r.body_source}
                             for r in history],
    }


def delete_account(user: User, password: str, *, remove_posts: bool = False) -> None:
    """Delete ``user``'s account after checking their password.

    Raises ActionError if the password is wrong, or if they are the last admin.
    """
    if not verify_password(user, password):
        raise ActionError("That password is not right, so your account was not deleted.")
    if user.is_admin and db.session.scalar(
            select(func.count()).select_from(User).where(User.role == user.role)) <= 1:
        raise ActionError("You are the only admin. Make someone else an admin first.")
    if remove_posts:
        _remove_posts(user)
    _leave_all_groups(user)
    _detach_everything(user)
    db.session.execute(delete(User).where(User.id == user.id))
    db.session.commit()


def _remove_posts(user: User) -> None:
    """Erase the person's text; placeholders keep thread numbering and replies readable."""
    now = utcnow()
    live_replies = (select(Post.thread_id, func.count().label("n"))
                    .where(Post.author_id == user.id, Post.deleted_at.is_(None), Post.number > 1)
                    .group_by(Post.thread_id))
    for thread_id, n in db.session.execute(live_replies).all():
        db.session.execute(update(Thread).where(Thread.id == thread_id)
                           .values(reply_count=Thread.reply_count - n))
    own_posts = select(Post.id).where(Post.author_id == user.id).scalar_subquery()
    db.session.execute(delete(PostRevision).where(PostRevision.post_id.in_(own_posts)))
    db.session.execute(update(Post).where(Post.author_id == user.id, Post.deleted_at.is_(None))
                       .values(deleted_at=now))
    db.session.execute(update(Post).where(Post.author_id == user.id)
                       .values(body_source="", body_html="", revision_count=0, edited_at=None))
    _remove_comments(user, now)


def _remove_comments(user: User, now) -> None:
    live = (select(ArticleComment.article_id, func.count().label("n"))
            .where(ArticleComment.author_id == user.id, ArticleComment.deleted_at.is_(None))
            .group_by(ArticleComment.article_id))
    for article_id, n in db.session.execute(live).all():
        db.session.execute(update(Article).where(Article.id == article_id)
                           .values(comment_count=Article.comment_count - n))
    db.session.execute(update(ArticleComment).where(ArticleComment.author_id == user.id,
                                                    ArticleComment.deleted_at.is_(None))
                       .values(deleted_at=now, deleted_by_id=user.id))
    db.session.execute(update(ArticleComment).where(ArticleComment.author_id == user.id)
                       .values(body_source="", body_html=""))


def _leave_all_groups(user: User) -> None:
    active = select(Membership.group_id).where(Membership.user_id == user.id,
                                               Membership.status == MembershipStatus.ACTIVE.value)
    db.session.execute(update(Group).where(Group.id.in_(active.scalar_subquery()))
                       .values(member_count=Group.member_count - 1))
    db.session.execute(delete(Membership).where(Membership.user_id == user.id))


def _detach_everything(user: User) -> None:
    """Clear or delete every row that references the account, per its foreign key."""
    users = User.__table__
    for table in db.metadata.sorted_tables:
        if table is users:
            continue
        for fk in table.foreign_keys:
            if fk.column.table is not users:
                continue
            column = fk.parent
            if (fk.ondelete or "").upper() == "CASCADE" or not column.nullable:
                db.session.execute(table.delete().where(column == user.id))
            else:
                db.session.execute(table.update().where(column == user.id).values({column.name: None}))

