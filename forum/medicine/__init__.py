"""My Medicine (issue 18): a member's private medicine lists, family profiles, interaction
checks and FDA recall alerts, under /medicine; the public recall pages under /recalls.

``interactions`` is the checker (the rule table and the FDA label text), ``recalls``
imports openFDA enforcement reports and files alerts, ``queries`` reads one owner's
lists, ``routes`` are the pages. Nothing here is searchable, cached for others, in a
feed or in the API.
"""
from flask import Blueprint

bp = Blueprint("medicine", __name__)

from forum.medicine import routes  # noqa: E402,F401
