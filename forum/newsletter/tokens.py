"""The newsletter's signed links: confirm a sign-up, and unsubscribe.

A confirmation link is timed (``NEWSLETTER_CONFIRM_DAYS``) and single-use: it
carries the subscriber id, the row's current random nonce (cleared on use, replaced
by a new sign-up) and the chosen topics. An unsubscribe link never expires (it sits
in old emails) and carries the subscriber id and address, so a link for a row that
was deleted and made again for the same address does nothing to the new one.
Anything forged, truncated, oversized or of the wrong shape reads as None.
"""
from __future__ import annotations

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer, URLSafeTimedSerializer

CONFIRM_SALT = "askwell-newsletter-confirm"
UNSUBSCRIBE_SALT = "askwell-newsletter-unsubscribe"
TOKEN_MAX = 4000


def _confirm() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=CONFIRM_SALT)


def _unsubscribe() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=UNSUBSCRIBE_SALT)


def confirm_days() -> int:
    return int(current_app.config.get("NEWSLETTER_CONFIRM_DAYS", 7))


def confirmation_token(subscriber_id: int, nonce: str, topics: list[str], user_id: int | None) -> str:
    return _confirm().dumps({"s": subscriber_id, "n": nonce, "t": topics, "u": user_id})


def read_confirmation(token: str | None) -> dict | None:
    """``{"s": id, "n": nonce, "t": [topics], "u": user id or None}``, or None."""
    if not token or len(token) > TOKEN_MAX:
        return None
    try:
        data = _confirm().loads(token, max_age=confirm_days() * 86400)
    except (BadSignature, ValueError, TypeError):
        return None
    if not (isinstance(data, dict) and isinstance(data.get("s"), int) and isinstance(data.get("n"), str)
            and isinstance(data.get("t"), list) and (data.get("u") is None or isinstance(data.get("u"), int))):
        return None
    return data


def unsubscribe_token(subscriber_id: int, email: str) -> str:
    return _unsubscribe().dumps({"s": subscriber_id, "e": email})


def read_unsubscribe(token: str | None) -> tuple[int, str] | None:
    if not token or len(token) > TOKEN_MAX:
        return None
    try:
        data = _unsubscribe().loads(token)
    except (BadSignature, ValueError, TypeError):
        return None
    if not (isinstance(data, dict) and isinstance(data.get("s"), int) and isinstance(data.get("e"), str)):
        return None
    return data["s"], data["e"]
