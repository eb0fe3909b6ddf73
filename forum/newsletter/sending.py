"""Newsletter jobs (``forum.jobs``): the confirmation email, a test copy, and an issue's fan-out.

Each loads what it needs again and checks it again when it runs: a subscriber who
unsubscribed or deleted their account in between is skipped, a group made private
drops out of the issue's topics. Every copy goes through ``forum.mail.send_once``
under a key naming the issue and the subscriber, so a retried batch, or a plan run
twice, never sends anyone the same issue twice. Every issue carries the RFC 8058
one-click unsubscribe headers and a plain-text and an HTML part.
"""
from __future__ import annotations

from flask import current_app
from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from forum import jobs
from forum.extensions import db
from forum.links import absolute
from forum.mail import build_message, send_once
from forum.models import User
from forum.models.newsletter import NewsletterIssue, NewsletterSubscriber, NewsletterTopic
from forum.newsletter import tokens
from forum.newsletter.queries import recipient_ids_after
from forum.newsletter.topics import current_topics, labels


def batch_size() -> int:
    return max(1, int(current_app.config.get("NEWSLETTER_BATCH", 200)))


def send_confirmation(subscriber_id: int, nonce: str, topics: list[str], user_id: int | None, root: str) -> None:
    """Email the double opt-in link (unless a newer sign-up replaced this one)."""
    subscriber = db.session.get(NewsletterSubscriber, subscriber_id)
    if subscriber is None or subscriber.confirm_nonce != nonce:
        return
    site = current_app.config["SITE_NAME"]
    link = absolute(root, "newsletter.confirm", t=tokens.confirmation_token(subscriber_id, nonce, topics, user_id))
    names = ", ".join(labels(topics).values())
    body = (f"Hello,\n\nSomeone (we hope you) asked to receive the {site} newsletter at this address, "
            f"about: {names}.\n\nOpen this link within {tokens.confirm_days()} days and press the button "
            f"to confirm:\n\n{link}\n\nUntil you do, nothing else is sent to you. If it was not you, "
            "ignore this message.\n")
    send_once(f"newsletter-confirm:{subscriber_id}:{nonce}",
              build_message(subscriber.email, f"Confirm your {site} newsletter subscription", body),
              user_id=subscriber.user_id)


def issue_message(issue: NewsletterIssue, to: str, unsubscribe_url: str, topic_names: list[str],
                  test: bool = False):
    """One copy of ``issue`` for ``to``: plain text and HTML, with one-click unsubscribe headers."""
    site = current_app.config["SITE_NAME"]
    why = ", ".join(topic_names) or "the newsletter"
    text = (f"{issue.body_source}\n\n-- \nYou receive this because you subscribed to {why} on {site}.\n"
            f"Unsubscribe with one click: {unsubscribe_url}\n")
    html = current_app.jinja_env.get_template("newsletter/email.html").render(
        issue=issue, why=why, unsubscribe_url=unsubscribe_url, site_name=site, test=test)
    headers = {"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    subject = f"[Test] {issue.subject}" if test else issue.subject
    return build_message(to, subject, text, html=html, headers=headers)


def _unsubscribe_url(root: str, subscriber_id: int, email: str) -> str:
    return absolute(root, "newsletter.unsubscribe", t=tokens.unsubscribe_token(subscriber_id, email))


def send_test_issue(issue_id: int, admin_id: int, root: str, key: str) -> None:
    """A test copy to the admin who asked for it (still an admin when it runs)."""
    from forum import permissions

    issue, admin = db.session.get(NewsletterIssue, issue_id), db.session.get(User, admin_id)
    if issue is None or admin is None or not permissions.can_manage_newsletter(admin):
        return
    own = db.session.scalar(select(NewsletterSubscriber).where(NewsletterSubscriber.email == admin.email))
    url = _unsubscribe_url(root, own.id if own else 0, admin.email)
    names = list(labels(issue.topic_keys).values())
    send_once(key, issue_message(issue, admin.email, url, names, test=True), user_id=admin.id)


def plan_issue(issue_id: int, root: str) -> None:
    """Split the issue's recipients into batches, one ``send_batch`` job each."""
    issue = db.session.get(NewsletterIssue, issue_id)
    if issue is None or not issue.is_sent:
        return
    topics, after, size, batches = current_topics(issue.topic_keys), 0, batch_size(), []
    while ids := recipient_ids_after(topics, after, size):
        batches.append(ids)
        after = ids[-1]
    # End this job's transaction first: in-process, each batch runs at once, in its own.
    db.session.commit()
    for ids in batches:
        jobs.enqueue(send_batch, issue_id, ids, root)


def send_batch(issue_id: int, subscriber_ids: list[int], root: str) -> None:
    """Send the issue to those of ``subscriber_ids`` still subscribed to one of its topics."""
    issue = db.session.get(NewsletterIssue, issue_id)
    if issue is None:
        return
    names = labels(current_topics(issue.topic_keys))
    subscribers = db.session.scalars(
        select(NewsletterSubscriber).options(selectinload(NewsletterSubscriber.topics))
        .where(NewsletterSubscriber.id.in_(subscriber_ids), NewsletterSubscriber.confirmed_at.is_not(None),
               NewsletterSubscriber.topics.any(NewsletterTopic.topic.in_(list(names))))
        .order_by(NewsletterSubscriber.id)).all()
    # Built before sending: each send commits, and nothing needs loading again after it.
    copies = [(f"newsletter:{issue_id}:{s.id}", s.user_id,
               issue_message(issue, s.email, _unsubscribe_url(root, s.id, s.email),
                             [names[k] for k in s.topic_keys if k in names]))
              for s in subscribers]
    for key, user_id, message in copies:
        if send_once(key, message, user_id=user_id):
            db.session.execute(update(NewsletterIssue).where(NewsletterIssue.id == issue_id)
                               .values(sent_count=NewsletterIssue.sent_count + 1))
            db.session.commit()
