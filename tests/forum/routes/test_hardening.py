"""Hardening from the outside security test: HSTS, no caching of logged-in pages, one device
logged out at a time, the development mailbox only in development, stale sign-ups forgotten."""
from datetime import timedelta

from sqlalchemy import func, select

from forum.models import User, UserSession, utcnow
from tests.conftest import PASSWORD
from tests.forum.apps import other_app


def test_hsts_only_when_served_over_https(app, app_config):
    with other_app(app_config) as plain_app:
        plain = plain_app.test_client().get("/")
    assert "Strict-Transport-Security" not in plain.headers
    with other_app({**app_config, "SESSION_COOKIE_SECURE": True}) as secure_app:
        secure = secure_app.test_client().get("/")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_logged_in_pages_are_never_stored(client, make_user, login):
    make_user("ann")
    assert "no-store" not in client.get("/groups").headers.get("Cache-Control", "")
    login("ann")
    assert client.get("/groups").headers["Cache-Control"] == "private, no-store"
    assert client.get("/settings/account").headers["Cache-Control"] == "private, no-store"


def test_a_member_logs_out_one_other_device(app, client, db, make_user, login):
    make_user("ann")
    phone = app.test_client()
    login("ann", c=phone)
    login("ann")
    page = client.get("/settings/account").get_data(as_text=True)
    assert page.count("Log out<span") == 1, "every device but this one has a button"
    sessions = db.session.scalars(select(UserSession)).all()
    assert not any(s.id in page for s in sessions), "the secret session ids never reach the page"
    phone_session = next(s for s in sessions if s.handle in page)
    assert client.post(f"/settings/sessions/{phone_session.handle}/end").status_code == 302
    assert phone.get("/settings/profile").status_code == 302, "the phone is logged out"
    assert client.get("/settings/profile").status_code == 200, "this browser is not"
    assert client.post("/settings/sessions/0123456789abcdef/end").status_code == 404


def test_someone_elses_session_cannot_be_ended(app, client, db, make_user, login):
    make_user("ann")
    make_user("bob")
    bob = app.test_client()
    login("bob", c=bob)
    login("ann")
    bobs = db.session.scalar(select(UserSession).join(User).where(User.username == "bob"))
    assert client.post(f"/settings/sessions/{bobs.handle}/end").status_code == 404
    assert bob.get("/settings/profile").status_code == 200


def test_the_development_mailbox_is_off_unless_asked_and_never_with_real_mail(app, app_config, client):
    assert client.get("/dev/mailbox").status_code == 404
    with other_app({**app_config, "DEV_MAILBOX": True}) as dev_app, \
            other_app({**app_config, "DEV_MAILBOX": True, "MAIL_SERVER": "smtp.example.org"}) as real_app:
        dev = dev_app.test_client()
        dev.post("/password/forgot", data={"email": "nobody@example.com"})
        assert dev.get("/dev/mailbox").status_code == 200
        assert real_app.test_client().get("/dev/mailbox").status_code == 404
        assert dev.get("/dev/mailbox/..%2Fsecret_key").status_code == 404


def test_unconfirmed_sign_ups_are_forgotten_after_their_link_expires(app, client, db, runner, mailbox):
    client.post("/register", data={"username": "late_lu", "email": "lu@example.com", "password": PASSWORD,
                                   "confirm": PASSWORD})
    user = db.session.scalar(select(User).where(User.username == "late_lu"))
    assert runner.invoke(args=["users", "forget-unconfirmed"]).output.startswith("Forgot 0 ")
    user.created_at = utcnow() - timedelta(days=8)
    db.session.commit()
    assert runner.invoke(args=["users", "forget-unconfirmed"]).output.startswith("Forgot 1 ")
    assert db.session.scalar(select(func.count()).select_from(User)) == 0
