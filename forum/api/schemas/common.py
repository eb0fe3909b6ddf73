"""Schemas shared by every resource: problems (errors), people, groups, cursors, confirmations."""
from __future__ import annotations

from marshmallow import INCLUDE, Schema, fields, validate

from forum.publishing import PUBLISH, REDACT
from forum.urls import ID_MAX

CURSOR_MAX = 200


class FieldErrorSchema(Schema):
    location = fields.String(metadata={"description": "json, query or path"})
    field = fields.String(metadata={"description": "The field's name; nested fields joined with dots"})
    messages = fields.List(fields.String())


class ProblemSchema(Schema):
    """An error (RFC 9457). Problems may carry more members, listed with each kind in the docs."""

    class Meta:
        unknown = INCLUDE

    type = fields.String(metadata={"description": "A URI reference for the kind of problem, or about:blank"})
    title = fields.String(metadata={"description": "A short summary of the kind of problem"})
    status = fields.Integer()
    detail = fields.String(metadata={"description": "What went wrong and what to do, for a person to read"})
    instance = fields.String(metadata={"description": "The path that was requested"})
    errors = fields.List(fields.Nested(FieldErrorSchema), metadata={"description": "Invalid fields (422)"})


class CrisisResourceSchema(Schema):
    where = fields.String()
    what = fields.String()


class HelplineSchema(Schema):
    region = fields.String()
    label = fields.String()
    text = fields.String()
    number = fields.String(allow_none=True, metadata={"description": "As people write it; null for a website"})
    tel = fields.String(allow_none=True, metadata={"description": "A tap-to-call tel: URI, e.g. tel:988"})


class HelplineSectionSchema(Schema):
    heading = fields.String()
    resources = fields.List(fields.Nested(HelplineSchema))


class CrisisResponseSchema(Schema):
    outcome = fields.String(metadata={"description": "self (risk to the writer), emergency (overdose taken, "
                                                     "injury: call now) or other (someone else at risk)"})
    heading = fields.String()
    intro = fields.String()
    sections = fields.List(fields.Nested(HelplineSectionSchema),
                           metadata={"description": "In the order to show them, most urgent first"})


class FindingSchema(Schema):
    label = fields.String(metadata={"description": "What kind of personal detail, e.g. phone number"})
    text = fields.String(metadata={"description": "The text that looks like one"})


class ConfirmationProblemSchema(ProblemSchema):
    """409: the health-safety check found something; nothing was published."""

    crisis = fields.Boolean(metadata={"description": "Crisis language was found"})
    crisis_resources = fields.List(fields.Nested(CrisisResourceSchema))
    crisis_response = fields.Nested(CrisisResponseSchema, allow_none=True,
                                    metadata={"description": "What to show for the outcome found, with tel: links"})
    personal_data = fields.List(fields.Nested(FindingSchema))
    choices = fields.List(fields.String(), metadata={"description": "Values of confirm that will publish"})
    submitted = fields.Dict(keys=fields.String(), values=fields.String(),
                            metadata={"description": "The text fields as you sent them"})
    redacted = fields.Dict(keys=fields.String(), values=fields.String(), allow_none=True,
                           metadata={"description": "The text with personal details replaced by markers: what "
                                                    "confirm: redact publishes"})


def confirm_field():
    return fields.String(
        validate=validate.OneOf([PUBLISH, REDACT]), load_default="",
        metadata={"description": "Your answer to a 409 safety check: publish (as written) or redact "
                                 "(with personal details replaced by markers). Leave it out the first time."})


def id_field(**kwargs):
    return fields.Integer(validate=validate.Range(1, ID_MAX), **kwargs)


class CredentialSchema(Schema):
    profession = fields.String()
    specialty = fields.String()
    specialty_label = fields.String()
    verified_by = fields.String(allow_none=True)
    verified_on = fields.Date()


class UserRefSchema(Schema):
    username = fields.String()
    name = fields.String(metadata={"description": "Display name, or the username"})
    role = fields.String(validate=validate.OneOf(["member", "expert", "moderator", "admin"]))
    expert = fields.Nested(CredentialSchema, allow_none=True,
                           metadata={"description": "The expert verification in force, if any"})
    url = fields.String()
    api_url = fields.String()


class GroupRefSchema(Schema):
    slug = fields.String()
    name = fields.String()
    is_private = fields.Boolean()
    url = fields.String()
    api_url = fields.String()


class CursorArgsSchema(Schema):
    after = fields.String(validate=validate.Length(max=CURSOR_MAX),
                          metadata={"description": "The older cursor of the page before"})
    before = fields.String(validate=validate.Length(max=CURSOR_MAX),
                           metadata={"description": "The newer cursor of the page after"})


class CursorsSchema(Schema):
    older = fields.String(allow_none=True, metadata={"description": "Pass as after= for the next page"})
    newer = fields.String(allow_none=True, metadata={"description": "Pass as before= for the page before"})
