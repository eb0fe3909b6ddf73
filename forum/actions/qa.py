"""Q&A actions: helpful votes, accepted answers and the expert-answer counters.

Only public replies to questions are answers: a deleted post, or one hidden by
moderation, is never voted on, accepted or counted. Counters change with SQL
arithmetic in the same transaction as the row they mirror, so concurrent
voters never lose an update.
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import and_, delete, distinct, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from forum.actions import ActionError, notify
from forum.extensions import db
from forum.models import ExpertVerification, HelpfulVote, Post, Thread, User


def _require_answer(post: Post) -> None:
    if not post.thread.is_question or post.is_opening:
        raise ActionError("Only answers to a question can be marked helpful or accepted.")
    if not post.is_public:
        raise ActionError("That answer is no longer available.")


def toggle_helpful(voter: User, post: Post) -> bool:
    """Mark ``post`` helpful for ``voter``, or take the mark back. Returns True if now marked.

    Raises ActionError for one's own post or a post that is not a public answer.
    """
    _require_answer(post)
    if post.author_id == voter.id:
        raise ActionError("You can't mark your own answer as helpful.")
    key = {"post_id": post.id, "user_id": voter.id}
    removed = db.session.execute(delete(HelpfulVote).filter_by(**key)).rowcount
    if removed:
        delta, marked = -1, False
    else:
        try:
            with db.session.begin_nested():
                db.session.execute(insert(HelpfulVote).values(**key))
        except IntegrityError:  # a second click raced the first: the vote stands
            db.session.commit()
            return True
        delta, marked = 1, True
        notify.marked_helpful(voter, post)
    db.session.execute(update(Post).where(Post.id == post.id)
                       .values(helpful_count=Post.helpful_count + delta))
    db.session.commit()
    db.session.refresh(post)
    return marked


def accept_answer(actor: User, post: Post) -> bool:
    """Make ``post`` its question's accepted answer, or un-accept it. Returns True if now accepted."""
    _require_answer(post)
    thread = post.thread
    accepted = thread.accepted_post_id != post.id
    thread.accepted_post_id = post.id if accepted else None
    if accepted:
        notify.answer_accepted(actor, post)
    db.session.commit()
    return accepted


def _expert_answers(thread_id_column):
    """How many distinct verified experts have a public answer in the thread (an anonymous one
    is not an expert answer: the badge would say something about who wrote it)."""
    return (
        select(func.count(distinct(Post.author_id)))
        .join(ExpertVerification, and_(ExpertVerification.user_id == Post.author_id,
                                       ExpertVerification.revoked_at.is_(None)))
        .where(Post.thread_id == thread_id_column, Post.number > 1, Post.is_anonymous.is_(False),
               Post.deleted_at.is_(None), Post.hidden_at.is_(None))
        .scalar_subquery()
    )


def refresh_answer_counters(thread_ids: Iterable[int]) -> None:
    """Recount expert answers and drop an accepted answer that is no longer public.

    Call it (inside the caller's transaction) whenever a reply is written,
    deleted, hidden or restored, or an author's verification changes.
    """
    ids = list(set(thread_ids))
    if not ids:
        return
    db.session.execute(update(Thread).where(Thread.id.in_(ids))
                       .values(expert_answer_count=_expert_answers(Thread.id)))
    gone = select(Post.id).where(Post.id == Thread.accepted_post_id,
                                 (Post.deleted_at.is_not(None)) | (Post.hidden_at.is_not(None)))
    db.session.execute(update(Thread).where(Thread.id.in_(ids), gone.exists())
                       .values(accepted_post_id=None))


def refresh_threads_answered_by(user_id: int) -> None:
    """Recount every thread ``user_id`` has answered in (their verification changed)."""
    ids = db.session.scalars(
        select(Post.thread_id).distinct().where(Post.author_id == user_id, Post.number > 1))
    refresh_answer_counters(ids)
