"""Small URL helpers shared by the blueprints."""
from __future__ import annotations

from typing import Callable
from urllib.parse import urlsplit

from flask import url_for

# Endpoints whose only URL value is post_id: a thread page links each post to them.
POST_ENDPOINTS = {
    "permalink": "threads.permalink", "revisions": "threads.revisions", "edit": "threads.edit",
    "delete": "threads.delete", "helpful": "threads.helpful", "accept": "threads.accept",
    "flag": "mod.flag", "tools": "mod.post_tools",
}
_MARKER = 987654321


def safe_next_url(target: str | None) -> str | None:
    """``target`` if it is a path on this site, else None (no open redirects)."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target:
        return None
    return target


def _builder(endpoint: str) -> Callable[[int], str]:
    prefix, found, suffix = url_for(endpoint, post_id=_MARKER).partition(str(_MARKER))
    assert found, endpoint
    return lambda post_id: f"{prefix}{int(post_id)}{suffix}"


def post_url_builders() -> dict[str, Callable[[int], str]]:
    """``url_for(endpoint, post_id=...)`` for every post on a page at the cost of one
    ``url_for`` per endpoint (a thread page built ~150 URLs a request through url_for)."""
    return {name: _builder(endpoint) for name, endpoint in POST_ENDPOINTS.items()}
