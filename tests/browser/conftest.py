"""A real server and a real Chromium for browser tests.

The app runs in a thread behind werkzeug's ``make_server`` on 127.0.0.1 and a
free port; Playwright drives Debian's ``/usr/bin/chromium`` (never a
downloaded browser). Tests here are skipped, with the reason, when Playwright
or Chromium is missing.
"""

from __future__ import annotations

import os
import shutil
import threading

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def live_server(app):
    """``app`` served over HTTP in a thread; yields its base URL."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, _closing_when_sent(app), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)
    server.server_close()


class _CloseWhenSent:
    """A response body that closes itself once it has all been sent (or abandoned)."""

    def __init__(self, body):
        self.body, self.closed = body, False

    def __iter__(self):
        try:
            yield from self.body
        finally:
            self.close()

    def close(self):
        if not self.closed:
            self.closed = True
            close = getattr(self.body, "close", None)
            if close is not None:
                close()


def _closing_when_sent(app):
    """``app`` whose responses close as soon as they are sent. Werkzeug's server closes a
    response only after draining the client's socket, and skips it when the browser drops
    the connection meanwhile: a static file was then left open for the garbage collector (a
    ResourceWarning in whichever test it landed in)."""
    def serve(environ, start_response):
        return _CloseWhenSent(app(environ, start_response))
    return serve


SCREENSHOTS = os.path.join(os.path.dirname(__file__), "screenshots")
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 800}}


@pytest.fixture
def new_page(browser, live_server):
    """Open a fresh browser context (its own cookies); ``new_page(bypass_csp=True)`` for injected tools."""
    contexts = []

    def open_page(**options):
        options.setdefault("viewport", WIDTHS["desktop"])
        context = browser.new_context(base_url=live_server, **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()
    yield open_page
    for context in contexts:
        context.close()


def screenshot(page, name: str) -> None:
    """Save the page at desktop and phone widths to ``tests/browser/screenshots/`` (git-ignored)."""
    os.makedirs(SCREENSHOTS, exist_ok=True)
    original = page.viewport_size
    for label, size in WIDTHS.items():
        page.set_viewport_size(size)
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}-{label}.png"), full_page=True)
    page.set_viewport_size(original)


def log_in(page, username: str, password: str) -> None:
    page.goto("/login")
    page.fill("input[name=identifier]", username)
    page.fill("input[name=password]", password)
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert "/login" not in page.url, page.url


@pytest.fixture
def site(app, runner):
    """A small community: admin, a verified expert, a member, a public group with a thread and
    a reply, a private group, an article, a flag in the queue; the search index is built."""
    from datetime import date

    from forum.actions.accounts import register_user
    from forum.actions.articles import comment_on_article, write_article
    from forum.actions.experts import apply_as_expert, approve_application
    from forum.actions.groups import add_member, create_group
    from forum.actions.moderation import flag_post
    from forum.actions.posts import post_reply, start_thread
    from forum.models import GroupRole, Role
    from tests.conftest import PASSWORD

    with app.app_context():
        admin = register_user("ada", "ada@example.com", PASSWORD, role=Role.ADMIN)
        member = register_user("maya", "maya@example.com", PASSWORD)
        expert = register_user("drlee", "drlee@example.com", PASSWORD)
        application = apply_as_expert(
            expert, profession="Cardiologist", specialty="cardiology", licence_number="GMC 1234567",
            issuing_body="General Medical Council", country="United Kingdom",
            evidence="Registered cardiologist at a teaching hospital for twelve years.")
        approve_application(admin, application, "Checked the register.")
        group = create_group("Heart Health", "Living with heart conditions, together.")
        private = create_group("Quiet Room", "A private group for carers.", is_private=True)
        add_member(admin, private, role=GroupRole.MODERATOR)
        add_member(member, group)
        thread = start_thread(member, group, "question", "Is palpitation after coffee normal?",
                              "I notice my heart racing after two cups of coffee. Should I worry?")
        reply = post_reply(admin, thread, "Many people notice this; keep a diary of when it happens.")
        start_thread(admin, private, "discussion", "Welcome to the quiet room",
                     "Say hello when you are ready.")
        article = write_article(
            expert, title="Understanding palpitations", summary="What a racing heart can mean.",
            body=("Palpitations are common and usually harmless. They often follow caffeine, stress, "
                  "exercise or poor sleep, and they pass on their own.\n\n" * 3
                  + "See your doctor if they come with chest pain, fainting or breathlessness."),
            sources="NHS: Heart palpitations", tags="heart, palpitations", reviewed_on=date.today())
        flag_post(member, reply, "other", "I think this needs a second look.")
        comment = comment_on_article(member, article, "Thank you, the diary tip helped me.")
        ids = {"group": group.slug, "private": private.slug, "thread": thread.id, "article": article.id,
               "reply": reply.id, "comment": comment.id}
    result = runner.invoke(args=["search", "sync"])
    assert result.exit_code == 0, result.output
    return ids
