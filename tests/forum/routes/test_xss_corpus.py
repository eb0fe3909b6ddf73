"""At least 100 XSS vectors through the sanitizer and through every field that takes user text.

The vectors live in ``data/xss_vectors.txt``. Each goes through
``moderation.sanitize`` (output safe, cleaning idempotent) and then through the
real forms and pages: post bodies and titles, profile display name and bio, the
note asking to join a private group, flag details, moderators' reasons, watched
words and the posting form's safety panel. A page passes when a browser-like
parser finds no script, event handler, dangerous URL or active element that the
site itself did not put there. ``tests/browser/`` renders the same vectors in
Chromium.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from forum.extensions import db as _db
from forum.models import Group, Post, Role, User
from moderation.sanitize import clean_html, render_markdown
from tests.moderation.xss import active_content, load_vectors

VECTORS = load_vectors()


def test_the_corpus_is_large_and_varied():
    assert len(VECTORS) >= 100
    text = "\n".join(VECTORS).lower()
    for family in (
        "<script",
        "onerror",
        "javascript:",
        "data:",
        "vbscript:",
        "&#x",
        "<svg",
        "<math",
        "<noscript",
        "style=",
        "<img src=x onerror=alert(1)\n",
        "&tab;",
        "\\x01",
    ):
        assert family in text + "\n", family


@pytest.mark.parametrize("vector", VECTORS)
def test_sanitizer_output_is_inert_and_cleaning_is_idempotent(vector):
    for html in (clean_html(vector), render_markdown(vector)):
        assert active_content(html) == [], (vector, html)
        assert clean_html(html) == html
    once = clean_html(vector)
    assert clean_html(clean_html(once)) == once


@pytest.fixture
def site(app, make_user, make_group, login, client):
    app.config.update(POSTS_PER_PAGE=500, MAX_LINKS_PER_POST=50, FLAG_HIDE_THRESHOLD=1000)
    make_user("writer", role=Role.ADMIN)
    make_user("reader")
    slug = make_group("Heart Health")
    private = make_group("Private Circle", private=True)
    return slug, private


def _assert_safe(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    problems = active_content(response.get_data(as_text=True))
    assert problems == [], (path, problems[:5])
    return response.get_data(as_text=True)


def test_post_bodies_titles_and_moderation_text_render_inert(app, client, login, site, monkeypatch):
    from forum.actions import moderation as actions
    from forum.actions.posts import post_reply, start_thread
    from forum.mod import queries as queue

    slug, _ = site
    monkeypatch.setattr(queue, "PAGE_SIZE", 1000)
    with app.app_context():
        writer = _db.session.scalar(select(User).where(User.username == "writer"))
        reader = _db.session.scalar(select(User).where(User.username == "reader"))
        group = _db.session.scalar(select(Group).where(Group.slug == slug))
        thread = start_thread(writer, group, "discussion", "Every vector in one thread", "Opening post")
        thread_ids = [
            start_thread(writer, group, "question", f"Vector {i}: {v}"[:200], v).id
            for i, v in enumerate(VECTORS)
        ]
        for i, vector in enumerate(VECTORS):
            post = post_reply(writer, thread, vector)
            actions.flag_post(reader, post, "other", vector[:1000])
            if i % 2:
                actions.hide(writer, post, vector)
            actions.add_watched_word(writer, vector[:100], "flag")
        thread_id = thread.id
    login("writer")
    page = _assert_safe(client, f"/t/{thread_id}")
    assert page.count('<article class="post') == len(VECTORS) + 1
    older_threads = client.get(f"/groups/{slug}?page=2").headers["Location"]  # an old link, now a cursor
    for path in (
        "/",
        f"/groups/{slug}",
        older_threads,
        "/mod",
        "/mod/queue",
        "/mod/log",
        "/mod/words",
        "/u/writer",
        "/mod/user/writer",
    ):
        _assert_safe(client, path)
    for tid in thread_ids:
        _assert_safe(client, f"/t/{tid}")
    with app.app_context():
        post_ids = list(
            _db.session.scalars(select(Post.id).where(Post.thread_id == thread_id, Post.number > 1))
        )
    for post_id in post_ids[:40]:
        _assert_safe(client, f"/mod/post/{post_id}")
        _assert_safe(client, f"/p/{post_id}/edit")
    reader_client = app.test_client()
    login("reader", c=reader_client)
    _assert_safe(reader_client, f"/t/{thread_id}")


def test_profile_join_note_and_form_echoes_render_inert(app, client, login, site, make_thread):
    slug, private = site
    login("reader")
    moderator = app.test_client()
    login("writer", c=moderator)
    thread_id = make_thread("writer", slug)
    for vector in VECTORS:
        response = client.post("/settings/profile", data={"display_name": vector[:64], "bio": vector[:1000]})
        assert response.status_code == 302, vector
        _assert_safe(client, "/u/reader")
        _assert_safe(moderator, "/mod/user/reader")
        client.post(f"/groups/{private}/leave")
        assert client.post(f"/groups/{private}/request", data={"note": vector[:500]}).status_code == 302
        _assert_safe(moderator, f"/groups/{private}/requests")
        # The reply form comes back with the safety panel, echoing what was typed.
        response = client.post(f"/t/{thread_id}/reply", data={"body": f"{vector} call 555-123-4567"})
        assert response.status_code == 200 and "[phone removed]" not in response.get_data(as_text=True)
        assert active_content(response.get_data(as_text=True)) == [], vector
        response = client.post(f"/t/{thread_id}/reply", data={"body": vector + "x" * 20_001})
        assert response.status_code == 400 and active_content(response.get_data(as_text=True)) == []


@pytest.mark.parametrize(
    "unsafe",
    [
        "<img src=x onerror=alert(1)>",
        '<a href="jav&#x09;ascript:alert(1)">x</a>',
        "<svg onload=alert(1)>",
        '<p style="x">',
        '<iframe src="https://x"></iframe>',
        '<meta http-equiv="refresh" content="0;url=/">',
    ],
)
def test_the_checker_itself_catches_active_content(unsafe):
    assert active_content(f"<p>before</p>{unsafe}<p>after</p>")


def test_every_echoed_form_field_and_filter_renders_inert(app, client, login, site):
    """Fields that come back on the page: login, registration, search and filter boxes."""
    admin = app.test_client()
    login("writer", c=admin)
    for vector in VECTORS:
        pages = [
            client.post("/login", data={"identifier": vector[:254], "password": ""}),
            client.post("/register", data={"username": vector[:32], "email": vector[:254],
                                           "password": "short", "confirm": "other"}),
            admin.get("/admin/users", query_string={"q": vector, "role": vector}),
            admin.get("/mod/log", query_string={"moderator": vector, "action": vector}),
            admin.get("/mod/queue", query_string={"reason": vector, "group": vector}),
        ]
        for response in pages:
            assert response.status_code in (200, 400), vector
            assert active_content(response.get_data(as_text=True)) == [], vector
