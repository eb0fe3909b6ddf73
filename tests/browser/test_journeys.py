"""The main journeys, clicked through in Chromium with CSRF protection on.

Each journey saves screenshots of its key pages at desktop and phone widths in
``tests/browser/screenshots/`` (git-ignored) for a reviewer to look at.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import log_in, screenshot
from tests.conftest import PASSWORD

expect = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed").expect

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def csrf_on(app):
    app.config["WTF_CSRF_ENABLED"] = True


def _thread_id(page) -> int:
    match = re.search(r"/t/(\d+)", page.url)
    assert match, page.url
    return int(match.group(1))


@pytest.fixture
def app_config(app_config):
    """Mail stays on this machine: the development mailbox shows it in the browser."""
    return {**app_config, "DEV_MAILBOX": True}


def test_register_join_ask_reply_expert_answers_and_the_asker_accepts(site, new_page):
    asker = new_page()
    asker.goto("/register")
    screenshot(asker, "register")
    asker.fill("input[name=username]", "sam")
    asker.fill("input[name=email]", "sam@example.com")
    asker.fill("input[name=password]", PASSWORD)
    asker.fill("input[name=confirm]", PASSWORD)
    asker.click("main button[type=submit]")
    expect(asker.get_by_role("heading", name="Check your email")).to_be_visible()
    asker.get_by_role("link", name="development mailbox").click()
    asker.get_by_role("link", name="Confirm your email to join Askwell").click()
    asker.locator("a[href*=\"/register/confirm/\"]").click()
    asker.get_by_role("button", name="Confirm and log in").click()
    expect(asker.get_by_text("Welcome to Askwell, sam!")).to_be_visible()
    asker.goto(f"/groups/{site['group']}")
    asker.get_by_role("button", name="Join group").click()
    asker.get_by_role("link", name="Ask a question").click()
    asker.fill("input[name=title]", "How long does a beta blocker take to work?")
    asker.fill("textarea[name=body]",
               "My doctor started me on a beta blocker last week. When will I notice it?")
    screenshot(asker, "ask")
    asker.get_by_role("button", name="Post", exact=True).click()
    expect_heading(asker, "How long does a beta blocker take to work?")
    thread = _thread_id(asker)

    helper = new_page()
    log_in(helper, "maya", PASSWORD)
    helper.goto(f"/t/{thread}")
    helper.fill("textarea[name=body]", "It took about two weeks for me, hang in there.")
    helper.get_by_role("button", name="Post reply").click()
    expect(helper.locator("main")).to_contain_text("It took about two weeks for me")

    expert = new_page()
    log_in(expert, "drlee", PASSWORD)
    expert.goto(f"/groups/{site['group']}")
    expert.get_by_role("button", name="Join group").click()
    expert.goto(f"/t/{thread}")
    expert.fill("textarea[name=body]",
                "Heart rate falls within hours; steady benefits take one to two weeks.")
    expert.get_by_role("button", name="Post reply").click()
    expect(expert.locator("main")).to_contain_text("steady benefits take one to two weeks")

    asker.goto(f"/t/{thread}")
    asker.get_by_role("button", name="Accept this answer (answer 3)").click()
    expect(asker.get_by_role("button", name="Un-accept this answer (answer 3)")).to_have_count(1)
    accepted = asker.locator("article.post-accepted")
    expect(accepted).to_have_count(1)
    expect(accepted).to_contain_text("steady benefits take one to two weeks")
    screenshot(asker, "thread-accepted")


def expect_heading(page, text: str) -> None:
    expect(page.locator("h1").first).to_have_text(text)


def test_private_group_request_is_approved_by_its_moderator_and_the_content_shows(site, new_page):
    member = new_page()
    log_in(member, "maya", PASSWORD)
    member.goto(f"/groups/{site['private']}")
    assert "Welcome to the quiet room" not in member.content()
    screenshot(member, "private-group-outside")
    member.fill("textarea[name=note]", "I care for my dad after his stroke.")
    member.get_by_role("button", name="Request to join").click()
    expect(member.get_by_role("button", name="Withdraw request")).to_have_count(1)

    moderator = new_page()
    log_in(moderator, "ada", PASSWORD)
    moderator.goto(f"/groups/{site['private']}/requests")
    expect(moderator.locator("main")).to_contain_text("I care for my dad after his stroke.")
    screenshot(moderator, "group-requests")
    moderator.get_by_role("button", name="Approve maya").click()

    member.goto(f"/groups/{site['private']}")
    member.get_by_role("link", name="Welcome to the quiet room").click()
    expect_heading(member, "Welcome to the quiet room")
    expect(member.locator("main")).to_contain_text("Say hello when you are ready.")


def test_search_leads_to_the_thread(site, new_page):
    page = new_page()
    page.goto("/")
    page.fill("#site-search-q", "palpitation coffee")
    page.get_by_role("search").get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/search\?q="))
    screenshot(page, "search-results")
    page.get_by_role("link", name="Is palpitation after coffee normal?").first.click()
    expect_heading(page, "Is palpitation after coffee normal?")
    assert f"/t/{site['thread']}" in page.url
    screenshot(page, "thread")


def test_flag_then_a_moderator_hides_and_the_author_sees_why(site, new_page):
    author = new_page()
    log_in(author, "maya", PASSWORD)
    author.goto(f"/t/{site['thread']}")
    author.fill("textarea[name=body]", "Buy my miracle heart pills at my shop, cures everything.")
    author.get_by_role("button", name="Post reply").click()

    reader = new_page()
    log_in(reader, "drlee", PASSWORD)
    reader.goto(f"/t/{site['thread']}")
    reader.get_by_role("link", name="Flag post 3").click()
    reader.locator("input[name=reason]").first.check()
    reader.fill("textarea[name=details]", "Advertising pills that claim to cure everything.")
    screenshot(reader, "flag")
    reader.get_by_role("button", name="Send to moderators").click()

    moderator = new_page()
    log_in(moderator, "ada", PASSWORD)
    moderator.goto("/mod/queue")
    expect(moderator.locator("main")).to_contain_text("Buy my miracle heart pills")
    screenshot(moderator, "mod-queue")
    moderator.goto(f"/t/{site['thread']}")
    moderator.get_by_role("link", name="Hide post 3").click()
    moderator.fill("input[name=reason]", "Advertising is not allowed here.")
    moderator.get_by_role("button", name="Hide the post").click()

    author.goto(f"/t/{site['thread']}")
    notice = author.locator("#post-3 .hidden-notice").inner_text()
    assert "Your post is hidden from other members." in notice
    assert "Advertising is not allowed here." in notice
    screenshot(author, "hidden-post-author")
    reader.goto(f"/t/{site['thread']}")
    assert "This post is hidden by the moderators." in reader.locator("#post-3").inner_text()
    expect(reader.locator("main")).not_to_contain_text("miracle heart pills")


def _root_font_px(page) -> float:
    return page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_font_size_control_changes_text_size_and_it_persists(site, new_page, javascript):
    page = new_page(java_script_enabled=javascript)
    page.goto("/")
    before = _root_font_px(page)
    page.get_by_role("button", name="A Extra large").click()
    expect(page.locator("html")).to_have_attribute("data-font-size", "x-large")
    page.wait_for_load_state("load")  # without JavaScript a new page arrives: wait for its stylesheet
    assert _root_font_px(page) > before * 1.2
    expect(page.get_by_role("button", name="A Extra large")).to_have_attribute("aria-pressed", "true")
    page.goto(f"/t/{site['thread']}")
    assert page.locator("html").get_attribute("data-font-size") == "x-large"
    assert _root_font_px(page) > before * 1.2
    screenshot(page, f"font-x-large-{'js' if javascript else 'nojs'}")
