"""Password rules, reset by email, change, and login throttling."""
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from forum.actions.accounts import common_passwords
from forum.models import User
from tests.conftest import PASSWORD
from tests.forum.apps import other_app

GOOD = {"username": "maya_r", "email": "maya@example.com", "password": "a-long-password-1",
        "confirm": "a-long-password-1"}
NEW = "purple-kettle-harbour"


def _link(message) -> str:
    body = message.get_payload(decode=True).decode()
    return re.search(r"http://localhost(/password/reset/\S+)", body).group(1)


def test_the_bundled_list_has_at_least_ten_thousand_passwords():
    common = common_passwords()
    assert len(common) >= 10_000
    assert {"password", "123456", "iloveyou"} <= common


@pytest.mark.parametrize("password", ["password1234", "Password1234", "1234567890", "qwertyuiop"])
def test_common_passwords_are_refused_at_registration(client, db, password):
    response = client.post("/register", data={**GOOD, "password": password, "confirm": password})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "one of the most common" in page
    assert 'value="maya_r"' in page, "what the person typed is kept"
    assert db.session.scalar(select(User)) is None


def test_the_reset_mail_is_sent_after_the_reply(client, make_user, mailbox):
    """The answer goes out first, so it takes as long for a known address as for an unknown one."""
    make_user("ann")
    response = client.post("/password/forgot", data={"email": "ann@example.com"}, buffered=False)
    assert response.status_code == 302 and mailbox() == []
    response.close()  # what the server does once the reply is sent
    assert [m["To"] for m in mailbox()] == ["ann@example.com"]


def test_forgot_password_emails_a_single_use_link(client, make_user, mailbox, db):
    make_user("ann")
    response = client.post("/password/forgot", data={"email": "ANN@example.com"})
    assert response.status_code == 302
    (message,) = mailbox()
    assert message["To"] == "ann@example.com"
    link = _link(message)
    page = client.get(link)
    assert page.status_code == 200 and "Choose a new password" in page.get_data(as_text=True)

    weak = client.post(link, data={"password": "password123", "confirm": "password123"})
    assert weak.status_code == 400 and "one of the most common" in weak.get_data(as_text=True)
    assert client.post(link, data={"password": NEW, "confirm": NEW}).status_code == 302
    assert client.post("/login", data={"identifier": "ann", "password": PASSWORD}).status_code == 400
    assert client.post("/login", data={"identifier": "ann", "password": NEW}).status_code == 302
    client.post("/logout")

    used = client.post(link, data={"password": "another-fine-secret", "confirm": "another-fine-secret"})
    assert used.status_code == 400 and "no longer works" in used.get_data(as_text=True)
    assert client.post("/login", data={"identifier": "ann", "password": NEW}).status_code == 302


def test_reset_links_expire(app, client, make_user, mailbox):
    make_user("ann")
    client.post("/password/forgot", data={"email": "ann@example.com"})
    link = _link(mailbox()[0])
    app.config["PASSWORD_RESET_MAX_AGE"] = -1
    expired = client.get(link)
    assert expired.status_code == 400 and 'name="password"' not in expired.get_data(as_text=True)
    assert client.post(link, data={"password": NEW, "confirm": NEW}).status_code == 400
    assert client.post("/login", data={"identifier": "ann", "password": NEW}).status_code == 400, \
        "the expired link changed nothing"


@pytest.mark.parametrize("token", ["nonsense", "x" * 3000, "eyJ1IjoxLCJoIjoiYWJjIn0.forged.sig"])
def test_forged_or_mangled_tokens_are_refused(client, make_user, token):
    make_user("ann")
    response = client.get(f"/password/reset/{token}")
    assert response.status_code == 400 and "no longer works" in response.get_data(as_text=True)


def test_forgot_password_does_not_reveal_which_addresses_exist(client, make_user, mailbox):
    make_user("ann")
    known = client.post("/password/forgot", data={"email": "ann@example.com"}, follow_redirects=True)
    unknown = client.post("/password/forgot", data={"email": "nobody@example.com"}, follow_redirects=True)
    assert known.status_code == unknown.status_code == 200
    assert "If an account uses that address" in known.get_data(as_text=True)
    # The same page, but for the CSRF tokens (signed with the second they were made in).
    def without_tokens(page):
        return re.sub(r'(name="csrf_token"[^>]*value=")[^"]+', r"\1", page.get_data(as_text=True))
    assert without_tokens(known) == without_tokens(unknown)
    assert len(mailbox()) == 1


