"""What the search page looks up besides results: where to ask a search as a question.

An empty search should not be a dead end: "Ask this as a question" opens the
new-question form with the search text as its title, in a group the viewer may
post in (the filtered group first, else one they belong to); without such a
group it opens the groups page carrying the text, to pick one.
"""
from __future__ import annotations

from flask import url_for
from sqlalchemy import select

from forum import permissions
from forum.actions import limits
from forum.extensions import db
from forum.models import Group, Membership, MembershipStatus


def ask_url(user, text: str, group: Group | None = None) -> str:
    """The URL of a new-question form titled ``text`` (or the groups page with ``?ask=text``)."""
    title = " ".join(text.split())[:limits.TITLE_MAX]
    candidates = [group] if group is not None else []
    if getattr(user, "is_authenticated", False):
        candidates += db.session.scalars(
            select(Group).join(Membership, Membership.group_id == Group.id)
            .where(Membership.user_id == user.id, Membership.status == MembershipStatus.ACTIVE.value,
                   Group.archived_at.is_(None))
            .order_by(Group.name).limit(20))
    for candidate in candidates:
        if permissions.can_start_thread(user, candidate):
            return url_for("groups.new_thread", slug=candidate.slug, kind="question", title=title)
    return url_for("groups.index", ask=title)
