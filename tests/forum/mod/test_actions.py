"""Moderator actions on threads and people: lock, pin, move, merge; warn, silence, suspend, ban."""

from datetime import timedelta

from sqlalchemy import select

from forum.models import Group, Post, Thread, User, utcnow
from forum.models.moderation import ModerationAction


def test_lock_and_unlock_a_thread(app, client, login, community, get):
    thread = community["thread"]
    login("gina")
    assert client.post(f"/mod/thread/{thread}", data={"do": "lock", "t-reason": "Settled"}).status_code == 302
    assert get(Thread, id=thread).is_locked
    member = app.test_client()
    login("bob", c=member)
    assert "This thread is locked" in member.get(f"/t/{thread}").get_data(as_text=True)
    assert member.post(f"/t/{thread}/reply", data={"body": "late"}).status_code == 403
    client.post(f"/mod/thread/{thread}", data={"do": "unlock"})
    assert not get(Thread, id=thread).is_locked
    again = client.post(f"/mod/thread/{thread}", data={"do": "unlock"}, follow_redirects=True)
    assert "already unlocked" in again.get_data(as_text=True)


def test_pin_puts_a_thread_first_in_its_group(app, client, login, community, make_thread, get):
    pinned = community["thread"]
    make_thread("bob", community["slug"], title="A newer thread about beta blockers")
    login("modm")
    client.post(f"/mod/thread/{pinned}", data={"do": "pin"})
    page = app.test_client().get(f"/groups/{community['slug']}").get_data(as_text=True)
    assert page.index("Is my heart rate normal?") < page.index("A newer thread about beta blockers")
    assert "Pinned" in page
    assert get(ModerationAction, action="pin_thread").target_id == pinned


def test_move_a_thread_to_another_group_keeps_counters_right(client, login, community, get):
    thread = community["thread"]
    login("modm")
    lungs = get(Group, slug=community["other"])
    response = client.post(
        f"/mod/thread/{thread}", data={"do": "move", "move-group": lungs.id, "move-reason": "Wrong group"}
    )
    assert response.status_code == 302
    assert get(Thread, id=thread).group_id == lungs.id
    heart, lungs = get(Group, slug=community["slug"]), get(Group, slug=community["other"])
    assert (heart.thread_count, heart.post_count, lungs.thread_count, lungs.post_count) == (0, 0, 1, 1)
    assert "Heart Health to Lungs" in get(ModerationAction, action="move_thread").reason


def test_a_group_moderator_can_only_move_into_groups_they_moderate(client, login, community, get):
    login("gina")
    page = client.get(f"/mod/thread/{community['thread']}").get_data(as_text=True)
    assert "You moderate no other group" in page
    lungs = get(Group, slug=community["other"])
    client.post(f"/mod/thread/{community['thread']}", data={"do": "move", "move-group": lungs.id})
    assert get(Thread, id=community["thread"]).group_id != lungs.id


def test_merge_a_duplicate_question_into_another(app, client, login, community, make_thread, get, db):
    target = community["thread"]
    duplicate = make_thread(
        "bob", community["slug"], title="Heart rate 95 at rest, normal?", body="Same question"
    )
    dup_client = app.test_client()
    login("cat", c=dup_client)
    dup_client.post(f"/t/{duplicate}/reply", data={"body": "Ask your GP", "safety": "publish"})
    login("modm")
    response = client.post(
        f"/mod/thread/{duplicate}",
        data={"do": "merge", "merge-target": f"/t/{target}", "merge-reason": "Duplicate"},
    )
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/t/{target}")
    posts = list(db.session.scalars(select(Post).where(Post.thread_id == target).order_by(Post.number)))
    assert [p.number for p in posts] == [1, 2, 3]
    assert posts[1].body_source == "Same question" and posts[2].body_source == "Ask your GP"
    merged = get(Thread, id=target)
    assert merged.post_count == 3 and merged.reply_count == 2
    assert app.test_client().get(f"/t/{duplicate}").headers["Location"].endswith(f"/t/{target}")
    group = get(Group, slug=community["slug"])
    assert group.thread_count == 1 and group.post_count == 3
    assert "Heart rate 95" not in app.test_client().get(f"/groups/{community['slug']}").get_data(as_text=True)
    bad = client.post(
        f"/mod/thread/{target}", data={"do": "merge", "merge-target": "99999"}, follow_redirects=True
    )
    assert "No thread has that number" in bad.get_data(as_text=True)
    same = client.post(
        f"/mod/thread/{target}", data={"do": "merge", "merge-target": str(target)}, follow_redirects=True
    )
    assert "different thread" in same.get_data(as_text=True)


