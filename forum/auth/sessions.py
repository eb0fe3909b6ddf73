"""Logging a browser in and out, on top of Flask-Login and ``UserSession`` rows.

Every login starts from an empty cookie session (nothing set before login,
such as an attacker-planted value, carries over) and a new server-side
session id. Logging out deletes that row, so the old cookie is dead even if
it was copied.
"""
from __future__ import annotations

from flask import current_app, request, session
from flask_login import current_user, login_user, logout_user

from forum.actions.sessions import end_session, revoke_sessions, start_session
from forum.models import User


def log_in(user: User, remember: bool = False) -> None:
    session.clear()
    start_session(user, request.user_agent.string)
    login_user(user, remember=remember)


def log_out() -> None:
    end_session(getattr(current_user, "session_id", None))
    session.clear()
    logout_user()


def renew_session(user: User) -> None:
    """A new session for this browser after a password or privilege change; others end."""
    had_remember = current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token") in request.cookies
    revoke_sessions(user)
    log_in(user, remember=had_remember)
