"""The JSON API, version 1, under /api/v1: one blueprint per resource, on flask-smorest.

Each resource is one small module here (``groups``, ``threads``, ``posts``,
...) that makes its blueprint with ``forum.api.spec.resource`` and calls the
same permission checks (``forum.permissions``) and actions (``forum.actions``)
as the pages; adding a resource (drugs and reviews, notifications) is one new
module and one line in ``RESOURCES``. The OpenAPI document is at
/api/v1/openapi.json and a docs page rendered from it at /api/v1/docs.

Settings: ``API_RATE_LIMIT`` (per token) and ``API_CORS_ORIGINS`` (CORS is off
unless it lists origins).
"""
from __future__ import annotations

from importlib import import_module

from flask import Flask

from forum.api.errors import API_PREFIX

# Resource modules, in the order the docs list them.
RESOURCES = ("me", "groups", "threads", "posts", "profiles", "articles", "search", "moderation")
SPEC_OPTIONS = {
    "info": {"description": "Askwell's JSON API for apps and integrations. Authenticate with a personal "
                            "access token (Authorization: Bearer askw_...) made at /settings/tokens."},
    "servers": [{"url": "/"}],
    "components": {"securitySchemes": {"token": {"type": "http", "scheme": "bearer",
                                                 "description": "A personal access token from /settings/tokens"}}},
    "security": [{"token": []}],
}


def init_app(app: Flask) -> None:
    """Register the API's blueprints, its OpenAPI document, docs page and (if configured) CORS."""
    from forum.api import docs
    from forum.api.auth import NoCookiesOnTheApi
    from forum.api.spec import AskwellApi
    from forum.extensions import csrf

    app.config.update(API_TITLE="Askwell API", API_VERSION="1", OPENAPI_VERSION="3.1.0",
                      OPENAPI_URL_PREFIX=API_PREFIX, OPENAPI_JSON_PATH="openapi.json",
                      API_SPEC_OPTIONS=SPEC_OPTIONS)
    app.session_interface = NoCookiesOnTheApi()
    api = AskwellApi(app)
    for name in RESOURCES:
        blp = import_module(f"forum.api.{name}").blp
        csrf.exempt(blp)  # safe: forum.api.auth refuses every request without a valid token first
        api.register_blueprint(blp)
    app.extensions["askwell_api"] = api
    app.register_blueprint(docs.bp)
    origins = app.config.get("API_CORS_ORIGINS") or []
    if origins:
        from flask_cors import CORS

        CORS(app, resources={f"{API_PREFIX}/*": {"origins": origins}}, supports_credentials=False,
             allow_headers=["Authorization", "Content-Type", "If-None-Match"], max_age=600,
             expose_headers=["ETag", "Location", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining",
                             "RateLimit-Reset", "RateLimit-Policy"])
