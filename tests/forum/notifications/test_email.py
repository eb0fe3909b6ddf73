"""Notification email through a real SMTP server: parts, one-click unsubscribe, preferences,
digests, permission re-checked at send time, nothing twice, nothing after account deletion."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from forum.extensions import db as _db
from forum.models import EmailPreference, Notification, User
from tests.conftest import PASSWORD
from tests.forum.notifications import smtp


@pytest.fixture
def inbox(app):
    controller, inbox = smtp.start(app)
    yield inbox
    controller.stop()


@pytest.fixture
def asked(make_user, make_group, make_thread, add_member):
    for name in ("ann", "bob", "cat"):
        make_user(name)
    slug = make_group("Sleep Talk")
    private = make_group("Night Shift", private=True)
    for name in ("ann", "bob"):
        add_member(name, private)
    return {"slug": slug, "private": private,
            "thread": make_thread("ann", slug, title="Why do I wake at 4am?"),
            "secret": make_thread("ann", private, title="Members only: shift work")}


def parts(message) -> tuple[str, str]:
    return (message.get_body(("plain",)).get_content(), message.get_body(("html",)).get_content())


def test_a_reply_email_has_both_parts_a_link_and_one_click_unsubscribe(asked, reply_as, inbox, client, db):
    post_id = reply_as("bob", asked["thread"], "Try keeping the room cool.")
    [message] = inbox.to("ann@example.com")
    text, html = parts(message)
    assert "bob replied in “Why do I wake at 4am?”" in text and "Try keeping the room cool." in text
    assert f"http://askwell.test/p/{post_id}" in text and f'href="http://askwell.test/p/{post_id}"' in html
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = message["List-Unsubscribe"].strip("<>")
    assert url.startswith("http://askwell.test/unsubscribe/")
    path = url.removeprefix("http://askwell.test")
    assert "Unsubscribe" in client.get(path).get_data(as_text=True)  # a GET only asks
    assert db.session.scalar(select(EmailPreference)) is None
    assert client.post(path, data={"List-Unsubscribe": "One-Click"}).status_code == 204  # no login needed
    reply_as("cat", asked["thread"])
    assert len(inbox.to("ann@example.com")) == 1  # no longer emailed
    ann = db.session.scalar(select(User).where(User.username == "ann"))
    unread = db.session.scalars(select(Notification).where(Notification.user_id == ann.id,
                                                           Notification.read_at.is_(None))).all()
    assert len(unread) == 2  # but still told on the site, about both replies
    assert client.post(path + "x", data={"List-Unsubscribe": "One-Click"}).status_code == 404


def test_no_email_to_someone_who_lost_access_before_it_was_sent(asked, reply_as, inbox, app, add_member):
    from forum.actions.groups import leave_group
    from forum.models import Group
    from forum.notifications.emails import send_immediately

    app.config["MAIL_SERVER"], server = "", app.config["MAIL_SERVER"]  # hold the email back (to files)
    with app.app_context():
        ann = _db.session.scalar(select(User).where(User.username == "ann"))
        _db.session.add(EmailPreference(user_id=ann.id, kind="reply", frequency="daily"))
        _db.session.commit()
    reply_as("bob", asked["secret"], "Private words about shift work")
    app.config["MAIL_SERVER"] = server
    with app.app_context():
        ann = _db.session.scalar(select(User).where(User.username == "ann"))
        ids = list(_db.session.scalars(select(Notification.id).where(Notification.user_id == ann.id)))
        _db.session.query(EmailPreference).delete()
        _db.session.commit()
        leave_group(ann, _db.session.scalar(select(Group).where(Group.slug == asked["private"])))
        send_immediately(ids)
    assert inbox.to("ann@example.com") == []


def test_a_retried_send_job_sends_once(asked, reply_as, inbox, app):
    from forum.notifications.emails import send_immediately

    reply_as("bob", asked["thread"])
    with app.app_context():
        ids = list(_db.session.scalars(select(Notification.id)))
        _db.session.execute(Notification.__table__.update().values(emailed_at=None))
        _db.session.commit()
        send_immediately(ids)
    assert len(inbox.to("ann@example.com")) == 1


def test_daily_digests_gather_unread_activity_once(asked, reply_as, inbox, login, client, runner):
    login("ann")
    choices = {"reply": "daily", "mention": "never"}
    assert client.post("/settings/email", data=choices).status_code == 302
    reply_as("bob", asked["thread"])
    reply_as("cat", asked["thread"])
    assert inbox.to("ann@example.com") == []
    assert "Queued 1 daily" in runner.invoke(args=["jobs", "digests", "--daily"]).output
    [digest] = inbox.to("ann@example.com")
    text, html = parts(digest)
    assert "2 new replies in “Why do I wake at 4am?”" in text and "List-Unsubscribe" in digest
    runner.invoke(args=["jobs", "digests", "--daily"])
    assert len(inbox.to("ann@example.com")) == 1
    assert "--daily or --weekly" in runner.invoke(args=["jobs", "digests"]).output


def test_the_settings_page_refuses_a_made_up_choice_and_keeps_the_rest(asked, login, client, db):
    login("ann")
    response = client.post("/settings/email", data={"reply": "hourly", "helpful": "never"})
    assert response.status_code == 400 and "Choose immediately" in response.get_data(as_text=True)
    assert db.session.scalar(select(EmailPreference)) is None
    assert 'value="never" checked' in response.get_data(as_text=True)


def test_deleting_an_account_stops_email_at_once(asked, reply_as, inbox, app, runner):
    from forum.actions.data_rights import delete_account
    from forum.notifications.emails import send_immediately

    with app.app_context():
        ann = _db.session.scalar(select(User).where(User.username == "ann"))
        _db.session.add(EmailPreference(user_id=ann.id, kind="reply", frequency="daily"))
        _db.session.commit()
    reply_as("bob", asked["thread"])
    with app.app_context():
        ids = list(_db.session.scalars(select(Notification.id)))
        delete_account(_db.session.scalar(select(User).where(User.username == "ann")), PASSWORD)
        send_immediately(ids)
        assert _db.session.scalar(select(Notification)) is None
    assert "Queued 0" in runner.invoke(args=["jobs", "digests", "--daily"]).output
    assert inbox.to("ann@example.com") == []


def test_the_export_includes_notifications_and_follows(asked, reply_as, app):
    from forum.actions.data_rights import export_user_data

    reply_as("bob", asked["thread"])
    with app.app_context():
        data = export_user_data(_db.session.scalar(select(User).where(User.username == "ann")))
    assert data["notifications"][0]["text"] == "bob replied in “Why do I wake at 4am?”"
    assert {w["thread_id"] for w in data["thread_watches"]} == {asked["thread"], asked["secret"]}
    assert data["email_preferences"]["reply"] == "immediately"
    assert data["bookmarks"] == [] and data["group_follows"] == []
