"""The audit log and the review queue's bookkeeping, shared by every action.

These helpers add rows to the current transaction and never commit: the action
that calls them owns the transaction, so an action and its audit row are
written together or not at all.
"""

from __future__ import annotations

from sqlalchemy import select, update

from forum.extensions import db
from forum.models import Post, Thread, utcnow
from moderation.models import Flag, ModerationAction, ReviewItem

REASON_MAX = 500


def clean_reason(reason: str | None) -> str:
    return " ".join((reason or "").split())[:REASON_MAX]


def record(
    moderator,
    action: str,
    target_type: str,
    target_id: int,
    *,
    target_user_id: int | None = None,
    group_id: int | None = None,
    reason: str = "",
) -> ModerationAction:
    """Add an audit row; ``moderator`` None means an automatic rule acted."""
    row = ModerationAction(
        moderator_id=moderator.id if moderator is not None else None,
        action=action,
        target_type=target_type,
        target_id=target_id,
        target_user_id=target_user_id,
        group_id=group_id,
        reason=clean_reason(reason),
        created_at=utcnow(),
    )
    db.session.add(row)
    return row


def record_post(moderator, action: str, post: Post, reason: str = "") -> ModerationAction:
    return record(
        moderator,
        action,
        "post",
        post.id,
        target_user_id=post.author_id,
        group_id=post.thread.group_id,
        reason=reason,
    )


def open_review(post: Post, reason: str, *, note: str = "", urgent: bool = False) -> ReviewItem:
    """Put ``post`` in the review queue (or update its open row). Crisis is always urgent."""
    item = db.session.scalar(select(ReviewItem).where(ReviewItem.post_id == post.id))
    urgent = urgent or reason == "crisis"
    if item is None:
        item = ReviewItem(
            post_id=post.id,
            group_id=post.thread.group_id,
            reason=reason,
            note=clean_reason(note),
            is_urgent=urgent,
            opened_at=utcnow(),
        )
        db.session.add(item)
    elif not item.is_open:
        item.is_open, item.closed_at, item.closed_by_id, item.decision = True, None, None, None
        item.reason, item.note, item.is_urgent, item.opened_at = reason, clean_reason(note), urgent, utcnow()
        item.review_seconds = None
    else:
        if urgent and not item.is_urgent:
            item.reason, item.is_urgent = reason, True
        if note and not item.note:
            item.note = clean_reason(note)
    return item


def close_review(post: Post, moderator, decision: str) -> None:
    """Close the post's queue row, if open, and resolve its flags."""
    now = utcnow()
    item = db.session.scalar(select(ReviewItem).where(ReviewItem.post_id == post.id, ReviewItem.is_open))
    if item is not None:
        item.is_open, item.closed_at, item.decision = False, now, decision
        item.closed_by_id = moderator.id if moderator is not None else None
        item.review_seconds = max(0, int((now - item.opened_at).total_seconds()))
    db.session.execute(
        update(Flag).where(Flag.post_id == post.id, Flag.resolved_at.is_(None)).values(resolved_at=now)
    )
    post.flag_count = 0


def set_hidden(post: Post, moderator, reason: str) -> None:
    post.hidden_at = utcnow()
    post.hidden_by_id = moderator.id if moderator is not None else None
    post.hidden_reason = clean_reason(reason) or "Hidden by a moderator"
    if post.is_opening:
        db.session.execute(update(Thread).where(Thread.id == post.thread_id).values(hidden_at=post.hidden_at))
    _refresh_answers(post)


def clear_hidden(post: Post) -> None:
    post.hidden_at = post.hidden_by_id = post.hidden_reason = None
    if post.is_opening:
        db.session.execute(
            update(Thread)
            .where(Thread.id == post.thread_id, Thread.merged_into_id.is_(None))
            .values(hidden_at=None)
        )
    _refresh_answers(post)


def _refresh_answers(post: Post) -> None:
    """A hidden answer stops counting as an expert or accepted answer (and counts again when restored)."""
    from forum.actions.qa import refresh_answer_counters

    db.session.flush()
    refresh_answer_counters([post.thread_id])


def screen_new_post(post: Post, screening) -> None:
    """Apply a ``rules.Screening`` to a post just written (flushed, not committed)."""
    if screening.crisis:
        open_review(post, "crisis", note="Crisis language: " + "; ".join(screening.crisis), urgent=True)
        record_post(None, "queue_post", post, "Crisis language; the author saw crisis resources")
    if screening.hold:
        set_hidden(post, None, screening.hold)
        open_review(post, "held", note=screening.hold)
        record_post(None, "hold_post", post, screening.hold)
    if screening.flag and not screening.hold:
        open_review(post, "watched_word", note=screening.flag)
        record_post(None, "queue_post", post, screening.flag)
