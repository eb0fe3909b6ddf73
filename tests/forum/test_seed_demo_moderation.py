"""The demo community's moderation story: /mod looks alive for the demo moderator."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from forum import create_app
from forum.demo import content
from forum.extensions import db
from forum.models import Post
from forum.models.moderation import ModerationAction, ReviewItem, WatchedWord

pytestmark = pytest.mark.xdist_group("seed-demo-moderation")  # seeded once, on one worker


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo-mod")
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path / 't.db'}",
            "SECRET_KEY": "test",
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
            "SEARCH_INDEX_DIR": str(path / "index"),
            "ARGON2_TIME_COST": 1,
            "ARGON2_MEMORY_COST": 64,
        }
    )
    with app.app_context():
        db.create_all()
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    yield app
    backend = app.extensions.get("askwell_search")
    if backend is not None:
        backend.close()
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def test_the_queue_has_open_items_with_a_crisis_item_on_top(demo):
    with demo.app_context():
        items = list(
            db.session.scalars(
                select(ReviewItem)
                .where(ReviewItem.is_open)
                .order_by(ReviewItem.is_urgent.desc(), ReviewItem.opened_at)
            )
        )
        assert len(items) >= 3
        assert items[0].reason == "crisis" and items[0].is_urgent
        assert sum(i.is_urgent for i in items) == 1
        hidden = db.session.scalars(select(Post).where(Post.hidden_at.is_not(None))).all()
        assert any("Personal attack" in p.hidden_reason for p in hidden)
        assert db.session.scalar(select(func.count()).select_from(ModerationAction)) >= 5
        assert db.session.scalar(select(func.count()).select_from(WatchedWord)) >= 3
        assert (
            db.session.scalar(
                select(func.count()).select_from(ReviewItem).where(ReviewItem.review_seconds.is_not(None))
            )
            >= 2
        )


def test_the_demo_moderator_sees_a_live_dashboard(demo):
    client = demo.test_client()
    response = client.post(
        "/login", data={"identifier": content.MODERATOR_USERNAME, "password": content.DEMO_PASSWORD}
    )
    assert response.status_code == 302
    page = client.get("/mod").get_data(as_text=True)
    assert re.search(r"<dt>Urgent</dt><dd><a [^>]*>1</a>", page)
    assert "Crisis or self-harm" in page and "Hid a post" in page and "no reviews yet" not in page
    queue = client.get("/mod/queue").get_data(as_text=True)
    assert queue.index("tag-urgent") < queue.index("better off without me") < queue.index("cinnamon capsules")
    admin = demo.test_client()
    admin.post("/login", data={"identifier": content.ADMIN_USERNAME, "password": content.DEMO_PASSWORD})
    assert "miracle cure" in admin.get("/mod/words").get_data(as_text=True)
