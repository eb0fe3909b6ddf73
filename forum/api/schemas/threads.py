"""Threads, their posts (answers with expert and accepted marks), and what is sent to write them."""
from marshmallow import Schema, fields, validate

from forum.actions import limits
from forum.api.schemas.common import CursorsSchema, GroupRefSchema, UserRefSchema, confirm_field

STATES = ["published", "hidden", "deleted"]


class ThreadSummarySchema(Schema):
    id = fields.Integer()
    title = fields.String()
    kind = fields.String(validate=validate.OneOf(["question", "discussion"]))
    group = fields.Nested(GroupRefSchema)
    author = fields.Nested(UserRefSchema, allow_none=True,
                           metadata={"description": "null: a former member, or an anonymous thread"})
    anonymous = fields.Boolean(metadata={"description": "Posted as an anonymous member: author is null for everyone"})
    created_at = fields.DateTime()
    last_activity_at = fields.DateTime()
    reply_count = fields.Integer()
    is_pinned = fields.Boolean()
    is_locked = fields.Boolean()
    asks_expert = fields.Boolean()
    expert_answer_count = fields.Integer()
    accepted_post_id = fields.Integer(allow_none=True)
    url = fields.String()
    api_url = fields.String()


class ThreadListSchema(Schema):
    threads = fields.List(fields.Nested(ThreadSummarySchema))
    cursors = fields.Nested(CursorsSchema)


class PostCanSchema(Schema):
    edit = fields.Boolean()
    delete = fields.Boolean()
    vote_helpful = fields.Boolean()
    accept = fields.Boolean()
    flag = fields.Boolean()
    moderate = fields.Boolean()
    view_revisions = fields.Boolean()


class PostSchema(Schema):
    id = fields.Integer()
    number = fields.Integer()
    thread_id = fields.Integer()
    state = fields.String(validate=validate.OneOf(STATES),
                          metadata={"description": "hidden posts show their text to their author and the "
                                                   "moderators only; deleted ones to nobody"})
    author = fields.Nested(UserRefSchema, allow_none=True)
    anonymous = fields.Boolean(metadata={"description": "Posted as an anonymous member: author is null for everyone"})
    body_html = fields.String(allow_none=True, metadata={"description": "Sanitized HTML, ready to show"})
    body_markdown = fields.String(allow_none=True, metadata={"description": "What the author typed"})
    created_at = fields.DateTime()
    edited_at = fields.DateTime(allow_none=True)
    revision_count = fields.Integer()
    helpful_count = fields.Integer()
    is_accepted = fields.Boolean()
    is_expert_answer = fields.Boolean()
    hidden_reason = fields.String(allow_none=True, metadata={"description": "For the author and moderators"})
    deleted_by_author = fields.Boolean(allow_none=True)
    marked_helpful = fields.Boolean(metadata={"description": "You marked it helpful"})
    can = fields.Nested(PostCanSchema)
    url = fields.String()
    api_url = fields.String()


class PostsPageSchema(Schema):
    page = fields.Integer()
    pages = fields.Integer()
    per_page = fields.Integer()
    total = fields.Integer(metadata={"description": "Posts in the thread, deleted ones included"})
    sort = fields.String(validate=validate.OneOf(["best", "oldest"]))
    items = fields.List(fields.Nested(PostSchema))


class ThreadCanSchema(Schema):
    reply = fields.Boolean()
    moderate = fields.Boolean()


class ThreadSchema(ThreadSummarySchema):
    can = fields.Nested(ThreadCanSchema)
    posts = fields.Nested(PostsPageSchema)


class ThreadArgsSchema(Schema):
    page = fields.Integer(load_default=1, validate=validate.Range(1, 100_000))
    sort = fields.String(load_default="best", validate=validate.OneOf(["best", "oldest"]),
                         metadata={"description": "Questions: best puts expert, then accepted, then most "
                                                  "helpful answers first; oldest is posting order"})


class NewThreadSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(["question", "discussion"]))
    title = fields.String(required=True, validate=validate.Length(max=limits.TITLE_MAX * 2))
    body = fields.String(required=True, validate=validate.Length(max=limits.BODY_MAX * 2))
    ask_expert = fields.Boolean(load_default=False, metadata={"description": "Questions: put it in the "
                                                                             "verified experts' queue"})
    anonymous = fields.Boolean(load_default=False, metadata={
        "description": "Post as an anonymous member: only in a group that allows it, else ignored"})
    confirm = confirm_field()


class ReplySchema(Schema):
    body = fields.String(required=True, validate=validate.Length(max=limits.BODY_MAX * 2))
    anonymous = fields.Boolean(load_default=False, metadata={
        "description": "Post as an anonymous member: only in a group that allows it, else ignored"})
    confirm = confirm_field()


class SimilarArgsSchema(Schema):
    title = fields.String(required=True, validate=validate.Length(max=2000))
    body = fields.String(load_default="", validate=validate.Length(max=2000))


class SimilarQuestionSchema(Schema):
    id = fields.Integer()
    title = fields.String()
    group = fields.Nested(GroupRefSchema)
    reply_count = fields.Integer()
    url = fields.String()
    api_url = fields.String()


class SimilarListSchema(Schema):
    questions = fields.List(fields.Nested(SimilarQuestionSchema))
