"""One post: read it and its history; edit, delete, mark helpful, accept, flag — the same
actions and permission checks as the thread page's buttons."""
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from forum import permissions, queries
from forum.actions.moderation import flag_post
from forum.actions.posts import delete_post, edit_post
from forum.actions.qa import accept_answer, toggle_helpful
from forum.api import present
from forum.api.auth import api_user
from forum.api.confirm import act, publish
from forum.api.schemas.posts import (
    AcceptedSchema,
    EditSchema,
    FlagInputSchema,
    FlagSchema,
    HelpfulSchema,
    PostWithThreadSchema,
    ReasonSchema,
    RevisionListSchema,
)
from forum.api.spec import resource
from forum.api.threads import CONFIRM_409
from forum.extensions import db
from forum.models import PostRevision
from forum.threads.queries import my_votes
from forum.views import require, require_visible

blp = resource("Posts", __name__, "One post: its history, editing, deleting, votes, accepting, flags.")


def visible_post(post_id: int):
    """The post, if the caller may see its thread; else 404 (as /p/<id>)."""
    post = queries.post_or_404(post_id)
    require_visible(permissions.can_view_thread, post.thread)
    return post


def _with_thread(user, post) -> dict:
    marked = post.id in my_votes(user, [post]) if post.thread.is_question else False
    return {**present.post(user, post, marked=marked), "thread": present.thread_summary(post.thread)}


@blp.route("/posts/<int:post_id>")
@blp.etag
@blp.response(200, PostWithThreadSchema)
def show_post(post_id):
    """A post as the thread page shows it to you (hidden ones: to their author and moderators)."""
    return _with_thread(api_user(), visible_post(post_id))


@blp.route("/posts/<int:post_id>/revisions")
@blp.etag
@blp.response(200, RevisionListSchema)
def revisions(post_id):
    """Earlier versions of an edited post, newest first."""
    post = visible_post(post_id)
    require_visible(permissions.can_view_revisions, post)
    history = db.session.scalars(select(PostRevision).options(joinedload(PostRevision.editor))
                                 .where(PostRevision.post_id == post.id).order_by(PostRevision.replaced_at.desc()))
    return {"post_id": post.id, "revisions": [
        {"title": r.title, "body_html": r.body_html, "body_markdown": r.body_source,
         "editor": None if post.is_anonymous and r.editor_id == post.author_id  # the anonymous author
         else present.user_ref(r.editor, with_credential=False), "written_at": r.written_at,
         "replaced_at": r.replaced_at} for r in history]}


@blp.route("/posts/<int:post_id>", methods=["PATCH"])
@blp.arguments(EditSchema)
@blp.response(200, PostWithThreadSchema)
@blp.alt_response(409, **CONFIRM_409)
def edit(data, post_id):
    """Edit a post (title too, for an opening post); the old text stays in its history."""
    user, post = api_user(), visible_post(post_id)
    require(permissions.can_edit_post, post)
    fields = {"body": data["body"]}
    if post.is_opening:
        fields["title"] = data.get("title", post.thread.title)
    publish(lambda f, choice: edit_post(user, post, f["body"], title=f.get("title"), reason=data["reason"],
                                        choice=choice), fields, data["confirm"])
    return _with_thread(user, queries.post_or_404(post.id))


@blp.route("/posts/<int:post_id>", methods=["DELETE"])
@blp.arguments(ReasonSchema, location="query")
@blp.response(200, PostWithThreadSchema)
def delete(args, post_id):
    """Delete a post (yours, or as a moderator with a reason); a placeholder keeps its place."""
    user, post = api_user(), visible_post(post_id)
    require(permissions.can_delete_post, post)
    act(lambda: delete_post(user, post, args["reason"]))
    return _with_thread(user, queries.post_or_404(post.id))


def _helpful(post_id: int, want: bool) -> dict:
    user, post = api_user(), visible_post(post_id)
    require(permissions.can_vote_helpful, post)
    if (post.id in my_votes(user, [post])) != want:
        act(lambda: toggle_helpful(user, post))
    post = queries.post_or_404(post.id)
    return {"post_id": post.id, "marked_helpful": want, "helpful_count": post.helpful_count}


@blp.route("/posts/<int:post_id>/helpful", methods=["PUT"])
@blp.response(200, HelpfulSchema)
def mark_helpful(post_id):
    """Mark an answer helpful (one vote each, not your own). Idempotent."""
    return _helpful(post_id, True)


@blp.route("/posts/<int:post_id>/helpful", methods=["DELETE"])
@blp.response(200, HelpfulSchema)
def unmark_helpful(post_id):
    """Take your helpful mark back. Idempotent."""
    return _helpful(post_id, False)


def _accept(post_id: int, want: bool) -> dict:
    user, post = api_user(), visible_post(post_id)
    require(permissions.can_accept_answer, post)
    if (post.thread.accepted_post_id == post.id) != want:
        act(lambda: accept_answer(user, post))
    return {"thread_id": post.thread_id, "accepted_post_id": post.thread.accepted_post_id}


@blp.route("/posts/<int:post_id>/accept", methods=["PUT"])
@blp.response(200, AcceptedSchema)
def accept(post_id):
    """Make this answer the accepted one (the asker or a moderator). Idempotent."""
    return _accept(post_id, True)


@blp.route("/posts/<int:post_id>/accept", methods=["DELETE"])
@blp.response(200, AcceptedSchema)
def unaccept(post_id):
    """Un-accept this answer. Idempotent."""
    return _accept(post_id, False)


@blp.route("/posts/<int:post_id>/flags", methods=["POST"])
@blp.arguments(FlagInputSchema)
@blp.response(201, FlagSchema)
def flag(data, post_id):
    """Report a post to the moderators (once per post)."""
    user, post = api_user(), visible_post(post_id)
    if post.is_hidden:
        require_visible(permissions.can_see_hidden_post, post)
    require(permissions.can_flag_post, post)
    made = act(lambda: flag_post(user, post, data["reason"], data["details"]))
    return {"id": made.id, "post_id": post.id, "reason": made.reason, "created_at": made.created_at}
