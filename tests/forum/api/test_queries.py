"""The thread endpoint stays within the thread page's budget: bounded SQL whatever the thread's
length, and a read writes nothing in its own transaction (the token's last-used time is
written after the response, at most once a minute)."""
import re

import pytest
from sqlalchemy import select

from forum.models import ApiToken, Role, Thread, User

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)
THREAD_PAGE_BUDGET = 8  # tests/forum/test_queries.py: the thread page's statements


@pytest.fixture
def long_thread(app, make_user, make_group, make_thread, make_expert):
    from forum import jobs
    from forum.actions.posts import post_reply
    from forum.extensions import db

    for name in ("ann", "bob", "cat", "dan"):
        make_user(name)
    make_user("modm", role=Role.MODERATOR)
    make_expert("dr_lee")
    slug = make_group("Type 2 Diabetes")
    thread_id = make_thread("ann", slug)
    with app.app_context(), jobs.paused():  # history: no one is notified of it
        users = list(db.session.scalars(select(User)))
        thread = db.session.get(Thread, thread_id)
        for i in range(59):
            post_reply(users[i % len(users)], thread, f"Reply {i} with **markdown**", screen=False)
    return thread_id


def _statements(api, count_queries, path):
    api.get(path)  # the first use notes the token's last use; measure the next ones
    with count_queries() as statements:
        response = api.get(path)
    assert response.status_code == 200, path
    return statements


@pytest.mark.parametrize("who", ["ann", "dr_lee", "modm"])
@pytest.mark.parametrize("page", [1, 3])
def test_the_thread_endpoint_runs_no_more_statements_than_the_thread_page(api_as, count_queries, long_thread,
                                                                          who, page):
    statements = _statements(api_as(who), count_queries, f"/api/v1/threads/{long_thread}?page={page}")
    assert len(statements) <= THREAD_PAGE_BUDGET, "\n".join(statements)


def test_the_count_does_not_grow_with_the_thread(app, api_as, count_queries, long_thread):
    from forum.actions.posts import post_reply
    from forum.extensions import db

    api = api_as("bob")
    before = len(_statements(api, count_queries, f"/api/v1/threads/{long_thread}"))
    with app.app_context():
        thread, user = db.session.get(Thread, long_thread), db.session.scalar(select(User))
        for i in range(40):
            post_reply(user, thread, f"More {i}", screen=False)
    assert len(_statements(api, count_queries, f"/api/v1/threads/{long_thread}?page=5")) == before


def test_reads_write_nothing_but_the_once_a_minute_last_use(api_as, count_queries, long_thread, db):
    api = api_as("ann")
    paths = ["/api/v1/me", "/api/v1/groups", "/api/v1/groups/type-2-diabetes/threads", f"/api/v1/threads/{long_thread}",
             "/api/v1/posts/1", "/api/v1/posts/1/revisions", "/api/v1/users/ann", "/api/v1/articles",
             "/api/v1/search?q=reply", "/api/v1/similar-questions?title=markdown"]
    with count_queries() as first:
        api.get(paths[0])
    assert [s for s in first if WRITE.match(s)] == [next(s for s in first if WRITE.match(s))]
    assert db.session.scalar(select(ApiToken.last_used_at)) is not None
    for path in paths:
        with count_queries() as statements:
            assert api.get(path).status_code == 200, path
        assert [s for s in statements if WRITE.match(s)] == [], path
