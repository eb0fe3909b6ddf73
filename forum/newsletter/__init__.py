"""The newsletter: sign-up with double opt-in, topics, one-click unsubscribe, and the
admin pages to compose an issue, see who would get it, test it and send it in jobs."""
from flask import Blueprint

bp = Blueprint("newsletter", __name__)

from forum.newsletter import admin_routes, routes  # noqa: E402,F401
