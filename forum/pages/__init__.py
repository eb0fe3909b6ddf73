"""The site's own pages: about, community guidelines, privacy, terms, medical disclaimer, contact."""
from flask import Blueprint

bp = Blueprint("pages", __name__)

from forum.pages import routes  # noqa: E402,F401
