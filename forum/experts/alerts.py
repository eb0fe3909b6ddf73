"""Telling moderators that an "Ask an expert" question found no specialist (a job).

When no verified expert covers a group's specialties, the question goes to every
expert's queue (``forum.experts.audience``) and the site moderators, and the group's
own moderators, get an email with a link to it, so someone maps the group to a
specialty or finds an expert. Checked again when the job runs: a question answered
or a group covered in between tells nobody; a recipient who cannot see the thread
is skipped; each moderator is emailed once per question (``forum.mail.send_once``).
"""
from __future__ import annotations

from flask import current_app
from sqlalchemy import or_, select

from forum import permissions
from forum.experts.audience import uncovered_among
from forum.extensions import db
from forum.links import absolute
from forum.mail import build_message, send_once
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


def tell_moderators_no_specialist(thread_id: int, root: str) -> None:
    thread = db.session.get(Thread, thread_id)
    if thread is None or not thread.asks_expert or thread.expert_answer_count or \
            not uncovered_among([thread.group_id]):
        return
    site, group = current_app.config["SITE_NAME"], thread.group
    link = absolute(root, "threads.show", thread_id=thread.id)
    queue = absolute(root, "experts.queue")
    copies = [(m.id, build_message(m.email, f"No expert covers {group.name}: a question went to every expert", (
        f"Hello {m.username},\n\nA member asked an expert in {group.name} on {site}, but no verified expert "
        f"covers this group's specialties. The question went to every verified expert's queue, marked "
        f"\"no specialist for this group\".\n\nThe question: {link}\nThe expert queue: {queue}\n\n"
        "Mapping the group to a specialty that has verified experts sends its next questions to them.\n")))
        for m in moderators_for(thread)]
    for user_id, message in copies:
        send_once(f"no-specialist:{thread.id}:{user_id}", message, user_id=user_id)
