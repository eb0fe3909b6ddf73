"""Writing through the API uses the web's actions and publishing pipeline: the safety check
answers 409 with the findings and publishes only on an explicit confirmation; rules refuse
with 422; permissions with 403 or 404; every effect is checked in the database."""
from sqlalchemy import func, select

from forum.models import Flag, HelpfulVote, Membership, Post, PostRevision, ReviewItem, Thread, User

CRISIS = "I want to end my life, I can't go on"
PHONE = "Please call me on 07700 900123 tonight"


def _count(db, model, **where):
    return db.session.scalar(select(func.count()).select_from(model).filter_by(**where))


def _ask(api, slug, **fields):
    body = {"kind": "question", "title": "How do I lower my heart rate?", "body": "It is often above 95.", **fields}
    return api.post(f"/api/v1/groups/{slug}/threads", json=body)


def test_asking_creates_the_thread_like_the_form(api_as, community, db):
    response = _ask(api_as("bob"), community["slug"], ask_expert=True)
    assert response.status_code == 201
    thread = db.session.get(Thread, response.json["id"])
    assert thread.title == "How do I lower my heart rate?" and thread.asks_expert and thread.author.username == "bob"
    assert response.headers["Location"] == f"/api/v1/threads/{thread.id}"
    assert response.json["posts"]["items"][0]["body_html"] == "<p>It is often above 95.</p>\n"


def test_the_crisis_check_answers_409_and_publishes_only_when_confirmed(api_as, community, db):
    bob = api_as("bob")
    threads = _count(db, Thread)
    first = _ask(bob, community["slug"], body=CRISIS)
    assert first.status_code == 409 and first.mimetype == "application/problem+json"
    problem = first.json
    assert problem["crisis"] and any("988" in r["what"] for r in problem["crisis_resources"])
    response = problem["crisis_response"]
    assert response["outcome"] == "self" and response["heading"].startswith("You matter")
    calls = [r["tel"] for section in response["sections"] for r in section["resources"] if r["tel"]]
    assert calls[:2] == ["tel:988", "tel:116123"]
    assert problem["choices"] == ["publish"] and problem["submitted"]["body"] == CRISIS
    assert _count(db, Thread) == threads, "nothing was published"
    confirmed = _ask(bob, community["slug"], body=CRISIS, confirm="publish")
    assert confirmed.status_code == 201
    post = db.session.scalar(select(Post).where(Post.thread_id == confirmed.json["id"]))
    item = db.session.scalar(select(ReviewItem).where(ReviewItem.post_id == post.id))
    assert item.is_urgent and item.reason == "crisis", "at the top of the moderators' queue, as from the form"


def test_personal_details_get_the_forms_redaction(api_as, community, db):
    bob = api_as("bob")
    first = bob.post(f"/api/v1/threads/{community['thread']}/posts", json={"body": PHONE})
    assert first.status_code == 409
    assert first.json["personal_data"][0]["text"] == "07700 900123"
    assert first.json["redacted"]["body"] == "Please call me on [phone removed] tonight"
    assert first.json["choices"] == ["publish", "redact"]
    assert _count(db, Post, thread_id=community["thread"]) == 1
    redacted = bob.post(f"/api/v1/threads/{community['thread']}/posts", json={"body": PHONE, "confirm": "redact"})
    assert redacted.status_code == 201 and redacted.json["body_markdown"] == first.json["redacted"]["body"]
    as_written = bob.post(f"/api/v1/threads/{community['thread']}/posts", json={"body": PHONE, "confirm": "publish"})
    assert as_written.json["body_markdown"] == PHONE


def test_redact_with_nothing_to_remove_still_asks_about_crisis_language(api_as, community, db):
    response = api_as("bob").post(f"/api/v1/threads/{community['thread']}/posts",
                                  json={"body": CRISIS, "confirm": "redact"})
    assert response.status_code == 409 and "no personal details to remove" in response.json["detail"]
    assert _count(db, Post, thread_id=community["thread"]) == 1


def test_validation_errors_list_the_fields_and_rule_refusals_say_why(api_as, community, db):
    bob = api_as("bob")
    invalid = bob.post(f"/api/v1/groups/{community['slug']}/threads", json={"kind": "poem", "title": "x",
                                                                            "body": "y", "confrim": "publish"})
    assert invalid.status_code == 422
    assert {e["field"] for e in invalid.json["errors"]} == {"kind", "confrim"}
    short = _ask(bob, community["slug"], title="Too short")
    assert short.status_code == 422 and "at least 10 characters" in short.json["detail"]
    assert bob.post(f"/api/v1/groups/{community['slug']}/threads", data="not json",
                    headers={"Content-Type": "text/plain"}).status_code == 422
    assert _count(db, Thread) == 1


def test_replies_to_locked_private_or_unknown_threads(app, api_as, community, make_group, make_thread, add_member, db):
    from forum.extensions import db as app_db

    with app.app_context():
        app_db.session.get(Thread, community["thread"]).is_locked = True
        app_db.session.commit()
    locked = api_as("bob").post(f"/api/v1/threads/{community['thread']}/posts", json={"body": "Hello"})
    assert locked.status_code == 403
    private = make_group("Quiet Room", private=True)
    add_member("cat", private)
    secret = make_thread("cat", private)
    assert api_as("bob").post(f"/api/v1/threads/{secret}/posts", json={"body": "Hi"}).status_code == 404
    assert api_as("bob").post("/api/v1/threads/99999/posts", json={"body": "Hi"}).status_code == 404
    assert _count(db, Post) == 2


