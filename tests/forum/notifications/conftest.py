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


@pytest.fixture
def private(make_user, make_group, add_member, make_thread):
    """A private group "clinic": ann asks a question, bob and cat are members; eve is an outsider."""
    for name in ("ann", "bob", "cat", "eve"):
        make_user(name)
    slug = make_group("Clinic", private=True)
    for name in ("ann", "bob", "cat"):
        add_member(name, slug)
    return {"slug": slug, "thread": make_thread("ann", slug, title="Which dose is right for me?")}


@pytest.fixture
def public(make_user, make_group, make_thread):
    for name in ("ann", "bob", "cat", "eve"):
        make_user(name)
    slug = make_group("Open Talk")
    return {"slug": slug, "thread": make_thread("ann", slug, title="Which dose is right for me?")}
