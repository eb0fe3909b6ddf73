"""The phone header (issue 16): at most 120 px of a 375 × 800 screen, search and navigation
behind buttons that work without JavaScript, nothing scrolls sideways at 320 px (long URLs and
code wrap), and the trust pages and group forms pass axe at 375 px."""

from __future__ import annotations

import pytest

from tests.browser.conftest import WIDTHS, log_in
from tests.browser.test_accessibility import AXE, RUN_AXE
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser
NARROW = {"width": 320, "height": 640}
LONG_URL = "https://example.org/" + "a-very-long-path-segment-without-any-breaks-" * 6
LONG_CODE = "x" * 300


@pytest.fixture
def wide_post(app, site):
    """A reply with an unbroken URL, a long code block and a long word."""
    from forum.actions.posts import post_reply
    from forum.extensions import db
    from forum.models import Thread, User

    with app.app_context():
        maya = db.session.execute(db.select(User).filter_by(username="maya")).scalar_one()
        post_reply(maya, db.session.get(Thread, site["thread"]),
                   f"See {LONG_URL}\n\n```\n{LONG_CODE}\n```\n\nand `{LONG_CODE}` and {'z' * 200}", screen=False)
    return site["thread"]


def _header_height(page) -> float:
    return page.locator("header.site-header").bounding_box()["height"]


@pytest.mark.parametrize("who", ["visitor", "ada"])
def test_the_phone_header_is_at_most_120px_and_its_search_and_menu_work(site, new_page, who):
    page = new_page(viewport=WIDTHS["phone"])
    if who == "ada":
        log_in(page, "ada", PASSWORD)
    page.goto("/")
    assert _header_height(page) <= 120
    assert not page.locator("#site-search-q").is_visible()
    page.click(".header-search > summary")
    search = page.locator("#site-search-q-phone")
    assert search.is_visible() and search.evaluate("e => e === document.activeElement")
    search.fill("palpitation")
    search.press("Enter")
    page.wait_for_url("**/search?q=palpitation")
    page.click(".header-menu > summary")
    menu = page.get_by_role("navigation", name="Menu")
    assert menu.get_by_role("link", name="Support groups").is_visible()
    if who == "ada":
        assert menu.get_by_role("link", name="Admin").is_visible()
    menu.get_by_role("link", name="Support groups").click()
    page.wait_for_url("**/groups")


def test_search_and_menu_work_without_javascript(site, new_page):
    page = new_page(viewport=WIDTHS["phone"], java_script_enabled=False)
    page.goto("/")
    assert _header_height(page) <= 120
    page.click(".header-menu > summary")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Second Opinion").click()
    page.wait_for_url("**/second-opinion")
    page.click(".header-search > summary")
    page.fill("#site-search-q-phone", "coffee")
    page.press("#site-search-q-phone", "Enter")
    page.wait_for_url("**/search?q=coffee")


def test_the_desktop_header_still_shows_navigation_and_search(site, new_page):
    page = new_page()
    page.goto("/")
    assert page.locator("#site-search-q").is_visible()
    assert page.get_by_role("navigation", name="Main").get_by_role("link", name="Experts").is_visible()
    assert not page.locator(".header-menu > summary").is_visible()


def test_nothing_scrolls_sideways_at_320px(site, wide_post, new_page):
    page = new_page(viewport=NARROW)
    log_in(page, "ada", PASSWORD)
    for url in ["/", "/groups", f"/groups/{site['group']}", f"/t/{wide_post}", "/search?q=heart", "/about",
                "/guidelines", "/privacy", "/terms", "/disclaimer", "/contact", "/groups/new", "/mod/queue",
                "/second-opinion", "/settings/account"]:
        page.goto(url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (url, overflow)
        assert _header_height(page) <= 130, url  # 320 px may wrap the brand row once


def _axe(page, url):
    response = page.goto(url)
    assert response.status == 200, url
    page.add_script_tag(path=AXE)
    return page.evaluate(RUN_AXE)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_trust_pages_and_the_phone_header_pass_axe_at_375px(site, new_page, scheme):
    found = {}
    visitor = new_page(viewport=WIDTHS["phone"], bypass_csp=True, color_scheme=scheme)
    for url in ["/", "/about", "/guidelines", "/privacy", "/terms", "/disclaimer", "/contact"]:
        found[url] = _axe(visitor, url)
    visitor.click(".header-menu > summary")
    visitor.add_script_tag(path=AXE)
    found["menu open"] = visitor.evaluate(RUN_AXE)
    admin = new_page(viewport=WIDTHS["phone"], bypass_csp=True, color_scheme=scheme)
    log_in(admin, "ada", PASSWORD)
    for url in ["/groups", "/groups/new", f"/groups/{site['group']}/settings", "/privacy/edit", "/privacy/history",
                "/mod/queue"]:
        found[url] = _axe(admin, url)
    assert {url: v for url, v in found.items() if v} == {}
