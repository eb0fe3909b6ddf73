"""Search: the same query language and filters as /search."""
from marshmallow import Schema, fields, validate

from forum.api.schemas.common import GroupRefSchema, UserRefSchema


class SearchArgsSchema(Schema):
    q = fields.String(required=True, validate=validate.Length(max=500),
                      metadata={"description": 'All words required, "quoted phrases", -word to leave out, a OR b'})
    group = fields.String(validate=validate.Length(max=80), metadata={"description": "A group's slug"})
    kind = fields.String(validate=validate.OneOf(["question", "discussion"]))
    expert = fields.Boolean(load_default=False, metadata={"description": "Only threads with an expert answer"})
    sort = fields.String(load_default="relevance", validate=validate.OneOf(["relevance", "newest"]))
    page = fields.Integer(load_default=1, validate=validate.Range(1, 1000))


class SearchHitSchema(Schema):
    kind = fields.String(validate=validate.OneOf(["thread", "post", "group", "article", "drug"]))
    title = fields.String()
    snippet_html = fields.String(metadata={"description": "Escaped text with the matches in <mark>"})
    created_at = fields.DateTime(allow_none=True)
    group = fields.Nested(GroupRefSchema, allow_none=True)
    author = fields.Nested(UserRefSchema, allow_none=True)
    anonymous = fields.Boolean(metadata={"description": "Posted as an anonymous member: author is null for everyone"})
    thread_id = fields.Integer(allow_none=True)
    url = fields.String(allow_none=True)
    api_url = fields.String(allow_none=True)


class SearchResultsSchema(Schema):
    query = fields.String()
    total = fields.Integer()
    page = fields.Integer()
    pages = fields.Integer()
    per_page = fields.Integer()
    suggestion = fields.String(allow_none=True, metadata={"description": "Did you mean"})
    hits = fields.List(fields.Nested(SearchHitSchema))
