"""Rate limits on logging in, registering and posting (Flask-Limiter, in-memory in tests).

The suite turns rate limiting off by default; these tests turn it on.
"""

import pytest
from sqlalchemy import func, select

from forum import create_app
from forum.extensions import db as _db
from forum.models import Post, User


@pytest.fixture
def limited_app(app_config):
    app = create_app(
        {
            **app_config,
            "RATELIMIT_ENABLED": True,
            "LOGIN_LIMIT_ADDRESS": "3 per minute",
            "LOGIN_LIMIT_ACCOUNT": "10 per minute",
            "REGISTER_LIMIT": "2 per hour",
            "POST_RATE_LIMIT": "2 per minute",
            "RATELIMIT_STORAGE_URI": "memory://",
        }
    )
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
    with limited_app.app_context():
        assert _db.session.scalar(select(User.id).where(User.username == "user9")) is None
    assert "Too many" in response.get_data(as_text=True)
    assert client.get("/login").status_code == 200  # reading the form is not limited


def _sign_up(client, i, password="a-long-password-1"):
    return client.post("/register", data={"username": f"user{i}", "email": f"u{i}@example.com",
                                          "password": password, "confirm": password})


def test_registrations_are_limited_per_network_counting_only_sign_ups(limited_app):
    client = limited_app.test_client()
    for _ in range(5):  # forms sent back for a mistake do not count
        assert _sign_up(client, 7, password="short").status_code == 400
    for i in range(2):
        assert _sign_up(client, i).status_code == 200
    response = _sign_up(client, 9)
    assert response.status_code == 429 and response.headers.get("Retry-After")
    text = response.get_data(as_text=True)
    assert "Please try again in about" in text and "minutes" in text
    assert 'value="user9"' in text  # what was typed is kept
    with limited_app.app_context():
        assert _db.session.scalar(select(User.id).where(User.username == "user9")) is None
    other_network = limited_app.test_client()
    assert other_network.post("/register", environ_base={"REMOTE_ADDR": "10.9.8.7"},
                              data={"username": "user8", "email": "u8@example.com",
                                    "password": "a-long-password-1", "confirm": "a-long-password-1"}
                              ).status_code == 200


def test_posting_is_limited_per_account_and_keeps_the_text(limited_app):
    from forum.actions.accounts import register_user
    from forum.actions.groups import create_group
    from forum.actions.posts import start_thread

    with limited_app.app_context():
        ann = register_user("ann", "ann@example.com", "a-long-test-password")
        register_user("bob", "bob@example.com", "a-long-test-password")
        group = create_group("Heart Health", "d")
        # Set-up writes skip the pipeline (screen=False), so they do not count against ann's limit.
        thread_id = start_thread(ann, group, "question", "A question about statins", "Body", screen=False).id
    ann_client, bob_client = limited_app.test_client(), limited_app.test_client()
    ann_client.post("/login", data={"identifier": "ann", "password": "a-long-test-password"})
    bob_client.post("/login", data={"identifier": "bob", "password": "a-long-test-password"})
    for i in range(2):
        assert ann_client.post(f"/t/{thread_id}/reply", data={"body": f"Reply {i}"}).status_code == 302
    response = ann_client.post(f"/t/{thread_id}/reply", data={"body": "My third reply, typed with care"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "posting very quickly" in page and "My third reply, typed with care" in page
    response = ann_client.post(
        "/groups/heart-health/new",
        data={"kind": "question", "title": "Another question here", "body": "Kept text"},
    )
    assert response.status_code == 400 and "Kept text" in response.get_data(as_text=True)
    assert bob_client.post(f"/t/{thread_id}/reply", data={"body": "Bob is not limited"}).status_code == 302
    with limited_app.app_context():
        assert _db.session.scalar(select(func.count()).select_from(Post)) == 4


def test_counts_can_live_in_redis(app_config):
    """With ``RATELIMIT_STORAGE_URI=redis://...`` every worker shares the counts."""
    redis = pytest.importorskip("redis", reason="the redis client is not installed")
    url = "redis://127.0.0.1:6379/15"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError:
        pytest.skip("Redis is not reachable on 127.0.0.1:6379")
    redis.Redis.from_url(url).flushdb()
    config = {
        **app_config,
        "RATELIMIT_ENABLED": True,
        "LOGIN_LIMIT_ADDRESS": "2 per minute",
        "RATELIMIT_STORAGE_URI": url,
    }
    first, second = create_app(config), create_app(config)  # two workers, one Redis
    with first.app_context():
        _db.create_all()
    try:
        assert (
            first.test_client().post("/login", data={"identifier": "x", "password": "y"}).status_code == 400
        )
        assert (
            second.test_client().post("/login", data={"identifier": "x", "password": "y"}).status_code == 400
        )
        assert (
            first.test_client().post("/login", data={"identifier": "x", "password": "y"}).status_code == 429
        )
        assert redis.Redis.from_url(url).keys("LIMITS*")  # the counts are in Redis
    finally:
        redis.Redis.from_url(url).flushdb()
        for app in (first, second):
            with app.app_context():
                if app is first and config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
                    _db.drop_all()
                _db.engine.dispose()
