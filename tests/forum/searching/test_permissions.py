"""Who finds what: a permission matrix, applied inside the search query."""
import pytest
from sqlalchemy import select

from forum.extensions import db as _db
from forum.models import Group, Post, Role, User, utcnow
from tests.search.conftest import opening_post_id
from tests.search.test_contract import matches, titles

PUBLIC, PRIVATE = "Public: zinc lozenges for colds", "Private: zinc and my medication"
HIDDEN, DELETED = "Hidden: zinc spam offer here", "Deleted: zinc question removed"


@pytest.fixture
def content(app, make_user, make_group, add_member, make_thread):
    for name in ("author", "member", "outsider", "requester", "leaver"):
        make_user(name)
    make_user("sitemod", role=Role.MODERATOR)
    public, private = make_group("Colds"), make_group("Private Meds", private=True)
    for name in ("author", "member", "leaver"):
        add_member(name, private)
    make_thread("author", public, title=PUBLIC, body="Do zinc lozenges help?")
    make_thread("author", private, title=PRIVATE, body="Zinc with my tablets?")
    hidden = make_thread("author", public, title=HIDDEN, body="Buy zinc now.")
    deleted = make_thread("author", public, title=DELETED, body="Zinc?")
    with app.app_context():
        from forum.actions.groups import leave_group, request_to_join
        from forum.actions.posts import delete_post

        users = {u.username: u for u in _db.session.scalars(select(User))}
        group = _db.session.scalar(select(Group).where(Group.slug == private))
        request_to_join(users["requester"], group, "please")
        leave_group(users["leaver"], group)
        post = _db.session.get(Post, opening_post_id(app, hidden))
        post.hidden_at, post.hidden_by_id, post.hidden_reason = utcnow(), users["sitemod"].id, "spam"
        _db.session.commit()
        delete_post(users["author"], _db.session.get(Post, opening_post_id(app, deleted)))


@pytest.mark.parametrize("who, sees_private", [
    (None, False), ("member", True), ("author", True), ("outsider", False), ("requester", False),
    ("leaver", False), ("sitemod", True),
])
def test_permission_matrix(client, login, search, content, who, sees_private):
    if who:
        login(who)
    found = set(titles(search("zinc")))
    assert PUBLIC in found
    assert (PRIVATE in found) is sees_private
    assert HIDDEN not in found and DELETED not in found


def test_leaving_a_group_stops_results_at_once(client, login, search, make_user, make_group, add_member,
                                               make_thread):
    make_user("ann")
    slug = make_group("Private Meds", private=True)
    add_member("ann", slug)
    make_thread("ann", slug, title="Private: zinc and my medication", body="Zinc?")
    login("ann")
    assert titles(search("zinc")) == [PRIVATE]
    assert client.post(f"/groups/{slug}/leave").status_code == 302
    assert titles(search("zinc")) == []


def test_hiding_a_post_later_removes_it_from_results(app, search, make_user, make_group, make_thread):
    make_user("ann")
    thread_id = make_thread("ann", make_group("Colds"), title=PUBLIC, body="Zinc?")
    assert titles(search("zinc")) == [PUBLIC]
    with app.app_context():
        post = _db.session.get(Post, opening_post_id(app, thread_id))
        post.hidden_at, post.hidden_reason = utcnow(), "held for review"
        _db.session.commit()
    assert titles(search("zinc")) == []


def test_group_filter_cannot_reveal_a_private_group(client, search, make_user, make_group, add_member,
                                                    make_thread):
    make_user("ann")
    slug = make_group("Private Meds", private=True)
    add_member("ann", slug)
    make_thread("ann", slug, title=PRIVATE, body="Zinc?")
    assert titles(search("zinc", group=slug)) == []
    assert "Private Meds" not in client.get("/search?q=zinc").get_data(as_text=True).split("</select>")[0] \
        .split('id="search-group"')[1]


def test_moving_a_thread_into_a_private_group_hides_its_replies(app, search, make_user, make_group, make_thread,
                                                               post):
    from forum.models import Thread

    make_user("ann")
    public, private = make_group("Colds"), make_group("Private Meds", private=True)
    thread_id = make_thread("ann", public, title=PUBLIC, body="Do they help?")
    post("ann", thread_id, "Zinc gave me a metallic taste.")
    assert titles(search("zinc")) == [PUBLIC] and matches(search("zinc")) == 2
    with app.app_context():
        thread = _db.session.get(Thread, thread_id)
        thread.group_id = _db.session.scalar(select(Group.id).where(Group.slug == private))
        thread.title = "Moved: zinc lozenges for colds"
        _db.session.commit()
    assert titles(search("zinc")) == []


def test_did_you_mean_never_suggests_a_word_only_private_posts_contain(client, login, search, make_user,
                                                                       make_group, add_member, make_thread):
    make_user("ann")
    slug = make_group("Private Meds", private=True)
    add_member("ann", slug)
    make_thread("ann", slug, title="Started on dolutegravir last month", body="Sleeping badly.")
    outsider = search("dolutegravar")
    assert "Did you mean" not in outsider and "dolutegravir" not in outsider
    login("ann")
    assert "Did you mean <a" in search("dolutegravar", exact="1")
    assert "Showing results for <strong>dolutegravir</strong>" in search("dolutegravar")
