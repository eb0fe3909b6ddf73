"""Pages stay cheap: bounded SQL statements, and GET requests never write."""
import re

import pytest
from sqlalchemy import select

from forum.models import Role, Thread, User

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\b", re.IGNORECASE)


@pytest.fixture
def long_thread(app, make_user, make_group, make_thread, add_member):
    from forum import jobs
    from forum.actions.posts import post_reply
    from forum.extensions import db

    for name in ("ann", "bob", "cat", "dan"):
        make_user(name)
    make_user("dr_lee", role=Role.EXPERT)
    slug = make_group("Type 2 Diabetes")
    private = make_group("Living with HIV", private=True)
    add_member("ann", private)
    thread_id = make_thread("ann", slug)
    with app.app_context(), jobs.paused():  # history: no one is notified of it
        users = list(db.session.scalars(select(User)))
        thread = db.session.get(Thread, thread_id)
        for i in range(99):
            post_reply(users[i % len(users)], thread, f"Reply {i} with **markdown** and a link https://example.org")
    return slug, thread_id


def _statements(client, count_queries, path):
    with count_queries() as statements:
        response = client.get(path)
    assert response.status_code == 200, path
    return statements


@pytest.mark.parametrize("who", [None, "ann", "dr_lee"])
@pytest.mark.parametrize("page", [1, 3, 5])
def test_thread_page_runs_at_most_eight_statements(client, login, count_queries, long_thread, who, page):
    _, thread_id = long_thread
    if who:
        login(who)
    statements = _statements(client, count_queries, f"/t/{thread_id}?page={page}")
    assert len(statements) <= 8, "\n".join(statements)


def test_statement_count_does_not_grow_with_the_thread(app, client, count_queries, long_thread):
    from forum.actions.posts import post_reply
    from forum.extensions import db

    _, thread_id = long_thread
    before = len(_statements(client, count_queries, f"/t/{thread_id}"))
    with app.app_context():
        thread = db.session.get(Thread, thread_id)
        user = db.session.scalar(select(User))
        for i in range(60):
            post_reply(user, thread, f"More {i}")
    assert len(_statements(client, count_queries, f"/t/{thread_id}")) == before
    assert len(_statements(client, count_queries, f"/t/{thread_id}?page=8")) == before


def test_get_requests_never_write(client, login, count_queries, long_thread):
    slug, thread_id = long_thread
    login("ann")
    paths = ["/", "/groups", f"/groups/{slug}", f"/groups/{slug}/members", f"/t/{thread_id}",
             f"/t/{thread_id}?page=2", f"/t/{thread_id}/reply?quote=1", "/u/ann", "/settings/profile",
             f"/groups/{slug}/new", "/p/1/revisions", "/p/1/edit", "/groups/living-with-hiv", "/healthz",
             "/login", "/register"]
    for path in paths:
        with count_queries() as statements:
            response = client.get(path)
        assert response.status_code in (200, 302), path
        writes = [s for s in statements if WRITE.match(s)]
        assert writes == [], f"{path} wrote: {writes}"


@pytest.mark.parametrize("path", ["/", "/groups", "/groups/type-2-diabetes", "/u/ann"])
def test_list_pages_are_bounded_too(client, count_queries, long_thread, path):
    assert len(_statements(client, count_queries, path)) <= 8