def test_a_silenced_member_cannot_post(app, api_as, community, db):
    from datetime import timedelta

    from forum.models import utcnow

    user = db.session.scalar(select(User).where(User.username == "bob"))
    user.silenced_until = utcnow() + timedelta(days=1)
    db.session.commit()
    assert _ask(api_as("bob"), community["slug"]).status_code == 403
    assert _count(db, Thread) == 1


def test_editing_keeps_the_history_and_only_the_author_or_a_moderator_may(api_as, community, db):
    ann = api_as("ann")
    opening = db.session.scalar(select(Post.id).where(Post.thread_id == community["thread"], Post.number == 1))
    edited = ann.patch(f"/api/v1/posts/{opening}", json={"body": "It is 100 at rest.", "title": "Is 100 bpm normal at rest?"})
    assert edited.status_code == 200 and edited.json["thread"]["title"] == "Is 100 bpm normal at rest?"
    assert db.session.scalar(select(PostRevision.body_source)) == "It is 95 at rest."
    assert api_as("bob").patch(f"/api/v1/posts/{opening}", json={"body": "Vandalised"}).status_code == 403
    same = ann.patch(f"/api/v1/posts/{opening}", json={"body": "It is 100 at rest.", "title": "Is 100 bpm normal at rest?"})
    assert same.status_code == 422 and "Nothing changed" in same.json["detail"]
    assert api_as("gina").patch(f"/api/v1/posts/{opening}", json={"body": "Tidied.", "reason": "Formatting"}).status_code == 200
    assert _count(db, PostRevision) == 2


def test_deleting_by_author_and_moderator(api_as, community, reply_as, db):
    mine, theirs = reply_as("bob", community["thread"], "Mine"), reply_as("cat", community["thread"], "Theirs")
    assert api_as("bob").delete(f"/api/v1/posts/{theirs}").status_code == 403
    assert api_as("bob").delete(f"/api/v1/posts/{mine}").json["state"] == "deleted"
    assert api_as("bob").delete(f"/api/v1/posts/{mine}").status_code == 403, "already deleted"
    removed = api_as("gina").delete(f"/api/v1/posts/{theirs}?reason=Spam")
    assert removed.status_code == 200
    from forum.models import ModerationAction
    assert db.session.scalar(select(ModerationAction.action).where(ModerationAction.target_id == theirs)) == "delete_post"


def test_helpful_votes_and_accepting_are_idempotent(api_as, community, reply_as, db):
    answer = reply_as("bob", community["thread"], "Try this")
    dan = api_as("dan")
    assert dan.put(f"/api/v1/posts/{answer}/helpful").json == {"post_id": answer, "marked_helpful": True,
                                                               "helpful_count": 1}
    assert dan.put(f"/api/v1/posts/{answer}/helpful").json["helpful_count"] == 1
    assert _count(db, HelpfulVote) == 1
    assert dan.delete(f"/api/v1/posts/{answer}/helpful").json["helpful_count"] == 0
    assert api_as("bob").put(f"/api/v1/posts/{answer}/helpful").status_code == 403, "not one's own"
    assert dan.put(f"/api/v1/posts/{answer}/accept").status_code == 403, "only the asker or a moderator"
    ann = api_as("ann")
    assert ann.put(f"/api/v1/posts/{answer}/accept").json["accepted_post_id"] == answer
    assert ann.put(f"/api/v1/posts/{answer}/accept").json["accepted_post_id"] == answer
    assert ann.delete(f"/api/v1/posts/{answer}/accept").json["accepted_post_id"] is None


def test_flagging(api_as, community, reply_as, db):
    answer = reply_as("bob", community["thread"], "Buy my pills")
    assert api_as("dan").post(f"/api/v1/posts/{answer}/flags", json={"reason": "spam"}).status_code == 201
    again = api_as("dan").post(f"/api/v1/posts/{answer}/flags", json={"reason": "spam"})
    assert again.status_code == 422 and "already flagged" in again.json["detail"]
    other = api_as("cat").post(f"/api/v1/posts/{answer}/flags", json={"reason": "other"})
    assert other.status_code == 422 and "Something else" in other.json["detail"]
    assert api_as("bob").post(f"/api/v1/posts/{answer}/flags", json={"reason": "spam"}).status_code == 403
    assert _count(db, Flag) == 1 and db.session.scalar(select(ReviewItem.reason)) == "spam"


def test_joining_asking_to_join_and_leaving(api_as, community, make_group, db):
    dan = api_as("dan")
    assert dan.post(f"/api/v1/groups/{community['slug']}/join").json["membership"] == "member"
    assert dan.post(f"/api/v1/groups/{community['slug']}/join").status_code == 422
    private = make_group("Quiet Room", private=True)
    assert dan.post(f"/api/v1/groups/{private}/join").status_code == 422
    asked = dan.post(f"/api/v1/groups/{private}/join-request", json={"note": "I was diagnosed last month"})
    assert asked.status_code == 202 and asked.json["membership"] == "pending"
    assert db.session.scalar(select(Membership.request_note).where(Membership.status == "pending")) == \
        "I was diagnosed last month"
    assert dan.post(f"/api/v1/groups/{private}/leave").json["membership"] == "none"
    assert dan.post(f"/api/v1/groups/{community['slug']}/leave").json["membership"] == "none"
    assert _count(db, Membership, user_id=db.session.scalar(select(User.id).where(User.username == "dan"))) == 0
