"""Fixtures for notifications: who was told what, and acting as someone."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from forum.extensions import db as _db
from forum.models import Notification, User


@pytest.fixture
def notices(db):
    """``notices("ann")``: the kinds of notification ann has, oldest first."""
    def fetch(username: str) -> list[str]:
        user_id = db.session.scalar(select(User.id).where(User.username == username))
        return list(db.session.scalars(select(Notification.kind).where(Notification.user_id == user_id)
                                       .order_by(Notification.id)))
    return fetch


@pytest.fixture
def act(app):
    """``act(fn, "ann", *ids)``: call ``fn(user, *objects)`` in an app context, objects by (Model, id)."""
    def run(fn, username, *objects, **kwargs):
        with app.app_context():
            user = _db.session.scalar(select(User).where(User.username == username))
            loaded = [_db.session.get(model, oid) if isinstance(oid, int) else
                      _db.session.scalar(select(model).filter_by(slug=oid)) if hasattr(model, "slug") else
                      _db.session.scalar(select(model).filter_by(username=oid))
                      for model, oid in objects]
            return fn(user, *loaded, **kwargs)
    return run
