"""Threads: read one with a page of its posts (the thread page's order, expert and accepted
answers, helpful counts), ask a question or start a discussion, reply, similar questions."""
from flask import abort, redirect

from forum import permissions, queries
from forum.actions.posts import post_reply, start_thread
from forum.api import present
from forum.api.auth import api_user
from forum.api.confirm import publish
from forum.api.errors import API_PREFIX
from forum.api.schemas.common import ConfirmationProblemSchema
from forum.api.schemas.threads import (
    NewThreadSchema,
    PostSchema,
    ReplySchema,
    SimilarArgsSchema,
    SimilarListSchema,
    ThreadArgsSchema,
    ThreadSchema,
)
from forum.api.spec import resource
from forum.pagination import Pager
from forum.searching.service import similar_questions
from forum.threads.queries import my_votes, page_of_posts, posts_per_page
from forum.views import require, require_visible

blp = resource("Threads", __name__, "Questions and discussions, with their posts; asking and replying.")
CONFIRM_409 = {"schema": ConfirmationProblemSchema, "content_type": "application/problem+json",
               "description": "The safety check found something: nothing was published (see confirm)"}


def thread_detail(user, thread, page: int = 1, sort: str = "best") -> dict:
    """The thread with one page of its posts, as the thread page shows them (five statements)."""
    sort = sort if thread.is_question else "oldest"
    pager = Pager(page, posts_per_page(), thread.post_count)
    if page > pager.pages:
        abort(404)
    posts = page_of_posts(thread, sort, pager.offset, pager.per_page)
    votes = my_votes(user, posts) if thread.is_question else set()
    return {
        **present.thread_summary(thread),
        "can": {"reply": permissions.can_reply(user, thread), "moderate": permissions.can_moderate_thread(user, thread)},
        "posts": {"page": page, "pages": pager.pages, "per_page": pager.per_page, "total": thread.post_count,
                  "sort": sort, "items": [present.post(user, p, marked=p.id in votes) for p in posts]},
    }


@blp.route("/threads/<int:thread_id>")
@blp.etag
@blp.arguments(ThreadArgsSchema, location="query")
@blp.response(200, ThreadSchema)
@blp.alt_response(301, description="The thread was merged into another: Location is that thread")
def show_thread(args, thread_id):
    """A thread and one page of its posts."""
    thread = queries.thread_or_404(thread_id)
    if thread.merged_into_id is not None:
        require_visible(permissions.can_view_group_content, thread.group)
        abort(redirect(f"{API_PREFIX}/threads/{thread.merged_into_id}", 301))
    require_visible(permissions.can_view_thread, thread)
    return thread_detail(api_user(), thread, args["page"], args["sort"])


@blp.route("/groups/<slug>/threads", methods=["POST"])
@blp.arguments(NewThreadSchema)
@blp.response(201, ThreadSchema)
@blp.alt_response(409, **CONFIRM_409)
def ask(data, slug):
    """Ask a question or start a discussion (the pipeline's safety step answers 409 first)."""
    user, group = api_user(), queries.group_or_404(slug)
    require(permissions.can_start_thread, group)
    anonymous = data["anonymous"] and permissions.can_post_anonymously(user, group)
    thread = publish(lambda fields, choice: start_thread(
        user, group, data["kind"], fields["title"], fields["body"], ask_expert=data["ask_expert"],
        anonymous=anonymous, choice=choice),
        {"title": data["title"], "body": data["body"]}, data["confirm"])
    thread = queries.thread_or_404(thread.id)
    return thread_detail(user, thread), 201, {"Location": f"{API_PREFIX}/threads/{thread.id}"}


@blp.route("/threads/<int:thread_id>/posts", methods=["POST"])
@blp.arguments(ReplySchema)
@blp.response(201, PostSchema)
@blp.alt_response(409, **CONFIRM_409)
def reply(data, thread_id):
    """Reply to a thread (an answer, on a question)."""
    user, thread = api_user(), queries.thread_or_404(thread_id)
    require_visible(permissions.can_view_thread, thread)
    require(permissions.can_reply, thread)
    anonymous = data["anonymous"] and permissions.can_post_anonymously(user, thread.group)
    post = publish(lambda fields, choice: post_reply(user, thread, fields["body"], anonymous=anonymous,
                                                     choice=choice),
                   {"body": data["body"]}, data["confirm"])
    post = queries.post_or_404(post.id)
    return present.post(user, post), 201, {"Location": f"{API_PREFIX}/posts/{post.id}"}


@blp.route("/similar-questions")
@blp.etag
@blp.arguments(SimilarArgsSchema, location="query")
@blp.response(200, SimilarListSchema)
def similar(args):
    """Up to five questions like the one being written, that you may see (as on the ask page)."""
    user = api_user()
    found = similar_questions(user, args["title"], args["body"]) if len(args["title"].strip()) >= 3 else []
    return {"questions": [{"id": t.id, "title": t.title, "group": present.group_ref(t.group),
                           "reply_count": t.reply_count, "url": f"/t/{t.id}",
                           "api_url": f"{API_PREFIX}/threads/{t.id}"} for t in found]}
