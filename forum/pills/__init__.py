"""The Pill Identifier (issue 18), under /pills: find a tablet or capsule by imprint, colour,
shape, size and score, from the pill characteristics in FDA structured product labels.

``imprint`` normalises imprints, ``spl`` reads SPL XML documents (the importer),
``queries`` searches, ``routes`` is the page; the drawings come from shape and
colour (``templates/pills/_drawing.html``).
"""
from flask import Blueprint

bp = Blueprint("pills", __name__)

from forum.pills import routes  # noqa: E402,F401
