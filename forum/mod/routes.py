"""Routes: /mod (dashboard), /mod/queue, /mod/log and /mod/words (admins)."""

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from forum import permissions
from forum.actions import ActionError
from forum.actions import moderation as actions
from forum.extensions import db
from forum.forms import ActionForm
from forum.mod import bp, stats
from forum.mod import queries as queue
from forum.mod.forms import DecisionForm, WatchedWordForm
from forum.models import Group, User
from forum.models.moderation import ACTION_LABELS, REASON_LABELS, ReviewItem, WatchedWord
from forum.pages.queries import open_contact_count, open_contact_messages
from forum.pagination import keyset_list
from forum.urls import requested_id
from forum.views import require, require_visible

DONE = {"keep": "kept", "hide": "hidden", "delete": "deleted"}


def _done(item: ReviewItem, decision: str) -> str:
    if item.reported_user_id is not None:
        return "Done: the report was dismissed."
    if item.message_id is not None:
        return "Done: the message was " + ("kept." if decision == "keep" else "hidden.")
    noun = "review" if item.review_id else "comment" if item.comment_id else "post"
    return f"Done: the {noun} was {DONE[decision]}."


def require_mod_area() -> list[int] | None:
    """The groups the current user moderates (None: all); 403 for everyone else."""
    require(permissions.can_use_mod_area)
    return permissions.moderated_group_ids(current_user)


def _groups(group_ids) -> list[Group]:
    stmt = select(Group).order_by(Group.name)
    if group_ids is not None:
        stmt = stmt.where(Group.id.in_(group_ids or [-1]))
    return list(db.session.scalars(stmt))




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
        contact_count=(open_contact_count() if permissions.can_read_contact_messages(current_user) else None),
    )


@bp.route("/mod/queue")
@login_required
def review_queue():
    scope = require_mod_area()
    reason = request.args.get("reason", "")
    reason = reason if reason in REASON_LABELS else ""
    group_id = requested_id("group")
    items = queue.open_items(scope, reason=reason or None, group_id=group_id)
    flags = queue.open_flags_by_post([item.post_id for item in items if item.post_id])
    review_flags = queue.open_flags_by_post([item.review_id for item in items if item.review_id],
                                            queue.Flag.review_id)
    return render_template(
        "mod/queue.html",
        items=items,
        flags=flags,
        review_flags=review_flags,
        reason=reason,
        group_id=group_id,
        reasons=REASON_LABELS,
        groups=_groups(scope),
        form=DecisionForm(),
        contact_messages=(open_contact_messages() if permissions.can_read_contact_messages(current_user)
                          else []),
        button=ActionForm(),
    )


@bp.route("/mod/queue/<int:item_id>", methods=["POST"])
@login_required
def decide(item_id):
    item = db.get_or_404(ReviewItem, item_id)
    if item.post_id is not None:
        require_visible(permissions.can_view_thread, item.post.thread)
    require(permissions.can_decide_review, item)
    form = DecisionForm()
    if form.validate_on_submit():
        try:
            actions.decide(current_user, item, form.decision.data, form.reason.data)
            flash(_done(item, form.decision.data), "success")
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
                             target_user_id=requested_id("member"))
    page = keyset_list(stmt, queue.LOG_ORDER, queue.PAGE_SIZE)
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
    require(permissions.can_edit_watched_words)
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
    return render_template("mod/words.html", form=form, words=rows, button=ActionForm()), status


@bp.route("/mod/words/<int:word_id>/delete", methods=["POST"])
@login_required
def delete_word(word_id):
    require(permissions.can_edit_watched_words)
    word = db.get_or_404(WatchedWord, word_id)
    if ActionForm().validate_on_submit():
        actions.remove_watched_word(current_user, word)
        flash("The word is no longer watched.", "info")
    return redirect(url_for("mod.words"))
