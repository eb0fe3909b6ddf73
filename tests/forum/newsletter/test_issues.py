"""Newsletter issues: only admins write, test and send them; Markdown through the sanitizer;
counts per topic; each confirmed subscriber of the issue's topics receives it once, by SMTP,
with one-click unsubscribe headers and plain-text and HTML parts; sending twice sends nothing."""
from __future__ import annotations

import functools

import pytest
from sqlalchemy import select

from forum.extensions import db as _db
from forum.models import NewsletterIssue, NewsletterSubscriber, NewsletterTopic, Role, utcnow
from tests.smtp_server import html_of, text_of

BODY = "Our **new** articles this month.\n\n<script>alert(1)</script>\n\n[Read them](https://askwell.test/second-opinion)"


@pytest.fixture
def lists(app, make_user, make_group):
    """root (admin), modm (moderator), ann (member); a public group; subscribers:
    so1, so2 (Second Opinion), both (Second Opinion and the group), grp (the group),
    pending (Second Opinion, never confirmed)."""
    make_user("root", role=Role.ADMIN)
    make_user("modm", role=Role.MODERATOR)
    make_user("ann")
    slug = make_group("Heart Health")
    with app.app_context():
        from forum.models import Group

        group_topic = f"group:{_db.session.scalar(select(Group.id).where(Group.slug == slug))}"
        for name, topics, confirmed in (("so1", ["second-opinion"], True), ("so2", ["second-opinion"], True),
                                        ("both", ["second-opinion", group_topic], True),
                                        ("grp", [group_topic], True), ("pending", ["second-opinion"], False)):
            _db.session.add(NewsletterSubscriber(
                email=f"{name}@example.com", created_at=utcnow(), confirmed_at=utcnow() if confirmed else None,
                topics=[NewsletterTopic(topic=t) for t in topics]))
        _db.session.commit()
    return {"group": group_topic}


def compose(client, topics, subject="Askwell this month", body=BODY):
    return client.post("/admin/newsletter/new", data={"subject": subject, "body": body, "topics": topics})


def _issue(db) -> NewsletterIssue:
    return db.session.scalar(select(NewsletterIssue).order_by(NewsletterIssue.id.desc()))


@pytest.mark.parametrize("who", [None, "ann", "modm"])
def test_only_admins_reach_the_newsletter_pages(client, login, lists, db, who):
    if who:
        login(who)
    for url in ("/admin/newsletter", "/admin/newsletter/new"):
        assert client.get(url).status_code in ((302,) if who is None else (403,))
    compose(client, ["second-opinion"])
    assert db.session.scalar(select(NewsletterIssue.id)) is None


def test_the_admin_sees_counts_writes_tests_and_sends_once(client, login, lists, db, smtp):
    login("root")
    overview = client.get("/admin/newsletter").get_data(as_text=True)
    assert "<td>Second Opinion articles</td><td>3</td>" in overview
    assert "<td>Heart Health</td><td>2</td>" in overview

    saved = compose(client, ["second-opinion"])
    assert saved.status_code == 302
    issue = _issue(db)
    assert "<script>" not in issue.body_html and "<strong>new</strong>" in issue.body_html
    page = client.get(f"/admin/newsletter/{issue.id}").get_data(as_text=True)
    assert "Send to 3 subscribers" in page and "alert(1)</script>" not in page

    client.post(f"/admin/newsletter/{issue.id}/test")
    (test_copy,) = smtp.to("root@example.com")
    assert test_copy["Subject"] == "[Test] Askwell this month"
    assert smtp.to("so1@example.com") == [], "a test goes to the admin only"

    sent = client.post(f"/admin/newsletter/{issue.id}/send", follow_redirects=True).get_data(as_text=True)
    assert "Sending to 3 subscribers" in sent
    got = sorted(r for rcpts, _ in smtp.messages for r in rcpts if r != "root@example.com")
    assert got == ["both@example.com", "so1@example.com", "so2@example.com"]
    assert _issue(db).sent_count == 3 and _issue(db).recipient_count == 3

    again = client.post(f"/admin/newsletter/{issue.id}/send", follow_redirects=True).get_data(as_text=True)
    assert "This issue was sent already." in again
    assert len(smtp.messages) == 4
    assert client.get(f"/admin/newsletter/{issue.id}/edit").status_code == 409


