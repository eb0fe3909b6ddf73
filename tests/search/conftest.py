"""Search fixtures: every contract test runs once per backend.

The PostgreSQL backend needs ``TEST_DATABASE_URL`` to point at PostgreSQL;
otherwise its runs are skipped with the reason.
"""
from __future__ import annotations

import os

import pytest

from forum.extensions import db as _db
from forum.models import Post, Thread, User


def _postgres_url() -> str | None:
    url = os.environ.get("TEST_DATABASE_URL", "")
    return url if url.startswith("postgresql") else None


@pytest.fixture(params=["whoosh", "postgres"])
def backend_name(request):
    if request.param == "postgres" and not _postgres_url():
        pytest.skip("the PostgreSQL backend needs TEST_DATABASE_URL=postgresql+psycopg://... (a reachable server)")
    return request.param


@pytest.fixture
def app_config(app_config, backend_name, tmp_path):
    return {**app_config, "SEARCH_BACKEND": backend_name, "SEARCH_SYNONYMS_FILE": str(tmp_path / "synonyms.txt")}


@pytest.fixture
def post(app):
    """Write a reply as ``username`` in thread ``thread_id``; returns the post id."""
    from forum.actions.posts import post_reply

    def write(username: str, thread_id: int, body: str) -> int:
        with app.app_context():
            user = _db.session.scalar(_db.select(User).where(User.username == username))
            return post_reply(user, _db.session.get(Thread, thread_id), body).id
    return write


@pytest.fixture
def search(client):
    """GET /search with these arguments; returns the page text."""
    def do(q: str, **args) -> str:
        response = client.get("/search", query_string={"q": q, **args})
        assert response.status_code == 200, response.status_code
        return response.get_data(as_text=True)
    return do


def opening_post_id(app, thread_id: int) -> int:
    with app.app_context():
        return _db.session.scalar(_db.select(Post.id).where(Post.thread_id == thread_id, Post.number == 1))
