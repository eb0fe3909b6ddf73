"""Who may see and do what: every permission rule, as named checks.

Views, templates (as ``can``), search and any API use these functions, so
no path can forget a rule. Group visibility also exists as a SQL filter
(``visible_groups_clause``) so that lists and searches filter in the query
itself instead of dropping rows after paging.

A user's memberships are loaded once per request and cached on ``flask.g``.
"""
from __future__ import annotations

from flask import g, has_app_context
from sqlalchemy import and_, false, or_, select

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
        # The login session's statement loads them (User.memberships); used once, so that after
        # forget_memberships a change made in this request is read back from the database.
        primed = g.setdefault("_memberships_primed", set()) if has_app_context() else {user.id}
        loaded = None if user.id in primed else user.__dict__.get("memberships")
        primed.add(user.id)
        rows = loaded if loaded is not None else db.session.scalars(
            select(Membership).where(Membership.user_id == user.id))
        cache[user.id] = {m.group_id: m for m in rows}
    return cache[user.id]


def forget_memberships(user) -> None:
    """Drop the cached memberships after a change in this request."""
    if has_app_context() and _authenticated(user):
        g.setdefault("_memberships", {}).pop(user.id, None)
        g.setdefault("_memberships_primed", set()).add(user.id)  # never the rows loaded before the change


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
    return (_authenticated(user) and not group.is_private and not group.is_archived
            and membership(user, group) is None)


def can_request_to_join(user, group: Group) -> bool:
    return (_authenticated(user) and group.is_private and not group.is_archived
            and membership(user, group) is None)


def can_start_thread(user, group: Group) -> bool:
    """Members post; in a public group joining happens on the first post. An archived group
    takes no new threads or replies."""
    if not _authenticated(user) or user.is_silenced or group.is_archived:
        return False
    if group.is_private:
        return is_member(user, group)
    return True


def can_reply(user, thread: Thread) -> bool:
    if not can_start_thread(user, thread.group):
        return False
    return not thread.is_locked or can_moderate_group(user, thread.group)


def can_view_thread(user, thread: Thread) -> bool:
    """The thread's group content, and, while its opening post is hidden or held, its author
    and moderators only."""
    if not can_view_group_content(user, thread.group):
        return False
    return thread.hidden_at is None or can_view_hidden_thread(user, thread)


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
    """A post's history: readers of the thread; a hidden post's, its author and moderators;
    a deleted post's, moderators only (the text was taken back)."""
    if not can_view_thread(user, post.thread):
        return False
    if post.is_deleted:
        return can_moderate_group(user, post.thread.group)
    return not post.is_hidden or can_see_hidden_post(user, post)


def can_change_roles(user) -> bool:
    return is_admin(user)


def can_edit_profile(user, profile: User) -> bool:
    return _authenticated(user) and (user.id == profile.id or is_admin(user))


def visible_group_ids(user) -> list[int]:
    """Ids of private groups whose content ``user`` may see."""
    return [gid for gid, m in memberships_of(user).items() if m.is_active]


def visible_groups_clause(user):
    """A SQL condition on ``Group`` that keeps only groups whose content ``user`` may see."""
    return visible_groups_clause_for(visible_groups_key(user))


def visible_groups_key(user) -> tuple:
    """Everything ``visible_groups_clause`` depends on, hashable: readers with the same key get
    the same condition, so a statement built from it can be kept and reused."""
    return ("every group",) if is_site_moderator(user) else tuple(sorted(visible_group_ids(user)))


def visible_groups_clause_for(key: tuple):
    """The condition ``visible_groups_clause`` gives a reader whose ``visible_groups_key`` is ``key``."""
    if key == ("every group",):
        return Group.id.is_not(None)
    return or_(Group.is_private.is_(false()), Group.id.in_(key)) if key else Group.is_private.is_(false())


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


def can_apply_as_expert(user) -> bool:
    return _authenticated(user) and not user.is_silenced and not is_verified_expert(user)


def can_review_expert_applications(user) -> bool:
    return is_site_moderator(user)


def can_revoke_verification(user) -> bool:
    return is_site_moderator(user)


def can_see_expert_queue(user) -> bool:
    """Verified experts (their specialty's questions); moderators and admins see the whole queue."""
    return is_verified_expert(user) or is_site_moderator(user)


