"""Answer routes: mark an answer helpful, accept an answer (POST only, CSRF-checked)."""
from __future__ import annotations

from flask import flash, redirect, request
from flask_login import current_user, login_required

from forum import permissions
from forum.actions import ActionError
from forum.actions.qa import accept_answer, toggle_helpful
from forum.forms import ActionForm
from forum.queries import post_or_404
from forum.threads import bp
from forum.threads.queries import post_url
from forum.views import require, require_visible


def _run(post_id: int, check, act, messages: tuple[str, str]):
    post = post_or_404(post_id)
    require_visible(permissions.can_view_thread, post.thread)
    require(check, post)
    if ActionForm().validate_on_submit():
        try:
            done = act(current_user, post)
        except ActionError as error:
            flash(str(error), "error")
        else:
            flash(messages[0] if done else messages[1], "success")
    # Back to the order the reader chose (the vote form carries it).
    return redirect(post_url(post, "oldest" if request.form.get("sort") == "oldest" else "best"))


@bp.route("/p/<int:post_id>/helpful", methods=["POST"])
@login_required
def helpful(post_id):
    return _run(post_id, permissions.can_vote_helpful, toggle_helpful,
                ("Marked as helpful. Thank you.", "Your helpful mark was removed."))


@bp.route("/p/<int:post_id>/accept", methods=["POST"])
@login_required
def accept(post_id):
    return _run(post_id, permissions.can_accept_answer, accept_answer,
                ("This answer is now the accepted answer.", "The answer is no longer accepted."))
