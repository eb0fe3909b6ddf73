"""Moderator actions on posts, comments, threads and people, and members' flags.

Each function checks the state it needs, changes it, writes the audit row and
commits: one transaction per action. Permission checks (who may do this in
which group) belong to ``forum.permissions`` and are made by the caller.
Functions raise ``ActionError`` with a message fit to show the person.
Deleting is not here: ``forum.actions.posts.delete_post`` and
``forum.actions.articles.delete_comment`` serve authors and moderators alike.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from forum.actions import ActionError, notify
from forum.actions.articles import delete_comment
from forum.actions.audit import (
    clean_reason,
    clear_hidden,
    close_review,
    record,
    record_post,
    record_target,
    set_hidden,
)
from forum.actions.flags import checked_reason, file_flag
from forum.actions.posts import delete_post
from forum.extensions import db
from forum.models import ArticleComment, DrugReview, Group, Post, Thread, User, utcnow
from forum.models.moderation import Flag, ReviewItem, WatchedWord, WordAction
from moderation.rules import WORD_MAX, normalize_word

DAYS_MAX = 365


def _require_reason(reason: str | None) -> str:
    reason = clean_reason(reason)
    if not reason:
        raise ActionError("Give a reason: it goes in the moderation log and the author may see it.")
    return reason


# -- flags -------------------------------------------------------------------


def flag_post(reporter: User, post: Post, reason: str, details: str = "") -> Flag:
    """Report a post. One flag per person per post; enough flags hide it until reviewed."""
    reason, details = checked_reason(reason, details)
    if post.author_id == reporter.id:
        raise ActionError("You cannot flag your own post; edit or delete it instead.")
    if post.is_deleted:
        raise ActionError("That post was deleted.")
    already = "You have already flagged this post. The moderators will look at it; there is no need to flag it again."
    if db.session.scalar(select(Flag.id).where(Flag.post_id == post.id, Flag.reporter_id == reporter.id)):
        raise ActionError(already)
    flag = Flag(post_id=post.id, reporter_id=reporter.id, reason=reason.value, details=details, created_at=utcnow())
    return file_flag(post, flag, already, record_post, "auto_hide_post")


# -- posts -------------------------------------------------------------------


def hide(moderator: User, target: Post | ArticleComment, reason: str) -> Post | ArticleComment:
    """Hide a post or an article comment from readers until a moderator restores it."""
    reason = _require_reason(reason)
    if target.is_deleted:
        raise ActionError("That was deleted.")
    set_hidden(target, moderator, reason)
    close_review(target, moderator, "hide")
    record_target(moderator, "hide", target, reason)
    notify.post_moderated(moderator, target, "hidden", reason)
    db.session.commit()
    return target


def unhide(moderator: User, target: Post | ArticleComment, reason: str = "") -> Post | ArticleComment:
    if not target.is_hidden:
        raise ActionError("That is not hidden.")
    clear_hidden(target)
    close_review(target, moderator, "keep")
    record_target(moderator, "unhide", target, reason)
    notify.post_published(target)
    db.session.commit()
    return target


def keep(moderator: User, target: Post | ArticleComment, reason: str = "") -> Post | ArticleComment:
    """Decide the post or comment is fine: publish it if held or hidden, and clear its flags."""
    if target.is_hidden:
        clear_hidden(target)
        notify.post_published(target)
    close_review(target, moderator, "keep")
    record_target(moderator, "keep", target, reason)
    db.session.commit()
    return target


def _delete(moderator: User, target: Post | ArticleComment | DrugReview, reason: str):
    if isinstance(target, DrugReview):
        from forum.actions.reviews import remove_review

        return remove_review(moderator, target, reason)
    if isinstance(target, ArticleComment):
        return delete_comment(moderator, target, reason)
    return delete_post(moderator, target, reason)


def decide(moderator: User, item: ReviewItem, decision: str, reason: str = "") -> Post | ArticleComment:
    """A decision on a queue row: keep, hide or delete (the last two with a reason).

    A private message is never deleted by a moderator, only hidden; a report
    about a member can only be dismissed here (sanctions are on the member's page)."""
    if not item.is_open:
        raise ActionError("Someone has already decided on this.")
    actions = {"keep": keep, "hide": hide, "delete": _delete}
    if decision not in actions:
        raise ActionError("Choose keep, hide or delete.")
    if item.reported_user_id is not None and decision != "keep":
        raise ActionError("A report about a member is dismissed with “Keep”; to act on the member, "
                          "warn, silence, suspend or ban them.")
    if decision != "keep":
        reason = _require_reason(reason)
    if item.message_id is not None and decision == "delete":
        decision = "hide"
    if item.reported_user_id is not None:
        return dismiss_member_report(moderator, item.target, reason)
    return actions[decision](moderator, item.target, reason)


def dismiss_member_report(moderator: User, member: User, reason: str = "") -> User:
    close_review(member, moderator, "keep")
    record_target(moderator, "dismiss", member, reason)
    db.session.commit()
    return member


# -- threads -----------------------------------------------------------------


def _thread_record(moderator, action, thread, reason):
    record(
        moderator,
        action,
        "thread",
        thread.id,
        target_user_id=None if thread.is_anonymous else thread.author_id,  # the log never names it
        group_id=thread.group_id,
        reason=reason,
    )


def lock_thread(moderator: User, thread: Thread, locked: bool, reason: str = "") -> Thread:
    if thread.is_locked == locked:
        raise ActionError("The thread is already " + ("locked." if locked else "unlocked."))
    thread.is_locked = locked
    _thread_record(moderator, "lock_thread" if locked else "unlock_thread", thread, reason)
    db.session.commit()
    return thread


def pin_thread(moderator: User, thread: Thread, pinned: bool, reason: str = "") -> Thread:
    if thread.is_pinned == pinned:
        raise ActionError("The thread is already " + ("pinned." if pinned else "unpinned."))
    thread.is_pinned = pinned
    _thread_record(moderator, "pin_thread" if pinned else "unpin_thread", thread, reason)
    db.session.commit()
    return thread


def _move_counts(group_id: int, threads: int, posts: int) -> None:
    db.session.execute(
        update(Group)
        .where(Group.id == group_id)
        .values(thread_count=Group.thread_count + threads, post_count=Group.post_count + posts)
    )


def move_thread(moderator: User, thread: Thread, group: Group, reason: str = "") -> Thread:
    if group.id == thread.group_id:
        raise ActionError("The thread is already in that group.")
    rows = thread.post_count
    _move_counts(thread.group_id, -1, -rows)
    _move_counts(group.id, +1, +rows)
    old = thread.group.name
    thread.group_id = group.id
    db.session.execute(
        update(ReviewItem)
        .where(ReviewItem.post_id.in_(select(Post.id).where(Post.thread_id == thread.id)))
        .values(group_id=group.id)
    )
    _thread_record(moderator, "move_thread", thread, clean_reason(f"From {old} to {group.name}. {reason}"))
    db.session.commit()
    return thread


def merge_thread(moderator: User, source: Thread, target: Thread, reason: str = "") -> Thread:
    """Move every post of ``source`` to the end of ``target``; ``source`` then points there."""
    if source.id == target.id:
        raise ActionError("Choose a different thread to merge into.")
    if source.merged_into_id or target.merged_into_id:
        raise ActionError("That thread was already merged.")
    posts = list(db.session.scalars(select(Post).where(Post.thread_id == source.id).order_by(Post.number)))
    offset, now = target.post_count, utcnow()
    for post in posts:  # two steps so (thread_id, number) stays unique throughout
        post.number = -post.number
    db.session.flush()
    for post in posts:
        post.thread_id, post.number = target.id, offset - post.number
    live = len([p for p in posts if not p.is_deleted])
    target.post_count += len(posts)
    target.reply_count += live
    target.last_activity_at = max(target.last_activity_at, source.last_activity_at)
    source.merged_into_id, source.hidden_at = target.id, now
    source.post_count = source.reply_count = 0
    _move_counts(source.group_id, -1, -len(posts))
    _move_counts(target.group_id, 0, len(posts))
    _thread_record(moderator, "merge_thread", source, clean_reason(f"Into “{target.title}”. {reason}"))
    db.session.commit()
    return target


# -- people ------------------------------------------------------------------


def _user_record(moderator, action, user, reason, group_id=None):
    record(moderator, action, "user", user.id, target_user_id=user.id, group_id=group_id, reason=reason)


def _days(days) -> int:
    try:
        days = int(days)
    except (TypeError, ValueError):
        raise ActionError(f"Give a number of days from 1 to {DAYS_MAX}.") from None
    if not 1 <= days <= DAYS_MAX:
        raise ActionError(f"Give a number of days from 1 to {DAYS_MAX}.")
    return days


def sanction_user(
    moderator: User, user: User, kind: str, reason: str, days=None, group_id: int | None = None
) -> User:
    """Warn, silence (N days), suspend (N days) or ban ``user``, or lift every sanction."""
    reason = _require_reason(reason)
    now = utcnow()
    if kind == "warn":
        pass
    elif kind == "silence":
        user.silenced_until = now + timedelta(days=_days(days))
    elif kind == "suspend":
        user.suspended_until = now + timedelta(days=_days(days))
    elif kind == "ban":
        user.banned_at = now
    elif kind == "lift":
        user.banned_at = user.suspended_until = user.silenced_until = None
    else:
        raise ActionError("Choose warn, silence, suspend or ban.")
    action = "lift_sanctions" if kind == "lift" else f"{kind}_user"
    if days and kind in ("silence", "suspend"):
        reason = clean_reason(f"{reason} ({_days(days)} days)")
    _user_record(moderator, action, user, reason, group_id)
    db.session.commit()
    return user


# -- watched words -------------------------------------------------------------


def add_watched_word(admin: User, word: str, action: str) -> WatchedWord:
    word = normalize_word(word)
    if not word:
        raise ActionError("Type a word or phrase to watch.")
    if len(word) > WORD_MAX:
        raise ActionError(f"Watched words are up to {WORD_MAX} characters.")
    if action not in {a.value for a in WordAction}:
        raise ActionError("Choose block, hold for approval or flag.")
    existing = db.session.scalar(select(WatchedWord).where(WatchedWord.word == word))
    if existing is not None:
        existing.action = action
    else:
        existing = WatchedWord(word=word, action=action, created_at=utcnow())
        db.session.add(existing)
    db.session.flush()
    record(admin, "add_watched_word", "word", existing.id, reason=f"{word} → {action}")
    db.session.commit()
    return existing


def remove_watched_word(admin: User, word: WatchedWord) -> None:
    record(admin, "remove_watched_word", "word", word.id, reason=word.word)
    db.session.delete(word)
    db.session.commit()
