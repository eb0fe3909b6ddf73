"""Members' reports of posts and drug reviews: the checks and bookkeeping every kind shares.

``checked_reason`` validates what the reporter chose and wrote; ``file_flag`` stores the
flag (one per reporter and item, even under a race), counts it, queues the item for
review (urgent for a crisis report) and hides it, audited, once enough members flagged it.
The verbs that call these (``flag_post``, ``flag_review``) add what differs: the item's
own rules and the words of their messages.
"""
from __future__ import annotations

from flask import current_app, has_app_context
from sqlalchemy.exc import IntegrityError

from forum.actions import ActionError, audit, limits
from forum.extensions import db
from forum.models.moderation import Flag, FlagReason

DETAILS_MAX = limits.REPORT_DETAILS_MAX
DEFAULT_FLAG_THRESHOLD = 3


def hide_threshold() -> int:
    """How many members' flags hide an item until a moderator decides."""
    if not has_app_context():
        return DEFAULT_FLAG_THRESHOLD
    return int(current_app.config.get("FLAG_HIDE_THRESHOLD", DEFAULT_FLAG_THRESHOLD))


def checked_reason(reason: str, details: str) -> tuple[FlagReason, str]:
    """The reporter's reason and details, or ``ActionError`` saying what to fix."""
    try:
        reason = FlagReason(reason)
    except ValueError:
        raise ActionError("Choose a reason from the list.") from None
    details = (details or "").strip()
    if len(details) > DETAILS_MAX:
        raise ActionError(f"Keep the details to {DETAILS_MAX:,} characters.")
    if reason == FlagReason.OTHER and not details:
        raise ActionError("Tell the moderators what is wrong when you choose “Something else”.")
    return reason, details


def file_flag(target, flag: Flag, already: str, record, auto_action: str) -> Flag:
    """Store ``flag`` against ``target`` and commit (see the module docstring).

    ``already`` is the message when this reporter flagged ``target`` before (the unique
    index decides a race); ``record(actor, action, target, reason)`` writes the audit row
    ``auto_action`` when the flags hide it.
    """
    db.session.add(flag)
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise ActionError(already) from None
    target.flag_count = (target.flag_count or 0) + 1
    audit.open_review(target, flag.reason, urgent=flag.reason == FlagReason.CRISIS.value)
    if target.flag_count >= hide_threshold() and not target.is_hidden:
        why = f"Hidden after flags from {target.flag_count} members, until a moderator reviews it"
        audit.set_hidden(target, None, why)
        record(None, auto_action, target, why)
    db.session.commit()
    return flag
