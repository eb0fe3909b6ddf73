"""Routes: /register, /login, /logout.

Failed logins are throttled per account and per address (Flask-Limiter, 429
with Retry-After); successful ones cost nothing.
"""
from flask import current_app, flash, redirect, render_template, request, url_for
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_required

from forum.actions import ActionError
from forum.actions.accounts import authenticate, find_user, register_user
from forum.auth import bp
from forum.auth.forms import LoginForm, RegisterForm
from forum.auth.sessions import log_in, log_out
from forum.extensions import limiter
from forum.urls import safe_next_url

THROTTLED = "Too many login attempts. Please wait a few minutes and try again."


def account_key() -> str:
    """The account a login attempt is for, however it was spelled."""
    identifier = (request.form.get("identifier") or "").strip()[:254]
    user = find_user(identifier) if identifier else None
    return f"login-account:{user.id}" if user is not None else f"login-name:{identifier.lower()}"


def failed(response) -> bool:
    return response.status_code != 302


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["REGISTER_LIMIT"], methods=["POST"],
               key_func=lambda: "register:" + get_remote_address())
def register():
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = register_user(form.username.data, form.email.data, form.password.data)
        except ActionError as error:
            form.form_errors.append(str(error))
        else:
            log_in(user)
            flash(f"Welcome to Askwell, {user.username}! Find a support group to join.", "success")
            return redirect(url_for("groups.index"))
    status = 400 if form.errors or form.form_errors else 200
    return render_template("auth/register.html", form=form), status


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_LIMIT_ADDRESS"], methods=["POST"],
               key_func=lambda: "login-address:" + get_remote_address(),
               deduct_when=failed, error_message=THROTTLED)
@limiter.limit(lambda: current_app.config["LOGIN_LIMIT_ACCOUNT"], methods=["POST"], key_func=account_key,
               deduct_when=failed, error_message=THROTTLED)
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.identifier.data, form.password.data)
        if user is not None and not user.is_active:
            form.form_errors.append("This account is suspended or banned. "
                                    "If you think this is a mistake, contact the moderators.")
        elif user is not None:
            log_in(user, remember=form.remember.data)
            flash(f"Welcome back, {user.name}.", "success")
            return redirect(safe_next_url(request.args.get("next")) or url_for("main.home"))
        else:
            form.form_errors.append("That username or email and password do not match an account.")
    status = 400 if form.errors or form.form_errors else 200
    return render_template("auth/login.html", form=form), status


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    log_out()
    flash("You have logged out.", "info")
    return redirect(url_for("main.home"))
