"""Second Opinion: articles by verified experts, and members' comments on them."""
from flask import abort
from sqlalchemy import literal, select
from sqlalchemy.orm import joinedload

from forum import permissions
from forum.actions.articles import comment_on_article, delete_comment
from forum.api import present
from forum.api.auth import api_user
from forum.api.confirm import act, publish
from forum.api.errors import API_PREFIX
from forum.api.paging import cursor_page, cursors
from forum.api.schemas.articles import (
    ArticleArgsSchema,
    ArticleListSchema,
    ArticleSchema,
    CommentInputSchema,
    CommentListSchema,
    CommentSchema,
)
from forum.api.schemas.posts import ReasonSchema
from forum.api.spec import resource
from forum.api.threads import CONFIRM_409
from forum.extensions import db
from forum.models import Article, ArticleComment
from forum.second_opinion.routes import ARTICLE_ORDER, COMMENTS_SHOWN, PAGE_SIZE, _with_author, get_article_or_404
from forum.views import require

blp = resource("Second Opinion", __name__, "Articles by verified experts, and comments on them.")


@blp.route("/articles")
@blp.etag
@blp.arguments(ArticleArgsSchema, location="query")
@blp.response(200, ArticleListSchema)
def list_articles(args):
    """Articles, newest first, optionally with one tag; keyset pages."""
    stmt = select(Article).options(_with_author())
    if args.get("tag"):
        stmt = stmt.where(literal(" ").concat(Article.tags).concat(" ").contains(f" {args['tag']} "))
    page = cursor_page(stmt, ARTICLE_ORDER, PAGE_SIZE, args)
    return {"articles": [present.article_summary(a) for a in page.items], "cursors": cursors(page)}


@blp.route("/articles/<int:article_id>")
@blp.etag
@blp.response(200, ArticleSchema)
def show_article(article_id):
    """One article with its sources."""
    return present.article(get_article_or_404(article_id))


@blp.route("/articles/<int:article_id>/comments")
@blp.etag
@blp.response(200, CommentListSchema)
def list_comments(article_id):
    """An article's comments, oldest first, as its page shows them to you."""
    article = get_article_or_404(article_id)
    viewer = api_user()
    rows = db.session.scalars(
        select(ArticleComment).options(joinedload(ArticleComment.author))
        .where(ArticleComment.article_id == article.id)
        .order_by(ArticleComment.created_at, ArticleComment.id).limit(COMMENTS_SHOWN))
    return {"article_id": article.id, "comments": [present.comment(viewer, c) for c in rows]}


@blp.route("/articles/<int:article_id>/comments", methods=["POST"])
@blp.arguments(CommentInputSchema)
@blp.response(201, CommentSchema)
@blp.alt_response(409, **CONFIRM_409)
def comment(data, article_id):
    """Comment on an article (the same safety check and rate limit as posts)."""
    user, article = api_user(), get_article_or_404(article_id)
    require(permissions.can_comment_on_article)
    made = publish(lambda fields, choice: comment_on_article(user, article, fields["body"], choice=choice),
                   {"body": data["body"]}, data["confirm"])
    made = db.session.get(ArticleComment, made.id)
    return present.comment(user, made), 201, {"Location": f"{API_PREFIX}/comments/{made.id}"}


@blp.route("/comments/<int:comment_id>", methods=["DELETE"])
@blp.arguments(ReasonSchema, location="query")
@blp.response(200, CommentSchema)
def delete(args, comment_id):
    """Delete your comment, or (site moderators) remove one with a reason."""
    user = api_user()
    found = db.get_or_404(ArticleComment, comment_id)
    if found.is_deleted:
        abort(404)
    require(permissions.can_delete_comment, found)
    act(lambda: delete_comment(user, found, args["reason"]))
    return present.comment(user, db.session.get(ArticleComment, comment_id))
