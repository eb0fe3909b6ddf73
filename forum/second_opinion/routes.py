"""Routes under /second-opinion: the list, an article with comments, writing and editing."""
import re
from datetime import datetime

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import literal, select
from sqlalchemy.orm import joinedload

from forum import permissions
from forum.actions.articles import edit_article, write_article
from forum.extensions import db
from forum.models import Article, ArticleComment, ExpertVerification, User
from forum.pagination import Keyset, keyset_list
from forum.second_opinion import bp
from forum.second_opinion.forms import ArticleForm, CommentForm, RemoveCommentForm
from forum.views import form_page, require, submit

PAGE_SIZE = 20
COMMENTS_SHOWN = 500
ARTICLE_ORDER = Keyset(columns=(Article.created_at, Article.id), kinds=(datetime, int),
                       key_of=lambda a: (a.created_at, a.id))


def _with_author():
    return joinedload(Article.author).joinedload(User.current_verification) \
        .joinedload(ExpertVerification.verified_by)


def get_article_or_404(article_id: int) -> Article:
    return db.one_or_404(select(Article).options(_with_author()).where(Article.id == article_id))


@bp.route("")
def index():
    tag = request.args.get("tag", "").strip().lower()
    if tag and not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,29}", tag):
        abort(404)
    # Tags are stored space-separated: pad both sides to match whole tags only.
    where = [literal(" ").concat(Article.tags).concat(" ").contains(f" {tag} ")] if tag else []
    stmt = select(Article).options(_with_author()).where(*where)
    page = keyset_list(stmt, ARTICLE_ORDER, PAGE_SIZE)
    return render_template("second_opinion/index.html", articles=page.items, page=page, tag=tag)


@bp.route("/<int:article_id>")
def show(article_id):
    article = get_article_or_404(article_id)
    form = CommentForm() if permissions.can_comment_on_article(current_user) else None
    return render_article(article, form)


def render_article(article: Article, form: CommentForm | None, safety=None, status: int = 200):
    comments = list(db.session.scalars(
        select(ArticleComment).options(joinedload(ArticleComment.author))
        .where(ArticleComment.article_id == article.id)
        .order_by(ArticleComment.created_at, ArticleComment.id).limit(COMMENTS_SHOWN)))
    return render_template("second_opinion/show.html", article=article, comments=comments, form=form,
                           safety=safety, action_form=RemoveCommentForm()), status


def _save(form: ArticleForm, article: Article | None, choice: str):
    fields = dict(title=form.title.data, summary=form.summary.data, body=form.body.data,
                  sources=form.sources.data, tags=form.tags.data, reviewed_on=form.reviewed_on.data, choice=choice)
    if article is None:
        return write_article(current_user, **fields)
    return edit_article(current_user, article, **fields)


@bp.route("/new", methods=["GET", "POST"])
@bp.route("/<int:article_id>/edit", methods=["GET", "POST"])
@login_required
def write(article_id=None):
    article = get_article_or_404(article_id) if article_id else None
    if article is not None:
        require(permissions.can_edit_article, article)
    else:
        require(permissions.can_write_article)
    form = ArticleForm(obj=article if request.method == "GET" else None)
    if request.method == "GET" and article is not None:
        form.body.data, form.sources.data = article.body_source, article.sources_source
        form.tags.data = ", ".join(article.tag_list)
    saved, safety = submit(form, lambda choice: _save(form, article, choice))
    if saved is not None:
        flash("Your article is published." if article is None else "Your changes are saved.", "success")
        return redirect(url_for("second_opinion.show", article_id=saved.id))
    return form_page("second_opinion/write.html", form, safety, article=article)
