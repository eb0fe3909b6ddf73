"""The API names no one for an anonymous thread or post: author null, ``anonymous`` true, the
username nowhere in the JSON (threads, posts, revisions, group lists, search, profiles)."""
import pytest
from sqlalchemy import select

from forum.actions.posts import edit_post, post_reply, start_thread
from forum.extensions import db as _db
from forum.models import Group, User

WHO = "quillonius"


@pytest.fixture
def anonymous(app, make_user, make_group, add_member):
    make_user(WHO)
    make_user("bob")
    slug = make_group("Living with HIV")
    add_member(WHO, slug)
    add_member("bob", slug)
    with app.test_request_context():
        group = _db.session.scalar(select(Group).where(Group.slug == slug))
        group.allows_anonymous = True
        author = _db.session.scalar(select(User).where(User.username == WHO))
        thread = start_thread(author, group, "discussion", "Telling my employer about my status",
                              "Has anyone had to tell their employer?", anonymous=True)
        reply = post_reply(author, thread, "Replying anonymously in my own thread.", anonymous=True)
        edit_post(author, reply, "Replying anonymously in my own thread, edited.")
        return {"slug": slug, "thread": thread.id, "reply": reply.id}


def _no_name(response):
    assert response.status_code == 200
    assert WHO not in response.get_data(as_text=True)
    return response.json


def test_threads_and_posts_have_no_author(api_as, anonymous):
    bob = api_as("bob")
    thread = _no_name(bob.get(f"/api/v1/threads/{anonymous['thread']}"))
    assert thread["author"] is None and thread["anonymous"] is True
    assert all(p["author"] is None and p["anonymous"] for p in thread["posts"]["items"])
    post = _no_name(bob.get(f"/api/v1/posts/{anonymous['reply']}"))
    assert post["author"] is None and post["anonymous"] is True
    revisions = _no_name(bob.get(f"/api/v1/posts/{anonymous['reply']}/revisions"))
    assert [r["editor"] for r in revisions["revisions"]] == [None]
    listed = _no_name(bob.get(f"/api/v1/groups/{anonymous['slug']}/threads"))
    assert listed["threads"][0]["author"] is None and listed["threads"][0]["anonymous"] is True


def test_search_and_profiles_name_no_one(api_as, anonymous):
    bob = api_as("bob")
    results = _no_name(bob.get("/api/v1/search?q=employer"))
    assert results["hits"] and all(h["author"] is None and h["anonymous"] for h in results["hits"])
    profile = _no_name_profile(bob)
    assert profile["recent_posts"] == []


def _no_name_profile(client):
    response = client.get(f"/api/v1/users/{WHO}")
    assert response.status_code == 200
    data = response.json
    assert "Telling my employer" not in response.get_data(as_text=True)
    return data


def test_writing_anonymously_through_the_api_where_the_group_allows_it(app, api_as, anonymous, make_group,
                                                                       add_member):
    author = api_as(WHO)
    created = author.post(f"/api/v1/groups/{anonymous['slug']}/threads", json={
        "kind": "discussion", "title": "An anonymous thread from my phone app",
        "body": "Written through the API, anonymously.", "anonymous": True})
    assert created.status_code == 201 and created.json["anonymous"] is True and created.json["author"] is None
    reply = author.post(f"/api/v1/threads/{created.json['id']}/posts",
                        json={"body": "And an anonymous reply.", "anonymous": True})
    assert reply.status_code == 201 and reply.json["anonymous"] is True
    plain = make_group("Open Chat")
    add_member(WHO, plain)
    forged = author.post(f"/api/v1/groups/{plain}/threads", json={
        "kind": "discussion", "title": "A forged anonymous thread", "body": "Should carry my name.",
        "anonymous": True})
    assert forged.status_code == 201 and forged.json["anonymous"] is False
    assert forged.json["author"]["username"] == WHO
