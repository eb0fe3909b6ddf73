"""Routes: /settings/tokens — personal access tokens for the API, made and revoked here.

A new token is shown once, on the page that answers the form (not after a
redirect, so it never travels in a cookie or a flash message), and the page
is marked ``no-store`` so the browser keeps no copy.
"""
from flask import flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from forum import permissions
from forum.actions import ActionError
from forum.actions.tokens import create_token, live_tokens, revoke_token
from forum.extensions import db
from forum.forms import ActionForm
from forum.models import ApiToken
from forum.profiles import bp
from forum.profiles.forms import TokenForm
from forum.views import require, require_visible


def _page(form: TokenForm, new_token: str | None = None, status: int = 200):
    response = render_template("profiles/tokens.html", form=form, tokens=live_tokens(current_user),
                               new_token=new_token, action_form=ActionForm())
    return response, status, {"Cache-Control": "no-store"}


@bp.route("/settings/tokens")
@login_required
def tokens():
    require(permissions.can_manage_api_tokens)
    return _page(TokenForm())


@bp.route("/settings/tokens", methods=["POST"])
@login_required
def create_api_token():
    require(permissions.can_manage_api_tokens)
    form = TokenForm()
    if not form.validate_on_submit():
        return _page(form, status=400)
    try:
        _, raw = create_token(current_user, form.name.data, form.scope.data)
    except ActionError as error:
        form.form_errors.append(str(error))
        return _page(form, status=400)
    return _page(TokenForm(formdata=None), new_token=raw, status=201)


@bp.route("/settings/tokens/<int:token_id>/revoke", methods=["POST"])
@login_required
def revoke_api_token(token_id):
    token = db.get_or_404(ApiToken, token_id)
    require_visible(permissions.owns_api_token, token)
    if ActionForm().validate_on_submit():
        try:
            revoke_token(current_user, token)
            flash(f"The token “{token.name}” is revoked: apps using it are refused from now on.", "info")
        except ActionError as error:
            flash(str(error), "error")
    return redirect(url_for("profiles.tokens"))
