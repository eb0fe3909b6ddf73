"""Personal access tokens: made and revoked on /settings/tokens, shown once, stored hashed;
what the API does with a missing, malformed, revoked, read-only or suspended member's token."""
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from forum.models import ApiToken, Thread, User, utcnow
from tests.conftest import csrf_token_from


@pytest.fixture
def member(make_user):
    make_user("ann")
    make_user("bob")


def _make_on_page(client, name="My phone", scope="write"):
    return client.post("/settings/tokens", data={"name": name, "scope": scope})


def test_a_token_is_shown_once_and_only_its_digest_is_stored(client, login, member, db):
    login("ann")
    page = _make_on_page(client)
    assert page.status_code == 201 and page.headers["Cache-Control"] == "no-store"
    html = page.get_data(as_text=True)
    raw = html.split('id="new-token-value"')[1].split('value="')[1].split('"')[0]
    assert raw.startswith("askw_") and "shown only this once" in html
    row = db.session.scalar(select(ApiToken))
    assert row.name == "My phone" and row.scope == "write" and raw not in (row.secret_hash, row.prefix)
    listing = client.get("/settings/tokens").get_data(as_text=True)
    assert "My phone" in listing and raw not in listing and f"askw_{row.prefix}_" in listing
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"}).json["username"] == "ann"


def test_the_account_page_links_to_the_tokens(client, login, member):
    login("ann")
    assert "/settings/tokens" in client.get("/settings/account").get_data(as_text=True)


def test_a_token_needs_a_name_and_a_scope_and_nothing_is_made_without(client, login, member, db):
    login("ann")
    page = _make_on_page(client, name="", scope="everything")
    assert page.status_code == 400 and "Give the token a name" in page.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(ApiToken)) == 0


def test_the_token_form_needs_its_csrf_token(csrf_app, make_user, db):
    make_user("ann")
    client = csrf_app.test_client()
    token = csrf_token_from(client.get("/login").get_data(as_text=True))
    client.post("/login", data={"identifier": "ann", "password": "a-long-test-password", "csrf_token": token})
    assert _make_on_page(client).status_code == 400
    assert db.session.scalar(select(func.count()).select_from(ApiToken)) == 0


def test_a_revoked_token_is_refused_at_once(client, login, member, make_token, db):
    raw = make_token("ann")
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"}).status_code == 200
    login("ann")
    token_id = db.session.scalar(select(ApiToken.id))
    assert client.post(f"/settings/tokens/{token_id}/revoke").status_code == 302
    refused = client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})
    assert refused.status_code == 401 and "revoked" in refused.json["detail"]
    assert "You have no tokens." in client.get("/settings/tokens").get_data(as_text=True)


def test_nobody_revokes_someone_elses_token(client, login, member, make_token, db):
    raw = make_token("ann")
    login("bob")
    token_id = db.session.scalar(select(ApiToken.id))
    assert client.post(f"/settings/tokens/{token_id}/revoke").status_code == 404
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"}).status_code == 200


@pytest.mark.parametrize("header", [None, "Bearer", "Basic YW5uOnB3", "Bearer askw_nope", "Bearer " + "x" * 5000,
                                    "Bearer askw_abcdefgh_" + "A" * 43])
def test_missing_or_bad_tokens_get_401_problems(client, member, header):
    response = client.get("/api/v1/me", headers={"Authorization": header} if header else {})
    assert response.status_code == 401 and response.mimetype == "application/problem+json"
    assert response.json["detail"] and response.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_login_cookie_never_logs_in_on_the_api(client, login, community, db):
    login("ann")
    assert client.get("/").status_code == 200
    response = client.post(f"/api/v1/threads/{community['thread']}/posts", json={"body": "Via the cookie"})
    assert response.status_code == 401 and "cookie" in response.json["detail"]
    assert "Set-Cookie" not in response.headers
    assert db.session.scalar(select(Thread.reply_count).where(Thread.id == community["thread"])) == 0


def test_a_token_with_a_cookie_sets_no_cookie(client, login, member, make_token):
    login("ann")
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {make_token('bob')}"})
    assert response.json["username"] == "bob" and "Set-Cookie" not in response.headers


def test_a_read_token_cannot_write(client, community, make_token, db):
    raw = make_token("bob", "read")
    headers = {"Authorization": f"Bearer {raw}"}
    assert client.get(f"/api/v1/threads/{community['thread']}", headers=headers).status_code == 200
    response = client.post(f"/api/v1/threads/{community['thread']}/posts", json={"body": "Hello"}, headers=headers)
    assert response.status_code == 403 and "read+write" in response.json["detail"]
    assert db.session.scalar(select(Thread.reply_count).where(Thread.id == community["thread"])) == 0


@pytest.mark.parametrize("sanction", ["banned_at", "suspended_until"])
def test_a_suspended_or_banned_members_tokens_stop_at_once(app, client, member, make_token, db, sanction):
    raw = make_token("ann")
    headers = {"Authorization": f"Bearer {raw}"}
    assert client.get("/api/v1/me", headers=headers).status_code == 200
    user = db.session.scalar(select(User).where(User.username == "ann"))
    setattr(user, sanction, utcnow() + timedelta(days=3))
    db.session.commit()
    refused = client.get("/api/v1/me", headers=headers)
    assert refused.status_code == 401 and ("banned" in refused.json["detail"] or "suspended" in refused.json["detail"])


def test_last_use_is_written_after_the_response_at_most_once_a_minute(client, member, make_token, db):
    headers = {"Authorization": f"Bearer {make_token('ann')}"}
    assert client.get("/api/v1/me", headers=headers).json["token"]["last_used_at"] is None
    first = db.session.scalar(select(ApiToken.last_used_at))
    assert first is not None
    client.get("/api/v1/me", headers=headers)
    assert db.session.scalar(select(ApiToken.last_used_at)) == first
    row = db.session.scalar(select(ApiToken))
    row.last_used_at = first - timedelta(minutes=2)
    db.session.commit()
    client.get("/api/v1/me", headers=headers)
    assert db.session.scalar(select(ApiToken.last_used_at)) > first - timedelta(minutes=1)


def test_tokens_are_in_the_data_export_without_secrets_and_go_with_the_account(client, login, member, make_token, db):
    raw = make_token("ann", name="Clinic dashboard")
    login("ann")
    export = client.get("/settings/account/data.json").get_data(as_text=True)
    assert "Clinic dashboard" in export and raw not in export
    row = db.session.scalar(select(ApiToken))
    assert row.secret_hash not in export
    client.post("/settings/account/delete", data={"password": "a-long-test-password"})
    assert db.session.scalar(select(func.count()).select_from(ApiToken)) == 0
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"}).status_code == 401


def test_at_most_twenty_live_tokens(app, member, make_token):
    from forum.actions import ActionError

    for i in range(20):
        make_token("ann", name=f"app {i}")
    with pytest.raises(ActionError, match="revoke one"):
        make_token("ann")
