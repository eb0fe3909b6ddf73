"""Newsletter sign-up: double opt-in by a real email, topics, one-click unsubscribe, and what
hostile input (malformed addresses, forged or replayed links) gets: a clear answer, no change."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from forum.models import NewsletterSubscriber, NewsletterTopic, User
from tests.conftest import csrf_token_from
from tests.smtp_server import link_in, text_of


@pytest.fixture
def topics(app, make_group):
    public = make_group("Heart Health")
    make_group("Secret Circle", private=True)
    from forum.extensions import db
    from forum.models import Group

    with app.app_context():
        ids = {g.slug: g.id for g in db.session.scalars(select(Group))}
    return {"heart": f"group:{ids[public]}", "secret": f"group:{ids['secret-circle']}"}


def _subscriber(db, address):
    return db.session.scalar(select(NewsletterSubscriber).where(NewsletterSubscriber.email == address))


def _topics_of(db, address) -> list[str]:
    sub = _subscriber(db, address)
    return sorted(db.session.scalars(select(NewsletterTopic.topic).where(NewsletterTopic.subscriber_id == sub.id)))


def sign_up(client, address, topics):
    return client.post("/newsletter", data={"email": address, "topics": topics})


def confirm(client, smtp, address):
    """Open the newest confirmation link ``address`` received and press its button."""
    path = link_in(smtp.to(address)[-1], "/newsletter/confirm")
    page = client.get(path)
    assert page.status_code == 200 and "Confirm my subscription" in page.get_data(as_text=True)
    token = path.split("?t=")[1]
    return client.post("/newsletter/confirm", data={"t": token}, follow_redirects=True)


def test_the_form_offers_second_opinion_and_public_groups_only(client, topics):
    page = client.get("/newsletter?email=visitor%40example.com").get_data(as_text=True)
    assert "Sign up to receive Askwell content in your inbox" in page
    assert 'value="visitor@example.com"' in page
    assert "Second Opinion articles" in page and "Heart Health" in page
    assert "Secret Circle" not in page and topics["secret"] not in page
    assert 'action="/newsletter"' in client.get("/").get_data(as_text=True), "the footer form is on every page"


def test_a_visitor_is_subscribed_only_after_opening_the_emailed_link(client, db, smtp, topics):
    page = sign_up(client, "  Visitor@Example.com ", ["second-opinion", topics["heart"]])
    assert page.status_code == 200 and "Check your email" in page.get_data(as_text=True)
    (message,) = smtp.to("visitor@example.com")
    assert "Confirm your Askwell newsletter subscription" == message["Subject"]
    assert "Second Opinion articles, Heart Health" in text_of(message)
    subscriber = _subscriber(db, "visitor@example.com")
    assert subscriber.confirmed_at is None and _topics_of(db, "visitor@example.com") == []

    # Opening the link (a GET, as a mail scanner would) confirms nothing.
    client.get(link_in(message, "/newsletter/confirm"))
    assert _subscriber(db, "visitor@example.com").confirmed_at is None

    done = confirm(client, smtp, "visitor@example.com")
    text = done.get_data(as_text=True)
    assert "You are subscribed. visitor@example.com will receive: Second Opinion articles, Heart Health." in text
    assert _subscriber(db, "visitor@example.com").confirmed_at is not None
    assert _topics_of(db, "visitor@example.com") == sorted(["second-opinion", topics["heart"]])
    assert len(smtp.to("visitor@example.com")) == 1, "nothing but the confirmation was sent"


def test_a_used_replaced_forged_or_oversized_link_changes_nothing(client, db, smtp, topics):
    sign_up(client, "v@example.com", ["second-opinion"])
    first = link_in(smtp.to("v@example.com")[-1], "/newsletter/confirm").split("?t=")[1]
    sign_up(client, "v@example.com", [topics["heart"]])
    second = link_in(smtp.to("v@example.com")[-1], "/newsletter/confirm").split("?t=")[1]

    replaced = client.post("/newsletter/confirm", data={"t": first})
    assert replaced.status_code == 400 and "replaced by a newer one" in replaced.get_data(as_text=True)
    assert client.post("/newsletter/confirm", data={"t": second}).status_code == 302
    assert _topics_of(db, "v@example.com") == [topics["heart"]]
    replayed = client.post("/newsletter/confirm", data={"t": second})
    assert replayed.status_code == 400 and "used already" in replayed.get_data(as_text=True)

    for bad in ("", "x", second[:-3] + "abc", second + "x", "A" * 100_000, "%00", "a.b.c"):
        for response in (client.get("/newsletter/confirm", query_string={"t": bad}),
                         client.post("/newsletter/confirm", data={"t": bad})):
            assert response.status_code == 400, bad[:20]
            assert "That link does not work" in response.get_data(as_text=True)
    assert _topics_of(db, "v@example.com") == [topics["heart"]]


def test_a_stranger_signing_up_someone_elses_address_changes_nothing_for_them(client, db, smtp, topics):
    sign_up(client, "owner@example.com", ["second-opinion"])
    confirm(client, smtp, "owner@example.com")
    stranger = client.application.test_client()
    again = sign_up(stranger, "owner@example.com", [topics["heart"]])
    assert again.status_code == 200 and "Check your email" in again.get_data(as_text=True)
    assert _topics_of(db, "owner@example.com") == ["second-opinion"], "nothing changes until the owner confirms"
    assert len(smtp.to("owner@example.com")) == 2


@pytest.mark.parametrize("address, error", [
    ("", "Enter your email address."),
    ("   ", "Enter your email address."),
    ("not-an-email", "Enter a valid email address"),
    ("a@b", "Enter a valid email address"),
    ("two@@example.com", "Enter a valid email address"),
    ("x" * 250 + "@example.com", "That address is too long."),
    ("a" * 100_000 + "@example.com", "That address is too long."),
    ("evil@example.com\r\nBcc: victim@example.com", "Enter a valid email address"),
])
def test_bad_addresses_get_a_clear_message_and_nothing_is_sent(client, db, smtp, topics, address, error):
    page = sign_up(client, address, ["second-opinion"])
    text = page.get_data(as_text=True)
    assert page.status_code == 400 and error in text
    assert "We could not sign you up yet" in text
    assert db.session.scalar(select(func.count()).select_from(NewsletterSubscriber)) == 0
    assert smtp.messages == []


def test_no_topic_or_only_unknown_or_private_topics_is_refused(client, db, smtp, topics):
    for chosen in ([], [topics["secret"]], ["group:99999", "<script>", "x" * 10_000]):
        page = sign_up(client, "v@example.com", chosen)
        assert page.status_code == 400 and "Choose at least one topic." in page.get_data(as_text=True)
        assert 'value="v@example.com"' in page.get_data(as_text=True), "the typed address stays"
    assert smtp.messages == [] and _subscriber(db, "v@example.com") is None
    sign_up(client, "v@example.com", [topics["secret"], topics["heart"]])
    confirm(client, smtp, "v@example.com")
    assert _topics_of(db, "v@example.com") == [topics["heart"]], "the private group was dropped"


def test_one_click_unsubscribe_needs_no_login_and_no_csrf_token(csrf_app, db, smtp, topics):
    client = csrf_app.test_client()
    token = csrf_token_from(client.get("/newsletter").get_data(as_text=True))
    client.post("/newsletter", data={"email": "v@example.com", "topics": ["second-opinion"], "csrf_token": token})
    path = link_in(smtp.to("v@example.com")[-1], "/newsletter/confirm")
    page = client.get(path).get_data(as_text=True)
    client.post("/newsletter/confirm", data={"t": path.split("?t=")[1], "csrf_token": csrf_token_from(page)})
    assert _subscriber(db, "v@example.com").confirmed_at is not None

    from forum.newsletter.tokens import unsubscribe_token

    with csrf_app.app_context():
        url = f"/newsletter/unsubscribe?t={unsubscribe_token(_subscriber(db, 'v@example.com').id, 'v@example.com')}"
    other = csrf_app.test_client()
    assert "Unsubscribe" in other.get(url).get_data(as_text=True)
    assert _subscriber(db, "v@example.com") is not None, "opening the page unsubscribes nobody"
    # RFC 8058: the mail program POSTs this body to the List-Unsubscribe URL, with no cookies.
    response = other.post(url, data={"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert _subscriber(db, "v@example.com") is None
    assert other.post(url, data={"List-Unsubscribe": "One-Click"}).status_code == 200, "a replay is harmless"
    for forged in ("", "abc", url.split("?t=")[1][:-2] + "zz", "A" * 100_000):
        assert other.post("/newsletter/unsubscribe", query_string={"t": forged}).status_code == 400


def test_a_member_subscription_belongs_to_the_account(app, client, db, smtp, make_user, login, topics):
    make_user("mia")
    with app.app_context():
        from forum.extensions import db as _db
        from forum.models import utcnow

        mia = _db.session.scalar(select(User).where(User.username == "mia"))
        mia.email_confirmed_at = utcnow()
        _db.session.commit()
    login("mia")
    assert 'value="mia@example.com"' in client.get("/newsletter").get_data(as_text=True)
    sign_up(client, "mia@example.com", ["second-opinion"])
    page = confirm(client, smtp, "mia@example.com").get_data(as_text=True)
    assert "You are subscribed" in page and "Unsubscribe mia@example.com" in page
    mia_id = db.session.scalar(select(User.id).where(User.username == "mia"))
    assert _subscriber(db, "mia@example.com").user_id == mia_id

    export = client.get("/settings/account/data.json").get_json()
    assert export["newsletter"][0]["email"] == "mia@example.com"
    assert export["newsletter"][0]["topics"] == ["second-opinion"]

    from tests.conftest import PASSWORD

    client.post("/settings/account/delete", data={"password": PASSWORD})
    assert db.session.scalar(select(User.id).where(User.username == "mia")) is None
    assert db.session.scalar(select(func.count()).select_from(NewsletterSubscriber)) == 0
    assert db.session.scalar(select(func.count()).select_from(NewsletterTopic)) == 0


def test_sign_ups_never_confirmed_are_forgotten(app, runner, client, db, smtp, topics):
    from datetime import timedelta

    from forum.extensions import db as _db
    from forum.models import utcnow

    sign_up(client, "old@example.com", ["second-opinion"])
    sign_up(client, "new@example.com", ["second-opinion"])
    sign_up(client, "kept@example.com", ["second-opinion"])
    confirm(client, smtp, "kept@example.com")
    with app.app_context():
        for address in ("old@example.com", "kept@example.com"):
            row = _db.session.scalar(select(NewsletterSubscriber).where(NewsletterSubscriber.email == address))
            row.created_at = utcnow() - timedelta(days=8)
        _db.session.commit()
    result = runner.invoke(args=["newsletter", "forget-unconfirmed"])
    assert "Deleted 1 unconfirmed newsletter sign-ups." in result.output
    assert sorted(db.session.scalars(select(NewsletterSubscriber.email))) == ["kept@example.com", "new@example.com"]


def test_a_member_signing_up_another_address_does_not_make_it_theirs(app, client, db, smtp, make_user, login, topics):
    make_user("max")
    login("max")
    sign_up(client, "friend@example.com", ["second-opinion"])
    confirm(client, smtp, "friend@example.com")
    assert _subscriber(db, "friend@example.com").user_id is None
    assert client.get("/settings/account/data.json").get_json()["newsletter"] == []
