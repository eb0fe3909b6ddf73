"""Expert verification: applying, the review queue, revocation, and the expert question queue."""
from flask import Blueprint

bp = Blueprint("experts", __name__, url_prefix="/experts")

from forum.experts import routes  # noqa: E402,F401
