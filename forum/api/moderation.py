"""Moderators on the API: the review queue, keep/hide/delete, hiding posts, sanctions and the
log — the /mod pages' actions, permission checks and audit-log entries, unchanged."""
from flask import abort
from sqlalchemy import select

from forum import permissions, queries
from forum.actions import moderation as actions
from forum.api import present
from forum.api.auth import api_user
from forum.api.confirm import act
from forum.api.errors import problem
from forum.api.paging import cursor_page, cursors
from forum.api.posts import visible_post
from forum.api.schemas.moderation import (
    DecidedSchema,
    DecisionSchema,
    HideSchema,
    LogArgsSchema,
    LogSchema,
    QueueArgsSchema,
    QueueSchema,
    SanctionInputSchema,
    SanctionSchema,
)
from forum.api.schemas.posts import PostWithThreadSchema, ReasonSchema
from forum.api.spec import resource
from forum.extensions import db
from forum.mod import queries as queue
from forum.models import Group
from forum.models.moderation import ReviewItem
from forum.views import require, require_visible

blp = resource("Moderation", __name__, "The review queue, moderators' actions and the moderation log.")


def _scope():
    require(permissions.can_use_mod_area)
    return permissions.moderated_group_ids(api_user())


def _group_id(slug: str | None) -> int | None:
    if not slug:
        return None
    return db.session.scalar(select(Group.id).where(Group.slug == slug)) or -1


def _flag(f) -> dict:
    return {"reason": f.reason, "details": f.details, "reporter": f.reporter.username if f.reporter else None,
            "created_at": f.created_at}


def _item(user, item, flags) -> dict:
    return {"id": item.id, "reason": item.reason, "reason_label": item.reason_label, "note": item.note,
            "is_urgent": item.is_urgent, "opened_at": item.opened_at,
            "group": present.group_ref(item.group) if item.group else None,
            "target_type": "post" if item.post_id is not None else "comment",
            "post": present.post(user, item.post) if item.post_id is not None else None,
            "comment": present.comment(user, item.comment) if item.comment_id is not None else None,
            "flags": [_flag(f) for f in flags.get(item.post_id, [])]}


@blp.route("/mod/queue")
@blp.etag
@blp.arguments(QueueArgsSchema, location="query")
@blp.response(200, QueueSchema)
def review_queue(args):
    """Open items in the groups you moderate: urgent (crisis) first, then the oldest."""
    scope, user = _scope(), api_user()
    items = queue.open_items(scope, reason=args.get("reason"), group_id=_group_id(args.get("group")), private=False)
    flags = queue.open_flags_by_post([i.post_id for i in items if i.post_id is not None])
    return {"items": [_item(user, i, flags) for i in items]}


@blp.route("/mod/queue/<int:item_id>", methods=["POST"])
@blp.arguments(DecisionSchema)
@blp.response(200, DecidedSchema)
def decide(data, item_id):
    """Keep, hide or delete a queued post or comment (hide and delete need a reason)."""
    item = db.get_or_404(ReviewItem, item_id)
    if item.message_id is not None or item.reported_user_id is not None:
        abort(404)  # private messages and member reports are decided on the web only
    if item.post_id is not None:
        require_visible(permissions.can_view_thread, item.post.thread)
    require(permissions.can_decide_review, item)
    target = act(lambda: actions.decide(api_user(), item, data["decision"], data["reason"]))
    return {"item_id": item.id, "decision": data["decision"], "target_type": item_target_type(item),
            "target_id": target.id}


def item_target_type(item) -> str:
    return "post" if item.post_id is not None else "comment"


def _post_tool(post_id: int):
    post = visible_post(post_id)
    if post.is_hidden:
        require_visible(permissions.can_see_hidden_post, post)
    require(permissions.can_moderate_post, post)
    return post


@blp.route("/mod/posts/<int:post_id>/hide", methods=["POST"])
@blp.arguments(HideSchema)
@blp.response(200, PostWithThreadSchema)
def hide_post(data, post_id):
    """Hide a post from readers (its author sees the reason)."""
    post, user = _post_tool(post_id), api_user()
    act(lambda: actions.hide(user, post, data["reason"]))
    post = queries.post_or_404(post_id)
    return {**present.post(user, post), "thread": present.thread_summary(post.thread)}


@blp.route("/mod/posts/<int:post_id>/unhide", methods=["POST"])
@blp.arguments(ReasonSchema)
@blp.response(200, PostWithThreadSchema)
def unhide_post(data, post_id):
    """Show a hidden post again."""
    post, user = _post_tool(post_id), api_user()
    act(lambda: actions.unhide(user, post, data["reason"]))
    post = queries.post_or_404(post_id)
    return {**present.post(user, post), "thread": present.thread_summary(post.thread)}


@blp.route("/mod/users/<username>/sanctions", methods=["POST"])
@blp.arguments(SanctionInputSchema)
@blp.response(200, SanctionSchema)
def sanction(data, username):
    """Warn, silence, suspend or ban a member, or lift every sanction (as /mod/user/<name>)."""
    _scope()
    moderator, member = api_user(), queries.user_or_404(username)
    group_id = _group_id(data["group"])
    if group_id == -1:
        abort(problem(422, "There is no group with that slug.", errors=[
            {"location": "json", "field": "group", "messages": ["Unknown group."]}]))
    if not permissions.can_sanction_user(moderator, member, data["kind"], group_id):
        abort(problem(403, "You cannot do that to this account: group moderators may warn members of their "
                           "own groups; site moderators silence, suspend and ban."))
    act(lambda: actions.sanction_user(moderator, member, data["kind"], data["reason"], data["days"],
                                      group_id=group_id))
    return {"user": present.user_ref(member), "kind": data["kind"], "banned": member.banned_at is not None,
            "suspended_until": member.suspended_until, "silenced_until": member.silenced_until}


@blp.route("/mod/log")
@blp.etag
@blp.arguments(LogArgsSchema, location="query")
@blp.response(200, LogSchema)
def log(args):
    """Every moderator and automatic action in the groups you moderate, newest first."""
    stmt = queue.log_entries(_scope(), action=args.get("action"))
    page = cursor_page(stmt, queue.LOG_ORDER, queue.PAGE_SIZE, args)
    return {"entries": [
        {"id": e.id, "action": e.action, "label": e.label, "moderator": e.moderator.username if e.moderator else None,
         "target_type": e.target_type, "target_id": e.target_id,
         "target_user": e.target_user.username if e.target_user else None,
         "group": present.group_ref(e.group) if e.group else None, "reason": e.reason,
         "created_at": e.created_at} for e in page.items], "cursors": cursors(page)}
