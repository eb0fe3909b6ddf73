"""API writes through the publishing pipeline, with the safety step as a 409.

The web shows the safety panel and waits for a button; the API answers 409
with the same findings, the crisis resources (``crisis_response``: the
outcome's heading and helplines with ``tel:`` links, as on the web panel),
and the text the "Remove these details" button would produce; it publishes
only when the client sends the same text again with ``"confirm": "publish"``
(as written) or ``"redact"`` (with the details replaced by markers, the same
redaction as the web form's).
Nothing is published silently, and the 409 echoes every text field as sent,
so nothing typed is lost. Rule refusals (``ActionError``) become 422, and the
posting rate limit 429, each with the pipeline's own message.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import TypeVar

from flask import abort

from forum.actions import ActionError
from forum.api.errors import API_PREFIX, problem
from forum.publishing import PUBLISH, REDACT, NeedsConfirmation
from forum.ratelimits import PostingTooFast
from moderation.safety import CRISIS_RESOURCES, response_for

T = TypeVar("T")


def _detail(safety, choice: str) -> str:
    parts = ["Nothing was published yet."]
    if safety.crisis:
        parts.append("It sounds like you may be going through something very hard; help is available right "
                     "now (crisis_resources). To share it with the community anyway, send it again with "
                     '"confirm": "publish"; the moderators will see it and may check in with you.')
    if safety.personal:
        parts.append('Askwell is public, and this may contain personal details (personal_data). Send it again '
                     'with "confirm": "redact" to publish it with those details replaced by markers (as in '
                     'redacted), or "confirm": "publish" to publish it as written.')
    if choice == REDACT and not safety.personal:
        parts.append("There were no personal details to remove.")
    return " ".join(parts)


def _crisis_response(outcome: str | None) -> dict | None:
    """The web panel's response for ``outcome`` as JSON (emergency numbers first for an emergency)."""
    if outcome is None:
        return None
    response = response_for(outcome)
    return {"outcome": outcome, "heading": response.heading, "intro": response.intro,
            "sections": [{"heading": section.heading, "resources": [asdict(r) for r in section.resources]}
                         for section in response.sections]}


def _confirmation(pending: NeedsConfirmation, submitted: dict, redacted: dict | None, choice: str):
    safety = pending.safety
    choices = [PUBLISH, REDACT] if safety.personal else [PUBLISH]
    return problem(
        409, _detail(safety, choice), title="Check this before it is published",
        type_=f"{API_PREFIX}/docs#problem-needs-confirmation",
        crisis=bool(safety.crisis),
        crisis_resources=[{"where": w, "what": t} for w, t in CRISIS_RESOURCES] if safety.crisis else [],
        crisis_response=_crisis_response(safety.outcome),
        personal_data=[{"label": f.label, "text": f.text} for f in safety.personal],
        choices=choices, submitted=submitted, redacted=redacted)


def _redacted(save, fields: dict) -> dict | None:
    """What "Remove these details" gives: the pipeline run with the redact choice (it writes nothing)."""
    try:
        save(fields, REDACT)
    except NeedsConfirmation as pending:
        return {**fields, **pending.fields} if pending.safety.redacted else None
    except ActionError:
        return None
    return None


def publish(save: Callable[[dict, str], T], fields: dict[str, str], confirm: str = "") -> T:
    """``save(fields, choice)`` through the safety step; aborts with 409, 422 or 429.

    ``fields`` are the text fields by their API names (which are the web forms' names).
    """
    try:
        try:
            return save(fields, confirm)
        except NeedsConfirmation as pending:
            if confirm == REDACT and pending.safety.redacted:
                return save({**fields, **pending.fields}, PUBLISH)
            redacted = _redacted(save, fields) if pending.safety.personal else None
            abort(_confirmation(pending, fields, redacted, confirm))
    except PostingTooFast as too_fast:
        abort(problem(429, str(too_fast), headers={"Retry-After": str(too_fast.retry_after)}))
    except ActionError as refused:
        abort(refuse(refused))


def refuse(error: ActionError):
    """A rule refused the request: 422 with the action's message as the detail."""
    return problem(422, str(error), title="Refused by a rule", type_=f"{API_PREFIX}/docs#problem-refused")


def act(do: Callable[[], T]) -> T:
    """Run an action that takes no text; its ``ActionError`` becomes a 422 problem."""
    try:
        return do()
    except ActionError as refused:
        abort(refuse(refused))
