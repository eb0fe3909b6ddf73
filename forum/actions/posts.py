"""Thread and post actions: asking, replying, editing with history, deleting.

Every text goes through the publishing pipeline (``forum.publishing.prepare``)
first: the safety step, the automatic rules, the rate limit and the sanitizer.
What it found is applied to the new post in the same transaction
(``audit.queue_new_text``): crisis language is queued as urgent, held text is
written hidden and queued.

One verb per act, with the actor as a parameter: ``delete_post`` serves the
author and a moderator alike, and writes an audit row when the actor is not the
author. Counters (thread posts and replies, group threads and posts, answer
counters, activity times) change in the same transaction as the post, with SQL
arithmetic so that concurrent writers never lose an update.
"""
from __future__ import annotations

from sqlalchemy import update

from forum import jobs, publishing
from forum.actions import ActionError, audit, notify
from forum.actions.qa import refresh_answer_counters
from forum.experts.alerts import tell_moderators_no_specialist
from forum.experts.audience import uncovered_among
from forum.extensions import db
from forum.models import Group, Post, PostRevision, Thread, ThreadKind, User, utcnow


def _next_number(thread: Thread) -> int:
    return db.session.execute(
        update(Thread).where(Thread.id == thread.id)
        .values(post_count=Thread.post_count + 1)
        .returning(Thread.post_count)
    ).scalar_one()


def _thread_kind(kind) -> ThreadKind:
    try:
        return ThreadKind(kind)
    except ValueError:
        raise ActionError("Choose whether you are asking a question or starting a discussion.") from None


def _anonymous(group: Group, wanted: bool) -> bool:
    """Anonymous only where the group allows it: a forged ``anonymous=1`` elsewhere is ignored."""
    return bool(wanted) and bool(group.allows_anonymous)


def start_thread(author: User, group: Group, kind: ThreadKind | str, title: str, body: str, *,
                 ask_expert: bool = False, anonymous: bool = False, choice: str = "",
                 screen: bool = True) -> Thread:
    """Open a question or discussion in ``group``; its body becomes post number 1.

    ``ask_expert`` (questions only) puts the question in the expert queue. ``anonymous``
    ("Post as an anonymous member") counts only in a group that allows it; the author is
    still the account, so the pipeline's standing checks and rate limit apply to it.
    ``choice`` is the author's answer on the safety panel; ``screen=False`` skips
    the safety step, rules and rate limit (the demo seeder and importers).
    Raises ``ActionError`` or ``publishing.NeedsConfirmation``.
    """
    kind = _thread_kind(kind)
    text = publishing.prepare(author, publishing.THREAD, body, title=title, choice=choice, screen=screen)
    now = utcnow()
    anonymous = _anonymous(group, anonymous)
    thread = Thread(group_id=group.id, author_id=author.id, title=text.title, kind=kind.value,
                    created_at=now, last_activity_at=now, post_count=1, is_anonymous=anonymous,
                    asks_expert=ask_expert and kind == ThreadKind.QUESTION)
    db.session.add(thread)
    db.session.flush()
    post = Post(thread_id=thread.id, author_id=author.id, number=1, body_source=text.body,
                body_html=text.html, created_at=now, is_anonymous=anonymous)
    db.session.add(post)
    db.session.flush()
    audit.queue_new_text(post, text)
    db.session.execute(
        update(Group).where(Group.id == group.id).values(
            thread_count=Group.thread_count + 1, post_count=Group.post_count + 1, last_activity_at=now)
    )
    db.session.execute(update(User).where(User.id == author.id).values(post_count=User.post_count + 1))
    notify.thread_started(thread, post)
    if thread.asks_expert and screen:
        # No specialist covers the group? Moderators are told (the job checks; imports and the seeder skip it).
        _tell_if_no_specialist(thread)
    db.session.commit()
    return thread


def _tell_if_no_specialist(thread: Thread) -> None:
    if uncovered_among([thread.group_id]):
        jobs.enqueue(tell_moderators_no_specialist, thread.id)


def post_reply(author: User, thread: Thread, body: str, *, anonymous: bool = False, choice: str = "",
               screen: bool = True) -> Post:
    """Add a reply (an answer, on a question); ``anonymous`` as in ``start_thread``.
    Raises ``ActionError`` or ``publishing.NeedsConfirmation``."""
    if thread.is_locked:
        raise ActionError("This thread is locked; no new replies can be added.")
    text = publishing.prepare(author, publishing.REPLY, body, choice=choice, screen=screen)
    now = utcnow()
    post = Post(thread_id=thread.id, author_id=author.id, number=_next_number(thread),
                body_source=text.body, body_html=text.html, created_at=now,
                is_anonymous=_anonymous(thread.group, anonymous))
    db.session.add(post)
    db.session.flush()
    audit.queue_new_text(post, text)
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
    notify.reply_posted(post)
    db.session.commit()
    return post


def edit_post(editor: User, post: Post, body: str, title: str | None = None, *, reason: str = "",
              choice: str = "", screen: bool = True) -> Post:
    """Replace a post's text, keeping the previous version in its history.

    ``title`` applies to the opening post only (it renames the thread). An
    author's edit passes the whole pipeline again; a moderator's edit of
    someone else's post skips the author's safety step and rules, and is written
    to the moderation log with ``reason``.
    """
    if post.is_deleted:
        raise ActionError("A deleted post cannot be edited.")
    thread = post.thread
    by_author = editor.id == post.author_id
    text = publishing.prepare(editor, publishing.EDIT, body, title=title if post.is_opening else None,
                              choice=choice, screen=by_author and screen)
    if text.body == post.body_source and text.title in (None, thread.title):
        raise ActionError("Nothing changed, so nothing was saved.")
    now = utcnow()
    db.session.add(PostRevision(
        post_id=post.id, editor_id=editor.id,
        title=thread.title if post.is_opening else None,
        body_source=post.body_source, body_html=post.body_html,
        written_at=post.edited_at or post.created_at, replaced_at=now,
    ))
    post.body_source, post.body_html, post.edited_at = text.body, text.html, now
    post.revision_count = (post.revision_count or 0) + 1
    if text.title is not None:
        thread.title = text.title
    if by_author:
        audit.queue_new_text(post, text)
    else:
        audit.record_post(editor, "edit_post", post, reason)
        notify.post_moderated(editor, post, "edited", reason)
    db.session.commit()
    return post


def delete_post(actor: User, post: Post, reason: str = "") -> Post:
    """Soft-delete a post, by its author or a moderator: the text goes from view but the
    thread stays readable. A reply stops counting as a reply and as an answer (an
    accepted or expert answer included, so the question returns to the expert
    queue); the post's review-queue row closes; a moderator's delete is audited.
    """
    if post.is_deleted:
        raise ActionError("That post was already deleted.")
    post.deleted_at, post.deleted_by_id = utcnow(), actor.id
    if actor.id != post.author_id:
        audit.record_post(actor, "delete_post", post, reason)
        notify.post_moderated(actor, post, "deleted", reason)
    audit.close_review(post, actor, "withdrawn" if actor.id == post.author_id else "delete")
    if not post.is_opening:
        db.session.execute(
            update(Thread).where(Thread.id == post.thread_id).values(reply_count=Thread.reply_count - 1)
        )
        db.session.flush()
        refresh_answer_counters([post.thread_id])
    db.session.commit()
    return post
