"""Fixtures for the Q&A and expert tests: verified experts and answered questions."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from forum.extensions import db as _db
from forum.models import Role, User


@pytest.fixture
def make_expert(app, make_user):
    """Make ``username`` a verified expert (approved by the admin ``verifier``); returns the user id."""
    from forum.actions.experts import apply_as_expert, approve_application

    def make(username: str, specialty: str = "haematology", profession: str = "Consultant haematologist"):
        with app.app_context():
            missing = [name for name in ("verifier", username)
                       if _db.session.scalar(select(User.id).where(User.username == name)) is None]
        for name in missing:
            make_user(name, role=Role.ADMIN if name == "verifier" else Role.MEMBER)
        with app.app_context():
            user = _db.session.scalar(select(User).where(User.username == username))
            verifier = _db.session.scalar(select(User).where(User.username == "verifier"))
            application = apply_as_expert(
                user, profession=profession, specialty=specialty, licence_number="GMC 1234567",
                issuing_body="General Medical Council", country="United Kingdom",
                evidence="https://www.gmc-uk.org/registrants/1234567")
            approve_application(verifier, application)
            return user.id
    return make


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
