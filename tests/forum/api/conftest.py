"""Fixtures for the API tests: tokens for the test community, and a client that sends them."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from forum.extensions import db as _db
from forum.models import User


@pytest.fixture
def make_token(app):
    """``make_token("ann", "write")``: a personal access token's text, made as on /settings/tokens."""
    from forum.actions.tokens import create_token

    def make(username: str, scope: str = "write", name: str = "Test app") -> str:
        with app.app_context():
            user = _db.session.scalar(select(User).where(User.username == username))
            return create_token(user, name, scope)[1]
    return make


class Api:
    """The test client speaking JSON with a bearer token."""

    def __init__(self, client, token: str | None):
        self.client, self.token = client, token

    def _headers(self, headers):
        out = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        return {**out, **(headers or {})}

    def get(self, path, headers=None, **kwargs):
        return self.client.get(path, headers=self._headers(headers), **kwargs)

    def post(self, path, json=None, headers=None, **kwargs):
        return self.client.post(path, json=json, headers=self._headers(headers), **kwargs)

    def patch(self, path, json=None, headers=None):
        return self.client.patch(path, json=json, headers=self._headers(headers))

    def put(self, path, json=None, headers=None):
        return self.client.put(path, json=json, headers=self._headers(headers))

    def delete(self, path, headers=None, **kwargs):
        return self.client.delete(path, headers=self._headers(headers), **kwargs)


@pytest.fixture
def api_as(app, make_token):
    """``api_as("ann")``: a fresh client with a read+write token of ann's (``scope="read"`` for a read one)."""
    def make(username: str | None, scope: str = "write") -> Api:
        return Api(app.test_client(), make_token(username, scope) if username else None)
    return make
