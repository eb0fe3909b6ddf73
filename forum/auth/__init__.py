"""Registering, logging in and out."""
from flask import Blueprint

bp = Blueprint("auth", __name__)

from forum.auth import routes  # noqa: E402,F401

from forum.extensions import db, login_manager  # noqa: E402
from forum.models import User  # noqa: E402

login_manager.login_view = "auth.login"
login_manager.login_message = "Please log in to continue."
login_manager.login_message_category = "info"


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    if not user_id.isdigit():
        return None
    user = db.session.get(User, int(user_id))
    # A ban or suspension takes effect at once, even for someone already logged in.
    return user if user is not None and user.is_active else None
