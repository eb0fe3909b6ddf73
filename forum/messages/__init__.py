"""Private messages: inbox, conversations, compose, reports, blocks and message settings."""
from flask import Blueprint

bp = Blueprint("messages", __name__)

from forum.messages import people, routes  # noqa: E402,F401
