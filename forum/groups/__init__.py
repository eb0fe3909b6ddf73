"""Support groups: listing, joining, private-group requests, starting threads."""
from flask import Blueprint

bp = Blueprint("groups", __name__)

from forum.groups import manage, routes  # noqa: E402,F401
