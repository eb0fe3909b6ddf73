"""Thread pages: reading, replying, quoting, editing with history, deleting."""
from flask import Blueprint

bp = Blueprint("threads", __name__)

from forum.threads import answers, routes  # noqa: E402,F401
