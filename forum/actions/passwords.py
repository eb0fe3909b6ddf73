"""Password actions: emailed reset links and changing a password.

A reset link carries a signed, timestamped token (itsdangerous) holding the
user id and a fingerprint of the current password hash. It expires after
``PASSWORD_RESET_MAX_AGE`` seconds and works once: setting a password changes
the hash, so the fingerprint no longer matches. Accounts imported without a
password (``password_hash`` is NULL) set their first one this way.
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import select

from forum.actions import ActionError
from forum.actions.accounts import check_password_rules, hash_password, normalize_email, verify_password
from forum.actions.sessions import revoke_sessions
from forum.extensions import db
from forum.mail import send_mail_after_response
from forum.models import User, utcnow

log = logging.getLogger(__name__)
SALT = "askwell-password-reset"


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def _fingerprint(user: User) -> str:
    return hashlib.sha256((user.password_hash or "no-password").encode()).hexdigest()[:20]


def password_reset_token(user: User) -> str:
    return _serializer().dumps({"u": user.id, "h": _fingerprint(user)})


def user_for_reset_token(token: str) -> User | None:
    """The user a reset token is for; None if it is forged, expired or already used."""
    if not token or len(token) > 500:
        return None
    try:
        data = _serializer().loads(token, max_age=current_app.config["PASSWORD_RESET_MAX_AGE"])
    except (BadSignature, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    user = db.session.get(User, data["u"])
    if user is None or data.get("h") != _fingerprint(user):
        return None
    return user


def send_password_reset(email: str, link_for: Callable[[str], str]) -> None:
    """Email a reset link if an account uses ``email``; silent either way.

    The caller shows the same message whether or not the account exists, and
    whether or not the mail server answered (failures are logged).
    """
    user = db.session.scalar(select(User).where(User.email == normalize_email(email)))
    if user is None:
        return
    minutes = current_app.config["PASSWORD_RESET_MAX_AGE"] // 60
    body = (
        f"Hello {user.username},\n\n"
        f"Someone (we hope you) asked to set a new password for your "
        f"{current_app.config['SITE_NAME']} account. Open this link within {minutes} minutes "
        f"to choose one:\n\n{link_for(password_reset_token(user))}\n\n"
        "The link works once. If you did not ask for this, ignore this message: "
        "your password stays as it is.\n"
    )
    # Sent after the response, so the reply takes as long as for an unknown address.
    send_mail_after_response(user.email, f"Set a new {current_app.config['SITE_NAME']} password", body)


def reset_password(user: User, password: str) -> User:
    """Set a new password from a reset link; every session of the account ends."""
    check_password_rules(password)
    user.password_hash = hash_password(password)
    if user.email_confirmed_at is None:  # the link reached the address: it is theirs
        user.email_confirmed_at = utcnow()
    revoke_sessions(user, commit=False)
    db.session.commit()
    return user


def change_password(user: User, current: str, password: str) -> User:
    """Change a password knowing the current one; the person's other sessions end.

    Raises ActionError if ``current`` is wrong or the new password breaks a rule.
    """
    if not verify_password(user, current):
        raise ActionError("Your current password is not right. Nothing was changed.")
    if current == password:
        raise ActionError("Choose a password different from your current one.")
    check_password_rules(password)
    user.password_hash = hash_password(password)
    revoke_sessions(user, keep=user.session_id, commit=False)
    db.session.commit()
    return user
