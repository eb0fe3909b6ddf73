"""Comments on Second Opinion articles: post (with the safety step), delete, remove."""
from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from forum import permissions
from forum.actions import ActionError
from forum.actions.articles import comment_on_article, delete_comment
from forum.extensions import db
from forum.models import ArticleComment
from forum.ratelimits import posting_rate_error
from forum.safety import safety_gate
from forum.second_opinion import bp
from forum.second_opinion.forms import CommentForm, RemoveCommentForm
from forum.second_opinion.routes import get_article_or_404, render_article


def _comment_url(comment: ArticleComment) -> str:
    return url_for("second_opinion.show", article_id=comment.article_id) + f"#comment-{comment.id}"


@bp.route("/<int:article_id>/comments", methods=["POST"])
@login_required
def comment(article_id):
    article = get_article_or_404(article_id)
    if not permissions.can_comment_on_article(current_user):
        abort(403)
    form = CommentForm()
    safety = None
    if form.validate_on_submit() and not (safety := safety_gate(form.body)):
        try:
            if (too_fast := posting_rate_error(current_user)):
                raise ActionError(too_fast)
            posted = comment_on_article(current_user, article, form.body.data)
        except ActionError as error:
            form.form_errors.append(str(error))
        else:
            flash("Your comment is posted.", "success")
            return redirect(_comment_url(posted))
    status = 400 if form.errors or form.form_errors else 200
    return render_article(article, form, safety, status)


def _get_comment_or_404(comment_id: int) -> ArticleComment:
    found = db.session.get(ArticleComment, comment_id)
    if found is None or found.is_deleted:
        abort(404)
    return found


@bp.route("/comments/<int:comment_id>/delete", methods=["GET", "POST"])
@login_required
def delete_comment_view(comment_id):
    """The author deletes at once; a moderator is asked for a reason first."""
    found = _get_comment_or_404(comment_id)
    if not permissions.can_delete_comment(current_user, found):
        abort(403)
    form = RemoveCommentForm()
    if form.validate_on_submit():
        try:
            delete_comment(current_user, found, form.reason.data or "")
        except ActionError as error:
            form.form_errors.append(str(error))
        else:
            flash("The comment is deleted." if found.author_id == current_user.id
                  else "The comment is removed and the moderation log has the reason.", "success")
            return redirect(url_for("second_opinion.show", article_id=found.article_id) + "#comments")
    status = 400 if form.errors or form.form_errors else 200
    article = get_article_or_404(found.article_id)
    return render_template("second_opinion/remove_comment.html", comment=found, article=article,
                           form=form), status
