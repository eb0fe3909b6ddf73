"""Comments on Second Opinion articles: post (with the safety step), delete, remove."""
from flask import abort, flash, redirect, url_for
from flask_login import current_user, login_required

from forum import permissions
from forum.actions.articles import comment_on_article, delete_comment
from forum.extensions import db
from forum.models import ArticleComment
from forum.second_opinion import bp
from forum.second_opinion.forms import CommentForm, RemoveCommentForm
from forum.second_opinion.routes import get_article_or_404, render_article
from forum.views import form_page, posted_message, require, submit


def _comment_url(comment: ArticleComment) -> str:
    return url_for("second_opinion.show", article_id=comment.article_id) + f"#comment-{comment.id}"


@bp.route("/<int:article_id>/comments", methods=["POST"])
@login_required
def comment(article_id):
    article = get_article_or_404(article_id)
    require(permissions.can_comment_on_article)
    form = CommentForm()
    posted, safety = submit(form, lambda choice: comment_on_article(current_user, article, form.body.data,
                                                                     choice=choice))
    if posted is not None:
        flash(posted_message(posted.is_hidden, "Your comment is posted."), "success")
        return redirect(_comment_url(posted))
    return render_article(article, form, safety, 400 if form.errors or form.form_errors else 200)


def _get_comment_or_404(comment_id: int) -> ArticleComment:
    found = db.get_or_404(ArticleComment, comment_id)
    if found.is_deleted:
        abort(404)
    return found


@bp.route("/comments/<int:comment_id>/delete", methods=["GET", "POST"])
@login_required
def delete_comment_view(comment_id):
    """The author deletes at once; a moderator is asked for a reason first."""
    found = _get_comment_or_404(comment_id)
    require(permissions.can_delete_comment, found)
    form = RemoveCommentForm()
    deleted, _ = submit(form, lambda choice: delete_comment(current_user, found, form.reason.data or ""))
    if deleted is not None:
        flash("The comment is deleted." if found.author_id == current_user.id
              else "The comment is removed and the moderation log has the reason.", "success")
        return redirect(url_for("second_opinion.show", article_id=found.article_id) + "#comments")
    return form_page("second_opinion/remove_comment.html", form, comment=found,
                     article=get_article_or_404(found.article_id))
