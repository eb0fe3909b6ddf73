"""Routes for acting on one thing: flag a post (/p/<id>/flag), moderate a post
(/mod/post/<id>), a thread (/mod/thread/<id>) or a member (/mod/user/<name>)."""

import re

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.orm import joinedload
from wtforms.fields.choices import SelectChoice

from forum import permissions
from forum.actions import ActionError, anonymity
from forum.actions import moderation as actions
from forum.extensions import db
from forum.mod import bp
from forum.mod import queries as queue
from forum.mod.forms import FlagForm, MergeForm, MoveForm, ReasonForm, SanctionForm
from forum.models import Group, Post, Thread
from forum.queries import post_count_by, post_or_404, thread_or_404, user_or_404
from forum.views import form_page, require, require_visible, submit

KIND_DONE = {
    "warn": "warned",
    "silence": "silenced",
    "suspend": "suspended",
    "ban": "banned",
    "lift": "sanctions lifted",
}
THREAD_DONE = {"lock": "locked", "unlock": "unlocked", "pin": "pinned", "unpin": "unpinned"}


def _visible_post_or_404(post_id: int) -> Post:
    """A post the current user may see (a hidden one: its author and moderators); else 404."""
    post = post_or_404(post_id)
    require_visible(permissions.can_view_thread, post.thread)
    if post.is_hidden:
        require_visible(permissions.can_see_hidden_post, post)
    return post


def _post_link(post: Post) -> str:
    return url_for("threads.permalink", post_id=post.id)


@bp.route("/p/<int:post_id>/flag", methods=["GET", "POST"])
@login_required
def flag(post_id):
    post = _visible_post_or_404(post_id)
    require(permissions.can_flag_post, post)
    form = FlagForm()
    if request.method == "GET" and queue.has_flagged(current_user, post.id):
        # Say so at once, instead of a form that can only be refused.
        return render_template("mod/flag.html", form=form, post=post, already=True)
    flagged, _ = submit(form, lambda choice: actions.flag_post(current_user, post, form.reason.data,
                                                                form.details.data or ""))
    if flagged is not None:
        flash("Thank you. The moderators will review this post.", "success")
        return redirect(_post_link(post))
    return form_page("mod/flag.html", form, post=post)


@bp.route("/mod/post/<int:post_id>", methods=["GET", "POST"])
@login_required
def post_tools(post_id):
    post = _visible_post_or_404(post_id)
    require(permissions.can_moderate_post, post)
    form = ReasonForm()

    def act(choice):
        if request.form.get("do") == "unhide":
            return actions.unhide(current_user, post, form.reason.data), "The post is visible again."
        return actions.hide(current_user, post, form.reason.data), "The post is hidden. Its author can see why."

    done, _ = submit(form, act)
    if done is not None:
        flash(done[1], "success")
        return redirect(_post_link(post))
    return form_page("mod/post.html", form, post=post, reveal_form=ReasonForm(prefix="reveal"),
                     revealed=post.is_anonymous and anonymity.revealed_to(current_user, post))


@bp.route("/mod/post/<int:post_id>/reveal", methods=["POST"])
@login_required
def reveal_author(post_id):
    """Reveal who wrote an anonymous post: audited, then shown on the post's tools page."""
    post = _visible_post_or_404(post_id)
    require(permissions.can_reveal_author, post)
    form = ReasonForm(prefix="reveal")
    if form.validate_on_submit():
        try:
            anonymity.reveal_author(current_user, post, form.reason.data or "")
            flash("The author is shown below. The reveal is in the moderation log.", "info")
        except ActionError as error:
            flash(str(error), "error")
    else:
        flash(" ".join(e for errors in form.errors.values() for e in errors) or "Please try again.", "error")
    return redirect(url_for("mod.post_tools", post_id=post.id))


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
    thread = thread_or_404(thread_id)
    require_visible(permissions.can_view_group_content, thread.group)
    require(permissions.can_moderate_thread, thread)
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
            group = db.get_or_404(Group, move_form.group.data)
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


def _sanction_groups(member) -> list[Group]:
    """Groups the current moderator may act for on ``member``: the ones they moderate
    where the member belongs (all groups for site moderators: the choice is optional)."""
    stmt = select(Group).order_by(Group.name)
    scope = permissions.moderated_group_ids(current_user)
    if scope is not None:
        stmt = stmt.where(Group.id.in_(scope or [-1]), permissions.member_or_author_clause(member))
    return list(db.session.scalars(stmt))


@bp.route("/mod/user/<username>", methods=["GET", "POST"])
@login_required
def user_tools(username):
    require(permissions.can_use_mod_area)
    member = user_or_404(username)
    form = SanctionForm()
    groups = _sanction_groups(member)
    site_wide = permissions.moderated_group_ids(current_user) is None
    form.group.choices = ([SelectChoice(0, "Site-wide")] if site_wide else []) + \
        [SelectChoice(g.id, g.name) for g in groups]

    def act(choice):
        group_id = form.group.data or None
        if not permissions.can_sanction_user(current_user, member, form.kind.data, group_id):
            raise ActionError("You cannot do that to this account: group moderators may warn members of "
                              "their own groups; site moderators silence, suspend and ban.")
        return actions.sanction_user(current_user, member, form.kind.data, form.reason.data, form.days.data,
                                     group_id=group_id)

    done, _ = submit(form, act)
    if done is not None:
        flash(f"Done: {member.username} — {KIND_DONE[form.kind.data]}.", "success")
        return redirect(url_for("mod.user_tools", username=member.username))
    history = queue.latest_log_entries(permissions.moderated_group_ids(current_user), target_user_id=member.id,
                                       limit=20)
    return form_page("mod/user.html", form, member=member, history=history, groups=groups,
                     post_count=post_count_by(current_user, member.id))