def can_write_article(user) -> bool:
    """Only verified experts write Second Opinion articles."""
    return is_verified_expert(user) and not user.is_silenced


def can_edit_article(user, article) -> bool:
    return can_write_article(user) and article.author_id == user.id


def can_comment_on_article(user) -> bool:
    return _authenticated(user) and not user.is_silenced


def can_see_hidden_comment(user, comment) -> bool:
    """A hidden or held article comment: its author and the site moderators."""
    return _authenticated(user) and (comment.author_id == user.id or can_moderate_comment(user, comment))


def can_see_safety_resources(user, text) -> bool:
    """The crisis resources kept on a published post or article comment: its author only, never
    anyone else (moderators included: they see the review queue's note instead)."""
    return bool(getattr(text, "safety_outcome", None)) and _authenticated(user) and text.author_id == user.id


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


def can_post_anonymously(user, group: Group) -> bool:
    """The "Post as an anonymous member" choice: in a group whose admins allow it, for whoever
    may post there."""
    return bool(group.allows_anonymous) and can_start_thread(user, group)


def posted_anonymously_by(user, item) -> bool:
    """``item`` (a thread or post) is anonymous and ``user`` wrote it: "You (posted anonymously)"."""
    return bool(item.is_anonymous) and _authenticated(user) and item.author_id == user.id


def shows_author(item) -> bool:
    """Whether ``item`` (a thread or post) names its author to readers, search, feeds and the API.
    An anonymous one names no one (its author sees "You (posted anonymously)"; a moderator
    reveals it with ``can_reveal_author``, audited)."""
    return not item.is_anonymous


def can_reveal_author(user, post: Post) -> bool:
    """An anonymous post's author: the group's moderators (and site moderators, admins), audited."""
    return bool(post.is_anonymous) and _authenticated(user) and can_moderate_post(user, post)


def can_moderate_comment(user, comment) -> bool:
    """Article comments belong to no group: site moderators review them."""
    return is_site_moderator(user)


def can_decide_review(user, item) -> bool:
    """A review-queue row: the post's group moderators, or site moderators for a comment, a drug
    review, a private message or a member."""
    if item.post_id is not None:
        return can_moderate_post(user, item.post)
    if item.comment_id is not None:
        return can_moderate_comment(user, item.comment)
    if item.review_id is not None:
        return can_moderate_drug_review(user, item.review)
    return is_site_moderator(user)


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
    """Readers flag others' posts they can see (a hidden one only its moderators can)."""
    if not _authenticated(user) or post.is_deleted or post.author_id == user.id:
        return False
    return can_view_thread(user, post.thread) and (not post.is_hidden or can_see_hidden_post(user, post))


def moderated_group_ids(user) -> list[int] | None:
    """Groups whose queue and log ``user`` sees: None means every group."""
    if is_site_moderator(user):
        return None
    return [gid for gid, m in memberships_of(user).items() if m.is_group_moderator]


def can_use_mod_area(user) -> bool:
    """The dashboard, queue and log at /mod (scoped to the groups one moderates)."""
    return is_site_moderator(user) or bool(moderated_group_ids(user))


def can_sanction_user(moderator, user: User, kind: str = "warn", group_id: int | None = None,
                      wrote_there: bool = False) -> bool:
    """Group moderators may warn members of a group they moderate (the warning names it);
    site moderators warn, silence, suspend and ban anyone site-wide.

    Nobody sanctions themselves, and only an admin may sanction a moderator.
    ``wrote_there``: the caller knows ``user`` wrote in the group (a queued post of theirs).
    """
    if not _authenticated(moderator) or moderator.id == user.id or user.role == Role.ADMIN:
        return False
    if user.role == Role.MODERATOR and not is_admin(moderator):
        return False
    if is_site_moderator(moderator):
        return True
    if kind != "warn" or group_id is None:
        return False
    return group_id in (moderated_group_ids(moderator) or []) and (wrote_there or _belongs(user, group_id))


def _belongs(user: User, group_id: int) -> bool:
    """``user`` is a member of the group or has written in it."""
    return db.session.scalar(select(Group.id).where(Group.id == group_id, member_or_author_clause(user))) \
        is not None


