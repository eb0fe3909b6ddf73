"""The safety step before publishing: crisis resources and personal data, all without JavaScript."""

import pytest
from sqlalchemy import func, select

from forum.models import Post, Thread
from forum.models.moderation import ReviewItem

CRISIS = "I can't cope with the diagnosis. I want to kill myself."


@pytest.fixture
def member(make_user, make_group, make_thread, login):
    make_user("ann")
    slug = make_group("Mental Health")
    thread_id = make_thread("ann", slug, title="How do you cope after a diagnosis?", body="Tips welcome")
    login("ann")
    return slug, thread_id


def _count(db, model):
    return db.session.scalar(select(func.count()).select_from(model))


def test_crisis_language_shows_resources_and_keeps_everything_typed(client, member, db):
    slug, _ = member
    response = client.post(
        f"/groups/{slug}/new", data={"kind": "discussion", "title": "I am struggling tonight", "body": CRISIS}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    for text in (
        "Call or text 988",
        '<a href="tel:988" class="call-link">',
        "<strong>Samaritans</strong>: Call free on 116 123",
        '<a href="tel:116123" class="call-link">',
        "call your local emergency number",
        "Publish anyway",
    ):
        assert text in page
    assert "I am struggling tonight" in page and "I want to kill myself." in page
    assert '<input checked id="kind-1" name="kind" required type="radio" value="discussion">' in page
    assert _count(db, Thread) == 1  # nothing published yet


def test_publishing_anyway_puts_the_post_on_top_of_the_queue_as_urgent(app, client, member, db, login):
    slug, thread_id = member
    client.post(f"/t/{thread_id}/reply", data={"body": "Spam spam", "safety": "publish"})
    response = client.post(f"/t/{thread_id}/reply", data={"body": CRISIS, "safety": "publish"})
    assert response.status_code == 302
    post = db.session.scalar(select(Post).where(Post.body_source == CRISIS))
    assert post.hidden_at is None  # published: the author chose to
    item = db.session.scalar(select(ReviewItem).where(ReviewItem.post_id == post.id))
    assert item.is_urgent and item.reason == "crisis"


def test_personal_data_is_shown_and_redacted_only_on_request(client, member, db):
    slug, _ = member
    data = {
        "kind": "question",
        "title": "Which cardiologist at St Mary's?",
        "body": "Call me on 555-123-4567 or email ann.s@example.org. My MRN is 123456789.",
    }
    response = client.post(f"/groups/{slug}/new", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "A phone number: <mark>555-123-4567</mark>" in page
    assert "An email address: <mark>ann.s@example.org</mark>" in page
    assert "Remove these details" in page and "Publish as written" in page
    assert "555-123-4567" in page.split("<textarea")[1]  # the text itself is untouched
    response = client.post(f"/groups/{slug}/new", data={**data, "safety": "redact"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and _count(db, Thread) == 1  # still not published
    assert "Call me on [phone removed] or email [email removed]. My MRN is [number removed]." in page
    assert "Which cardiologist at St Mary&#39;s?" in page
    redacted = "Call me on [phone removed] or email [email removed]. My MRN is [number removed]."
    response = client.post(f"/groups/{slug}/new", data={**data, "body": redacted})
    assert response.status_code == 302
    assert db.session.scalar(select(Post.body_source).where(Post.body_source == redacted))


def test_publish_as_written_keeps_the_text(client, member, db):
    _, thread_id = member
    body = "My number is 07700 900123 if anyone wants to talk."
    assert client.post(f"/t/{thread_id}/reply", data={"body": body}).status_code == 200
    assert client.post(f"/t/{thread_id}/reply", data={"body": body, "safety": "publish"}).status_code == 302
    assert db.session.scalar(select(Post.body_source).where(Post.number == 2)) == body


def test_an_authors_edit_gets_the_same_safety_step(client, member, db):
    _, thread_id = member
    post = db.session.scalar(select(Post).where(Post.thread_id == thread_id, Post.number == 1))
    data = {"title": "How do you cope after a diagnosis?", "body": "Tips welcome. DOB: 14/03/1985"}
    response = client.post(f"/p/{post.id}/edit", data=data)
    assert response.status_code == 200 and "A date of birth" in response.get_data(as_text=True)
    response = client.post(f"/p/{post.id}/edit", data={**data, "safety": "redact"})
    assert "DOB: [date of birth removed]" in response.get_data(as_text=True)
    assert (
        client.post(f"/p/{post.id}/edit", data={**data, "body": CRISIS, "safety": "publish"}).status_code
        == 302
    )
    assert db.session.scalar(select(ReviewItem).where(ReviewItem.post_id == post.id)).is_urgent


def test_ordinary_posts_go_straight_through(client, member, db):
    _, thread_id = member
    response = client.post(
        f"/t/{thread_id}/reply", data={"body": "Walking every day helps me, 500 mg at 8am."}
    )
    assert response.status_code == 302
    assert _count(db, ReviewItem) == 0
