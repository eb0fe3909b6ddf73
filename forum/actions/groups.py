"""Group actions: creating groups, joining, leaving and private-group requests."""
from __future__ import annotations

import re
import unicodedata

from sqlalchemy import select, update

from forum.actions import ActionError, limits
from forum.extensions import db
from forum.models import Group, GroupRole, Membership, MembershipStatus, User
from forum.permissions import forget_memberships


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:80] or "group"


def create_group(name: str, description: str, *, category: str = "", is_private: bool = False,
                 slug: str | None = None) -> Group:
    name = name.strip()
    if not name or len(name) > limits.GROUP_NAME_MAX:
        raise ActionError(f"Group names are 1–{limits.GROUP_NAME_MAX} characters.")
    group = Group(name=name, slug=slug or slugify(name), description=description.strip(),
                  category=category, is_private=is_private)
    db.session.add(group)
    db.session.commit()
    return group


def _bump_members(group: Group, delta: int) -> None:
    db.session.execute(
        update(Group).where(Group.id == group.id).values(member_count=Group.member_count + delta)
    )


def _existing(user: User, group: Group) -> Membership | None:
    return db.session.get(Membership, (group.id, user.id))


def join_group(user: User, group: Group, *, role: GroupRole = GroupRole.MEMBER) -> Membership:
    """Join a public group (or add a member directly, for group set-up)."""
    if group.is_private and role == GroupRole.MEMBER:
        raise ActionError("This group is private: ask to join and a group moderator will reply.")
    if _existing(user, group):
        raise ActionError("You are already a member of this group.")
    return _add_member(user, group, role)


def _add_member(user: User, group: Group, role: GroupRole) -> Membership:
    m = Membership(group_id=group.id, user_id=user.id, status=MembershipStatus.ACTIVE.value,
                   role=role.value)
    db.session.add(m)
    _bump_members(group, +1)
    db.session.commit()
    forget_memberships(user)
    return m


def add_member(user: User, group: Group, *, role: GroupRole = GroupRole.MEMBER) -> Membership:
    """Make ``user`` an active member of any group (used by set-up and seeding)."""
    if _existing(user, group):
        raise ActionError("Already a member.")
    return _add_member(user, group, role)


def request_to_join(user: User, group: Group, note: str = "") -> Membership:
    if not group.is_private:
        raise ActionError("This group is open to everyone: just join.")
    if _existing(user, group):
        raise ActionError("You have already asked to join, or are a member.")
    note = note.strip()
    if len(note) > limits.REQUEST_NOTE_MAX:
        raise ActionError(f"Keep your note to {limits.REQUEST_NOTE_MAX} characters.")
    m = Membership(group_id=group.id, user_id=user.id, status=MembershipStatus.PENDING.value,
                   request_note=note)
    db.session.add(m)
    db.session.commit()
    forget_memberships(user)
    return m


def _pending(group: Group, user: User) -> Membership:
    m = _existing(user, group)
    if m is None or m.status != MembershipStatus.PENDING:
        raise ActionError("There is no open request from that person.")
    return m


def approve_request(moderator: User, group: Group, user: User) -> Membership:
    m = _pending(group, user)
    m.status = MembershipStatus.ACTIVE.value
    _bump_members(group, +1)
    db.session.commit()
    forget_memberships(user)
    return m


def decline_request(moderator: User, group: Group, user: User) -> None:
    m = _pending(group, user)
    db.session.delete(m)
    db.session.commit()
    forget_memberships(user)


def leave_group(user: User, group: Group) -> None:
    """Leave a group, or withdraw a request to join it."""
    m = _existing(user, group)
    if m is None:
        raise ActionError("You are not a member of this group.")
    if m.is_active:
        _bump_members(group, -1)
    db.session.delete(m)
    db.session.commit()
    forget_memberships(user)


def pending_requests(group: Group) -> list[Membership]:
    from sqlalchemy.orm import joinedload

    return list(db.session.scalars(
        select(Membership).options(joinedload(Membership.user))
        .where(Membership.group_id == group.id, Membership.status == MembershipStatus.PENDING)
        .order_by(Membership.created_at)
    ))
