"""The bell, the notifications page, following, bookmarks, @mentions and the home page."""
from __future__ import annotations

import re

import pytest
from flask_login import AnonymousUserMixin
from sqlalchemy import select

from forum.models import Bookmark, GroupFollow, Notification, Post, ThreadWatch, User


@pytest.fixture
def asked(make_user, make_group, make_thread, add_member):
    for name in ("ann", "bob", "cat", "dan"):
        make_user(name)
    slug = make_group("Sleep Talk")
    private = make_group("Night Shift", private=True)
    for name in ("ann", "bob"):
        add_member(name, private)
    return {"slug": slug, "private": private,
            "thread": make_thread("ann", slug, title="Why do I wake at 4am?"),
            "secret": make_thread("ann", private, title="Members only: shift work and sleep")}


def bell(html: str) -> str | None:
    match = re.search(r'data-bell-count>(\d+)<', html)
    return match.group(1) if match else None


def test_the_bell_counts_unread_notifications_in_one_query(asked, reply_as, login, client, count_queries):
    reply_as("bob", asked["thread"])
    reply_as("cat", asked["thread"])
    login("ann")
    with count_queries() as statements:
        html = client.get("/groups").get_data(as_text=True)
    assert bell(html) == "2"
    assert len([s for s in statements if "notifications" in s]) == 1


def test_the_page_groups_replies_and_opening_marks_them_read(asked, reply_as, login, client, db):
    first = reply_as("bob", asked["thread"])
    reply_as("cat", asked["thread"])
    reply_as("dan", asked["thread"])
    login("ann")
    html = client.get("/notifications").get_data(as_text=True)
    assert "3 new replies in “Why do I wake at 4am?”" in html
    ids = re.search(r'name="ids" value="([\d,]+)"', html).group(1)
    response = client.post("/notifications/open", data={"ids": ids})
    assert response.status_code == 302 and response.location.endswith(f"/p/{first}")
    assert bell(client.get("/groups").get_data(as_text=True)) is None
    assert db.session.scalar(select(Notification).where(Notification.user_id == 1, Notification.read_at.is_(None))) is None


def test_mark_all_read(asked, reply_as, login, client, db):
    reply_as("bob", asked["thread"])
    login("ann")
    assert client.post("/notifications/read", data={"all": "1"}).status_code == 302
    assert bell(client.get("/notifications").get_data(as_text=True)) is None


def test_someone_who_lost_access_no_longer_sees_or_counts_the_notice(asked, reply_as, login, client):
    reply_as("bob", asked["secret"], "A members-only reply about night shifts")
    login("ann")
    assert bell(client.get("/groups").get_data(as_text=True)) == "1"
    client.post(f"/groups/{asked['private']}/leave")
    html = client.get("/notifications").get_data(as_text=True)
    assert "Members only" not in html and bell(html) is None


def test_readers_who_see_the_same_groups_each_get_their_own_counts(asked, reply_as, login, client, app):
    """The header's statement is built once per set of visible groups and shared: ann and bob are in
    the same groups, and each bell still counts only its own notices."""
    reply_as("cat", asked["thread"])
    reply_as("dan", asked["thread"])
    login("ann")
    assert bell(client.get("/groups").get_data(as_text=True)) == "2"
    other = app.test_client()
    login("bob", c=other)
    assert bell(other.get("/groups").get_data(as_text=True)) is None
    assert bell(client.get("/groups").get_data(as_text=True)) == "2"


def test_watch_track_mute_and_stop(asked, login, client, db):
    login("cat")
    thread = asked["thread"]
    assert "Not following" in client.get(f"/t/{thread}").get_data(as_text=True)
    for level in ("watch", "track", "mute"):
        assert client.post(f"/t/{thread}/watch", data={"level": level}).status_code == 302
        assert db.session.get(ThreadWatch, (3, thread)).level == level
    client.post(f"/t/{thread}/watch", data={"level": ""})
    assert db.session.get(ThreadWatch, (3, thread)) is None
    assert client.post(f"/t/{thread}/watch", data={"level": "shout"}).status_code == 302
    assert db.session.get(ThreadWatch, (3, thread)) is None


def test_an_outsider_cannot_watch_a_private_thread_or_follow_its_group(asked, login, client, db):
    login("cat")
    assert client.post(f"/t/{asked['secret']}/watch", data={"level": "watch"}).status_code == 404
    assert client.post(f"/groups/{asked['private']}/follow", data={"follow": "1"}).status_code == 404
    assert db.session.scalar(select(ThreadWatch).where(ThreadWatch.user_id == 3)) is None
    assert db.session.scalar(select(GroupFollow)) is None


