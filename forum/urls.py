"""Small URL helpers shared by the blueprints."""
from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from flask import request, url_for
from werkzeug.routing import IntegerConverter

# Endpoints whose only URL value is post_id: a thread page links each post to them.
POST_ENDPOINTS = {
    "permalink": "threads.permalink", "revisions": "threads.revisions", "edit": "threads.edit",
    "delete": "threads.delete", "helpful": "threads.helpful", "accept": "threads.accept",
    "flag": "mod.flag", "tools": "mod.post_tools", "bookmark": "notifications.bookmark",
}
_MARKER = 987654321
ID_MAX = 2**31 - 1  # ids are 32-bit INTEGER columns on every database


class BoundedIntConverter(IntegerConverter):
    """``<int:...>`` in every route: ASCII digits only, at most a 32-bit id, so
    ``/t/99999999999999999999`` is a 404 like any other unknown id (never an
    overflow in the database driver). ``/p/٣`` (Arabic-Indic three) is a 404 too: the
    default pattern matches every Unicode digit."""

    regex = r"[0-9]+"

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", ID_MAX)
        super().__init__(map, *args, **kwargs)


def requested_id(name: str) -> int | None:
    """The query argument ``name`` as an id: ASCII digits, 1 to ``ID_MAX``; else None.

    (``str.isdigit`` accepts "²" and other Unicode digits that ``int`` refuses.)
    """
    raw = request.args.get(name, "")
    if not raw or len(raw) > 10 or not raw.isascii() or not raw.isdigit():
        return None
    value = int(raw)
    return value if 1 <= value <= ID_MAX else None


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
