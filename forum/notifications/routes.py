"""Routes: /notifications (and marking read), /following, watch/follow/bookmark buttons,
/settings/email, one-click /unsubscribe/<token>, /users/suggest (the @mention list)."""
from __future__ import annotations

from flask import abort, flash, g, jsonify, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from forum import permissions
from forum.actions import ActionError
from forum.actions.following import (
    follow_group,
    mark_read,
    set_email_preferences,
    set_watch,
    toggle_bookmark,
)
from forum.actions.following import (
    unsubscribe as unsubscribe_action,
)
from forum.extensions import csrf, db, limiter
from forum.forms import ActionForm
from forum.models import DIGEST_ONLY_FREQUENCIES, Frequency, User
from forum.notifications import bp, queries
from forum.notifications.emails import DIGEST_ONLY, LABELS, preferences, read_unsubscribe_token
from forum.queries import group_or_404, post_or_404, thread_or_404
from forum.urls import safe_next_url
from forum.views import require_visible


def _ids(value: str | None) -> list[int]:
    out = []
    for part in (value or "").split(",")[:200]:
        if part.strip().isdigit() and len(part.strip()) < 12:
            out.append(int(part))
    return out


def _checked_form() -> None:
    if not ActionForm().validate_on_submit():
        abort(400)


def _back(default: str):
    return redirect(safe_next_url(request.form.get("next")) or default)


@bp.route("/notifications")
@login_required
def index():
    items = queries.visible_notifications(current_user)
    return render_template("notifications/index.html", batches=queries.batches(items), form=ActionForm())


@bp.route("/notifications/open", methods=["POST"])
@login_required
def open_batch():
    """Mark a batch read and go to what it is about (its oldest unread item)."""
    _checked_form()
    ids = _ids(request.form.get("ids"))
    items = queries.visible_notifications(current_user, limit=len(ids) or 1, ids=ids) if ids else []
    if not items:
        abort(404)
    mark_read(current_user, [n.id for n in items])
    return redirect(queries.target_url(items[-1]))


@bp.route("/notifications/read", methods=["POST"])
@login_required
def read():
    _checked_form()
    ids = None if request.form.get("all") else _ids(request.form.get("ids"))
    count = mark_read(current_user, ids)
    flash("All notifications marked read." if ids is None else f"Marked {count} read.", "success")
    return redirect(url_for("notifications.index"))


@bp.route("/following")
@login_required
def following():
    return render_template("notifications/following.html", threads=queries.followed_threads(current_user),
                           groups=queries.followed_groups(current_user), bookmarks=queries.bookmarks(current_user))


@bp.route("/t/<int:thread_id>/watch", methods=["POST"])
@login_required
def watch(thread_id):
    thread = thread_or_404(thread_id)
    require_visible(permissions.can_view_thread, thread)
    _checked_form()
    try:
        level = set_watch(current_user, thread, request.form.get("level") or None)
    except ActionError as error:
        flash(str(error), "error")
        return redirect(url_for("threads.show", thread_id=thread.id))
    flash({"watch": "You are watching this thread: you'll be told about every reply.",
           "track": "You are tracking this thread: it stays on your Following page, without notifications.",
           "mute": "Muted: you won't be told about this thread."}.get(level, "Back to normal for this thread."),
          "success")
    return _back(url_for("threads.show", thread_id=thread.id))


@bp.route("/groups/<slug>/follow", methods=["POST"])
@login_required
def follow(slug):
    group = group_or_404(slug)
    require_visible(permissions.can_view_group_content, group)
    _checked_form()
    on = request.form.get("follow") == "1"
    follow_group(current_user, group, on)
    flash(f"You follow {group.name}: you'll hear of new threads." if on else f"You no longer follow {group.name}.",
          "success")
    return _back(url_for("groups.show", slug=group.slug))


@bp.route("/p/<int:post_id>/bookmark", methods=["POST"])
@login_required
def bookmark(post_id):
    post = post_or_404(post_id)
    require_visible(permissions.can_see_post, post)
    _checked_form()
    marked = toggle_bookmark(current_user, post)
    flash("Bookmarked: find it on your Following page." if marked else "Bookmark removed.", "success")
    return _back(url_for("threads.permalink", post_id=post.id))


@bp.route("/settings/email", methods=["GET", "POST"])
@login_required
def email_settings():
    current = preferences(current_user.id)
    error = None
    if request.method == "POST":
        _checked_form()
        chosen = {k: request.form.get(k, current[k]) for k in current}
        try:
            set_email_preferences(current_user, chosen)
        except ActionError as exc:
            error, current = str(exc), chosen
        else:
            flash("Your email choices are saved.", "success")
            return redirect(url_for("notifications.email_settings"))
    labels = {k: label for k, label in LABELS.items() if permissions.can_be_told_of(current_user, k.value)}
    return render_template("notifications/email_settings.html", form=ActionForm(), current=current,
                           labels=labels, frequencies=list(Frequency), digest_only=DIGEST_ONLY,
                           digest_frequencies=DIGEST_ONLY_FREQUENCIES, error=error), 400 if error else 200


@bp.route("/unsubscribe/<token>", methods=["GET", "POST"])
@csrf.exempt  # RFC 8058: the mail client posts here with no session; the signed token is the proof
@limiter.limit("30/minute")
def unsubscribe(token):
    found = read_unsubscribe_token(token)
    if found is None:
        abort(404)
    user_id, kind = found
    label = LABELS.get(kind, "").lower() if kind else "all email from us"
    if request.method == "POST":
        if not unsubscribe_action(user_id, kind):
            abort(404)
        if request.form.get("List-Unsubscribe") == "One-Click":
            return "", 204
        return render_template("notifications/unsubscribed.html", label=label, done=True)
    if db.session.get(User, user_id) is None:
        abort(404)
    return render_template("notifications/unsubscribed.html", label=label, done=False, token=token)


@bp.route("/users/suggest")
@login_required
@limiter.limit("60/minute")
def suggest_users():
    """Up to 8 usernames starting with ``?q=`` for the @mention list (usernames only)."""
    prefix = (request.args.get("q") or "").strip().lower()[:32]
    if len(prefix) < 2 or not all(c.isalnum() or c in "_.-" for c in prefix):
        return jsonify(users=[])
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    names = db.session.scalars(select(User.username).where(
        User.username_key.like(escaped + "%", escape="\\"), User.banned_at.is_(None))
        .order_by(User.username_key).limit(8))
    return jsonify(users=list(names))


@bp.app_template_global("unread_notifications")
def unread_notifications() -> int:
    """The bell's number: one indexed query a page (the header shows it twice: phone and desktop)."""
    if "unread_notifications" not in g:
        g.unread_notifications = queries.unread_count(current_user)
    return g.unread_notifications


@bp.app_template_global("follows_group")
def follows_group(group) -> bool:
    return queries.follows_group(current_user, group)
