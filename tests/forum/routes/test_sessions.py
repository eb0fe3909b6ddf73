"""Server-side sessions: new at login, dead after logout, revoked by password and role changes."""
from http.cookies import SimpleCookie

from sqlalchemy import func, select

from forum.models import Role, UserSession
from tests.conftest import PASSWORD
from tests.forum.apps import other_app


def _cookie(client, name="session"):
    cookie = client.get_cookie(name)
    return cookie.value if cookie else None


def _logged_in_as(client, username) -> bool:
    return f"/u/{username}" in client.get("/").get_data(as_text=True)


def test_login_creates_a_new_session_and_logout_kills_a_replayed_cookie(app, client, make_user, login, db):
    make_user("ann")
    client.set_cookie("session", "planted-before-login")
    login("ann")
    stolen = _cookie(client)
    assert stolen != "planted-before-login"
    assert db.session.scalar(select(func.count()).select_from(UserSession)) == 1
    client.post("/logout")
    assert db.session.scalar(select(func.count()).select_from(UserSession)) == 0

    replay = app.test_client()
    replay.set_cookie("session", stolen)
    assert not _logged_in_as(replay, "ann")
    assert replay.get("/settings/profile").status_code == 302


def test_each_login_gets_its_own_session_id(app, make_user, login):
    make_user("ann")
    a, b = app.test_client(), app.test_client()
    login("ann", c=a)
    login("ann", c=b)
    assert _cookie(a) != _cookie(b)
    a.post("/logout")
    assert not _logged_in_as(a, "ann")
    assert _logged_in_as(b, "ann"), "logging out one browser leaves the others logged in"


def test_session_cookie_flags(app, client, make_user):
    make_user("ann")
    response = client.post("/login", data={"identifier": "ann", "password": PASSWORD, "remember": "y"})
    headers = response.headers.getlist("Set-Cookie")
    for name in ("session", "remember_token"):
        header = next(h for h in headers if h.startswith(name + "="))
        assert "HttpOnly" in header and "SameSite=Lax" in header
        assert "Secure" not in header


def test_cookies_are_secure_when_configured(app_config, make_user):
    make_user("ann")
    with other_app({**app_config, "SESSION_COOKIE_SECURE": True, "REMEMBER_COOKIE_SECURE": True}) as app:
        response = app.test_client().post("/login", base_url="https://localhost",
                                          data={"identifier": "ann", "password": PASSWORD, "remember": "y"})
    cookies = response.headers.getlist("Set-Cookie")
    assert all("Secure" in c for c in cookies if c.startswith(("session=", "remember_token=")))


def _remember_only_client(app, remember_value):
    fresh = app.test_client()
    fresh.set_cookie("remember_token", remember_value)
    return fresh


def test_remember_me_survives_a_lost_session_but_not_a_password_change(app, client, make_user):
    make_user("ann")
    response = client.post("/login", data={"identifier": "ann", "password": PASSWORD, "remember": "y"})
    remember = SimpleCookie(next(h for h in response.headers.getlist("Set-Cookie")
                                 if h.startswith("remember_token=")))["remember_token"].value
    assert _logged_in_as(_remember_only_client(app, remember), "ann")

    other = app.test_client()
    other.post("/login", data={"identifier": "ann", "password": PASSWORD})
    response = other.post("/settings/password", data={
        "current_password": PASSWORD, "password": "a-brand-new-secret-9", "confirm": "a-brand-new-secret-9"})
    assert response.status_code == 302
    assert _logged_in_as(other, "ann"), "the browser that changed the password stays logged in"
    assert not _logged_in_as(_remember_only_client(app, remember), "ann")
    assert not _logged_in_as(client, "ann")


def test_logout_also_ends_the_remember_cookie(app, client, make_user):
    make_user("ann")
    response = client.post("/login", data={"identifier": "ann", "password": PASSWORD, "remember": "y"})
    remember = SimpleCookie(next(h for h in response.headers.getlist("Set-Cookie")
                                 if h.startswith("remember_token=")))["remember_token"].value
    client.post("/logout")
    assert not _logged_in_as(_remember_only_client(app, remember), "ann")


def test_a_role_change_ends_the_persons_sessions(app, client, make_user, login, db):
    make_user("root", role=Role.ADMIN)
    ann_id = make_user("ann")
    ann = app.test_client()
    login("ann", c=ann)
    login("root")
    assert client.post(f"/admin/users/{ann_id}/role", data={"role": "moderator"}).status_code == 302
    assert not _logged_in_as(ann, "ann"), "ann logs in again to get her new privileges"
    login("ann", c=ann)
    assert _logged_in_as(ann, "ann")


def test_an_admin_changing_their_own_role_gets_a_new_session(app, client, make_user, login):
    make_user("root", role=Role.ADMIN)
    root2 = make_user("root2", role=Role.ADMIN)
    login("root2")
    before = _cookie(client)
    client.post(f"/admin/users/{root2}/role", data={"role": "member"})
    assert _logged_in_as(client, "root2")
    assert _cookie(client) != before
    replay = app.test_client()
    replay.set_cookie("session", before)
    assert not _logged_in_as(replay, "root2")


def test_a_banned_user_is_logged_out_at_once(app, client, make_user, login, db):
    from forum.models import User, utcnow

    uid = make_user("ann")
    login("ann")
    user = db.session.get(User, uid)
    user.banned_at = utcnow()
    db.session.commit()
    assert not _logged_in_as(client, "ann")


def test_malformed_session_user_ids_are_refused(app):
    from forum.actions.sessions import load_session_user

    with app.app_context():
        for value in ("", "1", "x:y", "1:", ":abc", "1:" + "z" * 500):
            assert load_session_user(value) is None


def test_the_new_pages_never_write_on_get(client, make_user, login, count_queries):
    import re

    write = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\b", re.IGNORECASE)
    make_user("ann")
    login("ann")
    for path in ("/settings/account", "/settings/account/data.json", "/settings/password",
                 "/password/forgot", "/password/reset/not-a-token", "/"):
        with count_queries() as statements:
            response = client.get(path)
        assert response.status_code in (200, 400), path
        assert [s for s in statements if write.match(s)] == [], path


def test_the_sign_out_command_ends_every_session(app, client, runner, make_user, login):
    make_user("ann")
    login("ann")
    result = runner.invoke(args=["users", "sign-out", "ANN"])
    assert result.exit_code == 0 and "Ended 1 session of ann." in result.output
    assert not _logged_in_as(client, "ann")
    missing = runner.invoke(args=["users", "sign-out", "nobody"])
    assert missing.exit_code != 0 and "No account is called 'nobody'" in missing.output
    assert "End every login session" in runner.invoke(args=["users", "sign-out", "--help"]).output
