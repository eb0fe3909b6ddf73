"""Routes: /register (and its emailed confirmation), /login, /logout.

Sign-up answers the same whether or not an address already has an account
(``forum.actions.signup``). Failed logins are throttled per account and
network, never locking the owner out of a device they used before
(``forum.auth.throttle``); successful ones cost nothing.
"""
from flask import current_app, flash, make_response, redirect, render_template, request, url_for
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_required

from forum.actions import ActionError
from forum.actions.accounts import authenticate, find_user, normalize_email
from forum.actions.signup import confirm_email as signup_confirm
from forum.actions.signup import resend_confirmation, sign_up, user_for_confirmation
from forum.auth import bp, throttle
from forum.auth.forms import ForgotPasswordForm, LoginForm, RegisterForm
from forum.auth.sessions import log_in, log_out
from forum.extensions import limiter
from forum.forms import ActionForm
from forum.ratelimits import count_event, seconds_until_allowed, wait_phrase
from forum.urls import safe_next_url
from forum.views import form_page, submit


def _link(endpoint: str, **values) -> str:
    site = current_app.config["SITE_URL"]
    return site + url_for(endpoint, **values) if site else url_for(endpoint, _external=True, **values)


def _confirm_link(token: str) -> str:
    """The confirmation link for ``token``; the login page for an address already in use."""
    return _link("auth.confirm_email", token=token) if token else _link("auth.login")


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["REGISTER_ATTEMPT_LIMIT"], methods=["POST"],
               key_func=lambda: "register-attempt:" + get_remote_address())
def register():
    """Sign-ups are limited per network (``REGISTER_LIMIT``), counting the sign-ups that went
    through, not forms sent back for a typo; someone over it is told when to try again."""
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = RegisterForm()
    limit, network = current_app.config["REGISTER_LIMIT"], throttle.network()
    waiting = []

    def save(choice):
        if (wait := seconds_until_allowed(limit, "register", network)) is not None:
            waiting.append(wait)
            raise ActionError("Several accounts were created from your network recently. Please try again "
                              f"{wait_phrase(wait)}.")
        email = sign_up(form.username.data, form.email.data, form.password.data, _confirm_link)
        count_event(limit, "register", network)  # an address already in use counts the same
        return email

    email, _ = submit(form, save)
    if email:
        # The same page whether or not the address already has an account.
        return render_template("auth/check_email.html", email=email)
    page, status = form_page("auth/register.html", form)
    if waiting:
        response = make_response(page, 429)
        response.headers["Retry-After"] = str(waiting[0])
        return response
    return page, status


@bp.route("/register/confirm/<token>", methods=["GET", "POST"])
def confirm_email(token):
    """The emailed link: a page with one button (a GET never writes); the button confirms and logs in."""
    user = user_for_confirmation(token)
    if user is None:
        return render_template("auth/confirm_invalid.html"), 400
    form = ActionForm()
    if form.validate_on_submit():
        log_in(signup_confirm(user))
        flash(f"Welcome to Askwell, {user.username}! Find a support group to join.", "success")
        return redirect(url_for("groups.index"))
    return render_template("auth/confirm_email.html", user=user, form=form)


@bp.route("/register/resend", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["PASSWORD_RESET_LIMIT"], methods=["POST"],
               key_func=lambda: "resend:" + get_remote_address())
def resend_confirmation_view():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        resend_confirmation(form.email.data, _confirm_link)
        return render_template("auth/check_email.html", email=normalize_email(form.email.data))
    return form_page("auth/resend.html", form)


def _throttled(form: LoginForm, seconds: int):
    form.form_errors.append(throttle.wait_message(seconds))
    response = make_response(render_template("auth/login.html", form=form), 429)
    response.headers["Retry-After"] = str(seconds)
    return response


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm()
    if not form.validate_on_submit():
        return form_page("auth/login.html", form)
    claimed = find_user(form.identifier.data)
    key = str(claimed.id) if claimed is not None else form.identifier.data.strip().lower()[:254]
    device = claimed is not None and throttle.known_device_for(claimed.id)
    if (wait := throttle.seconds_until_allowed(key, device)):
        return _throttled(form, wait)
    user = authenticate(form.identifier.data, form.password.data)
    if user is None:
        throttle.count_failure(key, device)
        form.form_errors.append("That username or email and password do not match an account.")
    elif not user.is_active:
        form.form_errors.append("This account is suspended or banned. "
                                "If you think this is a mistake, contact the moderators.")
    elif user.email_confirmed_at is None:
        form.form_errors.append("Please confirm your email address first: open the link we emailed you "
                                "when you joined. No email? We can send it again (link below).")
    else:
        log_in(user, remember=form.remember.data)
        flash(f"Welcome back, {user.name}.", "success")
        response = redirect(safe_next_url(request.args.get("next")) or url_for("main.home"))
        throttle.remember_device(response, user.id)
        return response
    return form_page("auth/login.html", form)


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    log_out()
    flash("You have logged out.", "info")
    return redirect(url_for("main.home"))
