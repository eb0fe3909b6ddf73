"""Routes: /password/forgot, /password/reset/<token>, /settings/password."""
from flask import current_app, flash, redirect, render_template, request, url_for
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_required

from forum.actions import ActionError
from forum.actions.accounts import normalize_email
from forum.actions.passwords import change_password, reset_password, send_password_reset, user_for_reset_token
from forum.auth import bp
from forum.auth.forms import ChangePasswordForm, ForgotPasswordForm, ResetPasswordForm
from forum.auth.sessions import log_out, renew_session
from forum.extensions import limiter

SENT = ("If an account uses that address, we have emailed it a link to choose a new password. "
        "It works for {minutes} minutes. Check your spam folder if it does not arrive.")


def _reset_email_key() -> str:
    return "reset-email:" + normalize_email(request.form.get("email") or "")[:254]


def _reset_link(token: str) -> str:
    site = current_app.config["SITE_URL"]
    if site:
        return site + url_for("auth.reset_password", token=token)
    return url_for("auth.reset_password", token=token, _external=True)


@bp.route("/password/forgot", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["PASSWORD_RESET_LIMIT"], methods=["POST"],
               key_func=lambda: "reset-address:" + get_remote_address())
@limiter.limit(lambda: current_app.config["PASSWORD_RESET_LIMIT"], methods=["POST"],
               key_func=_reset_email_key)
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        send_password_reset(form.email.data, _reset_link)
        flash(SENT.format(minutes=current_app.config["PASSWORD_RESET_MAX_AGE"] // 60), "info")
        return redirect(url_for("auth.login"))
    status = 400 if form.errors else 200
    return render_template("auth/forgot_password.html", form=form), status


@bp.route("/password/reset/<token>", methods=["GET", "POST"], endpoint="reset_password")
def reset_password_view(token):
    user = user_for_reset_token(token)
    if user is None:
        return render_template("auth/reset_invalid.html"), 400
    form = ResetPasswordForm()
    if form.validate_on_submit():
        try:
            reset_password(user, form.password.data)
        except ActionError as error:
            form.form_errors.append(str(error))
        else:
            if current_user.is_authenticated:
                log_out()
            flash("Your new password is set. Log in with it now.", "success")
            return redirect(url_for("auth.login"))
    status = 400 if form.errors or form.form_errors else 200
    return render_template("auth/reset_password.html", form=form, user=user), status


@bp.route("/settings/password", methods=["GET", "POST"], endpoint="change_password")
@login_required
def change_password_view():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            change_password(current_user, form.current_password.data, form.password.data)
        except ActionError as error:
            form.form_errors.append(str(error))
        else:
            renew_session(current_user._get_current_object())
            flash("Your password is changed. You were logged out everywhere else.", "success")
            return redirect(url_for("profiles.account"))
    status = 400 if form.errors or form.form_errors else 200
    return render_template("auth/change_password.html", form=form), status
