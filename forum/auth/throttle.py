"""Slowing down password guessing without locking the owner out.

Failed logins are counted per account *and* network (``LOGIN_LIMIT_ACCOUNT``,
an IPv4 /24 or IPv6 /64 counts as one network) and per network across all
accounts (``LOGIN_LIMIT_ADDRESS``). Someone hammering an account from their
own network locks only that pair, so the owner can still log in from home or
their phone. A browser that has logged in to the account before carries a
signed "known device" cookie; from it, the right password is always let in
(its own wrong guesses are counted separately and more strictly), so nobody
can keep an owner out. Successful logins cost nothing. When a limit is hit,
the person is told when to try again (and gets ``Retry-After``).
"""
from __future__ import annotations

import ipaddress
import math
import time

from flask import current_app, request
from flask_limiter.util import get_remote_address
from itsdangerous import BadSignature, URLSafeSerializer
from limits import parse_many

from forum.ratelimits import strategy

DEVICE_COOKIE = "askwell_device"
DEVICE_SALT = "askwell-known-device"
DEVICE_LIMIT = "10 per minute;30 per hour"
DEVICE_MAX_AGE = 400 * 86400


def network() -> str:
    """The client's network: /24 for IPv4, /64 for IPv6 (one household or office)."""
    address = get_remote_address() or "0.0.0.0"
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address[:64]
    prefix = 24 if ip.version == 4 else 64
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


def _device_serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=DEVICE_SALT)


def known_device_for(user_id: int) -> bool:
    """True if this browser has logged in to account ``user_id`` before."""
    raw = request.cookies.get(DEVICE_COOKIE, "")
    if not raw or len(raw) > 2000:
        return False
    try:
        ids = _device_serializer().loads(raw)
    except (BadSignature, ValueError, TypeError):
        return False
    return isinstance(ids, list) and user_id in ids


def remember_device(response, user_id: int) -> None:
    """Mark this browser as known to ``user_id`` (after a successful login)."""
    ids: list[int] = []
    try:
        ids = [i for i in _device_serializer().loads(request.cookies.get(DEVICE_COOKIE, "") or "[]")
               if isinstance(i, int)]
    except (BadSignature, ValueError, TypeError):
        ids = []
    ids = ([user_id] + [i for i in ids if i != user_id])[:10]
    response.set_cookie(DEVICE_COOKIE, _device_serializer().dumps(ids), max_age=DEVICE_MAX_AGE,
                        secure=current_app.config.get("SESSION_COOKIE_SECURE", False), httponly=True,
                        samesite="Lax")


def _buckets(account_key: str, device: bool) -> list[tuple[str, str]]:
    """(limit string, key) pairs that one failed attempt counts against."""
    config = current_app.config
    if device:
        return [(DEVICE_LIMIT, f"login-device:{account_key}")]
    return [(config["LOGIN_LIMIT_ACCOUNT"], f"login-account:{account_key}:{network()}"),
            (config["LOGIN_LIMIT_ADDRESS"], f"login-network:{network()}")]


def _enabled() -> bool:
    return current_app.config.get("RATELIMIT_ENABLED", True)


def seconds_until_allowed(account_key: str, device: bool) -> int:
    """0 if an attempt may be made now, else how many seconds until one may."""
    if not _enabled():
        return 0
    wait = 0
    for limit_string, key in _buckets(account_key, device):
        for item in parse_many(limit_string):
            if not strategy().test(item, key):
                reset, _ = strategy().get_window_stats(item, key)
                wait = max(wait, math.ceil(reset - time.time()), 1)
    return wait


def count_failure(account_key: str, device: bool) -> None:
    if not _enabled():
        return
    for limit_string, key in _buckets(account_key, device):
        for item in parse_many(limit_string):
            strategy().hit(item, key)


def wait_message(seconds: int) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    when = f"{minutes} minute{'s' if minutes != 1 else ''}"
    return (f"Too many wrong passwords for this account from your network. Try again in {when}, or log "
            "in from a device you have used before. Forgot your password? You can reset it.")
