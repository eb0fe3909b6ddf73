"""A member downloads their data as JSON and deletes their account."""
import json

import pytest
from sqlalchemy import func, select

from forum.models import Group, Membership, Post, PostRevision, Thread, User, UserSession
from tests.conftest import PASSWORD


@pytest.fixture
def community(app, make_user, make_group, add_member, make_thread):
    from forum.actions.posts import edit_post, post_reply
    from forum.extensions import db

    make_user("ann")
    make_user("bob")
    public = make_group("Heart Health")
    private = make_group("Living with HIV", private=True)
    for name in ("ann", "bob"):
        add_member(name, public)
        add_member(name, private)
    own = make_thread("ann", public, title="My own question about statins", body="Ann's opening words")
    theirs = make_thread("bob", private, title="Bob's private thread title", body="Bob's words")
    with app.app_context():
        ann = db.session.scalar(select(User).where(User.username == "ann"))
        reply = post_reply(ann, db.session.get(Thread, theirs), "Ann's reply in private")
        edit_post(ann, reply, "Ann's reply, edited")
        post_reply(db.session.scalar(select(User).where(User.username == "bob")),
                   db.session.get(Thread, own), "Bob answers Ann")
    return {"public": public, "private": private, "own": own, "theirs": theirs}


def test_download_contains_my_data_only(client, login, community, db):
    login("ann")
    response = client.get("/settings/account/data.json")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    data = json.loads(response.get_data(as_text=True))
    assert data["profile"]["username"] == "ann" and data["profile"]["email"] == "ann@example.com"
    assert {m["group_slug"] for m in data["memberships"]} == {"heart-health", "living-with-hiv"}
    texts = {p["text"] for p in data["posts"]}
    assert texts == {"Ann's opening words", "Ann's reply, edited"}
    reply = next(p for p in data["posts"] if p["text"] == "Ann's reply, edited")
    assert reply["thread_title"] == "Bob's private thread title"
    assert [v["text"] for v in reply["earlier_versions"]] == ["Ann's reply in private"]
    assert "Bob answers Ann" not in response.get_data(as_text=True)
    assert "bob@example.com" not in response.get_data(as_text=True)
    assert len(data["sessions"]) == 1


def test_after_leaving_a_private_group_its_titles_are_not_exported(client, login, community):
    login("ann")
    client.post(f"/groups/{community['private']}/leave")
    body = client.get("/settings/account/data.json").get_data(as_text=True)
    assert "Bob's private thread title" not in body
    assert "Ann's reply, edited" in body, "her own words are still hers"


def test_download_needs_login(client):
    response = client.get("/settings/account/data.json")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert "application/json" not in response.headers.get("Content-Type", "")


def _counts(db, slug):
    group = db.session.scalar(select(Group).where(Group.slug == slug))
    return group.member_count


def test_delete_account_anonymizes_posts_by_default(client, login, community, db):
    login("ann")
    members_before = _counts(db, community["public"])
    wrong = client.post("/settings/account/delete", data={"password": "not-my-password"})
    assert wrong.status_code == 400 and "not right" in wrong.get_data(as_text=True)
    assert db.session.scalar(select(User).where(User.username == "ann")) is not None

    response = client.post("/settings/account/delete", data={"password": PASSWORD})
    assert response.status_code == 302
    assert db.session.scalar(select(User).where(User.username == "ann")) is None
    assert db.session.scalar(select(func.count()).select_from(UserSession)) == 0
    assert _counts(db, community["public"]) == members_before - 1
    assert db.session.scalar(select(func.count()).select_from(Membership)
                             .where(Membership.group_id == select(Group.id).where(
                                 Group.slug == community["public"]).scalar_subquery())) == members_before - 1
    page = client.get(f"/t/{community['own']}").get_data(as_text=True)
    assert "Ann's opening words" in page and "A former member" in page and "Bob answers Ann" in page
    assert "Log in" in page, "the deleted account is logged out"
    assert client.post("/login", data={"identifier": "ann", "password": PASSWORD}).status_code == 400


def test_delete_account_can_remove_the_posts_too(client, login, community, db):
    login("ann")
    thread = db.session.get(Thread, community["theirs"])
    replies_before = thread.reply_count
    response = client.post("/settings/account/delete", data={"password": PASSWORD, "remove_posts": "y"})
    assert response.status_code == 302
    assert db.session.scalar(select(func.count()).select_from(Post).where(
        Post.body_source.like("Ann%"))) == 0
    assert db.session.scalar(select(func.count()).select_from(PostRevision)) == 0
    assert db.session.get(Thread, community["theirs"]).reply_count == replies_before - 1
    login("bob")
    page = client.get(f"/t/{community['own']}").get_data(as_text=True)
    assert "This post was deleted" in page and "Bob answers Ann" in page
    assert "My own question about statins" in page


def test_the_only_admin_cannot_delete_their_account(client, make_user, login, db):
    from forum.models import Role

    make_user("root", role=Role.ADMIN)
    login("root")
    response = client.post("/settings/account/delete", data={"password": PASSWORD})
    assert response.status_code == 400 and "only admin" in response.get_data(as_text=True)


def test_account_page_lists_sessions_and_offers_the_actions(client, make_user, login):
    make_user("ann")
    login("ann")
    page = client.get("/settings/account", headers={"User-Agent": "TestBrowser/1.0"}).get_data(as_text=True)
    assert "Download my data" in page and "Delete my account" in page and "(this browser)" in page
    assert client.post("/settings/account/delete", data={}).status_code == 400
