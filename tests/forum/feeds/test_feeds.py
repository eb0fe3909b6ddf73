"""Atom feeds: valid documents of public content only, one bounded query each, and a
private group's or hidden thread's feed a 404 for everyone (members and moderators too)."""
from datetime import date, datetime
from xml.etree import ElementTree as ET

import pytest
from sqlalchemy import select

from forum.extensions import db as _db
from forum.models import Role, Thread, User

A = "{http://www.w3.org/2005/Atom}"


def _user(name):
    return _db.session.scalar(select(User).where(User.username == name))


def parse_atom(response):
    """Parse an Atom answer and check what every valid feed must have (RFC 4287)."""
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    root = ET.fromstring(response.data)
    assert root.tag == f"{A}feed"
    for element in [root, *root.findall(f"{A}entry")]:
        assert element.findtext(f"{A}id", "").startswith("http://localhost/")
        assert element.findtext(f"{A}title", "").strip()
        datetime.fromisoformat(element.findtext(f"{A}updated").replace("Z", "+00:00"))
        links = {link.get("rel"): link.get("href") for link in element.findall(f"{A}link")}
        assert links["alternate"].startswith("http://localhost/")
    assert {link.get("rel") for link in root.findall(f"{A}link")} == {"alternate", "self"}
    ids = [e.findtext(f"{A}id") for e in root.findall(f"{A}entry")]
    assert len(ids) == len(set(ids))
    return root


def _entries(root):
    return root.findall(f"{A}entry")


def _content(root) -> str:
    return " ".join(e.findtext(f"{A}content", "") + e.findtext(f"{A}title", "") for e in _entries(root))


@pytest.fixture
def feeds(app, make_user, make_group, add_member, make_thread, reply_as):
    from forum.actions.moderation import hide
    from forum.actions.posts import delete_post

    make_user("ann")
    make_user("bob")
    make_user("modm", role=Role.MODERATOR)
    public = make_group("Heart Health")
    private = make_group("Secret Circle", private=True)
    add_member("ann", private)
    first = make_thread("ann", public, title="Palpitations <at night> & stress", body="**Bold** words")
    second = make_thread("bob", public, title="Hidden opening", body="hiddenopeningtext")
    secret = make_thread("ann", private, title="secretthreadtitle", body="secretbodytext")
    reply_as("bob", first, "A visible reply")
    hidden_reply = reply_as("bob", first, "hiddenreplytext")
    deleted_reply = reply_as("ann", first, "deletedreplytext")
    with app.app_context():
        modm = _user("modm")
        from forum.models import Post
        hide(modm, _db.session.get(Post, hidden_reply), "Off topic")
        opening = _db.session.scalar(select(Post).where(Post.thread_id == second, Post.number == 1))
        hide(modm, opening, "Spam")
        delete_post(_user("ann"), _db.session.get(Post, deleted_reply))
    return {"public": public, "private": private, "first": first, "second": second, "secret": secret}


def test_group_feed_lists_public_threads_with_escaped_titles_and_sanitized_bodies(client, feeds):
    root = parse_atom(client.get(f"/groups/{feeds['public']}/feed.atom"))
    entries = _entries(root)
    assert [e.findtext(f"{A}title") for e in entries] == ["Palpitations <at night> & stress"]
    content = entries[0].find(f"{A}content")
    assert content.get("type") == "html" and content.text == "<p><strong>Bold</strong> words</p>\n"
    assert entries[0].findtext(f"{A}author/{A}name") == "ann"
    assert "hiddenopeningtext" not in _content(root)


def test_thread_feed_leaves_out_hidden_and_deleted_posts(client, feeds):
    root = parse_atom(client.get(f"/t/{feeds['first']}/feed.atom"))
    text = _content(root)
    assert "A visible reply" in text and "Bold" in text
    assert "hiddenreplytext" not in text and "deletedreplytext" not in text
    assert len(_entries(root)) == 2
    assert root.findtext(f"{A}updated") == max(e.findtext(f"{A}updated") for e in _entries(root))


@pytest.mark.parametrize("viewer", [None, "ann", "modm"])
def test_private_and_hidden_feeds_are_404_for_everyone(client, login, feeds, viewer):
    if viewer:
        login(viewer)
    assert client.get(f"/groups/{feeds['private']}/feed.atom").status_code == 404
    assert client.get(f"/t/{feeds['secret']}/feed.atom").status_code == 404
    assert client.get(f"/t/{feeds['second']}/feed.atom").status_code == 404
    assert client.get("/groups/no-such-group/feed.atom").status_code == 404
    assert client.get("/t/999999/feed.atom").status_code == 404


def test_pages_announce_their_feeds_only_when_public(client, login, feeds):
    group_page = client.get(f"/groups/{feeds['public']}").get_data(as_text=True)
    assert f'<link rel="alternate" type="application/atom+xml" title="Heart Health: new threads" ' \
           f'href="/groups/{feeds["public"]}/feed.atom">' in group_page
    assert f'href="/t/{feeds["first"]}/feed.atom"' in client.get(f"/t/{feeds['first']}").get_data(as_text=True)
    assert 'href="/second-opinion/feed.atom"' in client.get("/second-opinion").get_data(as_text=True)
    login("ann")
    private_page = client.get(f"/groups/{feeds['private']}").get_data(as_text=True)
    assert "application/atom+xml" not in private_page
    assert "application/atom+xml" not in client.get(f"/t/{feeds['secret']}").get_data(as_text=True)


def test_second_opinion_feed(app, client, make_expert):
    from forum.actions.articles import write_article

    assert _entries(parse_atom(client.get("/second-opinion/feed.atom"))) == []
    make_expert("drhe")
    with app.app_context():
        write_article(_user("drhe"), title="Iron and tiredness", summary="When to test ferritin.",
                      body="Ferritin *first*. " + "Tiredness has many causes and iron is only one of them. " * 5, sources="https://www.nice.org.uk/guidance/ng8", tags="iron", reviewed_on=date(2026, 1, 5))
    root = parse_atom(client.get("/second-opinion/feed.atom"))
    (entry,) = _entries(root)
    assert entry.findtext(f"{A}title") == "Iron and tiredness"
    assert entry.findtext(f"{A}summary") == "When to test ferritin."
    assert "<em>first</em>" in entry.findtext(f"{A}content")


def test_feeds_cost_a_bounded_number_of_queries(app, client, count_queries, feeds, make_thread, reply_as):
    for n in range(22):
        make_thread("bob", feeds["public"], title=f"Another thread number {n}", body="Body text")
        reply_as("ann", feeds["first"], f"Reply {n}")
    client.get(f"/groups/{feeds['public']}/feed.atom")
    for url in (f"/groups/{feeds['public']}/feed.atom", f"/t/{feeds['first']}/feed.atom",
                "/second-opinion/feed.atom"):
        with count_queries() as statements:
            root = parse_atom(client.get(url))
        assert len(_entries(root)) <= 20
        assert len(statements) <= 3, (url, statements)


def test_characters_xml_cannot_carry_are_dropped(app, client, feeds):
    with app.app_context():
        thread = _db.session.get(Thread, feeds["first"])
        thread.title = "Bell\x07 and \x1b escape"
        _db.session.commit()
    root = parse_atom(client.get(f"/t/{feeds['first']}/feed.atom"))
    assert root.findtext(f"{A}title") == "Bell and  escape"
