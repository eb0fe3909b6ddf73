"""Joining Askwell without telling strangers who is already here.

A sign-up never says whether an email address has an account. For a new
address the account is created unconfirmed and its owner is emailed a link;
for an address already in use nothing is created and the owner is emailed a
note ("someone tried to join with your address: log in, or reset your
password"). The person at the keyboard sees the same page either way, and the
reply takes as long either way (mail goes after the response).

The link carries a signed, timestamped token (itsdangerous) with the account
id and address; opening it confirms the address and logs the person in. An
unconfirmed account cannot log in, and its username is free again after
``SIGNUP_CONFIRM_DAYS`` (``flask --app forum users forget-unconfirmed``).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import delete, select

from forum.actions import ActionError
from forum.actions.accounts import check_password_rules, check_username, hash_password, normalize_email, register_user
from forum.extensions import db
from forum.mail import send_mail_after_response
from forum.models import User, utcnow

SALT = "askwell-confirm-email"


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def _max_age() -> int:
    return int(current_app.config.get("SIGNUP_CONFIRM_DAYS", 7)) * 86400


def confirmation_token(user: User) -> str:
    return _serializer().dumps({"u": user.id, "e": user.email})


def sign_up(username: str, email: str, password: str, link_for: Callable[[str], str]) -> str:
    """Start joining: create an unconfirmed account and email its link, or tell the owner
    of an address already in use. Raises ActionError only for problems the person can
    see anyway (a taken username, a weak password), never for the address. Returns the
    address, normalised."""
    site = current_app.config["SITE_NAME"]
    email = normalize_email(email)
    existing = db.session.scalar(select(User).where(User.email == email))
    if existing is not None:
        # The same checks, answers and work (one argon2 hash) as for a new address.
        username = check_username(username)
        check_password_rules(password)
        if db.session.scalar(select(User.id).where(User.username_key == username.lower())):
            raise ActionError("That username is taken. Please choose another.")
        hash_password(password)
        send_mail_after_response(email, f"Someone tried to join {site} with your address", (
            f"Hello {existing.username},\n\nSomeone (perhaps you) tried to create a new {site} account "
            f"with this email address, which already has one.\n\nIf it was you, log in instead, or set a "
            f"new password if you have forgotten it:\n\n{link_for('')}\n\n"
            "If it was not you, you can ignore this message: nothing has changed.\n"))
        return email
    user = register_user(username, email, password, unconfirmed=True)
    days = _max_age() // 86400
    send_mail_after_response(email, f"Confirm your email to join {site}", (
        f"Hello {user.username},\n\nWelcome to {site}. Open this link within {days} days to confirm "
        f"your email address and finish joining:\n\n{link_for(confirmation_token(user))}\n\n"
        "If you did not sign up, ignore this message and the account will not be created.\n"))
    return email


def user_for_confirmation(token: str) -> User | None:
    """The unconfirmed account a confirmation link is for; None if forged, expired or used."""
    if not token or len(token) > 500:
        return None
    try:
        data = _serializer().loads(token, max_age=_max_age())
    except (BadSignature, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    user = db.session.get(User, data["u"])
    if user is None or user.email != data.get("e") or user.email_confirmed_at is not None:
        return None
    return user


def confirm_email(user: User) -> User:
    user.email_confirmed_at = utcnow()
    db.session.commit()
    return user


def resend_confirmation(email: str, link_for: Callable[[str], str]) -> None:
    """Email the link again if an unconfirmed account uses ``email``; silent either way."""
    user = db.session.scalar(select(User).where(User.email == normalize_email(email),
                                                User.email_confirmed_at.is_(None)))
    if user is not None:
        send_mail_after_response(user.email, f"Confirm your email to join {current_app.config['SITE_NAME']}", (
            f"Hello {user.username},\n\nHere is your link again:\n\n{link_for(confirmation_token(user))}\n"))


def forget_unconfirmed() -> int:
    """Delete accounts never confirmed within ``SIGNUP_CONFIRM_DAYS``; returns how many."""
    cutoff = utcnow() - timedelta(seconds=_max_age())
    result = db.session.execute(delete(User).where(User.email_confirmed_at.is_(None), User.created_at < cutoff,
                                                   User.post_count == 0))
    db.session.commit()
    return result.rowcount
