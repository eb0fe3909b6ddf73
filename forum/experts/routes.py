"""Routes under /experts: the directory, applying, reviewing, revoking and the question queue."""
from flask import flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from forum import permissions
from forum.actions import ActionError
from forum.actions import experts as expert_actions
from forum.experts import bp, queries
from forum.experts.audience import uncovered_among
from forum.experts.forms import DecisionForm, ExpertApplicationForm
from forum.extensions import db
from forum.models import ExpertApplication
from forum.pagination import keyset_list
from forum.queries import user_or_404
from forum.views import require

QUEUE_PAGE_SIZE = 25


@bp.route("")
def index():
    return render_template("experts/index.html", verifications=queries.verified_experts())


@bp.route("/apply", methods=["GET", "POST"])
@login_required
def apply():
    latest = queries.latest_application(current_user)
    if not permissions.can_apply_as_expert(current_user) or (latest and latest.status == "pending"):
        return render_template("experts/apply.html", form=None, latest=latest)
    form = ExpertApplicationForm()
    if form.validate_on_submit():
        try:
            expert_actions.apply_as_expert(
                current_user, profession=form.profession.data, specialty=form.specialty.data,
                licence_number=form.licence_number.data, issuing_body=form.issuing_body.data,
                country=form.country.data, evidence=form.evidence.data)
        except ActionError as error:
            form.form_errors.append(str(error))
        else:
            flash("Thank you. Your application is waiting for review; we will check your credentials.",
                  "success")
            return redirect(url_for("experts.apply"))
    status = 400 if form.errors or form.form_errors else 200
    return render_template("experts/apply.html", form=form, latest=latest), status


def _require_reviewer():
    require(permissions.can_review_expert_applications)


@bp.route("/review")
@login_required
def review():
    _require_reviewer()
    return render_template("experts/review.html", pending=queries.pending_applications(),
                           verifications=queries.verified_experts(), audit=queries.recent_audit(),
                           form=DecisionForm())


@bp.route("/applications/<int:application_id>/<any(approve, reject):decision>", methods=["POST"])
@login_required
def decide(application_id, decision):
    _require_reviewer()
    application = db.get_or_404(ExpertApplication, application_id)
    form = DecisionForm()
    if form.validate_on_submit():
        try:
            if decision == "approve":
                expert_actions.approve_application(current_user, application, form.reason.data or "")
                flash(f"{application.user.username} is now a verified expert.", "success")
            else:
                expert_actions.reject_application(current_user, application, form.reason.data or "")
                flash(f"You rejected {application.user.username}'s application.", "info")
        except ActionError as error:
            flash(str(error), "error")
    else:
        flash(" ".join(form.reason.errors) or "The form expired; please try again.", "error")
    return redirect(url_for("experts.review"))


@bp.route("/<username>/revoke", methods=["POST"])
@login_required
def revoke(username):
    require(permissions.can_revoke_verification)
    expert = user_or_404(username)
    form = DecisionForm()
    if form.validate_on_submit():
        try:
            expert_actions.revoke_verification(current_user, expert, form.reason.data or "")
            flash(f"{expert.username}'s verification was revoked; their badge is gone from every answer.",
                  "info")
        except ActionError as error:
            flash(str(error), "error")
    else:
        flash(" ".join(form.reason.errors) or "The form expired; please try again.", "error")
    return redirect(url_for("experts.review"))


@bp.route("/queue")
@login_required
def queue():
    require(permissions.can_see_expert_queue)
    # A moderator or admin without a verification of their own sees every waiting question.
    verification = current_user.current_verification
    stmt = queries.expert_queue(current_user, verification.specialty if verification else None)
    page = keyset_list(stmt, queries.QUEUE_ORDER, QUEUE_PAGE_SIZE)
    return render_template("experts/queue.html", threads=page.items, page=page, verification=verification,
                           no_specialist=uncovered_among(t.group_id for t in page.items))