def member_or_author_clause(user: User):
    """A SQL condition on ``Group``: ``user`` is an active member or has a post there."""
    member = select(Membership.group_id).where(Membership.user_id == user.id,
                                               Membership.status == MembershipStatus.ACTIVE)
    wrote = select(Thread.group_id).join(Post, Post.thread_id == Thread.id).where(Post.author_id == user.id)
    return Group.id.in_(member) | Group.id.in_(wrote)


def can_edit_watched_words(user) -> bool:
    return is_admin(user)


def visible_threads_clause():
    """A SQL condition on ``Thread`` that leaves out held, hidden and merged threads."""
    return Thread.hidden_at.is_(None)


def visible_posts_clause(user):
    """A SQL condition on ``Post`` joined to its ``Thread`` and ``Group``: the posts ``user``
    may find in lists and counts under their author's name (profiles, answer figures): neither
    deleted nor hidden nor posted anonymously, in a thread that is not hidden, in a group whose
    content ``user`` may see."""
    return and_(Post.deleted_at.is_(None), Post.hidden_at.is_(None), Post.is_anonymous.is_(False),
                visible_threads_clause(), visible_groups_clause(user))


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


# -- drug reviews (issue 17) -----------------------------------------------------

def can_write_drug_review(user) -> bool:
    """Members share their experience of a medicine (``publishing.may_publish`` says why not, when not)."""
    return _authenticated(user) and not user.is_silenced


def can_moderate_drug_review(user, review) -> bool:
    """Drug reviews belong to no group: site moderators review them."""
    return is_site_moderator(user)


def can_see_drug_review(user, review) -> bool:
    """A public review: everyone. A hidden or held one: its author and the site moderators. A removed one: no one."""
    if review.is_deleted:
        return False
    if not review.is_hidden:
        return True
    return _authenticated(user) and (review.author_id == user.id or can_moderate_drug_review(user, review))


def can_edit_drug_review(user, review) -> bool:
    return _authenticated(user) and not review.is_deleted and review.author_id == user.id


def can_view_drug_review_history(user, review) -> bool:
    """Earlier versions of a review: readers of an edited public review, its author and moderators."""
    return can_see_drug_review(user, review)


def can_vote_drug_review_helpful(user, review) -> bool:
    return _authenticated(user) and review.is_public and review.author_id != user.id


def can_flag_drug_review(user, review) -> bool:
    return _authenticated(user) and review.author_id != user.id and can_see_drug_review(user, review)


def can_remove_drug_review(user, review) -> bool:
    """Authors take their own review down; site moderators remove any, with a reason."""
    if not _authenticated(user) or review.is_deleted:
        return False
    return review.author_id == user.id or can_moderate_drug_review(user, review)


# -- the JSON API (issue 19) -----------------------------------------------------

def can_manage_api_tokens(user) -> bool:
    """Members make and revoke their own personal access tokens."""
    return _authenticated(user)


def owns_api_token(user, token) -> bool:
    return _authenticated(user) and token.user_id == user.id


def token_allows(token, method: str) -> bool:
    """A read token may only read (GET, HEAD, OPTIONS); a read+write token may do anything
    its owner may do on the web."""
    return method in ("GET", "HEAD", "OPTIONS") or token.can_write


# -- My Medicine: private to its owner, always (no role sees another member's list) -----------

def can_keep_medicine_list(user) -> bool:
    """Members keep their own medicine lists and family profiles."""
    return _authenticated(user)


def owns_medicine_record(user, record) -> bool:
    """A saved medicine, family profile or recall alert is its owner's alone: not moderators', not admins'."""
    return _authenticated(user) and record is not None and record.owner_id == user.id


# -- profile pictures ------------------------------------------------------------------

def can_change_avatar(user) -> bool:
    """Members change their own picture (the action refuses silenced, suspended and banned ones)."""
    return _authenticated(user)


def can_remove_avatar(moderator, member) -> bool:
    """Site moderators and admins remove a member's picture (audited); group moderators do not."""
    return is_site_moderator(moderator) and member is not None and member.id != getattr(moderator, "id", None)
# -- private messages, blocks and member reports (issue 16) ---------------------