@pytest.mark.parametrize("value", ["", "not-an-email", "a@" + "b" * 400 + ".com"])
def test_forgot_password_with_bad_input_explains(client, value):
    response = client.post("/password/forgot", data={"email": value})
    assert response.status_code == 400
    assert "error" in response.get_data(as_text=True)


def test_an_imported_account_sets_its_first_password_by_reset(client, db, mailbox):
    db.session.add(User(username="imported", username_key="imported", email="imp@example.com", password_hash=None))
    db.session.commit()
    client.post("/password/forgot", data={"email": "imp@example.com"})
    link = _link(mailbox()[0])
    assert client.post(link, data={"password": NEW, "confirm": NEW}).status_code == 302
    client.post("/logout")
    assert client.post("/login", data={"identifier": "imported", "password": NEW}).status_code == 302
    assert client.get("/settings/profile").status_code == 200, "logged in with the new password"


def test_mail_goes_through_smtp_when_configured(app, make_user, monkeypatch, tmp_path):
    import smtplib

    sent = []

    class FakeSMTP:
        def __init__(self, host, port, timeout):
            sent.append(("connect", host, port))

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def starttls(self):
            sent.append(("starttls",))

        def login(self, user, password):
            sent.append(("login", user, password))

        def send_message(self, message):
            sent.append(("send", message["To"]))

    monkeypatch.setattr(smtplib, "SMTP", FakeSMTP)
    app.config.update(MAIL_SERVER="smtp.example.org", MAIL_PORT=2525, MAIL_USERNAME="u", MAIL_PASSWORD="p",
                      MAIL_DIR=str(tmp_path / "unused"))
    make_user("ann")
    app.test_client().post("/password/forgot", data={"email": "ann@example.com"})
    assert sent == [("connect", "smtp.example.org", 2525), ("starttls",), ("login", "u", "p"),
                    ("send", "ann@example.com")]
    assert not Path(tmp_path / "unused").exists()


def test_a_mail_server_failure_shows_the_same_message(app, make_user, monkeypatch):
    import smtplib

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr(smtplib, "SMTP", refuse)
    app.config["MAIL_SERVER"] = "127.0.0.1"
    make_user("ann")
    response = app.test_client().post("/password/forgot", data={"email": "ann@example.com"},
                                      follow_redirects=True)
    assert "If an account uses that address" in response.get_data(as_text=True)


def test_change_password_checks_the_current_one_and_keeps_the_form(client, make_user, login):
    make_user("ann")
    login("ann")
    wrong = client.post("/settings/password", data={"current_password": "not-my-password",
                                                    "password": NEW, "confirm": NEW})
    assert wrong.status_code == 400 and "current password is not right" in wrong.get_data(as_text=True)
    mismatch = client.post("/settings/password", data={"current_password": PASSWORD,
                                                       "password": NEW, "confirm": NEW + "x"})
    assert mismatch.status_code == 400 and "do not match" in mismatch.get_data(as_text=True)
    common = client.post("/settings/password", data={"current_password": PASSWORD,
                                                     "password": "iloveyou123", "confirm": "iloveyou123"})
    assert common.status_code == 400 and "most common" in common.get_data(as_text=True)
    ok = client.post("/settings/password", data={"current_password": PASSWORD, "password": NEW, "confirm": NEW})
    assert ok.status_code == 302
    client.post("/logout")
    assert client.post("/login", data={"identifier": "ann", "password": NEW}).status_code == 302


def test_change_password_needs_login(client):
    response = client.get("/settings/password")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


