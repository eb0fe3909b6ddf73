"""Errors on the API as ``application/problem+json`` (RFC 9457), with a clear ``detail``.

Every error on an ``/api/`` path comes here, whichever handler caught it: the
app's own handlers (``forum.errors``) hand API requests over, and the API's
flask-smorest ``Api`` uses the same function for the codes they leave. A
validation error lists each field with its messages. A 404 reads the same for
an id that does not exist and for content the caller may not see, so it tells
an outsider nothing.
"""
from __future__ import annotations

import http

from flask import current_app, g, jsonify, request
from werkzeug.exceptions import HTTPException

API_PREFIX = "/api/v1"
PROBLEM = "application/problem+json"

DETAILS = {
    400: "The request could not be read. Send JSON with Content-Type: application/json.",
    401: "Send a personal access token: Authorization: Bearer askw_... Make one on your account page "
         "at /settings/tokens. The API never uses login cookies.",
    403: "You may see this, but your account may not do that.",
    404: "Nothing was found at this address.",
    405: "This address does not take that method; the Allow header lists the ones it does.",
    409: "The request conflicts with the current state of this resource.",
    413: "The request is larger than Askwell accepts. Shorten it and try again.",
    415: "Send JSON with Content-Type: application/json.",
    422: "The request was understood, but a rule refused it.",
    429: "Too many requests for this token. Wait for the time in Retry-After, then try again.",
    500: "Something went wrong on Askwell's side. Nothing you sent caused this; please try again.",
}
_KEEP_HEADERS = ("Allow", "Retry-After", "WWW-Authenticate")


def is_api_request() -> bool:
    return request.path == API_PREFIX or request.path.startswith(API_PREFIX + "/")


def problem(status: int, detail: str | None = None, *, title: str | None = None, type_: str = "about:blank",
            headers: dict | None = None, **extra):
    """A problem+json response: ``type``, ``title``, ``status``, ``detail``, ``instance`` and ``extra``."""
    body = {"type": type_, "title": title or http.HTTPStatus(status).phrase, "status": status,
            "detail": detail or DETAILS.get(status) or http.HTTPStatus(status).description,
            "instance": request.path, **extra}
    response = jsonify(body)
    response.status_code = status
    response.mimetype = PROBLEM
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def field_errors(messages) -> list[dict]:
    """webargs' ``{"json": {"title": ["..."]}}`` as ``[{"location", "field", "messages"}]``."""
    found: list[dict] = []

    def walk(location: str, prefix: str, value) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(location, f"{prefix}.{key}" if prefix else str(key), inner)
        else:
            found.append({"location": location, "field": prefix or "(body)",
                          "messages": [str(m) for m in (value if isinstance(value, list) else [value])]})

    for location, fields in (messages or {}).items():
        walk(str(location), "", fields)
    return found


def _custom_description(error: HTTPException) -> str | None:
    """The description given to ``abort`` (not werkzeug's page text for the code)."""
    default = getattr(type(error), "description", None)
    description = error.description
    return description if description and description != default else None


def problem_for(error: HTTPException):
    """The problem response for an HTTP error raised while serving the API."""
    code = error.code or 500
    if code == 304:
        response = current_app.response_class(status=304)
        if g.get("api_etag"):
            response.set_etag(g.api_etag)
        return response
    headers = {k: v for k, v in error.get_headers() if k in _KEEP_HEADERS}
    data = getattr(error, "data", None) or {}
    if code == 422 and "messages" in data:
        errors = field_errors(data["messages"])
        names = ", ".join(e["field"] for e in errors)
        return problem(422, f"Some fields are not valid: {names}. Nothing was saved.", title="Invalid fields",
                       type_=f"{API_PREFIX}/docs#problem-invalid-fields", errors=errors, headers=headers)
    detail = data.get("message") or _custom_description(error)
    return problem(code, detail, headers=headers)
