"""The one publishing pipeline (``forum.publishing``): every kind of member text, every check.

Each place a member writes (a thread, a reply, an edit, an article comment, a
profile bio) goes through ``prepare``; these tests drive them through their
real pages and check what the member sees and what was (not) stored.
"""
from datetime import timedelta

import pytest
from sqlalchemy import select

from forum import publishing
from forum.extensions import db as app_db
from forum.models import Post, Thread, User, utcnow


@pytest.fixture
def member(app, make_user, make_group, add_member, make_thread, login):
    make_user("ann")
    slug = make_group("Sleep Clinic")
    add_member("ann", slug)
    thread_id = make_thread("ann", slug, title="Melatonin and shift work", body="Does it help anyone?")
    login("ann")
    return {"slug": slug, "thread": thread_id}


def _silence(app, name="ann", days=3):
    with app.app_context():
        user = app_db.session.scalar(select(User).where(User.username == name))
        user.silenced_until = utcnow() + timedelta(days=days)
        app_db.session.commit()


def test_a_silenced_member_cannot_publish_by_editing_either(app, client, db, member):
    """Silence once stopped new posts but not an edit of an old one to new text."""
    opening = db.session.scalar(select(Post).where(Post.thread_id == member["thread"]))
    _silence(app)
    response = client.post(f"/p/{opening.id}/edit", data={"title": "Melatonin and shift work",
                                                          "body": "Buy my sleep gummies at example.com"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "paused your posting until" in page
    assert "Buy my sleep gummies" in page, "what they typed stays in the form"
    assert db.session.get(Post, opening.id).body_source == "Does it help anyone?"
    bio = client.post("/settings/profile", data={"display_name": "Ann", "bio": "Visit my shop"})
    assert bio.status_code == 400 and db.session.scalar(select(User.bio).where(User.username == "ann")) == ""
    reply = client.post(f"/t/{member['thread']}/reply", data={"body": "Still here"})
    assert reply.status_code in (400, 403) and db.session.scalar(select(Thread.reply_count)) == 0


def test_the_safety_check_runs_once_per_submit(app, client, db, member, monkeypatch):
    calls = []
    real = publishing.check

    def counting(*texts):
        calls.append(texts)
        return real(*texts)

    monkeypatch.setattr(publishing, "check", counting)
    text = "Text me on 07700 900123 about the night shifts"
    first = client.post(f"/t/{member['thread']}/reply", data={"body": text})
    assert first.status_code == 200 and "Remove these details" in first.get_data(as_text=True)
    assert len(calls) == 1
    redacted = client.post(f"/t/{member['thread']}/reply", data={"body": text, "safety": "redact"})
    assert "[phone removed]" in redacted.get_data(as_text=True) and len(calls) == 2
    published = client.post(f"/t/{member['thread']}/reply", data={"body": text, "safety": "publish"})
    assert published.status_code == 302 and len(calls) == 3
    assert db.session.scalar(select(Post.body_source).where(Post.number == 2)) == text


@pytest.mark.parametrize("title, body", [
    ("\u200b" * 12, "A real question about melatonin."),
    ("\u202eMelatonin dose question", "\u200b\u200c\u200d" * 10),
    ("Melatonin dose question", "\x00\x00\x00"),
])
def test_invisible_text_is_refused_with_what_was_typed_kept(client, db, member, title, body):
    response = client.post(f"/groups/{member['slug']}/new", data={"kind": "question", "title": title,
                                                                   "body": body})
    assert response.status_code == 400
    assert db.session.scalar(select(Thread).where(Thread.id != member["thread"])) is None


def test_a_title_starting_with_a_direction_override_is_refused_and_inner_ones_dropped(client, db, member):
    response = client.post(f"/groups/{member['slug']}/new", data={
        "kind": "question", "title": "\u202eWhat dose of melatonin works?\u202c", "body": "For jet lag."})
    assert response.status_code == 400 and "text-direction" in response.get_data(as_text=True)
    response = client.post(f"/groups/{member['slug']}/new", data={
        "kind": "question", "title": "What dose\u202e of melatonin works?\u202c", "body": "For jet lag."})
    assert response.status_code == 302
    assert db.session.scalar(select(Thread.title).where(Thread.id != member["thread"])) == \
        "What dose of melatonin works?"
