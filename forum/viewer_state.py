"""What every page needs to know about the logged-in reader, in one statement a request.

The header shows unread notifications and unread messages; thread pages collapse the posts
of people the reader blocked. Each used to cost its own query on every page; here they are
one ``UNION ALL`` (typed rows: ``n`` the unread notification count, ``m`` unread messages,
``b`` someone the reader blocked, ``r`` someone who blocked the reader), run the first time
any of them is asked for and kept on ``flask.g`` for the rest of the request.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from flask import g, has_request_context
from sqlalchemy import Integer, String, bindparam, cast, func, literal_column, or_, select, union_all

from forum.extensions import db

KEY = "_askwell_viewer_state"


@dataclass(frozen=True)
class ViewerState:
    notifications: int
    messages: int
    blocked: frozenset[int]
    blocked_by: frozenset[int]


def _statement(user):
    """The statement for ``user``: built once for each set of groups a reader may see (it
    costs about a quarter of a millisecond to build) and run with the reader's id bound."""
    from forum import permissions

    return _statement_for(permissions.visible_groups_key(user))


@lru_cache(maxsize=512)
def _statement_for(groups_key: tuple):
    from forum import permissions
    from forum.models import Block, ConversationParticipant, Group, Notification, NotificationKind

    viewer = bindparam("viewer_id", type_=Integer)
    notifications = (select(func.count(Notification.id)).select_from(Notification)
                     .outerjoin(Group, Group.id == Notification.group_id)
                     .where(Notification.user_id == viewer, Notification.read_at.is_(None),
                            or_(Notification.group_id.is_(None),
                                Notification.kind == NotificationKind.JOIN_DECLINED.value,
                                permissions.visible_groups_clause_for(groups_key))))
    messages = (select(func.coalesce(func.sum(ConversationParticipant.unread_count), 0))
                .where(ConversationParticipant.user_id == viewer))

    def kind(letter: str):
        return cast(literal_column(f"'{letter}'"), String).label("kind")

    return union_all(
        select(kind("n"), cast(notifications.scalar_subquery(), Integer).label("value")),
        select(kind("m"), cast(messages.scalar_subquery(), Integer).label("value")),
        select(kind("b"), Block.blocked_id.label("value")).where(Block.blocker_id == viewer),
        select(kind("r"), Block.blocker_id.label("value")).where(Block.blocked_id == viewer),
    )


def for_user(user) -> ViewerState:
    """The reader's state (cached for the request when ``user`` is the one asking)."""
    cache = g.setdefault(KEY, {}) if has_request_context() else {}
    if user.id not in cache:
        counts, blocked, blocked_by = {"n": 0, "m": 0}, set(), set()
        for kind, value in db.session.execute(_statement(user), {"viewer_id": user.id}):
            if kind in counts:
                counts[kind] = int(value or 0)
            elif kind == "b":
                blocked.add(value)
            else:
                blocked_by.add(value)
        cache[user.id] = ViewerState(counts["n"], counts["m"], frozenset(blocked), frozenset(blocked_by))
    return cache[user.id]


def forget(user=None) -> None:
    """After a change in this request (read a notification, blocked someone): ask again."""
    if has_request_context():
        cache = g.get(KEY)
        if cache is not None:
            cache.pop(getattr(user, "id", None), None) if user is not None else cache.clear()
