"""Thread and post actions: asking, replying, editing with history, deleting.

Every post passes the automatic moderation rules (``moderation.rules.screen``)
in the same transaction: a blocked post raises ``ActionError``; a held one is
written hidden and queued; crisis language queues it as urgent.

Counters (thread posts and replies, group threads and posts, activity times)
change in the same transaction as the post, with SQL arithmetic so that
concurrent writers never lose an update.
"""
from __future__ import annotations

from sqlalchemy import update

from forum.actions import ActionError, limits
from forum.actions.qa import refresh_answer_counters
from forum.extensions import db
from forum.models import Group, Post, PostRevision, Thread, ThreadKind, User, utcnow
from moderation import audit, rules
from moderation.sanitize import render_markdown


def check_title(title: str) -> str:
    title = " ".join(title.split())
    if len(title) < limits.TITLE_MIN:
        raise ActionError(f"Give your title at least {limits.TITLE_MIN} characters so people know what it is about.")
    if len(title) > limits.TITLE_MAX:
        raise ActionError(f"Keep your title to {limits.TITLE_MAX} characters (it has {len(title)}).")
    return title


def check_body(body: str) -> str:
    body = body.replace("\r\n", "\n").strip()
    if len(body) < limits.BODY_MIN:
        raise ActionError("Write something before posting.")
    if len(body) > limits.BODY_MAX:
        raise ActionError(f"Posts can be up to {limits.BODY_MAX:,} characters; this one has {len(body):,}.")
    return body


def _next_number(thread: Thread) -> int:
    return db.session.execute(
        update(Thread).where(Thread.id == thread.id)
        .values(post_count=Thread.post_count + 1)
        .returning(Thread.post_count)
    ).scalar_one()


def _screen(author: User, text: str, enabled: bool):
    screening = rules.screen(author, text) if enabled else rules.Screening()
    if screening.block:
        raise ActionError(screening.block)
    return screening


def start_thread(author: User, group: Group, kind: ThreadKind | str, title: str, body: str, *,
                 ask_expert: bool = False, screen: bool = True) -> Thread:
    """Open a question or discussion in ``group``; its body becomes post number 1.

    ``ask_expert`` (questions only) puts the question in the expert queue.
    ``screen=False`` skips the automatic rules (the demo seeder and importers).
    """
    title, body = check_title(title), check_body(body)
    kind = ThreadKind(kind)
    screening = _screen(author, f"{title}\n\n{body}", screen)
    now = utcnow()
    thread = Thread(group_id=group.id, author_id=author.id, title=title, kind=kind.value,
                    created_at=now, last_activity_at=now, post_count=1,
                    asks_expert=ask_expert and kind == ThreadKind.QUESTION)
    db.session.add(thread)
    db.session.flush()
    post = Post(thread_id=thread.id, author_id=author.id, number=1, body_source=body,
                body_html=render_markdown(body), created_at=now)
    db.session.add(post)
    db.session.flush()
    audit.screen_new_post(post, screening)
    db.session.execute(
        update(Group).where(Group.id == group.id).values(
            thread_count=Group.thread_count + 1, post_count=Group.post_count + 1, last_activity_at=now)
    )
    db.session.execute(update(User).where(User.id == author.id).values(post_count=User.post_count + 1))
    db.session.commit()
    return thread


def post_reply(author: User, thread: Thread, body: str, *, screen: bool = True) -> Post:
    body = check_body(body)
    if thread.is_locked:
        raise ActionError("This thread is locked; no new replies can be added.")
    screening = _screen(author, body, screen)
    now = utcnow()
    post = Post(thread_id=thread.id, author_id=author.id, number=_next_number(thread),
                body_source=body, body_html=render_markdown(body), created_at=now)
    db.session.add(post)
    db.session.flush()
    audit.screen_new_post(post, screening)
    db.session.execute(
        update(Thread).where(Thread.id == thread.id)
        .values(reply_count=Thread.reply_count + 1, last_activity_at=now)
    )
    db.session.execute(
        update(Group).where(Group.id == thread.group_id)
        .values(post_count=Group.post_count + 1, last_activity_at=now)
    )
    db.session.execute(update(User).where(User.id == author.id).values(post_count=User.post_count + 1))
    if thread.is_question:
        db.session.flush()
        refresh_answer_counters([thread.id])
    db.session.commit()
    return post


def edit_post(editor: User, post: Post, body: str, title: str | None = None, *, reason: str = "",
              screen: bool = True) -> Post:
    """Replace a post's text, keeping the previous version in its history.

    ``title`` applies to the opening post only (it renames the thread). An
    author's edit passes the automatic rules again; a moderator's edit of
    someone else's post is written to the moderation log with ``reason``.
    """
    if post.is_deleted:
        raise ActionError("A deleted post cannot be edited.")
    body = check_body(body)
    thread = post.thread
    new_title = check_title(title) if (title is not None and post.is_opening) else None
    if body == post.body_source and (new_title is None or new_title == thread.title):
        raise ActionError("Nothing changed, so nothing was saved.")
    by_author = editor.id == post.author_id
    screening = _screen(editor, f"{new_title or ''}\n\n{body}", by_author and screen)
    now = utcnow()
    db.session.add(PostRevision(
        post_id=post.id, editor_id=editor.id,
        title=thread.title if post.is_opening else None,
        body_source=post.body_source, body_html=post.body_html,
        written_at=post.edited_at or post.created_at, replaced_at=now,
    ))
    post.body_source = body
    post.body_html = render_markdown(body)
    post.edited_at = now
    post.revision_count = (post.revision_count or 0) + 1
    if new_title is not None:
        thread.title = new_title
    if by_author:
        audit.screen_new_post(post, screening)
    else:
        audit.record_post(editor, "edit_post", post, reason)
    db.session.commit()
    return post


def delete_post(actor: User, post: Post, reason: str = "") -> Post:
    """Soft-delete: the text goes from view but the thread stays readable."""
    if post.is_deleted:
        raise ActionError("That post was already deleted.")
    post.deleted_at = utcnow()
    post.deleted_by_id = actor.id
    if actor.id != post.author_id:
        audit.record_post(actor, "delete_post", post, reason)
    if not post.is_opening:
        db.session.execute(
            update(Thread).where(Thread.id == post.thread_id).values(reply_count=Thread.reply_count - 1)
        )
        db.session.flush()
        refresh_answer_counters([post.thread_id])
    db.session.commit()
    return post
