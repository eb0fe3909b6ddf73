"""Routes under /t (threads) and /p (posts): read, reply, edit with history, delete."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from forum import permissions
from forum.actions import ActionError
from forum.actions.posts import delete_post, edit_post, post_reply
from forum.experts.audience import expert_audience
from forum.extensions import db
from forum.forms import ActionForm
from forum.fragments import anonymous_posts_html, post_fragments
from forum.models import Post, PostRevision
from forum.notifications.queries import reader_state
from forum.pagination import Pager, requested_page
from forum.queries import post_or_404, thread_or_404
from forum.threads import bp
from forum.threads.forms import EditPostForm, EditReplyForm, ReplyForm
from forum.threads.queries import page_of_posts, post_url, posts_per_page, requested_sort
from forum.urls import requested_id
from forum.views import form_page, posted_message, require, require_visible, submit
from moderation.sanitize import quote_markdown


@bp.route("/t/<int:thread_id>")
def show(thread_id):
    thread = thread_or_404(thread_id)
    if thread.merged_into_id is not None:
        return redirect(url_for("threads.show", thread_id=thread.merged_into_id), 301)
    require_visible(permissions.can_view_thread, thread)
    page, sort = requested_page(), requested_sort(thread)
    pager = Pager(page, posts_per_page(), thread.post_count)
    if page > pager.pages:
        abort(404)
    posts = page_of_posts(thread, sort, pager.offset, pager.per_page)
    # Who an unanswered "Ask an expert" question reaches, for the asker (and everyone) to read.
    audience = expert_audience(thread.group) if thread.asks_expert and not thread.expert_answer_count else None
    # After the permission check: only a reader allowed to see the thread reaches the cache.
    if not current_user.is_authenticated:
        return render_template("threads/show.html", thread=thread, posts=posts, pager=pager, sort=sort,
                               posts_html=anonymous_posts_html(thread, posts, sort), reply_form=None,
                               action_form=ActionForm(), audience=audience)
    reply_form = ReplyForm() if permissions.can_reply(current_user, thread) else None
    state = reader_state(current_user, thread, posts, votes=thread.is_question)
    return render_template("threads/show.html", thread=thread, posts=posts, pager=pager, sort=sort,
                           reader_state=state, my_votes=state.votes, reply_form=reply_form, action_form=ActionForm(),
                           fragments=post_fragments(thread, posts), posts_html=None, audience=audience)


def _quote(thread, form: ReplyForm) -> None:
    """Fill the reply with a quote of ``?quote=<post id>`` when the reader may see that post."""
    quoted_id = requested_id("quote")
    quoted = db.session.get(Post, quoted_id) if quoted_id else None
    if quoted is not None and quoted.thread_id == thread.id and not quoted.is_deleted and (
            not quoted.is_hidden or permissions.can_see_hidden_post(current_user, quoted)):
        author = (quoted.author.username if quoted.author else "A former member") \
            if permissions.shows_author(quoted) else "An anonymous member"
        form.body.data = quote_markdown(quoted.body_source, author)


@bp.route("/t/<int:thread_id>/reply", methods=["GET", "POST"])
@login_required
def reply(thread_id):
    thread = thread_or_404(thread_id)
    require_visible(permissions.can_view_thread, thread)
    form = ReplyForm()
    if thread.is_locked and not permissions.can_reply(current_user, thread) \
            and permissions.can_start_thread(current_user, thread.group):
        # Say why instead of a bare 403, and keep what was typed so it can be copied.
        form.form_errors.append("This thread is locked by a moderator, so no new replies can be added. "
                                "Your text is still here if you want to copy it.")
        return render_template("threads/reply.html", form=form, safety=None, thread=thread), 403
    require(permissions.can_reply, thread)
    if request.method == "GET":
        _quote(thread, form)
    anonymous = bool(form.anonymous.data) and permissions.can_post_anonymously(current_user, thread.group)
    post, safety = submit(form, lambda choice: post_reply(current_user, thread, form.body.data,
                                                          anonymous=anonymous, choice=choice))
    if post is not None:
        flash(posted_message(post.is_hidden, "Your reply is posted."), "success")
        return redirect(post_url(post))
    return form_page("threads/reply.html", form, safety, thread=thread)


@bp.route("/p/<int:post_id>")
def permalink(post_id):
    post = post_or_404(post_id)
    require_visible(permissions.can_view_thread, post.thread)
    return redirect(post_url(post))


@bp.route("/p/<int:post_id>/edit", methods=["GET", "POST"])
@login_required
def edit(post_id):
    post = post_or_404(post_id)
    require_visible(permissions.can_view_thread, post.thread)
    require(permissions.can_edit_post, post)
    form = (EditPostForm if post.is_opening else EditReplyForm)()
    if request.method == "GET":
        form.body.data = post.body_source
        if post.is_opening:
            form.title.data = post.thread.title

    def save(choice):
        title = form.title.data if post.is_opening else None
        return edit_post(current_user, post, form.body.data, title=title, reason=form.reason.data or "",
                         choice=choice)

    saved, safety = submit(form, save)
    if saved is not None:
        flash("Your changes are saved. Earlier versions stay in the post's history.", "success")
        return redirect(post_url(post))
    return form_page("threads/edit.html", form, safety, post=post, by_author=post.author_id == current_user.id)


@bp.route("/p/<int:post_id>/delete", methods=["POST"])
@login_required
def delete(post_id):
    post = post_or_404(post_id)
    require_visible(permissions.can_view_thread, post.thread)
    require(permissions.can_delete_post, post)
    if ActionForm().validate_on_submit():
        try:
            delete_post(current_user, post)
            flash("The post was deleted.", "info")
        except ActionError as error:
            flash(str(error), "error")
    return redirect(post_url(post))


@bp.route("/p/<int:post_id>/revisions")
def revisions(post_id):
    post = post_or_404(post_id)
    require_visible(permissions.can_view_thread, post.thread)
    require_visible(permissions.can_view_revisions, post)
    history = list(db.session.scalars(
        select(PostRevision).options(joinedload(PostRevision.editor))
        .where(PostRevision.post_id == post.id).order_by(PostRevision.replaced_at.desc())
    ))
    return render_template("threads/revisions.html", post=post, history=history)
