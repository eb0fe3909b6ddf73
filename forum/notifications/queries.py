"""Read-side queries for notifications and following, and the words that describe them.

Nothing here trusts a stored row: every notification shown is checked again with
``permissions.can_see_notification`` (a member who left a private group sees none
of its notices), and the unread count in the header leaves out groups one may
no longer see, in the same single indexed query.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from flask import g, url_for
from sqlalchemy import Integer, String, bindparam, cast, func, literal, or_, select, union_all
from sqlalchemy.orm import joinedload

from forum import permissions
from forum.extensions import db
from forum.models import (
    Bookmark,
    Group,
    GroupFollow,
    Notification,
    NotificationKind,
    Post,
    Thread,
    ThreadWatch,
    WatchLevel,
)

PAGE_SIZE = 100
K = NotificationKind


def unread_count(user) -> int:
    """Unread notifications about what ``user`` may still see (one query, once a request)."""
    if not getattr(user, "is_authenticated", False):
        return 0
    from flask import has_request_context

    if has_request_context():  # with the unread messages and blocks, one statement (forum.viewer_state)
        from forum import viewer_state

        return viewer_state.for_user(user).notifications
    if "_unread_count" not in g:
        visible = permissions.visible_groups_clause(user)
        g._unread_count = db.session.scalar(
            select(func.count(Notification.id)).select_from(Notification)
            .outerjoin(Group, Group.id == Notification.group_id)
            .where(Notification.user_id == user.id, Notification.read_at.is_(None),
                   or_(Notification.group_id.is_(None), Notification.kind == K.JOIN_DECLINED.value, visible)))
    return g._unread_count


def _loaded():
    return (joinedload(Notification.actor), joinedload(Notification.group),
            joinedload(Notification.thread).joinedload(Thread.group),
            joinedload(Notification.post).joinedload(Post.thread).joinedload(Thread.group))


def visible_notifications(user, limit: int = PAGE_SIZE, *, unread_only: bool = False,
                          ids: list[int] | None = None) -> list[Notification]:
    stmt = select(Notification).options(*_loaded()).where(Notification.user_id == user.id)
    if unread_only:
        stmt = stmt.where(Notification.read_at.is_(None))
    if ids is not None:
        stmt = stmt.where(Notification.id.in_(ids))
    rows = db.session.scalars(stmt.order_by(Notification.created_at.desc(), Notification.id.desc())
                              .limit(limit)).unique().all()
    return [n for n in rows if permissions.can_see_notification(user, n)]


@dataclass
class Batch:
    """Notifications of one kind about one thing, shown as one line ("3 new replies in ...")."""
    kind: str
    items: list[Notification] = field(default_factory=list)

    @property
    def first(self) -> Notification:
        return self.items[-1]  # the oldest: where reading should start

    @property
    def latest(self) -> datetime:
        return self.items[0].created_at

    @property
    def unread(self) -> bool:
        return any(n.read_at is None for n in self.items)

    @property
    def ids(self) -> str:
        return ",".join(str(n.id) for n in self.items)

    @property
    def text(self) -> str:
        return describe(self.items)


def batches(notifications: list[Notification]) -> list[Batch]:
    """Group by kind and subject, unread apart from read, newest batch first."""
    found: dict[tuple, Batch] = {}
    for n in notifications:
        batchable = n.kind in (K.REPLY, K.HELPFUL, K.NEW_THREAD, K.EXPERT_QUESTION)
        by_group = n.kind in (K.NEW_THREAD, K.EXPERT_QUESTION)
        subject = (n.group_id if by_group else n.thread_id) if batchable else n.id
        key = (n.kind, subject, n.read_at is None)
        found.setdefault(key, Batch(n.kind)).items.append(n)
    return list(found.values())


def _actor_name(n: Notification) -> str:
    """Who did it, as readers may know: an anonymous post's author is "An anonymous member"."""
    about = n.post if n.post is not None else n.thread
    if about is not None and n.actor_id is not None and n.actor_id == getattr(about, "author_id", None) and (
            not permissions.shows_author(about) or (n.post is not None and not permissions.shows_author(n.post.thread)
                                                    and n.post.is_opening)):
        return "An anonymous member"
    return n.actor.name if n.actor else "A former member"


def _names(items: list[Notification]) -> str:
    names = list(dict.fromkeys(_actor_name(n) for n in items))
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return f"{names[0]} and {len(names) - 1} others"


