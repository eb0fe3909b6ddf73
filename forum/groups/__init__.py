"""Support groups: listing, joining, private-group requests, starting threads."""
from flask import Blueprint

bp = Blueprint("groups", __name__)

from forum.groups import routes  # noqa: E402,F401
