"""Rate limits on the API: per token, with RateLimit-* headers, and 429 with Retry-After;
the posting limit applies to API writes as to the forms."""
import pytest
from sqlalchemy import func, select

from forum.models import Post


@pytest.fixture
def app_config(app_config):
    return {**app_config, "RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": "memory://",
            "API_RATE_LIMIT": "3 per minute", "POST_RATE_LIMIT": "1 per minute"}


def test_each_token_has_its_own_allowance_and_is_told_where_it_stands(api_as, community):
    ann, bob = api_as("ann"), api_as("bob")
    answers = [ann.get("/api/v1/me") for _ in range(3)]
    assert [a.headers["RateLimit-Remaining"] for a in answers] == ["2", "1", "0"]
    assert answers[0].headers["RateLimit-Limit"] == "3" and answers[0].headers["RateLimit-Policy"] == "3;w=60"
    assert 0 < int(answers[0].headers["RateLimit-Reset"]) <= 60
    refused = ann.get("/api/v1/me")
    assert refused.status_code == 429 and refused.mimetype == "application/problem+json"
    assert 0 < int(refused.headers["Retry-After"]) <= 60 and "3 per 1 minute" in refused.json["detail"]
    assert bob.get("/api/v1/me").status_code == 200, "another token is not held back"


def test_the_posting_limit_is_a_429_with_retry_after(api_as, community, db):
    bob = api_as("bob")
    assert bob.post(f"/api/v1/threads/{community['thread']}/posts", json={"body": "Reply"}).status_code == 201
    refused = bob.post(f"/api/v1/threads/{community['thread']}/posts", json={"body": "One more"})
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) >= 1
    assert "posting very quickly" in refused.json["detail"]
    assert db.session.scalar(select(func.count()).select_from(Post)) == 2
