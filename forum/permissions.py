"""Who may see and do what: every permission rule, as named checks.

Views, templates (as ``can``), search and any API use these functions, so
no path can forget a rule. Group visibility also exists as a SQL filter
(``visible_groups_clause``) so that lists and searches filter in the query
itself instead of dropping rows after paging.

A user's memberships are loaded once per request and cached on ``flask.g``.
"""
from __future__ import annotations

from flask import g, has_app_context
from sqlalchemy import false, or_, select

from forum.extensions import db
from forum.models import Group, Membership, MembershipStatus, Post, Role, Thread, User


def _authenticated(user) -> bool:
    return user is not None and getattr(user, "is_authenticated", False)


def memberships_of(user) -> dict[int, Membership]:
    """All of a user's membership rows (active and pending), by group id."""
    if not _authenticated(user):
        return {}
    cache = g.setdefault("_memberships", {}) if has_app_context() else {}
    if user.id not in cache:
        rows = db.session.scalars(select(Membership).where(Membership.user_id == user.id))
        cache[user.id] = {m.group_id: m for m in rows}
    return cache[user.id]


def forget_memberships(user) -> None:
    """Drop the cached memberships after a change in this request."""
    if has_app_context() and _authenticated(user):
        g.setdefault("_memberships", {}).pop(user.id, None)


def membership(user, group: Group) -> Membership | None:
    return memberships_of(user).get(group.id)


def is_member(user, group: Group) -> bool:
    m = membership(user, group)
    return m is not None and m.is_active


def has_pending_request(user, group: Group) -> bool:
    m = membership(user, group)
    return m is not None and m.status == MembershipStatus.PENDING


def is_site_moderator(user) -> bool:
    return _authenticated(user) and user.role in (Role.MODERATOR, Role.ADMIN)


def is_admin(user) -> bool:
    return _authenticated(user) and user.role == Role.ADMIN


def can_view_group_content(user, group: Group) -> bool:
    """Threads, posts and member lists of ``group``: public, or members only."""
    if not group.is_private:
        return True
    return is_member(user, group) or is_site_moderator(user)


def can_moderate_group(user, group: Group) -> bool:
    """Approve join requests and moderate content in ``group``."""
    if is_site_moderator(user):
        return True
    m = membership(user, group)
    return m is not None and m.is_group_moderator


def can_join(user, group: Group) -> bool:
    return _authenticated(user) and not group.is_private and membership(user, group) is None


def can_request_to_join(user, group: Group) -> bool:
    return _authenticated(user) and group.is_private and membership(user, group) is None


def can_leave(user, group: Group) -> bool:
    return membership(user, group) is not None


def can_start_thread(user, group: Group) -> bool:
    """Members post; in a public group joining happens on the first post."""
    if not _authenticated(user) or user.is_silenced:
        return False
    if group.is_private:
        return is_member(user, group)
    return True


def can_reply(user, thread: Thread) -> bool:
    if not can_start_thread(user, thread.group):
        return False
    return not thread.is_locked or can_moderate_group(user, thread.group)


def can_view_thread(user, thread: Thread) -> bool:
    return can_view_group_content(user, thread.group)


def can_edit_post(user, post: Post) -> bool:
    if not _authenticated(user) or post.is_deleted:
        return False
    if post.author_id == user.id:
        return not post.thread.is_locked
    return can_moderate_group(user, post.thread.group)


def can_delete_post(user, post: Post) -> bool:
    if not _authenticated(user) or post.is_deleted:
        return False
    return post.author_id == user.id or can_moderate_group(user, post.thread.group)


def can_view_revisions(user, post: Post) -> bool:
    return can_view_thread(user, post.thread)


def can_change_roles(user) -> bool:
    return is_admin(user)


def can_edit_profile(user, profile: User) -> bool:
    return _authenticated(user) and (user.id == profile.id or is_admin(user))


def visible_group_ids(user) -> list[int]:
    """Ids of private groups whose content ``user`` may see."""
    return [gid for gid, m in memberships_of(user).items() if m.is_active]


def visible_groups_clause(user):
    """A SQL condition on ``Group`` that keeps only groups whose content ``user`` may see."""
    if is_site_moderator(user):
        return Group.id.is_not(None)
    ids = visible_group_ids(user)
    return or_(Group.is_private.is_(false()), Group.id.in_(ids)) if ids else Group.is_private.is_(false())


# --- Q&A, expert verification and Second Opinion (issue 3) -----------------

