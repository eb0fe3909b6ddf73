"""Data rights: a member downloads what Askwell holds about them, or deletes their account.

The export holds the person's own data only: their profile, sessions, API tokens
(names and dates, never the secret), group memberships, every post they wrote with its earlier versions, their
Second Opinion articles and comments, their private conversations (with
the messages they could read there, whom they blocked and who may message
them), their My Medicine lists, what they sent through the contact form, their
notifications, follows, bookmarks and email choices, and newsletter subscriptions. A thread's
title is someone else's words when they only replied, so it is included only
while they can still see that thread.

Deleting an account anonymizes its posts by default (shown as "A former
member"), or on request removes their text, leaving placeholders that keep
threads readable; the same choice applies to their private messages, which
the other people in a conversation then see from "A former member". A
conversation nobody is left in is deleted. Memberships go, counters are corrected, and any other row
that points at the account is cleared or removed according to its foreign key,
so tables added later are covered too.
"""
from __future__ import annotations

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import joinedload, selectinload

from forum import permissions
from forum.actions import ActionError, following
from forum.actions.accounts import verify_password
from forum.extensions import db
from forum.medicine.queries import export_for as medicine_export
from forum.models import (
    ApiToken,
    Article,
    ArticleComment,
    Block,
    ContactMessage,
    Conversation,
    ConversationParticipant,
    Group,
    Membership,
    MembershipStatus,
    Message,
    NewsletterSubscriber,
    Post,
    PostRevision,
    Thread,
    User,
    UserSession,
    utcnow,
)

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
        "api_tokens": [{"name": t.name, "scope": t.scope, "created_at": _iso(t.created_at),
                        "last_used_at": _iso(t.last_used_at), "revoked_at": _iso(t.revoked_at)}
                       for t in db.session.scalars(select(ApiToken).where(ApiToken.user_id == user.id)
                                                   .order_by(ApiToken.created_at))],
        "comments": [{"id": c.id, "article_id": c.article_id, "created_at": _iso(c.created_at),
                      "deleted_at": _iso(c.deleted_at), "text": c.body_source}
                     for c in db.session.scalars(select(ArticleComment).where(ArticleComment.author_id == user.id)
                                                 .order_by(ArticleComment.created_at))],
        "my_medicine": medicine_export(user),
        "message_settings": {"who_may_message_me": user.message_policy,
                             "blocked": [b.blocked.username for b in db.session.scalars(
                                 select(Block).options(joinedload(Block.blocked)).where(Block.blocker_id == user.id)
                                 .order_by(Block.created_at))]},
        "conversations": _export_conversations(user),
        "contact_messages": [{"sent_at": _iso(m.created_at), "topic": m.topic, "name": m.name, "email": m.email,
                              "text": m.body_source, "handled_at": _iso(m.closed_at)}
                             for m in db.session.scalars(select(ContactMessage).where(ContactMessage.sender_id == user.id)
                                                         .order_by(ContactMessage.created_at))],
        "drug_reviews": _export_reviews(user),
        **following.export_for(user),
        "newsletter": _export_newsletter(user),
    }


def _export_conversations(user: User) -> list[dict]:
    """The person's conversations with every message they can read there (their own, and
    others' unless a moderator hid it), in three queries."""
    rows = list(db.session.scalars(
        select(ConversationParticipant)
        .options(joinedload(ConversationParticipant.conversation).selectinload(Conversation.participants)
                 .joinedload(ConversationParticipant.user))
        .where(ConversationParticipant.user_id == user.id).order_by(ConversationParticipant.conversation_id)))
    ids = [p.conversation_id for p in rows]
    messages: dict[int, list[Message]] = {}
    for m in db.session.scalars(select(Message).options(joinedload(Message.author))
                                .where(Message.conversation_id.in_(ids or [-1]))
                                .order_by(Message.created_at, Message.id)):
        messages.setdefault(m.conversation_id, []).append(m)

    def _from(m: Message) -> str:
        return "me" if m.author_id == user.id else (m.author.username if m.author else "A former member")

    return [{"id": p.conversation_id, "started_at": _iso(p.conversation.created_at),
             "with": [o.user.username for o in p.conversation.participants if o.user_id != user.id],
             "messages": [{"from": _from(m), "sent_at": _iso(m.created_at),
                           "text": m.body_source if m.author_id == user.id or not m.is_hidden else None}
                          for m in messages.get(p.conversation_id, []) if not m.is_deleted]}
            for p in rows]


