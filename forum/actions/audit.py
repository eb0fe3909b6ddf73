"""The audit log and the review queue's bookkeeping, shared by every action.

These helpers add rows to the current transaction and never commit: the action
that calls them owns the transaction, so an action and its audit row are
written together or not at all. A moderated thing ("target") is a post, an
article comment, a private message or a drug review: each carries the same
hidden state (who, when, why) and opens the same kind of review-queue row; a
member reported from their profile opens one too.
"""

from __future__ import annotations

from sqlalchemy import select, update

from forum.actions.limits import AUDIT_REASON_MAX as REASON_MAX
from forum.extensions import db
from forum.models import ArticleComment, DrugReview, MemberReport, Message, Post, Thread, User, utcnow
from forum.models.moderation import Flag, ModerationAction, ReviewItem


def clean_reason(reason: str | None) -> str:
    return " ".join((reason or "").split())[:REASON_MAX]


def record(moderator, action: str, target_type: str, target_id: int, *, target_user_id: int | None = None,
           group_id: int | None = None, reason: str = "") -> ModerationAction:
    """Add an audit row; ``moderator`` None means an automatic rule acted."""
    row = ModerationAction(
        moderator_id=moderator.id if moderator is not None else None, action=action,
        target_type=target_type, target_id=target_id, target_user_id=target_user_id,
        group_id=group_id, reason=clean_reason(reason), created_at=utcnow(),
    )
    db.session.add(row)
    return row


def record_post(moderator, action: str, post: Post, reason: str = "") -> ModerationAction:
    """An anonymous post's row names no member: the moderation log, the dashboard and a member's
    history would otherwise tell every moderator who wrote it (a reveal is its own audited act)."""
    return record(moderator, action, "post", post.id, target_user_id=None if post.is_anonymous else post.author_id,
                  group_id=post.thread.group_id, reason=reason)


def record_comment(moderator, action: str, comment: ArticleComment, reason: str = "") -> ModerationAction:
    return record(moderator, action, "comment", comment.id, target_user_id=comment.author_id, reason=reason)


def record_message(moderator, action: str, message: Message, reason: str = "") -> ModerationAction:
    return record(moderator, action, "message", message.id, target_user_id=message.author_id, reason=reason)


def record_review(moderator, action: str, review: DrugReview, reason: str = "") -> ModerationAction:
    return record(moderator, action, "review", review.id, target_user_id=review.author_id, reason=reason)


def record_target(moderator, verb: str, target, reason: str = "") -> ModerationAction:
    """``verb`` ("hide", "keep", ...) on a post, comment, message or review: the row says which ("hide_post")."""
    if isinstance(target, Message):
        return record_message(moderator, f"{verb}_message", target, reason)
    if isinstance(target, DrugReview):
        return record_review(moderator, f"{verb}_review", target, reason)
    if isinstance(target, User):
        return record(moderator, f"{verb}_member_report", "user", target.id, target_user_id=target.id,
                      reason=reason)
    if isinstance(target, ArticleComment):
        return record_comment(moderator, f"{verb}_comment", target, reason)
    return record_post(moderator, f"{verb}_post", target, reason)


_ITEM_COLUMNS = ((ArticleComment, ReviewItem.comment_id), (Message, ReviewItem.message_id),
                 (User, ReviewItem.reported_user_id), (DrugReview, ReviewItem.review_id),
                 (Post, ReviewItem.post_id))


def _item_column(target):
    return next(column for kind, column in _ITEM_COLUMNS if isinstance(target, kind))


def _item_for(target):
    return db.session.scalar(select(ReviewItem).where(_item_column(target) == target.id))


def open_review(target, reason: str, *, note: str = "", urgent: bool = False) -> ReviewItem:
    """Put a post, comment, message, review or member in the review queue (or update its open row).
    Crisis is always urgent."""
    item = _item_for(target)
    urgent = urgent or reason == "crisis"
    if item is None:
        if isinstance(target, Post):
            item = ReviewItem(post_id=target.id, group_id=target.thread.group_id)
        else:
            item = ReviewItem(group_id=None, **{_item_column(target).key: target.id})
        item.reason, item.note, item.is_urgent, item.opened_at = reason, clean_reason(note), urgent, utcnow()
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


def close_review(target, moderator, decision: str) -> None:
    """Close the target's queue row, if open, and resolve a post's or review's flags or the reports
    about a message or member."""
    now = utcnow()
    item = _item_for(target)
    if item is not None and item.is_open:
        item.is_open, item.closed_at, item.decision = False, now, decision
        item.closed_by_id = moderator.id if moderator is not None else None
        item.review_seconds = max(0, int((now - item.opened_at).total_seconds()))
    if isinstance(target, Post):
        db.session.execute(
            update(Flag).where(Flag.post_id == target.id, Flag.resolved_at.is_(None)).values(resolved_at=now))
        target.flag_count = 0
    elif isinstance(target, Message | User):
        column = MemberReport.message_id if isinstance(target, Message) else MemberReport.reported_user_id
        extra = () if isinstance(target, Message) else (MemberReport.message_id.is_(None),)
        db.session.execute(update(MemberReport).where(column == target.id, MemberReport.resolved_at.is_(None),
                                                      *extra).values(resolved_at=now))
    elif isinstance(target, DrugReview):
        db.session.execute(
            update(Flag).where(Flag.review_id == target.id, Flag.resolved_at.is_(None)).values(resolved_at=now))
        target.flag_count = 0


def set_hidden(target, moderator, reason: str) -> None:
    target.hidden_at = utcnow()
    target.hidden_by_id = moderator.id if moderator is not None else None
    target.hidden_reason = clean_reason(reason) or "Hidden by a moderator"
    if isinstance(target, Post):
        if target.is_opening:
            db.session.execute(update(Thread).where(Thread.id == target.thread_id)
                               .values(hidden_at=target.hidden_at))
        _refresh_answers(target)


def clear_hidden(target) -> None:
    target.hidden_at = target.hidden_by_id = target.hidden_reason = None
    if isinstance(target, Post):
        if target.is_opening:
            db.session.execute(update(Thread).where(Thread.id == target.thread_id,
                                                    Thread.merged_into_id.is_(None)).values(hidden_at=None))
        _refresh_answers(target)


def _refresh_answers(post: Post) -> None:
    """A hidden answer stops counting as an expert or accepted answer (and counts again when restored)."""
    from forum.actions.qa import refresh_answer_counters

    db.session.flush()
    refresh_answer_counters([post.thread_id])


def queue_new_text(target, prepared) -> None:
    """Apply what the publishing pipeline found (``forum.publishing.Prepared``) to a
    post, comment, message or review just written (flushed, not committed): crisis language
    of every outcome goes to the top of the queue as urgent (the outcome is kept on the
    text, so its author keeps seeing the resources), held text is hidden until approved,
    flagged text is queued."""
    screening = prepared.screening
    target.safety_outcome = prepared.outcome  # the author keeps seeing the resources (an edit updates it)
    if prepared.crisis:
        open_review(target, "crisis", note=f"{prepared.crisis_note}. Sentences: " + "; ".join(prepared.crisis),
                    urgent=True)
        record_target(None, "queue", target, prepared.crisis_note)
    if screening.hold:
        set_hidden(target, None, screening.hold)
        open_review(target, "held", note=screening.hold)
        record_target(None, "hold", target, screening.hold)
    if screening.flag and not screening.hold:
        open_review(target, "watched_word", note=screening.flag)
        record_target(None, "queue", target, screening.flag)
