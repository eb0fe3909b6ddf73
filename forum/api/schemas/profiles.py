"""Member profiles, and the caller with their token."""
from marshmallow import Schema, fields

from forum.api.schemas.common import GroupRefSchema, UserRefSchema


class RecentPostSchema(Schema):
    id = fields.Integer()
    thread_id = fields.Integer()
    thread_title = fields.String()
    group = fields.Nested(GroupRefSchema)
    created_at = fields.DateTime()
    url = fields.String()
    api_url = fields.String()


class AnswerStatsSchema(Schema):
    answers = fields.Integer()
    accepted = fields.Integer()
    helpful = fields.Integer()


class ProfileSchema(UserRefSchema):
    bio = fields.String()
    joined_at = fields.DateTime()
    groups = fields.List(fields.Nested(GroupRefSchema), metadata={"description": "Groups you may see"})
    recent_posts = fields.List(fields.Nested(RecentPostSchema))
    answer_stats = fields.Nested(AnswerStatsSchema)


class TokenInfoSchema(Schema):
    name = fields.String()
    scope = fields.String(metadata={"description": "read, or write (read and write)"})
    created_at = fields.DateTime()
    last_used_at = fields.DateTime(allow_none=True)


class MeSchema(UserRefSchema):
    is_silenced = fields.Boolean()
    silenced_until = fields.DateTime(allow_none=True)
    token = fields.Nested(TokenInfoSchema)