class TestThrottling:
    @pytest.fixture
    def app_config(self, app_config):
        return {**app_config, "RATELIMIT_ENABLED": True,
                "LOGIN_LIMIT_ACCOUNT": "3 per minute", "LOGIN_LIMIT_ADDRESS": "6 per minute"}

    def test_failed_logins_are_throttled_per_account_and_network(self, app, make_user):
        make_user("ann")
        make_user("bob")
        client = app.test_client()
        for _ in range(3):
            assert client.post("/login", data={"identifier": "ann", "password": "wrong-password!"}).status_code == 400
        blocked = client.post("/login", data={"identifier": "ANN@example.com", "password": PASSWORD})
        assert blocked.status_code == 429
        assert int(blocked.headers["Retry-After"]) > 0
        assert "Try again in 1 minute" in blocked.get_data(as_text=True)
        assert client.get("/settings/profile").status_code == 302, "not logged in"
        other = app.test_client()
        assert other.post("/login", data={"identifier": "bob", "password": PASSWORD}).status_code == 302
        # The owner, from another network, is not locked out by someone else's guesses.
        home = app.test_client()
        response = home.post("/login", data={"identifier": "ann", "password": PASSWORD},
                             environ_base={"REMOTE_ADDR": "198.51.100.20"})
        assert response.status_code == 302 and home.get("/settings/profile").status_code == 200

    def test_a_known_device_always_gets_in_with_the_right_password(self, app, make_user):
        """Guesses from the owner's own network cannot lock them out of a browser they used before."""
        make_user("ann")
        owner = app.test_client()
        assert owner.post("/login", data={"identifier": "ann", "password": PASSWORD}).status_code == 302
        owner.post("/logout")
        attacker = app.test_client()
        for _ in range(4):
            attacker.post("/login", data={"identifier": "ann", "password": "wrong-password!"})
        assert attacker.post("/login", data={"identifier": "ann", "password": PASSWORD}).status_code == 429
        assert owner.post("/login", data={"identifier": "ann", "password": PASSWORD}).status_code == 302
        assert owner.get("/settings/profile").status_code == 200

    def test_failed_logins_are_throttled_per_address(self, app, make_user):
        make_user("ann")
        client = app.test_client()
        for i in range(6):
            client.post("/login", data={"identifier": f"guess{i}", "password": "wrong-password!"})
        response = client.post("/login", data={"identifier": "ann", "password": PASSWORD})
        assert response.status_code == 429 and "Retry-After" in response.headers
        elsewhere = app.test_client()
        response = elsewhere.post("/login", data={"identifier": "ann", "password": PASSWORD},
                                  environ_base={"REMOTE_ADDR": "192.0.2.7"})
        assert response.status_code == 302

    def test_reset_emails_are_throttled_per_address_and_per_email(self, app, make_user, mailbox):
        app.config["PASSWORD_RESET_LIMIT"] = "2 per hour"
        make_user("ann")
        client = app.test_client()
        statuses = [client.post("/password/forgot", data={"email": "ann@example.com"}).status_code
                    for _ in range(3)]
        assert statuses == [302, 302, 429]
        other = app.test_client()
        response = other.post("/password/forgot", data={"email": "ANN@example.com"},
                              environ_base={"REMOTE_ADDR": "192.0.2.8"})
        assert response.status_code == 429, "the same mailbox from another address is limited too"
        assert len(mailbox()) == 2

    def test_successful_logins_are_not_counted(self, app, make_user):
        make_user("ann")
        for _ in range(5):
            client = app.test_client()
            assert client.post("/login", data={"identifier": "ann", "password": PASSWORD}).status_code == 302
            assert client.get("/settings/profile").status_code == 200


def _redis_reachable() -> bool:
    import socket

    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _redis_reachable(), reason="no Redis server on 127.0.0.1:6379")
def test_throttling_is_shared_between_workers_through_redis(app_config, make_user):
    """Two app instances stand for two gunicorn workers: the limit holds across both."""
    import secrets

    config = {**app_config, "RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379",
              "RATELIMIT_KEY_PREFIX": f"askwell-test-{secrets.token_hex(6)}", "LOGIN_LIMIT_ACCOUNT": "2 per minute"}
    make_user("ann")
    wrong = {"identifier": "ann", "password": "nope-nope-nope"}
    with other_app(config) as first, other_app(config) as second:
        assert first.test_client().post("/login", data=wrong).status_code == 400
        assert second.test_client().post("/login", data=wrong).status_code == 400
        browser = first.test_client()
        response = browser.post("/login", data={"identifier": "ann", "password": PASSWORD})
        assert response.status_code == 429 and response.headers.get("Retry-After")
        assert browser.get("/settings/profile").status_code == 302, "the throttled login did not log in"


def test_reset_links_use_site_url_not_a_forged_host(app, client, make_user, mailbox):
    app.config["SITE_URL"] = "https://askwell.example.org"
    make_user("ann")
    client.post("/password/forgot", data={"email": "ann@example.com"}, headers={"Host": "evil.example"})
    body = mailbox()[0].get_payload(decode=True).decode()
    assert "https://askwell.example.org/password/reset/" in body and "evil.example" not in body
