"""Blocking a member and reporting a member from their profile."""
from sqlalchemy import func, select

from forum.models import Block, MemberReport, Message, ReviewItem


def _count(db, model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_blocking_stops_messages_both_ways_and_unblocking_restores_them(client, login, people, send, db):
    conversation_id = send("ann", "ben", "Hi Ben")
    login("ben")
    assert client.post("/u/ann/block").status_code == 302
    profile = client.get("/u/ann").get_data(as_text=True)
    assert "/u/ann/unblock" in profile and 'href="/messages/new?to=ann"' not in profile
    page = client.get(f"/messages/{conversation_id}").get_data(as_text=True)
    assert "one of you has blocked" in page and 'name="body"' not in page
    assert client.post(f"/messages/{conversation_id}", data={"body": "Still there?"}).status_code == 403
    refused = client.post("/messages/new", data={"to": "ann", "body": "Words to keep"})
    text = refused.get_data(as_text=True)
    assert refused.status_code == 400 and "You have blocked ann" in text and "Words to keep" in text
    client.post("/logout")
    login("ann")
    refused = client.post("/messages/new", data={"to": "ben", "body": "Let me in"})
    assert refused.status_code == 400 and "not accepting messages" in refused.get_data(as_text=True)
    assert client.post(f"/messages/{conversation_id}", data={"body": "Hello?"}).status_code == 403
    assert _count(db, Message) == 1
    client.post("/logout")
    login("ben")
    settings = client.get("/settings/messages").get_data(as_text=True)
    assert "/u/ann/unblock" in settings
    assert client.post("/u/ann/unblock").status_code == 302
    assert _count(db, Block) == 0
    assert client.post(f"/messages/{conversation_id}", data={"body": "Sorry, back now"}).status_code == 302


def test_moderators_and_oneself_cannot_be_blocked(client, login, people, db):
    login("ann")
    assert client.post("/u/moe/block").status_code == 403
    assert client.post("/u/ann/block").status_code == 403
    assert _count(db, Block) == 0


def test_blocked_members_posts_are_collapsed_with_a_show_toggle(client, login, people, make_group, add_member,
                                                                 make_thread, db):
    slug = make_group("Open Hearts")
    thread_id = make_thread("ann", slug, title="Sleep after surgery", body="Ann's opening words about sleep")
    login("ben")
    client.post("/u/ann/block")
    page = client.get(f"/t/{thread_id}").get_data(as_text=True)
    assert '<details class="blocked-post">' in page and "Show it" in page
    assert "Ann's opening words" in page, "one click away, without JavaScript"
    client.post("/logout")
    login("zed")
    assert '<details class="blocked-post">' not in client.get(f"/t/{thread_id}").get_data(as_text=True)


def test_reporting_a_member_opens_one_queue_item(client, login, people, db):
    login("ann")
    form = client.get("/u/ben/report")
    assert form.status_code == 200
    missing = client.post("/u/ben/report", data={"reason": "other", "details": ""})
    assert missing.status_code == 400 and _count(db, MemberReport) == 0
    assert client.post("/u/ben/report", data={"reason": "harassment", "details": "Keeps asking for my address"}
                       ).status_code == 302
    again = client.post("/u/ben/report", data={"reason": "harassment"})
    assert "already reported" in again.get_data(as_text=True)
    assert _count(db, MemberReport) == 1
    item = db.session.scalar(select(ReviewItem))
    assert item.reported_user_id == people["ben"] and item.reason == "member_report"
    assert client.post("/u/ann/report", data={"reason": "spam"}).status_code == 403
    client.post("/logout")
    login("moe")
    queue = client.get("/mod/queue").get_data(as_text=True)
    assert "Report about ben" in queue and "Keeps asking for my address" in queue
    hide = client.post(f"/mod/queue/{item.id}", data={"decision": "hide", "reason": "x"})
    assert hide.status_code == 302 and db.session.get(ReviewItem, item.id).is_open
    assert client.post(f"/mod/queue/{item.id}", data={"decision": "keep", "reason": ""}).status_code == 302
    db.session.expire_all()
    assert not db.session.get(ReviewItem, item.id).is_open
    assert db.session.scalar(select(MemberReport.resolved_at)) is not None


def test_group_moderators_do_not_see_private_reports(client, login, people, make_group, add_member, send, db):
    slug = make_group("Open Hearts")
    add_member("zed", slug, moderator=True)
    send("ann", "ben", "Something nasty in private")
    message_id = db.session.scalar(select(Message.id))
    login("ben")
    client.post(f"/messages/m/{message_id}/report", data={"reason": "harassment"})
    client.post("/u/ann/report", data={"reason": "spam"})
    client.post("/logout")
    login("zed")
    queue = client.get("/mod/queue")
    assert queue.status_code == 200 and "Something nasty" not in queue.get_data(as_text=True)
    item_id = db.session.scalar(select(ReviewItem.id).where(ReviewItem.message_id.is_not(None)))
    assert client.post(f"/mod/queue/{item_id}", data={"decision": "keep"}).status_code == 403
