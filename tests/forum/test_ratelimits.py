"""Rate limits on logging in, registering and posting (Flask-Limiter, in-memory in tests).

The suite turns rate limiting off by default; these tests turn it on.
"""
import pytest
from sqlalchemy import func, select

from forum import create_app
from forum.extensions import db as _db
from forum.models import Post


@pytest.fixture
def limited_app(app_config):
    app = create_app({**app_config, "RATELIMIT_ENABLED": True, "LOGIN_RATE_LIMIT": "3 per minute",
                      "REGISTER_RATE_LIMIT": "2 per hour", "POST_RATE_LIMIT": "2 per minute",
                      "RATELIMIT_STORAGE_URI": "memory://"})
    with app.app_context():
        _db.drop_all()
        _db.create_all()
    yield app
    with app.app_context():
        _db.session.remove()
        _db.drop_all()
        _db.engine.dispose()


def test_login_attempts_are_limited(limited_app):
    client = limited_app.test_client()
    for _ in range(3):
        assert client.post("/login", data={"identifier": "x", "password": "wrong"}).status_code == 400
    response = client.post("/login", data={"identifier": "x", "password": "wrong"})
    assert response.status_code == 429
    assert "Too many attempts" in response.get_data(as_text=True)
    assert client.get("/login").status_code == 200  # reading the form is not limited


def test_registrations_are_limited(limited_app):
    client = limited_app.test_client()
    for i in range(2):
        client.post("/register", data={"username": f"user{i}", "email": f"u{i}@example.com",
                                       "password": "a-long-password-1", "confirm": "a-long-password-1"})
        client.post("/logout")
    response = client.post("/register", data={"username": "user9", "email": "u9@example.com",
                                               "password": "a-long-password-1", "confirm": "a-long-password-1"})
    assert response.status_code == 429


def test_posting_is_limited_per_account_and_keeps_the_text(limited_app):
    from forum.actions.accounts import register_user
    from forum.actions.groups import create_group
    from forum.actions.posts import start_thread

    with limited_app.app_context():
        ann = register_user("ann", "ann@example.com", "a-long-test-password")
        register_user("bob", "bob@example.com", "a-long-test-password")
        group = create_group("Heart Health", "d")
        thread_id = start_thread(ann, group, "question", "A question about statins", "Body").id
    ann_client, bob_client = limited_app.test_client(), limited_app.test_client()
    ann_client.post("/login", data={"identifier": "ann", "password": "a-long-test-password"})
    bob_client.post("/login", data={"identifier": "bob", "password": "a-long-test-password"})
    for i in range(2):
        assert ann_client.post(f"/t/{thread_id}/reply", data={"body": f"Reply {i}"}).status_code == 302
    response = ann_client.post(f"/t/{thread_id}/reply", data={"body": "My third reply, typed with care"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "posting very quickly" in page and "My third reply, typed with care" in page
    response = ann_client.post(f"/groups/heart-health/new", data={"kind": "question", "title": "Another question here",
                                                                  "body": "Kept text"})
    assert response.status_code == 400 and "Kept text" in response.get_data(as_text=True)
    assert bob_client.post(f"/t/{thread_id}/reply", data={"body": "Bob is not limited"}).status_code == 302
    with limited_app.app_context():
        assert _db.session.scalar(select(func.count()).select_from(Post)) == 4
