"""Member profiles and profile settings."""
from flask import Blueprint

bp = Blueprint("profiles", __name__)

from forum.profiles import account, avatars, routes, tokens  # noqa: E402,F401
