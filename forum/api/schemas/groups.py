"""Groups with the caller's membership, and a join request."""
from marshmallow import Schema, fields, validate

from forum.actions import limits

MEMBERSHIP = ["none", "pending", "member", "moderator"]


class GroupCanSchema(Schema):
    view_content = fields.Boolean()
    join = fields.Boolean()
    request_to_join = fields.Boolean()
    leave = fields.Boolean()
    start_thread = fields.Boolean()
    moderate = fields.Boolean()


class GroupSchema(Schema):
    slug = fields.String()
    name = fields.String()
    description = fields.String()
    category = fields.String()
    is_private = fields.Boolean()
    member_count = fields.Integer()
    thread_count = fields.Integer(allow_none=True, metadata={"description": "null where you may not see "
                                                                             "the group's threads"})
    last_activity_at = fields.DateTime(allow_none=True)
    membership = fields.String(validate=validate.OneOf(MEMBERSHIP),
                               metadata={"description": "Your membership: none, pending (asked to join), "
                                                        "member or moderator"})
    can = fields.Nested(GroupCanSchema)
    url = fields.String()
    api_url = fields.String()
    threads_url = fields.String(allow_none=True)


class GroupListSchema(Schema):
    groups = fields.List(fields.Nested(GroupSchema))


class JoinRequestSchema(Schema):
    note = fields.String(load_default="", validate=validate.Length(max=limits.REQUEST_NOTE_MAX),
                         metadata={"description": "A note for the group moderators"})
