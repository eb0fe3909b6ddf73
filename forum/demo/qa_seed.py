"""Add the Q&A layer to a freshly written demo community (see ``forum.demo.qa_content``).

Runs after the conversations exist and before the demo is marked complete:
the demo admin verifies the three experts, groups get their specialties, askers
accept answers, members mark answers helpful, a member's expert application
waits for review, and the experts publish Second Opinion articles that members
comment on. Everything goes through the ordinary actions, then timestamps are
moved back to match the rest of the demo.
"""
from __future__ import annotations

import inspect
from datetime import datetime, timedelta

from sqlalchemy import select

from forum.actions.articles import comment_on_article, write_article
from forum.actions.experts import apply_as_expert, approve_application, set_group_specialties
from forum.actions.qa import accept_answer, toggle_helpful
from forum.demo import qa_content
from forum.extensions import db
from forum.models import Article, ExpertAuditEntry, Membership, MembershipStatus, Post, ThreadKind, User

MINUTE, HOUR, DAY = timedelta(minutes=1), timedelta(hours=1), timedelta(days=1)


def seed_qa(users: dict, groups: dict, written: list[dict], admin: User, now: datetime, text) -> None:
    """``text`` turns a hard-wrapped demo body into Markdown paragraphs (``seed._text``)."""
    _verify_experts(users, admin)
    for slug, specialties in qa_content.GROUP_SPECIALTIES.items():
        set_group_specialties(groups[slug], specialties)
    by_title = {record["spec"]["title"]: record for record in written}
    for title, author in qa_content.ACCEPTED_ANSWERS:
        record = by_title[title]
        post = next(p for p in _answers(record) if p.author_id == users[author].id)
        accept_answer(users[record["spec"]["author"]], post)
    _vote(users, groups, written)
    pending = dict(qa_content.PENDING_APPLICATION)
    application = apply_as_expert(users[pending.pop("username")], **pending)
    application.created_at = now - 2 * DAY - 3 * HOUR
    _write_articles(users, now, text)
    db.session.commit()


def _verify_experts(users: dict, reviewer: User) -> None:
    for k, (name, credentials) in enumerate(qa_content.EXPERT_CREDENTIALS.items()):
        application = apply_as_expert(users[name], **credentials)
        verification = approve_application(reviewer, application, "Checked on the public register.")
        # Verified soon after joining, before their first answer (at least two hours later).
        applied = users[name].created_at + (10 + k) * MINUTE
        application.created_at = applied
        application.decided_at = verification.verified_at = applied + (40 + 7 * k) * MINUTE
        entry = db.session.scalar(
            select(ExpertAuditEntry).where(ExpertAuditEntry.subject_id == users[name].id))
        entry.created_at = verification.verified_at
    db.session.commit()


def _answers(record: dict) -> list[Post]:
    posts = [db.session.get(Post, post_id) for post_id in record["posts"][1:]]
    return [post for post in posts if post.is_public]


def _vote(users: dict, groups: dict, written: list[dict]) -> None:
    """Between zero and five helpful votes an answer, more for experts and accepted answers."""
    experts = {users[name].id for name in qa_content.EXPERT_CREDENTIALS}
    by_id = {user.id: user for user in users.values()}
    for index, record in enumerate(written):
        spec = record["spec"]
        if spec["kind"] != ThreadKind.QUESTION:
            continue
        group = groups[spec["group"]]
        members = sorted(db.session.scalars(select(Membership.user_id).where(
            Membership.group_id == group.id, Membership.status == MembershipStatus.ACTIVE)))
        accepted = db.session.get(Post, record["posts"][0]).thread.accepted_post_id
        for r, post in enumerate(_answers(record), start=1):
            if post.author_id == users[spec["author"]].id:
                continue  # the asker's own follow-ups are thanks, not answers people vote on
            wanted = (index * 7 + r * 3) % 4 + (2 if post.author_id in experts else 0) \
                + (1 if post.id == accepted else 0)
            voters = [uid for uid in members if uid != post.author_id]
            start = (index * 5 + r) % max(1, len(voters))
            for uid in (voters[start:] + voters[:start])[:wanted]:
                toggle_helpful(by_id.get(uid) or db.session.get(User, uid), post)


def _write_articles(users: dict, now: datetime, text) -> None:
    articles = {}
    for spec in qa_content.ARTICLES:
        article = write_article(
            users[spec["author"]], title=spec["title"], summary=spec["summary"], body=text(spec["body"]),
            sources=inspect.cleandoc(spec["sources"]), tags=spec["tags"],
            reviewed_on=(now - spec["reviewed_days_ago"] * DAY).date(), screen=False)
        article.created_at = (now - spec["days_ago"] * DAY).replace(microsecond=0)
        articles[spec["title"]] = article
    for title, name, days_after, body in qa_content.ARTICLE_COMMENTS:
        article: Article = articles[title]
        comment = comment_on_article(users[name], article, text(body), screen=False)
        comment.created_at = min(article.created_at + days_after * DAY + 5 * HOUR, now - HOUR)
