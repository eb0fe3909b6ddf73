"""Unit tests of the actions: call the verbs directly inside an app context, check the rows."""
import pytest
from sqlalchemy import select

from forum.extensions import db as _db
from forum.models import Group, Thread, User


@pytest.fixture
def ctx(app):
    """An app context for calling actions; yields helpers to fetch rows by name."""
    with app.app_context():
        yield Lookup()


class Lookup:
    def user(self, name: str) -> User:
        return _db.session.scalar(select(User).where(User.username == name))

    def group(self, slug: str) -> Group:
        return _db.session.scalar(select(Group).where(Group.slug == slug))

    def thread(self, thread_id: int) -> Thread:
        return _db.session.get(Thread, thread_id)
