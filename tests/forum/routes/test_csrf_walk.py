"""Walk every state-changing route in the URL map: without a valid CSRF token,
each is refused with 400 and nothing in the database changes. The API's routes take
no cookies at all: a logged-in browser without a token is refused with 401.

The walk logs in as an admin (who may use every route), so a refusal proves
the token check, not a missing permission.
"""
import pytest
from sqlalchemy import select

from forum.extensions import db as _db
from tests.conftest import PASSWORD, csrf_token_from
from tests.forum.routes.route_walk import STATE_CHANGING, build_walk_community, urls_for, walkable_rules

SIGNED_TOKEN_ROUTES = {"notifications.unsubscribe"}


@pytest.fixture
def community(csrf_app, make_user, make_group, add_member, make_thread):
    return build_walk_community(csrf_app, make_user, make_group, add_member, make_thread)


def _snapshot(db) -> dict:
    return {table.name: sorted(map(repr, db.session.execute(select(table)).all()))
            for table in _db.metadata.sorted_tables}


def _login_with_token(client, username):
    token = csrf_token_from(client.get("/login").get_data(as_text=True))
    response = client.post("/login", data={"identifier": username, "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302


def test_every_state_changing_route_refuses_requests_without_a_valid_token(csrf_app, client, community, db):
    _login_with_token(client, "root")
    rules = walkable_rules(csrf_app, STATE_CHANGING)
    assert len(rules) >= 10, "the walk should find the app's forms"
    before = _snapshot(db)
    walked = []
    for rule in rules:
        for values in (community.public, community.private):
            for url in urls_for(rule, {**values, "user_id": community.private["pending_user_id"]}):
                # The API takes no cookies: without a token it is 401 before anything runs.
                expected = 401 if rule.rule.startswith("/api/") else 400
                # One-click unsubscribe (RFC 8058) is posted by mail clients: its signed token is
                # the proof, so a made-up one is an unknown page and changes nothing.
                expected = 404 if rule.endpoint in SIGNED_TOKEN_ROUTES else expected
                for method in sorted(rule.methods & STATE_CHANGING):
                    for data in ({}, {"csrf_token": "forged"}, {"csrf_token": "x" * 5000}):
                        response = client.open(url, method=method, data=data)
                        assert response.status_code == expected, \
                            f"{method} {url} ({rule.endpoint}) with {list(data) or 'no token'} " \
                            f"answered {response.status_code}"
                    walked.append(rule.endpoint)
    assert _snapshot(db) == before, "a refused request changed the database"
    assert "/u/root" in client.get("/").get_data(as_text=True), "still logged in: logout was refused too"
    assert {"auth.logout", "threads.reply", "profiles.delete", "admin.set_role", "profiles.create_api_token",
            "api_threads.reply"} <= set(walked)


def test_a_token_from_another_session_is_refused(csrf_app, community):
    alice_browser, mallory_browser = csrf_app.test_client(), csrf_app.test_client()
    _login_with_token(alice_browser, "ann")
    _login_with_token(mallory_browser, "nina")
    mallorys_token = csrf_token_from(mallory_browser.get("/").get_data(as_text=True))
    response = alice_browser.post("/settings/profile", data={"display_name": "Hacked", "bio": "",
                                                             "csrf_token": mallorys_token})
    assert response.status_code == 400
    assert "Hacked" not in alice_browser.get("/u/ann").get_data(as_text=True), "the profile is unchanged"
