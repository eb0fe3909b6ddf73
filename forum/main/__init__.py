"""The home page, health check and reader preferences."""
from flask import Blueprint

bp = Blueprint("main", __name__)

from forum.main import routes  # noqa: E402,F401
