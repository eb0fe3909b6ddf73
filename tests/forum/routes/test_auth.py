"""Registering, logging in and out, with good and bad input."""
import re

import pytest
from sqlalchemy import select

from forum.models import User

GOOD = {"username": "maya_r", "email": "Maya@Example.com", "password": "a-long-password-1",
        "confirm": "a-long-password-1"}


def _confirm_link(message) -> str:
    body = message.get_payload(decode=True).decode()
    return re.search(r"http://localhost(/register/confirm/\S+)", body).group(1)


def test_register_emails_a_link_that_confirms_and_logs_in(client, db, mailbox):
    response = client.post("/register", data=GOOD)
    assert response.status_code == 200 and "Check your email" in response.get_data(as_text=True)
    user = db.session.scalar(select(User).where(User.username_key == "maya_r"))
    assert user.email == "maya@example.com" and user.email_confirmed_at is None
    assert user.password_hash.startswith("$argon2id$") and GOOD["password"] not in user.password_hash
    assert "Log in" in client.get("/").get_data(as_text=True), "not logged in before confirming"
    refused = client.post("/login", data={"identifier": "maya_r", "password": GOOD["password"]})
    assert refused.status_code == 400 and "confirm your email" in refused.get_data(as_text=True)
    [message] = mailbox()
    assert message["To"] == "maya@example.com"
    link = _confirm_link(message)
    page = client.get(link)
    assert page.status_code == 200 and "Confirm and log in" in page.get_data(as_text=True)
    assert db.session.get(User, user.id).email_confirmed_at is None, "opening the link writes nothing"
    assert client.post(link).status_code == 302
    assert db.session.get(User, user.id).email_confirmed_at is not None
    home = client.get("/").get_data(as_text=True)
    assert "Log out" in home and "maya_r" in home
    assert client.get(link).status_code == 400, "the link works once"


@pytest.mark.parametrize("change, message", [
    ({"username": ""}, "Choose a username."),
    ({"username": "ab"}, "Usernames are 3"),
    ({"username": "bad name!"}, "Use only letters"),
    ({"username": "x" * 500}, "Usernames are 3"),
    ({"email": "not-an-email"}, "Enter a valid email address"),
    ({"password": "short", "confirm": "short"}, "Use at least 10 characters."),
    ({"confirm": "something-else-entirely"}, "The two passwords do not match."),
    ({"username": "<script>alert(1)</script>"}, "Use only letters"),
])
def test_register_refuses_bad_input_with_a_clear_message_and_keeps_it(client, db, change, message):
    data = {**GOOD, **change}
    response = client.post("/register", data=data)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page
    assert "<script>alert(1)</script>" not in page
    assert db.session.scalar(select(User)) is None
    if change.get("username") and len(change["username"]) < 100 and "<" not in change["username"]:
        assert f'value="{change["username"]}"' in page


def test_register_refuses_a_taken_username_in_any_case(client, make_user):
    make_user("maya_r")
    response = client.post("/register", data={**GOOD, "username": "MAYA_R", "email": "other@example.com"})
    assert response.status_code == 400
    assert "That username is taken" in response.get_data(as_text=True)


def test_a_taken_email_gets_the_same_answer_and_its_owner_an_email(client, db, make_user, mailbox):
    """Sign-up never confirms that an address has an account (it once said "cannot be used")."""
    make_user("someone")
    taken = client.post("/register", data={**GOOD, "email": "SOMEONE@example.com"})
    fresh = client.post("/register", data={**GOOD, "username": "maya_s", "email": "maya.s@example.com"})
    assert taken.status_code == fresh.status_code == 200

    def text(response):
        return re.sub(r'[\w.]+@example\.com|(?:nonce|value)="[^"]*"', "", response.get_data(as_text=True))
    assert text(taken) == text(fresh)
    assert db.session.scalar(select(User).where(User.username_key == "maya_r")) is None, "nothing created"
    sent = {message["To"]: message for message in mailbox()}
    owner_mail, new_mail = sent["someone@example.com"], sent["maya.s@example.com"]
    assert "tried to" in owner_mail["Subject"]
    assert "/login" in owner_mail.get_payload(decode=True).decode()
    assert "Confirm" in new_mail["Subject"] and len(sent) == 2


