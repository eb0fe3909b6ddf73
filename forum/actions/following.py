"""Following and reading: watch, track or mute a thread, follow a group, bookmark a post,
mark notifications read, choose how often email comes, unsubscribe.

The permission to follow is checked by the view (``can_watch_thread`` and the
like); the verbs check it again, so no other caller can follow what it may not see.
"""
from __future__ import annotations

from sqlalchemy import delete, update

from forum import permissions
from forum.actions import ActionError
from forum.extensions import db
from forum.models import (
    DIGEST_ONLY_FREQUENCIES,
    EXPERT_ANSWERS_DIGEST,
    Bookmark,
    EmailPreference,
    Frequency,
    Group,
    GroupFollow,
    Notification,
    NotificationKind,
    Post,
    Thread,
    ThreadWatch,
    User,
    WatchLevel,
    utcnow,
)


def set_watch(user: User, thread: Thread, level: str | None) -> str | None:
    """Watch, track or mute ``thread`` (``None``: back to normal). Raises ActionError."""
    if not permissions.can_watch_thread(user, thread):
        raise ActionError("You can't follow that thread.")
    db.session.execute(delete(ThreadWatch).where(ThreadWatch.user_id == user.id,
                                                 ThreadWatch.thread_id == thread.id))
    if level:
        try:
            level = WatchLevel(level).value
        except ValueError:
            raise ActionError("Choose watch, track or mute.") from None
        db.session.add(ThreadWatch(user_id=user.id, thread_id=thread.id, level=level))
    db.session.commit()
    return level


def follow_group(user: User, group: Group, follow: bool) -> bool:
    if follow and not permissions.can_follow_group(user, group):
        raise ActionError("You can't follow that group.")
    db.session.execute(delete(GroupFollow).where(GroupFollow.user_id == user.id, GroupFollow.group_id == group.id))
    if follow:
        db.session.add(GroupFollow(user_id=user.id, group_id=group.id))
    db.session.commit()
    return follow


def toggle_bookmark(user: User, post: Post) -> bool:
    """Bookmark ``post``, or take the bookmark away. Returns True if now bookmarked."""
    removed = db.session.execute(delete(Bookmark).where(Bookmark.user_id == user.id,
                                                        Bookmark.post_id == post.id)).rowcount
    if not removed:
        if not permissions.can_bookmark_post(user, post):
            raise ActionError("You can't bookmark that post.")
        db.session.add(Bookmark(user_id=user.id, post_id=post.id))
    db.session.commit()
    return not removed


def mark_read(user: User, ids: list[int] | None = None) -> int:
    """Mark ``user``'s notifications read (all of them when ``ids`` is None)."""
    stmt = update(Notification).where(Notification.user_id == user.id, Notification.read_at.is_(None))
    if ids is not None:
        stmt = stmt.where(Notification.id.in_(ids))
    count = db.session.execute(stmt.values(read_at=utcnow())).rowcount
    db.session.commit()
    return count


def set_email_preferences(user: User, choices: dict[str, str]) -> None:
    """Save how often each kind of notification is emailed, and how often the digest lists new
    expert answers in one's groups (never "immediately"). Raises ActionError on an unknown one."""
    kinds = {k.value for k in NotificationKind}
    for kind, frequency in choices.items():
        if kind == EXPERT_ANSWERS_DIGEST:
            if frequency not in DIGEST_ONLY_FREQUENCIES:
                raise ActionError("New expert answers in your groups come in a daily or weekly digest, or never.")
        elif kind not in kinds or frequency not in {f.value for f in Frequency}:
            raise ActionError("Choose immediately, daily, weekly or never for each kind of email.")
    db.session.execute(delete(EmailPreference).where(EmailPreference.user_id == user.id))
    db.session.add_all(EmailPreference(user_id=user.id, kind=k, frequency=f) for k, f in choices.items())
    db.session.commit()


def unsubscribe(user_id: int, kind: str | None) -> bool:
    """Stop one kind of email (every kind when ``kind`` is None). False if there is no such account."""
    if db.session.get(User, user_id) is None:
        return False
    kinds = [kind] if kind else [k.value for k in NotificationKind] + [EXPERT_ANSWERS_DIGEST]
    db.session.execute(delete(EmailPreference).where(EmailPreference.user_id == user_id,
                                                     EmailPreference.kind.in_(kinds)))
    db.session.add_all(EmailPreference(user_id=user_id, kind=k, frequency=Frequency.NEVER.value) for k in kinds)
    db.session.commit()
    return True


def export_for(user: User) -> dict:
    """The data export's part: notifications, watches, follows, bookmarks and email choices.

    A notification's words name a thread (someone else's title), so they are
    included only while ``user`` may still see what it is about.
    """
    from sqlalchemy import select

    from forum.notifications.emails import preferences
    from forum.notifications.queries import _loaded, describe

    def iso(moment):
        return moment.isoformat() if moment else None

    notices = db.session.scalars(select(Notification).options(*_loaded())
                                 .where(Notification.user_id == user.id).order_by(Notification.id)).unique()
    return {
        "notifications": [{"kind": n.kind, "created_at": iso(n.created_at), "read_at": iso(n.read_at),
                           "emailed_at": iso(n.emailed_at),
                           "text": describe([n]) if permissions.can_see_notification(user, n) else None}
                          for n in notices],
        "thread_watches": [{"thread_id": w.thread_id, "level": w.level, "since": iso(w.created_at)}
                           for w in db.session.scalars(select(ThreadWatch).where(ThreadWatch.user_id == user.id))],
        "group_follows": [{"group_id": f.group_id, "since": iso(f.created_at)}
                          for f in db.session.scalars(select(GroupFollow).where(GroupFollow.user_id == user.id))],
        "bookmarks": [{"post_id": b.post_id, "since": iso(b.created_at)}
                      for b in db.session.scalars(select(Bookmark).where(Bookmark.user_id == user.id))],
        "email_preferences": preferences(user.id),
    }
