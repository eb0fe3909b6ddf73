"""Profiles count only what the viewer may see: "N posts" agrees with the posts they could read."""
import re

import pytest
from sqlalchemy import select

from forum.models import Post, Role, Thread, User


@pytest.fixture
def writer(app, make_user, make_group, add_member, make_thread):
    """carol: one public thread; a thread and a reply in a private group; a reply under a public
    thread whose opening post a moderator hid; one deleted reply. mia shares the private group;
    gus moderates another group."""
    from forum.actions.moderation import hide
    from forum.actions.posts import delete_post, post_reply
    from forum.extensions import db

    for name in ("carol", "ann", "mia", "nina", "gus"):
        make_user(name)
    make_user("sitemod", role=Role.MODERATOR)
    private, public, other = make_group("Quiet Room", private=True), make_group("Open Hearts"), make_group("Other")
    add_member("carol", private)
    add_member("mia", private)
    add_member("gus", other, moderator=True)
    mine = make_thread("carol", public, title="My public question", body="Words.")
    secret = make_thread("carol", private, title="A private matter", body="Private words.")
    held = make_thread("ann", public, title="Spam thread", body="Buy now.")
    with app.app_context():
        users = {u.username: u for u in db.session.scalars(select(User))}
        post_reply(users["carol"], db.session.get(Thread, secret), "A private reply.")
        post_reply(users["carol"], db.session.get(Thread, held), "Is this real?")
        delete_post(users["carol"], post_reply(users["carol"], db.session.get(Thread, mine), "Oops."))
        opening = db.session.scalar(select(Post).where(Post.thread_id == held, Post.number == 1))
        hide(users["sitemod"], opening, "spam")


def _count(page: str) -> int:
    found = re.search(r"(\d+) posts?\b", page)
    assert found, "no post count on the page"
    return int(found.group(1))


def _recent(page: str) -> int:
    return len(re.findall(r'<a href="/p/\d+">', page.split('id="recent-posts"')[1].split("</section>")[0]))


@pytest.mark.parametrize("viewer, expected", [(None, 1), ("nina", 1), ("gus", 1), ("mia", 3), ("sitemod", 3)])
def test_a_profile_counts_the_posts_the_viewer_may_see(app, login, writer, viewer, expected):
    browser = app.test_client()
    if viewer:
        login(viewer, c=browser)
    page = browser.get("/u/carol").get_data(as_text=True)
    assert _count(page) == _recent(page) == expected
    assert "Spam thread" not in page and (("A private matter" in page) is (expected == 3))


def test_the_moderation_page_counts_what_its_moderator_may_see(app, login, writer):
    gus = login("gus", c=app.test_client())
    assert _count(gus.get("/mod/user/carol").get_data(as_text=True)) == 1
    sitemod = login("sitemod", c=app.test_client())
    assert _count(sitemod.get("/mod/user/carol").get_data(as_text=True)) == 3