def _block_sets(user) -> tuple[frozenset[int], frozenset[int]]:
    """(ids ``user`` has blocked, ids who have blocked ``user``), loaded once per request."""
    from forum.models import Block

    if not _authenticated(user):
        return frozenset(), frozenset()
    from flask import has_request_context

    if has_request_context():  # with the header's counts, in one statement (forum.viewer_state)
        from forum import viewer_state

        state = viewer_state.for_user(user)
        return state.blocked, state.blocked_by
    rows = db.session.execute(select(Block.blocker_id, Block.blocked_id)
                              .where(or_(Block.blocker_id == user.id, Block.blocked_id == user.id))).all()
    return (frozenset(b for a, b in rows if a == user.id), frozenset(a for a, b in rows if b == user.id))


def forget_blocks(user) -> None:
    """Drop the cached blocks after a change in this request."""
    if _authenticated(user):
        from forum import viewer_state

        viewer_state.forget(user)


def blocked_ids(user) -> frozenset[int]:
    """Ids of the people ``user`` has blocked: their posts are collapsed for ``user``."""
    return _block_sets(user)[0]


def has_blocked(blocker, other) -> bool:
    """``blocker`` has blocked ``other`` (one direction)."""
    return other is not None and other.id in blocked_ids(blocker)


def is_blocked(a, b) -> bool:
    """Either of ``a`` and ``b`` has blocked the other: no messages either way, and
    neither may mention the other. Other features (mentions, notifications) use this."""
    if not _authenticated(a) or b is None:
        return False
    mine, theirs = _block_sets(a)
    return b.id in mine or b.id in theirs


def shares_group(a, b) -> bool:
    """``a`` and ``b`` are both active members of at least one group."""
    mine = set(visible_group_ids(a))
    if not mine:
        return False
    return db.session.scalar(select(Membership.group_id).where(
        Membership.user_id == b.id, Membership.status == MembershipStatus.ACTIVE,
        Membership.group_id.in_(mine)).limit(1)) is not None


def may_message(sender, recipient) -> bool:
    """May ``sender`` start a private conversation with ``recipient``?

    Moderators and admins always may (even when blocked: members must be reachable
    by the moderators). Members never message themselves, someone they blocked, or
    someone who blocked them, and otherwise follow the recipient's choice
    (anyone / people in my groups / nobody). Banned accounts receive nothing.
    """
    if not _authenticated(sender) or recipient is None or sender.id == recipient.id:
        return False
    if recipient.banned_at is not None:
        return False
    if is_site_moderator(sender):
        return True
    if is_blocked(sender, recipient):
        return False
    if is_site_moderator(recipient):
        return True
    policy = recipient.message_policy or "anyone"
    if policy == "anyone":
        return True
    return policy == "groups" and shares_group(sender, recipient)


def is_participant(user, conversation) -> bool:
    return _authenticated(user) and any(p.user_id == user.id for p in conversation.participants)


def may_open_reported_conversation(user, conversation) -> bool:
    """Site moderators may open a conversation once a participant reported a message in it
    (``forum.actions.messages.open_reported_conversation`` audits each opening)."""
    return is_site_moderator(user) and conversation.reported_at is not None


def may_read_conversation(user, conversation) -> bool:
    """Participants; and a site moderator who opened it after a report (an audit row says so).
    Everyone else gets a 404, as for a conversation that does not exist."""
    if is_participant(user, conversation):
        return True
    if not may_open_reported_conversation(user, conversation):
        return False
    from forum.models import ModerationAction

    return db.session.scalar(select(ModerationAction.id).where(
        ModerationAction.action == "open_conversation", ModerationAction.target_type == "conversation",
        ModerationAction.target_id == conversation.id, ModerationAction.moderator_id == user.id).limit(1)) \
        is not None


def may_reply_in_conversation(user, conversation) -> bool:
    """Participants reply while someone else is still there and no block stands between them
    (moderators are never stopped by a block)."""
    if not is_participant(user, conversation) or user.is_silenced:
        return False
    others = [p.user for p in conversation.participants if p.user_id != user.id]
    if not others:
        return False
    return is_site_moderator(user) or not any(is_blocked(user, other) for other in others)


