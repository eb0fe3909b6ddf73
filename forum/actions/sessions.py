"""Session actions: starting, ending and revoking server-side login sessions.

A login creates a ``UserSession`` row with a fresh random id; the cookies carry
``"<user id>:<session id>"`` (see ``User.get_id``). Logging out deletes the
row, so a copy of the old cookie is refused. Changing a password or a role
revokes the person's other sessions, which also ends every "keep me logged in"
cookie they had.
"""
from __future__ import annotations

import secrets
from datetime import timedelta
from functools import lru_cache

from flask import current_app
from sqlalchemy import bindparam, delete, select
from sqlalchemy.orm import joinedload

from forum.extensions import db
from forum.models import User, UserSession, utcnow

USER_AGENT_MAX = 200


def _summary(user_agent: str) -> str:
    return " ".join((user_agent or "").split())[:USER_AGENT_MAX]


def start_session(user: User, user_agent: str = "") -> UserSession:
    """A new server-side session for ``user``; expired ones of theirs are cleared."""
    now = utcnow()
    db.session.execute(delete(UserSession).where(UserSession.user_id == user.id,
                                                 UserSession.expires_at <= now))
    row = UserSession(id=secrets.token_urlsafe(32), user_id=user.id, created_at=now,
                      expires_at=now + timedelta(days=current_app.config["SESSION_MAX_AGE_DAYS"]),
                      user_agent=_summary(user_agent))
    db.session.add(row)
    db.session.commit()
    user.session_id = row.id
    return row


def end_session(session_id: str | None) -> None:
    """Delete one session (logout). Unknown ids are ignored."""
    if session_id:
        db.session.execute(delete(UserSession).where(UserSession.id == session_id))
        db.session.commit()


def end_own_session(user: User, session_id: str) -> bool:
    """Log ``user`` out of one of their own sessions (another device); False if it is not theirs."""
    result = db.session.execute(delete(UserSession).where(UserSession.id == session_id,
                                                          UserSession.user_id == user.id))
    db.session.commit()
    return result.rowcount == 1


def revoke_sessions(user: User, *, keep: str | None = None, commit: bool = True) -> None:
    """End every session of ``user`` except ``keep``."""
    stmt = delete(UserSession).where(UserSession.user_id == user.id)
    if keep:
        stmt = stmt.where(UserSession.id != keep)
    db.session.execute(stmt)
    if commit:
        db.session.commit()


def load_session_user(cookie_id: str) -> User | None:
    """The user a cookie's ``"<user id>:<session id>"`` stands for, or None.

    Refused: malformed values, deleted or expired sessions, and accounts that
    are banned or suspended. Only reads, so GET requests stay write-free.
    """
    user_id, _, session_id = (cookie_id or "").partition(":")
    if not user_id.isdigit() or not session_id:
        return None
    row = db.session.scalar(_session_with_user(), {"session_id": session_id})
    if row is None or row.user_id != int(user_id) or row.expires_at <= utcnow():
        return None
    user = row.user
    if not user.is_active:
        return None
    user.session_id = row.id
    return user


@lru_cache(maxsize=1)
def _session_with_user():
    """The login session with its account and the account's memberships, in one statement
    (built once: every logged-in request runs it)."""
    return (select(UserSession).options(joinedload(UserSession.user).joinedload(User.memberships))
            .where(UserSession.id == bindparam("session_id")))


def list_sessions(user: User) -> list[UserSession]:
    return list(db.session.scalars(
        select(UserSession).where(UserSession.user_id == user.id, UserSession.expires_at > utcnow())
        .order_by(UserSession.created_at.desc())
    ))
