"""One post: its history, and what is sent to edit, delete, vote on, accept or flag it."""
from marshmallow import Schema, fields, validate

from forum.actions import limits
from forum.actions.flags import DETAILS_MAX
from forum.api.schemas.common import UserRefSchema, confirm_field
from forum.api.schemas.threads import PostSchema, ThreadSummarySchema
from forum.models.moderation import FlagReason


class PostWithThreadSchema(PostSchema):
    thread = fields.Nested(ThreadSummarySchema)


class RevisionSchema(Schema):
    title = fields.String(allow_none=True, metadata={"description": "The thread title then (opening posts)"})
    body_html = fields.String()
    body_markdown = fields.String()
    editor = fields.Nested(UserRefSchema, allow_none=True)
    written_at = fields.DateTime()
    replaced_at = fields.DateTime()


class RevisionListSchema(Schema):
    post_id = fields.Integer()
    revisions = fields.List(fields.Nested(RevisionSchema), metadata={"description": "Newest first"})


class EditSchema(Schema):
    body = fields.String(required=True, validate=validate.Length(max=limits.BODY_MAX * 2))
    title = fields.String(validate=validate.Length(max=limits.TITLE_MAX * 2),
                          metadata={"description": "Opening posts only: renames the thread"})
    reason = fields.String(load_default="", validate=validate.Length(max=limits.AUDIT_REASON_MAX),
                           metadata={"description": "Moderators editing someone else's post: for the log"})
    confirm = confirm_field()


class ReasonSchema(Schema):
    reason = fields.String(load_default="", validate=validate.Length(max=limits.AUDIT_REASON_MAX),
                           metadata={"description": "Moderators: why (it goes in the moderation log)"})


class HelpfulSchema(Schema):
    post_id = fields.Integer()
    marked_helpful = fields.Boolean()
    helpful_count = fields.Integer()


class AcceptedSchema(Schema):
    thread_id = fields.Integer()
    accepted_post_id = fields.Integer(allow_none=True)


class FlagInputSchema(Schema):
    reason = fields.String(required=True, validate=validate.OneOf([r.value for r in FlagReason]))
    details = fields.String(load_default="", validate=validate.Length(max=DETAILS_MAX),
                            metadata={"description": "Needed when the reason is other"})


class FlagSchema(Schema):
    id = fields.Integer()
    post_id = fields.Integer()
    reason = fields.String()
    created_at = fields.DateTime()
