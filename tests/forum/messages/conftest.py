"""Fixtures for private messages: two members, a moderator, and a helper to send a message."""
import pytest

from forum.extensions import db as _db
from forum.models import Role, User


@pytest.fixture
def people(make_user):
    """ann and ben (members), moe (site moderator), zed (an outsider)."""
    ids = {name: make_user(name) for name in ("ann", "ben", "zed")}
    ids["moe"] = make_user("moe", role=Role.MODERATOR)
    return ids


@pytest.fixture
def send(app):
    """``send("ann", "ben", "hello")`` starts (or continues) their conversation; returns its id."""
    from forum.actions.messages import start_conversation

    def do_send(sender: str, recipient: str, body: str) -> int:
        with app.app_context():
            user = _db.session.scalar(_db.select(User).where(User.username == sender))
            other = _db.session.scalar(_db.select(User).where(User.username == recipient))
            return start_conversation(user, other, body).id
    return do_send
