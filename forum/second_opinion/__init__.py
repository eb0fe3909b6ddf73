"""Second Opinion: articles by verified experts on popular health topics, with members' comments."""
from flask import Blueprint

bp = Blueprint("second_opinion", __name__, url_prefix="/second-opinion")

from forum.second_opinion import comments, routes  # noqa: E402,F401
