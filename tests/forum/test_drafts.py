"""The server's side of draft autosave (forum.drafts) and the "too large" page (forum.errors)."""
from __future__ import annotations

import re

from sqlalchemy import func, select

from forum.models import Post


def _published(page: str) -> str | None:
    match = re.search(r'data-draft-published="([^"]*)"', page)
    return match.group(1) if match else None


def test_only_the_page_after_a_published_post_confirms_the_draft(client, login, community):
    login("bob")
    reply = f"/t/{community['thread']}/reply"
    bounced = client.post(reply, data={"body": ""})
    assert bounced.status_code == 400 and _published(bounced.get_data(as_text=True)) is None
    posted = client.post(reply, data={"body": "This went through."}, follow_redirects=True)
    assert _published(posted.get_data(as_text=True)) == reply
    # Once: the next page says nothing more.
    assert _published(client.get(f"/t/{community['thread']}").get_data(as_text=True)) is None


def test_a_submit_too_large_to_read_says_the_limit_and_that_the_draft_is_kept(app, client, login, community, db):
    login("bob")
    before = db.session.scalar(select(func.count(Post.id)))
    response = client.post(f"/t/{community['thread']}/reply", data={"body": "x" * (3 * 1024 * 1024)})
    page = response.get_data(as_text=True)
    assert response.status_code == 413
    assert "up to 2 MB" in page and "Your draft is kept" in page and "20,000 characters" in page
    assert _published(page) is None
    assert db.session.scalar(select(func.count(Post.id))) == before
