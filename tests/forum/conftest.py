"""Fixtures for the Q&A and expert tests: verified experts and answered questions."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from forum.extensions import db as _db
from forum.models import User


@pytest.fixture
def reply_as(app):
    """Post a reply to ``thread_id`` as ``username``; returns the post id."""
    from forum.actions.posts import post_reply
    from forum.models import Thread

    def reply(username: str, thread_id: int, body: str = "Here is what helped me.") -> int:
        with app.app_context():
            user = _db.session.scalar(select(User).where(User.username == username))
            return post_reply(user, _db.session.get(Thread, thread_id), body).id
    return reply


@pytest.fixture
def as_user(client, login):
    """Log out whoever is logged in, then log in as ``username``."""
    def switch(username: str):
        client.post("/logout")
        return login(username)
    return switch
