"""Private messages: starting a conversation, replying, reading, and the audited moderator view.

Every message passes the publishing pipeline (``publishing.MESSAGE``): a
silenced, suspended or banned author is refused, the safety panel shows for
crisis language and personal details, watched words block, hold or flag, new
members are rate limited, and the text goes out only through the sanitizer.
What the pipeline found is applied in the same transaction
(``audit.queue_new_text``), so a held or crisis message reaches the review
queue (the message alone; the conversation opens to moderators only after a
participant reports a message). Permission to message someone is
``permissions.may_message``; actions check it again so a stale form cannot
skip it. Unread counts live on the participant rows and change with SQL
arithmetic.
"""
from __future__ import annotations

from sqlalchemy import func, select, update

from forum import permissions, publishing
from forum.actions import ActionError, audit, notify
from forum.extensions import db
from forum.models import Conversation, ConversationParticipant, Message, User, utcnow


def _refusal(sender: User, recipient: User) -> str:
    if permissions.has_blocked(sender, recipient):
        return f"You have blocked {recipient.name}. Unblock them on their profile to send a message."
    return f"{recipient.name} is not accepting messages from you."


def _existing_pair(a: User, b: User) -> Conversation | None:
    """The two-person conversation between ``a`` and ``b``, if there is one."""
    mine = select(ConversationParticipant.conversation_id).where(ConversationParticipant.user_id == a.id)
    theirs = select(ConversationParticipant.conversation_id).where(ConversationParticipant.user_id == b.id)
    pairs = (select(ConversationParticipant.conversation_id)
             .where(ConversationParticipant.conversation_id.in_(mine), ConversationParticipant.conversation_id.in_(theirs))
             .group_by(ConversationParticipant.conversation_id).having(func.count() == 2))
    found = db.session.scalar(pairs.limit(1))
    return db.session.get(Conversation, found) if found else None


def start_conversation(sender: User, recipient: User | None, body: str, *, choice: str = "",
                       screen: bool = True) -> Conversation:
    """Send ``body`` to ``recipient``: in the conversation the two already have, or a new one.

    Raises ``ActionError`` (not allowed, or the pipeline refused) or ``publishing.NeedsConfirmation``.
    """
    if recipient is None:
        raise ActionError("There is no member with that username.")
    if not permissions.may_message(sender, recipient):
        raise ActionError(_refusal(sender, recipient))
    text = publishing.prepare(sender, publishing.MESSAGE, body, choice=choice, screen=screen)
    conversation = _existing_pair(sender, recipient)
    if conversation is None:
        now = utcnow()
        conversation = Conversation(started_by_id=sender.id, created_at=now, last_message_at=now)
        db.session.add(conversation)
        db.session.flush()
        db.session.add_all([ConversationParticipant(conversation_id=conversation.id, user_id=u.id,
                                                    joined_at=now, last_message_at=now)
                            for u in (sender, recipient)])
        db.session.flush()
    _write(sender, conversation, text)
    return conversation


def send_message(author: User, conversation: Conversation, body: str, *, choice: str = "",
                 screen: bool = True) -> Message:
    """Reply in ``conversation``. ``screen=False``: the demo seeder (see ``publishing.prepare``).
    Raises ``ActionError`` or ``publishing.NeedsConfirmation``."""
    if not permissions.may_reply_in_conversation(author, conversation):
        if not any(p.user_id != author.id for p in conversation.participants):
            raise ActionError("Nobody else is left in this conversation, so your message cannot be sent.")
        raise ActionError("You cannot send messages in this conversation because one of you blocked the other.")
    text = publishing.prepare(author, publishing.MESSAGE, body, choice=choice, screen=screen)
    return _write(author, conversation, text)


def _write(author: User, conversation: Conversation, text: publishing.Prepared) -> Message:
    now = utcnow()
    message = Message(conversation_id=conversation.id, author_id=author.id, body_source=text.body,
                      body_html=text.html, created_at=now)
    db.session.add(message)
    db.session.flush()
    audit.queue_new_text(message, text)
    db.session.execute(update(Conversation).where(Conversation.id == conversation.id)
                       .values(message_count=Conversation.message_count + 1, last_message_at=now))
    participants = update(ConversationParticipant).where(ConversationParticipant.conversation_id == conversation.id)
    db.session.execute(participants.where(ConversationParticipant.user_id != author.id)
                       .values(unread_count=ConversationParticipant.unread_count + (0 if message.is_hidden else 1),
                               last_message_at=now))
    db.session.execute(participants.where(ConversationParticipant.user_id == author.id)
                       .values(unread_count=0, last_read_at=now, last_message_at=now))
    notify.message_sent(message)
    db.session.commit()
    return message


def mark_read(user: User, conversation: Conversation) -> None:
    """``user`` has read everything in ``conversation`` so far."""
    db.session.execute(update(ConversationParticipant).where(
        ConversationParticipant.conversation_id == conversation.id, ConversationParticipant.user_id == user.id)
        .values(unread_count=0, last_read_at=utcnow()))
    db.session.commit()


def open_reported_conversation(moderator: User, conversation: Conversation, reason: str = "") -> None:
    """Record that a site moderator opened a reported conversation: the audit row is what
    ``permissions.may_read_conversation`` looks for, so no opening goes unrecorded.
    The caller checks ``permissions.may_open_reported_conversation``."""
    if not permissions.may_open_reported_conversation(moderator, conversation):
        raise ActionError("Only a reported conversation can be opened by a moderator.")
    audit.record(moderator, "open_conversation", "conversation", conversation.id,
                 reason=reason or "Reviewing a reported message")
    db.session.commit()


def set_message_policy(user: User, policy: str) -> User:
    """Who may start a conversation with ``user``. Raises ActionError for an unknown choice."""
    from forum.models import MessagePolicy

    try:
        user.message_policy = MessagePolicy(policy).value
    except ValueError:
        raise ActionError("Choose who may message you from the list.") from None
    db.session.commit()
    return user
