"""axe-core in Chromium: no WCAG 2.1 A/AA violations at a desktop width (light), and no violation
of any axe rule (best practices too) on a 375 px phone (dark, and light on the community pages).

axe (vendored in ``tests/browser/vendor/``) is injected as a script tag, which the site's
strict CSP would block; the test's browser context uses Playwright's ``bypass_csp`` so the
app itself stays unchanged.
"""

from __future__ import annotations

import os

import pytest

from tests.browser.conftest import WIDTHS, log_in, screenshot
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser
AXE = os.path.join(os.path.dirname(__file__), "vendor", "axe.min.js")
# WCAG 2.1 A/AA at desktop widths; on a phone (at most 400 px wide) every rule, best practices too.
RUN_AXE = """
async () => {
  const phone = window.innerWidth <= 400;
  const result = phone ? await axe.run(document) : await axe.run(document, {runOnly: {type: 'tag',
    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
  return result.violations.map(v => ({id: v.id, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}));
}
"""
PHONE = WIDTHS["phone"]


def _violations(page, url, status=200):
    response = page.goto(url)
    assert response.status == status, url
    page.add_script_tag(path=AXE)
    return page.evaluate(RUN_AXE)


def _pages(site):
    return {
        "home": "/", "groups": "/groups", "group": f"/groups/{site['group']}",
        "thread": f"/t/{site['thread']}", "ask": f"/groups/{site['group']}/new",
        "search": "/search?q=palpitation", "profile": "/u/maya",
        "second-opinion": "/second-opinion", "article": f"/second-opinion/{site['article']}",
        "mod": "/mod", "mod-queue": "/mod/queue", "mod-log": "/mod/log",
    }


# Light at a desktop width with the WCAG rules; dark on a 375 px phone with every rule.
LOOKS = [("light", WIDTHS["desktop"]), ("dark", PHONE)]


@pytest.mark.parametrize("scheme,viewport", LOOKS, ids=["light-desktop", "dark-phone"])
def test_no_axe_violations_on_the_main_pages(site, new_page, scheme, viewport):
    anonymous = new_page(bypass_csp=True, color_scheme=scheme, viewport=viewport)
    found = {}
    for name, url in {"login": "/login", "register": "/register"}.items():
        found[name] = _violations(anonymous, url)
    page = new_page(bypass_csp=True, color_scheme=scheme, viewport=viewport)
    log_in(page, "ada", PASSWORD)
    for name, url in _pages(site).items():
        found[name] = _violations(page, url)
        if scheme == "light":
            screenshot(page, f"a11y-{name}")
    found = {name: v for name, v in found.items() if v}
    assert found == {}


@pytest.fixture
def edited_reply(app, site):
    """The site's reply edited once, so its history page has a revision to show."""
    from forum.actions.posts import edit_post
    from forum.extensions import db
    from forum.models import Post, User

    with app.app_context():
        reply = db.session.get(Post, site["reply"])
        ada = db.session.execute(db.select(User).filter_by(username="ada")).scalar_one()
        edit_post(ada, reply, "Many people notice this. Keep a diary of when it happens and what you drank.")
        opening = db.session.execute(
            db.select(Post).filter_by(thread_id=site["thread"], number=1)).scalar_one()
        return {"reply": reply.id, "opening": opening.id}