def describe(items: list[Notification]) -> str:
    """One sentence for a batch (or a single notification), in plain text."""
    n, count = items[0], len(items)
    title = f"“{n.thread.title}”" if n.thread else ""
    group = n.group.name if n.group else ""
    who = _names(items)
    match n.kind:
        case K.REPLY:
            return f"{count} new replies in {title}" if count > 1 else f"{who} replied in {title}"
        case K.EXPERT_ANSWER:
            return f"{who}, a verified expert, answered your question {title}"
        case K.ACCEPTED:
            return f"Your answer in {title} was accepted"
        case K.HELPFUL:
            return f"{who} marked your answer in {title} helpful"
        case K.MENTION:
            return f"{who} mentioned you in {title}"
        case K.QUOTE:
            return f"{who} quoted you in {title}"
        case K.JOIN_APPROVED:
            return f"Your request to join {group} was approved"
        case K.JOIN_DECLINED:
            return f"Your request to join {group} was declined"
        case K.EXPERT_DECIDED:
            decision, _, reason = n.detail.partition(":")
            verdict = "approved" if decision == "approved" else "not approved"
            return f"Your expert application was {verdict}" + (f": {reason.strip()}" if reason.strip() else "")
        case K.MODERATED:
            action, _, reason = n.detail.partition(":")
            return f"A moderator {action} your post in {title}" + (f": {reason.strip()}" if reason.strip() else "")
        case K.NEW_THREAD:
            return f"{count} new threads in {group}" if count > 1 else f"{who} started {title} in {group}"
        case K.MESSAGE:
            return f"{who} sent you a private message"
        case K.RECALL:
            return "An FDA recall may concern a medicine on your My Medicine list"
        case K.EXPERT_QUESTION:
            if count > 1:
                return f"{count} new questions for experts in {group}"
            unmatched = " (no specialist covers this group, so it came to every expert)" \
                if n.detail == "no_specialist" else ""
            return f"{who} asked an expert in {group}: {title}{unmatched}"
        case K.NO_SPECIALIST:
            return f"No expert covers {group}: a question went to every expert"
    return "Something happened"


def target_url(n: Notification, external: bool = False) -> str:
    """Where a notification leads: the post, the thread, the group or the expert page."""
    values = {"_external": True} if external else {}
    if n.post_id and n.kind != K.MODERATED:
        return url_for("threads.permalink", post_id=n.post_id, **values)
    if n.thread_id:
        return url_for("threads.show", thread_id=n.thread_id, **values)
    if n.group_id:
        return url_for("groups.show", slug=n.group.slug, **values)
    if n.kind == K.EXPERT_DECIDED:
        return url_for("experts.apply", **values)
    if n.kind == K.MESSAGE and n.detail.startswith("conversation:"):
        return url_for("messages.conversation", conversation_id=int(n.detail.split(":", 1)[1]), **values)
    if n.kind == K.RECALL:
        return url_for("medicine.index", **values)
    return url_for("notifications.index", **values)


# -- following --------------------------------------------------------------------

@dataclass(frozen=True)
class ReaderState:
    """What a thread page shows of the reader's own: watching, bookmarks, helpful votes."""
    watch: str | None = None
    bookmarks: frozenset[int] = frozenset()
    votes: frozenset[int] = frozenset()


def reader_state(user, thread: Thread, posts, votes: bool = False) -> ReaderState:
    """The reader's watch level on ``thread``, which of ``posts`` they bookmarked and (``votes``)
    which they found helpful: one statement."""
    if not getattr(user, "is_authenticated", False):
        return ReaderState()
    params = {"reader": user.id, "thread": thread.id, "posts": [p.id for p in posts] or [-1]}
    level, found = None, {"bookmark": set(), "vote": set()}
    for what, value in db.session.execute(_reader_state_statement(votes), params):
        if what == "watch":
            level = value
        else:
            found[what].add(int(value))
    return ReaderState(level, frozenset(found["bookmark"]), frozenset(found["vote"]))


@lru_cache(maxsize=2)
def _reader_state_statement(votes: bool):
    """Built once (with and without votes) and run with the reader, thread and posts bound."""
    from forum.models import HelpfulVote

    reader, ids = bindparam("reader", type_=Integer), bindparam("posts", expanding=True)
    parts = [select(literal("watch"), ThreadWatch.level).where(ThreadWatch.user_id == reader,
                                                               ThreadWatch.thread_id == bindparam("thread")),
             select(literal("bookmark"), cast(Bookmark.post_id, String)).where(
                 Bookmark.user_id == reader, Bookmark.post_id.in_(ids))]
    if votes:
        parts.append(select(literal("vote"), cast(HelpfulVote.post_id, String)).where(
            HelpfulVote.user_id == reader, HelpfulVote.post_id.in_(ids)))
    return union_all(*parts)


def follows_group(user, group: Group) -> bool:
    return getattr(user, "is_authenticated", False) and db.session.get(GroupFollow, (user.id, group.id)) is not None


def followed_threads(user, limit: int = 30) -> list[Thread]:
    """Threads ``user`` watches or tracks, latest activity first, that they may still see."""
    stmt = (select(Thread).join(ThreadWatch, ThreadWatch.thread_id == Thread.id)
            .join(Group, Group.id == Thread.group_id).options(joinedload(Thread.group))
            .where(ThreadWatch.user_id == user.id, ThreadWatch.level != WatchLevel.MUTE.value,
                   permissions.visible_threads_clause(), permissions.visible_groups_clause(user),
                   Thread.merged_into_id.is_(None))
            .order_by(Thread.last_activity_at.desc()).limit(limit))
    return list(db.session.scalars(stmt))