def test_every_copy_has_both_parts_and_a_working_one_click_unsubscribe(app, client, login, lists, db, smtp):
    login("root")
    compose(client, [lists["group"]])
    client.post(f"/admin/newsletter/{_issue(db).id}/send")
    (message,) = smtp.to("grp@example.com")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = message["List-Unsubscribe"].strip("<>")
    assert url.startswith("http://askwell.test/newsletter/unsubscribe?t=")
    assert url in text_of(message) and url.replace("&", "&amp;") in html_of(message)
    assert "Our **new** articles" in text_of(message)
    assert "<strong>new</strong>" in html_of(message) and "<script>" not in html_of(message)
    assert "you subscribed to Heart Health" in text_of(message)

    mail_program = app.test_client()
    assert mail_program.post(url.removeprefix("http://askwell.test"),
                             data={"List-Unsubscribe": "One-Click"}).status_code == 200
    assert db.session.scalar(select(NewsletterSubscriber).where(NewsletterSubscriber.email == "grp@example.com")) \
        is None


def test_sending_goes_in_one_job_per_batch_and_a_rerun_sends_nobody_twice(app, client, login, lists, db, smtp,
                                                                          monkeypatch):
    from forum.newsletter import sending

    app.config["NEWSLETTER_BATCH"] = 2
    batches = []
    original = sending.send_batch

    @functools.wraps(original)
    def counting(issue_id, ids, root):
        batches.append(list(ids))
        return original(issue_id, ids, root)

    monkeypatch.setattr(sending, "send_batch", counting)
    login("root")
    compose(client, ["second-opinion", lists["group"]])
    issue_id = _issue(db).id
    client.post(f"/admin/newsletter/{issue_id}/send")
    assert [len(b) for b in batches] == [2, 2]
    assert len(smtp.messages) == 4

    with app.app_context():  # a retried plan and every batch again, as a worker restart might
        sending.plan_issue(issue_id, "http://askwell.test")
        for ids in batches[:2]:
            sending.send_batch(issue_id, ids, "http://askwell.test")
    assert len(smtp.messages) == 4 and _issue(db).sent_count == 4


def test_someone_who_unsubscribes_before_their_batch_runs_gets_nothing(app, client, login, lists, db, smtp):
    from forum.newsletter import sending

    login("root")
    compose(client, ["second-opinion"])
    issue = _issue(db)
    ids = list(db.session.scalars(select(NewsletterSubscriber.id).order_by(NewsletterSubscriber.id)))
    with app.app_context():
        _db.session.delete(_db.session.scalar(select(NewsletterSubscriber)
                                              .where(NewsletterSubscriber.email == "so1@example.com")))
        _db.session.commit()
        sending.send_batch(issue.id, ids, "http://askwell.test")
    got = sorted(r for rcpts, _ in smtp.messages for r in rcpts)
    assert got == ["both@example.com", "so2@example.com"], "nor the unconfirmed nor the group-only subscriber"


@pytest.mark.parametrize("data, error", [
    ({"subject": "", "body": BODY, "topics": ["second-opinion"]}, "Give the issue a subject."),
    ({"subject": "Short", "body": BODY, "topics": ["second-opinion"]}, "Subjects are 10"),
    ({"subject": "A fine subject", "body": "", "topics": ["second-opinion"]}, "Write the issue"),
    ({"subject": "A fine subject", "body": "x" * 30_000, "topics": ["second-opinion"]}, "That is too long."),
    ({"subject": "A fine subject", "body": BODY, "topics": []}, "Choose at least one topic"),
    ({"subject": "A fine subject", "body": BODY, "topics": ["group:424242"]}, "Choose at least one topic"),
])
def test_a_bad_issue_is_refused_with_the_text_kept(client, login, lists, db, data, error):
    login("root")
    page = client.post("/admin/newsletter/new", data=data)
    text = page.get_data(as_text=True)
    assert page.status_code == 400 and error in text
    if data["subject"]:
        assert f'value="{data["subject"]}"' in text
    assert db.session.scalar(select(NewsletterIssue.id)) is None


def test_an_issue_nobody_would_receive_is_not_sent(client, login, lists, db, smtp, app):
    with app.app_context():
        _db.session.execute(NewsletterTopic.__table__.delete().where(NewsletterTopic.topic == lists["group"]))
        _db.session.commit()
    login("root")
    compose(client, [lists["group"]])
    page = client.post(f"/admin/newsletter/{_issue(db).id}/send", follow_redirects=True).get_data(as_text=True)
    assert "there is nobody to send to" in page
    assert _issue(db).sending_started_at is None and smtp.messages == []
