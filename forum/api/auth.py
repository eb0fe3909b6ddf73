"""Who is calling the API: a personal access token, never a login cookie.

Every API request (except the OpenAPI document and the docs page, and CORS
preflights) must carry ``Authorization: Bearer askw_...``. The token's owner
becomes ``current_user`` for this request only, so every permission check in
``forum.permissions`` (and ``forum.views.require``) applies exactly as on the
web. The browser session is replaced by an empty, unwritable one: a session
cookie sent with an API request logs nobody in and no cookie is ever set.

CSRF protection is off for the API blueprints, and that is safe because a
request without a valid token is refused here before any view runs, and a
token is never a cookie, so a forged cross-site form cannot carry one.

A read token may only read; writing needs a read+write token
(``permissions.token_allows``). The token's last-used time is written after
the response, at most once a minute.
"""
from __future__ import annotations

from flask import after_this_request, current_app, g, request
from flask.sessions import SecureCookieSessionInterface
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import Forbidden, Unauthorized

from forum import permissions
from forum.actions.tokens import TokenRefused, check_token, needs_use_noted, note_use
from forum.api import ratelimit
from forum.api.errors import API_PREFIX
from forum.database import immediate_writes
from forum.extensions import login_manager

REALM = "Askwell API"
DOCS_PATH = API_PREFIX + "/docs"
WRITE_SCOPE_NEEDED = ("This token may only read. Make a read+write token on /settings/tokens to post, "
                      "edit, vote, flag or join groups.")


def _refuse(detail: str) -> Unauthorized:
    return Unauthorized(detail, www_authenticate=WWWAuthenticate("bearer", {"realm": REALM}))


def _bearer() -> str:
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if not header:
        cookie = " A login cookie was sent: the API does not use them." if request.cookies else ""
        raise _refuse("Send a personal access token: Authorization: Bearer askw_... Make one on your "
                      f"account page at /settings/tokens.{cookie}")
    if scheme.lower() != "bearer" or not value.strip():
        raise _refuse("Send the token as Authorization: Bearer askw_... (the Bearer scheme).")
    return value.strip()


class NoCookiesOnTheApi(SecureCookieSessionInterface):
    """The site's cookie sessions, except on the API: there the session cookie is not even read,
    and the request gets an empty session that cannot be written, so no cookie is ever set.
    (The docs page at /api/v1/docs is a page of the site, with its header and login.)"""

    def open_session(self, app, request):
        if request.path.startswith(API_PREFIX + "/") and request.path != DOCS_PATH:
            return None  # Flask then uses make_null_session
        return super().open_session(app, request)


def authenticate():
    """``before_request`` of every API blueprint: check the token, its scope and its rate limit."""
    g._login_user = login_manager.anonymous_user()  # never the cookie's user
    if request.method == "OPTIONS":
        return None
    try:
        token = check_token(_bearer())
    except TokenRefused as refused:
        raise _refuse(str(refused)) from None
    g.api_token, g._login_user = token, token.user
    ratelimit.count(token)
    if not permissions.token_allows(token, request.method):
        raise Forbidden(WRITE_SCOPE_NEEDED)
    if needs_use_noted(token):
        _note_use_after_response(token.id)
    return None


def _note_use_after_response(token_id: int) -> None:
    app = current_app._get_current_object()

    def later(response):
        def note():
            with app.app_context(), immediate_writes():
                note_use(token_id)
        response.call_on_close(note)
        return response

    after_this_request(later)


def finish(response):
    """``after_request`` of every API blueprint: rate-limit headers, and caches keyed by token."""
    ratelimit.add_headers(response)
    response.vary.add("Authorization")
    response.headers.setdefault("Cache-Control", "private, no-cache")
    return response


def api_user():
    """The token's owner (``current_user`` on the API)."""
    return g._login_user
