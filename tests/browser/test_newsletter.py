"""The newsletter sign-up, clicked through in Chromium with CSRF protection on: the footer's
form, topics, the confirmation link read from the development mailbox, and the subscribed state."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.browser.conftest import screenshot

expect = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed").expect

pytestmark = pytest.mark.browser


@pytest.fixture
def app_config(app_config):
    """Mail stays on this machine: the development mailbox shows it in the browser."""
    return {**app_config, "DEV_MAILBOX": True, "WTF_CSRF_ENABLED": True}


def _open_newest_mail(page, subject: str) -> None:
    """The mail is written just after the response: look again until it is there."""
    for _ in range(40):
        page.goto("/dev/mailbox")
        link = page.get_by_role("link", name=subject)
        if link.count():
            link.first.click()
            return
        page.wait_for_timeout(250)
    raise AssertionError(f"no mail {subject!r} in the development mailbox")


def test_a_visitor_signs_up_from_the_footer_and_confirms_by_email(app, site, new_page, db):
    from forum.models import NewsletterSubscriber

    visitor = new_page()
    visitor.goto("/")
    footer = visitor.locator("footer")
    footer.get_by_label("Sign up to receive Askwell content in your inbox").fill("robin@example.com")
    footer.get_by_role("button", name="Sign up").click()

    expect(visitor.get_by_role("heading", name="Sign up to receive Askwell content in your inbox")).to_be_visible()
    expect(visitor.get_by_label("Your email address")).to_have_value("robin@example.com")
    expect(visitor.get_by_label("Second Opinion articles")).to_be_checked()
    visitor.get_by_label("Heart Health").check()
    expect(visitor.get_by_label("Quiet Room")).to_have_count(0)
    screenshot(visitor, "newsletter-signup")
    visitor.locator("main").get_by_role("button", name="Sign up").click()
    expect(visitor.get_by_role("heading", name="Check your email")).to_be_visible()
    assert db.session.scalar(select(NewsletterSubscriber.confirmed_at)) is None

    _open_newest_mail(visitor, "Confirm your Askwell newsletter subscription")
    visitor.locator('a[href*="/newsletter/confirm?t="]').click()
    expect(visitor.get_by_text("robin@example.com will receive: Second Opinion articles, Heart Health.")).to_be_visible()
    assert db.session.scalar(select(NewsletterSubscriber.confirmed_at)) is None, "opening the link confirms nothing"
    visitor.get_by_role("button", name="Confirm my subscription").click()

    expect(visitor.get_by_text(
        "You are subscribed. robin@example.com will receive: Second Opinion articles, Heart Health.")).to_be_visible()
    screenshot(visitor, "newsletter-subscribed")
    subscriber = db.session.scalar(select(NewsletterSubscriber))
    assert subscriber.email == "robin@example.com" and subscriber.confirmed_at is not None
