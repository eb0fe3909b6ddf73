"""Absolute links for email, built in a request or in a job.

A job has no request to take the site's address from, so the request that queues
it passes ``site_root()`` along (``SITE_URL`` when set, else the address the
request came to), and the job builds links with ``absolute``.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app, has_request_context, request


def site_root() -> str:
    """The site's address, like ``https://askwell.example``, without a trailing slash
    (outside a request and without ``SITE_URL``: ``http://localhost``)."""
    found = current_app.config.get("SITE_URL") or (request.url_root if has_request_context() else "")
    return (found or "http://localhost").rstrip("/")


def absolute(root: str, endpoint: str, **values) -> str:
    """``root`` + the path of ``endpoint`` (with ``values`` in its query string when not in the path)."""
    parts = urlsplit(root)
    adapter = current_app.url_map.bind(parts.netloc or "localhost", script_name=parts.path or "/",
                                       url_scheme=parts.scheme or "http")
    return adapter.build(endpoint, values, force_external=True)
