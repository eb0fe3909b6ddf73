"""Every XSS vector, rendered by the real site in Chromium: no script runs.

Each vector appears as a post body, a thread title, a member's display name
and bio, flag details, a moderator's reason and a watched word. The browser
loads the pages (as a reader and as an admin) with a trap: any ``alert`` or
other dialog, any write to ``window.__xss``, and any page error fails the
test. Event handlers that need a person (hover, focus, toggle ...) are fired
on every element, and every link must point to http(s), mailto or this site.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from forum.extensions import db as _db
from forum.models import Group, Role, User
from tests.conftest import PASSWORD
from tests.moderation.xss import load_vectors

pytestmark = pytest.mark.browser
VECTORS = load_vectors()

TRAP = """
window.__xssHits = [];
Object.defineProperty(window, '__xss', {configurable: false,
  get() { return undefined; }, set(v) { window.__xssHits.push(String(v)); }});
"""
FIRE_EVENTS = """
() => {
  const kinds = ['mouseover', 'mouseenter', 'pointerenter', 'focus', 'focusin', 'toggle', 'load',
                 'error', 'begin', 'start', 'click'];
  let fired = 0;
  for (const el of document.querySelectorAll('main *')) {
    if (el.closest('form') || el.tagName === 'A') continue;  // buttons and links would navigate away
    for (const kind of kinds) { el.dispatchEvent(new Event(kind)); fired++; }
  }
  const badLinks = [...document.querySelectorAll('[href], [src], [action], [formaction]')]
    .map(el => el.href || el.src || el.action || el.formAction || '')
    .filter(url => url && !/^(https?:|mailto:)/i.test(url));
  return {fired, badLinks, hits: window.__xssHits};
}
"""


@pytest.fixture
def hostile_site(app):
    from forum import jobs
    from forum.actions import moderation as actions
    from forum.actions.accounts import register_user, update_profile
    from forum.actions.groups import create_group
    from forum.actions.posts import post_reply, start_thread
    from forum.mod import queries as queue

    app.config.update(POSTS_PER_PAGE=500, MAX_LINKS_PER_POST=50, FLAG_HIDE_THRESHOLD=1000)
    queue.PAGE_SIZE, old_size = 1000, queue.PAGE_SIZE
    # Seeded as history (jobs paused): 168 people replying in one thread would otherwise notify
    # and email each other about 14,000 times; what emails say is held by tests/forum/notifications.
    with app.app_context(), jobs.paused():
        admin = register_user("root", "root@example.com", PASSWORD, role=Role.ADMIN)
        reader = register_user("reader", "reader@example.com", PASSWORD)
        group = create_group("Heart Health", "A group.")
        thread = start_thread(admin, group, "discussion", "Every vector in one thread", "Opening post")
        for i, vector in enumerate(VECTORS):
            start_thread(admin, group, "question", f"Vector {i}: {vector}"[:200], "Body")
            author = User(
                username=f"v{i}",
                username_key=f"v{i}",
                email=f"v{i}@example.com",
                display_name=vector[:64],
                bio=vector[:1000],
            )
            _db.session.add(author)
            _db.session.commit()
            post = post_reply(author, thread, vector)
            actions.flag_post(reader, post, "other", vector[:1000])
            if i % 3 == 0:
                actions.hide(admin, post, vector)
            actions.add_watched_word(admin, vector[:100], "flag")
        update_profile(reader, VECTORS[0][:64], "\n".join(VECTORS)[:1000])
        slug = _db.session.scalar(select(Group.slug))
        yield {"thread": thread.id, "slug": slug}
    queue.PAGE_SIZE = old_size


def _visit(page, url):
    dialogs, errors = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(url, wait_until="load")
    assert response.status == 200, url
    page.wait_for_timeout(50)
    result = page.evaluate(FIRE_EVENTS)
    page.wait_for_timeout(50)
    result["hits"] = page.evaluate("window.__xssHits")
    assert dialogs == [], (url, dialogs)
    assert result["hits"] == [], (url, result["hits"])
    assert errors == [], (url, errors)
    assert result["badLinks"] == [], (url, result["badLinks"][:5])
    return result


def _pages(site):
    slug = site["slug"]
    return (
        [f"/t/{site['thread']}", "/", f"/groups/{slug}"]
        + [f"/groups/{slug}?page={n}" for n in (2, 4, 7)]
        + ["/u/reader", "/u/v1", "/u/v50", "/u/v120"]
    )


def test_no_vector_runs_script_for_a_reader_or_an_admin(browser, live_server, hostile_site):
    """One hostile site (it takes minutes to build), read by a reader and then by an admin."""
    context = browser.new_context()
    context.add_init_script(TRAP)
    page = context.new_page()
    fired = sum(_visit(page, live_server + path)["fired"] for path in _pages(hostile_site))
    assert fired > 1000  # the handlers were really poked
    context.close()

    context = browser.new_context()
    context.add_init_script(TRAP)
    page = context.new_page()
    page.goto(live_server + "/login")
    page.fill("#identifier", "root")
    page.fill("#password", PASSWORD)
    page.click("form.stacked-form button[type=submit]")
    page.wait_for_load_state("load")
    assert "Moderation" in page.inner_text("nav.main-nav")
    for path in _pages(hostile_site) + ["/mod", "/mod/queue", "/mod/log", "/mod/words", "/mod/user/v3"]:
        _visit(page, live_server + path)
    context.close()


def test_the_trap_catches_a_script_that_runs(browser):
    """The control: the same trap on an unsanitized page does see the script."""
    context = browser.new_context()
    context.add_init_script(TRAP)
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.set_content(
        '<main><img src="x:nowhere" onerror="window.__xss=1;alert(7)">'
        '<p onmouseover="window.__xss=2">hover</p><a href="javascript:void(0)">x</a></main>'
    )
    page.wait_for_timeout(100)
    result = page.evaluate(FIRE_EVENTS)
    assert dialogs and set(dialogs) == {"7"}  # onerror ran on load (and again when poked)
    assert set(result["hits"]) == {"1", "2"}
    assert result["badLinks"] == ["x:nowhere", "javascript:void(0)"]
    context.close()
