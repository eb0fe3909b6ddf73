"""Member profiles and profile settings."""
from flask import Blueprint

bp = Blueprint("profiles", __name__)

from forum.profiles import routes  # noqa: E402,F401
