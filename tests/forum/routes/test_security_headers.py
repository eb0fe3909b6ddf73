"""Every response carries a strict CSP with a fresh nonce and the other security headers."""
import re

import pytest

from forum.security import csp_nonce
from tests.forum.apps import other_app


def _directives(response) -> dict[str, str]:
    policy = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part.strip() for part in policy.split(";")}


@pytest.mark.parametrize("path", ["/", "/login", "/groups", "/no-such-page", "/healthz",
                                  "/static/css/askwell.css"])
def test_every_response_has_the_security_headers(client, path):
    response = client.get(path)
    response.close()
    d = _directives(response)
    assert re.fullmatch(r"script-src 'self' 'nonce-[A-Za-z0-9_-]{20,}'", d["script-src"])
    assert d["object-src"] == "object-src 'none'"
    assert d["base-uri"] == "base-uri 'self'"
    assert d["frame-ancestors"] == "frame-ancestors 'none'"
    assert d["form-action"] == "form-action 'self'"
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_the_nonce_is_new_on_every_request(client):
    nonces = {_directives(client.get("/"))["script-src"] for _ in range(3)}
    assert len(nonces) == 3


def test_the_nonce_is_available_to_templates(app):
    with app.test_request_context("/"):
        nonce = csp_nonce()
        rendered = app.jinja_env.from_string('<script nonce="{{ csp_nonce() }}"></script>').render()
        assert f'nonce="{nonce}"' in rendered


def test_pages_have_no_inline_scripts_or_event_handlers(client, make_user, login):
    make_user("ann")
    login("ann")
    for path in ("/", "/groups", "/u/ann", "/settings/account", "/settings/password", "/login"):
        page = client.get(path).get_data(as_text=True)
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), path
        assert not re.search(r"\son[a-z]+\s*=", page), path


def test_trust_proxy_makes_forwarded_https_count(app_config):
    seen = {}
    with other_app({**app_config, "TRUST_PROXY": 1}) as app:
        @app.route("/_scheme")
        def scheme():
            from flask import request
            seen["secure"], seen["addr"] = request.is_secure, request.remote_addr
            return "ok"

        app.test_client().get("/_scheme", headers={"X-Forwarded-Proto": "https",
                                                   "X-Forwarded-For": "203.0.113.9"})
    assert seen == {"secure": True, "addr": "203.0.113.9"}
