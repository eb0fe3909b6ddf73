"""The search pages: /search (results) and /search/similar (questions like this one)."""
from flask import Blueprint

bp = Blueprint("search", __name__)

from forum.searching import routes  # noqa: E402,F401
