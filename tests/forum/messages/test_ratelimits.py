"""New members send few private messages an hour; established members more; moderators any number."""
import pytest
from sqlalchemy import func, select

from forum.models import Message, User


@pytest.fixture
def app_config(app_config):
    return {**app_config, "RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": "memory://",
            "NEW_MEMBER_MESSAGE_RATE_LIMIT": "2 per hour", "MESSAGE_RATE_LIMIT": "4 per hour",
            "NEW_MEMBER_POSTS": 1, "NEW_MEMBER_DAYS": 0}


def _messages(db) -> int:
    return db.session.scalar(select(func.count()).select_from(Message))


def _send(client, n):
    return client.post("/messages/new", data={"to": "ben", "body": f"Message number {n}"})


def test_a_new_member_is_limited_and_keeps_the_text(client, login, people, db):
    login("ann")
    for n in range(2):
        assert _send(client, n).status_code == 302
    third = _send(client, 3)
    text = third.get_data(as_text=True)
    assert third.status_code == 400 and "very quickly" in text and "Message number 3" in text
    assert _messages(db) == 2


def test_an_established_member_has_the_larger_limit(client, login, people, db):
    ann = db.session.scalar(select(User).where(User.username == "ann"))
    ann.post_count = 5
    db.session.commit()
    login("ann")
    assert [_send(client, n).status_code for n in range(5)] == [302, 302, 302, 302, 400]


def test_moderators_are_not_limited(client, login, people, db):
    login("moe")
    assert all(_send(client, n).status_code == 302 for n in range(6))
