"""Two demo members exchange private messages in Chromium, then one blocks the other.

Kwame and Sam (named after the demo's members) share a support group; Sam
writes from Kwame's profile, Kwame sees the unread count in the header, reads
and replies, then blocks Sam: the conversation closes for both and Sam's posts
collapse for Kwame behind a "show" toggle. The messaging pages pass axe at
375 px. CSRF protection is on throughout.
"""
from __future__ import annotations

import pytest

from tests.browser.conftest import WIDTHS, log_in, screenshot
from tests.browser.test_accessibility import AXE, RUN_AXE

expect = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed").expect

pytestmark = pytest.mark.browser
PASSWORD = "askwell-demo-2026"


@pytest.fixture
def members(app):
    from forum.actions.accounts import register_user, update_profile
    from forum.actions.groups import add_member, create_group
    from forum.actions.posts import start_thread

    app.config["WTF_CSRF_ENABLED"] = True
    with app.app_context():
        sam = register_user("sam_k", "sam_k@example.com", PASSWORD)
        kwame = register_user("kwame_a", "kwame_a@example.com", PASSWORD)
        update_profile(sam, "Sam K", "", choice="publish")
        update_profile(kwame, "Kwame Asante", "", choice="publish")
        group = create_group("Type 2 Diabetes", "Living with type 2 diabetes.")
        add_member(sam, group)
        add_member(kwame, group)
        thread = start_thread(sam, group, "discussion", "Walking after dinner helps my readings",
                              "Twenty minutes after dinner and my morning numbers are better.")
        return {"thread": thread.id}


def _axe(page):
    page.add_script_tag(path=AXE)
    return page.evaluate(RUN_AXE)


def test_two_members_exchange_messages_and_one_blocks_the_other(members, new_page):
    sam = new_page(bypass_csp=True)  # axe is injected as a script tag
    log_in(sam, "sam_k", PASSWORD)
    sam.goto("/u/kwame_a")
    sam.get_by_role("link", name="Message Kwame Asante").click()
    expect(sam.get_by_label("To (username)")).to_have_value("kwame_a")
    sam.get_by_label("Your message").fill("Hi Kwame, is the Saturday walking club still on?")
    sam.get_by_role("button", name="Send message").click()
    expect(sam.locator(".message-list")).to_contain_text("Saturday walking club")
    conversation_url = sam.url
    screenshot(sam, "messages-conversation")

    kwame = new_page()
    log_in(kwame, "kwame_a", PASSWORD)
    header_link = kwame.locator(".main-nav").get_by_role("link", name="Messages 1 unread")
    expect(header_link).to_be_visible()
    header_link.click()
    expect(kwame.locator(".conversation-list")).to_contain_text("Sam K")
    expect(kwame.locator(".conversation-list")).to_contain_text("1 unread")
    kwame.get_by_role("link", name="Sam K").click()
    expect(kwame.locator(".message-list")).to_contain_text("Saturday walking club")
    kwame.get_by_label("Your message").fill("Yes! 9am by the park gates. Bring water.")
    kwame.get_by_role("button", name="Send", exact=True).click()
    expect(kwame.locator(".message-list")).to_contain_text("park gates")
    expect(kwame.locator(".main-nav").get_by_role("link", name="Messages", exact=True)).to_be_visible()

    sam.goto("/messages")
    expect(sam.locator(".conversation-list")).to_contain_text("1 unread")
    sam.get_by_role("link", name="Kwame Asante").click()
    expect(sam.locator(".message-list")).to_contain_text("park gates")
    sam.set_viewport_size(WIDTHS["phone"])
    for url in (sam.url, "/messages", "/messages/new", "/settings/messages"):
        sam.goto(url)
        assert _axe(sam) == [], url
        assert sam.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0, url
    sam.set_viewport_size(WIDTHS["desktop"])

    kwame.goto("/u/sam_k")
    kwame.once("dialog", lambda dialog: dialog.accept())
    kwame.get_by_role("button", name="Block Sam K").click()
    expect(kwame.locator(".flashes")).to_contain_text("You blocked Sam K")
    expect(kwame.get_by_role("button", name="Unblock Sam K")).to_be_visible()
    expect(kwame.get_by_role("link", name="Message Sam K")).to_have_count(0)

    kwame.goto(f"/t/{members['thread']}")
    opening = kwame.locator("article.post-opening")
    expect(opening.get_by_text("Twenty minutes after dinner")).to_be_hidden()
    opening.locator("summary").click()
    expect(opening.get_by_text("Twenty minutes after dinner")).to_be_visible()
    screenshot(kwame, "messages-blocked-post")

    sam.goto(conversation_url)
    expect(sam.get_by_text("one of you has blocked the other")).to_be_visible()
    expect(sam.get_by_label("Your message")).to_have_count(0)
    sam.goto("/messages/new?to=kwame_a")
    sam.get_by_label("Your message").fill("Did I say something wrong?")
    sam.get_by_role("button", name="Send message").click()
    expect(sam.locator(".error-summary")).to_contain_text("not accepting messages")
    expect(sam.get_by_label("Your message")).to_have_value("Did I say something wrong?")
