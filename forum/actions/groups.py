"""Group actions: creating, editing and archiving groups, joining, leaving and private-group requests.

Creating, editing and archiving take the acting person first and write an audit
row (``forum.actions.audit``) in the same transaction; with no actor
(``create_group`` from set-up, seeding and imports) nothing is audited. The
view decides who may change what (``forum.permissions.can_manage_groups``,
``can_edit_group_about``); a description and rules go through the publishing
pipeline (normalised, length-checked, the author's standing checked, rules
rendered by the sanitizer) like any other text a member writes.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from sqlalchemy import delete, select, update

from forum.actions import ActionError, audit, limits, notify
from forum.actions.experts import check_specialty
from forum.extensions import db
from forum.models import Group, GroupRole, GroupSpecialty, Membership, MembershipStatus, User, utcnow
from forum.permissions import forget_memberships
from forum.publishing import Place, prepare

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RESERVED_SLUGS = frozenset({"new"})


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:80] or "group"


def _check_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name or len(name) > limits.GROUP_NAME_MAX:
        raise ActionError(f"Group names are 1–{limits.GROUP_NAME_MAX} characters.")
    return name


def _check_slug(slug: str, group: Group | None = None) -> str:
    slug = (slug or "").strip().lower()
    if not SLUG_PATTERN.match(slug) or len(slug) > limits.GROUP_SLUG_MAX or slug in RESERVED_SLUGS:
        raise ActionError(f"The web address is 1–{limits.GROUP_SLUG_MAX} lower-case letters, digits and "
                          "single dashes, like “heart-health”.")
    taken = db.session.scalar(select(Group.id).where(Group.slug == slug))
    if taken is not None and (group is None or taken != group.id):
        raise ActionError(f"Another group already uses the address /groups/{slug}.")
    return slug


def _check_category(category: str) -> str:
    category = " ".join((category or "").split())
    if len(category) > limits.GROUP_CATEGORY_MAX:
        raise ActionError(f"Keep the category to {limits.GROUP_CATEGORY_MAX} characters.")
    return category


def _about(actor, description: str | None, rules: str | None) -> tuple[str | None, tuple[str, str] | None]:
    """The description (plain text) and rules (source, sanitized HTML) through the publishing pipeline."""
    text = None
    if description is not None:
        place = Place("group description", noun="description", body_min=0,
                      body_max=limits.GROUP_DESCRIPTION_MAX, markdown=False, rate_limited=False)
        text = prepare(actor, place, description, screen=False, body_name="description").body
    rendered = None
    if rules is not None:
        place = Place("group rules", noun="rules", body_min=0, body_max=limits.GROUP_RULES_MAX,
                      rate_limited=False)
        prepared = prepare(actor, place, rules, screen=False, body_name="rules")
        rendered = (prepared.body, prepared.html if prepared.body else "")
    return text, rendered


def _set_specialties(group: Group, specialties: Iterable[str]) -> list[str]:
    chosen = list(dict.fromkeys(check_specialty(s).value for s in specialties))
    db.session.execute(delete(GroupSpecialty).where(GroupSpecialty.group_id == group.id))
    db.session.add_all(GroupSpecialty(group_id=group.id, specialty=s) for s in chosen)
    return chosen


def group_specialties(group: Group) -> list[str]:
    return list(db.session.scalars(select(GroupSpecialty.specialty).where(GroupSpecialty.group_id == group.id)
                                   .order_by(GroupSpecialty.specialty)))


def create_group(name: str, description: str, *, category: str = "", is_private: bool = False,
                 slug: str | None = None, actor: User | None = None, rules: str = "",
                 specialties: Iterable[str] = (), allows_anonymous: bool = False) -> Group:
    """Create a group. With an ``actor`` (an admin in the browser) the slug is checked, the
    description and rules go through the pipeline and an audit row is written.

    Raises ActionError for a bad name, slug, category, description or rules.
    """
    name = _check_name(name)
    if actor is None:
        group = Group(name=name, slug=slug or slugify(name), description=description.strip(),
                      category=category, is_private=is_private, allows_anonymous=allows_anonymous)
        db.session.add(group)
        db.session.commit()
        return group
    slug = _check_slug(slug or slugify(name))
    text, (rules_source, rules_html) = _about(actor, description, rules)
    group = Group(name=name, slug=slug, description=text, category=_check_category(category),
                  is_private=is_private, rules_source=rules_source, rules_html=rules_html,
                  allows_anonymous=bool(allows_anonymous))
    db.session.add(group)
    db.session.flush()
    chosen = _set_specialties(group, specialties)
    audit.record(actor, "create_group", "group", group.id, group_id=group.id,
                 reason=f"{'Private' if is_private else 'Public'} group “{name}”"
                        + (f"; specialties: {', '.join(chosen)}" if chosen else "")
                        + ("; members may post anonymously" if allows_anonymous else ""))
    db.session.commit()
    return group


_UNCHANGED = object()


def edit_group(actor: User, group: Group, *, name=_UNCHANGED, slug=_UNCHANGED, description=_UNCHANGED,
               category=_UNCHANGED, is_private=_UNCHANGED, rules=_UNCHANGED, specialties=_UNCHANGED,
               allows_anonymous=_UNCHANGED) -> list[str]:
    """Change the given settings of ``group`` (the others stay) and audit what changed.

    Returns the names of the settings that changed. Raises ActionError for bad values.
    """
    # Every value is checked before anything changes, so a refused edit leaves the group as it was.
    values = {}
    if name is not _UNCHANGED:
        values["name"] = _check_name(name)
    if slug is not _UNCHANGED:
        values["slug"] = _check_slug(slug, group)
    if category is not _UNCHANGED:
        values["category"] = _check_category(category)
    if is_private is not _UNCHANGED:
        values["is_private"] = bool(is_private)
    if allows_anonymous is not _UNCHANGED:
        values["allows_anonymous"] = bool(allows_anonymous)
    text, rendered = _about(actor, None if description is _UNCHANGED else description,
                            None if rules is _UNCHANGED else rules)
    if text is not None:
        values["description"] = text
    if specialties is not _UNCHANGED:
        specialties = [check_specialty(s).value for s in specialties]
    changed = [field for field, value in values.items() if getattr(group, field) != value]
    for field, value in values.items():
        setattr(group, field, value)
    if rendered is not None:
        if group.rules_source != rendered[0]:
            changed.append("rules")
        group.rules_source, group.rules_html = rendered
    if specialties is not _UNCHANGED:
        before = group_specialties(group)
        after = sorted(_set_specialties(group, specialties))
        if before != after:
            changed.append("specialties")
    if changed:
        audit.record(actor, "edit_group", "group", group.id, group_id=group.id,
                     reason="Changed " + ", ".join(f.replace("_", " ").replace("is private", "privacy")
                                                   .replace("allows anonymous", "anonymous posting")
                                                   for f in changed))
    db.session.commit()
    return changed


def archive_group(actor: User, group: Group, reason: str = "") -> None:
    """Close a group to new posts and take it off the group list; its threads stay readable.

    Raises ActionError if it is already archived.
    """
    if group.archived_at is not None:
        raise ActionError("This group is already archived.")
    group.archived_at = utcnow()
    audit.record(actor, "archive_group", "group", group.id, group_id=group.id, reason=reason)
    db.session.commit()


def unarchive_group(actor: User, group: Group) -> None:
    """Open an archived group again. Raises ActionError if it is not archived."""
    if group.archived_at is None:
        raise ActionError("This group is not archived.")
    group.archived_at = None
    audit.record(actor, "unarchive_group", "group", group.id, group_id=group.id)
    db.session.commit()


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
    notify.join_decided(moderator, group, user, approved=True)
    db.session.commit()
    forget_memberships(user)
    return m


def decline_request(moderator: User, group: Group, user: User) -> None:
    m = _pending(group, user)
    db.session.delete(m)
    notify.join_decided(moderator, group, user, approved=False)
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
