"""A draft is dropped only when the server confirms the post was published (forum.drafts): a submit
that lands on an expired-form page or a "too large" page keeps what was typed in the browser."""

from __future__ import annotations

import pytest

from tests.browser.conftest import log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed").expect


@pytest.fixture
def member(site, new_page):
    page = new_page()
    log_in(page, "maya", PASSWORD)
    return page


def _type_reply(page, thread: str, text: str) -> None:
    page.goto(thread)
    page.fill("textarea[name=body]", text)
    page.wait_for_function("() => Object.keys(localStorage).some(k => k.startsWith('askwell:draft:'))")


def test_an_expired_form_keeps_the_draft(app, site, member):
    app.config["WTF_CSRF_ENABLED"] = True
    thread = f"/t/{site['thread']}"
    _type_reply(member, thread, "Words typed before the form expired.")
    member.evaluate("document.querySelectorAll('input[name=csrf_token]').forEach(e => e.value = 'expired')")
    member.get_by_role("button", name="Post reply").click()
    expect(member.locator("h1")).to_contain_text("This form has expired")
    member.goto(thread)
    expect(member.locator("textarea[name=body]")).to_have_value("Words typed before the form expired.")
    expect(member.locator(".draft-status")).to_contain_text("We restored the draft")


def test_a_too_large_submit_says_the_limit_and_keeps_the_draft(app, site, member):
    app.config["MAX_CONTENT_LENGTH"] = 4096
    thread = f"/t/{site['thread']}"
    text = "A very long account of my week. " * 200
    _type_reply(member, thread, text)
    member.get_by_role("button", name="Post reply").click()
    expect(member.locator("main")).to_contain_text("Your draft is kept")
    expect(member.locator("main")).to_contain_text("4,096 bytes")
    member.goto(thread)
    expect(member.locator("textarea[name=body]")).to_have_value(text)
