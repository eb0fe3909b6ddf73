"""The site's own pages: every footer link answers with real text; admins edit them (sanitized,
with history); the contact form reaches the moderators' queue, for visitors too, rate limited."""
import pytest
from sqlalchemy import func, select

from forum import create_app
from forum.extensions import db as _db
from forum.models import ContactMessage, ModerationAction, Role, SitePageRevision
from tests.conftest import csrf_token_from

PAGES = {
    "/about": "verified experts",
    "/guidelines": "Do not diagnose other people",
    "/privacy": "Download my data",
    "/terms": "You keep the rights to what you write",
    "/disclaimer": "does not give medical advice",
    "/contact": "Contact the moderators",
}


def test_every_footer_link_answers_with_real_text(client):
    footer = client.get("/").get_data(as_text=True).split('class="site-footer"')[1]
    for url, phrase in PAGES.items():
        assert f'href="{url}"' in footer, f"{url} is not linked from the footer"
        page = client.get(url)
        assert page.status_code == 200
        assert phrase in page.get_data(as_text=True)


def test_the_privacy_policy_matches_what_deletion_does(client):
    page = client.get("/privacy").get_data(as_text=True)
    assert "A former member" in page and "Argon2id" in page and "private groups" in page.lower()


@pytest.fixture
def admin(make_user, login):
    make_user("ada", role=Role.ADMIN)
    return login("ada")


def test_an_admin_edits_a_page_and_the_history_keeps_each_version(admin, db):
    assert admin.get("/terms/edit").status_code == 200
    first = admin.post("/terms/edit", data={"title": "Terms of use", "body": "## Version one\n\nFirst terms text here.",
                                            "note": "Shorter"})
    assert first.status_code == 302
    admin.post("/terms/edit", data={"title": "Terms of use",
                                    "body": "## Version two\n\n<script>alert(1)</script> new text here."})
    page = admin.get("/terms").get_data(as_text=True)
    assert "<h2>Version two</h2>" in page and "<script>alert" not in page and "Last updated" in page
    history = admin.get("/terms/history").get_data(as_text=True)
    assert "Version one" in history and "Version two" in history and "Shorter" in history
    assert db.session.scalar(select(func.count()).select_from(SitePageRevision)) == 2
    assert db.session.scalar(select(func.count()).select_from(ModerationAction)
                             .where(ModerationAction.action == "edit_page")) == 2


def test_a_page_with_a_bad_edit_keeps_what_was_typed(admin, db):
    response = admin.post("/about/edit", data={"title": "About us", "body": "too short"})
    assert response.status_code == 400
    text = response.get_data(as_text=True)
    assert "too short" in text and "at least 20 characters" in text
    assert db.session.scalar(select(func.count()).select_from(SitePageRevision)) == 0


def test_only_admins_edit_pages(client, make_user, login):
    assert client.get("/privacy/edit").status_code == 302  # to the login page
    make_user("moe", role=Role.MODERATOR)
    login("moe")
    assert client.get("/privacy/edit").status_code == 403
    assert client.post("/privacy/edit", data={"title": "Mine", "body": "x" * 40}).status_code == 403
    assert client.get("/privacy/history").status_code == 403
    assert "Edit this page" not in client.get("/privacy").get_data(as_text=True)


def _send(client, body="Someone in the diabetes group keeps posting adverts.", **extra):
    return client.post("/contact", data={"topic": "report", "body": body, **extra})


def test_a_visitor_writes_and_the_message_reaches_the_moderators_queue(client, make_user, login, db):
    response = _send(client, name="Vi", email="vi@example.com")
    assert response.status_code == 200 and "your message was sent" in response.get_data(as_text=True)
    message = db.session.scalar(select(ContactMessage))
    assert message.sender_id is None and message.email == "vi@example.com" and message.is_open
    make_user("moe", role=Role.MODERATOR)
    login("moe")
    assert "Contact messages" in client.get("/mod").get_data(as_text=True)
    queue = client.get("/mod/queue").get_data(as_text=True)
    assert "keeps posting adverts" in queue and "vi@example.com" in queue
    assert client.post(f"/mod/contact/{message.id}/close").status_code == 302
    assert "keeps posting adverts" not in client.get("/mod/queue").get_data(as_text=True)
    assert db.session.scalar(select(ModerationAction.action).where(ModerationAction.target_type == "contact")) \
        == "close_contact"


def test_group_moderators_and_members_never_see_contact_messages(client, make_user, login, make_group,
                                                                 add_member, db):
    _send(client)
    make_user("gmo")
    slug = make_group("Heart Health")
    add_member("gmo", slug, moderator=True)
    login("gmo")
    assert "keeps posting adverts" not in client.get("/mod/queue").get_data(as_text=True)
    message_id = db.session.scalar(select(ContactMessage.id))
    assert client.post(f"/mod/contact/{message_id}/close").status_code == 403
    assert db.session.get(ContactMessage, message_id).is_open


def test_a_member_s_message_is_signed_and_crisis_words_make_it_urgent(client, make_user, login, db):
    make_user("mel")
    login("mel")
    response = _send(client, body="I can't go on, I want to end my life. Please delete my account.")
    assert "If you are thinking about hurting yourself" in response.get_data(as_text=True)
    message = db.session.scalar(select(ContactMessage))
    assert message.sender_id is not None and message.email == "mel@example.com" and message.is_urgent
    [exported] = client.get("/settings/account/data.json").get_json()["contact_messages"]
    assert "Please delete my account" in exported["text"]


def test_an_empty_or_unknown_topic_message_is_refused_with_the_text_kept(client, db):
    response = client.post("/contact", data={"topic": "nonsense", "body": "Please help me with my account"})
    assert response.status_code == 400 and "Please help me with my account" in response.get_data(as_text=True)
    assert client.post("/contact", data={"topic": "other", "body": ""}).status_code == 400
    assert db.session.scalar(select(func.count()).select_from(ContactMessage)) == 0


def test_the_contact_form_needs_its_csrf_token(csrf_app, db):
    client = csrf_app.test_client()
    assert _send(client).status_code == 400
    assert db.session.scalar(select(func.count()).select_from(ContactMessage)) == 0
    token = csrf_token_from(client.get("/contact").get_data(as_text=True))
    assert _send(client, csrf_token=token).status_code == 200
    assert db.session.scalar(select(func.count()).select_from(ContactMessage)) == 1


@pytest.fixture
def limited_app(app_config):
    app = create_app({**app_config, "RATELIMIT_ENABLED": True, "CONTACT_LIMIT": "2 per hour",
                      "RATELIMIT_STORAGE_URI": "memory://"})
    with app.app_context():
        _db.drop_all()
        _db.create_all()
    yield app
    with app.app_context():
        _db.session.remove()
        _db.drop_all()
        _db.engine.dispose()


def test_contact_messages_are_limited_per_network_and_say_when_to_try_again(limited_app):
    client = limited_app.test_client()
    assert client.post("/contact", data={"topic": "other", "body": "x"}).status_code == 400  # not counted
    for i in range(2):
        assert _send(client, body=f"Message number {i} for you").status_code == 200
    response = _send(client, body="My third message, typed with care")
    assert response.status_code == 400
    text = response.get_data(as_text=True)
    assert "try again in about" in text and "My third message, typed with care" in text
    with limited_app.app_context():
        assert _db.session.scalar(select(func.count()).select_from(ContactMessage)) == 2
