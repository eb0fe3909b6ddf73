"""Newsletter verbs: ask to subscribe, confirm, unsubscribe; write, test and send an issue.

Signing up never says whether an address is subscribed already: the same answer,
and the same one email with a link, either way; nothing about the subscription
changes until the link is opened. Sending claims the issue once (a second click,
or two admins at once, get "already sent") and hands the fan-out to jobs
(``forum.newsletter.sending``), one per batch of recipients.
"""
from __future__ import annotations

import secrets
from datetime import timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from forum import jobs, permissions, publishing
from forum.actions import ActionError
from forum.actions.accounts import normalize_email
from forum.extensions import db
from forum.models import User, utcnow
from forum.models.newsletter import NewsletterIssue, NewsletterSubscriber, NewsletterTopic
from forum.newsletter import sending, tokens
from forum.newsletter.queries import recipient_count
from forum.newsletter.topics import current_topics

EMAIL_MAX = 254


def _check_email(email: str | None) -> str:
    email = normalize_email(email or "")
    local, _, domain = email.partition("@")
    if not email or len(email) > EMAIL_MAX or not local or "." not in domain or any(c.isspace() for c in email):
        raise ActionError("Enter a valid email address, like name@example.com.")
    return email


def request_subscription(email: str, topics: list[str], root: str, user: User | None = None) -> str:
    """Email a confirmation link for ``topics`` to ``email``; returns the address, normalised.

    Raises ActionError for a malformed address or no current topic.
    """
    email = _check_email(email)
    chosen = current_topics(topics)
    if not chosen:
        raise ActionError("Choose at least one topic.")
    subscriber = _subscriber_for(email)
    subscriber.confirm_nonce = secrets.token_hex(16)
    # Tied to the account only for the account's own address: someone else's address stays theirs.
    signed_in = user is not None and getattr(user, "is_authenticated", False)
    user_id = user.id if signed_in and user.email == email else None
    jobs.enqueue(sending.send_confirmation, subscriber.id, subscriber.confirm_nonce, chosen, user_id, root)
    db.session.commit()
    return email


def _subscriber_for(email: str) -> NewsletterSubscriber:
    """The row for ``email``, made (unconfirmed, with no topics) if there is none."""
    found = db.session.scalar(select(NewsletterSubscriber).where(NewsletterSubscriber.email == email))
    if found is not None:
        return found
    try:
        with db.session.begin_nested():
            found = NewsletterSubscriber(email=email, created_at=utcnow())
            db.session.add(found)
    except IntegrityError:  # the same address signed up at the same moment
        found = db.session.scalar(select(NewsletterSubscriber).where(NewsletterSubscriber.email == email))
    return found


def pending_confirmation(token: str | None) -> tuple[NewsletterSubscriber, list[str], int | None]:
    """The subscriber and topics a confirmation link is for. Raises ActionError if the link is
    forged, expired, used already, or replaced by a newer sign-up."""
    data = tokens.read_confirmation(token)
    if data is None:
        raise ActionError("This confirmation link is not valid or has expired. Please sign up again.")
    subscriber = db.session.get(NewsletterSubscriber, data["s"])
    if subscriber is None or subscriber.confirm_nonce is None or \
            not secrets.compare_digest(subscriber.confirm_nonce, data["n"]):
        raise ActionError("This confirmation link was used already or replaced by a newer one. "
                          "If you are not subscribed yet, please sign up again.")
    return subscriber, data["t"], data["u"]


def confirm_subscription(token: str | None) -> NewsletterSubscriber:
    """Open a confirmation link: the subscription starts, with the topics it carries.

    Raises ActionError (see ``pending_confirmation``), or if none of its topics is still public.
    """
    subscriber, topics, user_id = pending_confirmation(token)
    chosen = current_topics(topics)
    if not chosen:
        raise ActionError("The topics you chose are no longer available. Please sign up again.")
    subscriber.topics = [NewsletterTopic(topic=t) for t in chosen]
    subscriber.confirm_nonce = None
    subscriber.confirmed_at = subscriber.confirmed_at or utcnow()
    owner = db.session.get(User, user_id) if user_id else None
    owner = owner or db.session.scalar(select(User).where(User.email == subscriber.email,
                                                          User.email_confirmed_at.is_not(None)))
    if owner is not None:
        subscriber.user_id = owner.id
    db.session.commit()
    return subscriber


