"""The /mod dashboard: queue by reason, urgent count, median review time, 30-day charts, people, actions."""

import re
from datetime import timedelta

from sqlalchemy import select

from forum.mod import stats
from forum.models import Post, User, utcnow
from forum.models.moderation import Flag, ReviewItem
from tests.forum.test_queries import WRITE


def _flag(app, login, name, post_id, reason):
    c = app.test_client()
    login(name, c=c)
    assert c.post(f"/p/{post_id}/flag", data={"reason": reason}).status_code == 302


def _busy(app, login, community, get, db):
    thread = community["thread"]
    writer = app.test_client()
    login("bob", c=writer)
    for body in ("first reply", "second reply", "I just want to end it all."):
        writer.post(f"/t/{thread}/reply", data={"body": body, "safety": "publish"})
    first, second = (get(Post, thread_id=thread, number=n) for n in (2, 3))
    _flag(app, login, "cat", first.id, "spam")
    _flag(app, login, "dan", first.id, "spam")
    _flag(app, login, "cat", second.id, "harassment")
    _flag(app, login, "ann", second.id, "harassment")
    # Two decided items: 10 and 30 minutes in the queue; median 10 (the lower middle).
    with app.app_context():
        from forum.actions import moderation as actions
        from forum.extensions import db as app_db

        mod = app_db.session.scalar(select(User).where(User.username == "modm"))
        op = app_db.session.scalar(select(Post).where(Post.thread_id == thread, Post.number == 1))
        for post, minutes in ((op, 10), (app_db.session.get(Post, second.id), 30)):
            actions.flag_post(app_db.session.scalar(select(User).where(User.username == "dan")), post, "spam")
            item = app_db.session.scalar(select(ReviewItem).where(ReviewItem.post_id == post.id))
            item.opened_at = utcnow() - timedelta(minutes=minutes)
            app_db.session.commit()
            actions.keep(mod, post, "fine")
        # A flag from three days ago shows on its own day.
        old = app_db.session.scalar(select(Flag).where(Flag.post_id == first.id))
        old.created_at = utcnow() - timedelta(days=3)
        app_db.session.commit()


def test_dashboard_shows_the_numbers(app, client, login, community, get, db):
    _busy(app, login, community, get, db)
    login("modm")
    page = client.get("/mod").get_data(as_text=True)
    urgent = re.search(r"<dt>Urgent</dt><dd><a [^>]*>(\d+)</a>", page)
    assert urgent and urgent.group(1) == "1"
    assert "10 min" in page  # median time to review
    table = page.split("Open items by reason")[1].split("</table>")[0]
    assert table.index("Crisis or self-harm") < table.index("Spam or advertising")
    assert re.search(r"Spam or advertising</a></td><td>1<", table)
    assert "Harassment" not in table  # that item was decided (kept)
    assert page.count('<svg class="bar-chart"') == 2 and page.count("<rect ") == 60
    assert "Flags per day as a table" in page and "Posts per day as a table" in page
    flagged = page.split("Most-flagged members")[1]
    assert re.search(r"bob</a>.*?— 5 flags", flagged, re.S)
    assert "Kept a post" in page and "fine" in page


def test_series_cover_thirty_days_with_each_flag_on_its_day(app, community, login, get, db):
    _busy(app, login, community, get, db)
    with app.app_context():
        flags = stats.flags_per_day()
        posts = stats.posts_per_day()
    assert len(flags) == 30 and flags[-1].day == utcnow().date()
    assert flags[-4].count == 1 and flags[-1].count == 5
    assert posts[-1].count == 4 and max(b.height for b in posts) == 100


def test_group_moderators_see_their_groups_only(app, client, login, community, make_thread, get, db):
    other = make_thread("bob", community["other"], title="Lung function test results", body="FEV1?")
    _flag(app, login, "cat", get(Post, thread_id=other, number=1).id, "crisis")
    login("gina")
    page = client.get("/mod").get_data(as_text=True)
    assert re.search(r"<dt>Urgent</dt><dd><a [^>]*>0</a>", page)
    assert "The queue is empty" in page


def test_the_dashboard_is_a_fixed_number_of_statements_and_never_writes(
    app, client, login, community, get, db, count_queries
):
    login("modm")
    with count_queries() as empty:
        assert client.get("/mod").status_code == 200
    _busy(app, login, community, get, db)
    for path in (
        "/mod",
        "/mod/queue",
        "/mod/log",
        f"/mod/thread/{community['thread']}",
        "/mod/user/bob",
        "/mod/post/2",
        "/p/2/flag",
    ):
        with count_queries() as statements:
            response = client.get(path)
        assert response.status_code == 200, path
        assert [s for s in statements if WRITE.match(s)] == [], path
        if path == "/mod":
            assert len(statements) <= len(empty) + 1 <= 15  # + the median row, once there are reviews
        if path == "/mod/queue":
            assert len(statements) <= 8
