"""The demo's moderation story, so that /mod looks alive for ``mod_maria``.

Written through the ordinary actions after the conversations exist: a reply in
crisis language (urgent, top of the queue), dubious medical advice flagged by
two members, spam hidden automatically after three flags, a personal attack
hidden by Maria with a reason, a locked thread, a warning, a few decided items
(so the median time to review has data) and the admin's watched words.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from forum.actions import moderation as actions
from forum.actions.posts import post_reply
from forum.extensions import db
from forum.models import Group, Post, Role, Thread, User, utcnow
from forum.models.moderation import ModerationAction, ReviewItem
from forum.publishing import PUBLISH

WATCHED_WORDS = (
    ("casino", "block"),
    ("miracle cure", "hold"),
    ("guaranteed cure", "hold"),
    ("detox", "flag"),
)

CRISIS_REPLY = (
    "Reading this at 3am. Honestly some nights I think everyone would be better off without me. "
    "I haven't told my partner how bad it has got."
)
DUBIOUS_REPLY = (
    "You can come off metformin completely if you take cinnamon capsules every morning. "
    "My neighbour did and her doctor never noticed."
)
SPAM_REPLY = (
    "Stop wasting money on prescriptions! Our herbal blend reverses everything in 14 days, "
    "order today at herbal-freedom dot shop."
)
RUDE_REPLY = (
    "Honestly that is the stupidest question I've read on here. Do some reading before wasting our time."
)
KEPT_REPLY = (
    "Beetroot juice lowered my readings a bit, but I still take my tablets. Worth asking your GP about."
)


def _thread_in(slug: str, index: int = -1) -> Thread:
    threads = list(
        db.session.scalars(select(Thread).join(Group).where(Group.slug == slug).order_by(Thread.created_at))
    )
    return threads[index]


def _posters(thread: Thread) -> list[User]:
    """Members (no staff or experts) who already wrote in ``thread``, opener first."""
    ids = dict.fromkeys(
        db.session.scalars(select(Post.author_id).where(Post.thread_id == thread.id).order_by(Post.number))
    )
    people = [db.session.get(User, i) for i in ids if i is not None]
    return [p for p in people if p.role == Role.MEMBER]


def _age_item(post: Post, minutes: int) -> None:
    item = db.session.scalar(select(ReviewItem).where(ReviewItem.post_id == post.id))
    item.opened_at -= timedelta(minutes=minutes)
    db.session.commit()


def seed_moderation(users: dict[str, User], moderator: User) -> None:
    """Queue items, hidden posts and audit rows for the demo."""
    flaggers = [users[name] for name in ("sam_k", "kwame_a", "annie_k", "luis_g", "carol_w")]
    crisis_thread = _thread_in("anxiety-depression")
    post_reply(_posters(crisis_thread)[-1], crisis_thread, CRISIS_REPLY, choice=PUBLISH)

    diabetes = _thread_in("type-2-diabetes")
    writer = _posters(diabetes)[-1]
    dubious = post_reply(writer, diabetes, DUBIOUS_REPLY, screen=False)
    actions.flag_post(
        flaggers[0], dubious, "harmful_advice", "Stopping metformin without a doctor is dangerous."
    )
    actions.flag_post(flaggers[1], dubious, "misinformation")

    heart = _thread_in("heart-health")
    spam = post_reply(_posters(heart)[-1], heart, SPAM_REPLY, screen=False)
    for flagger, reason in zip(flaggers[2:], ("spam", "spam", "misinformation"), strict=False):
        actions.flag_post(flagger, spam, reason)

    pain = _thread_in("chronic-pain")
    rude = post_reply(_posters(pain)[-1], pain, RUDE_REPLY, screen=False)
    actions.flag_post(flaggers[0], rude, "harassment", "Aimed at a new member.")
    _age_item(rude, 95)
    actions.hide(moderator, rude, "Personal attack on another member; please keep replies kind.")
    actions.sanction_user(
        moderator, rude.author, "warn", "Please keep replies kind; questions are always welcome."
    )

    kept = post_reply(_posters(diabetes)[0], diabetes, KEPT_REPLY, screen=False)
    actions.flag_post(flaggers[4], kept, "misinformation")
    _age_item(kept, 40)
    actions.keep(moderator, kept, "Personal experience, and it says to ask the GP.")

    _history(moderator, flaggers)
    asthma = _thread_in("asthma-copd", 0)
    actions.lock_thread(moderator, asthma, True, "Answered; closing to keep the advice in one place.")


HISTORY_REASONS = ("spam", "misinformation", "harassment", "harmful_advice", "other")


def _history(moderator: User, flaggers: list[User]) -> None:
    """Flags on older posts, decided a little later, so the charts and the median have a past."""
    now = utcnow()
    queued = select(ReviewItem.post_id)
    posts = list(
        db.session.scalars(
            select(Post)
            .where(
                Post.created_at.between(now - timedelta(days=29), now - timedelta(days=1)),
                Post.number > 1,
                Post.deleted_at.is_(None),
                Post.id.not_in(queued),
            )
            .order_by(Post.created_at)
        )
    )
    for k, post in enumerate(posts[:: max(1, len(posts) // 12)][:12]):
        flagger = next(f for f in flaggers if f.id != post.author_id)
        reason = HISTORY_REASONS[k % len(HISTORY_REASONS)]
        flag = actions.flag_post(
            flagger, post, reason, "This reads like an advert." if reason == "other" else ""
        )
        actions.keep(moderator, post, "Checked: within the community guidelines.")
        when = post.created_at + timedelta(hours=2 + k % 5)
        waited = timedelta(minutes=15 + (k * 37) % 240)
        flag.created_at, flag.resolved_at = when, when + waited
        item = db.session.scalar(select(ReviewItem).where(ReviewItem.post_id == post.id))
        item.opened_at, item.closed_at, item.review_seconds = when, when + waited, int(waited.total_seconds())
        for row in db.session.scalars(
            select(ModerationAction).where(
                ModerationAction.target_type == "post", ModerationAction.target_id == post.id
            )
        ):
            row.created_at = when + waited
        db.session.commit()


def seed_watched_words(admin: User) -> None:
    for word, action in WATCHED_WORDS:
        actions.add_watched_word(admin, word, action)
