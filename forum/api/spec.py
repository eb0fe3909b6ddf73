"""The API's flask-smorest set-up: the ``Api`` (OpenAPI document, problem+json errors)
and the ``resource`` blueprint every API module is made with.

flask-smorest builds the OpenAPI document from the same marshmallow schemas
that validate requests and shape responses, so the description cannot drift
from the code. Errors are documented as ``application/problem+json``.
"""
from __future__ import annotations

import hashlib
import http
from datetime import date, datetime

from flask import g, request
from flask_smorest import Api, Blueprint
from flask_smorest.utils import prepare_response

from forum.api import auth
from forum.api.errors import API_PREFIX, PROBLEM, problem_for
from forum.api.schemas.common import ProblemSchema


class AskwellApi(Api):
    ERROR_SCHEMA = ProblemSchema

    def register_blueprint(self, blp, **options):
        """As flask-smorest does, but the document's tag is the blueprint's ``tag`` ("Groups"),
        not its name ("api_groups", which must differ from the web blueprints' names)."""
        self._app.extensions["flask-smorest"]["blp_name_to_api"][blp.name] = self
        self._app.register_blueprint(blp, **options)
        blp.register_views_in_doc(self, self._app, self.spec, name=blp.name, parameters=None)
        self.spec.tag({"name": blp.tag, "description": blp.description})

    def handle_http_exception(self, error):
        return problem_for(error)

    def _register_responses(self):
        """Error responses are problem+json (flask-smorest's default says application/json)."""
        for status in http.HTTPStatus:
            response = {"description": status.phrase}
            if not (100 <= status < 200) and status not in (204, 304):
                response["schema"] = self.ERROR_SCHEMA
            prepare_response(response, self.spec, PROBLEM)
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "An error, as application/problem+json (RFC 9457)", "schema": self.ERROR_SCHEMA}
        prepare_response(response, self.spec, PROBLEM)
        self.spec.components.response("DEFAULT_ERROR", response, lazy=True)


def jsonable(value):
    """``value`` with dates and times as ISO 8601 strings (what marshmallow's fields dump)."""
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


class ResourceBlueprint(Blueprint):
    """A blueprint of API routes: token required, rate-limited, ETags on reads.

    Responses are documented by their marshmallow schemas, but not dumped through them:
    ``forum.api.present`` builds exactly the documented shape (the schemathesis run and the
    tests hold it to the document, extra fields included), so a body only needs its dates
    made JSON-ready. On a 20-post thread that saves the schema walk (about 1 ms), and the
    ETag is a digest of the encoded body, so the body is encoded once.
    """

    def __init__(self, *args, tag: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.tag = tag

    def route(self, rule, *, parameters=None, tags=None, **options):
        return super().route(rule, parameters=parameters, tags=tags or [self.tag], **options)

    def response(self, status_code, schema=None, **kwargs):
        if schema is not None:
            schema = schema() if isinstance(schema, type) else schema
            schema.dump = jsonable  # documents the body; present.py builds it
        return super().response(status_code, schema, **kwargs)

    def _check_not_modified(self, etag):
        g.api_etag = etag  # the 304 answer carries the tag it matched
        return super()._check_not_modified(etag)

    def _set_etag_in_response(self, response):
        """The ETag of a read is a digest of its body (raises NotModified for If-None-Match)."""
        if request.method in self.METHODS_CHECKING_NOT_MODIFIED and response.status_code == 200:
            etag = hashlib.sha1(response.get_data()).hexdigest()
            self._check_not_modified(etag)
            response.set_etag(etag)


def resource(tag: str, import_name: str, description: str) -> ResourceBlueprint:
    """A new API resource module's blueprint, e.g. ``resource("Groups", __name__, "...")``
    (then list the module in ``forum.api.RESOURCES``)."""
    name = "api_" + import_name.rsplit(".", 1)[-1]
    blp = ResourceBlueprint(name, import_name, url_prefix=API_PREFIX, description=description, tag=tag)
    blp.before_request(auth.authenticate)
    blp.after_request(auth.finish)
    return blp
