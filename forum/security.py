"""Security headers on every response, and trusting a reverse proxy when told to.

Each request gets a fresh random nonce; the Content-Security-Policy allows
scripts only from this site or carrying that nonce, so an injected ``<script>``
or ``on*=`` handler never runs even if some text slipped past the sanitizer.
Templates have no inline scripts; should one ever be needed, give it
``nonce="{{ csp_nonce() }}"``.

With ``SESSION_COOKIE_SECURE`` (the site is served over HTTPS) every response
carries ``Strict-Transport-Security``; pages for logged-in people are
``Cache-Control: private, no-store``.

Behind a proxy that terminates HTTPS (``TRUST_PROXY=1``), Werkzeug's ProxyFix
reads ``X-Forwarded-For``/``-Proto`` so that rate limits see the real address
and ``request.is_secure`` is right.
"""
from __future__ import annotations

import secrets

from flask import Flask, current_app, g, has_request_context
from werkzeug.middleware.proxy_fix import ProxyFix


def csp_nonce() -> str:
    """This request's CSP nonce (created on first use)."""
    nonce = g.get("_csp_nonce")
    if nonce is None:
        nonce = g._csp_nonce = secrets.token_urlsafe(18)
    return nonce


def content_security_policy(nonce: str) -> str:
    return "; ".join([
        "default-src 'self'",
        f"script-src 'self' 'nonce-{nonce}'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ])


HSTS = "max-age=31536000; includeSubDomains"


def set_security_headers(response):
    response.headers["Content-Security-Policy"] = content_security_policy(csp_nonce())
    if current_app.config.get("SESSION_COOKIE_SECURE"):
        # Served over HTTPS behind the proxy: browsers never try plain HTTP again.
        response.headers["Strict-Transport-Security"] = HSTS
    if _logged_in() and "Cache-Control" not in response.headers:
        # A logged-in page may show private groups, messages or moderation: keep it out of
        # shared caches and the browser's back-forward store.
        response.headers["Cache-Control"] = "private, no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    return response


def _logged_in() -> bool:
    from flask_login import current_user

    return has_request_context() and bool(getattr(current_user, "is_authenticated", False))


def configure(app: Flask) -> None:
    hops = app.config.get("TRUST_PROXY", 0)
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_port=hops)
    app.jinja_env.globals["csp_nonce"] = csp_nonce
    app.after_request(set_security_headers)
