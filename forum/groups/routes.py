"""Routes under /groups."""
from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from forum import permissions, queries
from forum.actions import ActionError, limits
from forum.actions import groups as group_actions
from forum.actions.posts import start_thread
from forum.experts.audience import expert_audience
from forum.extensions import db
from forum.forms import ActionForm
from forum.groups import bp
from forum.groups.forms import JoinRequestForm, NewThreadForm
from forum.groups.queries import THREAD_ORDER, group_threads
from forum.models import Group, Membership, MembershipStatus, User
from forum.pagination import keyset_list
from forum.queries import group_or_404 as get_group_or_404
from forum.searching.service import similar_questions
from forum.views import form_page, posted_message, require, require_visible, submit


def _back_to(group: Group):
    return redirect(url_for("groups.show", slug=group.slug))


@bp.route("/groups")
def index():
    archived = queries.archived_groups() if permissions.can_manage_groups(current_user) else []
    # ?ask=...: a search that found nothing, to be asked as a question in a group chosen here
    ask = " ".join(request.args.get("ask", "").replace("\x00", " ").split())[:limits.TITLE_MAX]
    return render_template("groups/index.html", groups=queries.all_groups(), archived=archived,
                           action_form=ActionForm(), ask=ask)


@bp.route("/groups/<slug>")
def show(slug):
    group = get_group_or_404(slug)
    if not permissions.can_view_group_content(current_user, group):
        return render_template("groups/private.html", group=group, form=JoinRequestForm(),
                               action_form=ActionForm()), 200
    per_page = current_app.config["THREADS_PER_PAGE"]
    page = keyset_list(group_threads(group), THREAD_ORDER, per_page)
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
    require_visible(permissions.can_view_group_content, group)
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
    require(permissions.can_moderate_group, group)
    return render_template("groups/requests.html", group=group,
                           pending=group_actions.pending_requests(group), action_form=ActionForm())


@bp.route("/groups/<slug>/requests/<int:user_id>/<any(approve, decline):decision>", methods=["POST"])
@login_required
def decide_request(slug, user_id, decision):
    group = get_group_or_404(slug)
    require(permissions.can_moderate_group, group)
    applicant = db.get_or_404(User, user_id)
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
    require(permissions.can_start_thread, group)
    form = NewThreadForm()
    if request.method == "GET" and request.args.get("kind") in ("question", "discussion"):
        form.kind.data = request.args["kind"]
    if request.method == "GET" and request.args.get("title"):
        # A prefilled title (the drug pages' "Ask a question about this drug"): only shown, never saved.
        form.title.data = " ".join(request.args["title"].replace("\x00", " ").split())[:limits.TITLE_MAX]
    if request.method == "POST" and request.form.get("preview"):
        # The no-JavaScript way to see similar questions: nothing is saved.
        similar = similar_questions(current_user, form.title.data or "", form.body.data or "")
        return render_template("groups/new_thread.html", group=group, form=form, similar=similar,
                               audience=expert_audience(group))

    anonymous = bool(form.anonymous.data) and permissions.can_post_anonymously(current_user, group)

    def save(choice):
        return start_thread(current_user, group, form.kind.data, form.title.data, form.body.data,
                            ask_expert=bool(form.ask_expert.data), anonymous=anonymous, choice=choice)

    thread, safety = submit(form, save)
    if thread is not None:
        live = "Your post is live. You will find replies here."
        flash(posted_message(thread.hidden_at is not None, live), "success")
        return redirect(url_for("threads.show", thread_id=thread.id))
    return form_page("groups/new_thread.html", form, safety, group=group, audience=expert_audience(group))
