"""Thread rows on group pages and the home page come from the fragment cache
(``forum.fragments.thread_rows``) and still show every change at once: replies, titles,
pins, names, roles, group names, and an anonymous thread's "You" to its author alone."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from forum.extensions import db as app_db
from forum.models import Group, Role, Thread, User


def _user(name):
    return app_db.session.scalar(select(User).where(User.username == name))


def _rows_cached(app, slug) -> int:
    """How many of the group's threads have their row in the cache now."""
    from forum.extensions import cache
    from forum.fragments import thread_row_key

    with app.test_request_context("/"):
        group = app_db.session.scalar(select(Group).where(Group.slug == slug))
        threads = app_db.session.scalars(select(Thread).where(Thread.group_id == group.id)).all()
        return sum(cache.has(thread_row_key(t, False)) for t in threads)


@pytest.fixture
def group(make_user, make_group, add_member, make_thread):
    for name in ("ann", "ben"):
        make_user(name)
    slug = make_group("Knee Replacement")
    add_member("ann", slug)
    add_member("ben", slug)
    thread_id = make_thread("ann", slug, title="Stairs three weeks after surgery", kind="question")
    make_thread("ben", slug, title="Physio exercises that helped me", kind="discussion")
    return slug, thread_id


def _text(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_rows_are_cached_and_replies_titles_and_pins_show_at_once(app, client, group, reply_as):
    from forum.actions.moderation import pin_thread
    from forum.actions.posts import edit_post
    from forum.models import Post

    slug, thread_id = group
    assert "<span>0</span> replies" in _text(client, f"/groups/{slug}")
    assert _rows_cached(app, slug) == 2
    reply_as("ben", thread_id, "Take them one at a time, good leg first.")
    page = _text(client, f"/groups/{slug}")
    assert "<span>1</span> reply" in page
    with app.app_context():
        opening = app_db.session.scalar(select(Post).where(Post.thread_id == thread_id, Post.number == 1))
        edit_post(_user("ann"), opening, opening.body_source, title="Stairs four weeks after surgery")
        from forum.actions.accounts import register_user

        register_user("modo", "modo@example.com", "a-long-test-password", role=Role.MODERATOR)
        pin_thread(_user("modo"), app_db.session.get(Thread, thread_id), True)
    page = _text(client, f"/groups/{slug}")
    assert "Stairs four weeks after surgery" in page and "Stairs three weeks" not in page
    assert "tag-pinned" in page


def test_names_and_roles_show_at_once(app, client, group):
    from forum.actions.accounts import change_role, register_user, update_profile

    slug, _ = group
    assert ">ann</a>" in _text(client, f"/groups/{slug}")
    with app.app_context():
        update_profile(_user("ann"), "Ann on the mend", "")
        register_user("root", "root@example.com", "a-long-test-password", role=Role.ADMIN)
        change_role(_user("root"), _user("ann"), Role.MODERATOR)
    page = _text(client, f"/groups/{slug}")
    assert ">Ann on the mend</a>" in page and 'badge badge-moderator">Moderator</span>' in page


def test_a_renamed_group_shows_at_once_on_the_home_page(app, client, group):
    slug, _ = group
    assert "Knee Replacement" in _text(client, "/")
    with app.app_context():
        app_db.session.scalar(select(Group).where(Group.slug == slug)).name = "Knees and Hips"
        app_db.session.commit()
    page = _text(client, "/")
    assert "Knees and Hips" in page and "Knee Replacement</a>" not in page


def test_an_anonymous_thread_says_you_to_its_author_alone(app, login, make_user, group):
    from forum.actions.posts import start_thread

    slug, _ = group
    with app.app_context():
        knees = app_db.session.scalar(select(Group).where(Group.slug == slug))
        knees.allows_anonymous = True
        app_db.session.commit()
        start_thread(_user("ben"), knees, "question",
                     "Numbness around the scar, is it normal?", "Six weeks on.", anonymous=True)
    author, other, visitor = app.test_client(), app.test_client(), app.test_client()
    login("ben", c=author)
    login("ann", c=other)
    for client in (other, author, visitor, author):  # in every order: each reader's own row
        page = _text(client, f"/groups/{slug}")
        row = page.split("Numbness around the scar")[1].split("</li>")[0]
        if client is author:
            assert "You (posted anonymously)" in row
        else:
            assert "An anonymous member" in row and "You (posted anonymously)" not in row
        assert ">ben</a>" not in row


def test_the_row_cache_adds_no_sql_statements(app, client, group, count_queries):
    slug, _ = group
    counts = {}
    for enabled in (False, True, True):
        app.config["FRAGMENT_CACHE"] = enabled
        client.get(f"/groups/{slug}")
        with count_queries() as statements:
            assert client.get(f"/groups/{slug}").status_code == 200
        counts[enabled] = len(statements)
    assert counts[True] <= counts[False]
