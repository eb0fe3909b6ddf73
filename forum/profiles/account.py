"""Routes: /settings/account (sessions, password, data download, account deletion)."""
import json

from flask import Response, flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from forum.actions import ActionError
from forum.actions.data_rights import delete_account, export_user_data
from forum.actions.sessions import list_sessions
from forum.auth.sessions import log_out
from forum.profiles import bp
from forum.profiles.forms import DeleteAccountForm


def _page(form: DeleteAccountForm, status: int = 200):
    return render_template("profiles/account.html", form=form,
                           sessions=list_sessions(current_user)), status


@bp.route("/settings/account")
@login_required
def account():
    return _page(DeleteAccountForm())


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
