"""Drugs & Supplements: the catalogue pages under /drugs (issue 17).

``names`` is the one normal form of a drug name and finds names in text;
``catalogue`` loads the shipped list, ``importing`` and ``sources`` the public
datasets; ``queries`` and ``search`` read the catalogue for the pages in
``routes``; ``mentions`` asks search for the threads that name a drug; ``review_routes``
and ``review_queries`` are the community reviews (``forum.actions.reviews``).
"""
from flask import Blueprint

bp = Blueprint("drugs", __name__)

from forum.drugs import review_routes, routes  # noqa: E402,F401