def test_warn_silence_suspend_and_ban(app, client, login, community, get):
    member = app.test_client()
    login("bob", c=member)
    login("modm")
    client.post("/mod/user/bob", data={"kind": "warn", "reason": "Please be kind"})
    assert "Please be kind" in member.get("/u/bob").get_data(as_text=True)
    assert "Please be kind" not in app.test_client().get("/u/bob").get_data(as_text=True)
    client.post("/mod/user/bob", data={"kind": "silence", "days": "3", "reason": "Cooling off"})
    bob = get(User, username="bob")
    assert timedelta(days=2, hours=23) < bob.silenced_until - utcnow() <= timedelta(days=3)
    assert member.post(f"/t/{community['thread']}/reply", data={"body": "hello"}).status_code == 403
    assert "paused your posting" in member.get(f"/t/{community['thread']}").get_data(as_text=True)
    assert (
        client.post("/mod/user/bob", data={"kind": "suspend", "days": "0", "reason": "x"}).status_code == 400
    )
    client.post("/mod/user/bob", data={"kind": "suspend", "days": "7", "reason": "Spam run"})
    assert (
        app.test_client()
        .post("/login", data={"identifier": "bob", "password": "a-long-test-password"})
        .status_code
        == 400
    )
    client.post("/mod/user/bob", data={"kind": "ban", "reason": "Repeated spam"})
    assert get(User, username="bob").banned_at is not None
    # The session bob already had ends at once.
    assert member.post(f"/t/{community['thread']}/reply", data={"body": "still here?"}).status_code == 302
    assert "Log in" in member.get("/").get_data(as_text=True)
    client.post("/mod/user/bob", data={"kind": "lift", "reason": "Appeal accepted"})
    bob = get(User, username="bob")
    assert bob.banned_at is None and bob.suspended_until is None and bob.silenced_until is None
    log = client.get("/mod/log").get_data(as_text=True)
    for label in (
        "Warned a member",
        "Silenced a member",
        "Suspended a member",
        "Banned a member",
        "Lifted sanctions",
    ):
        assert label in log
    assert "Cooling off (3 days)" in log


def test_who_may_sanction_whom(app, client, login, community, get, add_member):
    login("gina")
    client.post("/mod/user/bob", data={"kind": "ban", "reason": "x"})
    assert get(User, username="bob").banned_at is None
    heart = get(Group, slug=community["slug"])
    # A group moderator warns only for a group they moderate, and only its members or writers.
    refused = client.post("/mod/user/bob", data={"kind": "warn", "reason": "Calm down", "group": heart.id})
    assert refused.status_code == 400 and get(ModerationAction, action="warn_user") is None
    assert client.post("/mod/user/bob", data={"kind": "warn", "reason": "Calm down"}).status_code == 400
    add_member("bob", community["slug"])
    assert client.post("/mod/user/bob", data={"kind": "warn", "reason": "Calm down",
                                               "group": heart.id}).status_code == 302
    assert get(ModerationAction, action="warn_user").group_id == heart.id
    mod = app.test_client()
    login("modm", c=mod)
    refused = mod.post("/mod/user/root", data={"kind": "ban", "reason": "x"})
    assert refused.status_code == 400 and get(User, username="root").banned_at is None
    assert mod.post("/mod/user/modm", data={"kind": "silence", "days": 1, "reason": "x"}).status_code == 400
    assert mod.post("/mod/user/bob", data={"kind": "ban", "reason": ""}).status_code == 400
    assert mod.get("/mod/user/nobody-here").status_code == 404


def test_a_moderator_edit_needs_no_safety_step_and_is_logged_with_its_reason(
    app, client, login, community, get
):
    post = get(Post, thread_id=community["thread"], number=1)
    login("modm")
    page = client.get(f"/p/{post.id}/edit").get_data(as_text=True)
    assert "Reason for the edit" in page
    response = client.post(
        f"/p/{post.id}/edit",
        data={
            "title": "Is my heart rate normal?",
            "body": "It is 95 at rest. Call 555-123-4567",
            "reason": "Fixed formatting",
        },
    )
    assert response.status_code == 302
    entry = get(ModerationAction, action="edit_post")
    assert entry.reason == "Fixed formatting" and entry.target_id == post.id
