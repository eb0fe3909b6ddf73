"""The review queue, moderators' decisions, sanctions and the moderation log."""
from marshmallow import Schema, fields, validate

from forum.actions import limits
from forum.actions.moderation import DAYS_MAX
from forum.api.schemas.articles import CommentSchema
from forum.api.schemas.common import CursorArgsSchema, CursorsSchema, GroupRefSchema, UserRefSchema
from forum.api.schemas.threads import PostSchema
from forum.models.moderation import ACTION_LABELS, REASON_LABELS

REASON = validate.Length(max=limits.AUDIT_REASON_MAX)


class QueueArgsSchema(Schema):
    reason = fields.String(validate=validate.OneOf(list(REASON_LABELS)))
    group = fields.String(validate=validate.Length(max=80), metadata={"description": "A group's slug"})


class FlagDetailSchema(Schema):
    reason = fields.String()
    details = fields.String()
    reporter = fields.String(allow_none=True, metadata={"description": "The reporter's username"})
    created_at = fields.DateTime()


class ReviewItemSchema(Schema):
    id = fields.Integer()
    reason = fields.String()
    reason_label = fields.String()
    note = fields.String()
    is_urgent = fields.Boolean()
    opened_at = fields.DateTime()
    group = fields.Nested(GroupRefSchema, allow_none=True)
    target_type = fields.String(validate=validate.OneOf(["post", "comment"]))
    post = fields.Nested(PostSchema, allow_none=True)
    comment = fields.Nested(CommentSchema, allow_none=True)
    flags = fields.List(fields.Nested(FlagDetailSchema))


class QueueSchema(Schema):
    items = fields.List(fields.Nested(ReviewItemSchema), metadata={"description": "Urgent first, then oldest"})


class DecisionSchema(Schema):
    decision = fields.String(required=True, validate=validate.OneOf(["keep", "hide", "delete"]))
    reason = fields.String(load_default="", validate=REASON,
                           metadata={"description": "Needed to hide or delete; it goes in the log"})


class DecidedSchema(Schema):
    item_id = fields.Integer()
    decision = fields.String()
    target_type = fields.String()
    target_id = fields.Integer()


class HideSchema(Schema):
    reason = fields.String(required=True, validate=REASON)


class SanctionInputSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(["warn", "silence", "suspend", "ban", "lift"]))
    reason = fields.String(required=True, validate=REASON)
    days = fields.Integer(allow_none=True, load_default=None, validate=validate.Range(1, DAYS_MAX),
                          metadata={"description": "For silence and suspend"})
    group = fields.String(allow_none=True, load_default=None, validate=validate.Length(max=80),
                          metadata={"description": "Group moderators: the group (slug) they act for"})


class SanctionSchema(Schema):
    user = fields.Nested(UserRefSchema)
    kind = fields.String()
    banned = fields.Boolean()
    suspended_until = fields.DateTime(allow_none=True)
    silenced_until = fields.DateTime(allow_none=True)


class LogArgsSchema(CursorArgsSchema):
    action = fields.String(validate=validate.OneOf(list(ACTION_LABELS)))


class LogEntrySchema(Schema):
    id = fields.Integer()
    action = fields.String()
    label = fields.String()
    moderator = fields.String(allow_none=True, metadata={"description": "null: an automatic rule"})
    target_type = fields.String()
    target_id = fields.Integer()
    target_user = fields.String(allow_none=True)
    group = fields.Nested(GroupRefSchema, allow_none=True)
    reason = fields.String()
    created_at = fields.DateTime()


class LogSchema(Schema):
    entries = fields.List(fields.Nested(LogEntrySchema))
    cursors = fields.Nested(CursorsSchema)