def _export_reviews(user: User) -> list[dict]:
    from forum.models.reviews import RATINGS, DrugReview

    return [{"id": r.id, "drug": r.drug.name, "condition": r.condition, "duration": r.duration,
             "side_effects": list(r.side_effects), **{name: getattr(r, name) for name in RATINGS},
             "created_at": _iso(r.created_at), "edited_at": _iso(r.edited_at), "deleted_at": _iso(r.deleted_at),
             "text": r.body_source}
            for r in db.session.scalars(select(DrugReview).where(DrugReview.author_id == user.id)
                                        .order_by(DrugReview.created_at))]


def _export_newsletter(user: User) -> list[dict]:
    """The newsletter subscriptions tied to the account or for its address."""
    return [{"email": s.email, "topics": s.topic_keys, "signed_up_at": _iso(s.created_at),
             "confirmed_at": _iso(s.confirmed_at)}
            for s in db.session.scalars(select(NewsletterSubscriber).options(selectinload(NewsletterSubscriber.topics))
                                        .where(_newsletter_of(user))
                                        .order_by(NewsletterSubscriber.id))]


def _newsletter_of(user: User):
    return or_(NewsletterSubscriber.user_id == user.id, NewsletterSubscriber.email == user.email)


def _export_post(user: User, post: Post, history: list[PostRevision]) -> dict:
    thread = post.thread
    own_thread = thread.author_id == user.id
    visible = own_thread or permissions.can_view_thread(user, thread)
    return {
        "id": post.id, "group": thread.group.name, "thread_id": thread.id,
        "thread_title": thread.title if visible else None,
        "number": post.number, "created_at": _iso(post.created_at), "edited_at": _iso(post.edited_at),
        "deleted_at": _iso(post.deleted_at), "text": post.body_source,
        "anonymous": bool(post.is_anonymous),  # posted as an anonymous member: theirs, still in the export
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
    conversations = select(ConversationParticipant.conversation_id).where(ConversationParticipant.user_id == user.id)
    conversation_ids = list(db.session.scalars(conversations))
    if remove_posts:
        _remove_posts(user)
        _remove_messages(user)
    _leave_all_groups(user)
    # Every newsletter email stops at once, for the account's address too (issue 15).
    db.session.execute(delete(NewsletterSubscriber).where(_newsletter_of(user)))
    _detach_everything(user)
    db.session.execute(delete(User).where(User.id == user.id))
    _delete_empty_conversations(conversation_ids)
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
    _remove_reviews(user)


def _remove_reviews(user: User) -> None:
    """Drug reviews are the person's health experiences: removed whole (side effects, history, votes, flags)."""
    from forum.models.reviews import DrugReview

    for review in db.session.scalars(select(DrugReview).where(DrugReview.author_id == user.id)):
        db.session.delete(review)
    db.session.flush()


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


def _remove_messages(user: User) -> None:
    """Erase the text of the person's private messages; the others see "This message was removed"."""
    db.session.execute(update(Message).where(Message.author_id == user.id)
                       .values(body_source="", body_html="", deleted_at=utcnow()))


def _delete_empty_conversations(conversation_ids: list[int]) -> None:
    """Conversations nobody is left in go, with their messages."""
    if not conversation_ids:
        return
    still_there = select(ConversationParticipant.conversation_id).where(
        ConversationParticipant.conversation_id.in_(conversation_ids))
    empty = select(Conversation.id).where(Conversation.id.in_(conversation_ids), Conversation.id.not_in(still_there))
    empty_ids = list(db.session.scalars(empty))
    if empty_ids:
        db.session.execute(delete(Message).where(Message.conversation_id.in_(empty_ids)))
        db.session.execute(delete(Conversation).where(Conversation.id.in_(empty_ids)))


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