def unsubscribe(token: str | None) -> None:
    """Stop every newsletter email to the link's address. Repeating it is harmless.

    Raises ActionError for a forged or malformed link.
    """
    parsed = tokens.read_unsubscribe(token)
    if parsed is None:
        raise ActionError("This unsubscribe link is not valid. Copy the whole link from the email.")
    subscriber = db.session.get(NewsletterSubscriber, parsed[0])
    if subscriber is not None and subscriber.email == parsed[1]:
        db.session.delete(subscriber)
    db.session.commit()


# -- issues ---------------------------------------------------------------------------

def save_issue(admin: User, issue: NewsletterIssue | None, *, subject: str, body: str, topics: list[str],
               choice: str = "") -> NewsletterIssue:
    """Write or change an unsent issue. Raises ActionError, or ``publishing.NeedsConfirmation``."""
    if not permissions.can_manage_newsletter(admin):
        raise ActionError("Only admins write the newsletter.")
    if issue is not None and issue.is_sent:
        raise ActionError("This issue was sent already, so it can no longer be changed.")
    chosen = current_topics(topics)
    if not chosen:
        raise ActionError("Choose at least one topic: the issue goes to their subscribers.")
    text = publishing.prepare(admin, publishing.NEWSLETTER, body, title=subject, choice=choice)
    if issue is None:
        issue = NewsletterIssue(author_id=admin.id, created_at=utcnow())
        db.session.add(issue)
    else:
        issue.edited_at = utcnow()
    issue.subject, issue.body_source, issue.body_html = text.title, text.body, text.html
    issue.topics = " ".join(chosen)
    db.session.commit()
    return issue


def send_test(admin: User, issue: NewsletterIssue, root: str) -> None:
    """Email the issue to ``admin``'s own address (a job). Raises ActionError for a non-admin."""
    if not permissions.can_manage_newsletter(admin):
        raise ActionError("Only admins send the newsletter.")
    issue.last_test_at = utcnow()
    jobs.enqueue(sending.send_test_issue, issue.id, admin.id, root, f"newsletter-test:{issue.id}:{secrets.token_hex(8)}")
    db.session.commit()


def start_sending(admin: User, issue: NewsletterIssue, root: str) -> int:
    """Send the issue to its subscribers, once; returns how many it goes to.

    Raises ActionError if it was sent already or nobody would receive it.
    """
    if not permissions.can_manage_newsletter(admin):
        raise ActionError("Only admins send the newsletter.")
    count = recipient_count(current_topics(issue.topic_keys))
    if count == 0:
        raise ActionError("No confirmed subscriber has chosen these topics yet, so there is nobody to send to.")
    claimed = db.session.execute(
        update(NewsletterIssue).where(NewsletterIssue.id == issue.id, NewsletterIssue.sending_started_at.is_(None))
        .values(sending_started_at=utcnow(), recipient_count=count)).rowcount
    if not claimed:
        db.session.rollback()
        raise ActionError("This issue was sent already.")
    jobs.enqueue(sending.plan_issue, issue.id, root)
    db.session.commit()
    return count


def forget_unconfirmed() -> int:
    """Delete sign-ups never confirmed while their link worked (``NEWSLETTER_CONFIRM_DAYS``);
    returns how many. For cron: an address nobody confirmed is not kept."""
    cutoff = utcnow() - timedelta(days=tokens.confirm_days())
    result = db.session.execute(delete(NewsletterSubscriber).where(NewsletterSubscriber.confirmed_at.is_(None),
                                                                   NewsletterSubscriber.created_at < cutoff))
    db.session.commit()
    return result.rowcount
