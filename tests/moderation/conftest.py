"""Fixtures for moderation tests: a public group with a member, a moderator and a thread."""

import pytest
from sqlalchemy import select

from forum.models import Role


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
