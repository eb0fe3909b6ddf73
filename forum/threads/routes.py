"""Routes under /t (threads) and /p (posts)."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from forum import permissions
from forum.actions import ActionError
from forum.actions.posts import delete_post, edit_post, post_reply
from forum.extensions import db
from forum.fragments import anonymous_posts_html, post_fragments
from forum.models import Post, PostRevision, Thread
from forum.pagination import Pager, requested_page
from forum.ratelimits import posting_rate_error
from forum.safety import posted_message, safety_gate
from forum.threads import bp
from forum.threads.answers import my_votes, page_of_posts, position_in_best_order, requested_sort
from forum.threads.forms import DeleteForm, EditPostForm, EditReplyForm, ReplyForm
from moderation.sanitize import quote_markdown


def posts_per_page() -> int:
    from flask import current_app

    return current_app.config["POSTS_PER_PAGE"]


def get_thread_or_404(thread_id: int) -> Thread:
    thread = db.session.scalar(
        select(Thread).options(joinedload(Thread.group), joinedload(Thread.author))
        .where(Thread.id == thread_id)
    )
    if thread is None:
        abort(404)
    return thread


def get_post_or_404(post_id: int) -> Post:
    post = db.session.scalar(
        select(Post).options(joinedload(Post.thread).joinedload(Thread.group), joinedload(Post.author))
        .where(Post.id == post_id)
    )
    if post is None:
        abort(404)
    return post


def require_view(thread: Thread) -> None:
    if not permissions.can_view_thread(current_user, thread):
        abort(403)
    if thread.hidden_at is not None and not permissions.can_view_hidden_thread(current_user, thread):
        abort(404)


def page_of(post: Post) -> int:
    """The page ``post`` is on in the thread's default order."""
    if post.thread.is_question and not post.is_opening:
        return position_in_best_order(post) // posts_per_page() + 1
    return (post.number - 1) // posts_per_page() + 1


def post_url(post: Post) -> str:
    page = page_of(post)
    args = {"page": page} if page > 1 else {}
    return url_for("threads.show", thread_id=post.thread_id, **args) + f"#post-{post.number}"


@bp.route("/t/<int:thread_id>")
def show(thread_id):
    thread = get_thread_or_404(thread_id)
    if thread.merged_into_id is not None:
        return redirect(url_for("threads.show", thread_id=thread.merged_into_id), 301)
    require_view(thread)
    page, sort = requested_page(), requested_sort(thread)
    per_page = posts_per_page()
    pager = Pager(page, per_page, thread.post_count)
    if page > pager.pages:
        abort(404)
    posts = page_of_posts(thread, sort, pager.offset, per_page)
    # After require_view: only a reader allowed to see the thread reaches the cache.
    if not current_user.is_authenticated:
        return render_template("threads/show.html", thread=thread, posts=posts, pager=pager, sort=sort,
                               posts_html=anonymous_posts_html(thread, posts, sort), reply_form=None,
                               action_form=DeleteForm())
    reply_form = ReplyForm() if permissions.can_reply(current_user, thread) else None
    return render_template("threads/show.html", thread=thread, posts=posts, pager=pager, sort=sort,
                           my_votes=my_votes(current_user, posts) if thread.is_question else set(),
                           reply_form=reply_form, action_form=DeleteForm(), fragments=post_fragments(thread, posts),
                           posts_html=None)


@bp.route("/t/<int:thread_id>/reply", methods=["GET", "POST"])
@login_required
def reply(thread_id):
    thread = get_thread_or_404(thread_id)
    require_view(thread)
    if not permissions.can_reply(current_user, thread):
        abort(403)
    form = ReplyForm()
    if request.method == "GET" and request.args.get("quote", "").isdigit():
        quoted = db.session.get(Post, int(request.args["quote"]))
        if quoted is not None and quoted.thread_id == thread.id and not quoted.is_deleted and (
                not quoted.is_hidden or permissions.can_see_hidden_post(current_user, quoted)):
            author = quoted.author.username if quoted.author else "A former member"
            form.body.data = quote_markdown(quoted.body_source, author)
    safety = None
    if form.validate_on_submit() and not (safety := safety_gate(form.body)):
        try:
            if (too_fast := posting_rate_error(current_user)):
                raise ActionError(too_fast)
            post = post_reply(current_user, thread, form.body.data)
        except ActionError as error:
            form.form_errors.append(str(error))
        else:
            flash(posted_message(post.is_hidden, "Your reply is posted."), "success")
            return redirect(post_url(post))
    status = 400 if form.errors or form.form_errors else 200
    return render_template("threads/reply.html", thread=thread, form=form, safety=safety), status


@bp.route("/p/<int:post_id>")
def permalink(post_id):
    post = get_post_or_404(post_id)
    require_view(post.thread)
    return redirect(post_url(post))


@bp.route("/p/<int:post_id>/edit", methods=["GET", "POST"])
@login_required
def edit(post_id):
    post = get_post_or_404(post_id)
    require_view(post.thread)
    if not permissions.can_edit_post(current_user, post):
        abort(403)
    form_class = EditPostForm if post.is_opening else EditReplyForm
    form = form_class()
    if request.method == "GET":
        form.body.data = post.body_source
        if post.is_opening:
            form.title.data = post.thread.title
    by_author = post.author_id == current_user.id
    fields = (form.title, form.body) if post.is_opening else (form.body,)
    safety = None
    if form.validate_on_submit() and not (by_author and (safety := safety_gate(*fields))):
        title = form.title.data if post.is_opening else None
        try:
            edit_post(current_user, post, form.body.data, title=title, reason=form.reason.data or "")
        except ActionError as error:
            form.form_errors.append(str(error))
        else:
            flash("Your changes are saved. Earlier versions stay in the post's history.", "success")
            return redirect(post_url(post))
    status = 400 if form.errors or form.form_errors else 200
    return render_template("threads/edit.html", post=post, form=form, safety=safety,
                           by_author=by_author), status


@bp.route("/p/<int:post_id>/delete", methods=["POST"])
@login_required
def delete(post_id):
    post = get_post_or_404(post_id)
    require_view(post.thread)
    if not permissions.can_delete_post(current_user, post):
        abort(403)
    if DeleteForm().validate_on_submit():
        try:
            delete_post(current_user, post)
            flash("The post was deleted.", "info")
        except ActionError as error:
            flash(str(error), "error")
    return redirect(post_url(post))


@bp.route("/p/<int:post_id>/revisions")
def revisions(post_id):
    post = get_post_or_404(post_id)
    require_view(post.thread)
    if post.is_deleted and not permissions.can_moderate_group(current_user, post.thread.group):
        abort(404)
    if post.is_hidden and not permissions.can_see_hidden_post(current_user, post):
        abort(404)
    history = list(db.session.scalars(
        select(PostRevision).options(joinedload(PostRevision.editor))
        .where(PostRevision.post_id == post.id).order_by(PostRevision.replaced_at.desc())
    ))
    return render_template("threads/revisions.html", post=post, history=history)
