"""Routes for acting on one thing: flag a post (/p/<id>/flag), moderate a post
(/mod/post/<id>), a thread (/mod/thread/<id>) or a member (/mod/user/<name>)."""

import re

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.orm import joinedload
from wtforms.fields.choices import SelectChoice

from forum import permissions
from forum.actions import ActionError
from forum.extensions import db
from forum.mod import bp
from forum.mod.forms import FlagForm, MergeForm, MoveForm, ReasonForm, SanctionForm
from forum.models import Group, Post, Thread, User
from forum.threads.routes import get_post_or_404
from moderation import actions, queue


KIND_DONE = {
    "warn": "warned",
    "silence": "silenced",
    "suspend": "suspended",
    "ban": "banned",
    "lift": "sanctions lifted",
}
THREAD_DONE = {"lock": "locked", "unlock": "unlocked", "pin": "pinned", "unpin": "unpinned"}


def _post_or_404(post_id: int) -> Post:
    post = get_post_or_404(post_id)
    if not permissions.can_view_thread(current_user, post.thread):
        abort(404)
    hidden = (post.is_hidden and not permissions.can_see_hidden_post(current_user, post)) or (
        post.thread.hidden_at is not None
        and not permissions.can_view_hidden_thread(current_user, post.thread)
    )
    if hidden:
        abort(404)
    return post


def _thread_or_404(thread_id: int) -> Thread:
    thread = db.session.scalar(select(Thread).options(joinedload(Thread.group)).where(Thread.id == thread_id))
    if thread is None:
        abort(404)
    if not permissions.can_moderate_thread(current_user, thread):
        abort(403)
    return thread


def _post_link(post: Post) -> str:
    return url_for("threads.permalink", post_id=post.id)


@bp.route("/p/<int:post_id>/flag", methods=["GET", "POST"])
@login_required
def flag(post_id):
    post = _post_or_404(post_id)
    if not permissions.can_flag_post(current_user, post):
        abort(403)
    form = FlagForm()
    if form.validate_on_submit():
        try:
            actions.flag_post(current_user, post, form.reason.data, form.details.data or "")
        except ActionError as error:
            form.form_errors.append(str(error))
        else:
            flash("Thank you. The moderators will review this post.", "success")
            return redirect(_post_link(post))
    status = 400 if form.errors or form.form_errors else 200
    return render_template("mod/flag.html", post=post, form=form), status


@bp.route("/mod/post/<int:post_id>", methods=["GET", "POST"])
@login_required
def post_tools(post_id):
    post = _post_or_404(post_id)
    if not permissions.can_moderate_post(current_user, post):
        abort(403)
    form = ReasonForm()
    if form.validate_on_submit():
        try:
            if request.form.get("do") == "unhide":
                actions.unhide_post(current_user, post, form.reason.data)
                flash("The post is visible again.", "success")
            else:
                actions.hide_post(current_user, post, form.reason.data)
                flash("The post is hidden. Its author can see why.", "success")
        except ActionError as error:
            form.form_errors.append(str(error))
        else:
            return redirect(_post_link(post))
    status = 400 if form.errors or form.form_errors else 200
    return render_template("mod/post.html", post=post, form=form), status


def _move_choices(thread: Thread) -> list[SelectChoice]:
    groups = db.session.scalars(select(Group).where(Group.id != thread.group_id).order_by(Group.name))
    return [SelectChoice(g.id, g.name) for g in groups if permissions.can_moderate_group(current_user, g)]


def _merge_target(raw: str) -> Thread:
    match = re.search(r"(?:/t/)?(\d{1,9})\b", raw or "")
    target = (
        db.session.scalar(
            select(Thread).options(joinedload(Thread.group)).where(Thread.id == int(match.group(1)))
        )
        if match
        else None
    )
    if target is None:
        raise ActionError("No thread has that number. Paste its link, like /t/42.")
    if not permissions.can_moderate_thread(current_user, target):
        raise ActionError("You can only merge into threads in groups you moderate.")
    return target


@bp.route("/mod/thread/<int:thread_id>", methods=["GET", "POST"])
@login_required
def thread_tools(thread_id):
    thread = _thread_or_404(thread_id)
    reason_form, move_form, merge_form = (
        ReasonForm(prefix="t"),
        MoveForm(prefix="move"),
        MergeForm(prefix="merge"),
    )
    move_form.group.choices = _move_choices(thread)
    do = request.form.get("do", "")
    try:
        if do in ("lock", "unlock", "pin", "unpin") and reason_form.validate_on_submit():
            if do in ("lock", "unlock"):
                actions.lock_thread(current_user, thread, do == "lock", reason_form.reason.data)
            else:
                actions.pin_thread(current_user, thread, do == "pin", reason_form.reason.data)
            flash(f"The thread is {THREAD_DONE[do]}.", "success")
            return redirect(url_for("threads.show", thread_id=thread.id))
        if do == "move" and move_form.validate_on_submit():
            group = db.session.get(Group, move_form.group.data)
            actions.move_thread(current_user, thread, group, move_form.reason.data)
            flash(f"The thread moved to {group.name}.", "success")
            return redirect(url_for("threads.show", thread_id=thread.id))
        if do == "merge" and merge_form.validate_on_submit():
            target = actions.merge_thread(
                current_user, thread, _merge_target(merge_form.target.data), merge_form.reason.data
            )
            flash("The threads are merged.", "success")
            return redirect(url_for("threads.show", thread_id=target.id))
    except ActionError as error:
        flash(str(error), "error")
    status = 400 if request.method == "POST" else 200
    return render_template(
        "mod/thread.html", thread=thread, reason_form=reason_form, move_form=move_form, merge_form=merge_form
    ), status


@bp.route("/mod/user/<username>", methods=["GET", "POST"])
@login_required
def user_tools(username):
    if not permissions.can_use_mod_area(current_user):
        abort(403)
    member = db.session.scalar(select(User).where(User.username_key == username.lower())) or abort(404)
    form = SanctionForm()
    if form.validate_on_submit():
        if not permissions.can_sanction_user(current_user, member, form.kind.data):
            form.form_errors.append(
                "You cannot do that to this account: group moderators may warn; "
                "site moderators silence, suspend and ban members."
            )
        else:
            try:
                actions.sanction_user(current_user, member, form.kind.data, form.reason.data, form.days.data)
            except ActionError as error:
                form.form_errors.append(str(error))
            else:
                flash(f"Done: {member.username} — {KIND_DONE[form.kind.data]}.", "success")
                return redirect(url_for("mod.user_tools", username=member.username))
    history = queue.latest_log_entries(None, target_user_id=member.id, limit=20)
    status = 400 if form.errors or form.form_errors else 200
    return render_template("mod/user.html", member=member, form=form, history=history), status
