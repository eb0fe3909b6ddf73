"""Notification email: sent at once by a job, or gathered into daily and weekly digests.

Every message has a plain-text and an HTML part and RFC 8058 one-click
unsubscribe headers (``List-Unsubscribe`` with a signed token, and
``List-Unsubscribe-Post``), so a mail client can stop it without a login. At
send time the job checks everything again: the account still exists and may be
told, the notification is unread and not yet emailed, the person still wants it
now, and they may still see what it is about (someone who lost access to a
private group in between gets nothing). Delivery goes through
``forum.mail.send_once``, so a retried job never sends twice.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app, has_request_context, render_template, url_for
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import exists, or_, select, update
from sqlalchemy.orm import joinedload

from forum import permissions
from forum.extensions import db
from forum.mail import build_message, send_once
from forum.models import (
    EXPERT_ANSWERS_DIGEST,
    EmailPreference,
    ExpertVerification,
    Frequency,
    Membership,
    MembershipStatus,
    Notification,
    NotificationKind,
    Post,
    Thread,
    ThreadKind,
    User,
    utcnow,
)
from forum.notifications.queries import batches, describe, target_url, visible_notifications

K = NotificationKind
DEFAULTS = {K.HELPFUL: Frequency.DAILY, K.NEW_THREAD: Frequency.DAILY, K.EXPERT_QUESTION: Frequency.DAILY}
LABELS = {
    K.REPLY: "Replies and answers in threads you watch",
    K.EXPERT_ANSWER: "An expert answers your question",
    K.ACCEPTED: "Your answer is accepted",
    K.HELPFUL: "Your answer is marked helpful",
    K.MENTION: "Someone @mentions you",
    K.QUOTE: "Someone quotes your post",
    K.JOIN_APPROVED: "A group approves your request to join",
    K.JOIN_DECLINED: "A group declines your request to join",
    K.EXPERT_DECIDED: "Your expert application is decided",
    K.MODERATED: "A moderator acts on your post",
    K.NEW_THREAD: "New threads in groups you follow",
    K.MESSAGE: "Someone sends you a private message",
    K.RECALL: "An FDA recall may concern a medicine on your My Medicine list",
    K.EXPERT_QUESTION: "Experts: a member asks an expert in your specialties",
    K.NO_SPECIALIST: "Moderators: a question finds no expert for its group",
}
# The digest also lists new expert answers in one's groups (not notifications: see the model).
DIGEST_ONLY = {EXPERT_ANSWERS_DIGEST: "New expert answers in your groups (in your digest)"}
DIGEST_ONLY_DEFAULT = Frequency.WEEKLY.value
WINDOWS = {Frequency.DAILY.value: timedelta(days=1), Frequency.WEEKLY.value: timedelta(days=7)}
EXPERT_ANSWERS_LISTED = 10
SALT = "askwell-unsubscribe"


def preferences(user_id: int) -> dict[str, str]:
    """How often each kind is emailed to ``user_id`` (defaults filled in)."""
    chosen = {p.kind: p.frequency for p in db.session.scalars(
        select(EmailPreference).where(EmailPreference.user_id == user_id))}
    found = {k.value: chosen.get(k.value, DEFAULTS.get(k, Frequency.IMMEDIATELY).value) for k in NotificationKind}
    found[EXPERT_ANSWERS_DIGEST] = chosen.get(EXPERT_ANSWERS_DIGEST, DIGEST_ONLY_DEFAULT)
    return found


def unsubscribe_token(user_id: int, kind: str | None) -> str:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=SALT).dumps({"u": user_id, "k": kind or ""})


def read_unsubscribe_token(token: str) -> tuple[int, str | None] | None:
    """The (user id, kind) a token names; None if it was not made here."""
    try:
        data = URLSafeSerializer(current_app.config["SECRET_KEY"], salt=SALT).loads(token)
        return int(data["u"]), (data.get("k") or None)
    except (BadSignature, KeyError, TypeError, ValueError):
        return None


def _site_url(build):
    """Absolute URLs in email, from SITE_URL (never a request's Host header)."""
    site = current_app.config.get("SITE_URL") or "http://localhost:5000"
    if has_request_context():
        return site + build()
    with current_app.test_request_context(base_url=site):
        return site + build()


def _message(user: User, subject: str, template: str, kind: str | None, **context):
    unsubscribe = _site_url(lambda: url_for("notifications.unsubscribe", token=unsubscribe_token(user.id, kind)))
    settings = _site_url(lambda: url_for("notifications.email_settings"))
    context.update(user=user, unsubscribe_url=unsubscribe, settings_url=settings,
                   site_name=current_app.config["SITE_NAME"])
    with current_app.test_request_context(base_url=current_app.config.get("SITE_URL") or "http://localhost:5000"):
        text = render_template(f"notifications/email/{template}.txt", **context)
        html = render_template(f"notifications/email/{template}.html", **context)
    headers = {"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    return build_message(user.email, subject, text, html=html, headers=headers)


def _entry(n: Notification) -> dict:
    """What an email says about one notification: the sentence, the link, a short excerpt."""
    from moderation.sanitize import plain_text

    excerpt, note = "", ""
    if n.post is not None and n.kind in (K.REPLY, K.EXPERT_ANSWER, K.MENTION, K.QUOTE, K.NEW_THREAD,
                                         K.EXPERT_QUESTION):
        excerpt = plain_text(n.post.body_source, 300)
    if n.kind == K.NO_SPECIALIST:
        queue = _site_url(lambda: url_for("experts.queue"))
        note = ("No verified expert covers this group's specialties, so the question went to every verified "
                "expert's queue, marked \"no specialist for this group\". Mapping the group to a specialty "
                f"that has verified experts sends its next questions to them. The expert queue: {queue}")
    return {"text": describe([n]), "url": _site_url(lambda: target_url(n)), "excerpt": excerpt, "note": note}


def _wanted_now(notifications: list[Notification]) -> list[Notification]:
    """The unread, un-emailed ones whose owner wants this kind at once (one query for all)."""
    fresh = [n for n in notifications if n.read_at is None and n.emailed_at is None]
    chosen = {(p.user_id, p.kind): p.frequency for p in db.session.scalars(
        select(EmailPreference).where(EmailPreference.user_id.in_({n.user_id for n in fresh})))}
    default = {k.value: DEFAULTS.get(k, Frequency.IMMEDIATELY).value for k in NotificationKind}
    return [n for n in fresh
            if chosen.get((n.user_id, n.kind), default.get(n.kind)) == Frequency.IMMEDIATELY.value]


def _delivery_key(n: Notification) -> str:
    """The name of this notification's email, the same on every retry of the job. It holds the
    notification's creation time as well as its id: SQLite gives a new row the id of a deleted
    one (notifications go with a deleted account), and the new notification's email was then
    taken for sent already and never went."""
    return f"notification:{n.id}:{n.created_at:%Y%m%d%H%M%S%f}"


def send_immediately(notification_ids: list[int]) -> None:
    """Job: email each notification whose owner wants it at once (checked again now)."""
    from forum.notifications.queries import prime_memberships

    rows = db.session.scalars(select(Notification).options(joinedload(Notification.user))
                              .where(Notification.id.in_(notification_ids))).all()
    wanted = _wanted_now(rows)
    prime_memberships([n.user_id for n in wanted])
    outgoing = []  # made before the first commit, which would expire (and reload) every row
    for n in wanted:
        user = n.user
        if user is None or not permissions.can_see_notification(user, n):
            continue
        entry = _entry(n)
        outgoing.append((n.id, _delivery_key(n), user.id,
                         _message(user, entry["text"][:150], "notification", n.kind, entry=entry)))
    for notification_id, key, user_id, message in outgoing:
        if send_once(key, message, user_id=user_id):
            db.session.execute(update(Notification).where(Notification.id == notification_id)
                               .values(emailed_at=utcnow()))
            db.session.commit()


def digest_period_key(period: str, now: datetime) -> str:
    if period == Frequency.WEEKLY.value:
        year, week, _ = now.isocalendar()
        return f"{year}-W{week:02d}"
    return now.strftime("%Y-%m-%d")


def _expert_answers_since(since: datetime):
    """A SELECT of public, signed answers by verified experts to questions, written since ``since``."""
    expert = exists().where(ExpertVerification.user_id == Post.author_id, ExpertVerification.revoked_at.is_(None))
    return (select(Post).join(Thread, Thread.id == Post.thread_id)
            .where(Post.created_at >= since, Post.number > 1, Post.is_anonymous.is_(False),
                   Post.deleted_at.is_(None), Post.hidden_at.is_(None), Thread.hidden_at.is_(None),
                   Thread.kind == ThreadKind.QUESTION.value, expert))


def _members_of(group_ids):
    return select(Membership.user_id).where(Membership.group_id.in_(group_ids),
                                            Membership.status == MembershipStatus.ACTIVE.value)


def users_due_a_digest(period: str) -> list[int]:
    """Accounts with unread, un-emailed notifications of a kind they chose for this digest, and
    members of groups with new expert answers who get those in this digest."""
    chosen = [k.value for k in NotificationKind if DEFAULTS.get(k, Frequency.IMMEDIATELY).value == period]
    explicit = select(EmailPreference.user_id).where(EmailPreference.frequency == period)
    stmt = select(Notification.user_id).distinct().where(
        Notification.read_at.is_(None), Notification.emailed_at.is_(None),
        Notification.kind.in_(chosen) | Notification.user_id.in_(explicit))
    users = set(db.session.scalars(stmt))
    if period in WINDOWS:
        groups = _expert_answers_since(utcnow() - WINDOWS[period]).with_only_columns(Thread.group_id).distinct()
        choice = select(EmailPreference.user_id).where(EmailPreference.kind == EXPERT_ANSWERS_DIGEST)
        members = _members_of(groups)
        if period == DIGEST_ONLY_DEFAULT:
            members = members.where(Membership.user_id.not_in(choice.where(EmailPreference.frequency != period)))
        else:
            members = members.where(Membership.user_id.in_(choice.where(EmailPreference.frequency == period)))
        users |= set(db.session.scalars(members.distinct()))
    return sorted(users)


def new_expert_answers(user: User, period: str, told_post_ids: set[int]) -> list[Post]:
    """New expert answers in ``user``'s groups for this digest, which they may see and were not
    told of already (their own question's answers come as notifications)."""
    if period not in WINDOWS or preferences(user.id)[EXPERT_ANSWERS_DIGEST] != period:
        return []
    mine = select(Membership.group_id).where(Membership.user_id == user.id,
                                             Membership.status == MembershipStatus.ACTIVE.value)
    notified = select(Notification.post_id).where(Notification.user_id == user.id,
                                                  Notification.post_id.is_not(None))
    stmt = (_expert_answers_since(utcnow() - WINDOWS[period])
            .where(Thread.group_id.in_(mine), Post.author_id != user.id, Post.id.not_in(notified),
                   or_(Thread.author_id.is_(None), Thread.author_id != user.id))
            .options(joinedload(Post.author), joinedload(Post.thread).joinedload(Thread.group))
            .order_by(Post.created_at.desc()).limit(EXPERT_ANSWERS_LISTED * 3))
    posts = [p for p in db.session.scalars(stmt).unique() if p.id not in told_post_ids
             and permissions.can_see_post(user, p)]
    return posts[:EXPERT_ANSWERS_LISTED]


def send_digest(user_id: int, period: str, period_key: str) -> bool:
    """Job: one email with ``user_id``'s unread activity of the kinds they chose for ``period``,
    and the new expert answers in their groups."""
    from forum.notifications.queries import prime_memberships

    user = db.session.get(User, user_id)
    if user is None or not permissions.can_receive_notifications(user):
        return False
    prime_memberships([user_id])
    wanted = {k for k, f in preferences(user_id).items() if f == period}
    items = [n for n in visible_notifications(user, limit=200, unread_only=True)
             if n.kind in wanted and n.emailed_at is None]
    answers = new_expert_answers(user, period, {n.post_id for n in items if n.post_id})
    if not items and not answers:
        return False
    lines = [{"text": b.text, "url": _site_url(lambda b=b: target_url(b.first))} for b in batches(items)]
    expert_lines = [{"text": f"{p.author.name}, a verified expert, answered “{p.thread.title}” in {p.thread.group.name}",
                     "url": _site_url(lambda p=p: url_for("threads.permalink", post_id=p.id))} for p in answers]
    count = f"{len(items)} new" if items else ""
    if answers:
        noun = "expert answer" if len(answers) == 1 else "expert answers"
        count = f"{count}, {len(answers)} {noun}" if count else f"{len(answers)} new {noun}"
    subject = f"Your {period} {current_app.config['SITE_NAME']} digest: {count}"
    message = _message(user, subject, "digest", None, lines=lines, expert_lines=expert_lines, period=period)
    sent = send_once(f"digest:{period}:{user_id}:{period_key}", message, user_id=user_id)
    if sent and items:
        db.session.execute(update(Notification).where(Notification.id.in_([n.id for n in items]))
                           .values(emailed_at=utcnow()))
        db.session.commit()
    return sent