def test_login_with_username_or_email_and_logout(client, make_user):
    make_user("maya_r")
    assert client.post("/login", data={"identifier": "Maya_R", "password": "a-long-test-password"}).status_code == 302
    assert "Log out" in client.get("/").get_data(as_text=True)
    assert client.post("/logout").status_code == 302
    assert "Log in" in client.get("/").get_data(as_text=True)
    response = client.post("/login", data={"identifier": "maya_r@example.com", "password": "a-long-test-password"})
    assert response.status_code == 302


def test_login_errors_do_not_reveal_which_accounts_exist(client, make_user):
    make_user("maya_r")
    wrong_password = client.post("/login", data={"identifier": "maya_r", "password": "wrong-password!"})
    no_account = client.post("/login", data={"identifier": "nobody_here", "password": "wrong-password!"})
    assert wrong_password.status_code == no_account.status_code == 400
    message = "That username or email and password do not match an account."
    assert message in wrong_password.get_data(as_text=True)
    assert message in no_account.get_data(as_text=True)


@pytest.mark.parametrize("data", [{}, {"identifier": "", "password": ""}, {"identifier": "x" * 10_000, "password": "y"}])
def test_login_with_empty_or_huge_input_gets_a_message_not_an_error(client, data):
    response = client.post("/login", data=data)
    assert response.status_code == 400
    assert "error-summary" in response.get_data(as_text=True)


def test_imported_accounts_without_a_password_cannot_log_in(client, db):
    db.session.add(User(username="imported", username_key="imported", email="i@example.com", password_hash=None))
    db.session.commit()
    response = client.post("/login", data={"identifier": "imported", "password": ""})
    assert response.status_code == 400
    assert client.get("/settings/profile").status_code == 302, "nobody is logged in"


def test_login_redirects_only_to_local_pages(client, make_user):
    make_user("maya_r")
    response = client.post("/login?next=https://evil.example/", data={"identifier": "maya_r",
                                                                       "password": "a-long-test-password"})
    assert response.headers["Location"] == "/"
    client.post("/logout")
    response = client.post("/login?next=/groups", data={"identifier": "maya_r", "password": "a-long-test-password"})
    assert response.headers["Location"] == "/groups"


def test_logout_is_post_only(client, make_user, login):
    make_user("maya_r")
    login("maya_r")
    assert client.get("/logout").status_code == 405
    assert "Log out" in client.get("/").get_data(as_text=True)


def test_profile_edit(client, make_user, login):
    make_user("maya_r")
    login("maya_r")
    response = client.post("/settings/profile", data={"display_name": "Maya R.", "bio": "Type 1 since 2009."})
    assert response.status_code == 302
    page = client.get("/u/maya_r").get_data(as_text=True)
    assert "Maya R." in page and "Type 1 since 2009." in page
    response = client.post("/settings/profile", data={"display_name": "M", "bio": "x" * 5000})
    assert response.status_code == 400
    assert "Keep your bio to 1000 characters" in response.get_data(as_text=True)


def test_profile_bio_is_escaped(client, make_user, login):
    make_user("maya_r")
    login("maya_r")
    client.post("/settings/profile", data={"display_name": "<b>M</b>", "bio": "<script>alert(1)</script>"})
    page = client.get("/u/maya_r").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


def test_banned_or_suspended_accounts_cannot_log_in(client, db, make_user):
    from datetime import timedelta

    from forum.models import utcnow

    uid = make_user("maya_r")
    user = db.session.get(User, uid)
    user.suspended_until = utcnow() + timedelta(days=3)
    db.session.commit()
    response = client.post("/login", data={"identifier": "maya_r", "password": "a-long-test-password"})
    assert response.status_code == 400 and "suspended or banned" in response.get_data(as_text=True)
    user = db.session.get(User, uid)
    user.suspended_until = utcnow() - timedelta(days=1)
    db.session.commit()
    assert client.post("/login", data={"identifier": "maya_r", "password": "a-long-test-password"}).status_code == 302
