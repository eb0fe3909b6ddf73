"""Notifications, following and email preferences: the bell, /notifications, /following,
/settings/email, one-click unsubscribe and the @mention suggestions."""
from flask import Blueprint

bp = Blueprint("notifications", __name__)

from forum.notifications import routes  # noqa: E402,F401
