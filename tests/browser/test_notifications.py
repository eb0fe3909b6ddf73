"""Coming back, in Chromium: B answers A's question, A's bell shows 1, A opens it and lands on
the answer; the email that arrived at a real SMTP server has a working one-click unsubscribe."""
from __future__ import annotations

import time

import pytest

from tests.browser.conftest import log_in, screenshot
from tests.conftest import PASSWORD
from tests.forum.notifications import smtp

expect = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed").expect

pytestmark = pytest.mark.browser


@pytest.fixture
def inbox(app, live_server):
    controller, inbox = smtp.start(app)
    app.config.update(SITE_URL=live_server, WTF_CSRF_ENABLED=True)
    yield inbox
    controller.stop()


def poll(check, what: str, seconds: float = 15):
    """Call `check` until it returns something truthy, as a person reloads or checks their mail:
    the notification and the email are made by a job that runs alongside the reply's response."""
    deadline = time.monotonic() + seconds
    while True:
        found = check()
        if found or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert found, f"{what} after {seconds}s"
    return found


def test_a_reply_rings_the_askers_bell_and_emails_them_with_a_working_unsubscribe(
        inbox, new_page, make_user, make_group, make_thread):
    make_user("asha")
    make_user("ben")
    slug = make_group("Thyroid Talk")
    thread = make_thread("asha", slug, title="Does levothyroxine need an empty stomach?",
                         body="I take it with breakfast. Is that a problem?")

    ben = new_page()
    log_in(ben, "ben", PASSWORD)
    ben.goto(f"/t/{thread}")
    ben.fill("textarea[name=body]", "Mine works best 30 minutes before breakfast, with water.")
    ben.get_by_role("button", name="Post reply").click()
    expect(ben.locator("main")).to_contain_text("30 minutes before breakfast")

    asha = new_page()
    log_in(asha, "asha", PASSWORD)
    bell = asha.locator("nav.main-nav [data-bell-count]")
    poll(lambda: asha.goto("/") and bell.count(), "the bell never rang")
    expect(bell).to_have_text("1")
    screenshot(asha, "bell")
    asha.locator("nav.main-nav a[data-bell]").click()
    expect(asha.get_by_role("heading", name="Notifications")).to_be_visible()
    asha.get_by_role("button", name="ben replied in “Does levothyroxine need an empty stomach?”").click()
    expect(asha.locator("main")).to_contain_text("30 minutes before breakfast")
    assert f"/t/{thread}" in asha.url and asha.url.endswith("#post-2")
    expect(asha.locator("nav.main-nav [data-bell-count]")).to_have_count(0)

    [message] = poll(lambda: inbox.to("asha@example.com"), "no email to asha@example.com")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text = message.get_body(("plain",)).get_content()
    assert "30 minutes before breakfast" in text
    reader = new_page()  # a mail client's browser: not logged in
    reader.goto(message["List-Unsubscribe"].strip("<>"))
    reader.get_by_role("button", name="Unsubscribe").click()
    expect(reader.get_by_role("heading", name="You are unsubscribed")).to_be_visible()

    # That the unsubscribed asker is still told on the site (and not emailed) is held by
    # tests/forum/notifications/test_email.py, without a browser's timing.