def _more_pages(site, posts):
    """(visitor, name, url, status) for the expert, admin, account, editing, flag, reply and
    error pages, and a private group seen from outside."""
    return [
        ("drlee", "experts-queue", "/experts/queue", 200),
        ("drlee", "second-opinion-new", "/second-opinion/new", 200),
        ("drlee", "flag-form", f"/p/{posts['reply']}/flag", 200),
        ("ada", "experts-review", "/experts/review", 200),
        ("ada", "expert-profile", "/u/drlee", 200),
        ("ada", "admin-users", "/admin/users", 200),
        ("ada", "post-edit", f"/p/{posts['reply']}/edit", 200),
        ("ada", "post-revisions", f"/p/{posts['reply']}/revisions", 200),
        ("ada", "mod-post", f"/mod/post/{posts['reply']}", 200),
        ("ada", "mod-thread", f"/mod/thread/{site['thread']}", 200),
        ("ada", "mod-user", "/mod/user/maya", 200),
        ("ada", "mod-words", "/mod/words", 200),
        ("ada", "article-as-moderator", f"/second-opinion/{site['article']}", 200),
        ("ada", "comment-remove", f"/second-opinion/comments/{site['comment']}/delete", 200),
        ("maya", "article-own-comment", f"/second-opinion/{site['article']}", 200),
        ("maya", "settings-account", "/settings/account", 200),
        ("maya", "settings-profile", "/settings/profile", 200),
        ("maya", "settings-password", "/settings/password", 200),
        ("maya", "opening-post-edit", f"/p/{posts['opening']}/edit", 200),
        ("maya", "reply-page", f"/t/{site['thread']}/reply", 200),
        ("maya", "experts-apply", "/experts/apply", 200),
        ("maya", "private-group-outside", f"/groups/{site['private']}", 200),
        ("maya", "error-403", "/admin/users", 403),
        ("maya", "error-404", "/no/such/page", 404),
    ]


@pytest.mark.parametrize("scheme,viewport", LOOKS, ids=["light-desktop", "dark-phone"])
def test_no_axe_violations_on_the_expert_admin_account_editing_and_error_pages(
        site, edited_reply, new_page, scheme, viewport):
    pages = {}
    found = {}
    for who, name, url, status in _more_pages(site, edited_reply):
        if who not in pages:
            pages[who] = new_page(bypass_csp=True, color_scheme=scheme, viewport=viewport)
            log_in(pages[who], who, PASSWORD)
        found[name] = _violations(pages[who], url, status)
        screenshot(pages[who], f"a11y-{name}-{scheme}")
    found = {name: v for name, v in found.items() if v}
    assert found == {}


def _community_pages():
    """(visitor, name, url) for the trust pages, messages, following, email and newsletter
    choices, the medicine side, and the admin's group and page editors."""
    return [
        (None, "password-forgot", "/password/forgot"),
        (None, "newsletter-signup", "/newsletter"),
        *[("maya", slug, f"/{slug}") for slug in ("about", "guidelines", "privacy", "terms", "disclaimer")],
        ("maya", "contact", "/contact"),
        ("maya", "messages", "/messages"),
        ("maya", "message-new", "/messages/new"),
        ("maya", "settings-messages", "/settings/messages"),
        ("maya", "notifications", "/notifications"),
        ("maya", "following", "/following"),
        ("maya", "settings-email", "/settings/email"),
        ("maya", "settings-tokens", "/settings/tokens"),
        ("maya", "report-member", "/u/drlee/report"),
        ("maya", "drugs", "/drugs"),
        ("maya", "drug-conditions", "/drugs/conditions"),
        ("maya", "pills", "/pills"),
        ("maya", "my-medicine", "/medicine"),
        ("maya", "experts", "/experts"),
        ("ada", "group-new", "/groups/new"),
        ("ada", "page-edit", "/guidelines/edit"),
        ("ada", "page-history", "/guidelines/history"),
        ("ada", "newsletter-admin", "/admin/newsletter"),
        ("ada", "newsletter-compose", "/admin/newsletter/new"),
    ]


def test_every_axe_rule_passes_on_a_phone_on_the_community_and_medicine_pages(site, new_page):
    pages, found = {}, {}
    for who, name, url in _community_pages():
        if who not in pages:
            pages[who] = new_page(bypass_csp=True, viewport=PHONE)
            if who:
                log_in(pages[who], who, PASSWORD)
        found[name] = _violations(pages[who], url)
    found = {name: v for name, v in found.items() if v}
    assert found == {}