def may_report_message(user, message) -> bool:
    """Participants report the others' messages."""
    return (_authenticated(user) and message.author_id != user.id and not message.is_deleted
            and is_participant(user, message.conversation))


def may_block(user, other) -> bool:
    """Members block other members; moderators and admins cannot be blocked (report them instead)."""
    return _authenticated(user) and other is not None and other.id != user.id and not is_site_moderator(other)


def may_report_member(user, other) -> bool:
    return _authenticated(user) and other is not None and other.id != user.id


def can_manage_message_settings(user) -> bool:
    return _authenticated(user)
# -- the site's own pages and the contact form (issue 16) ------------------------

def can_edit_site_pages(user) -> bool:
    """About, guidelines, privacy, terms and the disclaimer: admins edit them and see their history."""
    return is_admin(user)


def can_read_contact_messages(user) -> bool:
    """Messages sent through the contact form reach the site moderators (they may be about anyone)."""
    return is_site_moderator(user)


def can_manage_groups(user) -> bool:
    """Create groups, archive them, and change everything about one (name, address, privacy,
    specialties): admins."""
    return is_admin(user)


def can_edit_group_about(user, group: Group) -> bool:
    """A group's description and rules: admins, and the group's moderators (site moderators too)."""
    return can_manage_groups(user) or can_moderate_group(user, group)
# -- notifications and email (issue 15) -----------------------------------------

def can_receive_notifications(user) -> bool:
    """An account that may be told anything: not banned, not suspended."""
    return user is not None and user.is_active


def can_see_post(user, post: Post) -> bool:
    """A post's text: readers of its thread; a hidden or held one, its author and moderators."""
    if post.is_deleted or not can_view_thread(user, post.thread):
        return False
    return not post.is_hidden or can_see_hidden_post(user, post)


def can_see_notification(user, notification) -> bool:
    """What a notification is about must still be visible to its owner, at fan-out, when
    shown and when emailed: a member who lost access to a group sees nothing of it."""
    if not _authenticated(user) or notification.user_id != user.id or not can_receive_notifications(user):
        return False
    if notification.post is not None:
        return can_see_post(user, notification.post)
    if notification.thread is not None:
        return can_view_thread(user, notification.thread)
    if notification.group is not None and notification.kind != "join_declined":
        return can_view_group_content(user, notification.group)
    if notification.kind == "message":
        from forum.models import Conversation

        _, _, conversation_id = (notification.detail or "").partition(":")
        conversation = db.session.get(Conversation, int(conversation_id)) if conversation_id.isdigit() else None
        return conversation is not None and is_participant(user, conversation)
    return True


def can_be_told_of(user, kind: str) -> bool:
    """Whether a kind of notification can concern ``user`` at all (the email choices offer only
    these): experts hear of questions asked of experts, moderators of ones no expert covers."""
    if kind == "expert_question":
        return is_verified_expert(user)
    if kind == "no_specialist":
        return is_site_moderator(user) or any(m.is_active and m.is_group_moderator
                                              for m in memberships_of(user).values())
    return _authenticated(user)


def can_follow_group(user, group: Group) -> bool:
    return _authenticated(user) and can_view_group_content(user, group)


def can_watch_thread(user, thread: Thread) -> bool:
    return _authenticated(user) and can_view_thread(user, thread)


def can_bookmark_post(user, post: Post) -> bool:
    return _authenticated(user) and can_see_post(user, post)
# -- feeds and the newsletter (issue 15) ------------------------------------------

def can_syndicate_group(group: Group) -> bool:
    """A group's threads may go into a feed or a newsletter: what an anonymous visitor sees,
    so never a private group's, whoever asks."""
    return can_view_group_content(None, group)


def can_syndicate_thread(thread: Thread) -> bool:
    """A thread (its public posts) may go into a feed: a public group's thread that is not hidden."""
    return can_view_thread(None, thread) and thread.merged_into_id is None


def syndicated_posts_clause():
    """A SQL condition on ``Post``: only posts every visitor sees (neither hidden nor deleted)."""
    return Post.deleted_at.is_(None) & Post.hidden_at.is_(None)


def can_manage_newsletter(user) -> bool:
    """Write, test and send newsletter issues, and see subscriber counts."""
    return is_admin(user)
