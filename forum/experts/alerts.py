"""Telling moderators that an "Ask an expert" question found no specialist (a job).

When no verified expert covers a group's specialties, the question goes to every
expert's queue (``forum.experts.audience``) and the site moderators, and the group's
own moderators, are notified (the bell, and email as they chose) with a link to it,
so someone maps the group to a specialty or finds an expert. Checked again when the
job runs: a question answered or a group covered in between tells nobody; a
recipient who cannot see the thread is skipped; each moderator is told once per
question (the notification's unique key).
"""
from __future__ import annotations

from sqlalchemy import or_, select

from forum import permissions
from forum.actions import fanout
from forum.experts.audience import uncovered_among
from forum.extensions import db
from forum.models import GroupRole, Membership, MembershipStatus, Role, Thread, User

MODERATORS_TOLD = 500


def moderators_for(thread: Thread) -> list[User]:
    """Site moderators and admins, and the thread's group moderators, who may see it."""
    group_mods = select(Membership.user_id).where(Membership.group_id == thread.group_id,
                                                  Membership.status == MembershipStatus.ACTIVE.value,
                                                  Membership.role == GroupRole.MODERATOR.value)
    people = db.session.scalars(
        select(User).where(or_(User.role.in_([Role.MODERATOR.value, Role.ADMIN.value]), User.id.in_(group_mods)))
        .order_by(User.id).limit(MODERATORS_TOLD)).all()
    return [p for p in people if p.is_active and permissions.can_view_thread(p, thread)]


def tell_moderators_no_specialist(thread_id: int, root: str | None = None) -> None:
    """Job: a bell notification and (as each chose) an email for every moderator who may see
    the question. ``root`` is unused: links come from ``SITE_URL`` (kept for queued jobs)."""
    thread = db.session.get(Thread, thread_id)
    if thread is None or not thread.asks_expert or thread.expert_answer_count or \
            not uncovered_among([thread.group_id]):
        return
    fanout.no_specialist(thread.id, [m.id for m in moderators_for(thread)])
