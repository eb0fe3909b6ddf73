"""Newsletter reads: counts per topic, an issue's recipients in batches, the issue list, a
member's own subscriptions. Each is one statement on the topic index or a primary key."""
from __future__ import annotations

from sqlalchemy import distinct, func, or_, select

from forum.extensions import db
from forum.models.newsletter import NewsletterIssue, NewsletterSubscriber, NewsletterTopic

ISSUES_SHOWN = 50


def _confirmed_with(topics: list[str]):
    return (select(NewsletterTopic.subscriber_id).join(NewsletterSubscriber)
            .where(NewsletterTopic.topic.in_(topics), NewsletterSubscriber.confirmed_at.is_not(None)))


def counts_by_topic() -> dict[str, int]:
    """Confirmed subscribers of each topic."""
    rows = db.session.execute(
        select(NewsletterTopic.topic, func.count()).join(NewsletterSubscriber)
        .where(NewsletterSubscriber.confirmed_at.is_not(None)).group_by(NewsletterTopic.topic))
    return dict(rows.all())


def recipient_count(topics: list[str]) -> int:
    """Confirmed subscribers of any of ``topics``, each counted once."""
    if not topics:
        return 0
    return db.session.scalar(select(func.count(distinct(NewsletterTopic.subscriber_id)))
                             .select_from(NewsletterTopic).join(NewsletterSubscriber)
                             .where(NewsletterTopic.topic.in_(topics), NewsletterSubscriber.confirmed_at.is_not(None)))


def recipient_ids_after(topics: list[str], after: int, limit: int) -> list[int]:
    """The next ``limit`` recipient ids above ``after``, in id order (one batch)."""
    if not topics:
        return []
    return list(db.session.scalars(_confirmed_with(topics).where(NewsletterTopic.subscriber_id > after)
                                   .group_by(NewsletterTopic.subscriber_id)
                                   .order_by(NewsletterTopic.subscriber_id).limit(limit)))


def recent_issues(limit: int = ISSUES_SHOWN) -> list[NewsletterIssue]:
    return list(db.session.scalars(select(NewsletterIssue)
                                   .order_by(NewsletterIssue.created_at.desc(), NewsletterIssue.id.desc())
                                   .limit(limit)))


def subscriptions_of(user) -> list[NewsletterSubscriber]:
    """A member's confirmed subscriptions: tied to the account, or for its address."""
    if not getattr(user, "is_authenticated", False):
        return []
    return list(db.session.scalars(
        select(NewsletterSubscriber)
        .where(or_(NewsletterSubscriber.user_id == user.id, NewsletterSubscriber.email == user.email),
               NewsletterSubscriber.confirmed_at.is_not(None))
        .order_by(NewsletterSubscriber.id).limit(20)))
