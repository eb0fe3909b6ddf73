"""Moderation pages: dashboard, review queue, audit log, watched words, and the
moderator tools for posts, threads and people (``/mod/...``), plus flagging."""

from flask import Blueprint

bp = Blueprint("mod", __name__)

from forum.mod import content, routes  # noqa: E402,F401
