"""Draft autosave and live preview (static/js/askwell.js): a half-written post survives leaving the page,
is dropped once posted, and stays when the server bounces the form back with an error; the
preview shows the sanitized Markdown as you type; without JavaScript posting still works."""

from __future__ import annotations

import pytest

from tests.browser.conftest import log_in, screenshot
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed").expect


@pytest.fixture
def member(site, new_page):
    page = new_page()
    log_in(page, "maya", PASSWORD)
    return page


def _draft_keys(page):
    return page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('askwell:draft:'))")


def test_a_reply_draft_survives_leaving_the_page_and_is_dropped_once_posted(site, member):
    thread = f"/t/{site['thread']}"
    member.goto(thread)
    member.fill("textarea[name=body]", "Half-written thoughts about coffee and my heart.")
    member.wait_for_function("() => Object.keys(localStorage).some(k => k.startsWith('askwell:draft:'))")
    member.goto("/groups")
    member.goto(thread)
    expect(member.locator("textarea[name=body]")).to_have_value(
        "Half-written thoughts about coffee and my heart.")
    expect(member.locator(".draft-status")).to_contain_text("We restored the draft")
    screenshot(member, "draft-restored")
    member.get_by_role("button", name="Post reply").click()
    expect(member.locator("main .post").last).to_contain_text("Half-written thoughts about coffee")
    member.wait_for_load_state("load")
    assert _draft_keys(member) == []
    member.reload()
    expect(member.locator("textarea[name=body]")).to_have_value("")
    expect(member.locator(".draft-status")).to_have_count(0)


def test_a_draft_the_server_bounces_back_is_kept(site, member):
    ask = f"/groups/{site['group']}/new?kind=question"
    member.goto(ask)
    member.fill("textarea[name=body]", "I forgot the title but wrote a long question body here.")
    member.get_by_role("button", name="Post", exact=True).click()
    expect(member.locator(".error-summary")).to_be_visible()
    member.wait_for_load_state("load")
    assert len(_draft_keys(member)) == 1
    member.goto("/")
    member.goto(ask)
    expect(member.locator("textarea[name=body]")).to_have_value(
        "I forgot the title but wrote a long question body here.")


def test_discarding_a_restored_draft_empties_the_form(site, member):
    thread = f"/t/{site['thread']}"
    member.goto(thread)
    member.fill("textarea[name=body]", "Something I no longer want to say.")
    member.wait_for_function("() => Object.keys(localStorage).some(k => k.startsWith('askwell:draft:'))")
    member.goto(thread)
    member.get_by_role("button", name="Discard draft").click()
    expect(member.locator("textarea[name=body]")).to_have_value("")
    assert _draft_keys(member) == []
    member.goto(thread)
    expect(member.locator(".draft-status")).to_have_count(0)


def test_the_live_preview_shows_sanitized_markdown_as_you_type(app, site, new_page):
    app.config["WTF_CSRF_ENABLED"] = True  # the preview sends the form's CSRF token
    member = new_page()
    log_in(member, "maya", PASSWORD)
    member.goto(f"/t/{site['thread']}")
    member.fill("textarea[name=body]",
                "**Strong** words and <img src=x onerror=alert(1)> a list:\n\n- one\n- two")
    preview = member.get_by_role("region", name="Preview of your post")
    expect(preview.locator("strong")).to_have_text("Strong")
    expect(preview.locator("li")).to_have_count(2)
    assert preview.locator("img[onerror]").count() == 0
    screenshot(member, "live-preview")


def test_without_javascript_there_is_no_preview_and_posting_works(site, new_page):
    page = new_page(java_script_enabled=False)
    log_in(page, "maya", PASSWORD)
    page.goto(f"/t/{site['thread']}")
    assert page.get_by_role("region", name="Preview of your post").count() == 0
    page.fill("textarea[name=body]", "Posted with scripts switched off.")
    page.get_by_role("button", name="Post reply").click()
    expect(page.locator("main .post").last).to_contain_text("Posted with scripts switched off.")
