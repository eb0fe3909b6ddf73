"""Telling the browser's draft autosave (static/js/askwell.js) that a post went through.

The autosave keeps what is typed in a post form until the server confirms it
was published: ``forum.views.submit`` calls ``mark_published`` when a form's
action succeeded, and the next page rendered (the redirect target) carries
``data-draft-published`` with the form's path on ``<body>``. Any other page
after a submit (a form sent back with errors, an expired form, "too large",
"try again shortly") says nothing, so the draft stays in the browser.
"""
from __future__ import annotations

from flask import has_request_context, request, session

_KEY = "draft_published"


def mark_published() -> None:
    """The form at this request's path was saved: its draft may go."""
    session[_KEY] = request.path


def published_draft() -> str:
    """The path whose draft was published (once, then forgotten), or ""."""
    if not has_request_context() or _KEY not in session:
        return ""
    return session.pop(_KEY, "") or ""
