"""Fixtures for the forum tests: a moderated community, verified experts, answered questions."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from forum.extensions import db as _db
from forum.models import Role, User


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


@pytest.fixture
def community(app, make_user, make_group, make_thread, add_member):
    """ann (member, thread author), bob/cat/dan (members), modm (site moderator),
    gina (group moderator of "heart-health" only), root (admin); a second group "lungs"."""
    for name in ("ann", "bob", "cat", "dan"):
        make_user(name)
    make_user("modm", role=Role.MODERATOR)
    make_user("gina")
    make_user("root", role=Role.ADMIN)
    slug = make_group("Heart Health")
    other = make_group("Lungs")
    add_member("gina", slug, moderator=True)
    thread_id = make_thread("ann", slug, title="Is my heart rate normal?", body="It is 95 at rest.")
    return {"slug": slug, "other": other, "thread": thread_id}


@pytest.fixture
def get(db):
    """``get(Model, **filters)``: one row, fresh from the database."""

    def fetch(model, **filters):
        return db.session.scalar(select(model).filter_by(**filters))

    return fetch
