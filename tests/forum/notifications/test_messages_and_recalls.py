"""Notifications for private messages and My Medicine recall alerts, and blocks in the fan-out:
the recipient is told who wrote (never the text), a blocked member's mentions, replies and
messages reach nobody, and a recall alert names neither the medicine nor whose list it is on."""
from __future__ import annotations

from sqlalchemy import select

from forum.actions import blocks, following, messages
from forum.models import Notification, Thread, User
from tests.forum.medicine.conftest import FIXTURES


def _texts(client) -> str:
    return client.get("/notifications").get_data(as_text=True)


def test_a_message_notifies_the_recipient_without_its_text(make_user, act, notices, login, app):
    make_user("ann")
    make_user("bob")
    act(lambda ann, bob: messages.start_conversation(ann, bob, "My zorbleton results came back fine."),
        "ann", (User, "bob"))
    assert notices("bob") == ["message"] and notices("ann") == []
    bob = login("bob", c=app.test_client())
    page = _texts(bob)
    assert "sent you a private message" in page and "zorbleton" not in page
    import re

    ids = re.search(r'name="ids" value="([^"]+)"', page).group(1)
    opened = bob.post("/notifications/open", data={"ids": ids})
    assert opened.status_code == 302 and opened.headers["Location"].startswith("/messages/")


def test_a_blocked_member_reaches_nobody(make_user, make_group, make_thread, act, notices, db):
    for name in ("ann", "bob"):
        make_user(name)
    slug = make_group("Open Talk")
    thread_id = make_thread("ann", slug, title="How do you sleep with tinnitus?")
    act(blocks.block_member, "ann", (User, "bob"))
    from forum.actions.posts import post_reply

    act(lambda bob, thread: post_reply(bob, thread, "Hi @ann, white noise helps me."), "bob", (Thread, thread_id))
    assert notices("ann") == [], "no reply or mention notice from someone ann blocked"
    act(following.set_watch, "bob", (Thread, thread_id), level="watch")
    act(lambda ann, thread: post_reply(ann, thread, "Thanks everyone, and @bob too."), "ann", (Thread, thread_id))
    assert notices("bob") == [], "nor from the one who blocked them"


def test_a_recall_alert_notifies_the_owner_without_naming_the_medicine(make_user, login, runner, app, db):
    from forum.drugs.catalogue import load_catalogue

    with app.app_context():
        load_catalogue()
    make_user("ann")
    ann = login("ann", c=app.test_client())
    ann.post("/medicine/family", data={"profile-name": "Grandad"})
    profile_id = db.session.scalar(select(__import__("forum.models", fromlist=["CareProfile"]).CareProfile.id))
    ann.post(f"/medicine/add?profile={profile_id}", data={"name": "Lisinopril", "dose": "10 mg"})
    result = runner.invoke(args=["drugs", "import-recalls", str(FIXTURES / "medicine" / "drug-enforcement.json")])
    assert "1 new alerts" in result.output
    kinds = list(db.session.scalars(select(Notification.kind)))
    assert kinds == ["recall"]
    page = _texts(ann).split("<main", 1)[1]
    page = page[page.index("<h1>"):]  # after the flashed "Added ..." message
    assert "An FDA recall may concern a medicine on your My Medicine list" in page
    assert "Lisinopril" not in page and "Grandad" not in page
