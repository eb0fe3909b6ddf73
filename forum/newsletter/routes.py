"""Routes under /newsletter: sign up, confirm (the emailed link), unsubscribe (one click).

The emailed links open pages with one button, since a GET never writes (and mail
scanners that open links then confirm nothing). The unsubscribe URL also takes
RFC 8058's one-click POST from mail programs: the signed token is its authority,
so it needs neither a login nor a CSRF token.
"""
from flask import current_app, flash, redirect, render_template, request, url_for
from flask_limiter.util import get_remote_address
from flask_login import current_user

from forum.actions import ActionError
from forum.actions import newsletter as actions
from forum.extensions import csrf, limiter
from forum.links import site_root
from forum.newsletter import bp, tokens
from forum.newsletter.forms import SignupForm, TokenForm, UnsubscribeForm
from forum.newsletter.queries import subscriptions_of
from forum.newsletter.topics import SECOND_OPINION_LABEL, labels, topic_choices
from forum.views import form_page, submit


def _signup_page(form: SignupForm):
    subscriptions = [(s, list(labels(s.topic_keys).values()), tokens.unsubscribe_token(s.id, s.email))
                     for s in subscriptions_of(current_user)]
    return form_page("newsletter/signup.html", form, subscriptions=subscriptions)


@bp.route("/newsletter", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config.get("NEWSLETTER_SIGNUP_LIMIT", "10 per hour"), methods=["POST"],
               key_func=lambda: "newsletter:" + get_remote_address())
def signup():
    form = SignupForm()
    form.topics.choices = topic_choices()
    if request.method == "GET":
        # The footer's short form (a GET: it only fills this one in).
        form.email.data = request.args.get("email", "")[:254] or (
            current_user.email if current_user.is_authenticated else "")
        if not form.topics.data:
            form.topics.data = [k for k, label in form.topics.choices if label == SECOND_OPINION_LABEL]
    email, _ = submit(form, lambda choice: actions.request_subscription(
        form.email.data, form.topics.data or [], site_root(), user=current_user))
    if email:
        # The same answer whether or not the address is subscribed already.
        return render_template("newsletter/check_email.html", email=email)
    return _signup_page(form)


@bp.route("/newsletter/confirm", methods=["GET", "POST"])
def confirm():
    form = TokenForm()
    token = form.t.data if request.method == "POST" else request.args.get("t", "")
    try:
        subscriber, topics, _ = actions.pending_confirmation(token)
    except ActionError as error:
        return render_template("newsletter/link_invalid.html", message=str(error)), 400
    if form.validate_on_submit():
        try:
            subscriber = actions.confirm_subscription(token)
        except ActionError as error:
            return render_template("newsletter/link_invalid.html", message=str(error)), 400
        names = ", ".join(labels(subscriber.topic_keys).values())
        flash(f"You are subscribed. {subscriber.email} will receive: {names}.", "success")
        return redirect(url_for("newsletter.signup"))
    form.t.data = token
    return render_template("newsletter/confirm.html", form=form, email=subscriber.email,
                           topics=list(labels(topics).values()))


@bp.route("/newsletter/unsubscribe", methods=["GET", "POST"])
@csrf.exempt
def unsubscribe():
    form = UnsubscribeForm()
    token = request.args.get("t") or form.t.data
    parsed = tokens.read_unsubscribe(token)
    if parsed is None:
        return render_template("newsletter/link_invalid.html",
                               message="This unsubscribe link is not valid. Copy the whole link from the email."), 400
    if request.method == "POST":
        actions.unsubscribe(token)
        if request.form.get("List-Unsubscribe") == "One-Click":
            return "Unsubscribed.\n", 200, {"Content-Type": "text/plain; charset=utf-8"}
        return render_template("newsletter/unsubscribed.html", email=parsed[1])
    form.t.data = token
    return render_template("newsletter/unsubscribe.html", form=form, email=parsed[1])
