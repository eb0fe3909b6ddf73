"""The hooks the verbs call when something happens that someone should hear about.

Each is one line in its verb (inside the verb's transaction) and does no fan-out
itself: it enqueues a job (``forum.jobs.enqueue``), which runs after the commit
and works out who is told (``forum.actions.fanout``), so a reply in a thread with
thousands of watchers costs the request what one with none costs. The only write
here is the author's auto-watch of a thread they start or reply to.

Every key passed to a job is fixed here, so a retried job never notifies twice.
"""
from __future__ import annotations

from forum import jobs
from forum.actions import fanout
from forum.models import ExpertApplication, Group, NotificationKind, Post, Thread, User, utcnow


def _stamp() -> str:
    return utcnow().strftime("%Y%m%dT%H%M%S%f")


def thread_started(thread: Thread, post: Post) -> None:
    fanout.auto_watch(thread.author_id, thread.id)
    jobs.enqueue(fanout.thread_started, thread.id, post.id)


def reply_posted(post: Post) -> None:
    fanout.auto_watch(post.author_id, post.thread_id)
    jobs.enqueue(fanout.reply_posted, post.id)


def post_published(post: Post) -> None:
    """A held or hidden post became public: tell whoever would have been told when written."""
    if isinstance(post, Post):
        if post.is_opening:
            jobs.enqueue(fanout.thread_started, post.thread_id, post.id)
        else:
            jobs.enqueue(fanout.reply_posted, post.id)


def answer_accepted(actor: User, post: Post) -> None:
    jobs.enqueue(fanout.to_author, NotificationKind.ACCEPTED.value, post.id, actor.id, f"accepted:{post.id}")


def marked_helpful(voter: User, post: Post) -> None:
    jobs.enqueue(fanout.to_author, NotificationKind.HELPFUL.value, post.id, voter.id,
                 f"helpful:{post.id}:{voter.id}")


def join_decided(moderator: User, group: Group, user: User, approved: bool) -> None:
    kind = NotificationKind.JOIN_APPROVED if approved else NotificationKind.JOIN_DECLINED
    jobs.enqueue(fanout.to_user, kind.value, user.id, moderator.id, f"{kind.value}:{group.id}:{_stamp()}",
                 group_id=group.id)


def expert_decided(reviewer: User, application: ExpertApplication) -> None:
    detail = f"{application.status}: {application.decision_reason or ''}".strip(" :")
    jobs.enqueue(fanout.to_user, NotificationKind.EXPERT_DECIDED.value, application.user_id, reviewer.id,
                 f"expert_decided:{application.id}", detail=detail)


def post_moderated(moderator: User, post, action: str, reason: str) -> None:
    """A moderator hid, deleted or edited someone's post (article comments have no notices yet)."""
    if isinstance(post, Post) and post.author_id and post.author_id != moderator.id:
        jobs.enqueue(fanout.to_author, NotificationKind.MODERATED.value, post.id, moderator.id,
                     f"moderated:{action}:{post.id}:{_stamp()}", detail=f"{action}: {reason}"[:500])


def message_sent(message) -> None:
    jobs.enqueue(fanout.message_sent, message.id)


def recall_alerts(alerts) -> None:
    """New My Medicine recall alerts (forum.medicine.recalls): their owners are told."""
    if alerts:
        jobs.enqueue(fanout.recall_alerts, [alert.id for alert in alerts])
