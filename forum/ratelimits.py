"""Rate limits for logging in, registering and posting (Flask-Limiter).

Login and registration are limited per IP address by decorators (a 429 page
explains). Posting is limited per account inside the view, so that a member
who posts too fast gets the form back with everything they typed and a clear
message. Limits come from config (``LOGIN_RATE_LIMIT``, ``REGISTER_RATE_LIMIT``,
``POST_RATE_LIMIT``) and counts live in ``RATELIMIT_STORAGE_URI`` (memory by
default, Redis in production).
"""

from __future__ import annotations

from flask import current_app
from limits import parse_many

from forum.extensions import limiter


def login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def register_limit() -> str:
    return current_app.config["REGISTER_RATE_LIMIT"]


def posting_rate_error(user) -> str | None:
    """Count one post by ``user``; a message if they are over the limit, else None."""
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return None
    for item in parse_many(current_app.config["POST_RATE_LIMIT"]):
        if not limiter.limiter.hit(item, "post", str(user.id)):
            return (
                f"You are posting very quickly (the limit is {item}). Please wait a little and try again; "
                "your text is still here."
            )
    return None
