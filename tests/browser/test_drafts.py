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


def _wait_for_draft(page):
    page.wait_for_function("() => Object.keys(localStorage).some(k => k.startsWith('askwell:draft:'))")


def test_the_kind_and_title_come_back_with_the_body(site, member):
    ask = f"/groups/{site['group']}/new"
    member.goto(ask)
    member.get_by_label("A discussion (share and talk)").check()
    member.fill("input[name=title]", "Sharing my cardiac rehab week")
    member.fill("textarea[name=body]", "Day three of rehab: a gentle walk and a stretch.")
    _wait_for_draft(member)
    member.goto("/groups")
    member.goto(ask)
    expect(member.get_by_label("A discussion (share and talk)")).to_be_checked()
    expect(member.locator("input[name=title]")).to_have_value("Sharing my cardiac rehab week")
    body = member.locator("textarea[name=body]")
    expect(body).to_have_value("Day three of rehab: a gentle walk and a stretch.")
    member.get_by_role("button", name="Post", exact=True).click()
    expect(member.get_by_role("heading", name="Sharing my cardiac rehab week")).to_be_visible()
    expect(member.locator(".thread-header .tag-discussion")).to_be_visible()
    member.wait_for_load_state("load")
    assert _draft_keys(member) == []


def _edit_url(page, site):
    page.goto(f"/t/{site['thread']}")
    return page.locator("#post-1").get_by_role("link", name="Edit post 1").get_attribute("href")


SERVER_BODY = "I notice my heart racing after two cups of coffee. Should I worry?"


def test_an_edit_draft_is_kept_per_post_restored_and_dropped_once_saved(site, member):
    edit = _edit_url(member, site)
    member.goto(edit)
    member.fill("textarea[name=body]", SERVER_BODY + " It happens mostly in the evening.")
    _wait_for_draft(member)
    member.goto("/")
    member.goto(edit)
    expect(member.locator("textarea[name=body]")).to_have_value(
        SERVER_BODY + " It happens mostly in the evening.")
    expect(member.locator(".draft-status")).to_contain_text("We restored the changes you had not saved yet")
    # Another post's edit form has its own (no) draft.
    assert _draft_keys(member) == [f"askwell:draft:{member.url}"]
    member.get_by_role("button", name="Save changes").click()
    expect(member.locator("#post-1")).to_contain_text("mostly in the evening")
    member.wait_for_load_state("load")
    assert _draft_keys(member) == []
    member.goto(edit)
    expect(member.locator(".draft-status")).to_have_count(0)


def test_a_failed_edit_keeps_the_draft(site, member):
    edit = _edit_url(member, site)
    member.goto(edit)
    member.fill("input[name=title]", "")
    member.fill("textarea[name=body]", SERVER_BODY + " Also at night.")
    member.get_by_role("button", name="Save changes").click()
    expect(member.locator(".error-summary")).to_be_visible()
    member.wait_for_load_state("load")
    assert len(_draft_keys(member)) == 1
    member.goto("/")
    member.goto(edit)
    expect(member.locator("textarea[name=body]")).to_have_value(SERVER_BODY + " Also at night.")
    expect(member.locator("input[name=title]")).to_have_value("")


def test_a_newer_server_version_is_never_overwritten_silently(app, site, member):
    from forum.actions.posts import edit_post
    from forum.extensions import db
    from forum.models import Post, User

    edit = _edit_url(member, site)
    member.goto(edit)
    member.fill("textarea[name=body]", "My own unsaved rewrite of the question.")
    _wait_for_draft(member)
    member.goto("/")
    with app.app_context():  # meanwhile the post changes on the server (another tab, a moderator...)
        opening = db.session.execute(
            db.select(Post).filter_by(thread_id=site["thread"], number=1)).scalar_one()
        maya = db.session.execute(db.select(User).filter_by(username="maya")).scalar_one()
        edit_post(maya, opening, "The newer text saved from my phone.")
    member.goto(edit)
    expect(member.locator("textarea[name=body]")).to_have_value("The newer text saved from my phone.")
    expect(member.locator(".draft-status")).to_contain_text("changed since you last edited it")
    screenshot(member, "draft-offer-restore")
    # Typing in the newer version before choosing does not replace the offered draft.
    member.fill("textarea[name=body]", "The newer text saved from my phone. Plus a line.")
    member.goto("/")
    member.goto(edit)
    member.get_by_role("button", name="Restore my unsaved changes").click()
    expect(member.locator("textarea[name=body]")).to_have_value("My own unsaved rewrite of the question.")


def test_similar_questions_appear_as_the_title_is_typed(site, member):
    member.goto(f"/groups/{site['group']}/new?kind=question")
    member.locator("input[name=title]").press_sequentially("palpitation after coffee", delay=20)
    suggestion = member.get_by_role("link", name="Is palpitation after coffee normal?")
    expect(suggestion).to_be_visible()
    suggestion.click()
    expect(member.get_by_role("heading", name="Is palpitation after coffee normal?")).to_be_visible()
