"""The safety step of the posting forms: crisis resources and personal data.

Before a post is published the forms call ``safety_gate``. If the text
suggests crisis, or contains personal data, the form is shown again (with
everything typed kept) above a panel: crisis resources with "Publish anyway",
or what was found with "Remove these details" (the form comes back with the
matches replaced by markers such as "[phone removed]", for the author to
check) and "Publish as written". The choice travels in the submit button's
``safety`` value, so it all works without JavaScript; text is never changed
without the author pressing a button and seeing the result.
"""

from __future__ import annotations

from flask import request

from moderation.safety import SafetyCheck, check, redact_text

PUBLISH, REDACT = "publish", "redact"


def posted_message(held: bool, normal: str) -> str:
    if held:
        return (
            "Thanks — your post is waiting for a moderator to approve it. Until then only you and the "
            "moderators can see it."
        )
    return normal


def safety_gate(*fields) -> SafetyCheck | None:
    """What to show the author before publishing ``fields``; None to publish now."""
    choice = request.form.get("safety", "")
    if choice == PUBLISH:
        return None
    if choice == REDACT:
        for field in fields:
            field.data = redact_text(field.data or "")
        result = check(*(field.data or "" for field in fields))
        result.redacted = True
        return result
    result = check(*(field.data or "" for field in fields))
    return result if result.needs_attention else None
