"""Routes: block and unblock a member, report a member from their profile, and
/settings/messages (who may message you, whom you blocked)."""
from flask import abort, flash, redirect, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from forum import permissions, queries
from forum.actions import ActionError
from forum.actions import blocks as actions
from forum.actions.messages import set_message_policy
from forum.extensions import db
from forum.forms import ActionForm
from forum.messages import bp
from forum.messages.forms import MessageSettingsForm, ReportForm
from forum.models import Block
from forum.views import form_page, require, submit


def _back(profile):
    target = request.form.get("next", "")
    if target == url_for("messages.settings"):
        return redirect(target)
    return redirect(url_for("profiles.show", username=profile.username))


@bp.route("/u/<username>/block", methods=["POST"])
@login_required
def block(username):
    profile = queries.user_or_404(username)
    require(permissions.may_block, profile)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        actions.block_member(current_user, profile)
        flash(f"You blocked {profile.name}. Neither of you can message the other, and their posts are "
              "collapsed for you.", "success")
    except ActionError as error:
        flash(str(error), "error")
    return _back(profile)


@bp.route("/u/<username>/unblock", methods=["POST"])
@login_required
def unblock(username):
    profile = queries.user_or_404(username)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        actions.unblock_member(current_user, profile)
        flash(f"You unblocked {profile.name}.", "success")
    except ActionError as error:
        flash(str(error), "error")
    return _back(profile)


@bp.route("/u/<username>/report", methods=["GET", "POST"])
@login_required
def report_member(username):
    profile = queries.user_or_404(username)
    require(permissions.may_report_member, profile)
    form = ReportForm()
    reported, _ = submit(form, lambda choice: actions.report_member(current_user, profile, form.reason.data,
                                                                     form.details.data or ""))
    if reported is not None:
        flash(f"Thank you. The moderators will look at your report about {profile.name}.", "success")
        return redirect(url_for("profiles.show", username=profile.username))
    return form_page("messages/report_member.html", form, profile=profile)


@bp.route("/settings/messages", methods=["GET", "POST"])
@login_required
def settings():
    form = MessageSettingsForm(data={"policy": current_user.message_policy} if request.method == "GET" else None)
    saved, _ = submit(form, lambda choice: set_message_policy(current_user, form.policy.data))
    if saved is not None:
        flash("Your message settings are saved.", "success")
        return redirect(url_for("messages.settings"))
    blocked = list(db.session.scalars(select(Block).options(joinedload(Block.blocked))
                                      .where(Block.blocker_id == current_user.id).order_by(Block.created_at)))
    return form_page("messages/settings.html", form, blocked=blocked, action_form=ActionForm())
