"""Every state change needs a valid CSRF token."""
import pytest

from tests.conftest import csrf_token_from
from tests.forum.routes.test_csrf_walk import _snapshot


@pytest.fixture
def setup(csrf_app, make_user, make_group, make_thread):
    make_user("ann")
    make_user("root", role=__import__("forum.models", fromlist=["Role"]).Role.ADMIN)
    slug = make_group("Heart Health")
    thread_id = make_thread("ann", slug)
    return slug, thread_id


def _login(client, username):
    token = csrf_token_from(client.get("/login").get_data(as_text=True))
    response = client.post("/login", data={"identifier": username, "password": "a-long-test-password",
                                           "csrf_token": token})
    assert response.status_code == 302


def test_login_and_register_refuse_requests_without_a_token(client, setup):
    assert client.post("/login", data={"identifier": "ann", "password": "a-long-test-password"}).status_code == 400
    response = client.post("/register", data={"username": "newbie", "email": "n@example.com",
                                              "password": "a-long-password-1", "confirm": "a-long-password-1"})
    assert response.status_code == 400
    assert "This form has expired" in response.get_data(as_text=True)


@pytest.mark.parametrize("path, data", [
    ("/logout", {}),
    ("/groups/heart-health/join", {}),
    ("/groups/heart-health/leave", {}),
    ("/groups/heart-health/new", {"kind": "question", "title": "A question without a token", "body": "b"}),
    ("/t/{thread}/reply", {"body": "reply without token"}),
    ("/p/1/edit", {"title": "A changed title here", "body": "changed"}),
    ("/p/1/delete", {}),
    ("/settings/profile", {"display_name": "Changed", "bio": ""}),
    ("/preferences/font-size", {"size": "large"}),
    ("/admin/users/1/role", {"role": "admin"}),
])
def test_state_changes_without_a_token_are_refused(client, setup, path, data, db):
    _, thread_id = setup
    _login(client, "root" if path.startswith("/admin") else "ann")
    path = path.format(thread=thread_id)
    before = _snapshot(db)
    assert client.post(path, data=data).status_code == 400
    assert client.post(path, data={**data, "csrf_token": "forged"}).status_code == 400
    assert _snapshot(db) == before, "nothing changed"
    assert client.get("/settings/profile").status_code == 200, "still logged in (the logout was refused too)"


def test_a_valid_token_is_accepted(client, setup):
    _, thread_id = setup
    _login(client, "ann")
    page = client.get(f"/t/{thread_id}").get_data(as_text=True)
    response = client.post(f"/t/{thread_id}/reply", data={"body": "With a token", "csrf_token": csrf_token_from(page)})
    assert response.status_code == 302
    assert "With a token" in client.get(f"/t/{thread_id}").get_data(as_text=True)


def test_every_form_on_a_thread_page_carries_the_token_and_it_works(
        app, client, setup, make_user, add_member):
    """The thread page renders its hidden CSRF input once and reuses it in every post's forms."""
    import re

    from forum.actions.posts import post_reply
    from forum.extensions import db
    from forum.models import HelpfulVote, Post, Thread, User

    slug, thread_id = setup
    make_user("bob")
    add_member("ann", slug)
    add_member("bob", slug)
    with app.app_context():
        bob = db.session.scalar(db.select(User).where(User.username == "bob"))
        thread = db.session.get(Thread, thread_id)
        answer_id = post_reply(bob, thread, "Ask your nurse about it.", screen=False).id
    _login(client, "ann")
    page = client.get(f"/t/{thread_id}").get_data(as_text=True)
    forms = re.findall(r'<form method="post"(.*?)</form>', page, re.S)
    assert len(forms) >= 3  # helpful and accept on the answer, the reply box
    token = csrf_token_from(page)
    assert all(f'value="{token}"' in form for form in forms)
    assert client.post(f"/p/{answer_id}/helpful", data={"csrf_token": token}).status_code == 302
    with app.app_context():
        assert db.session.scalar(db.select(HelpfulVote).where(HelpfulVote.post_id == answer_id)) is not None
        assert db.session.get(Post, answer_id).helpful_count == 1
