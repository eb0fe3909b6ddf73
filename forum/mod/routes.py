"""Routes: /mod (dashboard), /mod/queue, /mod/log and /mod/words (admins)."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from forum import permissions
from forum.actions import ActionError
from forum.extensions import db
from forum.mod import bp
from forum.mod.forms import ButtonForm, DecisionForm, WatchedWordForm
from forum.models import Group, User
from forum.pagination import keyset_page, legacy_page_redirect, requested_cursor, to_first_page
from moderation import actions, queue, stats
from moderation.models import ACTION_LABELS, REASON_LABELS, ReviewItem, WatchedWord


DONE = {"keep": "kept", "hide": "hidden", "delete": "deleted"}


def require_mod_area() -> list[int] | None:
    """The groups the current user moderates (None: all); 403 for everyone else."""
    if not permissions.can_use_mod_area(current_user):
        abort(403)
    return permissions.moderated_group_ids(current_user)


def _groups(group_ids) -> list[Group]:
    stmt = select(Group).order_by(Group.name)
    if group_ids is not None:
        stmt = stmt.where(Group.id.in_(group_ids or [-1]))
    return list(db.session.scalars(stmt))


def _int_arg(name: str) -> int | None:
    raw = request.args.get(name, "")
    return int(raw) if raw.isdigit() and len(raw) < 10 else None


@bp.route("/mod")
@login_required
def dashboard():
    scope = require_mod_area()
    return render_template(
        "mod/dashboard.html",
        by_reason=stats.open_by_reason(scope),
        urgent=stats.urgent_count(scope),
        median=stats.median_review_seconds(scope),
        flags=stats.flags_per_day(scope),
        posts=stats.posts_per_day(scope),
        flagged_members=stats.most_flagged_members(scope),
        recent=stats.recent_actions(scope),
    )


@bp.route("/mod/queue")
@login_required
def review_queue():
    scope = require_mod_area()
    reason = request.args.get("reason", "")
    reason = reason if reason in REASON_LABELS else ""
    group_id = _int_arg("group")
    items = queue.open_items(scope, reason=reason or None, group_id=group_id)
    flags = queue.open_flags_by_post([item.post_id for item in items])
    return render_template(
        "mod/queue.html",
        items=items,
        flags=flags,
        reason=reason,
        group_id=group_id,
        reasons=REASON_LABELS,
        groups=_groups(scope),
        form=DecisionForm(),
    )


@bp.route("/mod/queue/<int:item_id>", methods=["POST"])
@login_required
def decide(item_id):
    item = db.session.get(ReviewItem, item_id) or abort(404)
    if not permissions.can_moderate_post(current_user, item.post):
        abort(403)
    form = DecisionForm()
    if form.validate_on_submit():
        try:
            actions.decide(current_user, item, form.decision.data, form.reason.data)
            flash(f"Done: the post was {DONE[form.decision.data]}.", "success")
        except ActionError as error:
            flash(str(error), "error")
    else:
        flash(" ".join(e for errors in form.errors.values() for e in errors) or "Please try again.", "error")
    return redirect(url_for("mod.review_queue", **request.args))


@bp.route("/mod/log")
@login_required
def log():
    scope = require_mod_area()
    action = request.args.get("action", "")
    action = action if action in ACTION_LABELS else ""
    moderator_name = request.args.get("moderator", "").strip()[:32]
    moderator_id = None
    if moderator_name:
        moderator_id = (
            db.session.scalar(select(User.id).where(User.username_key == moderator_name.lower())) or -1
        )
    stmt = queue.log_entries(scope, action=action or None, moderator_id=moderator_id,
                             target_user_id=_int_arg("member"))
    if (old_link := legacy_page_redirect(db.session, stmt, queue.LOG_ORDER, queue.PAGE_SIZE)) is not None:
        return old_link
    page = keyset_page(db.session, stmt, queue.LOG_ORDER, queue.PAGE_SIZE, *requested_cursor(queue.LOG_ORDER))
    if page.reached_start:
        return to_first_page()
    return render_template(
        "mod/log.html",
        entries=page.items,
        page=page,
        action=action,
        moderator=moderator_name,
        member=request.args.get("member", ""),
        actions=ACTION_LABELS,
    )


@bp.route("/mod/words", methods=["GET", "POST"])
@login_required
def words():
    if not permissions.can_edit_watched_words(current_user):
        abort(403)
    form = WatchedWordForm()
    if form.validate_on_submit():
        try:
            word = actions.add_watched_word(current_user, form.word.data, form.action.data)
        except ActionError as error:
            form.form_errors.append(str(error))
        else:
            flash(f"“{word.word}” is now watched ({word.action}).", "success")
            return redirect(url_for("mod.words"))
    rows = list(db.session.scalars(select(WatchedWord).order_by(WatchedWord.word)))
    status = 400 if form.errors or form.form_errors else 200
    return render_template("mod/words.html", form=form, words=rows, button=ButtonForm()), status


@bp.route("/mod/words/<int:word_id>/delete", methods=["POST"])
@login_required
def delete_word(word_id):
    if not permissions.can_edit_watched_words(current_user):
        abort(403)
    word = db.session.get(WatchedWord, word_id) or abort(404)
    if ButtonForm().validate_on_submit():
        actions.remove_watched_word(current_user, word)
        flash("The word is no longer watched.", "info")
    return redirect(url_for("mod.words"))
