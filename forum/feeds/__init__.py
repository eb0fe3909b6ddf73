"""Atom feeds of public content: each public group, Second Opinion and each public thread.

A feed is written for nobody in particular, so it shows exactly what an anonymous
visitor sees (``permissions.can_syndicate_*``): never a private group (its feed is a 404
for everyone, members included), a hidden thread, or a hidden or deleted post.
"""
from flask import Blueprint

bp = Blueprint("feeds", __name__)

from forum.feeds import routes  # noqa: E402,F401
