"""Member profiles and profile settings."""
from flask import Blueprint

bp = Blueprint("profiles", __name__)

from forum.profiles import account, routes  # noqa: E402,F401
