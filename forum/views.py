"""What every view shares: permission guards and the form-page pattern.

``require`` and ``require_visible`` are the one 403/404 policy: a person who
may see something but not do this gets 403; content they may not see at all
(a private group's thread, a hidden post) answers 404, exactly like an id that
does not exist, so outsiders cannot even count it.

``submit`` runs a form's action and turns what can go wrong into what the
page shows: an ``ActionError`` becomes a form error, a
``publishing.NeedsConfirmation`` becomes the safety panel (with redacted text
put back into the fields), and everything typed stays in the form.
``form_page`` renders the page with the right status.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import abort, render_template, request
from flask_login import current_user

from forum.actions import ActionError
from forum.drafts import mark_published
from forum.publishing import NeedsConfirmation

T = TypeVar("T")


def require(check: Callable[..., bool], *args) -> None:
    """403 unless ``check(current_user, *args)``: the person sees the thing but may not do this."""
    if not check(current_user, *args):
        abort(403)


def require_visible(check: Callable[..., bool], *args) -> None:
    """404 unless ``check(current_user, *args)``: what they may not see does not exist for them."""
    if not check(current_user, *args):
        abort(404)


def submit(form, save: Callable[[str], T]) -> tuple[T | None, object | None]:
    """Validate ``form`` and call ``save(choice)`` (choice: the safety-panel button pressed).

    Returns ``(result, None)`` on success, ``(None, safety)`` when the author must
    see the safety panel first, and ``(None, None)`` when the form has errors.
    """
    if not form.validate_on_submit():
        return None, None
    try:
        result = save(request.form.get("safety", ""))
    except NeedsConfirmation as pending:
        for name, value in pending.fields.items():
            if name in form:
                form[name].data = value
        return None, pending.safety
    except ActionError as error:
        form.form_errors.append(str(error))
        return None, None
    if result:
        mark_published()  # only now may the browser drop its draft of this form (forum.drafts)
    return result, None


def form_page(template: str, form, safety=None, **context):
    """Render a form page: 400 when the form has errors, so nothing looks saved; else 200."""
    status = 400 if form.errors or form.form_errors else 200
    return render_template(template, form=form, safety=safety, **context), status


def posted_message(held: bool, normal: str) -> str:
    """What to tell the author after publishing: ``normal``, or that a moderator approves it first."""
    if held:
        return ("Thanks — your post is waiting for a moderator to approve it. Until then only you and the "
                "moderators can see it.")
    return normal