def is_verified_expert(user) -> bool:
    """Holds a current (approved, not revoked) expert verification."""
    return _authenticated(user) and user.current_verification is not None


def is_answer(post: Post) -> bool:
    """A public reply to a question: hidden or deleted posts never count."""
    return post.thread.is_question and not post.is_opening and post.is_public


def can_vote_helpful(user, post: Post) -> bool:
    """Members mark others' answers helpful, in threads they can see."""
    if not _authenticated(user) or not is_answer(post) or post.author_id == user.id:
        return False
    return can_view_thread(user, post.thread)


def can_accept_answer(user, post: Post) -> bool:
    """The asker or a moderator of the group picks the accepted answer."""
    if not _authenticated(user) or not is_answer(post) or not can_view_thread(user, post.thread):
        return False
    return post.thread.author_id == user.id or can_moderate_group(user, post.thread.group)


def can_ask_an_expert(user, group: Group) -> bool:
    return can_start_thread(user, group)


def can_apply_as_expert(user) -> bool:
    return _authenticated(user) and not user.is_silenced and not is_verified_expert(user)


def can_review_expert_applications(user) -> bool:
    return is_site_moderator(user)


def can_revoke_verification(user) -> bool:
    return is_site_moderator(user)


def can_see_expert_queue(user) -> bool:
    return is_verified_expert(user)


def can_write_article(user) -> bool:
    """Only verified experts write Second Opinion articles."""
    return is_verified_expert(user) and not user.is_silenced


def can_edit_article(user, article) -> bool:
    return can_write_article(user) and article.author_id == user.id


def can_comment_on_article(user) -> bool:
    return _authenticated(user) and not user.is_silenced


def can_delete_comment(user, comment) -> bool:
    """Authors delete their own comments; site moderators remove any, with a reason."""
    if not _authenticated(user) or comment.is_deleted:
        return False
    return comment.author_id == user.id or is_site_moderator(user)


# -- moderation ----------------------------------------------------------------

def can_moderate_thread(user, thread: Thread) -> bool:
    return can_moderate_group(user, thread.group)


def can_moderate_post(user, post: Post) -> bool:
    return can_moderate_group(user, post.thread.group)


def can_see_hidden_post(user, post: Post) -> bool:
    """A hidden post's text and the reason: its author and the group's moderators."""
    if not _authenticated(user):
        return False
    return post.author_id == user.id or can_moderate_post(user, post)


def can_view_hidden_thread(user, thread: Thread) -> bool:
    """A thread whose opening post is hidden or held: its author and moderators."""
    if not _authenticated(user):
        return False
    return thread.author_id == user.id or can_moderate_thread(user, thread)


def can_flag_post(user, post: Post) -> bool:
    if not _authenticated(user) or post.is_deleted or post.author_id == user.id:
        return False
    return can_view_thread(user, post.thread)


def moderated_group_ids(user) -> list[int] | None:
    """Groups whose queue and log ``user`` sees: None means every group."""
    if is_site_moderator(user):
        return None
    return [gid for gid, m in memberships_of(user).items() if m.is_group_moderator]


def can_use_mod_area(user) -> bool:
    """The dashboard, queue and log at /mod (scoped to the groups one moderates)."""
    return is_site_moderator(user) or bool(moderated_group_ids(user))


def can_sanction_user(moderator, user: User, kind: str = "warn") -> bool:
    """Group moderators may warn; site moderators silence, suspend and ban members.

    Nobody sanctions themselves, and only an admin may sanction a moderator.
    """
    if not _authenticated(moderator) or moderator.id == user.id or user.role == Role.ADMIN:
        return False
    if user.role == Role.MODERATOR and not is_admin(moderator):
        return False
    if kind == "warn":
        return can_use_mod_area(moderator)
    return is_site_moderator(moderator)


def can_edit_watched_words(user) -> bool:
    return is_admin(user)


def visible_threads_clause():
    """A SQL condition on ``Thread`` that leaves out held, hidden and merged threads."""
    return Thread.hidden_at.is_(None)


def search_hidden_group_ids(user) -> list[int]:
    """Private groups whose threads and posts search must never return to ``user``.

    Search applies this inside the query (a Whoosh mask, a SQL condition), so a
    member who leaves a group stops finding its content at once.
    """
    if is_site_moderator(user):
        return []
    visible = set(visible_group_ids(user))
    private = db.session.scalars(select(Group.id).where(Group.is_private.is_(True)))
    return [gid for gid in private if gid not in visible]
