"""Registering, logging in and out, password reset and change."""
from flask import Blueprint

bp = Blueprint("auth", __name__)

from forum.actions.sessions import load_session_user  # noqa: E402
from forum.auth import passwords, routes  # noqa: E402,F401
from forum.extensions import login_manager  # noqa: E402
from forum.models import User  # noqa: E402

login_manager.login_view = "auth.login"
login_manager.login_message = "Please log in to continue."
login_manager.login_message_category = "info"


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """Session and remember cookies both land here; see ``load_session_user``."""
    return load_session_user(user_id)
