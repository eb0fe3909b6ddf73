"""Routes under /groups."""
from datetime import datetime

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from forum import permissions, queries
from forum.actions import ActionError
from forum.actions import groups as group_actions
from forum.actions.posts import start_thread
from forum.extensions import db
from forum.groups import bp
from forum.groups.forms import ActionForm, JoinRequestForm, NewThreadForm
from forum.models import Group, Membership, MembershipStatus, Thread, User
from forum.pagination import Keyset, keyset_page, legacy_page_redirect, requested_cursor, to_first_page
from forum.ratelimits import posting_rate_error
from forum.safety import posted_message, safety_gate
from search.service import similar_questions


def get_group_or_404(slug: str) -> Group:
    group = db.session.scalar(select(Group).where(Group.slug == slug))
    if group is None:
        abort(404)
    return group


def _back_to(group: Group):
    return redirect(url_for("groups.show", slug=group.slug))


@bp.route("/groups")
def index():
    return render_template("groups/index.html", groups=queries.all_groups(), action_form=ActionForm())


# A group's threads: pinned first, then by last activity, newest first (the
# index ix_threads_group_activity holds exactly this order).
THREAD_ORDER = Keyset(
    columns=(Thread.is_pinned, Thread.last_activity_at, Thread.id), kinds=(bool, datetime, int),
    key_of=lambda t: (bool(t.is_pinned), t.last_activity_at, t.id),
)


@bp.route("/groups/<slug>")
def show(slug):
    group = get_group_or_404(slug)
    if not permissions.can_view_group_content(current_user, group):
        return render_template("groups/private.html", group=group, form=JoinRequestForm(),
                               action_form=ActionForm()), 200
    per_page = current_app.config["THREADS_PER_PAGE"]
    stmt = (select(Thread).options(joinedload(Thread.author))
            .where(Thread.group_id == group.id, permissions.visible_threads_clause()))
    if (old_link := legacy_page_redirect(db.session, stmt, THREAD_ORDER, per_page)) is not None:
        return old_link
    direction, values = requested_cursor(THREAD_ORDER)
    page = keyset_page(db.session, stmt, THREAD_ORDER, per_page, direction, values)
    if page.reached_start:
        return to_first_page()
    return render_template("groups/show.html", group=group, threads=page.items, page=page,
                           action_form=ActionForm())


@bp.route("/groups/<slug>/join", methods=["POST"])
@login_required
def join(slug):
    group = get_group_or_404(slug)
    if ActionForm().validate_on_submit():
        try:
            group_actions.join_group(current_user, group)
            flash(f"You joined {group.name}. Welcome!", "success")
        except ActionError as error:
            flash(str(error), "error")
    return _back_to(group)


@bp.route("/groups/<slug>/request", methods=["POST"])
@login_required
def request_to_join(slug):
    group = get_group_or_404(slug)
    form = JoinRequestForm()
    if not form.validate_on_submit():
        return render_template("groups/private.html", group=group, form=form,
                               action_form=ActionForm()), 400
    try:
        group_actions.request_to_join(current_user, group, form.note.data or "")
        flash("Your request was sent. A group moderator will review it.", "success")
    except ActionError as error:
        flash(str(error), "error")
    return _back_to(group)


@bp.route("/groups/<slug>/leave", methods=["POST"])
@login_required
def leave(slug):
    group = get_group_or_404(slug)
    if ActionForm().validate_on_submit():
        try:
            was_member = permissions.is_member(current_user, group)
            group_actions.leave_group(current_user, group)
            flash(f"You left {group.name}." if was_member else "Your request was withdrawn.", "info")
        except ActionError as error:
            flash(str(error), "error")
    return _back_to(group)


@bp.route("/groups/<slug>/members")
def members(slug):
    group = get_group_or_404(slug)
    if not permissions.can_view_group_content(current_user, group):
        abort(403)
    rows = list(db.session.scalars(
        select(Membership).options(joinedload(Membership.user))
        .where(Membership.group_id == group.id, Membership.status == MembershipStatus.ACTIVE)
        .join(Membership.user).order_by(Membership.role.desc(), User.username_key).limit(500)
    ))
    return render_template("groups/members.html", group=group, memberships=rows)


@bp.route("/groups/<slug>/requests")
@login_required
def requests(slug):
    group = get_group_or_404(slug)
    if not permissions.can_moderate_group(current_user, group):
        abort(403)
    return render_template("groups/requests.html", group=group,
                           pending=group_actions.pending_requests(group), action_form=ActionForm())


@bp.route("/groups/<slug>/requests/<int:user_id>/<any(approve, decline):decision>", methods=["POST"])
@login_required
def decide_request(slug, user_id, decision):
    group = get_group_or_404(slug)
    if not permissions.can_moderate_group(current_user, group):
        abort(403)
    applicant = db.session.get(User, user_id) or abort(404)
    if ActionForm().validate_on_submit():
        try:
            if decision == "approve":
                group_actions.approve_request(current_user, group, applicant)
                flash(f"{applicant.username} is now a member of {group.name}.", "success")
            else:
                group_actions.decline_request(current_user, group, applicant)
                flash(f"You declined {applicant.username}'s request.", "info")
        except ActionError as error:
            flash(str(error), "error")
    return redirect(url_for("groups.requests", slug=group.slug))


@bp.route("/groups/<slug>/new", methods=["GET", "POST"])
@login_required
def new_thread(slug):
    group = get_group_or_404(slug)
    if not permissions.can_start_thread(current_user, group):
        abort(403)
    form = NewThreadForm()
    if request.method == "GET" and request.args.get("kind") in ("question", "discussion"):
        form.kind.data = request.args["kind"]
    if request.method == "POST" and request.form.get("preview"):
        # The no-JavaScript way to see similar questions: nothing is saved.
        similar = similar_questions(current_user, form.title.data or "", form.body.data or "")
        return render_template("groups/new_thread.html", group=group, form=form, similar=similar)
    safety = None
    if form.validate_on_submit() and not (safety := safety_gate(form.title, form.body)):
        try:
            if (too_fast := posting_rate_error(current_user)):
                raise ActionError(too_fast)
            thread = start_thread(current_user, group, form.kind.data, form.title.data, form.body.data,
                                  ask_expert=bool(form.ask_expert.data))
        except ActionError as error:
            form.form_errors.append(str(error))
        else:
            live = "Your post is live. You will find replies here."
            flash(posted_message(thread.hidden_at is not None, live), "success")
            return redirect(url_for("threads.show", thread_id=thread.id))
    status = 400 if form.errors or form.form_errors else 200
    return render_template("groups/new_thread.html", group=group, form=form, safety=safety), status