def followed_groups(user) -> list[Group]:
    return list(db.session.scalars(
        select(Group).join(GroupFollow, GroupFollow.group_id == Group.id)
        .where(GroupFollow.user_id == user.id, permissions.visible_groups_clause(user)).order_by(Group.name)))


def bookmarks(user, limit: int = 50) -> list[Post]:
    posts = db.session.scalars(
        select(Post).join(Bookmark, Bookmark.post_id == Post.id)
        .options(joinedload(Post.thread).joinedload(Thread.group), joinedload(Post.author))
        .where(Bookmark.user_id == user.id).order_by(Bookmark.created_at.desc()).limit(limit)).all()
    return [p for p in posts if permissions.can_see_post(user, p)]


@dataclass(frozen=True)
class HomeLists:
    """The home page's thread lists: one's own (empty for a visitor), recent questions, and the
    newest discussions not already among one's own."""
    mine: list
    questions: list
    discussions: list


def home_lists(user, mine_limit: int = 8, questions_limit: int = 8, discussions_limit: int = 5) -> HomeLists:
    """Every thread list of the home page in one statement: recent threads in one's groups,
    followed groups and watched threads (logged in), the newest questions, and the newest
    discussions (what a visitor sees).

    Each list is a limited part of one ``UNION ALL`` walking its own index (a group's threads by
    activity; threads of a kind by creation), so the cost does not grow with the site: ranking
    every thread by a ``CASE`` of all three took 4.5 ms at 40,000 posts, and this about 0.5 ms.
    """
    logged_in = bool(getattr(user, "is_authenticated", False))
    stmt = _home_statement(permissions.visible_groups_key(user), logged_in, mine_limit, questions_limit,
                           discussions_limit)
    found: dict[int, list] = {MINE: [], QUESTIONS: [], DISCUSSIONS: []}
    for thread, which in db.session.execute(stmt, {"reader": user.id} if logged_in else {}).all():
        found[which].append(thread)
    own = {t.id for t in found[MINE]}
    return HomeLists(found[MINE], found[QUESTIONS],
                     [t for t in found[DISCUSSIONS] if t.id not in own][:discussions_limit])


@lru_cache(maxsize=512)
def _home_statement(groups_key: tuple, logged_in: bool, mine_limit: int, questions_limit: int,
                    discussions_limit: int):
    """``home_lists``' statement, built once per set of groups a reader may see (building it cost more
    than running it) and run with the reader's id bound."""
    from forum.models import Membership, MembershipStatus, ThreadKind

    visible = (permissions.visible_threads_clause(), permissions.visible_groups_clause_for(groups_key),
               Thread.merged_into_id.is_(None))

    def part(rank: int, where, order, limit: int):
        return select(Thread.id.label("id"), literal(rank).label("list"), order.label("at")).join(
            Group, Group.id == Thread.group_id).where(where, *visible).order_by(order.desc()).limit(limit)

    # The newest discussions may be threads of one's own too: ask for enough to leave the others.
    parts = [part(QUESTIONS, Thread.kind == ThreadKind.QUESTION.value, Thread.created_at, questions_limit),
             part(DISCUSSIONS, Thread.kind == ThreadKind.DISCUSSION.value, Thread.created_at,
                  discussions_limit + (mine_limit if logged_in else 0))]
    if logged_in:
        reader = bindparam("reader", type_=Integer)
        groups = select(Membership.group_id).where(Membership.user_id == reader,
                                                   Membership.status == MembershipStatus.ACTIVE.value)
        followed = select(GroupFollow.group_id).where(GroupFollow.user_id == reader)
        watched = select(ThreadWatch.thread_id).where(ThreadWatch.user_id == reader,
                                                      ThreadWatch.level != WatchLevel.MUTE.value)
        mine = or_(Thread.group_id.in_(groups), Thread.group_id.in_(followed), Thread.id.in_(watched))
        parts.append(part(MINE, mine, Thread.last_activity_at, mine_limit))
    lists = union_all(*(select(p.subquery()) for p in parts)).subquery()
    return (select(Thread, lists.c.list).join(lists, lists.c.id == Thread.id)
            .options(joinedload(Thread.group), joinedload(Thread.author))
            .order_by(lists.c.list, lists.c.at.desc()))


MINE, QUESTIONS, DISCUSSIONS = 0, 1, 2


def prime_memberships(user_ids: list[int]) -> None:
    """Load many accounts' memberships in one query into the cache ``permissions`` reads."""
    from forum.models import Membership

    cache = g.setdefault("_memberships", {})
    ids = [uid for uid in dict.fromkeys(user_ids) if uid not in cache]
    for uid in ids:
        cache[uid] = {}
    for start in range(0, len(ids), 500):
        for m in db.session.scalars(select(Membership).where(Membership.user_id.in_(ids[start:start + 500]))):
            cache[m.user_id][m.group_id] = m
