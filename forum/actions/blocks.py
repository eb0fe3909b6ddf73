"""Blocking members and reporting messages and members.

A block is one row (blocker, blocked): it stops private messages both ways,
collapses the blocked person's posts for the blocker and keeps them from
mentioning the blocker (``permissions.is_blocked``). Reports are
``MemberReport`` rows that open a review-queue row in the same transaction: a
reported message also marks its conversation reported, which is what lets a
site moderator open it (audited, ``forum.actions.messages``).
"""
from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from forum import permissions
from forum.actions import ActionError, audit, limits
from forum.extensions import db
from forum.models import Block, Conversation, FlagReason, MemberReport, Message, User, utcnow


def block_member(user: User, other: User) -> Block:
    """Raises ActionError for oneself, a moderator, or someone already blocked."""
    if not permissions.may_block(user, other):
        raise ActionError("You cannot block moderators or yourself. To raise a concern, report the member.")
    if permissions.has_blocked(user, other):
        raise ActionError(f"You have already blocked {other.name}.")
    block = Block(blocker_id=user.id, blocked_id=other.id, created_at=utcnow())
    db.session.add(block)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise ActionError(f"You have already blocked {other.name}.") from None
    permissions.forget_blocks(user)
    permissions.forget_blocks(other)
    return block


def unblock_member(user: User, other: User) -> None:
    if not permissions.has_blocked(user, other):
        raise ActionError(f"You have not blocked {other.name}.")
    db.session.execute(delete(Block).where(Block.blocker_id == user.id, Block.blocked_id == other.id))
    db.session.commit()
    permissions.forget_blocks(user)
    permissions.forget_blocks(other)


def _reason_and_details(reason: str, details: str) -> tuple[str, str]:
    try:
        reason = FlagReason(reason).value
    except ValueError:
        raise ActionError("Choose a reason from the list.") from None
    details = " ".join((details or "").split())
    if len(details) > limits.REPORT_DETAILS_MAX:
        raise ActionError(f"Keep the details to {limits.REPORT_DETAILS_MAX:,} characters.")
    if reason == FlagReason.OTHER and not details:
        raise ActionError("Tell the moderators what is wrong when you choose “Something else”.")
    return reason, details


def report_message(reporter: User, message: Message, reason: str, details: str = "") -> MemberReport:
    """Report a message to the site moderators; from now on they may open its conversation."""
    reason, details = _reason_and_details(reason, details)
    if not permissions.may_report_message(reporter, message):
        raise ActionError("You can only report messages others sent you.")
    if db.session.scalar(select(MemberReport.id).where(MemberReport.message_id == message.id,
                                                       MemberReport.reporter_id == reporter.id)):
        raise ActionError("You have already reported this message. The moderators will look at it.")
    now = utcnow()
    report = MemberReport(reporter_id=reporter.id, reported_user_id=message.author_id, message_id=message.id,
                          reason=reason, details=details, created_at=now)
    db.session.add(report)
    db.session.execute(Conversation.__table__.update().where(Conversation.id == message.conversation_id,
                                                             Conversation.reported_at.is_(None))
                       .values(reported_at=now))
    db.session.flush()
    audit.open_review(message, reason, note=details, urgent=reason == FlagReason.CRISIS)
    db.session.commit()
    return report


def report_member(reporter: User, member: User, reason: str, details: str = "") -> MemberReport:
    """Report a member (from their profile) to the site moderators."""
    reason, details = _reason_and_details(reason, details)
    if not permissions.may_report_member(reporter, member):
        raise ActionError("You cannot report yourself.")
    if db.session.scalar(select(MemberReport.id).where(
            MemberReport.reported_user_id == member.id, MemberReport.reporter_id == reporter.id,
            MemberReport.message_id.is_(None), MemberReport.resolved_at.is_(None))):
        raise ActionError(f"You have already reported {member.name}. The moderators will look at it.")
    report = MemberReport(reporter_id=reporter.id, reported_user_id=member.id, reason=reason, details=details,
                          created_at=utcnow())
    db.session.add(report)
    db.session.flush()
    audit.open_review(member, "member_report", note=f"{report.reason_label}: {details}" if details
                      else report.reason_label, urgent=reason == FlagReason.CRISIS)
    db.session.commit()
    return report
