"""Account actions: registering, logging in, profiles and roles."""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from argon2 import DEFAULT_MEMORY_COST, DEFAULT_TIME_COST, PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app, has_app_context
from sqlalchemy import func, select

from forum import publishing
from forum.actions import ActionError, limits
from forum.actions.sessions import revoke_sessions
from forum.database import release_write_lock
from forum.extensions import db
from forum.models import Role, User, utcnow


@cache
def _hasher_for(time_cost: int, memory_cost: int) -> PasswordHasher:
    return PasswordHasher(time_cost=time_cost, memory_cost=memory_cost)


def _hasher() -> PasswordHasher:
    """argon2id with the library's recommended cost, unless ``ARGON2_TIME_COST`` /
    ``ARGON2_MEMORY_COST`` (KiB) say otherwise (the test suite uses a cheap one)."""
    config = current_app.config if has_app_context() else {}
    return _hasher_for(int(config.get("ARGON2_TIME_COST") or DEFAULT_TIME_COST),
                       int(config.get("ARGON2_MEMORY_COST") or DEFAULT_MEMORY_COST))


@cache
def _dummy_hash(hasher: PasswordHasher) -> str:
    """Verified against when no account matches, so login takes as long whether or not it exists."""
    return hasher.hash("askwell-no-such-account")


def hash_password(password: str) -> str:
    release_write_lock()  # ~50 ms of argon2: never while holding SQLite's write lock
    return _hasher().hash(password)


def normalize_email(email: str) -> str:
    return email.strip().lower()


def find_user(identifier: str) -> User | None:
    """A user by username (any case) or email address."""
    identifier = identifier.strip()
    if "@" in identifier:
        return db.session.scalar(select(User).where(User.email == normalize_email(identifier)))
    return db.session.scalar(select(User).where(User.username_key == identifier.lower()))


COMMON_PASSWORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "common_passwords.txt"


@cache
def common_passwords() -> frozenset[str]:
    """The bundled list of common passwords (lower-cased; see the file's header)."""
    with COMMON_PASSWORDS_FILE.open(encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip() and not line.startswith("#"))


def check_password_rules(password: str) -> None:
    """Raises ActionError for a password that is too short, too long or too common."""
    if len(password) < limits.PASSWORD_MIN:
        raise ActionError(f"Use at least {limits.PASSWORD_MIN} characters for your password.")
    if len(password) > limits.PASSWORD_MAX:
        raise ActionError(f"Use at most {limits.PASSWORD_MAX} characters for your password.")
    if password.strip().lower() in common_passwords():
        raise ActionError("That password is one of the most common ones, so it is easy to guess. "
                          "Please choose another; a few unrelated words work well.")


def verify_password(user: User, password: str) -> bool:
    """True if ``password`` is ``user``'s current password."""
    if not user.password_hash:
        return False
    stored = user.password_hash
    release_write_lock()
    try:
        return _hasher().verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def check_username(username: str) -> str:
    """The username, trimmed; raises ActionError if it is too short, too long or has other characters."""
    username = username.strip()
    if not (limits.USERNAME_MIN <= len(username) <= limits.USERNAME_MAX) or not re.match(
        limits.USERNAME_PATTERN, username
    ):
        raise ActionError(
            f"Usernames are {limits.USERNAME_MIN}–{limits.USERNAME_MAX} characters: "
            "letters, numbers, dots, dashes and underscores."
        )
    return username


def register_user(username: str, email: str, password: str, role: Role = Role.MEMBER, *,
                  unconfirmed: bool = False) -> User:
    """Create an account. Raises ActionError if the name or email is taken or invalid.

    Accounts are confirmed at once (admins, imports, the demo) unless ``unconfirmed``:
    a sign-up on the site waits for its owner to open the emailed link
    (``forum.actions.signup``).
    """
    username = check_username(username)
    check_password_rules(password)
    email = normalize_email(email)
    # Hashed first: the checks below and the insert then run in one short write transaction.
    password_hash = hash_password(password)
    if db.session.scalar(select(User.id).where(User.username_key == username.lower())):
        raise ActionError("That username is taken. Please choose another.")
    if db.session.scalar(select(User.id).where(User.email == email)):
        raise ActionError("That email address cannot be used. If it is yours, log in instead.")
    user = User(
        username=username,
        username_key=username.lower(),
        email=email,
        password_hash=password_hash,
        role=role.value,
        email_confirmed_at=None if unconfirmed else utcnow(),
    )
    db.session.add(user)
    db.session.commit()
    return user


def authenticate(identifier: str, password: str) -> User | None:
    """The user whose credentials these are, or None. Never says which part was wrong."""
    user = find_user(identifier) if identifier.strip() else None
    hasher = _hasher()
    stored = user.password_hash if user is not None and user.password_hash else _dummy_hash(hasher)
    release_write_lock()
    try:
        hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.password_hash:
        return None
    if hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
        db.session.commit()
    return user


def update_profile(user: User, display_name: str, bio: str, *, choice: str = "") -> User:
    """Change the public name and bio. Both are public text: they pass the publishing
    pipeline (a silenced member cannot change them; watched words and the safety
    step apply). Raises ``ActionError`` or ``publishing.NeedsConfirmation``."""
    display_name = " ".join(publishing.clean_text(display_name).split())
    if len(display_name) > limits.DISPLAY_NAME_MAX:
        raise ActionError(f"Display names are at most {limits.DISPLAY_NAME_MAX} characters.")
    text = publishing.prepare(user, publishing.BIO, bio, also={"display_name": display_name}, choice=choice,
                              body_name="bio")
    user.display_name = display_name
    user.bio = text.body
    db.session.commit()
    return user


def change_role(admin: User, user: User, role: Role) -> User:
    """Give ``user`` a new site role. The last admin cannot be demoted.

    The expert role belongs to verification (an approved application at
    /experts/review gives it, a revoked one takes it away), so it is neither
    given nor taken here: the badge always means a checked credential.
    """
    verified = user.current_verification is not None
    if role == Role.EXPERT and not verified:
        raise ActionError(f"{user.username} is not a verified expert. Experts apply from their account "
                          "page and are approved at /experts/review, which gives the role and the badge.")
    if role == Role.MEMBER and verified:
        raise ActionError(f"{user.username} is a verified expert; to make them a member, revoke the "
                          "verification at /experts/review (with a reason).")
    if user.role == Role.ADMIN and role != Role.ADMIN:
        admins = db.session.scalar(select(func.count()).select_from(User).where(User.role == Role.ADMIN))
        if admins <= 1:
            raise ActionError("Askwell needs at least one admin; promote someone else first.")
    user.role = role.value
    # New privileges, new sessions: the person's browsers log in again (the
    # admin's own browser gets a fresh session from the view).
    revoke_sessions(user, keep=admin.session_id if admin.id == user.id else None, commit=False)
    db.session.commit()
    return user
