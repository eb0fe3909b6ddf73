"""Fan-out jobs: who is told about a new post, an accepted answer, a decision.

These run in the background (``forum.jobs``), never in the request. Each loads
what it needs again and asks ``forum.permissions`` about every recipient: an
account that is banned or suspended, or that may not see the thread or post
(a private group it is not in, a hidden post, a held thread), gets nothing. The
same checks run again when a notification is shown and when it is emailed.

Inserts skip rows that already exist (the ``(user, key)`` unique constraint), so a
job retried after a crash notifies nobody twice. Recipients are handled in
chunks, with their memberships loaded in one query per chunk.
"""
from __future__ import annotations

from sqlalchemy import select

from forum import jobs, permissions
from forum.experts.audience import audience_ids
from forum.extensions import db
from forum.models import (
    Block,
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
from forum.notifications.queries import prime_memberships
from moderation.sanitize import mentioned_names, quoted_names

CHUNK = 500
MAX_MENTIONS = 20


def _insert(kind: str, key: str, users: list[int], *, actor_id=None, group_id=None, thread_id=None,
            post_id=None, detail: str = "") -> list[int]:
    """Insert one notification per user (none twice); return the new rows' ids."""
    if not users:
        return []
    dialect = db.engine.dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    now = utcnow()
    rows = [{"user_id": uid, "kind": kind, "key": key, "actor_id": actor_id, "group_id": group_id,
             "thread_id": thread_id, "post_id": post_id, "detail": detail, "created_at": now} for uid in users]
    stmt = insert(Notification).values(rows).on_conflict_do_nothing(
        index_elements=["user_id", "key"]).returning(Notification.id)
    return list(db.session.execute(stmt).scalars())


def _allowed(user_ids, check) -> list[int]:
    """The ids among ``user_ids`` that may receive the notice and pass ``check(user)``."""
    ids = list(dict.fromkeys(user_ids))
    allowed = []
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        users = db.session.scalars(select(User).where(User.id.in_(chunk))).all()
        prime_memberships(chunk)
        allowed += [u.id for u in users if permissions.can_receive_notifications(u) and check(u)]
    return allowed


def _send(ids: list[int]) -> None:
    db.session.commit()
    if ids:
        from forum.notifications.emails import send_immediately

        for start in range(0, len(ids), CHUNK):
            jobs.enqueue(send_immediately, ids[start:start + CHUNK])


def mentioned_ids(source: str, exclude: set[int]) -> list[int]:
    names = {name.lower() for name in mentioned_names(source)}
    names = sorted(names)[:MAX_MENTIONS]
    if not names:
        return []
    ids = db.session.scalars(select(User.id).where(User.username_key.in_(names)))
    return [i for i in ids if i not in exclude]


def quoted_ids(post: Post, exclude: set[int]) -> list[int]:
    """Whose posts ``post`` quotes ("> **name** wrote:"): only people with a post in its thread."""
    names = sorted({name.lower() for name in quoted_names(post.body_source)})[:MAX_MENTIONS]
    if not names:
        return []
    in_thread = select(Post.author_id).where(Post.thread_id == post.thread_id, Post.id != post.id)
    ids = db.session.scalars(select(User.id).where(User.username_key.in_(names), User.id.in_(in_thread)))
    return [i for i in ids if i not in exclude]


def _unblocked(author_id: int | None, user_ids) -> list[int]:
    """``user_ids`` without anyone who blocked the author or whom the author blocked: a block
    means no mentions, replies or new threads of theirs reach you (forum.permissions.is_blocked)."""
    ids = list(user_ids)
    if author_id is None or not ids:
        return ids
    blocked = set(db.session.scalars(select(Block.blocker_id).where(Block.blocked_id == author_id,
                                                                    Block.blocker_id.in_(ids))))
    blocked |= set(db.session.scalars(select(Block.blocked_id).where(Block.blocker_id == author_id,
                                                                     Block.blocked_id.in_(ids))))
    return [i for i in ids if i not in blocked]


def _muted(thread_id: int) -> set[int]:
    return set(db.session.scalars(select(ThreadWatch.user_id).where(
        ThreadWatch.thread_id == thread_id, ThreadWatch.level == WatchLevel.MUTE.value)))


def auto_watch(user_id: int | None, thread_id: int) -> None:
    """Watch a thread one starts or replies to, unless one already chose (track, mute)."""
    if user_id is None:
        return
    if db.session.get(ThreadWatch, (user_id, thread_id)) is None:
        db.session.add(ThreadWatch(user_id=user_id, thread_id=thread_id, level=WatchLevel.WATCH.value))


def reply_posted(post_id: int) -> None:
    """Watchers hear of a reply (the asker of an expert's answer as such); people @mentioned or
    quoted in it too. Each person gets one notice for it, the most specific one."""
    post = db.session.get(Post, post_id)
    if post is None or not post.is_public or post.thread.hidden_at is not None:
        return
    thread = post.thread
    author = {post.author_id}
    watchers = db.session.scalars(select(ThreadWatch.user_id).where(
        ThreadWatch.thread_id == thread.id, ThreadWatch.level == WatchLevel.WATCH.value))
    muted = _muted(thread.id)
    watchers = _unblocked(post.author_id, watchers)
    mentioned = [u for u in _unblocked(post.author_id, mentioned_ids(post.body_source, author)) if u not in muted]
    quoted = [u for u in _unblocked(post.author_id, quoted_ids(post, author)) if u not in muted]
    expert_answer = thread.is_question and post.author is not None and permissions.is_verified_expert(post.author)
    sees = lambda u: permissions.can_see_post(u, post)  # noqa: E731
    asker = thread.author_id if expert_answer and thread.author_id not in author | muted else None
    common = {"actor_id": post.author_id, "group_id": thread.group_id, "thread_id": thread.id, "post_id": post.id}
    ids = []
    if asker and _allowed([asker], sees):
        ids += _insert(NotificationKind.EXPERT_ANSWER.value, f"post:{post.id}", [asker], **common)
    mentioned = [u for u in _allowed(mentioned, sees) if u != asker]
    ids += _insert(NotificationKind.MENTION.value, f"post:{post.id}", mentioned, **common)
    quoted = [u for u in _allowed(quoted, sees) if u != asker and u not in mentioned]
    ids += _insert(NotificationKind.QUOTE.value, f"post:{post.id}", quoted, **common)
    skip = author | {asker} | set(mentioned) | set(quoted)
    ids += _insert(NotificationKind.REPLY.value, f"post:{post.id}",
                   _allowed([w for w in watchers if w not in skip], sees), **common)
    _send(ids)


def thread_started(thread_id: int, post_id: int) -> None:
    """Followers of the group hear of a new thread; people @mentioned in it too; and a question
    that asks an expert reaches the experts in the group's specialties (every verified expert,
    marked, when none covers it: the moderators are told apart, ``forum.experts.alerts``)."""
    thread = db.session.get(Thread, thread_id)
    post = db.session.get(Post, post_id)
    if thread is None or post is None or not post.is_public or thread.hidden_at is not None:
        return
    author = {thread.author_id}
    sees = lambda u: permissions.can_see_post(u, post)  # noqa: E731
    common = {"actor_id": thread.author_id, "group_id": thread.group_id, "thread_id": thread.id, "post_id": post.id}
    mentioned = _allowed(_unblocked(thread.author_id, mentioned_ids(post.body_source, author)), sees)
    ids = _insert(NotificationKind.MENTION.value, f"post:{post.id}", mentioned, **common)
    told = author | set(mentioned)
    if thread.is_question and thread.asks_expert:
        experts, everyone = audience_ids(thread.group_id)
        experts = _allowed([e for e in _unblocked(thread.author_id, experts) if e not in told], sees)
        ids += _insert(NotificationKind.EXPERT_QUESTION.value, f"expert_question:{thread.id}", experts,
                       detail="no_specialist" if everyone else "", **common)
        told |= set(experts)
    followers = _unblocked(thread.author_id, db.session.scalars(
        select(GroupFollow.user_id).where(GroupFollow.group_id == thread.group_id)))
    ids += _insert(NotificationKind.NEW_THREAD.value, f"thread:{thread.id}",
                   _allowed([f for f in followers if f not in told], sees), **common)
    _send(ids)


def no_specialist(thread_id: int, moderator_ids: list[int]) -> None:
    """Moderators who may see the thread hear that an "Ask an expert" question found no
    specialist (on their bell, and by email as they chose), once per question."""
    thread = db.session.get(Thread, thread_id)
    if thread is None:
        return
    ids = _insert(NotificationKind.NO_SPECIALIST.value, f"no_specialist:{thread.id}",
                  _allowed(moderator_ids, lambda u: permissions.can_view_thread(u, thread)),
                  actor_id=thread.author_id, group_id=thread.group_id, thread_id=thread.id)
    _send(ids)


def to_author(kind: str, post_id: int, actor_id: int | None, key: str, detail: str = "") -> None:
    """Tell a post's author something about it (accepted, helpful, moderated)."""
    post = db.session.get(Post, post_id)
    if post is None or post.author_id is None or post.author_id == actor_id:
        return
    if kind == NotificationKind.MODERATED.value:
        check = lambda u: permissions.can_view_thread(u, post.thread)  # noqa: E731 - the post may be gone
    else:
        check = lambda u: permissions.can_see_post(u, post)  # noqa: E731
    if post.author_id in _muted(post.thread_id) and kind == NotificationKind.HELPFUL.value:
        return
    ids = _insert(kind, key, _allowed([post.author_id], check), actor_id=actor_id,
                  group_id=post.thread.group_id, thread_id=post.thread_id, post_id=post.id, detail=detail)
    _send(ids)


def message_sent(message_id: int) -> None:
    """The other participants of a conversation hear of a new message (never its text: the
    notification says who wrote and links to the conversation, which checks again)."""
    from forum.models import ConversationParticipant, Message

    message = db.session.get(Message, message_id)
    if message is None or message.is_hidden:
        return
    others = db.session.scalars(select(ConversationParticipant.user_id).where(
        ConversationParticipant.conversation_id == message.conversation_id,
        ConversationParticipant.user_id != message.author_id))
    recipients = _unblocked(message.author_id, others)
    ids = _insert(NotificationKind.MESSAGE.value, f"message:{message.id}",
                  _allowed(recipients, lambda u: permissions.is_participant(u, message.conversation)),
                  actor_id=message.author_id, detail=f"conversation:{message.conversation_id}")
    _send(ids)


def recall_alerts(alert_ids: list[int]) -> None:
    """Members hear that an FDA recall may concern a medicine they saved. The notification names
    neither the medicine nor whose list it is on (a family profile's list stays private)."""
    from forum.models import RecallAlert

    for alert in db.session.scalars(select(RecallAlert).where(RecallAlert.id.in_(alert_ids or [-1]))):
        ids = _insert(NotificationKind.RECALL.value, f"recall:{alert.recall_id}:{alert.medicine_id}",
                      _allowed([alert.owner_id], lambda u: True), detail=f"recall:{alert.recall.recall_number}")
        _send(ids)


def to_user(kind: str, user_id: int, actor_id: int | None, key: str, *, group_id: int | None = None,
            detail: str = "") -> None:
    """Tell one person about a decision on them (a join request, an expert application)."""
    ids = _insert(kind, key, _allowed([user_id], lambda u: True), actor_id=actor_id, group_id=group_id,
                  detail=detail)
    _send(ids)
