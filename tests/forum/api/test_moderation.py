"""Moderators on the API: the queue, keep/hide/delete, hide and unhide, sanctions and the
log, with the permission checks and audit-log rows of the /mod pages."""
from sqlalchemy import select

from forum.models import ModerationAction, Post, ReviewItem, User


def _flagged(api_as, reply_as, community, body="Buy cheap pills here"):
    post_id = reply_as("bob", community["thread"], body)
    api_as("dan").post(f"/api/v1/posts/{post_id}/flags", json={"reason": "spam"})
    return post_id


def test_the_queue_is_for_moderators_only(api_as, community, reply_as):
    post_id = _flagged(api_as, reply_as, community)
    assert api_as("dan").get("/api/v1/mod/queue").status_code == 403
    items = api_as("gina").get("/api/v1/mod/queue").json["items"]
    assert items[0]["post"]["id"] == post_id and items[0]["flags"][0] == {
        "reason": "spam", "details": "", "reporter": "dan", "created_at": items[0]["flags"][0]["created_at"]}
    assert api_as("gina").get(f"/api/v1/mod/queue?group={community['other']}").json["items"] == []
    assert api_as("modm").get("/api/v1/mod/queue?reason=spam").json["items"][0]["id"] == items[0]["id"]


def test_decisions_write_the_same_audit_rows_as_the_queue_page(api_as, community, reply_as, db):
    post_id = _flagged(api_as, reply_as, community)
    item_id = db.session.scalar(select(ReviewItem.id))
    no_reason = api_as("gina").post(f"/api/v1/mod/queue/{item_id}", json={"decision": "hide"})
    assert no_reason.status_code == 422 and "Give a reason" in no_reason.json["detail"]
    done = api_as("gina").post(f"/api/v1/mod/queue/{item_id}", json={"decision": "hide", "reason": "Advertising"})
    assert done.json == {"item_id": item_id, "decision": "hide", "target_type": "post", "target_id": post_id}
    row = db.session.scalar(select(ModerationAction).where(ModerationAction.action == "hide_post"))
    assert row.reason == "Advertising" and row.moderator.username == "gina" and row.target_id == post_id
    assert db.session.get(Post, post_id).hidden_at is not None
    again = api_as("gina").post(f"/api/v1/mod/queue/{item_id}", json={"decision": "keep"})
    assert again.status_code == 422 and "already decided" in again.json["detail"]


def test_a_member_cannot_decide(api_as, community, reply_as, db):
    _flagged(api_as, reply_as, community)
    item_id = db.session.scalar(select(ReviewItem.id))
    assert api_as("dan").post(f"/api/v1/mod/queue/{item_id}", json={"decision": "keep"}).status_code == 403
    assert db.session.scalar(select(ReviewItem.is_open))


def test_hide_and_unhide_a_post(api_as, community, reply_as, db):
    post_id = reply_as("bob", community["thread"], "Rude words")
    assert api_as("dan").post(f"/api/v1/mod/posts/{post_id}/hide", json={"reason": "Rude"}).status_code == 403
    hidden = api_as("gina").post(f"/api/v1/mod/posts/{post_id}/hide", json={"reason": "Rude"})
    assert hidden.json["state"] == "hidden" and hidden.json["hidden_reason"] == "Rude"
    assert api_as("dan").post(f"/api/v1/mod/posts/{post_id}/unhide", json={}).status_code == 404
    shown = api_as("gina").post(f"/api/v1/mod/posts/{post_id}/unhide", json={"reason": "Appealed"})
    assert shown.json["state"] == "published"
    actions = list(db.session.scalars(select(ModerationAction.action).order_by(ModerationAction.id)))
    assert actions[-2:] == ["hide_post", "unhide_post"]


def test_sanctions_follow_the_site_rules_and_a_ban_stops_tokens(api_as, community, db):
    bob_api = api_as("bob")
    refused = api_as("gina").post("/api/v1/mod/users/bob/sanctions", json={"kind": "ban", "reason": "Spam"})
    assert refused.status_code == 403 and "group moderators may warn" in refused.json["detail"]
    banned = api_as("modm").post("/api/v1/mod/users/bob/sanctions", json={"kind": "ban", "reason": "Spam"})
    assert banned.status_code == 200 and banned.json["banned"]
    assert db.session.scalar(select(ModerationAction.action).where(ModerationAction.action == "ban_user"))
    assert bob_api.get("/api/v1/me").status_code == 401
    suspend = api_as("modm").post("/api/v1/mod/users/cat/sanctions", json={"kind": "suspend", "reason": "Cool off"})
    assert suspend.status_code == 422 and "number of days" in suspend.json["detail"]
    assert db.session.scalar(select(User.suspended_until).where(User.username == "cat")) is None
    lifted = api_as("modm").post("/api/v1/mod/users/bob/sanctions", json={"kind": "lift", "reason": "Appeal upheld"})
    assert not lifted.json["banned"]
    assert api_as("modm").post("/api/v1/mod/users/modm/sanctions", json={"kind": "warn", "reason": "x"}).status_code == 403
    unknown = api_as("modm").post("/api/v1/mod/users/bob/sanctions", json={"kind": "warn", "reason": "x", "group": "nope"})
    assert unknown.status_code == 422


def test_the_log_pages_newest_first_and_is_scoped(api_as, community, reply_as):
    post_id = reply_as("bob", community["thread"], "Text")
    api_as("gina").post(f"/api/v1/mod/posts/{post_id}/hide", json={"reason": "One"})
    api_as("gina").post(f"/api/v1/mod/posts/{post_id}/unhide", json={"reason": "Two"})
    entries = api_as("gina").get("/api/v1/mod/log").json["entries"]
    assert [e["action"] for e in entries[:2]] == ["unhide_post", "hide_post"] and entries[0]["moderator"] == "gina"
    assert api_as("gina").get("/api/v1/mod/log?action=hide_post").json["entries"][0]["reason"] == "One"
    assert api_as("dan").get("/api/v1/mod/log").status_code == 403
