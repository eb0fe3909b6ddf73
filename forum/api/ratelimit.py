"""Per-token rate limits on the API, counted in Flask-Limiter's storage.

Counted once per request, after the token is checked (so a stranger cannot use
up someone's allowance), from ``API_RATE_LIMIT``; the counts live wherever the
site's other limits do (``RATELIMIT_STORAGE_URI``: memory, or Redis shared by
every worker). Every answer carries ``RateLimit-Limit``, ``RateLimit-Remaining``,
``RateLimit-Reset`` (seconds) and ``RateLimit-Policy`` for the tightest window;
a refused request gets 429 with ``Retry-After``.
"""
from __future__ import annotations

import math
import time

from flask import current_app, g
from limits import parse_many
from werkzeug.exceptions import TooManyRequests

from forum.ratelimits import strategy as counting_strategy


def _seconds_until(reset_time: float) -> int:
    return max(1, math.ceil(reset_time - time.time()))


def count(token) -> None:
    """Count one request against ``token``; raises TooManyRequests when over a limit."""
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return
    strategy = counting_strategy()
    tightest = None
    for item in parse_many(current_app.config["API_RATE_LIMIT"]):
        allowed = strategy.hit(item, "api-token", str(token.id))
        stats = strategy.get_window_stats(item, "api-token", str(token.id))
        if not allowed:
            g.api_rate = (item, stats)
            wait = _seconds_until(stats.reset_time)
            raise TooManyRequests(f"This token may make {item}. Try again in {wait} seconds.",
                                  retry_after=wait)
        if tightest is None or stats.remaining < tightest[1].remaining:
            tightest = (item, stats)
    g.api_rate = tightest


def add_headers(response) -> None:
    rate = g.get("api_rate")
    if rate is None:
        return
    item, stats = rate
    response.headers["RateLimit-Limit"] = str(item.amount)
    response.headers["RateLimit-Remaining"] = str(max(0, stats.remaining))
    response.headers["RateLimit-Reset"] = str(_seconds_until(stats.reset_time))
    response.headers["RateLimit-Policy"] = f"{item.amount};w={item.get_expiry()}"
