"""Routes: /register, /login, /logout."""
from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from forum.actions import ActionError
from forum.actions.accounts import authenticate, register_user
from forum.auth import bp
from forum.auth.forms import LoginForm, RegisterForm
from forum.extensions import limiter
from forum.ratelimits import login_limit, register_limit
from forum.urls import safe_next_url


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(register_limit, methods=["POST"])
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
            login_user(user)
            flash(f"Welcome to Askwell, {user.username}! Find a support group to join.", "success")
            return redirect(url_for("groups.index"))
    status = 400 if form.errors or form.form_errors else 200
    return render_template("auth/register.html", form=form), status


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(login_limit, methods=["POST"])
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
            login_user(user, remember=form.remember.data)
            flash(f"Welcome back, {user.name}.", "success")
            return redirect(safe_next_url(request.args.get("next")) or url_for("main.home"))
        else:
            form.form_errors.append("That username or email and password do not match an account.")
    status = 400 if form.errors or form.form_errors else 200
    return render_template("auth/login.html", form=form), status


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    logout_user()
    flash("You have logged out.", "info")
    return redirect(url_for("main.home"))
