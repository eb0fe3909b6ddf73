"""Security headers on every response, and trusting a reverse proxy when told to.

Each request gets a fresh random nonce; the Content-Security-Policy allows
scripts only from this site or carrying that nonce, so an injected ``<script>``
or ``on*=`` handler never runs even if some text slipped past the sanitizer.
Templates have no inline scripts; should one ever be needed, give it
``nonce="{{ csp_nonce() }}"``.

Behind a proxy that terminates HTTPS (``TRUST_PROXY=1``), Werkzeug's ProxyFix
reads ``X-Forwarded-For``/``-Proto`` so that rate limits see the real address
and ``request.is_secure`` is right.
"""
from __future__ import annotations

import secrets

from flask import Flask, g
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


def set_security_headers(response):
    response.headers["Content-Security-Policy"] = content_security_policy(csp_nonce())
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    return response


def configure(app: Flask) -> None:
    hops = app.config.get("TRUST_PROXY", 0)
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_port=hops)
    app.jinja_env.globals["csp_nonce"] = csp_nonce
    app.after_request(set_security_headers)
