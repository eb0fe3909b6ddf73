"""Routes: /settings/account (sessions, password, data download, account deletion)."""
import json

from flask import Response, abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from forum.actions import ActionError
from forum.actions.data_rights import delete_account, export_user_data
from forum.actions.sessions import end_own_session, list_sessions
from forum.auth.sessions import log_out
from forum.forms import ActionForm
from forum.profiles import bp
from forum.profiles.forms import DeleteAccountForm


def _page(form: DeleteAccountForm, status: int = 200):
    return render_template("profiles/account.html", form=form, sessions=list_sessions(current_user),
                           action_form=ActionForm()), status


@bp.route("/settings/account")
@login_required
def account():
    return _page(DeleteAccountForm())


@bp.route("/settings/sessions/<handle>/end", methods=["POST"])
@login_required
def end_session(handle):
    """Log out one other device, named by its public handle (never the secret session id)."""
    chosen = next((s for s in list_sessions(current_user) if s.handle == handle), None)
    if chosen is None or not ActionForm().validate_on_submit():
        abort(404)
    if chosen.id == current_user.session_id:
        flash("That is this browser: use Log out at the top of the page.", "info")
    elif end_own_session(current_user, chosen.id):
        flash("That device is logged out.", "success")
    return redirect(url_for("profiles.account"))


@bp.route("/settings/account/data.json")
@login_required
def export_data():
    """Download everything Askwell holds about you, as JSON."""
    body = json.dumps(export_user_data(current_user), indent=2, ensure_ascii=False)
    filename = f"askwell-{current_user.username}.json"
    return Response(body, mimetype="application/json", headers={
        "Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"})


@bp.route("/settings/account/delete", methods=["POST"])
@login_required
def delete():
    form = DeleteAccountForm()
    if not form.validate_on_submit():
        return _page(form, 400)
    user = current_user._get_current_object()
    try:
        delete_account(user, form.password.data, remove_posts=form.remove_posts.data)
    except ActionError as error:
        form.form_errors.append(str(error))
        return _page(form, 400)
    log_out()
    flash("Your account is deleted. Thank you for being part of Askwell.", "info")
    return redirect(url_for("main.home"))
