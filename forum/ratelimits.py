"""Rate limits on posting and private messages (Flask-Limiter's storage), per account, and the
one way to count.

Posting is limited inside the view, so that a member who posts too fast gets
the form back with everything they typed and a clear message. The limit comes
from ``POST_RATE_LIMIT``; counts live in ``RATELIMIT_STORAGE_URI`` (memory by
default, Redis in production). Logins and registrations are throttled by
decorators in ``forum.auth.routes``.

Code that counts by hand (posting here, failed logins in ``forum.auth.throttle``,
API tokens in ``forum.api.ratelimit``) goes through ``strategy()``: like
Flask-Limiter's own in-memory fallback for its decorators, it counts in this
process's memory while the shared storage is unreachable (for
``REDIS_RETRY_SECONDS``, then Redis is tried again), so Redis down never fails
a post or a login.
"""

from __future__ import annotations

import logging
import math
import threading
import time

from flask import current_app
from limits import parse_many
from limits.storage import MemoryStorage

from forum.actions import ActionError
from forum.extensions import limiter
from forum.models.types import utcnow

log = logging.getLogger(__name__)


class PostingTooFast(ActionError):
    """Over the posting limit; ``retry_after`` is how many seconds until a post is allowed again."""

    def __init__(self, message: str, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after


class _Resilient:
    """``hit``, ``test`` and ``get_window_stats`` on the shared storage, or on local memory while it is down."""

    def __init__(self):
        self._local = None
        self._down_until = 0.0
        self._lock = threading.Lock()

    def _local_strategy(self, shared):
        with self._lock:
            if self._local is None or type(self._local) is not type(shared):
                self._local = type(shared)(MemoryStorage())
            return self._local

    def _call(self, name: str, *args):
        shared = limiter.limiter
        if time.monotonic() >= self._down_until:
            try:
                return getattr(shared, name)(*args)
            except Exception as error:  # the storage's connection or timeout error
                retry = float(current_app.config.get("REDIS_RETRY_SECONDS", 30))
                if time.monotonic() >= self._down_until:
                    log.warning("Rate limit storage unreachable (%s); counting in memory for %.0f s",
                                error.__class__.__name__, retry)
                self._down_until = time.monotonic() + retry
        return getattr(self._local_strategy(shared), name)(*args)

    def hit(self, item, *identifiers):
        return self._call("hit", item, *identifiers)

    def test(self, item, *identifiers):
        return self._call("test", item, *identifiers)

    def get_window_stats(self, item, *identifiers):
        return self._call("get_window_stats", item, *identifiers)


_strategy = _Resilient()


def strategy() -> _Resilient:
    """The rate-limit strategy every hand-made count uses (see the module docstring)."""
    return _strategy


def _rate_error(user, limit: str, scope: str, doing: str) -> PostingTooFast | None:
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return None
    counter = strategy()
    for item in parse_many(limit):
        if not counter.hit(item, scope, str(user.id)):
            reset = counter.get_window_stats(item, scope, str(user.id)).reset_time
            return PostingTooFast(
                f"You are {doing} very quickly (the limit is {item}). Please wait a little and try again; "
                "your text is still here.", retry_after=max(1, math.ceil(reset - time.time())))
    return None


def posting_rate_error(user) -> PostingTooFast | None:
    """Count one post by ``user``; the error to raise if they are over the limit, else None."""
    return _rate_error(user, current_app.config["POST_RATE_LIMIT"], "post", "posting")


def is_new_member(user) -> bool:
    """Fewer than ``NEW_MEMBER_POSTS`` posts, or joined less than ``NEW_MEMBER_DAYS`` days ago."""
    config = current_app.config
    if (user.post_count or 0) < int(config.get("NEW_MEMBER_POSTS", 3)):
        return True
    return (utcnow() - user.created_at).days < int(config.get("NEW_MEMBER_DAYS", 2))


def message_rate_error(user) -> PostingTooFast | None:
    """Count one private message by ``user``: new members get ``NEW_MEMBER_MESSAGE_RATE_LIMIT``
    (a spammer's first hour reaches few people), others ``MESSAGE_RATE_LIMIT``;
    moderators and admins are not limited."""
    if user.is_site_moderator:
        return None
    config = current_app.config
    limit = config["NEW_MEMBER_MESSAGE_RATE_LIMIT"] if is_new_member(user) else config["MESSAGE_RATE_LIMIT"]
    return _rate_error(user, limit, "message", "sending messages")


def wait_phrase(seconds: int) -> str:
    """"in about 1 minute", "in about 40 minutes", "in about 2 hours": when to try again."""
    minutes = max(1, math.ceil(seconds / 60))
    if minutes < 90:
        return f"in about {minutes} minute{'s' if minutes != 1 else ''}"
    hours = round(minutes / 60)
    return f"in about {hours} hours"


def seconds_until_allowed(limit: str, scope: str, key: str) -> int | None:
    """None if one more ``scope`` event for ``key`` fits in ``limit`` (nothing is counted);
    else how many seconds until it does."""
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return None
    for item in parse_many(limit):
        if not strategy().test(item, scope, key):
            reset = strategy().get_window_stats(item, scope, key).reset_time
            return max(1, math.ceil(reset - time.time()))
    return None


def count_event(limit: str, scope: str, key: str) -> None:
    """Count one ``scope`` event for ``key`` (after it happened: a sign-up, a message sent)."""
    if current_app.config.get("RATELIMIT_ENABLED", True):
        for item in parse_many(limit):
            strategy().hit(item, scope, key)
