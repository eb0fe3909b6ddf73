"""Second Opinion articles (by verified experts) and their comments."""
from marshmallow import Schema, fields, validate

from forum.actions import limits
from forum.api.schemas.common import CursorArgsSchema, CursorsSchema, UserRefSchema, confirm_field


class ArticleSummarySchema(Schema):
    id = fields.Integer()
    title = fields.String()
    summary = fields.String()
    tags = fields.List(fields.String())
    reviewed_on = fields.Date()
    author = fields.Nested(UserRefSchema, allow_none=True)
    comment_count = fields.Integer()
    created_at = fields.DateTime()
    edited_at = fields.DateTime(allow_none=True)
    url = fields.String()
    api_url = fields.String()


class ArticleSchema(ArticleSummarySchema):
    body_html = fields.String()
    body_markdown = fields.String()
    sources_html = fields.String()


class ArticleListSchema(Schema):
    articles = fields.List(fields.Nested(ArticleSummarySchema))
    cursors = fields.Nested(CursorsSchema)


class ArticleArgsSchema(CursorArgsSchema):
    tag = fields.String(validate=validate.Regexp(r"^[a-z0-9][a-z0-9-]{0,29}$"))


class CommentCanSchema(Schema):
    delete = fields.Boolean()
    moderate = fields.Boolean()


class CommentSchema(Schema):
    id = fields.Integer()
    article_id = fields.Integer()
    state = fields.String(validate=validate.OneOf(["published", "hidden", "deleted"]))
    author = fields.Nested(UserRefSchema, allow_none=True)
    body_html = fields.String(allow_none=True)
    body_markdown = fields.String(allow_none=True)
    created_at = fields.DateTime()
    hidden_reason = fields.String(allow_none=True)
    deleted_by_author = fields.Boolean(allow_none=True)
    can = fields.Nested(CommentCanSchema)
    api_url = fields.String()


class CommentListSchema(Schema):
    article_id = fields.Integer()
    comments = fields.List(fields.Nested(CommentSchema), metadata={"description": "Oldest first (up to 500)"})


class CommentInputSchema(Schema):
    body = fields.String(required=True, validate=validate.Length(max=limits.COMMENT_MAX * 2))
    confirm = confirm_field()