def test_replying_watches_the_thread_and_following_lists_it(asked, reply_as, login, client):
    reply_as("cat", asked["thread"])
    login("cat")
    client.post(f"/groups/{asked['slug']}/follow", data={"follow": "1"})
    html = client.get("/following").get_data(as_text=True)
    assert "Why do I wake at 4am?" in html and "Sleep Talk" in html
    assert "Watching" in client.get(f"/t/{asked['thread']}").get_data(as_text=True)


def test_bookmarks(asked, reply_as, login, client, db):
    post_id = reply_as("bob", asked["thread"])
    login("cat")
    client.post(f"/p/{post_id}/bookmark")
    assert db.session.get(Bookmark, (3, post_id)) is not None
    assert "Remove bookmark" in client.get(f"/t/{asked['thread']}").get_data(as_text=True)
    assert "Why do I wake at 4am?" in client.get("/following").get_data(as_text=True)
    client.post(f"/p/{post_id}/bookmark")
    assert db.session.get(Bookmark, (3, post_id)) is None
    secret_post = db.session.scalar(select(Post.id).where(Post.thread_id == asked["secret"]))
    assert client.post(f"/p/{secret_post}/bookmark").status_code == 404


def test_the_logged_in_home_shows_ones_own_groups_first(asked, login, client):
    assert "In your groups" not in client.get("/").get_data(as_text=True)
    login("bob")
    html = client.get("/").get_data(as_text=True)
    assert "In your groups" in html and "Members only: shift work" in html
    assert html.index("In your groups") < html.index("Recent questions")


def test_the_home_lists_are_ones_own_threads_by_activity_then_other_discussions(
        asked, make_group, make_thread, login, client, db, app):
    """Watched threads count as one's own; an own thread is never listed again among the others;
    a private group one is not in shows in neither list."""
    from forum.notifications.queries import home_lists

    other = make_group("Knee Pain")
    watched = make_thread("ann", other, title="Physio after a knee replacement", kind="discussion")
    for i in range(7):
        make_thread("ann", other, title=f"Knee discussion {i}", kind="discussion")
    login("cat")
    cat = db.session.scalar(select(User).where(User.username == "cat"))
    db.session.add(ThreadWatch(user_id=cat.id, thread_id=watched, level="watch"))
    db.session.commit()
    with app.test_request_context("/"):
        lists = home_lists(cat, discussions_limit=5)
        visitor = home_lists(AnonymousUserMixin())
    mine, others = lists.mine, lists.discussions
    assert [t.id for t in mine] == [watched] and visitor.mine == []
    assert asked["thread"] in {t.id for t in lists.questions} and asked["thread"] in {t.id for t in visitor.questions}
    # A visitor has no threads of their own to leave out: the five newest discussions.
    assert [t.id for t in visitor.discussions] == sorted((t.id for t in visitor.discussions), reverse=True)
    assert len(visitor.discussions) == 5 and watched not in {t.id for t in visitor.discussions}
    assert len(others) == 5 and watched not in {t.id for t in others}
    assert [t.created_at for t in others] == sorted((t.created_at for t in others), reverse=True)
    assert asked["secret"] not in {t.id for t in mine + others + lists.questions + visitor.questions}
    html = client.get("/").get_data(as_text=True)
    assert "Physio after a knee replacement" in html and "Members only: shift work" not in html


def test_mentions_are_profile_links_and_notify(asked, reply_as, db, client):
    post_id = reply_as("bob", asked["thread"], "Ask @cat, she knows. Not @nobody_here.")
    html = db.session.get(Post, post_id).body_html
    assert '<a href="/u/cat" class="mention"' in html
    cat = db.session.scalar(select(User.id).where(User.username == "cat"))
    assert db.session.scalar(select(Notification.kind).where(Notification.user_id == cat)) == "mention"


def test_username_suggestions_list_usernames_only_and_need_a_login(asked, login, client):
    assert client.get("/users/suggest?q=ca").status_code in (302, 401)
    login("ann")
    assert client.get("/users/suggest?q=ca").get_json() == {"users": ["cat"]}
    assert client.get("/users/suggest?q=%25").get_json() == {"users": []}
    assert client.get("/users/suggest?q=c").get_json() == {"users": []}
