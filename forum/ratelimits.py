"""Rate limit on posting (Flask-Limiter's storage), per account.

Posting is limited inside the view, so that a member who posts too fast gets
the form back with everything they typed and a clear message. The limit comes
from ``POST_RATE_LIMIT``; counts live in ``RATELIMIT_STORAGE_URI`` (memory by
default, Redis in production). Logins and registrations are throttled by
decorators in ``forum.auth.routes``.
"""

from __future__ import annotations

from flask import current_app
from limits import parse_many

from forum.extensions import limiter


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
