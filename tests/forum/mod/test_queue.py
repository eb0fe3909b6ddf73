"""The review queue: one row per post with all its flags, filters, crisis on top, decisions, scope, log."""

import re

from sqlalchemy import select

from forum.models import Post, Thread
from forum.models.moderation import Flag, ModerationAction, ReviewItem


def _flag(app, login, name, post_id, reason="spam", details=""):
    c = app.test_client()
    login(name, c=c)
    assert c.post(f"/p/{post_id}/flag", data={"reason": reason, "details": details}).status_code == 302


def _reply(app, login, name, thread_id, body):
    c = app.test_client()
    login(name, c=c)
    response = c.post(f"/t/{thread_id}/reply", data={"body": body, "safety": "publish"})
    assert response.status_code == 302
    return c


def test_one_row_per_post_with_all_its_flags_and_crisis_on_top(app, client, login, community, get):
    thread = community["thread"]
    opening = get(Post, thread_id=thread, number=1)
    _reply(app, login, "bob", thread, "Have you tried beetroot juice instead of your tablets?")
    _reply(app, login, "cat", thread, "I just want to end it all, nothing helps.")
    reply = get(Post, thread_id=thread, number=2)
    _flag(app, login, "cat", reply.id, "harmful_advice", "Stopping tablets is dangerous")
    _flag(app, login, "dan", reply.id, "misinformation")
    _flag(app, login, "bob", opening.id, "spam")
    login("modm")
    page = client.get("/mod/queue").get_data(as_text=True)
    rows = re.findall(r'<li class="card queue-item[^"]*" id="item-(\d+)"', page)
    assert len(rows) == 3  # three posts, three rows (two flags share one)
    crisis = get(ReviewItem, reason="crisis")
    assert rows[0] == str(crisis.id) and "Urgent" in page.split('id="item-')[1]
    assert "Stopping tablets is dangerous" in page and "Harmful medical advice" in page
    assert "Medical misinformation" in page and "2 flags" in page


def test_filter_by_reason_and_group(app, client, login, community, make_thread, get):
    other_thread = make_thread("bob", community["other"], title="Inhaler technique question", body="How?")
    _flag(app, login, "cat", get(Post, thread_id=other_thread, number=1).id, "spam")
    _flag(app, login, "bob", get(Post, thread_id=community["thread"], number=1).id, "harassment")
    login("modm")
    assert "Inhaler technique" in client.get("/mod/queue?reason=spam").get_data(as_text=True)
    page = client.get("/mod/queue?reason=harassment").get_data(as_text=True)
    assert "Inhaler technique" not in page and "Is my heart rate normal?" in page
    lungs = get(Thread, id=other_thread).group_id
    page = client.get(f"/mod/queue?group={lungs}").get_data(as_text=True)
    assert "Inhaler technique" in page and "Is my heart rate normal?" not in page
    assert client.get("/mod/queue?reason=<script>&group=abc").status_code == 200


def test_keep_hide_and_delete_from_the_queue_write_audit_rows(app, client, login, community, get, db):
    thread = community["thread"]
    for n, body in enumerate(["first reply here", "second reply here", "third reply here"], start=2):
        _reply(app, login, "bob", thread, body)
        _flag(app, login, "cat", get(Post, thread_id=thread, number=n).id, "spam")
    login("modm")
    items = list(db.session.scalars(select(ReviewItem).order_by(ReviewItem.id)))
    assert client.post(f"/mod/queue/{items[0].id}", data={"decision": "keep"}).status_code == 302
    assert (
        client.post(f"/mod/queue/{items[1].id}", data={"decision": "hide", "reason": "Off topic"}).status_code
        == 302
    )
    refused = client.post(
        f"/mod/queue/{items[2].id}", data={"decision": "delete", "reason": ""}, follow_redirects=True
    )
    assert "Give a reason" in refused.get_data(as_text=True)
    client.post(f"/mod/queue/{items[2].id}", data={"decision": "delete", "reason": "Spam"})
    kept, hidden, deleted = (get(Post, thread_id=thread, number=n) for n in (2, 3, 4))
    assert kept.hidden_at is None and kept.flag_count == 0
    assert hidden.hidden_reason == "Off topic"
    assert deleted.deleted_at is not None and get(Thread, id=thread).reply_count == 2
    assert all(f.resolved_at is not None for f in db.session.scalars(select(Flag)))
    assert not any(i.is_open for i in db.session.scalars(select(ReviewItem)))
    assert all(i.review_seconds is not None for i in db.session.scalars(select(ReviewItem)))
    actions = {a.action: a for a in db.session.scalars(select(ModerationAction))}
    assert {"keep_post", "hide_post", "delete_post"} <= set(actions)
    assert actions["hide_post"].reason == "Off topic" and actions["hide_post"].target_id == hidden.id
    assert "Nothing waiting for review" in client.get("/mod/queue").get_data(as_text=True)
    again = client.post(
        f"/mod/queue/{items[0].id}", data={"decision": "hide", "reason": "x"}, follow_redirects=True
    )
    assert "already decided" in again.get_data(as_text=True)


def test_group_moderators_see_and_act_only_in_their_groups(app, client, login, community, make_thread, get):
    other_thread = make_thread("bob", community["other"], title="Inhaler technique question", body="How?")
    _flag(app, login, "cat", get(Post, thread_id=other_thread, number=1).id, "spam")
    _flag(app, login, "cat", get(Post, thread_id=community["thread"], number=1).id, "spam")
    login("gina")
    assert "Moderation" in client.get("/").get_data(as_text=True)
    page = client.get("/mod/queue").get_data(as_text=True)
    assert "Is my heart rate normal?" in page and "Inhaler technique" not in page
    foreign = get(ReviewItem, post_id=get(Post, thread_id=other_thread, number=1).id)
    assert client.post(f"/mod/queue/{foreign.id}", data={"decision": "keep"}).status_code == 403
    assert client.get(f"/mod/thread/{other_thread}").status_code == 403
    assert client.get(f"/mod/thread/{community['thread']}").status_code == 200


def test_members_cannot_reach_the_moderation_pages(app, client, login, community):
    assert client.get("/mod").status_code == 302  # to the login page
    login("bob")
    for path in (
        "/mod",
        "/mod/queue",
        "/mod/log",
        "/mod/words",
        "/mod/user/ann",
        "/mod/post/1",
        f"/mod/thread/{community['thread']}",
    ):
        assert client.get(path).status_code == 403, path
    assert client.post("/mod/queue/1", data={"decision": "keep"}).status_code in (403, 404)
    assert "Moderation" not in client.get("/").get_data(as_text=True)


def test_the_log_lists_and_filters_actions(app, client, login, community, get):
    _reply(app, login, "bob", community["thread"], "a reply to hide")
    reply = get(Post, thread_id=community["thread"], number=2)
    login("modm")
    client.post(f"/mod/post/{reply.id}", data={"do": "hide", "reason": "Rude"})
    client.post(f"/mod/thread/{community['thread']}", data={"do": "lock", "t-reason": "Heated"})
    page = client.get("/mod/log").get_data(as_text=True)
    assert "Hid a post" in page and "Locked a thread" in page and "Rude" in page and "Heated" in page
    page = client.get("/mod/log?action=lock_thread").get_data(as_text=True)
    assert "Locked a thread" in page and "Rude" not in page
    assert "No actions match" in client.get("/mod/log?moderator=nobody").get_data(as_text=True)
    assert "Rude" in client.get("/mod/log?moderator=MODM").get_data(as_text=True)
    assert client.get("/mod/log?page=0").status_code == 404
